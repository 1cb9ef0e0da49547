import { z } from "zod";
import { memberText } from "../../core/text.js";
import type { RoundRecord, SessionRecord } from "../../store/rounds-repository.js";
import type { CommandContext } from "../context.js";
import { UserError } from "../errors.js";
import { privateReply, type Outcome } from "../reply.js";
import { calendarFile, joinRound, leaveRound, loadView } from "./service.js";
import { withStudyFields } from "./study.js";
import { roundCard, roundTitle, seatsOf } from "./view.js";

// Members' side of rounds: finding one, taking and giving up a seat, its card and calendar, and
// answering after a session (attendance, a takeaway).

export const TAKEAWAY_FORM = "round-takeaway";
export const TAKEAWAY_LIMIT = 1000;
/** A takeaway can be shared for a week after the session. */
const TAKEAWAY_DAYS = 7;

export const takeawaySchema = z.object({ takeaway: memberText({ paragraphs: true }).min(1).max(TAKEAWAY_LIMIT) });

export async function roundByNumber(ctx: CommandContext, number: number): Promise<RoundRecord> {
  const round = await ctx.store.rounds.findByNumber(number);
  if (!round) throw new UserError("rounds.notFound", { number });
  return round;
}

export async function roundById(ctx: CommandContext, roundId: string): Promise<RoundRecord> {
  const round = await ctx.store.rounds.find(roundId);
  if (!round) throw new UserError("common.unknownAction");
  return round;
}

export async function joinRoundReply(ctx: CommandContext, round: RoundRecord): Promise<Outcome> {
  const answer = await joinRound(ctx, round, ctx.member);
  const { t } = ctx;
  switch (answer.outcome) {
    case "seated": return privateReply(t("rounds.joined", { title: round.title, number: round.number }));
    case "alreadySeated": return privateReply(t("rounds.alreadyJoined", { title: round.title }));
    case "waitlisted": return privateReply(t("rounds.waitlisted", { title: round.title, position: answer.position }));
    case "alreadyWaitlisted": return privateReply(t("rounds.alreadyWaitlisted", { title: round.title, position: answer.position }));
    case "closed": return privateReply(t("rounds.closed", { title: round.title }));
  }
}

export async function leaveRoundReply(ctx: CommandContext, round: RoundRecord): Promise<Outcome> {
  const left = await leaveRound(ctx, round, ctx.member);
  return privateReply(ctx.t(left ? "rounds.left" : "rounds.notIn", { title: round.title }));
}

export async function calendarReply(ctx: CommandContext, round: RoundRecord): Promise<Outcome> {
  return privateReply(ctx.t("rounds.calendar.here", { title: round.title }), { files: [await calendarFile(ctx, round)] });
}

/** The round's card as the member reads it, with its buttons. */
export async function showRound(ctx: CommandContext, round: RoundRecord): Promise<Outcome> {
  const view = await loadView(ctx.store, round);
  const card = await withStudyFields(ctx, ctx.t, round, roundCard(ctx.t, ctx.port, view, ctx.now()));
  const mine = view.participants.find((p) => p.memberId === ctx.member.id);
  const status = mine ? ctx.t(mine.status === "seat" ? "rounds.show.seated" : "rounds.show.waiting") : card.text;
  const cards = card.cards ?? [];
  // Its organizer also sees how the sessions held so far went.
  const attendance = round.organizerId === ctx.member.id || ctx.actor.isOrganizer ? await attendanceLines(ctx, view.sessions) : [];
  const withAttendance = attendance.length > 0 && cards[0]
    ? [{ ...cards[0], fields: [...cards[0].fields, { name: ctx.t("rounds.show.attendance"), value: attendance.join("\n") }] }, ...cards.slice(1)]
    : cards;
  return privateReply(status, { cards: withAttendance, ...(card.buttons ? { buttons: card.buttons } : {}) });
}

/** "1. 4 came · 1 could not · 2 takeaways" for each session held. */
async function attendanceLines(ctx: CommandContext, sessions: readonly SessionRecord[]): Promise<string[]> {
  const lines = [];
  for (const session of sessions.filter((s) => s.status === "scheduled" && s.startsAt.getTime() <= ctx.now().getTime())) {
    const answers = await ctx.store.rounds.attendance(session.id);
    lines.push(ctx.t("rounds.show.attendanceLine", {
      position: session.position,
      came: answers.filter((a) => a.attended === true).length,
      missed: answers.filter((a) => a.attended === false).length,
      takeaways: answers.filter((a) => a.takeaway).length,
    }));
  }
  return lines;
}

