import type { Rng } from "./random.js";
import type { PairScorer } from "./score.js";

export interface SparseOptions {
  /** Partners kept per member (the graph has about n * perMember edges). */
  perMember: number;
  /** Random partners added per member. */
  random: number;
  /** Random members scored per member when looking for its best partners. */
  sample: number;
  /** Members taken per matching tag from the offer/seek inverted index. */
  perTag: number;
}

export const DEFAULT_SPARSE: SparseOptions = { perMember: 24, random: 2, sample: 160, perTag: 12 };

/**
 * Candidate graph for a large pool. Each member scores a sample (random members plus those
 * whose offers/needs meet theirs) and ranks them; the lists are then filled round-robin by
 * rank with a cap on how often one member may be chosen (2 × perMember), so that a few
 * popular members do not fill everyone's list. A couple of random allowed partners are
 * added per member. `value(i, j)` is the solver weight (without the placement constant) or
 * null when the pair is not allowed. Returns flat [i, j] pairs with i < j, no duplicates.
 */
export function candidatePairs(
  scorer: PairScorer,
  value: (i: number, j: number) => number | null,
  rng: Rng,
  options: SparseOptions = DEFAULT_SPARSE,
): { a: Int32Array; b: Int32Array } {
  const n = scorer.n;
  const L = options.perMember * 2;
  const ranked: Int32Array[] = [];
  const stamp = new Int32Array(n).fill(-1);
  const candJ: number[] = [];
  const candV: number[] = [];
  for (let i = 0; i < n; i++) {
    candJ.length = 0;
    candV.length = 0;
    stamp[i] = i;
    const consider = (j: number): void => {
      if (stamp[j] === i) return;
      stamp[j] = i;
      const v = value(i, j);
      if (v === null) return;
      candJ.push(j);
      candV.push(v);
    };
    for (const j of scorer.complementary(i, options.perTag, rng.int(1 << 30))) consider(j);
    const s = Math.min(options.sample, n - 1);
    for (let q = 0; q < s; q++) consider(rng.int(n));
    const idx = candJ.map((_, k) => k);
    idx.sort((x, y) => candV[y]! - candV[x]! || candJ[x]! - candJ[y]!);
    const top = new Int32Array(Math.min(L, idx.length));
    for (let k = 0; k < top.length; k++) top[k] = candJ[idx[k]!]!;
    ranked.push(top);
  }
  const cap = 2 * options.perMember;
  const chosen = new Int32Array(n);
  const degree = new Int32Array(n);
  const seen = new Set<number>();
  const A: number[] = [];
  const B: number[] = [];
  const add = (i: number, j: number): boolean => {
    const key = i < j ? i * n + j : j * n + i;
    if (seen.has(key)) return false;
    seen.add(key);
    A.push(Math.min(i, j));
    B.push(Math.max(i, j));
    degree[i]!++;
    degree[j]!++;
    return true;
  };
  const pos = new Int32Array(n);
  for (let round = 0; round < options.perMember; round++) {
    for (let i = 0; i < n; i++) {
      const list = ranked[i]!;
      while (pos[i]! < list.length) {
        const j = list[pos[i]!++]!;
        if (chosen[j]! >= cap && pos[i]! <= list.length - (options.perMember - round)) continue;
        if (add(i, j)) {
          chosen[j]!++;
          break;
        }
      }
    }
  }
  for (let i = 0; i < n; i++) {
    for (let r = 0, tries = 0; r < options.random && tries < 20; tries++) {
      const j = rng.int(n);
      if (j !== i && value(i, j) !== null && add(i, j)) r++;
    }
  }
  return { a: Int32Array.from(A), b: Int32Array.from(B) };
}
