/**
 * Pairing benchmark: realistic generated communities, engine vs shuffle-and-greedy baseline.
 *   npm run bench:match [-- --sizes 10,100,1000 --certified 5000 --json --seed N]
 * Each size above the default certify limit also gets a row for the certified exact run
 * (`certifyLimit` raised to the size) when listed in --certified (default 5000).
 * The machine's load average is printed beside every row: the wall times depend on it.
 */
import os from "node:os";
import { generateCommunity } from "./community.js";
import { makeGroups, objective, parsePairingInput, type PairingResult } from "../src/core/matching/pairing.js";
import { maxWeightMatching } from "../src/core/matching/blossom.js";
import { candidatePairs, DEFAULT_SPARSE } from "../src/core/matching/sparse.js";
import type { PairingInput } from "../src/core/matching/input.js";
import { createScorer } from "../src/core/matching/score.js";
import { createRng } from "../src/core/matching/random.js";

const args = process.argv.slice(2);
const json = args.includes("--json");
const sizesArg = args[args.indexOf("--sizes") + 1];
const sizes = args.includes("--sizes") && sizesArg ? sizesArg.split(",").map((s) => Number(s.replace(/_/g, ""))) : [10, 100, 1000, 5000, 20000];
const seedArg = args[args.indexOf("--seed") + 1];
const seed = args.includes("--seed") && seedArg ? Number(seedArg) : 1;
const certifiedArg = args[args.indexOf("--certified") + 1];
const certifiedSizes = new Set(args.includes("--certified") && certifiedArg ? certifiedArg.split(",").map((s) => Number(s.replace(/_/g, ""))) : [5000]);
const load = (): string => os.loadavg().map((x) => x.toFixed(1)).join(" ");

/** What most pairing bots do: shuffle, then pair each member with the next one they have not met recently. */
function baseline(input: PairingInput, seed: number): number {
  const scorer = createScorer(input);
  const n = scorer.n;
  const order = createRng(seed).shuffle(Array.from({ length: n }, (_, i) => i));
  const used = new Uint8Array(n);
  const groups: number[][] = [];
  for (let a = 0; a < n; a++) {
    const i = order[a]!;
    if (used[i]) continue;
    let pick = -1;
    let fallback = -1;
    for (let b = a + 1; b < n; b++) {
      const j = order[b]!;
      if (used[j] || !scorer.allowed(i, j)) continue;
      if (!scorer.recentRepeat(i, j)) {
        pick = j;
        break;
      }
      if (fallback === -1) fallback = j;
    }
    if (pick === -1) pick = fallback;
    if (pick === -1) continue;
    used[i] = used[pick] = 1;
    groups.push([i, pick]);
  }
  for (let i = 0; i < n; i++) if (!used[i] && groups.length) groups[groups.length - 1]!.push(i);
  let total = 0;
  for (const g of groups) for (let a = 0; a < g.length; a++) for (let b = a + 1; b < g.length; b++) total += scorer.score(g[a]!, g[b]!);
  return total;
}

/**
 * Upper bound of the optimum score on the complete graph (for pools too large to solve it):
 * vertex duals y of the sparse solve (blossom duals folded into the vertices), raised until
 * y_i + y_j ≥ w_ij holds for every allowed pair (each violated pair raises its first end),
 * are a feasible dual of the matching LP, so Σ y_i bounds the weight of every matching.
 * With n even and a result that pairs everyone without a recent repeat, the optimum does
 * too, so its score is at most Σ y_i − (n/2)·(placement + fresh bonus + shift).
 */
function dualUpperBound(input: PairingInput, seed: number): number {
  const scorer = createScorer(input);
  const n = scorer.n;
  const obj = objective(scorer, n);
  const P = obj.placement;
  const cand = candidatePairs(scorer, createRng(seed ^ 0x5eed), DEFAULT_SPARSE, obj.bonus - obj.shift);
  const w = Float64Array.from(cand.value, (v) => P + obj.shift + v);
  const d = maxWeightMatching(n, { u: cand.a, v: cand.b, w }).warmDuals(); // doubled units
  const offset = (P + obj.bonus) / 2;
  const h = Float64Array.from(d, (x) => x / 2 - offset);
  const row: number[] = [];
  for (let i = 0; i < n; i++) {
    row.length = 0;
    scorer.boundRow(i, h, row); // every j whose pair may violate the duals
    for (const j of row) {
      const v = obj.value(i, j);
      if (v === null) continue;
      const need = 2 * (P + v) - d[i]! - d[j]!;
      if (need > 0) {
        d[i]! += need;
        h[i] = d[i]! / 2 - offset;
      }
    }
  }
  let sum = 0;
  for (let i = 0; i < n; i++) sum += d[i]!;
  return sum / 2 - (n / 2) * (P + obj.bonus);
}

