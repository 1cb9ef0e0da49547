// The meeting rows of a pairing group on SQLite and PostgreSQL: proposals saved once, two members
// agreeing at the same moment make exactly one meeting (never none), and another community's
// proposal is not found.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { storeBackends, storesOn } from "../support/db.js";
import type { Store } from "../../src/store/repositories.js";

const times = [new Date("2026-12-01T10:00:00Z"), new Date("2026-12-02T10:00:00Z"), new Date("2026-12-03T10:00:00Z")];

async function groupsOf(store: Store, count: number) {
  const community = await store.communities.ensure("console", `meet-${randomUUID()}`, { name: "Meet", locale: "en", timeZone: "Asia/Tokyo" });
  const scoped = store.forCommunity(community.id);
  const members: { id: string }[] = [];
  for (let i = 0; i < count * 2; i++) members.push(await scoped.members.ensure({ platformUserId: `u${i}`, displayName: `u${i}` }));
  const round = await scoped.pairing.ensureRound("2026-11-30", new Date("2026-11-30T00:00:00Z"));
  await scoped.pairing.saveGroups(round.id, Array.from({ length: count }, (_, i) => ({ memberIds: [members[2 * i]!.id, members[2 * i + 1]!.id], score: 1, reasons: [] })));
  return { community, scoped, groups: await scoped.pairing.groups(round.id) };
}

describe.each(storeBackends())("meeting rows on %s", (backend, url) => {
  const { open, skip } = storesOn(backend, url);

  it.skipIf(skip)("given proposals saved twice, at once and later with other times, then the first three are kept", async () => {
    const store = open();
    const { scoped, groups } = await groupsOf(store, 1);
    const group = groups[0]!;
    await Promise.all([scoped.meetings.ensureProposals(group.id, times), scoped.meetings.ensureProposals(group.id, times)]);
    const later = await scoped.meetings.ensureProposals(group.id, times.map((t) => new Date(t.getTime() + 86_400_000)));
    expect(later.map((p) => p.startsAt)).toEqual(times);
  });

  it.skipIf(skip)("given both members of many groups pick the same time at the same moment, then each group has exactly one meeting", async () => {
    const store = open();
    const { scoped, groups } = await groupsOf(store, 8);
    const proposals = await Promise.all(groups.map((g) => scoped.meetings.ensureProposals(g.id, times)));
    const outcomes = await Promise.all(groups.flatMap((g, i) => g.members.map((m) => scoped.meetings.pick({
      groupId: g.id, memberId: m.memberId, proposalId: proposals[i]![1]!.id, at: new Date(), memberIds: g.members.map((x) => x.memberId), endsAfterMs: 1_800_000,
    }))));
    for (const [i, g] of groups.entries()) {
      const agreed = outcomes.slice(2 * i, 2 * i + 2).filter((o) => o.agreed);
      expect(agreed).toHaveLength(1);
      expect((await scoped.meetings.meeting(g.id))?.startsAt).toEqual(times[1]);
    }
  });

  it.skipIf(skip)("given another community's proposal id, then it is not found there and nothing is picked", async () => {
    const store = open();
    const mine = await groupsOf(store, 1);
    const theirs = await groupsOf(store, 1);
    const [proposal] = await theirs.scoped.meetings.ensureProposals(theirs.groups[0]!.id, times);
    expect(await mine.scoped.meetings.proposal(proposal!.id)).toBeNull();
    expect(await mine.scoped.meetings.ensureProposals(theirs.groups[0]!.id, times)).toEqual([]);
    expect(await mine.scoped.meetings.picks(theirs.groups[0]!.id)).toEqual([]);
  });
});
