import { spawn } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { RetryLater } from "../../src/jobs/errors.js";
import type { ClaimedJob, JobHandler } from "../../src/jobs/queue.js";
import { backoffMs, createScheduler } from "../../src/jobs/scheduler.js";
import { PlatformError } from "../../src/port/errors.js";
import type { Db } from "../../src/store/db.js";
import { backends, jobDatabase, plus, silentLog, testScheduler, uniquePrefix } from "./support.js";

const MINUTE = 60_000;
/** Every job is two commits, an fsync each on SQLite: 60 keeps the test to about a second. */
const IN_PROCESS_JOBS = 60;

/** A handler that records each run (key and attempt), optionally failing as `outcome` says. */
function recorder(outcome: (run: number, job: ClaimedJob) => unknown = () => undefined) {
  const runs: { key: string; attempts: number }[] = [];
  const handler: JobHandler = async (job) => {
    runs.push({ key: job.dedupeKey, attempts: job.attempts });
    const error = outcome(runs.length, job);
    if (error !== undefined) throw error;
  };
  return { runs, handler };
}

describe.each(backends)("scheduler on %s", (backend, available) => {
  if (!available) it.skip(`${backend} is not reachable: skipped (CI provides it)`, () => undefined);
  const test = it.skipIf(!available);

  test("given a job scheduled twice with the same dedupeKey, then it exists once and runs once", async () => {
    const jobs = await jobDatabase(backend);
    const db = jobs.open();
    const { runs, handler } = recorder();
    const { scheduler, start, advance } = testScheduler(db, { note: handler });
    const key = `${uniquePrefix()}round`;

    await scheduler.schedule({ kind: "note", dedupeKey: key, dueAt: start, payload: { n: 1 } });
    await scheduler.schedule({ kind: "note", dedupeKey: key, dueAt: plus(start, MINUTE), payload: { n: 2 } });
    // Two processes planning the same job at the same moment.
    const other = testScheduler(jobs.open(), {}).scheduler;
    await Promise.all([
      scheduler.schedule({ kind: "note", dedupeKey: key, dueAt: plus(start, 3 * MINUTE), payload: { n: 3 } }),
      other.schedule({ kind: "note", dedupeKey: key, dueAt: plus(start, 4 * MINUTE), payload: { n: 4 } }),
    ]);

    const rows = await db.job.findMany({ where: { dedupeKey: key } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ dueAt: start, payload: { n: 1 }, status: "pending" });

    expect(await scheduler.runDue()).toBe(1);
    advance(2 * MINUTE);
    await scheduler.schedule({ kind: "note", dedupeKey: key, dueAt: plus(start, 2 * MINUTE) });
    expect(await scheduler.runDue()).toBe(0);
    expect(runs).toEqual([{ key, attempts: 1 }]);
    expect(await db.job.findMany({ where: { dedupeKey: key }, select: { status: true } })).toEqual([{ status: "done" }]);
  });

  test("given a job due in an hour, then it is not run before its dueAt and runs at it", async () => {
    const db = (await jobDatabase(backend)).open();
    const { runs, handler } = recorder();
    const { scheduler, start, clock } = testScheduler(db, { note: handler });
    const key = `${uniquePrefix()}later`;
    const dueAt = plus(start, 60 * MINUTE);
    await scheduler.schedule({ kind: "note", dedupeKey: key, dueAt });

    expect(await scheduler.runDue()).toBe(0);
    clock.set(plus(dueAt, -1));
    expect(await scheduler.runDue()).toBe(0);
    expect(runs).toEqual([]);
    clock.set(dueAt);
    expect(await scheduler.runDue()).toBe(1);
    expect(runs).toEqual([{ key, attempts: 1 }]);
  });

  test("given a handler that throws, then it is retried with backoff and after maxAttempts marked failed and not run again", async () => {
    const db = (await jobDatabase(backend)).open();
    const { runs, handler } = recorder((run) => new Error(`boom ${run}`));
    const { scheduler, start, clock } = testScheduler(db, { flaky: handler }, { maxAttempts: 3 });
    const key = `${uniquePrefix()}flaky`;
    await scheduler.schedule({ kind: "flaky", dedupeKey: key, dueAt: start });

    let failedAt = start;
    for (const attempt of [1, 2]) {
      clock.set(failedAt);
      expect(await scheduler.runDue()).toBe(1);
      const row = await db.job.findUniqueOrThrow({ where: { dedupeKey: key } });
      expect(row).toMatchObject({ status: "pending", attempts: attempt, lastError: `boom ${attempt}`, lockedBy: null });
      expect(row.dueAt).toEqual(plus(failedAt, backoffMs(attempt)));
      // Not a moment earlier.
      clock.set(plus(row.dueAt, -1));
      expect(await scheduler.runDue()).toBe(0);
      failedAt = row.dueAt;
    }
    expect(backoffMs(1)).toBe(30_000);
    expect(backoffMs(2)).toBe(60_000);

    clock.set(failedAt);
    expect(await scheduler.runDue()).toBe(1);
    expect(await db.job.findUniqueOrThrow({ where: { dedupeKey: key } })).toMatchObject({ status: "failed", attempts: 3, lastError: "boom 3" });
    clock.set(plus(failedAt, 24 * 60 * MINUTE));
    expect(await scheduler.runDue()).toBe(0);
    expect(runs.map((r) => r.attempts)).toEqual([1, 2, 3]);
  });

  test("given a handler rate limited for 1.5 s, then it is waited out, not hammered, and does not use up its attempts", async () => {
    const db = (await jobDatabase(backend)).open();
    const limited = () => new PlatformError("rate_limited", "slow down", 1500);
    // With maxAttempts 2: rate limited three times, a real failure (the first counted attempt,
    // so retried, not failed), rate limited again (still one counted attempt), then success.
    const outcomes = [limited(), limited(), limited(), new Error("flake"), limited(), undefined];
    const { runs, handler } = recorder((run) => outcomes[run - 1]);
    const { scheduler, start, clock } = testScheduler(db, { send: handler }, { maxAttempts: 2 });
    const key = `${uniquePrefix()}limited`;
    await scheduler.schedule({ kind: "send", dedupeKey: key, dueAt: start });
    const row = () => db.job.findUniqueOrThrow({ where: { dedupeKey: key } });

    /** Runs the job at `at`; when rate limited, checks it waits exactly 1.5 s and not a moment less. */
    const runLimitedAt = async (at: Date, countedAttempts: number) => {
      clock.set(at);
      expect(await scheduler.runDue()).toBe(1);
      const ran = runs.length;
      const after = await row();
      expect(after).toMatchObject({ status: "pending", attempts: countedAttempts, lastError: "slow down", lockedBy: null });
      expect(after.dueAt).toEqual(plus(at, 1500));
      clock.set(plus(at, 1499));
      expect(await scheduler.runDue()).toBe(0);
      expect(runs).toHaveLength(ran);
      return after.dueAt;
    };

    let at = start;
    for (let i = 0; i < 3; i++) at = await runLimitedAt(at, 0);

    clock.set(at);
    expect(await scheduler.runDue()).toBe(1);
    const afterFlake = await row();
    expect(afterFlake).toMatchObject({ status: "pending", attempts: 1, lastError: "flake" });
    expect(afterFlake.dueAt).toEqual(plus(at, backoffMs(1)));

    at = await runLimitedAt(afterFlake.dueAt, 1);
    clock.set(at);
    expect(await scheduler.runDue()).toBe(1);
    expect(await row()).toMatchObject({ status: "done", attempts: 2, lastError: null });
    expect(runs.map((r) => r.attempts)).toEqual([1, 1, 1, 1, 2, 2]);
  });

  test("given a handler told to retry later (another process's send under way), then it runs again after that wait and the wait is no attempt", async () => {
    const db = (await jobDatabase(backend)).open();
    const outcomes = [new RetryLater("busy elsewhere", 40_000), new RetryLater("busy elsewhere", 40_000), undefined];
    const { runs, handler } = recorder((run) => outcomes[run - 1]);
    const { scheduler, start, clock } = testScheduler(db, { send: handler }, { maxAttempts: 1 });
    const key = `${uniquePrefix()}in-flight`;
    await scheduler.schedule({ kind: "send", dedupeKey: key, dueAt: start });

    let at = start;
    for (let i = 0; i < 2; i++) {
      clock.set(at);
      expect(await scheduler.runDue()).toBe(1);
      const row = await db.job.findUniqueOrThrow({ where: { dedupeKey: key } });
      expect(row).toMatchObject({ status: "pending", attempts: 0, lastError: "busy elsewhere" });
      expect(row.dueAt).toEqual(plus(at, 40_000));
      clock.set(plus(row.dueAt, -1));
      expect(await scheduler.runDue()).toBe(0);
      at = row.dueAt;
    }
    clock.set(at);
    expect(await scheduler.runDue()).toBe(1);
    expect(await db.job.findUniqueOrThrow({ where: { dedupeKey: key } })).toMatchObject({ status: "done", attempts: 1 });
    expect(runs).toHaveLength(3);
  });

  test("given a claimed job whose process died, then another instance takes it over once the lease has run out", async () => {
    const jobs = await jobDatabase(backend);
    const key = `${uniquePrefix()}orphan`;
    const start = new Date("2026-12-01T09:00:00.000Z");

    // Process A claims the job and hangs in its handler (as good as dead).
    let started!: () => void;
    const claimed = new Promise<void>((resolve) => (started = resolve));
    let unblock!: () => void;
    const hung = new Promise<void>((resolve) => (unblock = resolve));
    const dying = testScheduler(jobs.open(), {
      work: async () => {
        started();
        await hung;
        throw new Error("connection lost");
      },
    }, { leaseMs: 10_000, workerId: "A" }, start);
    await dying.scheduler.schedule({ kind: "work", dedupeKey: key, dueAt: start });
    const aRun = dying.scheduler.runDue(1);
    await claimed;

    const { runs, handler } = recorder();
    const db = jobs.open();
    const taker = testScheduler(db, { work: handler }, { workerId: "B" }, start);
    expect(await db.job.findUniqueOrThrow({ where: { dedupeKey: key } })).toMatchObject({ status: "running", lockedBy: "A" });
    taker.clock.set(plus(start, 9_999));
    expect(await taker.scheduler.runDue()).toBe(0);
    taker.clock.set(plus(start, 10_001));
    expect(await taker.scheduler.runDue()).toBe(1);
    expect(runs).toEqual([{ key, attempts: 2 }]);
    expect(await db.job.findUniqueOrThrow({ where: { dedupeKey: key } })).toMatchObject({ status: "done", lockedBy: null });

    // Should A come back after all, its late failure changes nothing: the job is no longer its.
    unblock();
    await aRun;
    expect(await db.job.findUniqueOrThrow({ where: { dedupeKey: key } })).toMatchObject({ status: "done", attempts: 2, lockedBy: null });
  });

  test("given a job whose process stopped during each of its attempts, then it is marked failed and not run again", async () => {
    const db = (await jobDatabase(backend)).open();
    const { runs, handler } = recorder();
    const { scheduler, start, advance } = testScheduler(db, { work: handler }, { maxAttempts: 3 });
    const key = `${uniquePrefix()}killer`;
    await scheduler.schedule({ kind: "work", dedupeKey: key, dueAt: start });
    // As a handler that kills its process leaves it: claimed for the third time, lease run out.
    await db.job.update({ where: { dedupeKey: key }, data: { status: "running", attempts: 3, lockedBy: "dead", lockedUntil: start } });
    advance(1);
    expect(await scheduler.runDue()).toBe(0);
    expect(runs).toEqual([]);
    expect(await db.job.findUniqueOrThrow({ where: { dedupeKey: key } })).toMatchObject({
      status: "failed", lockedBy: null, lastError: "its process stopped during all 3 attempts",
    });
  });

  test("given a handler that runs longer than the lease, then its lease is renewed and no other process takes the job", async () => {
    const jobs = await jobDatabase(backend);
    const key = `${uniquePrefix()}long`;
    let finishWork!: () => void;
    const working = new Promise<void>((resolve) => (finishWork = resolve));
    const { runs, handler } = recorder();
    const long: JobHandler = async (job) => {
      await handler(job);
      await working;
    };
    // Real time here: the lease is 300 ms and the handler runs for well over it.
    const a = createScheduler({ db: jobs.open(), handlers: { work: long }, log: silentLog, leaseMs: 300, workerId: "A" });
    const b = createScheduler({ db: jobs.open(), handlers: { work: handler }, log: silentLog, leaseMs: 300, workerId: "B" });
    await a.schedule({ kind: "work", dedupeKey: key, dueAt: new Date() });
    const aRun = a.runDue(1);
    await sleep(900);
    expect(await b.runDue()).toBe(0);
    finishWork();
    await aRun;
    expect(runs).toHaveLength(1);
  });

  test("given a job still running when the poller is stopped, then stop() waits for it and nothing runs after", async () => {
    const db = (await jobDatabase(backend)).open();
    let started!: () => void;
    const slowStarted = new Promise<void>((resolve) => (started = resolve));
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { runs, handler } = recorder();
    const { scheduler, start } = testScheduler(db, {
      slow: async () => {
        started();
        await gate;
      },
      quick: handler,
    });
    const prefix = uniquePrefix();
    await scheduler.schedule({ kind: "slow", dedupeKey: `${prefix}slow`, dueAt: start });

    scheduler.start(5);
    await slowStarted;
    await sleep(40); // several ticks come while the slow job runs
    let stopped = false;
    const stopping = scheduler.stop().then(() => (stopped = true));
    await sleep(40);
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(await db.job.findUniqueOrThrow({ where: { dedupeKey: `${prefix}slow` } })).toMatchObject({ status: "done" });

    await scheduler.schedule({ kind: "quick", dedupeKey: `${prefix}quick`, dueAt: start });
    await sleep(40);
    expect(runs).toEqual([]);
  });

  test("given two schedulers in one process sharing the database, then each of 60 jobs runs exactly once and both run some", async () => {
    const jobs = await jobDatabase(backend);
    const prefix = uniquePrefix();
    const ranBy = [0, 1].map(() => [] as string[]);
    // SQLite has a single writer: one client, as a SQLite deployment runs. (Two better-sqlite3
    // connections in one process can deadlock: a busy wait blocks the event loop that would let
    // the other connection commit.) On PostgreSQL each scheduler gets a client and pool of its own.
    const shared = backend === "SQLite" ? jobs.open() : undefined;
    const instances = ranBy.map((ran, i) =>
      createScheduler({
        db: shared ?? jobs.open(),
        log: silentLog,
        workerId: `in-process-${i}`,
        handlers: { record: async (job) => { ran.push(job.dedupeKey); await sleep(0); } },
      }));
    const keys = await seedDueJobs(shared ?? jobs.open(), prefix, IN_PROCESS_JOBS);

    const drain = async (scheduler: (typeof instances)[number]) => {
      const db = shared ?? jobs.open();
      const deadline = Date.now() + 15_000;
      for (;;) {
        if (Date.now() > deadline) throw new Error("jobs were still pending after 15 s");
        if ((await scheduler.runDue()) > 0) continue;
        if ((await db.job.count({ where: { status: { in: ["pending", "running"] } } })) === 0) return;
        await sleep(2);
      }
    };
    await Promise.all(instances.map(drain));

    expectEachRanOnce(keys, ranBy);
    const rows = await (shared ?? jobs.open()).job.findMany({ select: { status: true, attempts: true } });
    expect(rows).toHaveLength(IN_PROCESS_JOBS);
    expect(rows.every((r) => r.status === "done" && r.attempts === 1)).toBe(true);
  });

  it.skipIf(!available || backend !== "PostgreSQL")(
    "given two processes sharing one database, then each of 300 jobs runs exactly once and both run some",
    async () => {
      const jobs = await jobDatabase(backend);
      const prefix = uniquePrefix();
      const keys = await seedDueJobs(jobs.open(), prefix, 300);

      const workers = ["p1", "p2"].map((id) => startWorker(jobs.url, jobs.schema ?? "", id));
      await Promise.all(workers.map((w) => w.ready));
      for (const w of workers) w.go();
      const results = await Promise.all(workers.map((w) => w.done));

      expectEachRanOnce(keys, results.map((r) => r.ran));
      const rows = await jobs.open().job.findMany({ select: { status: true, attempts: true } });
      expect(rows).toHaveLength(300);
      expect(rows.every((r) => r.status === "done" && r.attempts === 1)).toBe(true);
    },
    45_000, // about 4 s alone; two process starts and 600 claims on a loaded 2-CPU box take longer
  );
  if (backend === "SQLite") {
    it.skip("given two processes sharing one database (PostgreSQL only: SQLite has one writer; covered in-process above)", () => undefined);
  }
});

