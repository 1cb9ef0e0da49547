import { describe, expect, it } from "vitest";
import { generateCommunity } from "../../bench/community.js";
import { createScorer, makeGroups, parsePairingInput, renderReasonsEnglish, type PairingInputDocument, type PairingResult } from "../../src/core/matching/index.js";
import { createRng } from "../../src/core/matching/random.js";

type Doc = PairingInputDocument;
const NOW = "2026-06-01T00:00:00Z";
const DAY = 86_400_000;
const weeksAgo = (w: number): string => new Date(Date.parse(NOW) - w * 7 * DAY).toISOString();

function member(id: string, extra: Partial<Doc["members"][number]> = {}): Doc["members"][number] {
  return { id, industry: "it", seniority: "3-7", languages: ["ja"], timeZone: "Asia/Tokyo", ...extra };
}
const run = (doc: Doc, seed = 1): PairingResult => makeGroups(parsePairingInput(doc), seed);
const pairsOf = (r: PairingResult): string[] => r.groups.map((g) => [...g.members].sort().join("+")).sort();

/**
 * Four alike members; a and b also match on offer/seek (+200), so without history a+b / c+d
 * wins by 200. A meeting of a and b 10 weeks ago costs round(400 · 0.5^(10/12)) = 224 > 200.
 */
const four = [
  member("a", { name: "Aiko", canOffer: ["hiring"] }),
  member("b", { name: "Ken", lookingFor: ["hiring"] }),
  member("c"),
  member("d"),
];

describe("meetAgain weight (mutual history)", () => {
  it("given a mutual pair whose meeting is outside the window, then it is paired again where the same non-mutual history keeps it apart", () => {
    const settings = { now: NOW, noRepeatWeeks: 8 };
    expect(pairsOf(run({ members: four, settings }))).toEqual(["a+b", "c+d"]);
    const plain = run({ members: four, history: [{ a: "a", b: "b", at: weeksAgo(10) }], settings });
    expect(pairsOf(plain)).not.toContain("a+b");
    const mutual = run({ members: four, history: [{ a: "a", b: "b", at: weeksAgo(10), mutual: true }], settings });
    expect(pairsOf(mutual)).toEqual(["a+b", "c+d"]);
    expect(mutual.stats.repeats).toBe(0);
    const ab = mutual.groups.find((g) => g.members.includes("a"))!;
    expect(ab.reasons).toContainEqual({ kind: "meetAgain", params: { a: "Aiko", b: "Ken", weeksAgo: 10 } });
    expect(ab.reasons.some((r) => r.kind === "metBefore")).toBe(false);
    expect(ab.text).toContain("Aiko and Ken both said they would like to meet again (met 10 weeks ago)");
    // a smaller meetAgain only brings the pair closer: 224 − 10 still loses, 224 − 100 wins
    const weighted = (meetAgain: number): string[] =>
      pairsOf(run({ members: four, history: [{ a: "a", b: "b", at: weeksAgo(10), mutual: true }], settings: { ...settings, weights: { meetAgain } } }));
    expect(weighted(10)).not.toContain("a+b");
    expect(weighted(100)).toContain("a+b");
  });

  it("given the penalty and meetAgain, then the score is reduced by meetAgain and never above the score without history", () => {
    const score = (history: Doc["history"], weights: Record<string, number> = {}): number =>
      createScorer(parsePairingInput({ members: four, history, settings: { now: NOW, noRepeatWeeks: 8, weights } })).score(0, 1);
    const bare = score([]);
    expect(score([{ a: "a", b: "b", at: weeksAgo(10) }])).toBe(bare - 224);
    expect(score([{ a: "a", b: "b", at: weeksAgo(10), mutual: true }])).toBe(bare);
    expect(score([{ a: "a", b: "b", at: weeksAgo(10), mutual: true }], { meetAgain: 100 })).toBe(bare - 124);
    expect(score([{ a: "a", b: "b", at: weeksAgo(10), mutual: true }], { meetAgain: 0 })).toBe(bare - 224);
    // exactly at the window's end the reduction applies (the pair is no longer a recent repeat)
    expect(score([{ a: "a", b: "b", at: weeksAgo(8), mutual: true }])).toBe(bare);
  });

  it("given a mutual pair inside the no-repeat window, then it is still avoided and its penalty is unchanged", () => {
    const settings = { now: NOW, noRepeatWeeks: 8 };
    const history = [{ a: "a", b: "b", at: weeksAgo(3), mutual: true }];
    const r = run({ members: four, history, settings });
    expect(pairsOf(r)).not.toContain("a+b");
    expect(r.stats.repeats).toBe(0);
    const s = createScorer(parsePairingInput({ members: four, history, settings }));
    const plain = createScorer(parsePairingInput({ members: four, history: [{ ...history[0]!, mutual: false }], settings }));
    expect(s.score(0, 1)).toBe(plain.score(0, 1));
    expect(s.recentRepeat(0, 1)).toBe(true);
    expect(s.reasons(0, 1)).toContainEqual({ kind: "metBefore", params: { a: "Aiko", b: "Ken", weeksAgo: 3, withinNoRepeatWindow: true } });
    expect(s.reasons(0, 1).some((x) => x.kind === "meetAgain")).toBe(false);
    // when only repeats remain, the mutual pair is still chosen like any other old meeting
    const two = run({ members: four.slice(0, 2), history, settings });
    expect(pairsOf(two)).toEqual(["a+b"]);
    expect(renderReasonsEnglish(two.groups[0]!.reasons)).toContain("Aiko and Ken met 3 weeks ago (no better option)");
  });

  it("given several meetings of a pair, then the most recent one decides whether it counts as mutual", () => {
    const settings = { now: NOW, noRepeatWeeks: 8 };
    const score = (history: Doc["history"]): number => createScorer(parsePairingInput({ members: four, history, settings })).score(0, 1);
    const bare = score([]);
    // mutual long ago, not after the latest meeting: full penalty of the latest meeting
    expect(score([{ a: "a", b: "b", at: weeksAgo(30), mutual: true }, { a: "b", b: "a", at: weeksAgo(10) }])).toBe(bare - 224);
    // the latest meeting was mutual (entries in any order)
    expect(score([{ a: "b", b: "a", at: weeksAgo(10), mutual: true }, { a: "a", b: "b", at: weeksAgo(30) }])).toBe(bare);
    // two entries for the same latest meeting (e.g. a trio recorded twice): mutual if either says so
    expect(score([{ a: "a", b: "b", at: weeksAgo(10), mutual: true }, { a: "a", b: "b", at: weeksAgo(10) }])).toBe(bare);
    expect(score([{ a: "a", b: "b", at: weeksAgo(10) }, { a: "a", b: "b", at: weeksAgo(10), mutual: true }])).toBe(bare);
  });
});

