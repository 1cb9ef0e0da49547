import { maxWeightMatching, type MatchingResult } from "./blossom.js";
import { pairingInputSchema, type PairingInput } from "./input.js";
import { createRng } from "./random.js";
import { createScorer, renderReasonsEnglish, type PairScorer, type Reason } from "./score.js";
import { candidatePairs, DEFAULT_SPARSE, type SparseOptions } from "./sparse.js";

export interface Group {
  /** Member ids. */
  members: string[];
  /** Sum of the scores of the pairs inside the group. */
  score: number;
  /** Structured reasons (for the bot to render in any language). */
  reasons: Reason[];
  /** English plain-text rendering of the reasons. */
  text: string;
}

export interface PairingStats {
  members: number;
  groups: number;
  /** Share of groups mixing at least two industries (0..1). */
  crossIndustryShare: number;
  /** Mean seniority gap (levels) over the pairs inside groups. */
  meanSeniorityGap: number;
  /** Pairs inside groups that met within the no-repeat window. */
  repeats: number;
  /** Members left without a group (no compatible partner). */
  unplaced: number;
}

export interface SolverStats {
  mode: "dense" | "sparse";
  edges: number;
  /** Sparse mode: solve rounds (1 + rounds after adding improving pairs). */
  rounds: number;
  /** Sparse mode: pairs added by the dual check. */
  addedEdges: number;
  /** True when the result is proven optimal for the full graph of allowed pairs. */
  certified: boolean;
}

export interface PairingResult {
  groups: Group[];
  /** Sum of the group scores. */
  total: number;
  unplaced: string[];
  stats: PairingStats;
  solver: SolverStats;
}

export interface PairingOptions {
  /** Pools up to this size are solved on the complete graph. Default 300. */
  denseLimit?: number;
  /** Sparse pools up to this size are certified optimal with the duals. Default 4,000. */
  certifyLimit?: number;
  sparse?: Partial<SparseOptions>;
  /** Limit on solve rounds when certifying. Default 8. */
  maxRounds?: number;
}

/** Validate a document (throws a ZodError with every problem). */
export function parsePairingInput(doc: unknown): PairingInput {
  return pairingInputSchema.parse(doc);
}

/**
 * Objective as solver weights. Lexicographic: (1) place as many members in pairs as
 * possible, (2) then avoid pairs that met within the no-repeat window, (3) then maximise
 * the score. Implemented with integer constants that dominate each other:
 * weight = P + (recent ? 0 : R) + (score − minScore + 1).
 */
export interface Objective {
  value(i: number, j: number): number | null;
  placement: number;
  /** value(i, j) ≤ bonus + score(i, j) for every allowed pair (R + shift). */
  bonus: number;
  /** value(i, j) = score(i, j) + shift + (recent ? 0 : bonus − shift). */
  shift: number;
}

export function objective(scorer: PairScorer, n: number): Objective {
  const shift = 1 - scorer.minScore;
  const S = scorer.maxScore + shift + 1;
  const half = Math.floor(n / 2) + 1;
  const R = S * half;
  const P = (R + S) * half;
  return {
    value(i, j) {
      if (!scorer.allowed(i, j)) return null;
      return (scorer.recentRepeat(i, j) ? 0 : R) + scorer.score(i, j) + shift;
    },
    placement: P,
    bonus: R + shift,
    shift,
  };
}

