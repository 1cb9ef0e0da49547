import { z } from "zod";
import type { Reason } from "../../core/matching/index.js";
import { nextRound, type RoundSlot } from "../../core/pairing/rhythm.js";
import { communityTranslator, memberTranslator, resolveLocale, translator } from "../../i18n/index.js";
import type { ClaimedJob, JobHandler, NewJob } from "../../jobs/scheduler.js";
import type { Outbox } from "../../jobs/outbox.js";
import type { Logger } from "../../logger.js";
import type { PairingSettingsRecord } from "../../store/pairing-repository.js";
import type { CommunityRecord, Platform } from "../../store/records.js";
import type { Store } from "../../store/repositories.js";
import { communityOfJob } from "../job-community.js";
import type { PlatformPort } from "../port.js";
import { MESSAGE_TEXT_LIMIT } from "../reply.js";
import { packLines } from "../../core/text.js";
import { followUpMessage, groupIntroMessage, type GroupMemberView } from "./messages.js";
import { pairPool } from "./pool.js";

// A pairing round as jobs: heads-up → round (groups, announcement, private spaces) → follow-up.
// Each step may be run again after a crash: the round row is unique per period, groups are saved
// in one transaction with the round's status, and every message goes through the outbox.

export const JOB_KINDS = { headsUp: "pairing.heads-up", round: "pairing.round", followUp: "pairing.follow-up" } as const;

/** Three unanswered follow-ups in a row pause a member. */
const MISSES_BEFORE_PAUSE = 3;

export interface JobQueue {
  schedule(job: NewJob): Promise<void>;
  /** Asks for due jobs to be run now rather than at the next poll. */
  runSoon(): void;
}

export interface RoundDeps {
  store: Store;
  outbox: Outbox;
  jobs: JobQueue;
  portFor(platform: Platform): PlatformPort | undefined;
  log: Logger;
  now(): Date;
}

const roundPayload = z.object({ period: z.string(), at: z.iso.datetime(), manual: z.boolean().default(false) });
const followUpPayload = z.object({ roundId: z.string() });

const rhythmOf = (community: CommunityRecord, settings: PairingSettingsRecord) => ({
  timeZone: community.timeZone, weekday: settings.weekday, hour: settings.hour, cadenceWeeks: settings.cadenceWeeks,
});

/** The next round after `after` for the community's current settings, or none when pairing is off. */
export function upcomingRound(community: CommunityRecord, settings: PairingSettingsRecord, after: Date): RoundSlot | undefined {
  return settings.enabled && settings.channelId ? nextRound(rhythmOf(community, settings), after) : undefined;
}

/** Schedules the jobs of the next round (a no-op for jobs already scheduled). */
export async function planNextRound(deps: Pick<RoundDeps, "store" | "jobs">, community: CommunityRecord, after: Date): Promise<RoundSlot | undefined> {
  const settings = await deps.store.pairing.settings(community.id);
  const slot = upcomingRound(community, settings, after);
  if (!slot) return undefined;
  const payload = { period: slot.period, at: slot.at.toISOString(), manual: false };
  await deps.jobs.schedule({ kind: JOB_KINDS.round, dedupeKey: `pairing:round:${community.id}:${slot.period}`, dueAt: slot.at, communityId: community.id, payload });
  if (settings.headsUp) {
    const headsUpAt = new Date(Math.max(slot.at.getTime() - settings.headsUpHours * 3_600_000, after.getTime()));
    await deps.jobs.schedule({ kind: JOB_KINDS.headsUp, dedupeKey: `pairing:heads-up:${community.id}:${slot.period}`, dueAt: headsUpAt, communityId: community.id, payload });
  }
  return slot;
}

/** At start: every community with pairing on has its next round planned. */
export async function planAllRounds(deps: RoundDeps): Promise<void> {
  for (const communityId of await deps.store.pairing.enabledCommunityIds()) {
    const community = await deps.store.communities.find(communityId);
    if (community) await planNextRound(deps, community, deps.now());
  }
}

/** Manual rounds (run-now) get a period of their own so they never collide with the weekly one. */
export async function scheduleManualRound(deps: Pick<RoundDeps, "jobs">, community: CommunityRecord, at: Date): Promise<string> {
  const period = `manual-${at.toISOString().slice(0, 16)}`;
  await deps.jobs.schedule({
    kind: JOB_KINDS.round, dedupeKey: `pairing:round:${community.id}:${period}`, dueAt: at, communityId: community.id,
    payload: { period, at: at.toISOString(), manual: true },
  });
  return period;
}

