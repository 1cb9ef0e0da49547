import { makeGroups, parsePairingInput, unplacedReasons, usableWeights, type PairingResult, type UnplacedReason } from "../../core/matching/index.js";
import { displayName } from "../../core/text.js";
import type { PairingSettings } from "../../core/pairing/settings.js";
import type { CommunityRecord } from "../../store/records.js";
import type { PoolMember } from "../../store/pairing-repository.js";
import type { CommunityStore } from "../../store/repositories.js";

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
  const input = parsePairingInput({
    members,
    history,
    blocks,
    settings: { groupSize: settings.groupSize, noRepeatWeeks: settings.noRepeatWeeks, weights: usableWeights(settings.weights), now: at.toISOString() },
  });
  // The seed is the round's instant: the same round always makes the same groups.
  const result = makeGroups(input, Math.floor(at.getTime() / 1000) % 2_147_483_647);
  return { poolSize: members.length, result, unplaced: unplacedReasons(input, result.unplaced) };
}
