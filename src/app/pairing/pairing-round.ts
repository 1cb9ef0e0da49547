import { nextPairingRound, type PairingSlot } from "../../core/pairing/rhythm.js";
import { countMisses, ROUNDS_COUNTED_FOR_MISSES, type PairingSettings } from "../../core/pairing/settings.js";
import { packLines } from "../../core/text.js";
import { translator, type Locale, type Translate } from "../../i18n/index.js";
import type { ClaimedJob, JobDeps, JobHandlers, JobPayload } from "../../jobs/queue.js";
import { MESSAGE_TEXT_LIMIT } from "../../port/message.js";
import type { CommunityRecord } from "../../store/records.js";
import { communityOfJob, type CommunityContext } from "../context.js";
import { inLanguages, languagesOf, textInLanguages } from "../languages.js";
import { planReconnects } from "../network/reconnect.js";
import { pairingActions, PAUSE_CHOICES } from "./actions.js";
import { agreedMeetingTime, proposeMeetingTimesToGroup } from "./meeting.js";
import { followUpMessage, groupIntroMessage, type GroupMemberView } from "./messages.js";
import { leftOutOfRound, optInQuestion, planOptInReminder } from "./opt-in.js";
import { pairPool } from "./pool.js";

// A pairing round as jobs: heads-up → round (groups, announcement, private spaces) → follow-up.
// Each step may be run again after a crash: the round row is unique per period, its groups are
// saved in batches and count only once the round's status says "matched" (an attempt that stopped
// before is cleared and made again), and every message goes through the outbox.

export const PAIRING_JOBS = { headsUp: "pairing.heads-up", round: "pairing.round", followUp: "pairing.follow-up" } as const;

type SlotPayload = JobPayload<"pairing.round">;

const rhythmOf = (community: CommunityRecord, settings: PairingSettings) => ({
  timeZone: community.timeZone, weekday: settings.weekday, hour: settings.hour, cadenceWeeks: settings.cadenceWeeks,
});

/** The next pairing round after `after` for the community's current settings, or none when pairing is off. */
export function upcomingPairingRound(community: CommunityRecord, settings: PairingSettings, after: Date): PairingSlot | undefined {
  return settings.enabled && settings.channelId ? nextPairingRound(rhythmOf(community, settings), after) : undefined;
}

type Planning = Pick<CommunityContext, "community" | "store" | "jobs">;

/** Schedules the jobs of the next pairing round (a no-op for jobs already scheduled). */
export async function planNextPairingRound(ctx: Planning, after: Date): Promise<PairingSlot | undefined> {
  const { community } = ctx;
  const settings = await ctx.store.pairing.settings();
  const slot = upcomingPairingRound(community, settings, after);
  if (!slot) return undefined;
  const payload = { period: slot.period, at: slot.at.toISOString(), manual: false };
  await ctx.jobs.schedule({ kind: PAIRING_JOBS.round, dedupeKey: `pairing:round:${community.id}:${slot.period}`, dueAt: slot.at, communityId: community.id, payload });
  // An opt-in round asks its question in the heads-up, so it always has one.
  if (settings.headsUp || settings.optIn) {
    const headsUpAt = new Date(Math.max(slot.at.getTime() - settings.headsUpHours * 3_600_000, after.getTime()));
    await ctx.jobs.schedule({ kind: PAIRING_JOBS.headsUp, dedupeKey: `pairing:heads-up:${community.id}:${slot.period}`, dueAt: headsUpAt, communityId: community.id, payload });
  }
  if (settings.optIn) await planOptInReminder(ctx, slot, after);
  return slot;
}

/** At start: every community with pairing on has its next pairing round planned. */
export async function planAllPairingRounds(deps: JobDeps): Promise<void> {
  for (const communityId of await deps.store.communities.withPairingEnabled()) {
    const community = await deps.store.communities.find(communityId);
    if (community) await planNextPairingRound({ community, store: deps.store.forCommunity(community.id), jobs: deps.jobs }, deps.now());
  }
}

/** Manual rounds (run-now) get a period of their own so they never collide with the weekly one. */
export async function scheduleManualPairingRound(ctx: Pick<CommunityContext, "community" | "jobs">, at: Date): Promise<string> {
  const period = `manual-${at.toISOString().slice(0, 16)}`;
  await ctx.jobs.schedule({
    kind: PAIRING_JOBS.round, dedupeKey: `pairing:round:${ctx.community.id}:${period}`, dueAt: at, communityId: ctx.community.id,
    payload: { period, at: at.toISOString(), manual: true },
  });
  return period;
}

