import { describe, expect, it } from "vitest";
import { edgesFromTriples, maxWeightMatching } from "../../src/core/matching/blossom.js";
import { createRng } from "../../src/core/matching/random.js";

type Triple = [number, number, number];

/** Exhaustive optimum over subsets: best (size, weight) or best weight. */
function bruteForce(n: number, edges: Triple[], maxCardinality: boolean): { size: number; weight: number } {
  const adj: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(NaN));
  for (const [u, v, w] of edges) {
    // keep the best parallel edge
    if (Number.isNaN(adj[u]![v]!) || w > adj[u]![v]!) {
      adj[u]![v] = w;
      adj[v]![u] = w;
    }
  }
  const full = (1 << n) - 1;
  const memoSize = new Int32Array(1 << n).fill(-1);
  const memoWeight = new Float64Array(1 << n);
  const better = (s1: number, w1: number, s2: number, w2: number): boolean =>
    maxCardinality ? s1 > s2 || (s1 === s2 && w1 > w2) : w1 > w2;
  const solve = (mask: number): void => {
    if (memoSize[mask] !== -1) return;
    if (mask === full) {
      memoSize[mask] = 0;
      memoWeight[mask] = 0;
      return;
    }
    let i = 0;
    while (mask & (1 << i)) i++;
    solve(mask | (1 << i));
    let bs = memoSize[mask | (1 << i)]!;
    let bw = memoWeight[mask | (1 << i)]!;
    for (let j = i + 1; j < n; j++) {
      if (mask & (1 << j)) continue;
      const w = adj[i]![j]!;
      if (Number.isNaN(w)) continue;
      const next = mask | (1 << i) | (1 << j);
      solve(next);
      const s = memoSize[next]! + 1;
      const tw = memoWeight[next]! + w;
      if (better(s, tw, bs, bw)) {
        bs = s;
        bw = tw;
      }
    }
    memoSize[mask] = bs;
    memoWeight[mask] = bw;
  };
  solve(0);
  return { size: memoSize[0]!, weight: memoWeight[0]! };
}

function randomGraph(seed: number): { n: number; edges: Triple[] } {
  const rng = createRng(seed);
  const n = 1 + rng.int(12);
  const density = 0.15 + rng.next() * 0.85;
  const style = rng.int(4); // 0: wide range, 1: ties (few values), 2: with negatives and zeros, 3: mixed
  const edges: Triple[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (rng.next() >= density) continue;
      let w: number;
      if (style === 0) w = 1 + rng.int(1000);
      else if (style === 1) w = 1 + rng.int(3);
      else if (style === 2) w = rng.int(11) - 5;
      else w = rng.int(40) - 4;
      if (rng.next() < 0.5) edges.push([i, j, w]);
      else edges.push([j, i, w]);
    }
  }
  rng.shuffle(edges);
  return { n, edges };
}

function checkMatching(n: number, edges: Triple[], mate: Int32Array): { size: number; weight: number } {
  const weightOf = new Map<string, number>();
  for (const [u, v, w] of edges) {
    const key = `${Math.min(u, v)}-${Math.max(u, v)}`;
    weightOf.set(key, Math.max(weightOf.get(key) ?? -Infinity, w));
  }
  let size = 0;
  let weight = 0;
  for (let v = 0; v < n; v++) {
    const m = mate[v]!;
    if (m === -1) continue;
    expect(mate[m]).toBe(v);
    if (v < m) {
      const w = weightOf.get(`${v}-${m}`);
      expect(w).toBeDefined();
      size++;
      weight += w!;
    }
  }
  return { size, weight };
}