/**
 * Exhaustive optimum of the engine's objective on reference scores computed here from the
 * rules (score without history − the history penalty of the most recent meeting, less
 * meetAgain for a mutual one outside the window): (placed pairs, pairs not met within the
 * window, total score), lexicographic.
 */
function bruteForce(doc: Doc): { pairs: number; fresh: number; total: number } {
  const input = parsePairingInput(doc);
  const bare = createScorer({ ...input, history: [] });
  const n = bare.n;
  const { metBefore, historyHalfLifeWeeks, meetAgain } = input.settings.weights;
  const windowWeeks = input.settings.noRepeatWeeks;
  const id = input.members.map((m) => m.id);
  const last = new Map<string, { weeks: number; mutual: boolean }>();
  for (const h of input.history) {
    const key = [h.a, h.b].sort().join("|");
    const weeks = (Date.parse(NOW) - Date.parse(h.at)) / 7 / DAY;
    const prev = last.get(key);
    if (!prev || weeks < prev.weeks) last.set(key, { weeks, mutual: h.mutual });
    else if (weeks === prev.weeks && h.mutual) prev.mutual = true;
  }
  const pair = (i: number, j: number): { score: number; recent: boolean } | null => {
    if (!bare.allowed(i, j)) return null;
    const met = last.get([id[i]!, id[j]!].sort().join("|"));
    if (!met) return { score: bare.score(i, j), recent: false };
    let penalty = Math.round(metBefore * Math.pow(0.5, met.weeks / historyHalfLifeWeeks));
    if (met.mutual && met.weeks >= windowWeeks) penalty = Math.max(0, penalty - meetAgain);
    return { score: bare.score(i, j) - penalty, recent: met.weeks < windowWeeks };
  };
  type Best = { pairs: number; fresh: number; total: number };
  const better = (x: Best, y: Best): boolean => x.pairs !== y.pairs ? x.pairs > y.pairs : x.fresh !== y.fresh ? x.fresh > y.fresh : x.total > y.total;
  const memo = new Map<number, Best>();
  const solve = (mask: number): Best => {
    let i = 0;
    while (i < n && mask & (1 << i)) i++;
    if (i === n) return { pairs: 0, fresh: 0, total: 0 };
    const hit = memo.get(mask);
    if (hit) return hit;
    let best = solve(mask | (1 << i));
    for (let j = i + 1; j < n; j++) {
      if (mask & (1 << j)) continue;
      const p = pair(i, j);
      if (!p) continue;
      const rest = solve(mask | (1 << i) | (1 << j));
      const cand = { pairs: rest.pairs + 1, fresh: rest.fresh + (p.recent ? 0 : 1), total: rest.total + p.score };
      if (better(cand, best)) best = cand;
    }
    memo.set(mask, best);
    return best;
  };
  return solve(0);
}

