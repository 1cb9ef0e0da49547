import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Intro } from "../../src/core/profile.js";
import type { NewProgram } from "../../src/store/programs-repository.js";
import { storeBackends, storesOn } from "../support/db.js";

// Pairing programs in the store: one name per community, memberships with a role or an
// attribute, a program's pool, scoping by community, and the history shared by every program.

const intro: Intro = {
  industry: "it", role: "Engineer", seniority: "3-7", interests: [], canOffer: [], lookingFor: [],
  languages: ["ja"], city: "Tokyo", meetingPreference: "in_person", bio: "",
};
const defaults = { name: "Test community", locale: "ja", timeZone: "Asia/Tokyo" };
const mentoring: NewProgram = {
  name: "Mentoring", rule: "mentoring", question: null, enabled: true, channelId: "C1", cadenceWeeks: 1, weekday: 2, hour: 19, groupSize: 2,
};

describe.each(storeBackends())("pairing programs on %s", (backend, url) => {
  const { open, skip } = storesOn(backend, url);

  async function community() {
    const store = open();
    const row = await store.communities.ensure("discord", randomUUID(), defaults);
    const scoped = store.forCommunity(row.id);
    const member = async (userId: string, overrides: Partial<Intro> = {}) => {
      const m = await scoped.members.ensure({ platformUserId: userId, displayName: userId });
      await scoped.profiles.save(m.id, { ...intro, ...overrides });
      return m;
    };
    return { store, row, scoped, member };
  }

  it.skipIf(skip)("given a program, when another of the same key is created, then it is refused and the first is unchanged; another community may use the name", async () => {
    const { store, scoped } = await community();
    const created = await scoped.programs.create("mentoring", mentoring);
    expect(created).toMatchObject({ name: "Mentoring", rule: "mentoring", weekday: 2, hour: 19, groupSize: 2 });
    expect(await scoped.programs.create("mentoring", { ...mentoring, name: "mentoring", rule: "in-person" })).toBeNull();
    expect(await scoped.programs.list()).toMatchObject([{ id: created!.id, rule: "mentoring" }]);

    const other = store.forCommunity((await store.communities.ensure("discord", randomUUID(), defaults)).id);
    expect(await other.programs.create("mentoring", mentoring)).not.toBeNull();
    // Another community's program is neither found nor changed nor removed from here.
    expect(await other.programs.byId(created!.id)).toBeNull();
    expect(await other.programs.update(created!.id, { hour: 7 })).toBeNull();
    expect(await other.programs.remove(created!.id)).toBe(false);
    expect(await scoped.programs.byId(created!.id)).toMatchObject({ hour: 19 });
  });

  it.skipIf(skip)("given members join with a role and an attribute, then the pool carries them, joining again replaces them, and leaving removes the place", async () => {
    const { scoped, member } = await community();
    const program = (await scoped.programs.create("alumni", { ...mentoring, name: "alumni", rule: "within-group", question: "cohort" }))!;
    const aki = await member("aki");
    const ken = await member("ken");
    const noIntro = await scoped.members.ensure({ platformUserId: "mei", displayName: "mei" });
    await scoped.programs.join(program.id, aki.id, { attribute: "2019期" });
    await scoped.programs.join(program.id, ken.id, { role: "mentor" });
    await scoped.programs.join(program.id, noIntro.id, { attribute: "2019期" });
    await scoped.programs.join(program.id, ken.id, { attribute: "２０１９期" });
    const pool = await scoped.programs.pool(program.id);
    expect(pool.map(({ memberId, attribute, role }) => ({ memberId, attribute, role }))).toEqual(
      [{ memberId: aki.id, attribute: "2019期", role: undefined }, { memberId: ken.id, attribute: "２０１９期", role: undefined }]
        .sort((a, b) => a.memberId.localeCompare(b.memberId)),
    );
    expect(pool[0]!.intro.city).toBe("Tokyo");
    expect(await scoped.programs.memberCount(program.id)).toBe(3);
    expect(await scoped.programs.membershipsOf(ken.id)).toMatchObject([{ program: { id: program.id }, attribute: "２０１９期" }]);
    expect(await scoped.programs.leave(program.id, ken.id)).toBe(true);
    expect(await scoped.programs.leave(program.id, ken.id)).toBe(false);
    expect(await scoped.programs.membershipsOf(ken.id)).toEqual([]);
  });

  it.skipIf(skip)("given a program's round made groups, then the community's history holds them beside the default program's, and removing the program keeps them", async () => {
    const { store, scoped, member } = await community();
    const program = (await scoped.programs.create("mentoring", mentoring))!;
    const [a, b, c] = [await member("a"), await member("b"), await member("c")];
    await scoped.programs.join(program.id, a.id, { role: "mentor" });
    expect(await scoped.programs.roles(program.id)).toEqual(new Map([["a", "mentor"]]));

    const weekly = await scoped.pairing.ensureRound("2026-11-30", new Date("2026-11-30T00:00:00Z"));
    await scoped.pairing.saveGroups(weekly.id, [{ memberIds: [a.id, c.id], score: 1, reasons: [] }]);
    await scoped.pairing.setRoundStatus(weekly.id, "announced");
    const programRound = await scoped.pairing.ensureRound(`2026-12-01:${program.id}`, new Date("2026-12-01T10:00:00Z"), program.id);
    expect(programRound.programId).toBe(program.id);
    await scoped.pairing.saveGroups(programRound.id, [{ memberIds: [a.id, b.id], score: 1, reasons: [] }]);
    await scoped.pairing.setRoundStatus(programRound.id, "announced");

    const pairs = (await scoped.pairing.history()).map((h) => [h.a, h.b].sort().join("+")).sort();
    expect(pairs).toEqual([[a.id, b.id].sort().join("+"), [a.id, c.id].sort().join("+")].sort());
    // Each program's latest round is its own.
    expect((await scoped.pairing.latestMadeRound())?.id).toBe(weekly.id);
    expect((await scoped.pairing.latestMadeRound(program.id))?.id).toBe(programRound.id);

    expect(await scoped.programs.remove(program.id)).toBe(true);
    expect(await scoped.programs.membershipsOf(a.id)).toEqual([]);
    expect((await scoped.pairing.history()).length).toBe(2);
    expect(await store.communities.withPrograms()).not.toContainEqual(expect.objectContaining({ programId: program.id }));
  });
});
