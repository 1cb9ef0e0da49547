// Read-backs of what the store holds, shared by the end-to-end tests (the bot itself is
// test/support/bot.ts).
import type { CommunityRecord, Platform, ProfileRecord } from "../../src/store/records.js";
import type { Store } from "../../src/store/repositories.js";

export const DEFAULTS = { locale: "ja", timeZone: "Asia/Tokyo" } as const;

/** The community of a guild/workspace as stored (it exists once anyone there used the bot). */
export async function communityOf(store: Store, platform: Platform, externalId: string): Promise<CommunityRecord> {
  // `ensure` with an empty name changes nothing on an existing row.
  return store.communities.ensure(platform, externalId, { name: "", ...DEFAULTS });
}

/** The stored profile of a member, or null (also when the member was never seen). */
export async function profileOf(store: Store, platform: Platform, externalId: string, userId: string): Promise<ProfileRecord | null> {
  const community = await communityOf(store, platform, externalId);
  const scoped = store.forCommunity(community.id);
  const member = await scoped.members.findByPlatformUser(userId);
  return member && scoped.profiles.find(member.id);
}

/** A short summary of logged problems, for an assertion message. */
export function describeProblems(problems: Array<Record<string, unknown>>): string {
  return problems.map((p) => `${String(p.msg)} ${JSON.stringify(p.err ?? p.bolt ?? "")}`).join("\n");
}
