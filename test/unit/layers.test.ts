// The layers of src/ and commands/, checked on the source text (issue #10): who may import whom,
// and no import cycle. Type-only imports count: a type is a dependency too.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { builtinModules } from "node:module";
import { dirname, join, posix, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const SCANNED = ["src", "commands"];
const SKIPPED = ["src/generated"];

/** An import of one file: what it wrote, and what that resolves to (a project path or a package). */
interface Edge {
  from: string;
  specifier: string;
  /** A project path ("src/app/errors.ts"), or null for a package or a built-in. */
  to: string | null;
}

interface Violation {
  from: string;
  to: string;
  rule: string;
}

// ---- pure functions ------------------------------------------------------------------------

/** The source without comments, string contents kept (specifiers live in strings). */
function stripComments(source: string): string {
  let out = "";
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    const next = source[i + 1];
    if (c === "/" && next === "/") {
      while (i < source.length && source[i] !== "\n") i++;
    } else if (c === "/" && next === "*") {
      const end = source.indexOf("*/", i + 2);
      const stop = end === -1 ? source.length : end + 2;
      out += source.slice(i, stop).replace(/[^\n]/g, " ");
      i = stop;
    } else if (c === '"' || c === "'" || c === "`") {
      let j = i + 1;
      while (j < source.length && source[j] !== c) j += source[j] === "\\" ? 2 : 1;
      out += source.slice(i, j + 1);
      i = j + 1;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** Every module specifier of a file: `import … from`, `import "…"`, `export … from`, `import("…")`. */
function importSpecifiers(source: string): string[] {
  const code = stripComments(source);
  const patterns = [
    /^[ \t]*(?:import|export)\s[^;"'`]*?\bfrom\s*["']([^"']+)["']/gm,
    /^[ \t]*import\s*["']([^"']+)["']/gm,
    /\bimport\s*\(\s*["']([^"']+)["']\s*\)/g,
  ];
  const found: string[] = [];
  for (const pattern of patterns) for (const match of code.matchAll(pattern)) found.push(match[1]!);
  return [...new Set(found)];
}

/**
 * The project path a relative specifier names (`./x.js` -> `dir/x.ts`, `./dir/index.js` or
 * `./dir` -> `dir/index.ts`), null for a package or a built-in, or `unresolved:<path>` when no
 * file answers.
 */
function resolveSpecifier(from: string, specifier: string, exists: (path: string) => boolean): string | null {
  if (!specifier.startsWith(".")) return null;
  const target = posix.normalize(posix.join(posix.dirname(from), specifier));
  const base = target.replace(/\.(?:js|mjs|cjs|ts|mts|cts)$/, "");
  const candidates = [`${base}.ts`, `${base}.mts`, `${base}.cts`, target, `${base}/index.ts`, `${target}/index.ts`];
  return candidates.find(exists) ?? `unresolved:${target}`;
}

const BUILTINS = new Set(builtinModules);
const isBuiltin = (specifier: string) => specifier.startsWith("node:") || BUILTINS.has(specifier.split("/")[0]!);
const under = (path: string, folder: string) => path === folder || path.startsWith(`${folder}/`);

/** Every broken layer rule, one per import. */
function layerViolations(edges: readonly Edge[]): Violation[] {
  const violations: Violation[] = [];
  for (const { from, specifier, to } of edges) {
    const broken = (rule: string) => violations.push({ from, to: to ?? specifier, rule });
    if (to?.startsWith("unresolved:")) {
      broken("the import names no file");
      continue;
    }
    if (under(from, "src/core")) {
      if (to !== null && !under(to, "src/core")) broken("src/core imports only src/core and npm packages");
      if (to === null && isBuiltin(specifier)) broken("src/core imports no Node built-in");
    }
    if (to === null) continue;
    if (under(from, "commands") && under(to, "src/store")) broken("commands import nothing from src/store");
    if (under(from, "src/jobs") && under(to, "src/app")) broken("src/jobs imports nothing from src/app");
    if ((under(from, "src/store") || under(from, "src/app")) && under(to, "src/platforms")) {
      broken(`${under(from, "src/store") ? "src/store" : "src/app"} imports nothing from src/platforms`);
    }
  }
  return violations;
}

/** The import cycles a depth-first search meets (white/grey/black), each as its list of files. */
function importCycles(edges: readonly Edge[]): string[][] {
  const graph = new Map<string, string[]>();
  for (const { from, to } of edges) {
    if (!graph.has(from)) graph.set(from, []);
    if (to !== null && !to.startsWith("unresolved:")) graph.get(from)!.push(to);
  }
  for (const targets of graph.values()) targets.sort();
  const colour = new Map<string, "grey" | "black">();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const seen = new Set<string>();
  const visit = (file: string) => {
    colour.set(file, "grey");
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      const state = colour.get(next);
      if (state === undefined) visit(next);
      else if (state === "grey") {
        const cycle = stack.slice(stack.indexOf(next));
        // The same cycle met from another file is reported once: start it at its smallest file.
        const start = cycle.indexOf([...cycle].sort()[0]!);
        const canonical = [...cycle.slice(start), ...cycle.slice(0, start)];
        const key = canonical.join(" -> ");
        if (!seen.has(key)) {
          seen.add(key);
          cycles.push(canonical);
        }
      }
    }
    stack.pop();
    colour.set(file, "black");
  };
  for (const file of [...graph.keys()].sort()) if (!colour.has(file)) visit(file);
  return cycles;
}

/** What a failure prints: one line per broken rule, one per cycle. */
function describeFindings(violations: readonly Violation[], cycles: readonly string[][]): string {
  return [
    ...violations.map((v) => `${v.from} -> ${v.to} (${v.rule})`),
    ...cycles.map((cycle) => `${[...cycle, cycle[0]].join(" -> ")} (import cycle)`),
  ].join("\n");
}

// ---- the project on disk --------------------------------------------------------------------

function tsFiles(folder: string): string[] {
  const path = join(ROOT, folder);
  if (SKIPPED.includes(folder) || !existsSync(path)) return [];
  return readdirSync(path)
    .sort()
    .flatMap((name) => {
      const child = `${folder}/${name}`;
      if (statSync(join(ROOT, child)).isDirectory()) return tsFiles(child);
      return /\.(?:ts|mts|cts)$/.test(name) && !name.endsWith(".d.ts") ? [child] : [];
    });
}

function projectEdges(): Edge[] {
  const files = SCANNED.flatMap(tsFiles);
  // src/generated is not read (and not there before `prisma generate`): an import of it still
  // counts for the rules, by the name it gives.
  const exists = (path: string) =>
    SKIPPED.some((folder) => under(path, folder)) || (existsSync(join(ROOT, path)) && statSync(join(ROOT, path)).isFile());
  return files.flatMap((from) => {
    const specifiers = importSpecifiers(readFileSync(join(ROOT, from), "utf8"));
    // A file that imports nothing is still a node of the graph.
    if (specifiers.length === 0) return [{ from, specifier: "", to: null }];
    return specifiers.map((specifier) => ({ from, specifier, to: resolveSpecifier(from, specifier, exists) }));
  });
}

// ---- tests ----------------------------------------------------------------------------------

describe("the layer checker itself", () => {
  const files = new Set(["src/core/a.ts", "src/core/b/index.ts", "src/store/s.ts", "src/app/x.ts", "src/jobs/j.ts", "commands/c.ts", "src/platforms/p.ts"]);
  const exists = (path: string) => files.has(path);
  const edgesOf = (sources: Record<string, string>): Edge[] =>
    Object.entries(sources).flatMap(([from, source]) =>
      importSpecifiers(source).map((specifier) => ({ from, specifier, to: resolveSpecifier(from, specifier, exists) })),
    );

  it("given every import form, then it reads each specifier and not the ones in comments", () => {
    const source = [
      `import { a } from "./a.js";`,
      `import type {`,
      `  B,`,
      `} from "./b/index.js";`,
      `import "./side-effect.js";`,
      `export * from "./again.js";`,
      `export { c, type D } from './c.js';`,
      `// import { gone } from "./commented.js";`,
      `/* import("./also-commented.js") */`,
      `const text = "// not a comment"; const lazy = await import("./lazy.js");`,
      `type T = typeof import("./typed.js");`,
      `import { z } from "zod";`,
    ].join("\n");
    expect(importSpecifiers(source).sort()).toEqual(
      ["./a.js", "./again.js", "./b/index.js", "./c.js", "./lazy.js", "./side-effect.js", "./typed.js", "zod"].sort(),
    );
  });

  it("given .js specifiers, then they resolve to the .ts files, a folder's index included", () => {
    expect(resolveSpecifier("src/app/x.ts", "../core/a.js", exists)).toBe("src/core/a.ts");
    expect(resolveSpecifier("src/app/x.ts", "../core/b/index.js", exists)).toBe("src/core/b/index.ts");
    expect(resolveSpecifier("src/app/x.ts", "../core/b", exists)).toBe("src/core/b/index.ts");
    expect(resolveSpecifier("src/app/x.ts", "../core/missing.js", exists)).toBe("unresolved:src/core/missing.js");
    expect(resolveSpecifier("src/app/x.ts", "node:fs", exists)).toBeNull();
  });

  it("given a tiny project that breaks each rule and has a cycle, then it reports each of them", () => {
    const edges = edgesOf({
      "src/core/a.ts": `import { s } from "../store/s.js";\nimport { readFileSync } from "node:fs";\nimport { z } from "zod";\nimport { b } from "./b/index.js";`,
      "src/core/b/index.ts": `import type { A } from "../a.js";`,
      "commands/c.ts": `import type { S } from "../src/store/s.js";\nimport { x } from "../src/app/x.js";`,
      "src/jobs/j.ts": `import { x } from "../app/x.js";`,
      "src/store/s.ts": `import { p } from "../platforms/p.js";`,
      "src/app/x.ts": `import { p } from "../platforms/p.js";`,
    });
    expect(describeFindings(layerViolations(edges), importCycles(edges)).split("\n")).toEqual([
      "src/core/a.ts -> src/store/s.ts (src/core imports only src/core and npm packages)",
      "src/core/a.ts -> node:fs (src/core imports no Node built-in)",
      "commands/c.ts -> src/store/s.ts (commands import nothing from src/store)",
      "src/jobs/j.ts -> src/app/x.ts (src/jobs imports nothing from src/app)",
      "src/store/s.ts -> src/platforms/p.ts (src/store imports nothing from src/platforms)",
      "src/app/x.ts -> src/platforms/p.ts (src/app imports nothing from src/platforms)",
      "src/core/a.ts -> src/core/b/index.ts -> src/core/a.ts (import cycle)",
    ]);
  });

  it("given a project that keeps the rules, then it reports nothing", () => {
    const edges = edgesOf({
      "src/core/a.ts": `import { z } from "zod";\nimport { b } from "./b/index.js";`,
      "commands/c.ts": `import { x } from "../src/app/x.js";`,
      "src/app/x.ts": `import { s } from "../store/s.js";\nimport { a } from "../core/a.js";`,
      "src/platforms/p.ts": `import { x } from "../app/x.js";`,
    });
    expect(describeFindings(layerViolations(edges), importCycles(edges))).toBe("");
  });
});

describe("the layers of src/ and commands/", () => {
  it("given the source tree, then every import keeps the layer rules and no import cycle exists", () => {
    const edges = projectEdges();
    expect(edges.length).toBeGreaterThan(0);
    const violations = layerViolations(edges);
    const cycles = importCycles(edges);
    if (violations.length + cycles.length > 0) {
      expect.fail(
        `${violations.length} broken layer rule(s) and ${cycles.length} import cycle(s), as file -> imported file (rule):\n` +
          describeFindings(violations, cycles),
      );
    }
  });
});