interface Loaded {
  community: CommunityRecord;
  settings: PairingSettingsRecord;
  port: PlatformPort;
}

async function load(deps: RoundDeps, job: ClaimedJob): Promise<Loaded | undefined> {
  const found = await communityOfJob(deps, job);
  return found && { ...found, settings: await deps.store.pairing.settings(found.community.id) };
}

/** A weekly job still belongs to the rhythm: settings changed since it was planned make it void. */
function stillScheduled(loaded: Loaded, period: string, at: Date, manual: boolean): boolean {
  if (manual) return Boolean(loaded.settings.channelId);
  const slot = upcomingRound(loaded.community, loaded.settings, new Date(at.getTime() - 1));
  return slot?.period === period;
}

async function headsUp(deps: RoundDeps, job: ClaimedJob): Promise<void> {
  const { period, at, manual } = roundPayload.parse(job.payload);
  const loaded = await load(deps, job);
  if (!loaded || !stillScheduled(loaded, period, new Date(at), manual)) return;
  const { community, settings, port } = loaded;
  const round = await deps.store.pairing.ensureRound(community.id, period, new Date(at));
  if (round.status !== "planned") return;
  const t = communityTranslator(community);
  const count = (await deps.store.pairing.pool(community.id, new Date(at))).length;
  const message = {
    text: t("round.headsUp", { time: port.formatTime(new Date(at), community.timeZone), count }),
    buttons: [{ actionId: `match:skip:${round.id}`, label: t("round.headsUp.skip") }],
  };
  const key = `round:${round.id}:heads-up`;
  await deps.outbox.deliver({
    key, communityId: community.id,
    send: (retrying) => port.postMessage(settings.channelId!, message, { idempotencyKey: key, retrying }),
  });
}

/**
 * Tells the members this round paused (see MISSES_BEFORE_PAUSE) how to resume. Worked out again
 * from the stored state, so a restart after the round was matched still sends each notice once:
 * they were in the previous round's groups and are auto-paused now.
 */
async function tellAutoPaused(deps: RoundDeps, community: CommunityRecord, port: PlatformPort, roundId: string, at: Date) {
  const { store, outbox } = deps;
  const previous = await store.pairing.previousRound(community.id, at);
  if (!previous) return;
  for (const group of await store.pairing.groups(community.id, previous.id)) {
    for (const { memberId } of group.members) {
      const participant = await store.pairing.participant(community.id, memberId);
      if (!participant?.autoPaused || participant.missedFollowUps < MISSES_BEFORE_PAUSE) continue;
      const member = await store.members.find(community.id, memberId);
      if (!member) continue;
      const key = `round:${roundId}:auto-paused:${memberId}`;
      const memberT = memberTranslator(community, member);
      await outbox.deliver({
        key, communityId: community.id,
        send: (retrying) => port.sendDirectMessage(member.platformUserId, { text: memberT("round.autoPaused") }, { idempotencyKey: key, retrying }),
      });
    }
  }
}