/** Solve the pairing on member indices 0..n-1 (already in the seed's order). */
function solvePairs(
  scorer: PairScorer,
  obj: Objective,
  seed: number,
  options: PairingOptions,
): { mate: Int32Array; solver: SolverStats } {
  const n = scorer.n;
  const denseLimit = options.denseLimit ?? 300;
  const certifyLimit = options.certifyLimit ?? 4000;
  const P = obj.placement;
  if (n <= denseLimit) {
    const A: number[] = [];
    const B: number[] = [];
    const W: number[] = [];
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const v = obj.value(i, j);
        if (v !== null) {
          A.push(i);
          B.push(j);
          W.push(P + v);
        }
      }
    }
    const res = maxWeightMatching(n, { u: Int32Array.from(A), v: Int32Array.from(B), w: Float64Array.from(W) });
    return { mate: res.mate, solver: { mode: "dense", edges: A.length, rounds: 1, addedEdges: 0, certified: true } };
  }
  const rng = createRng(seed ^ 0x5eed);
  const cand = candidatePairs(scorer, rng, { ...DEFAULT_SPARSE, ...options.sparse }, obj.bonus - obj.shift);
  const A = Array.from(cand.a);
  const B = Array.from(cand.b);
  // The ranking value is the objective less its shift: obj.value(a, b) = value + shift.
  const W = Array.from(cand.value, (v) => P + obj.shift + v);
  const certify = n <= certifyLimit;
  const maxRounds = options.maxRounds ?? 8;
  let rounds = 0;
  let added = 0;
  let res: MatchingResult;
  let certified = false;
  // Graph membership for the pricing: adjacency lists of the current edges.
  const adj: number[][] = certify ? Array.from({ length: n }, () => []) : [];
  if (certify) for (let k = 0; k < A.length; k++) adj[A[k]!]!.push(B[k]!);
  let init: { dual: Float64Array; mate: Int32Array } | undefined;
  const stamp = new Int32Array(n).fill(-1);
  const h = new Float64Array(n);
  const row: number[] = [];
  const offset = (P + obj.bonus) / 2;
  const fresh = obj.bonus - obj.shift;
  const rowValues = new Float64Array(n);
  let prevDual: Float64Array | null = null;
  let recheck: number[] = [];
  for (;;) {
    rounds++;
    res = maxWeightMatching(n, { u: Int32Array.from(A), v: Int32Array.from(B), w: Float64Array.from(W) }, init ? { init } : {});
    if (!certify || rounds >= maxRounds) break;
    // Price every allowed pair that is not in the graph: a negative reduced cost (with the
    // duals of the blossoms containing both ends) means it could improve the matching.
    // Filter: slack without blossom duals d_i + d_j − 2w ≥ 0 for sure when an upper bound
    // of the score is at most h_i + h_j, h_i = d_i / 2 − (P + R + shift) / 2.
    const dual = res.vertexDual;
    for (let i = 0; i < n; i++) h[i] = dual[i]! / 2 - offset;
    const from = A.length;
    // Incremental pricing: a pair outside the graph satisfied d_i + d_j ≥ 2w at the last
    // pricing unless it is in `recheck` (held back by blossom duals only); vertex duals that
    // did not decrease keep it so. Only pairs with an end whose dual decreased, and the
    // recheck list, are priced again — unless too many duals decreased.
    const changed: number[] = [];
    if (prevDual) for (let i = 0; i < n; i++) if (dual[i]! < prevDual[i]!) changed.push(i);
    const incremental = prevDual !== null && changed.length <= n / 16;
    const consider = (i: number, j: number, v: number): void => {
      const w = P + v;
      if (dual[i]! + dual[j]! - 2 * w >= 0) return; // blossom duals only add slack
      if (res.reducedCost(i, j, w) < 0) {
        A.push(i);
        B.push(j);
        W.push(w);
      } else nextRecheck.push(i, j, w);
    };
    const nextRecheck: number[] = [];
    if (incremental) {
      const isChanged = new Uint8Array(n);
      for (const i of changed) isChanged[i] = 1;
      for (let q = 0; q < recheck.length; q += 3) {
        const i = recheck[q]!;
        const j = recheck[q + 1]!;
        if (!isChanged[i] && !isChanged[j]) consider(i, j, recheck[q + 2]! - P); // else in a row below
      }
      const changedCols = Int32Array.from(changed);
      let c = 0; // changed[c..] are the changed vertices above i
      for (let i = 0; i < n; i++) {
        while (c < changed.length && changed[c]! <= i) c++;
        for (const j of adj[i]!) stamp[j] = i;
        if (isChanged[i]) {
          row.length = 0;
          scorer.boundRow(i, h, row);
          for (const j of row) {
            if (stamp[j] === i) continue;
            const v = obj.value(i, j);
            if (v !== null) consider(i, j, v);
          }
        } else if (c < changed.length) {
          const cols = changedCols.subarray(c);
          scorer.row(i, cols, rowValues, fresh);
          for (let k = 0; k < cols.length; k++) {
            const j = cols[k]!;
            if (stamp[j] === i || rowValues[k] === -Infinity) continue;
            consider(i, j, rowValues[k]! + obj.shift);
          }
        }
      }
    } else {
      for (let i = 0; i < n; i++) {
        row.length = 0;
        scorer.boundRow(i, h, row);
        if (row.length === 0) continue;
        for (const j of adj[i]!) stamp[j] = i;
        for (const j of row) {
          if (stamp[j] === i) continue;
          const v = obj.value(i, j);
          if (v !== null) consider(i, j, v);
        }
      }
    }
    recheck = nextRecheck;
    prevDual = dual;
    if (A.length === from) {
      certified = true;
      break;
    }
    added += A.length - from;
    for (let k = from; k < A.length; k++) adj[A[k]!]!.push(B[k]!);
    // Re-solve from the current matching and duals: only the ends of the added pairs (and
    // pairs no longer tight) are reopened.
    init = { dual: res.warmDuals(), mate: res.mate };
  }
  return { mate: res!.mate, solver: { mode: "sparse", edges: A.length, rounds, addedEdges: added, certified } };
}

