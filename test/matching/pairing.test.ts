import { describe, expect, it } from "vitest";
import { generateCommunity } from "../../bench/community.js";
import { createScorer, makeGroups, pairingInputSchema, parsePairingInput, renderReasonsEnglish, unplacedReasons, type PairingInputDocument, type PairingResult } from "../../src/core/matching/index.js";

type Doc = PairingInputDocument;
const NOW = "2026-06-01T00:00:00Z";
const weeksAgo = (w: number): string => new Date(Date.parse(NOW) - w * 7 * 86_400_000).toISOString();

function member(id: string, extra: Partial<Doc["members"][number]> = {}): Doc["members"][number] {
  return { id, industry: "it", seniority: "3-7", languages: ["ja"], timeZone: "Asia/Tokyo", ...extra };
}
const run = (doc: Doc, seed = 1): PairingResult => makeGroups(parsePairingInput(doc), seed);
const pairsOf = (r: PairingResult): string[] => r.groups.map((g) => [...g.members].sort().join("+")).sort();

function checkInvariants(doc: Doc, r: PairingResult): void {
  const input = parsePairingInput(doc);
  const seen = new Map<string, number>();
  for (const g of r.groups) for (const id of g.members) seen.set(id, (seen.get(id) ?? 0) + 1);
  for (const id of r.unplaced) seen.set(id, (seen.get(id) ?? 0) + 1);
  // every member exactly once (in a group or listed unplaced)
  expect(seen.size).toBe(input.members.length);
  for (const c of seen.values()) expect(c).toBe(1);
  const blocked = new Set(input.blocks.flatMap((b) => [`${b.by}|${b.blocked}`, `${b.blocked}|${b.by}`]));
  for (const g of r.groups) {
    expect(g.members.length).toBeGreaterThanOrEqual(2);
    expect(g.members.length).toBeLessThanOrEqual(input.settings.groupSize === 3 ? 4 : 3);
    for (const a of g.members) for (const b of g.members) if (a !== b) expect(blocked.has(`${a}|${b}`)).toBe(false);
  }
}

describe("makeGroups on generated communities", () => {
  for (const [n, seed] of [[31, 1], [200, 2], [601, 3], [1600, 4]] as const) {
    it(`given a generated community of ${n} members, then everyone is placed once, no blocked pair, no avoidable repeat`, () => {
      const doc = generateCommunity(n, seed);
      const r = run(doc, seed);
      checkInvariants(doc, r);
      expect(r.stats.unplaced).toBe(0);
      // With 8 weeks of history at ~40% density a repeat-free pairing exists: none is used.
      expect(r.stats.repeats).toBe(0);
      expect(r.groups.length).toBe(Math.floor(n / 2));
      expect(r.solver.certified).toBe(true);
    });
  }

  it("given the same input and seed twice, then the groups are identical; another seed still gives a valid result", () => {
    const doc = generateCommunity(120, 9);
    const a = run(doc, 5);
    const b = run(doc, 5);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    const c = run(doc, 6);
    checkInvariants(doc, c);
    // optimum value does not depend on the seed (ties aside)
    expect(c.total).toBe(a.total);
  });

  it("given a large pool solved on the sparse graph, then the dual check certifies the optimum of the dense graph", () => {
    const doc = generateCommunity(700, 11);
    const input = parsePairingInput(doc);
    const sparse = makeGroups(input, 3, { denseLimit: 100 });
    const dense = makeGroups(input, 3, { denseLimit: 10_000 });
    expect(sparse.solver.mode).toBe("sparse");
    expect(sparse.solver.certified).toBe(true);
    expect(sparse.total).toBe(dense.total);
  });

  it("given groupSize 3 and mixed languages, then the invariants still hold", () => {
    const doc = generateCommunity(60, 8);
    doc.settings = { ...doc.settings, groupSize: 3 };
    const r = run(doc);
    checkInvariants(doc, r);
    expect(r.groups.filter((g) => g.members.length === 3).length).toBeGreaterThanOrEqual(12);
  });

  it("given groupSize 3 and pools of 3 to 30 who can all meet, then everyone is in a group of three, with one or two of four only where the count forces them", () => {
    for (let n = 3; n <= 30; n++) {
      for (const seed of [n, n + 100]) {
        const doc = generateCommunity(n, seed);
        // one shared language and no blocks, so that any three can meet
        for (const m of doc.members) m.languages = ["en"];
        doc.blocks = [];
        doc.settings = { ...doc.settings, groupSize: 3 };
        const r = run(doc, seed);
        checkInvariants(doc, r);
        expect(r.stats.unplaced, `n=${n}`).toBe(0);
        const sizes = r.groups.map((g) => g.members.length).sort();
        const expected = n === 5 ? [2, 3] : [...Array<number>(Math.floor(n / 3) - (n % 3)).fill(3), ...Array<number>(n % 3).fill(4)];
        // 4 → one group of four; 7 → 3 + 4; 8 → 4 + 4; never a pair beside trios (5 cannot be split otherwise)
        expect(sizes, `n=${n}`).toEqual(expected);
      }
    }
  });
});

