import {
  capacitiesOf,
  freeSeats,
  placeOfSeat,
  promotionsOpen,
  sessionPromotions,
  sessionRoll,
  sessionWaitingPosition,
  type PlaceCapacity,
  type SessionAnswerKind,
  type SessionRoll,
} from "../../core/rounds/index.js";
import type { Translate } from "../../i18n/index.js";
import type { MemberRecord } from "../../store/records.js";
import type { CommunityRepositories } from "../../store/repositories.js";
import type { RoundRecord, SessionRecord } from "../../store/rounds-repository.js";
import type { CommunityContext } from "../context.js";
import { UserError } from "../errors.js";
import { roundActions } from "./actions.js";
import { tellMember } from "./service.js";
import { privatePlaceOf, roundTitle } from "./view.js";

// A seat per session: "I'm coming" / "not this time" for one session of a series. A freed
// session seat goes to the first member waiting for that kind of place, who is told; the member
// who gave it up keeps their seat in the series. Every change runs in a transaction that takes
// the round's row first, so two members freeing seats at once promote two different members.

type Repositories = Pick<CommunityRepositories, "rounds">;

export async function loadRoll(repos: Repositories, round: RoundRecord, session: SessionRecord): Promise<{ roll: SessionRoll; places: PlaceCapacity[] }> {
  const [participants, answers, places] = await Promise.all([
    repos.rounds.participants(round.id),
    repos.rounds.answers(session.id),
    repos.rounds.places(round.id),
  ]);
  const capacities = capacitiesOf(round.capacity, places);
  return { roll: sessionRoll(participants, answers, capacities), places: capacities };
}

export type SessionAnswerOutcome =
  | { outcome: "coming" | "alreadyComing" | "absent" | "alreadyAbsent" | "full" | "notIn" }
  | { outcome: "waiting"; position: number };

/** A session members can still answer for: scheduled, not begun, in an open round; else a clear refusal. */
export async function answerableSession(ctx: CommunityContext, sessionId: string): Promise<{ round: RoundRecord; session: SessionRecord }> {
  const session = await ctx.store.rounds.session(sessionId);
  const round = session && (await ctx.store.rounds.find(session.roundId));
  if (!session || !round) throw new UserError("common.unknownAction");
  if (round.status !== "open" || session.status !== "scheduled") throw new UserError("rounds.answer.cancelled", { title: round.title, position: session.position });
  if (session.startsAt.getTime() <= ctx.now().getTime()) throw new UserError("rounds.answer.started", { title: round.title, position: session.position });
  return { round, session };
}

/**
 * Records the member's answer for one session and hands any seat it frees to those waiting.
 * `place` is the kind a member outside the series asks for (Discord event interest: the first).
 */
export async function answerSession(
  ctx: CommunityContext, round: RoundRecord, session: SessionRecord, member: MemberRecord, answer: SessionAnswerKind,
): Promise<SessionAnswerOutcome> {
  const now = ctx.now();
  const { result, promoted } = await ctx.store.transaction(async (tx) => {
    await tx.rounds.lock(round.id);
    const { roll, places } = await loadRoll(tx, round, session);
    const seat = (await tx.rounds.participants(round.id)).find((p) => p.memberId === member.id);
    const coming = roll.coming.some((c) => c.memberId === member.id);
    const waiting = roll.waiting.some((w) => w.memberId === member.id);
    const place = placeOfSeat(seat?.place ?? "", places);
    let result: SessionAnswerOutcome;
    if (answer === "absent") {
      if (!coming && !waiting) return { result: { outcome: seat ? "alreadyAbsent" : "notIn" } as SessionAnswerOutcome, promoted: [] };
      await tx.rounds.setAnswer(session.id, member.id, "absent", now, place);
      result = { outcome: "absent" };
    } else if (coming) {
      return { result: { outcome: "alreadyComing" } as SessionAnswerOutcome, promoted: [] };
    } else if (freeSeats(roll, places, place) > 0) {
      if (seat?.status === "seat") await tx.rounds.clearAnswer(session.id, member.id);
      else await tx.rounds.setAnswer(session.id, member.id, "coming", now, place);
      result = { outcome: "coming" };
    } else if (seat?.status === "waitlist") {
      await tx.rounds.clearAnswer(session.id, member.id);
      const after = await loadRoll(tx, round, session);
      result = { outcome: "waiting", position: sessionWaitingPosition(after.roll, member.id) ?? 1 };
    } else {
      return { result: { outcome: "full" } as SessionAnswerOutcome, promoted: [] };
    }
    const after = await loadRoll(tx, round, session);
    const promoted = sessionPromotions(after.roll, after.places, promotionsOpen(session.startsAt, round.promotionStopMinutes, now));
    for (const memberId of promoted) {
      await tx.rounds.setAnswer(session.id, memberId, "coming", now, after.roll.waiting.find((w) => w.memberId === memberId)?.place ?? "");
    }
    return { result, promoted };
  });
  if (promoted.length > 0) ctx.log.info({ round: round.id, session: session.id, promoted: promoted.length }, "session seats handed on");
  await tellSessionPromoted(ctx, round, session, promoted);
  return result;
}

/** "A seat freed up for session 3": with the link and note only seated members get, and the button to give it back. */
async function tellSessionPromoted(ctx: CommunityContext, round: RoundRecord, session: SessionRecord, memberIds: readonly string[]): Promise<void> {
  for (const memberId of memberIds) {
    const member = await ctx.store.members.find(memberId);
    if (!member) continue;
    const t = ctx.memberT(member);
    await tellMember(ctx, member, {
      text: [
        t("rounds.session.promoted", {
          title: roundTitle(t, round), position: session.position, time: ctx.port.formatTime(session.startsAt, round.timeZone),
        }),
        privateDetails(t, round),
      ].filter(Boolean).join("\n"),
      buttons: [absentButton(t, session)],
    });
  }
}

/** The place with the online link, and the organizer's note: for members with a seat only. */
export function privateDetails(t: Translate, round: RoundRecord): string {
  return [
    t("rounds.private.place", { place: privatePlaceOf(t, round) }),
    round.privateNote ? t("rounds.private.note", { note: round.privateNote }) : "",
  ].filter(Boolean).join("\n");
}

export const absentButton = (t: Translate, session: SessionRecord) =>
  ({ actionId: roundActions.absent.id(session.id), label: t("rounds.button.absent") });

export const comingButton = (t: Translate, session: SessionRecord) =>
  ({ actionId: roundActions.coming.id(session.id), label: t("rounds.button.coming"), style: "primary" as const });

/** The answer as the member reads it. */
export function answerText(t: Translate, round: RoundRecord, session: SessionRecord, answer: SessionAnswerOutcome): string {
  const params = { title: round.title, position: session.position };
  switch (answer.outcome) {
    case "coming": return t("rounds.answer.coming", params);
    case "alreadyComing": return t("rounds.answer.alreadyComing", params);
    case "absent": return t("rounds.answer.absent", params);
    case "alreadyAbsent": return t("rounds.answer.alreadyAbsent", params);
    case "full": return t("rounds.answer.full", params);
    case "notIn": return t("rounds.answer.notIn", params);
    case "waiting": return t("rounds.answer.waiting", { ...params, rank: answer.position });
  }
}