/**
 * Groups for one round: pairs (and one trio when the count is odd), or groups of three when
 * `settings.groupSize` is 3. Deterministic for a given input and seed.
 */
export function makeGroups(input: PairingInput, seed = 0, options: PairingOptions = {}): PairingResult {
  // Seeded order of the members: ties between equally good groupings are broken by it.
  const rng = createRng(seed);
  const perm = rng.shuffle(input.members.map((_, i) => i));
  const ordered: PairingInput = { ...input, members: perm.map((i) => input.members[i]!) };
  const scorer = createScorer(ordered);
  const n = scorer.n;
  const obj = objective(scorer, n);
  const { mate, solver } = solvePairs(scorer, obj, seed, options);

  let groups: number[][] = [];
  const single: number[] = [];
  for (let i = 0; i < n; i++) {
    const j = mate[i]!;
    if (j === -1) single.push(i);
    else if (i < j) groups.push([i, j]);
  }
  const pairValue = (i: number, j: number): number | null => obj.value(i, j);
  const joinValue = (x: number, g: readonly number[]): number | null => {
    let s = 0;
    for (const y of g) {
      const v = pairValue(x, y);
      if (v === null) return null;
      s += v;
    }
    return s;
  };

  const unplaced: number[] = [];
  if (input.settings.groupSize === 3 && n >= 3) {
    groups = formTrios(groups, single, n, pairValue, joinValue, unplaced);
  } else {
    // Leftovers join the group where they add most (pairs before trios).
    for (const x of single) {
      let best = -1;
      let bestVal = -Infinity;
      for (let pass = 0; pass < 2 && best === -1; pass++) {
        for (let g = 0; g < groups.length; g++) {
          if ((pass === 0) !== (groups[g]!.length === 2)) continue;
          const v = joinValue(x, groups[g]!);
          if (v !== null && v > bestVal) {
            bestVal = v;
            best = g;
          }
        }
      }
      if (best === -1) unplaced.push(x);
      else groups[best]!.push(x);
    }
  }
  for (const g of groups) g.sort((x, y) => perm[x]! - perm[y]!);
  return describe(scorer, groups, unplaced, ordered, solver);
}

/**
 * How many groups of three (and four) a pool of n members makes: every group has three, and the
 * n mod 3 members left over each join a different group, so there is no pair beside trios
 * (7 → 3 + 4, 8 → 4 + 4). Five is the one count that cannot be split so: a trio and a pair.
 */
export function trioGroupCount(n: number): number {
  return n === 5 ? 2 : Math.max(1, Math.floor(n / 3));
}

