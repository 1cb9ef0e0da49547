/** Development aid: sparse-graph quality/time without certification.  npx tsx bench/tune.ts n '{"perMember":10}' ... [--ref total] */
import { generateCommunity } from "./community.js";
import { makeGroups, parsePairingInput } from "../src/core/matching/pairing.js";
const n = Number(process.argv[2] ?? 5000);
const input = parsePairingInput(generateCommunity(n, 1 + n));
const refArg = process.argv.indexOf("--ref");
const ref = refArg > 0 ? Number(process.argv[refArg + 1]) : makeGroups(input, 1, { certifyLimit: 1e9, maxRounds: 50 }).total;
console.log("reference", ref);
for (const o of process.argv.slice(3, refArg > 0 ? refArg : undefined)) {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const r = makeGroups(input, 1, { certifyLimit: 0, sparse: JSON.parse(o) });
  const c = process.cpuUsage(c0);
  console.log(`${o}: ${(performance.now() - t0).toFixed(0)} ms (cpu ${((c.user + c.system) / 1000).toFixed(0)} ms), ${(100 * r.total / ref).toFixed(3)} %, edges ${r.solver.edges}, unplaced ${r.stats.unplaced}, repeats ${r.stats.repeats}`);
}