/** A small community (even size, one language, no blocks: everyone can be paired) with random mutual history. */
function smallCommunity(seed: number): Doc {
  const rng = createRng(seed);
  const n = 2 * (2 + rng.int(5)); // 4..12
  const doc = generateCommunity(n, seed, 0);
  for (const m of doc.members) m.languages = ["en"];
  doc.blocks = [];
  const history: NonNullable<Doc["history"]> = [];
  const entries = rng.int(2 * n);
  for (let k = 0; k < entries; k++) {
    const a = rng.int(n);
    const b = rng.int(n);
    if (a !== b) history.push({ a: `m${a}`, b: `m${b}`, at: weeksAgo(1 + rng.int(24)), mutual: rng.next() < 0.5 });
  }
  doc.history = history;
  doc.settings = { now: NOW, noRepeatWeeks: rng.pick([0, 4, 8, 12]), weights: { meetAgain: rng.pick([0, 100, 250, 400, 1000]) } };
  return doc;
}

describe("exact optimum with mutual history", () => {
  it("given small random communities with mutual history, then the dense engine and the certified sparse engine equal brute force", () => {
    let sparseRounds = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const doc = smallCommunity(seed);
      const want = bruteForce(doc);
      const n = doc.members.length;
      expect(want.pairs).toBe(n / 2);
      for (const options of [{}, { denseLimit: 2, maxRounds: 100, sparse: { perMember: 1, random: 0 } }]) {
        const r = makeGroups(parsePairingInput(doc), seed, options);
        expect(r.solver.certified).toBe(true);
        expect(r.groups.every((g) => g.members.length === 2)).toBe(true);
        expect(r.groups.length).toBe(want.pairs);
        expect(r.groups.length - r.stats.repeats).toBe(want.fresh);
        expect(r.total).toBe(want.total);
        if (r.solver.mode === "sparse") sparseRounds += r.solver.rounds - 1;
      }
    }
    // the one-partner candidate graph is too small: the dual check had to add pairs
    expect(sparseRounds).toBeGreaterThan(0);
  });

  it("given a large pool with mutual history, then the sparse graph certified by the duals reaches the dense optimum", () => {
    const doc = generateCommunity(700, 11);
    const rng = createRng(11);
    // An earlier round 5–10 weeks ago paired everyone with one of their best partners: those
    // pairs are the ones worth repeating, and half of them said they would like to.
    const earlier = makeGroups(parsePairingInput({ ...doc, history: [] }), 1).groups.filter((g) => g.members.length === 2);
    doc.history = [
      ...doc.history!.map((h) => ({ ...h, mutual: rng.next() < 0.4 })),
      ...earlier.map((g) => ({ a: g.members[0]!, b: g.members[1]!, at: weeksAgo(5 + rng.int(6)), mutual: rng.next() < 0.5 })),
    ];
    doc.settings = { ...doc.settings, noRepeatWeeks: 4 };
    const input = parsePairingInput(doc);
    const sparse = makeGroups(input, 3, { denseLimit: 100 });
    const dense = makeGroups(input, 3, { denseLimit: 10_000 });
    expect(sparse.solver.mode).toBe("sparse");
    expect(sparse.solver.certified).toBe(true);
    expect(sparse.total).toBe(dense.total);
    // the weight matters here: some mutual pairs outside the window are paired again
    expect(dense.groups.some((g) => g.reasons.some((r) => r.kind === "meetAgain"))).toBe(true);
    const plain = makeGroups(parsePairingInput({ ...doc, history: doc.history!.map((h) => ({ ...h, mutual: false })) }), 3, { denseLimit: 10_000 });
    expect(dense.total).toBeGreaterThan(plain.total);
  });
});
