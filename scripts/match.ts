/**
 * Pairing engine CLI.
 *   npm run -s match -- --input FILE [--seed N]           groups for a round
 *   npm run -s match -- --graph FILE [--max-cardinality]   the solver alone
 * Errors go to stderr with a non-zero exit; nothing is printed to stdout then.
 */
import { readFileSync } from "node:fs";
import { z } from "zod";
import { edgesFromTriples, maxWeightMatching } from "../src/core/matching/blossom.js";
import { formatIssues, graphInputSchema, pairingInputSchema } from "../src/core/matching/input.js";
import { makeGroups } from "../src/core/matching/pairing.js";

class UsageError extends Error {}

function parseArgs(argv: string[]): { input?: string; graph?: string; seed: number; maxCardinality: boolean } {
  const out: { input?: string; graph?: string; seed: number; maxCardinality: boolean } = { seed: 0, maxCardinality: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${a} needs a value`);
      return v;
    };
    if (a === "--input") out.input = value();
    else if (a === "--graph") out.graph = value();
    else if (a === "--seed") {
      const v = value();
      if (!/^-?\d+$/.test(v)) throw new UsageError(`--seed must be an integer, got "${v}"`);
      out.seed = Number(v);
    } else if (a === "--max-cardinality") out.maxCardinality = true;
    else throw new UsageError(`unknown argument "${a}"`);
  }
  if ((out.input === undefined) === (out.graph === undefined)) throw new UsageError("give exactly one of --input FILE or --graph FILE");
  return out;
}

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    throw new UsageError(`cannot read ${file}: ${(e as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${file} is not valid JSON: ${(e as Error).message}`);
  }
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  if (args.graph !== undefined) {
    const parsed = graphInputSchema.safeParse(readJson(args.graph));
    if (!parsed.success) throw new UsageError(`invalid graph:\n${formatIssues(parsed.error)}`);
    const g = parsed.data;
    const res = maxWeightMatching(g.n, edgesFromTriples(g.edges), { maxCardinality: args.maxCardinality });
    const matching: [number, number][] = [];
    for (let v = 0; v < g.n; v++) if (res.mate[v]! > v) matching.push([v, res.mate[v]!]);
    process.stdout.write(JSON.stringify({ matching, weight: res.weight }) + "\n");
    return;
  }
  const parsed = pairingInputSchema.safeParse(readJson(args.input!));
  if (!parsed.success) throw new UsageError(`invalid input:\n${formatIssues(parsed.error)}`);
  const result = makeGroups(parsed.data, args.seed);
  process.stdout.write(JSON.stringify({ groups: result.groups, total: result.total, unplaced: result.unplaced, stats: result.stats, solver: result.solver }, null, 2) + "\n");
}

try {
  main();
} catch (e) {
  if (e instanceof UsageError || e instanceof z.ZodError) {
    process.stderr.write(`match: ${e.message}\n`);
    process.exitCode = 2;
  } else {
    process.stderr.write(`match: ${(e as Error).stack ?? String(e)}\n`);
    process.exitCode = 1;
  }
}