async function runRound(deps: RoundDeps, job: ClaimedJob): Promise<void> {
  const { period, at: atIso, manual } = roundPayload.parse(job.payload);
  const at = new Date(atIso);
  const loaded = await load(deps, job);
  if (!loaded || !stillScheduled(loaded, period, at, manual)) return;
  const { community, settings, port } = loaded;
  const { store, outbox } = deps;
  const log = deps.log.child({ community: community.id, period });
  const locale = resolveLocale(null, community.locale);
  const t = translator(locale);
  let round = await store.pairing.ensureRound(community.id, period, at);

  if (round.status === "planned") {
    const previous = await store.pairing.previousRound(community.id, at);
    const previousGroups = previous ? await store.pairing.groups(community.id, previous.id) : [];
    // Members who left three follow-ups unanswered are paused before the pool is drawn. The new
    // counts are written in the transaction that saves the groups: a crash or an error before it
    // leaves them as they were, so the re-run does not count the same miss twice.
    const misses = new Map<string, boolean>();
    for (const group of previousGroups) for (const m of group.members) misses.set(m.memberId, m.answer === null);
    const autoPaused: string[] = [];
    const participation: [string, { missedFollowUps: number; autoPaused?: boolean }][] = [];
    for (const [memberId, missed] of misses) {
      const participant = await store.pairing.participant(community.id, memberId);
      if (!participant) continue;
      const missedFollowUps = missed ? participant.missedFollowUps + 1 : 0;
      const pause = missedFollowUps >= MISSES_BEFORE_PAUSE && !participant.autoPaused;
      if (pause) autoPaused.push(memberId);
      participation.push([memberId, { missedFollowUps, ...(pause ? { autoPaused: true } : {}) }]);
    }
    // Not paused in the store yet: the members paused now are left out of the pool like skippers.
    const leftOut = new Set([...await store.pairing.skips(round.id), ...autoPaused]);
    const { result, poolSize } = await pairPool(store, community, settings, at, leftOut);
    await store.transaction(async (tx) => {
      for (const [memberId, changes] of participation) await tx.pairing.setParticipation(community.id, memberId, changes);
      await tx.pairing.saveGroups(community.id, round.id, result.groups.map((g) => ({ memberIds: g.members, score: g.score, reasons: g.reasons })));
      await tx.pairing.setRoundStatus(community.id, round.id, "matched");
    });
    log.info({ pool: poolSize, groups: result.groups.length, stats: result.stats, autoPaused: autoPaused.length }, "round matched");
    round = { ...round, status: "matched" };
  }

  if (round.status === "matched") {
    await tellAutoPaused(deps, community, port, round.id, at);
    const groups = await store.pairing.groups(community.id, round.id);
    const members = groups.reduce((sum, g) => sum + g.members.length, 0);
    const announcement = groups.length === 0
      ? [t("round.announce.none")]
      : settings.announceStyle === "count"
        ? [t("round.announce.count", { members, groups: groups.length })]
        // A long list of names goes out in several posts rather than clipped.
        : packLines([
          t("round.announce.names"),
          ...groups.map((g) => `• ${g.members.map((m) => port.mentionUser(m.platformUserId)).join(" × ")}`),
          t("round.announce.namesHint"),
        ], MESSAGE_TEXT_LIMIT);
    for (const [part, text] of announcement.entries()) {
      const key = part === 0 ? `round:${round.id}:announce` : `round:${round.id}:announce:${part + 1}`;
      await outbox.deliver({
        key, communityId: community.id,
        send: (retrying) => port.postMessage(settings.channelId!, { text }, { idempotencyKey: key, retrying }),
      });
    }

    for (const group of groups) {
      const spaceKey = `round:${round.id}:group:${group.position}:space`;
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
        await store.pairing.setGroupSpace(community.id, group.id, space.channelId);
      }
      const views: GroupMemberView[] = [];
      for (const m of group.members) {
        const profile = await store.profiles.find(community.id, m.memberId);
        views.push({ platformUserId: m.platformUserId, displayName: m.displayName, intro: profile?.intro ?? null });
      }
      const message = groupIntroMessage({ locale, members: views, reasons: group.reasons as Reason[], mention: (id) => port.mentionUser(id) });
      for (const [i, channelId] of spaceIds.entries()) {
        const key = `round:${round.id}:group:${group.position}:intro:${i}`;
        await outbox.deliver({ key, communityId: community.id, send: (retrying) => port.postMessage(channelId, message, { idempotencyKey: key, retrying }) });
      }
    }
    const followUpAt = new Date(at.getTime() + settings.followUpDays * 86_400_000);
    await deps.jobs.schedule({
      kind: JOB_KINDS.followUp, dedupeKey: `pairing:follow-up:${round.id}`, dueAt: followUpAt, communityId: community.id,
      payload: { roundId: round.id },
    });
    await store.pairing.setRoundStatus(community.id, round.id, "announced");
    log.info({ groups: groups.length }, "round announced");
  }
  if (!manual) await planNextRound(deps, community, at);
}

async function followUp(deps: RoundDeps, job: ClaimedJob): Promise<void> {
  const { roundId } = followUpPayload.parse(job.payload);
  const loaded = await load(deps, job);
  if (!loaded) return;
  const { community, port } = loaded;
  const round = await deps.store.pairing.round(community.id, roundId);
  if (!round) return;
  const locale = resolveLocale(null, community.locale);
  for (const group of await deps.store.pairing.groups(community.id, roundId)) {
    for (const [i, channelId] of (group.spaceId?.split(",") ?? []).entries()) {
      const key = `round:${roundId}:group:${group.position}:follow-up:${i}`;
      await deps.outbox.deliver({
        key, communityId: community.id,
        send: (retrying) => port.postMessage(channelId, followUpMessage(locale, group.id), { idempotencyKey: key, retrying }),
      });
    }
  }
  await deps.store.pairing.setRoundStatus(community.id, roundId, "followed-up");
}

export function pairingJobHandlers(deps: RoundDeps): Record<string, JobHandler> {
  return {
    [JOB_KINDS.headsUp]: (job) => headsUp(deps, job),
    [JOB_KINDS.round]: (job) => runRound(deps, job),
    [JOB_KINDS.followUp]: (job) => followUp(deps, job),
  };
}
