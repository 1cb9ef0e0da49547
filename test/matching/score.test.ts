import { describe, expect, it } from "vitest";
import { generateCommunity } from "../../bench/community.js";
import { createScorer, makeGroups, parsePairingInput, type PairingInputDocument } from "../../src/core/matching/index.js";
import { createRng } from "../../src/core/matching/random.js";

/** A community with more than 31 distinct tags, interests and languages (bit-set overflow paths). */
function manyTags(n: number, seed: number): PairingInputDocument {
  const doc = generateCommunity(n, seed);
  const rng = createRng(seed);
  for (const m of doc.members) {
    m.canOffer = [...(m.canOffer ?? []), `rare ${rng.int(70)}`];
    m.lookingFor = [...(m.lookingFor ?? []), `RARE ${rng.int(70)} `];
    m.interests = [...(m.interests ?? []), `hobby ${rng.int(50)}`];
    m.languages = rng.next() < 0.3 ? [`lang${rng.int(45)}`] : [...(m.languages ?? []), `lang${rng.int(45)}`];
  }
  doc.blocks = [...(doc.blocks ?? []), { by: doc.members[0]!.id, blocked: doc.members[1]!.id }];
  return doc;
}

/**
 * The same community with random `mutual` flags on its history (and repeated meetings of
 * some pairs, mutual or not, so that the most recent entry has to decide), a short no-repeat
 * window so that many mutual pairs are outside it, and a `meetAgain` weight that clamps some
 * penalties to zero and only lowers others.
 */
function withMutual(doc: PairingInputDocument, seed: number, meetAgain: number): PairingInputDocument {
  const rng = createRng(seed);
  const history = (doc.history ?? []).map((h) => ({ ...h, mutual: rng.next() < 0.5 }));
  const now = Date.parse(doc.settings!.now!);
  for (const h of history.slice(0, Math.floor(history.length / 4))) {
    history.push({ a: h.a, b: h.b, at: new Date(now - (1 + rng.int(20)) * 7 * 86_400_000).toISOString(), mutual: rng.next() < 0.5 });
  }
  return { ...doc, history, settings: { ...doc.settings, noRepeatWeeks: 3, weights: { meetAgain } } };
}

describe("compiled scorer rows", () => {
  for (const [name, doc] of [
    ["generated", generateCommunity(160, 3)],
    ["many rare tags", manyTags(160, 4)],
    ["generated, mutual history", withMutual(generateCommunity(160, 5), 5, 400)],
    ["many rare tags, mutual history and a partial meetAgain", withMutual(manyTags(160, 6), 6, 300)],
  ] as const) {
    it(`given a ${name} community, then row() equals score/allowed/recentRepeat and boundRow() never misses a pair above the threshold`, () => {
      const s = createScorer(parsePairingInput(doc));
      const n = s.n;
      const cols = Int32Array.from({ length: n }, (_, j) => j);
      const out = new Float64Array(n);
      const rng = createRng(1);
      const h = Float64Array.from({ length: n }, () => rng.int(1400) - 200);
      for (let i = 0; i < n; i++) {
        s.row(i, cols, out, 5000);
        const listed = [] as number[];
        s.boundRow(i, h, listed);
        const set = new Set(listed);
        for (let j = 0; j < n; j++) {
          const want = i !== j && s.allowed(i, j) ? s.score(i, j) + (s.recentRepeat(i, j) ? 0 : 5000) : -Infinity;
          expect(out[j]).toBe(want);
          if (j > i && s.allowed(i, j) && s.score(i, j) > h[i]! + h[j]!) expect(set.has(j)).toBe(true);
        }
      }
    });
  }

  it("given mutual history, then every score stays between the score without history minus metBefore and the score without history (the bounds that ignore history hold)", () => {
    const doc = withMutual(generateCommunity(160, 7), 7, 300);
    const input = parsePairingInput(doc);
    const s = createScorer(input);
    const bare = createScorer({ ...input, history: [] });
    let lowered = 0;
    let cleared = 0;
    let kept = 0;
    for (let i = 0; i < s.n; i++) {
      for (let j = i + 1; j < s.n; j++) {
        const penalty = bare.score(i, j) - s.score(i, j);
        expect(penalty).toBeGreaterThanOrEqual(0);
        expect(penalty).toBeLessThanOrEqual(input.settings.weights.metBefore);
        expect(s.score(i, j)).toBeLessThanOrEqual(s.maxScore);
        expect(s.score(i, j)).toBeGreaterThanOrEqual(s.minScore);
        const again = s.reasons(i, j).some((r) => r.kind === "meetAgain");
        if (again) {
          expect(s.recentRepeat(i, j)).toBe(false);
          if (penalty === 0) cleared++;
          else lowered++;
        } else if (s.weeksSinceMet(i, j) >= 0) kept++;
      }
    }
    // the sample exercises all three cases: clamped to zero, only lowered, untouched
    expect(cleared).toBeGreaterThan(0);
    expect(lowered).toBeGreaterThan(0);
    expect(kept).toBeGreaterThan(0);
  });

  it("given two members matching only through rare tags and a rare language, then offer/seek points and the pair are counted", () => {
    const filler = Array.from({ length: 40 }, (_, k) => ({ id: `f${k}`, industry: "it", seniority: "3-7" as const, languages: [`l${k}`], canOffer: [`t${k}`], lookingFor: [`s${k}`] }));
    const a = { id: "a", industry: "it", seniority: "3-7" as const, languages: ["klingon"], canOffer: ["zz offer"], lookingFor: ["zz seek"] };
    const b = { id: "b", industry: "it", seniority: "3-7" as const, languages: ["klingon"], canOffer: ["zz seek"], lookingFor: ["zz offer"] };
    const s = createScorer(parsePairingInput({ members: [...filler, a, b], settings: { now: "2026-06-01T00:00:00Z" } }));
    const base = createScorer(parsePairingInput({ members: [{ ...a, canOffer: [], lookingFor: [] }, { ...b, canOffer: [], lookingFor: [] }], settings: { now: "2026-06-01T00:00:00Z" } }));
    expect(s.allowed(40, 41)).toBe(true);
    expect(s.allowed(40, 0)).toBe(false);
    expect(s.score(40, 41) - base.score(0, 1)).toBe(2 * 200);
  });
});

describe("sparse candidate graph", () => {
  it("given the sampled mode (inverted indexes instead of full rows), then the dual check still certifies the dense optimum", () => {
    const input = parsePairingInput(generateCommunity(700, 11));
    const sampled = makeGroups(input, 3, { denseLimit: 100, sparse: { fullLimit: 100, sample: 40, perKey: 10, perTag: 5 } });
    const dense = makeGroups(input, 3, { denseLimit: 10_000 });
    expect(sampled.solver.mode).toBe("sparse");
    expect(sampled.solver.certified).toBe(true);
    expect(sampled.solver.rounds).toBeGreaterThan(1);
    expect(sampled.total).toBe(dense.total);
  });
});
