// What the crash tests of job-worker.ts share: the worker bundled once, children started one at a
// time and killed with SIGKILL after a number of platform requests (synchronously, as the fake
// takes the request and before it answers), a private PostgreSQL schema with every table.
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import pg from "pg";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const WORKER = "test/crash/job-worker.ts";
/** A run that neither finishes nor reaches its kill point in this time has hung (generous: the suite runs files side by side on 2 cores). */
const RUN_TIMEOUT_MS = 90_000;

/** The platform requests a test kills on: how many so far, and one listener per request (with a label for the kill point). */
export interface RequestSource {
  count(): number;
  onRequest(listener: (label: string) => void): () => void;
}

/**
 * How to start the worker: bundled once into one plain ESM file (packages stay external, found
 * through a node_modules link), so no child pays for a TypeScript loader; with tsx when esbuild
 * cannot be loaded.
 */
export async function workerCommand(): Promise<{ args: string[]; remove(): void }> {
  const dir = mkdtempSync(join(tmpdir(), "musubi-crash-"));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  try {
    const { build } = await import("esbuild");
    symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
    const outfile = join(dir, "job-worker.mjs");
    await build({
      entryPoints: [join(ROOT, WORKER)], outfile, bundle: true, packages: "external",
      platform: "node", format: "esm", target: "node20", logLevel: "silent",
    });
    return { args: [outfile], remove };
  } catch {
    remove();
    return { args: ["--import", "tsx", WORKER], remove: () => undefined };
  }
}

export interface Child {
  child: ChildProcess;
  tail: string[];
  exit: Promise<number | null>;
}

export function startChild(args: string[], env: NodeJS.ProcessEnv, onLine?: (line: string) => void): Child {
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ["pipe", "ignore", "pipe"] });
  child.stdin!.on("error", () => undefined); // a child that died early: its exit code tells
  const worker: Child = { child, tail: [], exit: new Promise((done) => child.once("exit", (code) => done(code))) };
  createInterface({ input: child.stderr! }).on("line", (line) => {
    worker.tail.push(line);
    if (worker.tail.length > 40) worker.tail.shift();
    onLine?.(line);
  });
  return worker;
}

export interface KillRun {
  killed: boolean;
  /** The label of the request the platform had just taken when the child was killed. */
  last?: string;
}

/** Children run one at a time; the next one is started (and waits for "go") while the current one runs. */
export function killableWorkers(source: RequestSource, env: NodeJS.ProcessEnv, args: string[]) {
  const start = () => startChild(args, { ...env, WAIT_FOR_GO: "1" });
  let spare: Child | undefined;
  return {
    /** Starts a child and kills it once the platforms have taken `afterRequests` more requests (never when undefined). */
    async run(afterRequests: number | undefined, more: boolean): Promise<KillRun> {
      const worker = spare ?? start();
      spare = more ? start() : undefined;
      const before = source.count();
      let killed = false;
      let last: string | undefined;
      const off = source.onRequest((label) => {
        if (afterRequests !== undefined && !killed && source.count() - before >= afterRequests) {
          killed = true;
          last = label;
          worker.child.kill("SIGKILL");
        }
      });
      const timer = setTimeout(() => worker.child.kill("SIGKILL"), RUN_TIMEOUT_MS);
      worker.child.stdin!.end("go\n");
      const code = await worker.exit;
      off();
      clearTimeout(timer);
      if (!killed && code !== 0) throw new Error(`worker exited with ${code}:\n${worker.tail.join("\n")}`);
      return { killed, ...(last ? { last } : {}) };
    },
    async stop() {
      if (!spare) return;
      spare.child.kill("SIGKILL");
      await spare.exit;
    },
  };
}

/** A schema of its own holding a copy of every migrated table (columns, defaults, keys, indexes), so no other test's jobs are claimed. */
export async function privateSchemaWithEveryTable(url: string): Promise<{ schema: string; drop(): Promise<void> }> {
  const schema = `crash_${randomUUID().replaceAll("-", "")}`;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA "${schema}"`);
    const { rows } = await client.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'",
    );
    for (const { table_name: table } of rows) await client.query(`CREATE TABLE "${schema}"."${table}" (LIKE public."${table}" INCLUDING ALL)`);
  } finally {
    await client.end();
  }
  return {
    schema,
    async drop() {
      const dropper = new pg.Client({ connectionString: url });
      await dropper.connect();
      await dropper.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await dropper.end();
    },
  };
}

/** Kill after 1, 2, … `spread` requests, stepping so consecutive kills land at different distances. */
export const killSchedule = (kills: number, spread: number, step = 5) => Array.from({ length: kills }, (_, i) => 1 + ((i * step) % spread));