describe("small cases users complain about", () => {
  it("given 2 members, then they form one pair with reasons", () => {
    const r = run({ members: [member("a", { industry: "it", seniority: "1-3" }), member("b", { industry: "medical", seniority: "3-7" })], settings: { now: NOW } });
    expect(pairsOf(r)).toEqual(["a+b"]);
    expect(r.groups[0]!.text).toContain("different industries: it × medical");
  });

  it("given 3 members, then one trio is formed", () => {
    const r = run({ members: [member("a"), member("b"), member("c")], settings: { now: NOW } });
    expect(r.groups).toHaveLength(1);
    expect([...r.groups[0]!.members].sort()).toEqual(["a", "b", "c"]);
  });

  it("given 5 members, then one pair and one trio, the leftover joining where it adds most", () => {
    const r = run({
      members: [
        member("a", { industry: "it", seniority: "1-3" }),
        member("b", { industry: "medical", seniority: "3-7" }),
        member("c", { industry: "finance", seniority: "7-15" }),
        member("d", { industry: "legal", seniority: "15+" }),
        member("e", { industry: "it", seniority: "1-3" }),
      ],
      settings: { now: NOW },
    });
    expect(r.groups.map((g) => g.members.length).sort()).toEqual([2, 3]);
    expect(r.stats.unplaced).toBe(0);
  });

  it("given everybody from one industry, then they are still all paired and the reasons say so", () => {
    const members = ["a", "b", "c", "d", "e", "f"].map((id, i) => member(id, { seniority: (["student", "1-3", "3-7", "7-15", "15+", "3-7"] as const)[i]! }));
    const r = run({ members, settings: { now: NOW } });
    expect(r.groups).toHaveLength(3);
    expect(r.stats.crossIndustryShare).toBe(0);
    for (const g of r.groups) expect(g.text).toContain("both in it");
    // one level apart is preferred: mean gap close to 1
    expect(r.stats.meanSeniorityGap).toBeLessThanOrEqual(1.34);
  });

  it("given a pool where every pair has met within the window, then the oldest meetings are reused", () => {
    const members = ["a", "b", "c", "d"].map((id) => member(id));
    const history = [
      { a: "a", b: "b", at: weeksAgo(1) },
      { a: "c", b: "d", at: weeksAgo(1) },
      { a: "a", b: "c", at: weeksAgo(3) },
      { a: "b", b: "d", at: weeksAgo(3) },
      { a: "a", b: "d", at: weeksAgo(6) },
      { a: "b", b: "c", at: weeksAgo(6) },
    ];
    const r = run({ members, history, settings: { now: NOW, noRepeatWeeks: 8 } });
    expect(pairsOf(r)).toEqual(["a+d", "b+c"]);
    expect(r.stats.repeats).toBe(2);
    expect(r.groups[0]!.reasons.some((x) => x.kind === "metBefore")).toBe(true);
  });

  it("given a recent repeat and a worse fresh alternative, then the repeat is avoided", () => {
    // a-b is a great pair but met last week; the fresh pairing a-c / b-d is worse yet chosen.
    const members = [
      member("a", { industry: "it", seniority: "1-3", canOffer: ["hiring"], lookingFor: ["funding"] }),
      member("b", { industry: "finance", seniority: "3-7", canOffer: ["funding"], lookingFor: ["hiring"] }),
      member("c", { industry: "it", seniority: "15+" }),
      member("d", { industry: "finance", seniority: "student" }),
    ];
    const fresh = run({ members, settings: { now: NOW } });
    expect(pairsOf(fresh)).toContain("a+b");
    const r = run({ members, history: [{ a: "a", b: "b", at: weeksAgo(1) }], settings: { now: NOW } });
    expect(pairsOf(r)).not.toContain("a+b");
    expect(r.stats.repeats).toBe(0);
  });

  it("given many members in a few zones and one in an unknown zone, then the pool is refused naming that member's zone, every time", () => {
    const members = [...Array.from({ length: 50 }, (_, i) => member(`m${i}`, { timeZone: i % 2 ? "Asia/Tokyo" : "Europe/Berlin" })), member("lost", { timeZone: "Asia/Atlantis" })];
    for (let attempt = 0; attempt < 2; attempt++) {
      const parsed = pairingInputSchema.safeParse({ members, settings: { now: NOW } });
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["members.50.timeZone", "unknown IANA time zone"]]);
    }
    expect(pairingInputSchema.safeParse({ members: members.slice(0, 50) }).success).toBe(true);
  });

  it("given blocks in either direction and a member with no shared language, then they are respected", () => {
    const members = [member("a"), member("b"), member("c"), member("d"), member("x", { languages: ["fr"] })];
    const r = run({ members, blocks: [{ by: "a", blocked: "b" }, { by: "d", blocked: "c" }], settings: { now: NOW } });
    const pairs = pairsOf(r);
    expect(pairs.some((p) => p.includes("a") && p.includes("b"))).toBe(false);
    expect(pairs.some((p) => p.includes("c") && p.includes("d"))).toBe(false);
    expect(r.unplaced).toEqual(["x"]);
    expect(r.stats.unplaced).toBe(1);
  });

  it("given members left out for a language, their own blocks, or others' blocks, then each is told only what is theirs to know", () => {
    const doc: Doc = {
      members: [member("a"), member("b"), member("c"), member("fr", { languages: ["fr"] }), member("blocker"), member("blocked", { languages: ["ja", "de"] }), member("de", { languages: ["de"] })],
      blocks: [
        { by: "blocker", blocked: "a" }, { by: "blocker", blocked: "b" }, { by: "blocker", blocked: "c" }, { by: "blocker", blocked: "blocked" },
        // "de" shares a language only with "blocked", who blocked them: "de" must not learn that.
        { by: "blocked", blocked: "de" },
      ],
      settings: { now: NOW, groupSize: 3 },
    };
    const input = parsePairingInput(doc);
    const r = makeGroups(input, 1);
    expect(r.unplaced).toEqual(["blocker", "de", "fr"]);
    expect(Object.fromEntries(unplacedReasons(input, r.unplaced))).toEqual({ blocker: "blocks", de: "round", fr: "language" });
    // A trio's reasons about two of its members name them; what all share is said once.
    const trio = r.groups.find((g) => g.members.length >= 3)!;
    expect(trio.reasons.filter((x) => x.kind === "sameSeniority")).toEqual([{ kind: "sameSeniority", params: { level: "3-7" } }]);
  });

  it("given complementary offer and seek in the same city, then the reasons carry both directions and the city", () => {
    const members = [
      member("aiko", { name: "Aiko", industry: "it", canOffer: ["interview practice"], city: "Osaka", meetingPreference: "in_person" }),
      member("ken", { name: "Ken", industry: "medical", lookingFor: ["Interview Practice"], city: "Osaka", meetingPreference: "in_person" }),
    ];
    const r = run({ members, settings: { now: NOW } });
    const text = renderReasonsEnglish(r.groups[0]!.reasons);
    expect(text).toContain("Aiko can offer interview practice, Ken is looking for it");
    expect(text).toContain("both in Osaka, prefer meeting in person");
    expect(r.groups[0]!.reasons.find((x) => x.kind === "canOffer")).toEqual({ kind: "canOffer", params: { giver: "Aiko", receiver: "Ken", tags: ["interview practice"] } });
  });
});