interface Loaded {
  ctx: CommunityContext;
  settings: PairingSettings;
}

async function load(deps: JobDeps, job: ClaimedJob<unknown>): Promise<Loaded | undefined> {
  const ctx = await communityOfJob(deps, job.communityId);
  return ctx && { ctx, settings: await ctx.store.pairing.settings() };
}

/** A weekly job still belongs to the rhythm: settings changed since it was planned make it void. */
function stillScheduled({ ctx, settings }: Loaded, { period, at, manual }: SlotPayload): boolean {
  if (manual) return Boolean(settings.channelId);
  const slot = upcomingPairingRound(ctx.community, settings, new Date(new Date(at).getTime() - 1));
  return slot?.period === period;
}

async function headsUp(deps: JobDeps, job: ClaimedJob<SlotPayload>): Promise<void> {
  const { period, at } = job.payload;
  const loaded = await load(deps, job);
  if (!loaded || !stillScheduled(loaded, job.payload)) return;
  // Turned off after it was planned, or due after its round (the process was down): a heads-up
  // that would announce a round already made is not sent.
  if (!(loaded.settings.headsUp || loaded.settings.optIn) || deps.now() > new Date(at)) return;
  const { ctx: { community, store, port }, settings } = loaded;
  const round = await store.pairing.ensureRound(period, new Date(at));
  if (round.status !== "planned") return;
  const pool = await store.pairing.pool(new Date(at));
  const time = port.formatTime(new Date(at), community.timeZone);
  // Posted in the channel for the whole pool: in each of its members' languages.
  const message = inLanguages(languagesOf(pool, community.locale), (locale) => {
    const t = translator(locale);
    return settings.optIn
      ? optInQuestion(t, t("optIn.headsUp", { time }), round.id)
      : {
        text: t("pairingRound.headsUp", { time, count: pool.length }),
        buttons: [{ actionId: pairingActions.skip.id(round.id), label: t("pairingRound.headsUp.skip") }],
      };
  });
  const key = `round:${round.id}:heads-up`;
  await deps.outbox.deliver({
    key, communityId: community.id,
    send: (retrying) => port.postMessage(settings.channelId!, message, { idempotencyKey: key, retrying }),
  });
}

/**
 * Tells the members this round paused (see countMisses) how to resume, with a button for each
 * choice. They are read from the stored state, so a restart after the round was matched still
 * sends each notice once.
 */
async function tellAutoPaused(deps: JobDeps, ctx: CommunityContext, roundId: string) {
  const { store, community, port } = ctx;
  for (const member of await store.pairing.pausedInRound(roundId)) {
    const key = `round:${roundId}:auto-paused:${member.memberId}`;
    const t = ctx.memberT(member);
    const notice = {
      text: t("pairingRound.autoPaused"),
      buttons: PAUSE_CHOICES.map((choice) => ({
        actionId: pairingActions.paused.id(choice), label: t(`pairingRound.autoPaused.${choice}`), ...(choice === "keep" ? { style: "primary" as const } : {}),
      })),
    };
    await deps.outbox.deliver({
      key, communityId: community.id,
      send: (retrying) => port.sendDirectMessage(member.platformUserId, notice, { idempotencyKey: key, retrying }),
    });
  }
}