/** Pairs + singles → groups of three, one or two of four when the count forces it. */
function formTrios(
  pairs: number[][],
  singlesIn: number[],
  n: number,
  value: (i: number, j: number) => number | null,
  joinValue: (x: number, g: readonly number[]) => number | null,
  unplaced: number[],
): number[][] {
  // Members who can meet nobody at all stay unplaced: the groups are counted for the others.
  const alone = singlesIn.filter((x) => {
    for (let j = 0; j < n; j++) if (j !== x && value(x, j) !== null) return false;
    return true;
  });
  const placeable = n - alone.length;
  const groupsTarget = trioGroupCount(placeable);
  // Keep the strongest pairs as cores, dissolve the weakest into singles.
  const withScore = pairs.map((p) => ({ p, v: value(p[0]!, p[1]!) ?? 0 }));
  withScore.sort((x, y) => y.v - x.v || x.p[0]! - y.p[0]!);
  const cores = withScore.slice(0, groupsTarget).map((x) => x.p);
  const singles = singlesIn.concat(withScore.slice(groupsTarget).flatMap((x) => x.p));
  // Assign singles to cores by max-weight bipartite matching (each core takes at most one
  // single per round; repeated until every single is placed or nothing fits).
  let pending = singles;
  for (let round = 0; round < 3 && pending.length > 0; round++) {
    const A: number[] = [];
    const B: number[] = [];
    const W: number[] = [];
    const k = cores.length;
    const big = 1e12;
    pending.forEach((x, si) => {
      cores.forEach((g, gi) => {
        if (round === 0 && g.length !== 2) return;
        const v = joinValue(x, g);
        if (v !== null) {
          A.push(gi);
          B.push(k + si);
          W.push(big + v);
        }
      });
    });
    const res = maxWeightMatching(k + pending.length, { u: Int32Array.from(A), v: Int32Array.from(B), w: Float64Array.from(W) });
    const next: number[] = [];
    pending.forEach((x, si) => {
      const g = res.mate[k + si]!;
      if (g === -1) next.push(x);
      else cores[g]!.push(x);
    });
    if (next.length === pending.length) break;
    pending = next;
  }
  unplaced.push(...pending);
  // Local search: swap two members of different groups while it improves the total.
  const groupValue = (g: readonly number[]): number | null => {
    let s = 0;
    for (let a = 0; a < g.length; a++)
      for (let b = a + 1; b < g.length; b++) {
        const v = value(g[a]!, g[b]!);
        if (v === null) return null;
        s += v;
      }
    return s;
  };
  // Repair: move members from groups of 4+ into pairs while a compatible move exists.
  for (let guard = 0; guard < n; guard++) {
    let best: { from: number; a: number; to: number; gain: number } | null = null;
    for (let f = 0; f < cores.length; f++) {
      const F = cores[f]!;
      if (F.length < 4) continue;
      for (let t = 0; t < cores.length; t++) {
        if (cores[t]!.length !== 2) continue;
        for (let a = 0; a < F.length; a++) {
          const x = F[a]!;
          const join = joinValue(x, cores[t]!);
          if (join === null) continue;
          const rest = F.filter((_, k) => k !== a);
          const leave = joinValue(x, rest) ?? 0;
          const gain = join - leave;
          if (best === null || gain > best.gain) best = { from: f, a, to: t, gain };
        }
      }
    }
    if (best === null) break;
    const x = cores[best.from]!.splice(best.a, 1)[0]!;
    cores[best.to]!.push(x);
  }
  // Then through a trio: x leaves a group of four for a trio whose member y fills a pair.
  const chain = (): boolean => {
    for (let p = 0; p < cores.length; p++) {
      const P = cores[p]!;
      if (P.length !== 2) continue;
      for (let t = 0; t < cores.length; t++) {
        const T = cores[t]!;
        if (T.length !== 3) continue;
        for (let b = 0; b < 3; b++) {
          if (joinValue(T[b]!, P) === null) continue;
          const rest = T.filter((_, k) => k !== b);
          for (let f = 0; f < cores.length; f++) {
            const F = cores[f]!;
            if (F.length < 4) continue;
            const a = F.findIndex((x) => joinValue(x, rest) !== null);
            if (a === -1) continue;
            P.push(T[b]!);
            T[b] = F.splice(a, 1)[0]!;
            return true;
          }
        }
      }
    }
    return false;
  };
  for (let guard = 0; guard < n && chain(); guard++);
  // A pair left beside trios (its members fitted no core above) dissolves when each of its two
  // members can join a different trio.
  if (placeable !== 5) {
    for (let p = cores.length - 1; p >= 0; p--) {
      const pair = cores[p]!;
      if (pair.length !== 2) continue;
      const targets: number[] = [];
      for (const x of pair) {
        let best = -1;
        let bestVal = -Infinity;
        cores.forEach((g, gi) => {
          if (gi === p || g.length !== 3 || targets.includes(gi)) return;
          const v = joinValue(x, g);
          if (v !== null && v > bestVal) {
            bestVal = v;
            best = gi;
          }
        });
        if (best === -1) break;
        targets.push(best);
      }
      if (targets.length !== 2) continue;
      targets.forEach((gi, k) => cores[gi]!.push(pair[k]!));
      cores.splice(p, 1);
    }
  }
  if (cores.length <= 400) {
    const vals = cores.map((g) => groupValue(g) ?? -Infinity);
    for (let pass = 0, improved = true; pass < 4 && improved; pass++) {
      improved = false;
      for (let g1 = 0; g1 < cores.length; g1++) {
        for (let g2 = g1 + 1; g2 < cores.length; g2++) {
          const G1 = cores[g1]!;
          const G2 = cores[g2]!;
          for (let a = 0; a < G1.length; a++) {
            for (let b = 0; b < G2.length; b++) {
              const x = G1[a]!;
              const y = G2[b]!;
              G1[a] = y;
              G2[b] = x;
              const v1 = groupValue(G1);
              const v2 = groupValue(G2);
              if (v1 !== null && v2 !== null && v1 + v2 > vals[g1]! + vals[g2]!) {
                vals[g1] = v1;
                vals[g2] = v2;
                improved = true;
              } else {
                G1[a] = x;
                G2[b] = y;
              }
            }
          }
        }
      }
    }
  }
  return cores;
}