describe("pair score", () => {
  it("given seniority gaps 0..4, then one level apart scores highest, two good, same fair, three+ low", () => {
    const levels = ["student", "1-3", "3-7", "7-15", "15+"] as const;
    const input = parsePairingInput({ members: levels.map((s, i) => member(`m${i}`, { seniority: s })), settings: { now: NOW } });
    const s = createScorer(input);
    const byGap = [0, s.score(2, 1), s.score(2, 0), s.score(0, 3), s.score(0, 4)];
    // same level: compare two members of the same level
    const same = createScorer(parsePairingInput({ members: [member("x"), member("y")], settings: { now: NOW } })).score(0, 1);
    byGap[0] = same;
    expect(byGap[1]!).toBeGreaterThan(byGap[2]!);
    expect(byGap[2]!).toBeGreaterThan(byGap[0]!);
    expect(byGap[3]!).toBeLessThan(byGap[0]!);
    expect(byGap[4]).toBe(byGap[3]);
  });

  it("given time zones with and without working-hour overlap, then the overlapping pair scores higher", () => {
    const input = parsePairingInput({
      members: [member("t"), member("s", { timeZone: "Asia/Seoul" }), member("n", { timeZone: "America/New_York" })],
      settings: { now: NOW },
    });
    const s = createScorer(input);
    expect(s.score(0, 1)).toBeGreaterThan(s.score(0, 2));
  });
});