/** Due jobs of kind "record", inserted in one statement (each commit costs an fsync on SQLite). */
async function seedDueJobs(db: Db, prefix: string, count: number) {
  const dueAt = new Date(Date.now() - 60_000);
  const keys = Array.from({ length: count }, (_, i) => `${prefix}${String(i).padStart(3, "0")}`);
  await db.job.createMany({ data: keys.map((dedupeKey) => ({ kind: "record", dedupeKey, dueAt, payload: {} })) });
  return keys;
}

function expectEachRanOnce(keys: string[], ranBy: string[][]) {
  const all = ranBy.flat();
  const duplicates = all.filter((key, i) => all.indexOf(key) !== i);
  expect(duplicates).toEqual([]);
  expect([...all].sort()).toEqual(keys);
  for (const ran of ranBy) expect(ran.length).toBeGreaterThan(0);
}

interface WorkerResult {
  ran: string[];
  polls: number;
  ms: number;
}

function startWorker(url: string, schema: string, id: string) {
  const child = spawn(process.execPath, ["--import", "tsx", "test/jobs/worker.ts", url, schema, id], {
    cwd: process.cwd(),
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  let signalReady!: () => void;
  const ready = new Promise<void>((resolve) => (signalReady = resolve));
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    stdout += chunk;
    if (stdout.startsWith("ready\n")) signalReady();
  });
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const done = new Promise<WorkerResult>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => {
      signalReady();
      if (code !== 0) return reject(new Error(`worker ${id} exited with ${code}:\n${stderr}`));
      const last = stdout.trim().split("\n").at(-1) ?? "";
      resolve(JSON.parse(last) as WorkerResult);
    });
  });
  return { ready, done, go: () => child.stdin.end("go\n") };
}