describe("blossom solver against brute force", () => {
  for (const maxCardinality of [false, true]) {
    it(`given 2,500 random graphs with n ≤ 12 (ties, zero and negative weights), maxCardinality=${maxCardinality}, then the weight equals the exhaustive optimum`, () => {
      let nonTrivial = 0;
      for (let seed = 1; seed <= 2500; seed++) {
        const { n, edges } = randomGraph(seed * 7919 + (maxCardinality ? 1 : 0));
        const res = maxWeightMatching(n, edgesFromTriples(edges), { maxCardinality });
        const got = checkMatching(n, edges, res.mate);
        const want = bruteForce(n, edges, maxCardinality);
        if (got.weight !== want.weight || (maxCardinality && got.size !== want.size)) {
          throw new Error(`seed ${seed}: got ${JSON.stringify(got)} want ${JSON.stringify(want)} graph ${JSON.stringify({ n, edges })}`);
        }
        expect(res.weight).toBe(got.weight);
        if (want.size >= 3) nonTrivial++;
        if (!maxCardinality) {
          // dual certificate: every edge has non-negative reduced cost
          for (const [u, v, w] of edges) expect(res.reducedCost(u, v, w)).toBeGreaterThanOrEqual(0);
        }
      }
      expect(nonTrivial).toBeGreaterThan(500);
    });
  }

  it("given the same graphs without warm start, then the weight is still optimal", () => {
    for (let seed = 1; seed <= 800; seed++) {
      const { n, edges } = randomGraph(seed * 104729);
      const res = maxWeightMatching(n, edgesFromTriples(edges), { warmStart: false });
      expect(checkMatching(n, edges, res.mate).weight).toBe(bruteForce(n, edges, false).weight);
    }
  });

  it("given max cardinality without warm start (the textbook variant), then it still matches brute force", () => {
    for (let seed = 1; seed <= 800; seed++) {
      const { n, edges } = randomGraph(seed * 15485863);
      const res = maxWeightMatching(n, edgesFromTriples(edges), { maxCardinality: true, warmStart: false });
      const got = checkMatching(n, edges, res.mate);
      const want = bruteForce(n, edges, true);
      expect([got.size, got.weight]).toEqual([want.size, want.weight]);
    }
  });

  for (const maxCardinality of [false, true]) {
    it(`given a warm start from the solution of a random subgraph, maxCardinality=${maxCardinality}, then the re-solve on the whole graph equals brute force`, () => {
      for (let seed = 1; seed <= 600; seed++) {
        const { n, edges } = randomGraph(seed * 7727 + (maxCardinality ? 3 : 0));
        const rng = createRng(seed);
        const part = edges.filter(() => rng.next() < 0.6);
        const first = maxWeightMatching(n, edgesFromTriples(part), { maxCardinality });
        // arbitrary (even infeasible) duals must be repaired too
        const dual = rng.next() < 0.2 ? Float64Array.from(first.warmDuals(), (d) => d - rng.int(5)) : first.warmDuals();
        const res = maxWeightMatching(n, edgesFromTriples(edges), { maxCardinality, init: { dual, mate: first.mate } });
        const got = checkMatching(n, edges, res.mate);
        const want = bruteForce(n, edges, maxCardinality);
        if (got.weight !== want.weight || (maxCardinality && got.size !== want.size)) {
          throw new Error(`seed ${seed}: got ${JSON.stringify(got)} want ${JSON.stringify(want)} graph ${JSON.stringify({ n, edges })}`);
        }
        if (!maxCardinality) for (const [u, v, w] of edges) expect(res.reducedCost(u, v, w)).toBeGreaterThanOrEqual(0);
      }
    });
  }

  it("given larger random graphs (up to 160 vertices, many trees and blossoms), then warm, cold and warm-restarted solves agree", () => {
    for (let seed = 1; seed <= 50; seed++) {
      const rng = createRng(seed * 104723);
      const n = 20 + rng.int(140);
      const density = 0.03 + rng.next() * 0.3;
      const style = rng.int(3);
      const edges: Triple[] = [];
      for (let i = 0; i < n; i++)
        for (let j = i + 1; j < n; j++)
          if (rng.next() < density) edges.push([i, j, style === 0 ? 1 + rng.int(1000) : style === 1 ? 1 + rng.int(3) : 1e9 + rng.int(40)]);
      const e = edgesFromTriples(edges);
      const warm = maxWeightMatching(n, e);
      const cold = maxWeightMatching(n, e, { warmStart: false });
      const sub = maxWeightMatching(n, edgesFromTriples(edges.filter((_, k) => k % 3 !== 0)));
      const again = maxWeightMatching(n, e, { init: { dual: sub.warmDuals(), mate: sub.mate } });
      expect(warm.weight).toBe(cold.weight);
      expect(again.weight).toBe(cold.weight);
      for (const [u, v, w] of edges) expect(again.reducedCost(u, v, w)).toBeGreaterThanOrEqual(0);
      const mc = maxWeightMatching(n, e, { maxCardinality: true });
      const mcCold = maxWeightMatching(n, e, { maxCardinality: true, warmStart: false });
      expect([mc.size, mc.weight]).toEqual([mcCold.size, mcCold.weight]);
    }
  });

  it("given a path a-b-c-d with weights 1, 10, 1, then max weight takes the middle edge and max cardinality takes both ends", () => {
    const edges: Triple[] = [[0, 1, 1], [1, 2, 10], [2, 3, 1]];
    const a = maxWeightMatching(4, edgesFromTriples(edges));
    expect(Array.from(a.mate)).toEqual([-1, 2, 1, -1]);
    expect(a.weight).toBe(10);
    const b = maxWeightMatching(4, edgesFromTriples(edges), { maxCardinality: true });
    expect(Array.from(b.mate)).toEqual([1, 0, 3, 2]);
    expect(b.weight).toBe(2);
  });

  it("given only negative edges, then max weight leaves everyone unmatched and max cardinality still pairs them", () => {
    const edges: Triple[] = [[0, 1, -5], [2, 3, -1], [0, 2, -2]];
    expect(maxWeightMatching(4, edgesFromTriples(edges)).size).toBe(0);
    const b = maxWeightMatching(4, edgesFromTriples(edges), { maxCardinality: true });
    expect(b.size).toBe(2);
    expect(b.weight).toBe(-6);
  });

  it("given a graph whose optimum needs a nested blossom, then it is found", () => {
    // Classic test cases for blossom expansion/relabeling (van Rantwijk's suite shapes).
    const cases: Array<{ n: number; edges: Triple[]; weight: number }> = [
      { n: 5, edges: [[1, 2, 8], [1, 3, 9], [2, 3, 10], [3, 4, 7]], weight: 15 },
      { n: 7, edges: [[1, 2, 9], [1, 3, 8], [2, 3, 10], [1, 4, 5], [4, 5, 4], [1, 6, 3]], weight: 21 },
      { n: 9, edges: [[1, 2, 23], [1, 5, 22], [1, 6, 15], [2, 3, 25], [3, 4, 22], [4, 5, 25], [4, 8, 14], [5, 7, 13]], weight: 23 + 22 + 25 + 0 },
      { n: 11, edges: [[1, 2, 40], [1, 3, 40], [2, 3, 60], [2, 4, 55], [3, 5, 55], [4, 5, 50], [1, 8, 15], [5, 7, 30], [7, 6, 10], [8, 10, 10], [4, 9, 30]], weight: 0 },
    ];
    for (const c of cases) {
      const res = maxWeightMatching(c.n, edgesFromTriples(c.edges));
      expect(res.weight).toBe(bruteForce(c.n, c.edges, false).weight);
    }
  });
});
