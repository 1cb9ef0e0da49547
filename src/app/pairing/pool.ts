import { makeGroups, parsePairingInput, type PairingResult } from "../../core/matching/index.js";
import { storedTagsSchema } from "../../core/profile.js";
import type { CommunityRecord } from "../../store/records.js";
import type { Store } from "../../store/repositories.js";
import type { PairingSettingsRecord } from "../../store/pairing-repository.js";

/** Who takes part in a round at `at` (opted in, introduced, not paused, not skipping) and the engine's groups. */
export async function pairPool(
  store: Store,
  community: CommunityRecord,
  settings: PairingSettingsRecord,
  at: Date,
  skipping: ReadonlySet<string> = new Set(),
): Promise<{ poolSize: number; result: PairingResult }> {
  const { pairing } = store;
  const participants = (await pairing.pool(community.id, at)).filter((p) => !skipping.has(p.memberId));
  const members = participants.flatMap(({ member }) => {
    if (!member.profile) return [];
    // Stored JSON is checked again on the way out, like every read of a profile.
    const tags = (value: unknown) => storedTagsSchema.parse(value);
    return [{
      id: member.id,
      name: member.displayName,
      industry: member.profile.industry,
      seniority: member.profile.seniority,
      canOffer: tags(member.profile.canOffer),
      lookingFor: tags(member.profile.lookingFor),
      interests: tags(member.profile.interests),
      languages: tags(member.profile.languages),
      timeZone: member.timeZone ?? community.timeZone,
      city: member.profile.city || undefined,
      meetingPreference: member.profile.meetingPreference,
    }];
  });
  const ids = new Set(members.map((m) => m.id));
  const history = (await pairing.history(community.id)).filter((h) => ids.has(h.a) && ids.has(h.b));
  const blocks = (await pairing.blocks(community.id))
    .filter((b) => ids.has(b.memberId) && ids.has(b.blockedMemberId))
    .map((b) => ({ by: b.memberId, blocked: b.blockedMemberId }));
  const input = parsePairingInput({
    members,
    history,
    blocks,
    settings: { groupSize: settings.groupSize, noRepeatWeeks: settings.noRepeatWeeks, weights: settings.weights, now: at.toISOString() },
  });
  // The seed is the round's instant: the same round always makes the same groups.
  return { poolSize: members.length, result: makeGroups(input, Math.floor(at.getTime() / 1000) % 2_147_483_647) };
}