interface Row { n: number; ms: number; cpuMs: number; rssMb: number; weightVsOptimum: number | null; baselineVsOptimum: number | null; optimum: string; mode: string; rounds: number; repeats: number; unplaced: number; load: string }

/** makeGroups with its wall and CPU time (CPU of this process: what the engine itself used). */
function timed(input: PairingInput, options: Parameters<typeof makeGroups>[2] = {}): { result: PairingResult; ms: number; cpuMs: number; rssMb: number } {
  if (typeof globalThis.gc === "function") globalThis.gc();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const result = makeGroups(input, seed, options);
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  return { result, ms, cpuMs: (cpu.user + cpu.system) / 1000, rssMb: process.memoryUsage().rss / 2 ** 20 };
}

const pct = (x: number | null): string => (x === null ? "n/a" : `${(x * 100).toFixed(2)} %`);
const rows: Row[] = [];
function print(row: Row, detail: string): void {
  rows.push(row);
  if (json) {
    console.log(JSON.stringify({ ...row, detail }));
    return;
  }
  if (rows.length === 1) {
    console.log(`load average at start: ${load()} (1, 5, 15 min; ${os.cpus().length} cores)`);
    console.log(`${"n".padStart(6)} ${"ms".padStart(7)} ${"cpuMs".padStart(7)} ${"rssMb".padStart(6)} ${"engine".padStart(9)} ${"baseline".padStart(9)}  ${"load".padEnd(14)}  mode/rounds  optimum`);
  }
  console.log(`${String(row.n).padStart(6)} ${String(row.ms).padStart(7)} ${String(row.cpuMs).padStart(7)} ${String(row.rssMb).padStart(6)} ${pct(row.weightVsOptimum).padStart(9)} ${pct(row.baselineVsOptimum).padStart(9)}  ${row.load.padEnd(14)}  ${row.mode}/${row.rounds}  ${row.optimum}; ${detail}`);
}

for (const n of sizes) {
  const input = parsePairingInput(generateCommunity(n, seed + n));
  const run = timed(input);
  const result = run.result;
  // The certified exact run at this size (the certify limit raised to cover it), when asked for.
  const certifiedRun = !result.solver.certified && certifiedSizes.has(n) ? timed(input, { certifyLimit: n }) : null;
  // Reference optimum: the complete graph solved exactly where affordable; for larger pools
  // the sparse result is certified optimal for the complete graph by the dual check.
  let optimum: number | null = null;
  let how = "";
  if (n <= 2000) {
    optimum = makeGroups(input, seed, { denseLimit: Number.MAX_SAFE_INTEGER }).total;
    how = "exact, complete graph";
  } else if (result.solver.certified) {
    optimum = result.total;
    how = "exact, sparse graph certified by duals";
  } else if (certifiedRun?.result.solver.certified) {
    optimum = certifiedRun.result.total;
    how = "exact, certified run (next row)";
  } else if (n <= 6000) {
    const ref = makeGroups(input, seed, { certifyLimit: Number.MAX_SAFE_INTEGER, maxRounds: 50 });
    optimum = ref.solver.certified ? ref.total : null;
    how = ref.solver.certified ? "exact, certified reference run" : "not reached";
  } else if (n % 2 === 0 && result.stats.unplaced === 0 && result.stats.repeats === 0 && result.groups.every((g) => g.members.length === 2)) {
    optimum = dualUpperBound(input, seed);
    how = "upper bound (complete-graph dual)";
  } else {
    how = "not computed (complete graph too large)";
  }
  const base = baseline(input, seed);
  const row = (r: PairingResult, time: { ms: number; cpuMs: number; rssMb: number }, note: string): Row => ({
    n,
    ms: Math.round(time.ms),
    cpuMs: Math.round(time.cpuMs),
    rssMb: Math.round(time.rssMb),
    weightVsOptimum: optimum ? r.total / optimum : null,
    baselineVsOptimum: optimum ? base / optimum : null,
    optimum: note,
    mode: r.solver.mode,
    rounds: r.solver.rounds,
    repeats: r.stats.repeats,
    unplaced: r.stats.unplaced,
    load: load(),
  });
  print(row(result, run, how), `score ${result.total} vs baseline ${base}`);
  if (certifiedRun) {
    const c = certifiedRun.result;
    print(row(c, certifiedRun, c.solver.certified ? `certified exact (certifyLimit ${n})` : `not certified within ${c.solver.rounds} rounds (certifyLimit ${n})`), `score ${c.total}, ${c.solver.addedEdges} pairs added by the pricing`);
  }
}