/** Draws the pool and saves the members' follow-up misses, its groups, and then the round's new status. */
async function matchRound(ctx: CommunityContext, settings: PairingSettings, roundId: string, at: Date): Promise<void> {
  const { store } = ctx;
  // Misses are counted over each member's own recent rounds whose follow-up went out (a round
  // they sat out, or one whose follow-up is not due yet, counts for nothing), since they last
  // joined or resumed. The new counts are written with the groups, and worked out again from the
  // answers on a re-run (the same counts: writing them twice changes nothing).
  const answers = new Map<string, { at: Date; answered: boolean }[]>();
  for (const a of await store.pairing.followUpAnswers(at, ROUNDS_COUNTED_FOR_MISSES)) answers.set(a.memberId, [...answers.get(a.memberId) ?? [], a]);
  const autoPaused: string[] = [];
  // Members whose count changed, by their new count and pause: one write for many members.
  const changed = new Map<string, { changes: { missedFollowUps: number; autoPaused?: boolean; pausedInRoundId?: string }; memberIds: string[] }>();
  for (const { memberId, resumedAt, missedFollowUps } of await store.pairing.countedForMisses()) {
    const own = (answers.get(memberId) ?? []).filter((a) => !resumedAt || a.at >= resumedAt).map((a) => a.answered);
    const { misses, pause } = countMisses(own);
    if (pause) autoPaused.push(memberId);
    // Only changed counts are written: a large pool costs no write per member and round.
    if (!pause && misses === missedFollowUps) continue;
    const key = `${misses}:${pause}`;
    const entry = changed.get(key) ?? { changes: { missedFollowUps: misses, ...(pause ? { autoPaused: true, pausedInRoundId: roundId } : {}) }, memberIds: [] };
    entry.memberIds.push(memberId);
    changed.set(key, entry);
  }
  // Not paused in the store yet: the members paused now are left out of the pool like skippers
  // (and, in an opt-in round, like everyone who did not say yes).
  const leftOut = new Set([...await leftOutOfRound(store, settings, roundId, at), ...autoPaused]);
  const { result, poolSize, unplaced } = await pairPool(store, ctx.community, settings, at, leftOut);
  for (const { changes, memberIds } of changed.values()) await store.pairing.setParticipationOfMany(memberIds, changes);
  await store.pairing.clearUnmatched(roundId);
  await store.pairing.saveGroups(roundId, result.groups.map((g) => ({ memberIds: g.members, score: g.score, reasons: g.reasons })));
  await store.pairing.saveUnplaced(roundId, [...unplaced].map(([memberId, reason]) => ({ memberId, reason })));
  await store.pairing.setRoundStatus(roundId, "matched");
  ctx.log.info({ pool: poolSize, groups: result.groups.length, stats: result.stats, unplaced: unplaced.size, autoPaused: autoPaused.length }, "round matched");
}

/** What a program's round says beyond the default round's (see program-round.ts). */
export interface RoundVoice {
  /** Put before the announcement: the program's name. */
  heading: string;
  /** A group's conversation starters, when the program has its own. */
  starters?: (members: readonly GroupMemberView[], locale: Locale) => string[] | undefined;
}

/** The announcement, the private space of each group with its introduction, and the follow-up planned. */
export async function announceRound(
  deps: JobDeps, ctx: CommunityContext, settings: PairingSettings, roundId: string, period: string, at: Date, voice?: RoundVoice,
): Promise<void> {
  const { store, community, port } = ctx;
  const { outbox } = deps;
  await tellAutoPaused(deps, ctx, roundId);
  const groups = await store.pairing.groups(roundId);
  const members = groups.reduce((sum, g) => sum + g.members.length, 0);
  // A round of groups of three is not announced as pairs.
  const trios = groups.some((g) => g.members.length > 2) && settings.groupSize === 3;
  // The channel's readers are the round's members: the announcement is in each of their languages.
  const inTheirLanguages = (write: (t: Translate) => string) =>
    textInLanguages(languagesOf(groups.flatMap((g) => g.members), community.locale), (locale) => write(translator(locale)));
  const announcement = groups.length === 0
    ? [ctx.communityT("pairingRound.announce.none")]
    : settings.announceStyle === "count"
      ? [inTheirLanguages((t) => t(trios ? "pairingRound.announce.count.groups" : "pairingRound.announce.count", { members, groups: groups.length }))]
      // A long list of names goes out in several posts rather than clipped.
      : packLines([
        inTheirLanguages((t) => t(trios ? "pairingRound.announce.names.groups" : "pairingRound.announce.names")),
        ...groups.map((g) => `• ${g.members.map((m) => port.mentionUser(m.platformUserId)).join(" × ")}`),
        inTheirLanguages((t) => t("pairingRound.announce.namesHint")),
      ], MESSAGE_TEXT_LIMIT);
  if (voice) announcement[0] = `${voice.heading}\n${announcement[0]}`;
  for (const [part, text] of announcement.entries()) {
    const key = part === 0 ? `round:${roundId}:announce` : `round:${roundId}:announce:${part + 1}`;
    await outbox.deliver({
      key, communityId: community.id,
      send: (retrying) => port.postMessage(settings.channelId!, { text }, { idempotencyKey: key, retrying }),
    });
  }

  for (const group of groups) {
    const spaceKey = `round:${roundId}:group:${group.position}:space`;
    let spaceIds = group.spaceId?.split(",");
    if (!spaceIds) {
      const space = await outbox.deliver({
        key: spaceKey, communityId: community.id,
        send: async (retrying) => {
          const ids = await port.openPairSpace({
            channelId: settings.channelId,
            userIds: group.members.map((m) => m.platformUserId),
            name: `musubi ${period.replace(/^manual-/, "").slice(0, 10)} · ${group.members.map((m) => m.displayName).join(" × ")}`,
            delivery: { idempotencyKey: spaceKey, retrying },
          });
          return { channelId: ids.join(","), messageId: "space" };
        },
      });
      spaceIds = space.channelId.split(",");
      await store.pairing.setGroupSpace(group.id, space.channelId);
    }
    const views: GroupMemberView[] = [];
    for (const m of group.members) {
      const profile = await store.profiles.find(m.memberId);
      views.push({ platformUserId: m.platformUserId, displayName: m.displayName, intro: profile?.intro ?? null });
    }
    // A space shared by members of different languages carries each of them.
    const message = inLanguages(languagesOf(group.members, community.locale), (locale) => {
      const starters = voice?.starters?.(views, locale);
      return groupIntroMessage({ locale, members: views, reasons: group.reasons, mention: (id) => port.mentionUser(id), ...(starters ? { starters } : {}) });
    });
    for (const [i, channelId] of spaceIds.entries()) {
      const key = `round:${roundId}:group:${group.position}:intro:${i}`;
      await outbox.deliver({ key, communityId: community.id, send: (retrying) => port.postMessage(channelId, message, { idempotencyKey: key, retrying }) });
    }
    await proposeMeetingTimesToGroup(deps, ctx, group, spaceIds, at);
  }
  // Nobody is left in the dark: whoever could not be placed is told why and what would help.
  for (const member of await store.pairing.unplaced(roundId)) {
    const key = `round:${roundId}:unplaced:${member.memberId}`;
    const text = ctx.memberT(member)(`pairingRound.unplaced.${member.reason}`);
    await outbox.deliver({
      key, communityId: community.id,
      send: (retrying) => port.sendDirectMessage(member.platformUserId, { text }, { idempotencyKey: key, retrying }),
    });
  }
  const followUpAt = new Date(at.getTime() + settings.followUpDays * 86_400_000);
  await ctx.jobs.schedule({
    kind: PAIRING_JOBS.followUp, dedupeKey: `pairing:follow-up:${roundId}`, dueAt: followUpAt, communityId: community.id,
    payload: { roundId },
  });
  await store.pairing.setRoundStatus(roundId, "announced");
  // New encounters: the week's reconnect suggestions are planned (once per week and community).
  await planReconnects(ctx);
  ctx.log.info({ groups: groups.length }, "round announced");
}

