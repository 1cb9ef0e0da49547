import { randomUUID } from "node:crypto";
import { afterEach } from "vitest";
import { manualClock } from "../../src/clock.js";
import type { JobHandler } from "../../src/jobs/queue.js";
import { createScheduler, type SchedulerOptions } from "../../src/jobs/scheduler.js";
import { createLogger } from "../../src/logger.js";
import type { Db } from "../../src/store/db.js";
import { freshSqliteUrl, postgresUrl } from "../support/db.js";
import { createPrivateSchema, dropPrivateSchema, openDb } from "./open-db.js";

export type Backend = "SQLite" | "PostgreSQL";

const pg = postgresUrl();
export const backends: [Backend, boolean][] = [["SQLite", true], ["PostgreSQL", pg !== null]];

export const silentLog = createLogger({ level: "silent", secrets: [] });

export interface JobDatabase {
  url: string;
  /** Set on PostgreSQL: the private schema of this test. */
  schema: string | undefined;
  /** A client of its own, as another process would have. */
  open(): Db;
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** An empty job database for one test, removed after it: a fresh SQLite file, or a PostgreSQL schema. */
export async function jobDatabase(backend: Backend): Promise<JobDatabase> {
  let url: string;
  let schema: string | undefined;
  if (backend === "SQLite") {
    url = freshSqliteUrl();
  } else {
    if (pg === null) throw new Error("PostgreSQL is not reachable");
    url = pg;
    schema = `jobs_test_${randomUUID().replaceAll("-", "")}`;
    await createPrivateSchema(url, schema);
    const dropping = schema;
    cleanups.push(() => dropPrivateSchema(url, dropping));
  }
  return {
    url,
    schema,
    open() {
      const db = openDb(url, schema);
      cleanups.push(() => db.$disconnect());
      return db;
    },
  };
}

/** A scheduler on an injected clock that starts at `start` and only moves when told. */
export function testScheduler(db: Db, handlers: Record<string, JobHandler>, options: Partial<SchedulerOptions> = {}, start = new Date("2026-12-01T09:00:00.000Z")) {
  const clock = manualClock(start);
  const scheduler = createScheduler({ db, handlers, log: silentLog, now: clock.now, ...options });
  const advance = (ms: number) => clock.set(new Date(clock.now().getTime() + ms));
  return { scheduler, clock, advance, start };
}

/** A unique dedupeKey prefix for one test. */
export const uniquePrefix = () => `test:${randomUUID()}:`;

export const plus = (at: Date, ms: number) => new Date(at.getTime() + ms);