/** A member's own session: they had a seat in its round and it has ended, not long ago. */
async function ownEndedSession(ctx: CommandContext, sessionId: string) {
  const session = await ctx.store.rounds.session(sessionId);
  if (!session) throw new UserError("common.unknownAction");
  const round = await roundById(ctx, session.roundId);
  const participant = (await ctx.store.rounds.participants(round.id)).find((p) => p.memberId === ctx.member.id);
  if (!participant) throw new UserError("rounds.after.notYours");
  const endedAgo = ctx.now().getTime() - session.startsAt.getTime();
  if (endedAgo < 0) throw new UserError("rounds.after.notYet");
  if (endedAgo > TAKEAWAY_DAYS * 86_400_000) throw new UserError("rounds.after.tooLate");
  return { session, round };
}

export async function listRounds(ctx: CommandContext): Promise<Outcome> {
    const upcoming = await ctx.store.rounds.upcoming(ctx.now());
    if (upcoming.length === 0) return privateReply(ctx.t("rounds.list.none"));
    const mine = new Map((await ctx.store.rounds.roundsOf(ctx.member.id)).map((r) => [r.round.id, r.status]));
    const lines = [];
    for (const { round, next } of upcoming) {
      const { seated } = seatsOf(await ctx.store.rounds.participants(round.id));
      const status = mine.get(round.id);
      const title = roundTitle(ctx.t, round);
      const time = ctx.port.formatTime(next.startsAt, round.timeZone);
      const left = Math.max(round.capacity - seated.length, 0);
      lines.push((left > 0
        ? ctx.t("rounds.list.line", { title, time, left, capacity: round.capacity })
        : ctx.t("rounds.list.lineFull", { title, time, capacity: round.capacity })) + (status ? ` · ${ctx.t(status === "seat" ? "rounds.show.seated" : "rounds.show.waiting")}` : ""));
    }
    return privateReply([ctx.t("rounds.list.title"), ...lines, ctx.t("rounds.list.hint")].join("\n"));
  }

/** "I was there" / "I couldn't make it" after a session. */
export async function recordAttendance(ctx: CommandContext, sessionId: string, attended: boolean): Promise<Outcome> {
  const { session } = await ownEndedSession(ctx, sessionId);
  await ctx.store.rounds.recordAttendance(session.id, ctx.member.id, { attended });
  return privateReply(ctx.t(attended ? "rounds.after.thanksAttended" : "rounds.after.thanksMissed"));
}

/** "Share a takeaway": the form, with the session noted for its submission (forms carry no argument). */
export async function openTakeaway(ctx: CommandContext, sessionId: string): Promise<Outcome> {
  const { session } = await ownEndedSession(ctx, sessionId);
  await ctx.store.formDrafts.save(ctx.member.id, TAKEAWAY_FORM, { sessionId: session.id }, ctx.now());
  return ctx.openForm(TAKEAWAY_FORM);
}

/** The takeaway form: posted in the round's thread (its conversation), and kept with the attendance. */
export async function shareTakeaway(ctx: CommandContext, { takeaway }: { takeaway: string }): Promise<Outcome> {
  // The session was noted when the member pressed "share a takeaway" (see the action below).
  const draft = await ctx.store.formDrafts.find(ctx.member.id, TAKEAWAY_FORM, new Date(ctx.now().getTime() - 86_400_000));
  const sessionId = typeof draft?.sessionId === "string" ? draft.sessionId : undefined;
  if (!sessionId) throw new UserError("rounds.takeaway.expired");
  const { session, round } = await ownEndedSession(ctx, sessionId);
  await ctx.store.rounds.recordAttendance(session.id, ctx.member.id, { attended: true, takeaway });
  const where = round.discussionId ?? round.cardChannelId;
  if (where) {
    await ctx.port.postMessage(where, {
      text: ctx.communityT("rounds.takeaway.post", { member: ctx.port.mentionUser(ctx.member.platformUserId), position: session.position, takeaway }),
    });
  }
  return privateReply(ctx.t(where ? "rounds.takeaway.posted" : "rounds.takeaway.saved"));
}
