import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Logger } from "../logger.js";
import { PlatformError } from "../port/errors.js";
import type { Db } from "../store/db.js";
import { RetryLater } from "./errors.js";
import type { ClaimedJob, JobHandler, NewJob } from "./queue.js";

// The durable scheduler: jobs are rows with a due time. Any number of processes may poll; a job
// is claimed with one conditional update (status and lease checked in its WHERE), so exactly one
// process gets it, on SQLite and PostgreSQL alike. A claimed job whose process died is claimed
// again when its lease runs out; handlers are written to be re-run safely (see outbox.ts). While a
// handler runs its lease is renewed, so a long job (a rate limit waited out, a large round) is not
// taken over by another process; one that has lost its process `maxAttempts` times is given up.

export interface SchedulerOptions {
  db: Db;
  /** Each handler is given its payload parsed with its kind's schema in `payloads` (so each has its own type). */
  handlers: Record<string, JobHandler<any>>;
  /** The payload schema of each kind (JOB_PAYLOADS): checked when a job is scheduled and when it runs. */
  payloads?: Record<string, z.ZodType>;
  log: Logger;
  now?: () => Date;
  /** How long a claim holds before another process may take the job over. */
  leaseMs?: number;
  /** After this many failed attempts a job is marked failed and left alone. */
  maxAttempts?: number;
  workerId?: string;
  /** Told of every attempt this process finishes (for metrics): done, retried later, or failed for good. */
  onJobFinished?(kind: string, outcome: "done" | "retried" | "failed"): void;
}

const payloadSchema = z.record(z.string(), z.unknown());

/** How long a job's claim holds without being renewed (it is renewed every third of it while its handler runs). */
export const DEFAULT_LEASE_MS = 5 * 60_000;

/** Retry delay after the n-th failure: 30 s, 1 min, 2 min … at most an hour. */
export const backoffMs = (attempts: number) => Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);

