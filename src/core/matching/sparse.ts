import type { Rng } from "./random.js";
import type { PairScorer } from "./score.js";

export interface SparseOptions {
  /** Best partners kept per member (the graph has at most about 2 · n · perMember edges). */
  perMember: number;
  /** Random partners added per member. */
  random: number;
  /** Pools up to this size score every pair; larger ones score a sample per member. */
  fullLimit: number;
  /** Sampled mode: random members scored per member. */
  sample: number;
  /** Sampled mode: members taken per matching tag from the offer/seek inverted index. */
  perTag: number;
  /** Sampled mode: members taken per (offered, sought) tag pair matching both ways. */
  perKey: number;
}

export const DEFAULT_SPARSE: SparseOptions = { perMember: 10, random: 2, fullLimit: 8000, sample: 300, perTag: 40, perKey: 150 };

/**
 * Candidate graph for a large pool: the `perMember` best partners of each member by the
 * pairing objective (a pair enters through either end, so popular members do not crowd
 * the others out: everyone keeps their own best), plus a couple of random allowed partners.
 * Up to `fullLimit` members every pair is scored (typed-array rows, a few ns per pair);
 * above, each member scores a sample (random members plus those whose offers or needs meet
 * theirs through an inverted index). `freshBonus` is the bonus of a pair that did not meet
 * within the no-repeat window (so that the ranking is the objective's). Returns flat [i, j]
 * pairs with i < j, no duplicates, and the value each was ranked by (`scorer.row`'s: the
 * score plus the fresh bonus), so the caller need not score them again.
 */
export function candidatePairs(
  scorer: PairScorer,
  rng: Rng,
  options: SparseOptions = DEFAULT_SPARSE,
  freshBonus = 0,
): { a: Int32Array; b: Int32Array; value: Float64Array } {
  const n = scorer.n;
  const K = Math.max(1, options.perMember);
  const topV = new Float64Array(n * K).fill(-Infinity);
  const topJ = new Int32Array(n * K).fill(-1);
  const minPos = new Int32Array(n);
  const minVal = new Float64Array(n).fill(-Infinity);
  const offer = (i: number, j: number, v: number): void => {
    const base = i * K;
    topV[base + minPos[i]!] = v;
    topJ[base + minPos[i]!] = j;
    let mp = 0;
    let mv = topV[base]!;
    for (let s = 1; s < K; s++) {
      if (topV[base + s]! < mv) {
        mv = topV[base + s]!;
        mp = s;
      }
    }
    minPos[i] = mp;
    minVal[i] = mv;
  };
  const out = new Float64Array(n);
  if (n <= options.fullLimit) {
    const ident = Int32Array.from({ length: n }, (_, j) => j);
    for (let i = 0; i < n - 1; i++) {
      const cols = ident.subarray(i + 1);
      scorer.row(i, cols, out, freshBonus);
      for (let k = 0; k < cols.length; k++) {
        const v = out[k]!;
        if (v === -Infinity) continue;
        const j = i + 1 + k;
        if (v > minVal[i]!) offer(i, j, v);
        if (v > minVal[j]!) offer(j, i, v);
      }
    }
  } else {
    const stamp = new Int32Array(n).fill(-1);
    const cols = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      let c = 0;
      stamp[i] = i;
      for (const j of scorer.mutual(i, options.perKey, rng.int(1 << 30))) {
        if (stamp[j] !== i) {
          stamp[j] = i;
          cols[c++] = j;
        }
      }
      for (const j of scorer.complementary(i, options.perTag, rng.int(1 << 30))) {
        if (stamp[j] !== i) {
          stamp[j] = i;
          cols[c++] = j;
        }
      }
      const s = Math.min(options.sample, n - 1);
      for (let q = 0; q < s; q++) {
        const j = rng.int(n);
        if (stamp[j] !== i) {
          stamp[j] = i;
          cols[c++] = j;
        }
      }
      const cs = cols.subarray(0, c);
      scorer.row(i, cs, out, freshBonus);
      for (let k = 0; k < c; k++) {
        const v = out[k]!;
        if (v === -Infinity) continue;
        const j = cs[k]!;
        if (v > minVal[i]! && !listed(i, j)) offer(i, j, v);
        if (v > minVal[j]! && !listed(j, i)) offer(j, i, v);
      }
    }
  }
  function listed(i: number, j: number): boolean {
    for (let s = i * K; s < i * K + K; s++) if (topJ[s] === j) return true;
    return false;
  }
  const seen = new Set<number>();
  const A: number[] = [];
  const B: number[] = [];
  const V: number[] = [];
  const add = (i: number, j: number, v: number): boolean => {
    const key = i < j ? i * n + j : j * n + i;
    if (seen.has(key)) return false;
    seen.add(key);
    A.push(Math.min(i, j));
    B.push(Math.max(i, j));
    V.push(v);
    return true;
  };
  for (let i = 0; i < n; i++) {
    for (let s = i * K; s < i * K + K; s++) {
      const j = topJ[s]!;
      if (j >= 0) add(i, j, topV[s]!);
    }
  }
  const one = new Int32Array(1);
  for (let i = 0; i < n; i++) {
    for (let r = 0, tries = 0; r < options.random && tries < 20; tries++) {
      const j = rng.int(n);
      if (j === i) continue;
      one[0] = j;
      scorer.row(i, one, out, freshBonus);
      if (out[0] !== -Infinity && add(i, j, out[0]!)) r++;
    }
  }
  return { a: Int32Array.from(A), b: Int32Array.from(B), value: Float64Array.from(V) };
}
