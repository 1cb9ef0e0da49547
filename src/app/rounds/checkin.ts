import { randomInt } from "node:crypto";
import { CHECK_IN_ALPHABET, makeCheckInCode, readCheckInCode } from "../../core/rounds/index.js";
import type { SessionRecord } from "../../store/rounds-repository.js";
import type { CommandContext } from "../context.js";
import { UserError } from "../errors.js";
import { privateReply, type Outcome } from "../reply.js";
import { roundActions } from "./actions.js";
import { roundById, roundByNumber } from "./participation.js";
import { requireOrganizer, sessionOf } from "./study.js";

// Check-in at the venue: the organizer opens it for a session and says the code aloud (or shows
// it); members type the code, or press "I'm here" while it is open. Attendance comes from it; the
// question after the session goes only to those who did not check in.

/** Codes are unique in the community, closed ones included (an old code is refused by name). */
const CODE_ATTEMPTS = 20;
const randomFraction = () => randomInt(CHECK_IN_ALPHABET.length) / CHECK_IN_ALPHABET.length;

/** `/round checkin-open`: opens (or with close, closes) check-in for a session, the one under way by default. */
export async function openCheckIn(ctx: CommandContext, input: { round: number; session?: number | undefined; close?: string | undefined }): Promise<Outcome> {
  const round = await roundByNumber(ctx, input.round);
  requireOrganizer(ctx, round);
  const session = await sessionOf(ctx, round, input.session);
  const { studySessions } = ctx.store;
  if (input.close === "yes") {
    const closed = await studySessions.closeCheckIn(session.id, ctx.now());
    if (!closed) throw new UserError("sessions.checkIn.notOpen", { position: session.position, title: round.title });
    const came = (await studySessions.attendance([session.id])).filter((a) => a.checkedInAt).length;
    return privateReply(ctx.t("sessions.checkIn.closed", { position: session.position, came }));
  }
  if (round.status === "cancelled" || session.status === "cancelled") throw new UserError("rounds.edit.sessionCancelled", { position: session.position });
  const existing = await studySessions.checkIn(session.id);
  const code = existing?.code ?? (await freshCode(ctx));
  await studySessions.openCheckIn(session.id, code, ctx.now());
  const where = round.discussionId ?? round.cardChannelId;
  if (where && !existing) {
    await ctx.port.postMessage(where, {
      text: ctx.communityT("sessions.checkIn.announce", { title: round.title, position: session.position }),
      buttons: [{ actionId: roundActions.here.id(session.id), label: ctx.communityT("sessions.checkIn.here"), style: "primary" }],
    });
  }
  return privateReply(ctx.t("sessions.checkIn.opened", { code, position: session.position, title: round.title }), {
    buttons: [{ actionId: roundActions.here.id(session.id), label: ctx.t("sessions.checkIn.here"), style: "primary" }],
  });
}

async function freshCode(ctx: CommandContext): Promise<string> {
  for (let attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
    const code = makeCheckInCode(randomFraction);
    if (!(await ctx.store.studySessions.codeTaken(code))) return code;
  }
  throw new Error("no free check-in code after several attempts");
}

/** `/round checkin code:` — the code names the session. */
export async function checkInByCode(ctx: CommandContext, typed: string): Promise<Outcome> {
  const code = readCheckInCode(typed);
  const checkIn = code && (await ctx.store.studySessions.checkInByCode(code));
  if (!checkIn) throw new UserError("sessions.checkIn.unknownCode", { code: typed.trim() });
  const session = await ctx.store.rounds.session(checkIn.sessionId);
  if (!session) throw new UserError("sessions.checkIn.unknownCode", { code: typed.trim() });
  return recordCheckIn(ctx, session);
}

/** "I'm here" under the check-in announcement. */
export async function checkInByButton(ctx: CommandContext, sessionId: string): Promise<Outcome> {
  const session = await ctx.store.rounds.session(sessionId);
  if (!session) throw new UserError("common.unknownAction");
  return recordCheckIn(ctx, session);
}

async function recordCheckIn(ctx: CommandContext, session: SessionRecord): Promise<Outcome> {
  const round = await roundById(ctx, session.roundId);
  const checkIn = await ctx.store.studySessions.checkIn(session.id);
  if (!checkIn || checkIn.closedAt) throw new UserError("sessions.checkIn.notOpen", { position: session.position, title: round.title });
  const participants = await ctx.store.rounds.participants(round.id);
  if (!participants.some((p) => p.memberId === ctx.member.id)) throw new UserError("sessions.checkIn.notIn", { title: round.title, number: round.number });
  await ctx.store.studySessions.markCheckedIn(session.id, ctx.member.id, ctx.now());
  return privateReply(ctx.t("sessions.checkIn.welcome", { title: round.title, position: session.position }));
}
