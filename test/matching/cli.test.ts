import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const dir = mkdtempSync(join(tmpdir(), "musubi-match-"));
function cli(args: string[], doc: unknown): { code: number | null; stdout: string; stderr: string } {
  const file = join(dir, `${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, typeof doc === "string" ? doc : JSON.stringify(doc));
  const r = spawnSync(process.execPath, ["--import", "tsx", "scripts/match.ts", ...args.map((a) => (a === "FILE" ? file : a))], { encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("match CLI", () => {
  it("given a graph, then it prints the maximum-weight matching, and with --max-cardinality the best perfect one", () => {
    const g = { n: 4, edges: [[0, 1, 1], [1, 2, 10], [2, 3, 1]] };
    expect(JSON.parse(cli(["--graph", "FILE"], g).stdout)).toEqual({ matching: [[1, 2]], weight: 10 });
    expect(JSON.parse(cli(["--graph", "FILE", "--max-cardinality"], g).stdout)).toEqual({ matching: [[0, 1], [2, 3]], weight: 2 });
  });

  it("given a negative or non-integer weight, then it exits non-zero with a message and no stdout", () => {
    for (const w of [-1, 1.5]) {
      const r = cli(["--graph", "FILE"], { n: 2, edges: [[0, 1, w]] });
      expect(r.code).not.toBe(0);
      expect(r.stdout).toBe("");
      expect(r.stderr).toMatch(/edges\.0\.2/);
    }
  });

  it("given an unknown member in history or duplicate ids, then it exits non-zero naming the problem", () => {
    const m = { id: "a", industry: "it", seniority: "1-3", languages: ["ja"] };
    const r = cli(["--input", "FILE"], { members: [m, m], history: [{ a: "a", b: "ghost", at: "2026-01-01" }] });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain('duplicate member id "a"');
    expect(r.stderr).toContain('unknown member "ghost" in history');
  });

  it("given a valid community, then it prints groups, total and stats", () => {
    const members = ["a", "b", "c"].map((id, i) => ({ id, industry: ["it", "medical", "finance"][i], seniority: "3-7", languages: ["en"] }));
    const r = cli(["--input", "FILE", "--seed", "3"], { members, settings: { now: "2026-06-01T00:00:00Z" } });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.groups).toHaveLength(1);
    expect(out.stats).toMatchObject({ crossIndustryShare: 1, repeats: 0, unplaced: 0 });
    expect(typeof out.total).toBe("number");
  });
});