/** Reasons about two members that do not name them: in a larger group they say which two. */
const PAIR_REASONS: ReadonlySet<Reason["kind"]> = new Set(["differentIndustries", "sameSeniority", "sameCityInPerson", "timeZoneOverlap", "sharedInterests", "metBefore"]);

function describe(scorer: PairScorer, groups: number[][], unplaced: number[], input: PairingInput, solver: SolverStats): PairingResult {
  const members = input.members;
  let total = 0;
  let cross = 0;
  let gapSum = 0;
  let gapCount = 0;
  let repeats = 0;
  const out: Group[] = groups.map((g) => {
    const sorted = g;
    let score = 0;
    const reasons: Reason[] = [];
    const industries = new Set<string>();
    const names = sorted.map((i) => members[i]!.name ?? members[i]!.id);
    for (let a = 0; a < sorted.length; a++) {
      industries.add(members[sorted[a]!]!.industry.trim().toLowerCase());
      for (let b = a + 1; b < sorted.length; b++) {
        const i = sorted[a]!;
        const j = sorted[b]!;
        score += scorer.score(i, j);
        if (scorer.recentRepeat(i, j)) repeats++;
        const r = scorer.reasons(i, j);
        for (const x of r) {
          if (x.kind === "seniorityGap") {
            gapSum += x.params.gap;
          }
          if (sorted.length === 2) reasons.push(x);
          else if (x.kind !== "sameIndustry") reasons.push(PAIR_REASONS.has(x.kind) ? { ...x, between: [names[a]!, names[b]!] } : x);
        }
        gapCount++;
      }
    }
    if (industries.size > 1) cross++;
    total += score;
    const ids = sorted.map((i) => members[i]!.id);
    // A pair's reasons are distinct (one per kind, one canOffer per giver) unless both go by one name.
    const distinct = sorted.length > 2 ? dedupeReasons(mergeGroupReasons(reasons, (sorted.length * (sorted.length - 1)) / 2)) : names[0] === names[1] ? dedupeReasons(reasons) : reasons;
    const merged = orderReasons(distinct);
    return { members: ids, score, reasons: merged, text: renderReasonsEnglish(merged, sorted.length) };
  });
  // Stable output order: by first member id.
  out.sort((x, y) => (x.members[0]! < y.members[0]! ? -1 : x.members[0]! > y.members[0]! ? 1 : 0));
  return {
    groups: out,
    total,
    unplaced: unplaced.map((i) => members[i]!.id).sort(),
    stats: {
      members: members.length,
      groups: out.length,
      crossIndustryShare: out.length ? cross / out.length : 0,
      meanSeniorityGap: gapCount ? gapSum / gapCount : 0,
      repeats,
      unplaced: unplaced.length,
    },
    solver,
  };
}

/** A reason every pair of a group shares (same city, same stage) is said once, about the whole group. */
function mergeGroupReasons(reasons: Reason[], pairs: number): Reason[] {
  const keyOf = (r: Reason) => JSON.stringify([r.kind, r.params]);
  const counts = new Map<string, number>();
  for (const r of reasons) if (r.between) counts.set(keyOf(r), (counts.get(keyOf(r)) ?? 0) + 1);
  const out: Reason[] = [];
  for (const r of reasons) {
    if (!r.between || counts.get(keyOf(r)) !== pairs) out.push(r);
    else if (!out.some((o) => !o.between && keyOf(o) === keyOf(r))) out.push({ kind: r.kind, params: r.params } as Reason);
  }
  return out;
}

function dedupeReasons(reasons: Reason[]): Reason[] {
  const seen = new Set<string>();
  const out: Reason[] = [];
  for (const r of reasons) {
    const key = JSON.stringify(r);
    if (!seen.has(key)) {
      seen.add(key);
      out.push(r);
    }
  }
  return out;
}

function orderReasons(reasons: Reason[]): Reason[] {
  // Most telling first: offers, industries, seniority, city, interests, time, languages, history.
  const order: Record<Reason["kind"], number> = {
    canOffer: 0,
    differentIndustries: 1,
    sameIndustry: 2,
    seniorityGap: 3,
    sameSeniority: 4,
    sameCityInPerson: 5,
    sharedInterests: 6,
    timeZoneOverlap: 7,
    sharedLanguages: 8,
    metBefore: 9,
    meetAgain: 9,
  };
  return reasons.map((r, k) => ({ r, k })).sort((a, b) => order[a.r.kind] - order[b.r.kind] || a.k - b.k).map((x) => x.r);
}
