import { nextPairingRound } from "../../core/pairing/rhythm.js";
import type { PairingSettings } from "../../core/pairing/settings.js";
import type { Translate } from "../../i18n/index.js";
import type { ClaimedJob, JobDeps, JobHandlers, JobPayload } from "../../jobs/queue.js";
import { isPermanentRefusal } from "../../port/errors.js";
import type { Message } from "../../port/message.js";
import type { PairingRoundRecord } from "../../store/pairing-repository.js";
import type { CommunityStore } from "../../store/repositories.js";
import { actionKind } from "../actions.js";
import { communityOfJob, zoneOf, type CommandContext, type CommunityContext } from "../context.js";
import { UserError } from "../errors.js";
import { privateReply, type Outcome } from "../reply.js";

// Per-round opt-in, a community setting: instead of pairing everyone who joined, the heads-up asks
// "are you in this week?" and only those who answer yes are paired. Half a day before the round,
// when fewer than half of the pool have answered, those who have not are asked once more.

export const OPT_IN_JOBS = { reminder: "pairing.opt-in-reminder" } as const;

/** The reminder goes out this long before the round. */
export const OPT_IN_REMINDER_HOURS = 12;

export const optInActions = {
  answer: actionKind("match:in", ["roundId", "answer"]),
};

const ANSWERS = ["yes", "no"] as const;

/** The question with its two buttons: the heads-up's, and the reminder's. */
export function optInQuestion(t: Translate, text: string, roundId: string): Message {
  return {
    text,
    buttons: [
      { actionId: optInActions.answer.id(roundId, "yes"), label: t("optIn.yes"), style: "primary" },
      { actionId: optInActions.answer.id(roundId, "no"), label: t("optIn.no"), style: "secondary" },
    ],
  };
}

/**
 * Who a round leaves out of its pool: those who skip it, those who said no, and, when the round
 * asks (opt-in), everyone in the pool who did not say yes.
 */
export async function leftOutOfRound(store: CommunityStore, settings: PairingSettings, roundId: string | undefined, at: Date): Promise<Set<string>> {
  if (!roundId) return settings.optIn ? new Set((await store.pairing.pool(at)).map((p) => p.memberId)) : new Set();
  const { yes, no } = await store.meetings.optIns(roundId);
  const leftOut = new Set([...await store.pairing.skips(roundId), ...no]);
  if (settings.optIn) for (const p of await store.pairing.pool(at)) if (!yes.has(p.memberId)) leftOut.add(p.memberId);
  return leftOut;
}

/** How many of the pool said yes to the round (for the organizer's preview and settings). */
export async function optInCount(store: CommunityStore, round: PairingRoundRecord | null, at: Date): Promise<{ yes: number; pool: number }> {
  const pool = await store.pairing.pool(at);
  const yes = round ? (await store.meetings.optIns(round.id)).yes : new Set<string>();
  return { yes: pool.filter((p) => yes.has(p.memberId)).length, pool: pool.length };
}

/** Plans the reminder of an opt-in round (a no-op when planned already, or when it would come after the question). */
export async function planOptInReminder(ctx: Pick<CommunityContext, "community" | "jobs">, slot: { period: string; at: Date }, after: Date): Promise<void> {
  const dueAt = new Date(slot.at.getTime() - OPT_IN_REMINDER_HOURS * 3_600_000);
  if (dueAt <= after) return;
  await ctx.jobs.schedule({
    kind: OPT_IN_JOBS.reminder, dedupeKey: `pairing:opt-in-reminder:${ctx.community.id}:${slot.period}`, dueAt, communityId: ctx.community.id,
    payload: { period: slot.period, at: slot.at.toISOString(), manual: false },
  });
}

/** The buttons "Yes, I'm in" and "Not this week". */
export async function answerOptIn(ctx: CommandContext, roundId: string, answer: string): Promise<Outcome> {
  if (!(ANSWERS as readonly string[]).includes(answer)) throw new UserError("common.unknownAction");
  const round = await ctx.store.pairing.round(roundId);
  if (!round) throw new UserError("common.unknownAction");
  if (round.status !== "planned") return privateReply(ctx.t("pairingRound.tooLate"));
  const participant = await ctx.store.pairing.participant(ctx.member.id);
  if (!participant?.active) throw new UserError("match.notJoined");
  await ctx.store.meetings.answerOptIn(round.id, ctx.member.id, answer === "yes", ctx.now());
  return privateReply(answer === "yes"
    ? ctx.t("optIn.answeredYes", { time: ctx.port.formatTime(round.scheduledAt, zoneOf(ctx)) })
    : ctx.t("optIn.answeredNo"));
}

/** Half a day before an opt-in round: when fewer than half of the pool answered, those who did not are asked again. */
async function remind(deps: JobDeps, job: ClaimedJob<JobPayload<"pairing.opt-in-reminder">>): Promise<void> {
  const ctx = await communityOfJob(deps, job.communityId);
  if (!ctx) return;
  const { store, community } = ctx;
  const at = new Date(job.payload.at);
  const settings = await store.pairing.settings();
  if (!settings.enabled || !settings.channelId || !settings.optIn || deps.now() >= at) return;
  // Settings changed since it was planned (another day or hour): the reminder belongs to no round.
  const rhythm = { timeZone: community.timeZone, weekday: settings.weekday, hour: settings.hour, cadenceWeeks: settings.cadenceWeeks };
  if (nextPairingRound(rhythm, new Date(at.getTime() - 1)).period !== job.payload.period) return;
  const round = await store.pairing.ensureRound(job.payload.period, at);
  if (round.status !== "planned") return;
  const { yes, no } = await store.meetings.optIns(round.id);
  const skips = await store.pairing.skips(round.id);
  const pool = (await store.pairing.pool(at)).filter((p) => !skips.has(p.memberId));
  const unanswered = pool.filter((p) => !yes.has(p.memberId) && !no.has(p.memberId));
  if ((pool.length - unanswered.length) * 2 >= pool.length) return;
  for (const p of unanswered) {
    const member = await store.members.find(p.memberId);
    if (!member) continue;
    const t = ctx.memberT(member);
    const message = optInQuestion(t, t("optIn.reminder", { time: ctx.port.formatTime(at, member.timeZone ?? community.timeZone) }), round.id);
    const key = `round:${round.id}:opt-in-reminder:${member.id}`;
    try {
      await deps.outbox.deliver({
        key, communityId: community.id,
        send: (retrying) => ctx.port.sendDirectMessage(member.platformUserId, message, { idempotencyKey: key, retrying }),
      });
    } catch (error) {
      if (!isPermanentRefusal(error)) throw error;
      ctx.log.warn({ member: member.id, code: error.code }, "opt-in reminder not delivered");
    }
  }
}

export function optInJobHandlers(deps: JobDeps): JobHandlers<(typeof OPT_IN_JOBS)[keyof typeof OPT_IN_JOBS]> {
  return { [OPT_IN_JOBS.reminder]: (job) => remind(deps, job) };
}