async function runRound(deps: JobDeps, job: ClaimedJob<SlotPayload>): Promise<void> {
  const { period, manual } = job.payload;
  const at = new Date(job.payload.at);
  const loaded = await load(deps, job);
  if (!loaded || !stillScheduled(loaded, job.payload)) return;
  const { settings } = loaded;
  const ctx = { ...loaded.ctx, log: loaded.ctx.log.child({ period }) };
  let round = await ctx.store.pairing.ensureRound(period, at);
  if (round.status === "planned") {
    await matchRound(ctx, settings, round.id, at);
    round = { ...round, status: "matched" };
  }
  if (round.status === "matched") await announceRound(deps, ctx, settings, round.id, period, at);
  if (!manual) await planNextPairingRound(ctx, at);
}

async function followUp(deps: JobDeps, job: ClaimedJob<JobPayload<"pairing.follow-up">>): Promise<void> {
  const { roundId } = job.payload;
  const ctx = await communityOfJob(deps, job.communityId);
  if (!ctx) return;
  const { store, community, port } = ctx;
  const round = await store.pairing.round(roundId);
  if (!round) return;
  for (const group of await store.pairing.groups(roundId)) {
    const meetingTime = await agreedMeetingTime(ctx, group);
    for (const [i, channelId] of (group.spaceId?.split(",") ?? []).entries()) {
      const key = `round:${roundId}:group:${group.position}:follow-up:${i}`;
      await deps.outbox.deliver({
        key, communityId: community.id,
        send: (retrying) => port.postMessage(channelId, inLanguages(languagesOf(group.members, community.locale), (locale) => followUpMessage(locale, group.id, meetingTime)), { idempotencyKey: key, retrying }),
      });
    }
  }
  await store.pairing.setRoundStatus(roundId, "followed-up");
}

export function pairingJobHandlers(deps: JobDeps): JobHandlers<(typeof PAIRING_JOBS)[keyof typeof PAIRING_JOBS]> {
  return {
    [PAIRING_JOBS.headsUp]: (job) => headsUp(deps, job),
    [PAIRING_JOBS.round]: (job) => runRound(deps, job),
    [PAIRING_JOBS.followUp]: (job) => followUp(deps, job),
  };
}
