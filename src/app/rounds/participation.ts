import { z } from "zod";
import { memberText } from "../../core/text.js";
import type { RoundRecord, SessionRecord } from "../../store/rounds-repository.js";
import type { CommandContext } from "../context.js";
import { UserError } from "../errors.js";
import { privateReply, type Outcome } from "../reply.js";
import { placeByLabel } from "./places.js";
import { calendarFile, joinRound, leaveRound, loadView } from "./service.js";
import { absentButton, answerableSession, answerSession, answerText, comingButton, loadRoll, privateDetails } from "./session-seats.js";
import { withStudyFields } from "./study.js";
import { roundCard, roundTitle, seatsOf, sessionLine, type RoundView } from "./view.js";

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

/** Joining by command (`place` names the kind, else the first) or by a card's button (`placeId`). */
export async function joinRoundReply(ctx: CommandContext, round: RoundRecord, place: { label?: string | undefined; id?: string } = {}): Promise<Outcome> {
  const places = await ctx.store.rounds.places(round.id);
  if (place.id !== undefined && !places.some((p) => p.id === place.id)) throw new UserError("rounds.places.gone", { number: round.number });
  const placeId = place.id ?? (await placeByLabel(ctx, round, place.label));
  const answer = await joinRound(ctx, round, ctx.member, placeId);
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

/** Sessions listed in `/round show`, from the next one. */
const SHOWN_SESSIONS = 8;

/**
 * `/round show`: the round as it is now for the member who asks: where they stand, each
 * session to come with who is coming, not coming and waiting, and (for seated members) the link
 * and note that are not on the public card.
 */
export async function showRound(ctx: CommandContext, round: RoundRecord): Promise<Outcome> {
  const view = await loadView(ctx.store, round);
  const { t } = ctx;
  const card = await withStudyFields(ctx, t, round, roundCard(t, ctx.port, view, ctx.now()));
  const mine = view.participants.find((p) => p.memberId === ctx.member.id);
  const status = round.status === "cancelled"
    ? t("rounds.card.cancelledText", { title: round.title })
    : mine ? t(mine.status === "seat" ? "rounds.show.seated" : "rounds.show.waiting") : t("rounds.show.notIn", { title: round.title });
  const sessions = await sessionLines(ctx, view);
  const [first, ...rest] = card.cards ?? [];
  if (!first) return privateReply(status);
  const schedule = t("rounds.card.schedule");
  const fields = [
    ...first.fields.map((f) => (f.name === schedule && sessions.length > 0 ? { ...f, value: sessions.join("\n") } : f)),
    ...(mine?.status === "seat" && (round.onlineUrl || round.privateNote) ? [{ name: t("rounds.show.forParticipants"), value: privateDetails(t, round) }] : []),
  ];
  // Its organizer also sees how the sessions held so far went.
  const attendance = round.organizerId === ctx.member.id || ctx.actor.isOrganizer ? await attendanceLines(ctx, view.sessions) : [];
  if (attendance.length > 0) fields.push({ name: t("rounds.show.attendance"), value: attendance.join("\n") });
  return privateReply(status, { cards: [{ ...first, fields }, ...rest], ...(card.buttons ? { buttons: card.buttons } : {}) });
}

/** "2. <time> · 第3章 — 5 coming · 1 not this time · 2 waiting · you: coming" for each session to come. */
async function sessionLines(ctx: CommandContext, view: RoundView): Promise<string[]> {
  const { t } = ctx;
  const now = ctx.now().getTime();
  const lines = [];
  for (const session of view.sessions.filter((s) => s.startsAt.getTime() > now).slice(0, SHOWN_SESSIONS)) {
    const line = sessionLine(t, ctx.port, view, session);
    if (session.status !== "scheduled") {
      lines.push(line);
      continue;
    }
    const { roll } = await loadRoll(ctx.store, view.round, session);
    const me = ctx.member.id;
    const answer = roll.coming.some((c) => c.memberId === me) ? "coming" : roll.waiting.some((w) => w.memberId === me) ? "waiting" : roll.absent.includes(me) ? "absent" : undefined;
    lines.push(`${line} — ${t("rounds.show.sessionCounts", { coming: roll.coming.length, absent: roll.absent.length, waiting: roll.waiting.length })}`
      + (answer ? ` · ${t(`rounds.show.you.${answer}`)}` : ""));
  }
  return lines;
}

/** "For participants": the link and note, to a seated member only. */
export async function participantInfo(ctx: CommandContext, round: RoundRecord): Promise<Outcome> {
  const mine = (await ctx.store.rounds.participants(round.id)).find((p) => p.memberId === ctx.member.id);
  if (mine?.status !== "seat") throw new UserError("rounds.info.seatedOnly", { title: round.title });
  return privateReply([roundTitle(ctx.t, round), privateDetails(ctx.t, round)].join("\n"));
}

/** "I'm coming" / "I can't make it" for one session, from a button or `/round answer`. */
export async function answerSessionReply(ctx: CommandContext, sessionId: string, answer: "coming" | "absent"): Promise<Outcome> {
  const { round, session } = await answerableSession(ctx, sessionId);
  const result = await answerSession(ctx, round, session, ctx.member, answer);
  const text = answerText(ctx.t, round, session, result);
  // The answer's button changes it back: a seat given up can be asked for again while one is free.
  if (result.outcome === "coming") return privateReply(text, { buttons: [absentButton(ctx.t, session)] });
  if (result.outcome === "absent") return privateReply(text, { buttons: [comingButton(ctx.t, session)] });
  return privateReply(text);
}

/** `/round answer`: the session by its number in the round. */
export async function answerByNumber(ctx: CommandContext, input: { round: number; session: number; answer: "coming" | "absent" }): Promise<Outcome> {
  const round = await roundByNumber(ctx, input.round);
  const session = (await ctx.store.rounds.sessions(round.id)).find((s) => s.position === input.session);
  if (!session) throw new UserError("rounds.edit.noSession", { position: input.session, title: round.title });
  return answerSessionReply(ctx, session.id, input.answer);
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
