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

describe("compiled scorer rows", () => {
  for (const [name, doc] of [["generated", generateCommunity(160, 3)], ["many rare tags", manyTags(160, 4)]] as const) {
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
