/**
 * Stage timings of the sparse pairing path (development aid):
 *   npx tsx bench/profile.ts [n] [sparse options as JSON]
 */
import { generateCommunity } from "./community.js";
import { parsePairingInput, objective } from "../src/core/matching/pairing.js";
import { createScorer } from "../src/core/matching/score.js";
import { createRng } from "../src/core/matching/random.js";
import { candidatePairs, DEFAULT_SPARSE } from "../src/core/matching/sparse.js";
import { maxWeightMatching } from "../src/core/matching/blossom.js";

const n = Number(process.argv[2] ?? 1000);
const input = parsePairingInput(generateCommunity(n, 1 + n));
let t = performance.now();
let c = process.cpuUsage();
const lap = (what: string): void => {
  const now = performance.now();
  const cpu = process.cpuUsage(c);
  console.log(`${what.padEnd(40)} ${(now - t).toFixed(0).padStart(7)} ms  (cpu ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms)`);
  t = now;
  c = process.cpuUsage();
};
const perm = createRng(1).shuffle(input.members.map((_, i) => i));
const scorer = createScorer({ ...input, members: perm.map((i) => input.members[i]!) });
const obj = objective(scorer, n);
lap("scorer");
const cand = candidatePairs(scorer, createRng(1 ^ 0x5eed), { ...DEFAULT_SPARSE, ...JSON.parse(process.argv[3] ?? "{}") }, obj.bonus - obj.shift);
lap(`candidates (${cand.a.length})`);
const P = obj.placement;
const W = Float64Array.from(cand.value, (v) => P + obj.shift + v);
lap("weights");
const res = maxWeightMatching(n, { u: cand.a, v: cand.b, w: W });
lap(`solve (updates ${res.updates}, work ${res.work})`);
