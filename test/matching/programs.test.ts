import { describe, expect, it } from "vitest";
import { generateCommunity } from "../../bench/community.js";
import { createRng } from "../../src/core/matching/random.js";
import {
  createScorer,
  makeGroups,
  normalizeAttribute,
  parsePairingInput,
  SENIORITY,
  type Member,
  type PairingInputDocument,
} from "../../src/core/matching/index.js";

// The rules of pairing programs: hard constraints on the pairs the engine may make.

const level = (m: Member) => SENIORITY.indexOf(m.seniority);

/** Every two members of every group, as members. */
function pairsOf(doc: PairingInputDocument, seed = 1) {
  const input = parsePairingInput(doc);
  const byId = new Map(input.members.map((m) => [m.id, m]));
  const result = makeGroups(input, seed);
  const pairs = result.groups.flatMap((g) => g.members.flatMap((a, i) => g.members.slice(i + 1).map((b) => [byId.get(a)!, byId.get(b)!] as const)));
  return { result, pairs };
}

describe("mentoring", () => {
  for (const [size, groupSize] of [[40, 2], [41, 3], [360, 2]] as const) {
    it(`pairs only members one or two seniority levels apart (${size} members, groups of ${groupSize}; the sparse graph above 300)`, () => {
      const doc = generateCommunity(size, 11);
      const { result, pairs } = pairsOf({ ...doc, settings: { ...doc.settings, rule: "mentoring", groupSize } });
      expect(result.groups.length).toBeGreaterThan(size / 4);
      for (const [a, b] of pairs) expect([1, 2]).toContain(Math.abs(level(a) - level(b)));
    });
  }

  it("takes the roles members chose: a mentor with a mentee, never two of a kind, whatever their seniority", () => {
    const m = (id: string, seniority: Member["seniority"], role?: Member["mentoringRole"]) => ({ id, industry: "it", seniority, languages: ["ja"], ...(role ? { mentoringRole: role } : {}) });
    const { pairs, result } = pairsOf({
      members: [m("m1", "7-15", "mentor"), m("m2", "7-15", "mentor"), m("e1", "7-15", "mentee"), m("e2", "student", "mentee")],
      settings: { rule: "mentoring" },
    });
    expect(result.unplaced).toEqual([]);
    for (const [a, b] of pairs) expect(new Set([a.mentoringRole, b.mentoringRole])).toEqual(new Set(["mentor", "mentee"]));
  });

  it("never makes a member who chose mentee the senior of a pair, nor one who chose mentor the junior", () => {
    const input = parsePairingInput({
      members: [
        { id: "senior-mentee", industry: "it", seniority: "7-15", languages: ["ja"], mentoringRole: "mentee" },
        { id: "junior", industry: "finance", seniority: "3-7", languages: ["ja"] },
        { id: "junior-mentor", industry: "it", seniority: "1-3", languages: ["ja"], mentoringRole: "mentor" },
        { id: "senior", industry: "finance", seniority: "3-7", languages: ["ja"] },
      ],
      settings: { rule: "mentoring" },
    });
    const scorer = createScorer(input);
    expect(scorer.allowed(0, 1)).toBe(false);
    expect(scorer.allowed(2, 3)).toBe(false);
    expect(scorer.allowed(0, 2)).toBe(true);
    expect(scorer.allowed(1, 2)).toBe(false);
  });

  it("leaves out a member with nobody one or two levels apart", () => {
    const { result } = pairsOf({
      members: [
        { id: "a", industry: "it", seniority: "student", languages: ["ja"] },
        { id: "b", industry: "it", seniority: "1-3", languages: ["ja"] },
        { id: "c", industry: "it", seniority: "15+", languages: ["ja"] },
      ],
      settings: { rule: "mentoring" },
    });
    expect(result.groups.map((g) => [...g.members].sort())).toEqual([["a", "b"]]);
    expect(result.unplaced).toEqual(["c"]);
  });
});

describe("within a group", () => {
  it("groups only members who gave the same attribute, however they typed it", () => {
    const doc = generateCommunity(60, 5);
    const rng = createRng(5);
    const spellings = [["2019期", "２０１９期", " 2019 期"], ["Keio", "KEIO ", "ｋｅｉｏ"], ["team-a"]];
    doc.members = doc.members.map((m, i) => {
      const cohort = spellings[rng.int(spellings.length)]!;
      return i % 10 === 0 ? m : { ...m, group: cohort[rng.int(cohort.length)]! };
    });
    for (const groupSize of [2, 3] as const) {
      const { pairs, result } = pairsOf({ ...doc, settings: { ...doc.settings, rule: "within-group", groupSize } });
      expect(result.groups.length).toBeGreaterThan(10);
      for (const [a, b] of pairs) {
        expect(a.group).toBeDefined();
        expect(normalizeAttribute(a.group!)).toBe(normalizeAttribute(b.group!));
      }
      // Members who gave no attribute are never grouped.
      for (const g of result.groups) for (const id of g.members) expect(doc.members.find((m) => m.id === id)!.group).toBeDefined();
    }
  });
});

describe("in person", () => {
  it("groups only members of the same city who both prefer meeting in person", () => {
    const doc = generateCommunity(80, 9);
    const cities = ["Tokyo", "ｔｏｋｙｏ", "Osaka", "Fukuoka"];
    const rng = createRng(9);
    doc.members = doc.members.map((m) => ({ ...m, city: cities[rng.int(cities.length)]!, meetingPreference: rng.next() < 0.75 ? "in_person" : "either" }));
    const { pairs, result } = pairsOf({ ...doc, settings: { ...doc.settings, rule: "in-person" } });
    expect(result.groups.length).toBeGreaterThan(15);
    for (const [a, b] of pairs) {
      expect([a.meetingPreference, b.meetingPreference]).toEqual(["in_person", "in_person"]);
      expect(normalizeAttribute(a.city!)).toBe(normalizeAttribute(b.city!));
    }
  });

  it("never pairs a member without a city or who prefers online", () => {
    const input = parsePairingInput({
      members: [
        { id: "tokyo", industry: "it", seniority: "1-3", languages: ["ja"], city: "Tokyo", meetingPreference: "in_person" },
        { id: "online", industry: "finance", seniority: "3-7", languages: ["ja"], city: "Tokyo", meetingPreference: "online" },
        { id: "nowhere", industry: "media", seniority: "3-7", languages: ["ja"], meetingPreference: "in_person" },
      ],
      settings: { rule: "in-person" },
    });
    const result = makeGroups(input, 1);
    expect(result.groups).toEqual([]);
    expect([...result.unplaced].sort()).toEqual(["nowhere", "online", "tokyo"]);
  });
});

describe("history across programs", () => {
  it("a pair that met in another program's round is a recent repeat here too", () => {
    // The history the bot gives the engine is the community's, whatever program made a group.
    const members = ["a", "b", "c", "d"].map((id, i) => ({ id, industry: "it", seniority: (["student", "1-3", "student", "1-3"] as const)[i]!, languages: ["ja"], group: "2019" }));
    const now = "2026-12-07T00:00:00Z";
    for (const rule of ["mentoring", "within-group", "cross-industry"] as const) {
      const { result } = pairsOf({ members, history: [{ a: "a", b: "b", at: "2026-11-30T00:00:00Z" }, { a: "c", b: "d", at: "2026-11-30T00:00:00Z" }], settings: { rule, now } });
      expect(result.stats.repeats).toBe(0);
      expect(result.groups.map((g) => [...g.members].sort()).sort()).toEqual([["a", "d"], ["b", "c"]]);
    }
  });
});
