import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import type { Db } from "../store/db.js";

// The process's figures in Prometheus's text format (GET /metrics). One registry per bot, so
// several bots in one test process do not mix their counts. Counters count what this process
// did; the jobs and outbox gauges are read from the database when scraped, so they show the
// backlog every process shares.

export type InteractionOutcome = "ok" | "refused" | "failed";

export interface InteractionObservation {
  platform: string;
  /** The command path ("match join"), "action offer:respond", "form intro", or "unknown": never a raw id. */
  command: string;
  outcome: InteractionOutcome;
  seconds: number;
}

export type JobOutcome = "done" | "retried" | "failed";

/** Answer times of interest: Discord defers after 2 s and gives up after 3. */
const LATENCY_BUCKETS = [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 10, 30];

export function createMetrics(db: Db) {
  const registry = new Registry();
  const interactions = new Counter({
    name: "musubi_interactions_total",
    help: "Commands, buttons and forms handled, by platform, command and outcome (ok, refused: the member's mistake, failed: a bug).",
    labelNames: ["platform", "command", "outcome"] as const,
    registers: [registry],
  });
  const answerSeconds = new Histogram({
    name: "musubi_answer_seconds",
    help: "Time from receiving a command, button or form to having its answer ready, by platform and command.",
    labelNames: ["platform", "command"] as const,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const jobRuns = new Counter({
    name: "musubi_job_runs_total",
    help: "Job attempts this process finished, by kind and outcome (done, retried, failed for good).",
    labelNames: ["kind", "outcome"] as const,
    registers: [registry],
  });
  new Gauge({
    name: "musubi_jobs",
    help: "Jobs in the database by kind and state (pending, running, done, failed), read when scraped.",
    labelNames: ["kind", "state"] as const,
    registers: [registry],
    async collect() {
      const rows = await db.job.groupBy({ by: ["kind", "status"], _count: { _all: true } });
      this.reset();
      for (const row of rows) this.set({ kind: row.kind, state: row.status }, row._count._all);
    },
  });
  new Gauge({
    name: "musubi_outbox_waiting",
    help: "Messages of jobs recorded in the outbox and not yet sent, read when scraped.",
    registers: [registry],
    async collect() {
      this.set(await db.delivery.count({ where: { status: { not: "sent" } } }));
    },
  });
  const platformErrors = new Counter({
    name: "musubi_platform_errors_total",
    help: "Failures talking to a platform, by platform and kind (a PlatformError code, packet: an event the client could not read, listener: a handler that threw).",
    labelNames: ["platform", "kind"] as const,
    registers: [registry],
  });
  const rateLimitWaits = new Counter({
    name: "musubi_rate_limit_waits_total",
    help: "Times a platform client waited out a rate limit, by platform.",
    labelNames: ["platform"] as const,
    registers: [registry],
  });
  const rateLimitSeconds = new Counter({
    name: "musubi_rate_limit_wait_seconds_total",
    help: "Seconds platform clients were told to wait by rate limits, by platform.",
    labelNames: ["platform"] as const,
    registers: [registry],
  });

  return {
    registry,
    /** Node's own figures (memory, event loop lag, GC): once per process, as they watch the process itself. */
    collectProcessMetrics() {
      collectDefaultMetrics({ register: registry });
    },
    interaction({ platform, command, outcome, seconds }: InteractionObservation) {
      interactions.inc({ platform, command, outcome });
      answerSeconds.observe({ platform, command }, seconds);
    },
    jobFinished(kind: string, outcome: JobOutcome) {
      jobRuns.inc({ kind, outcome });
    },
    platformError(platform: string, kind: string) {
      platformErrors.inc({ platform, kind });
    },
    rateLimited(platform: string, waitSeconds: number) {
      rateLimitWaits.inc({ platform });
      rateLimitSeconds.inc({ platform }, waitSeconds);
    },
    /** The text a Prometheus scrape reads. */
    text: () => registry.metrics(),
    contentType: registry.contentType,
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
