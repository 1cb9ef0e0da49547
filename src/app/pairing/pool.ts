import { usableWeights, type PairingResult, type UnplacedReason } from "../../core/matching/index.js";
import { displayName } from "../../core/text.js";
import type { PairingSettings } from "../../core/pairing/settings.js";
import type { CommunityRecord } from "../../store/records.js";
import type { PoolMember } from "../../store/pairing-repository.js";
import type { CommunityStore } from "../../store/repositories.js";
import { moduleBeside, runOffThread } from "../../workers/off-thread.js";
import { pairDocument, type EngineAnswer, type EngineTask } from "./engine-task.js";

/**
 * Pools from this size are drawn in a worker thread: the engine then works for a noticeable
 * time (about 50 ms at 1,000 members, seconds at 20,000) that would hold every other answer;
 * below it, starting a thread would cost more than it spares.
 */
export const OFF_THREAD_POOL = 1_000;

/** A member of a pool as the engine reads them. */
export function engineMember({ memberId, displayName: storedName, timeZone, intro }: PoolMember, community: CommunityRecord) {
  return {
    id: memberId,
    name: displayName(storedName, memberId),
    industry: intro.industry,
    seniority: intro.seniority,
    canOffer: intro.canOffer,
    lookingFor: intro.lookingFor,
    interests: intro.interests,
    languages: intro.languages,
    timeZone: timeZone ?? community.timeZone,
    city: intro.city || undefined,
    meetingPreference: intro.meetingPreference,
  };
}

/** Who takes part in a round at `at` (opted in, introduced, not paused, not skipping), the engine's groups, and why anyone was left out. */
export async function pairPool(
  store: CommunityStore,
  community: CommunityRecord,
  settings: PairingSettings,
  at: Date,
  skipping: ReadonlySet<string> = new Set(),
): Promise<{ poolSize: number; result: PairingResult; unplaced: Map<string, UnplacedReason> }> {
  const { pairing } = store;
  const members = (await pairing.pool(at)).filter((p) => !skipping.has(p.memberId)).map((p) => engineMember(p, community));
  const ids = new Set(members.map((m) => m.id));
  const history = (await pairing.history()).filter((h) => ids.has(h.a) && ids.has(h.b));
  const blocks = (await pairing.blocks())
    .filter((b) => ids.has(b.memberId) && ids.has(b.blockedMemberId))
    .map((b) => ({ by: b.memberId, blocked: b.blockedMemberId }));
  const task: EngineTask = {
    document: {
      members,
      history,
      blocks,
      settings: { groupSize: settings.groupSize, noRepeatWeeks: settings.noRepeatWeeks, weights: usableWeights(settings.weights), now: at.toISOString() },
    },
    // The seed is the round's instant: the same round always makes the same groups.
    seed: Math.floor(at.getTime() / 1000) % 2_147_483_647,
  };
  const { result, unplaced } = members.length >= OFF_THREAD_POOL
    ? await runOffThread<EngineTask, EngineAnswer>(moduleBeside(import.meta.url, "engine-task"), "pairDocument", task)
    : pairDocument(task);
  return { poolSize: members.length, result, unplaced: new Map(unplaced) };
}