export function createScheduler(options: SchedulerOptions) {
  const { db, handlers, log } = options;
  const now = options.now ?? (() => new Date());
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const maxAttempts = options.maxAttempts ?? 8;
  const workerId = options.workerId ?? `${process.pid}-${randomUUID().slice(0, 8)}`;

  const payloadOf = (kind: string, payload: unknown): Record<string, unknown> =>
    payloadSchema.parse(options.payloads?.[kind]?.parse(payload) ?? payload);

  async function schedule(job: NewJob): Promise<void> {
    const payload = payloadOf(job.kind, job.payload ?? {});
    await db.job.upsert({
      where: { dedupeKey: job.dedupeKey },
      create: {
        kind: job.kind,
        dedupeKey: job.dedupeKey,
        dueAt: job.dueAt,
        communityId: job.communityId ?? null,
        payload: payload as object,
      },
      update: {},
    });
  }

  /**
   * Takes one due job, or none. A lost race means another process took that job: try the next
   * (the loop ends, since every pass takes a job off the due list).
   */
  async function claim(): Promise<ClaimedJob | null> {
    for (;;) {
      const at = now();
      const claimable = {
        OR: [
          { status: "pending", dueAt: { lte: at } },
          { status: "running", lockedUntil: { lt: at } },
        ],
      };
      const candidate = await db.job.findFirst({ where: claimable, orderBy: [{ dueAt: "asc" }, { id: "asc" }] });
      if (!candidate) return null;
      if (candidate.status === "running" && candidate.attempts >= maxAttempts) {
        await giveUpOrphan(candidate.id, candidate.attempts, at);
        continue;
      }
      const { count } = await db.job.updateMany({
        where: { id: candidate.id, ...claimable },
        data: { status: "running", lockedBy: workerId, lockedUntil: new Date(at.getTime() + leaseMs), attempts: { increment: 1 } },
      });
      if (count === 1) {
        return {
          id: candidate.id,
          kind: candidate.kind,
          dedupeKey: candidate.dedupeKey,
          communityId: candidate.communityId,
          payload: candidate.payload as Record<string, unknown>,
          dueAt: candidate.dueAt,
          attempts: candidate.attempts + 1,
        };
      }
    }
  }

  /** A job whose process stopped during each of its attempts (its handler may be what kills it). */
  async function giveUpOrphan(id: string, attempts: number, at: Date): Promise<void> {
    const { count } = await db.job.updateMany({
      where: { id, status: "running", lockedUntil: { lt: at } },
      data: { status: "failed", lockedBy: null, lockedUntil: null, lastError: `its process stopped during all ${attempts} attempts` },
    });
    if (count === 1) log.error({ job: id, attempts }, "job failed for good: its process stopped during every attempt");
  }

  /** Renews the job's lease while its handler runs; returns the function that stops renewing. */
  function holdLease(job: ClaimedJob): () => void {
    const timer = setInterval(() => {
      db.job.updateMany({
        where: { id: job.id, lockedBy: workerId, status: "running" },
        data: { lockedUntil: new Date(now().getTime() + leaseMs) },
      }).catch((error: unknown) => log.warn({ err: error, job: job.id }, "lease not renewed"));
    }, Math.max(leaseMs / 3, 10));
    timer.unref();
    return () => clearInterval(timer);
  }

  async function finish(job: ClaimedJob, error?: unknown): Promise<void> {
    const mine = { id: job.id, lockedBy: workerId, status: "running" };
    if (error === undefined) {
      await db.job.updateMany({ where: mine, data: { status: "done", lockedBy: null, lockedUntil: null, lastError: null } });
      options.onJobFinished?.(job.kind, "done");
      return;
    }
    const message = error instanceof Error ? error.message : String(error);
    // A rate limit is the platform asking to wait, and RetryLater another process's work under
    // way: neither is a failure of the job.
    const waitFor = error instanceof RetryLater ? error.retryAfterMs
      : error instanceof PlatformError && error.code === "rate_limited" ? error.retryAfterMs ?? 1000 : undefined;
    const waiting = waitFor !== undefined;
    const failed = !waiting && job.attempts >= maxAttempts;
    const delay = waiting ? waitFor : backoffMs(job.attempts);
    await db.job.updateMany({
      where: mine,
      data: {
        status: failed ? "failed" : "pending",
        dueAt: new Date(now().getTime() + delay),
        lockedBy: null,
        lockedUntil: null,
        lastError: message.slice(0, 1000),
        ...(waiting ? { attempts: { decrement: 1 } } : {}),
      },
    });
    options.onJobFinished?.(job.kind, failed ? "failed" : "retried");
    log[failed ? "error" : "warn"]({ err: error, job: job.id, kind: job.kind, attempts: job.attempts, retryInMs: failed ? undefined : delay }, failed ? "job failed for good" : "job will be retried");
  }

  /** Runs every job that is due now, one at a time; resolves with how many ran. */
  async function runDue(limit = Number.POSITIVE_INFINITY): Promise<number> {
    let ran = 0;
    // A stopping process finishes the job it holds and takes no other.
    while (ran < limit && !stopping) {
      const job = await claim();
      if (!job) break;
      ran++;
      const handler = handlers[job.kind];
      const jobLog = log.child({ job: job.id, kind: job.kind, community: job.communityId });
      const release = holdLease(job);
      try {
        if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
        jobLog.info({ attempt: job.attempts }, "job started");
        await handler({ ...job, payload: payloadOf(job.kind, job.payload) });
        release();
        await finish(job);
        jobLog.info("job done");
      } catch (error) {
        release();
        await finish(job, error);
      }
    }
    return ran;
  }

  let timer: NodeJS.Timeout | undefined;
  let stopping = false;
  let running: Promise<unknown> = Promise.resolve();
  /** One poll at a time: a poll asked for while one runs follows it. */
  const tick = () => {
    running = running
      .then(() => runDue())
      .catch((error: unknown) => log.error({ err: error }, "scheduler poll failed"));
  };
  return {
    workerId,
    schedule,
    runDue,
    /** Polls for due jobs every `intervalMs` until stopped. */
    start(intervalMs = 15_000) {
      tick();
      timer = setInterval(tick, intervalMs);
    },
    /** Polls now (a round started by hand) instead of waiting for the next interval. */
    runSoon() {
      if (timer) tick();
    },
    /** Whether this process is polling for due jobs (started and not stopped). */
    isPolling: () => timer !== undefined && !stopping,
    async stop() {
      stopping = true;
      clearInterval(timer);
      await running;
    },
  };
}

export type Scheduler = ReturnType<typeof createScheduler>;
