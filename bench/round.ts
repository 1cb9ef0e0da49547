/**
 * A large community's pairing round: how long until matched and announced, the longest stall of
 * the event loop meanwhile, and the process's RSS at idle, until matched and while delivering.
 *   npm run bench:round [-- --members 10000 --db sqlite|pg]
 *
 * The pool is written straight into a fresh SQLite file (or, with --db pg, into the database of
 * DATABASE_URL as a new community), the round runs as its job does (store, engine in a worker
 * thread from 1,000 members, batched writes, outbox) and delivers to a recording port: the
 * platforms' own costs are bench:week's subject.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { pairingJobHandlers, scheduleManualPairingRound } from "../src/app/pairing/pairing-round.js";
import { createOutbox } from "../src/jobs/outbox.js";
import type { JobDeps, JobHandler } from "../src/jobs/queue.js";
import { createScheduler } from "../src/jobs/scheduler.js";
import { createLogger } from "../src/logger.js";
import { createDb } from "../src/store/db.js";
import { applyMigrations } from "../src/store/migrate.js";
import { createStore, type Store } from "../src/store/repositories.js";
import { seedPool } from "../test/support/pool-seed.js";
import { recordingPort } from "../test/support/recording-port.js";

const { values: args } = parseArgs({ options: { members: { type: "string", default: "10000" }, db: { type: "string", default: "sqlite" } } });
const MEMBERS = Number(args.members);
const url = args.db === "pg" ? process.env.DATABASE_URL : `file:${join(mkdtempSync(join(tmpdir(), "musubi-bench-round-")), "bench.db")}`;
if (!url) throw new Error("--db pg needs DATABASE_URL");

const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
const rssIdleStart = process.memoryUsage().rss;
await applyMigrations(url);
const db = createDb(url);
const store = createStore(db);
const community = await store.communities.ensure("console", `bench-round-${Date.now()}`, { name: "Bench", locale: "ja", timeZone: "Asia/Tokyo" });
await store.forCommunity(community.id).pairing.updateSettings({ enabled: true, channelId: "pairing", headsUp: false });
const seeding = performance.now();
await seedPool(db, community.id, MEMBERS, (i) => `u${i}`);
console.log(`seeded ${MEMBERS} members in ${((performance.now() - seeding) / 1000).toFixed(1)} s`);

let phase: "idle" | "matching" | "delivering" = "idle";
const peak = { idle: 0, matching: 0, delivering: 0 };
let last = performance.now();
let longestStall = 0;
const sampler = setInterval(() => {
  const now = performance.now();
  longestStall = Math.max(longestStall, now - last - 10);
  last = now;
  peak[phase] = Math.max(peak[phase], process.memoryUsage().rss);
}, 10);
// Idle: the seeded process before the round (the seeding's garbage given a moment to go).
await new Promise((resolve) => setTimeout(resolve, 500));
const marks: Record<string, number> = {};
const watched: Store = {
  ...store,
  forCommunity(id) {
    const scoped = store.forCommunity(id);
    return {
      ...scoped,
      pairing: {
        ...scoped.pairing,
        async setRoundStatus(roundId, status) {
          await scoped.pairing.setRoundStatus(roundId, status);
          marks[status] = performance.now();
          console.log(`${status} after ${((marks[status] - start) / 1000).toFixed(1)} s; peak RSS so far ${mb(Math.max(...Object.values(peak)))} MB, longest stall ${longestStall.toFixed(0)} ms`);
          if (status === "matched") phase = "delivering";
        },
      },
    };
  },
};
const { port } = recordingPort();
const log = createLogger({ level: "silent", secrets: [] });
const handlers: Record<string, JobHandler> = {};
const scheduler = createScheduler({ db, handlers, log });
const deps: JobDeps = { store: watched, outbox: createOutbox(db), jobs: scheduler, portFor: async () => port, log, now: () => new Date() };
Object.assign(handlers, pairingJobHandlers(deps));
await scheduleManualPairingRound({ community, jobs: scheduler }, new Date());
console.log(`idle: RSS ${mb(peak.idle)} MB`);
phase = "matching";
longestStall = 0;
const start = performance.now();
await scheduler.runDue();
clearInterval(sampler);
const s = (at: number | undefined) => (at === undefined ? "—" : `${((at - start) / 1000).toFixed(1)} s`);
console.log(`round of ${MEMBERS} members on ${args.db === "pg" ? "PostgreSQL" : "SQLite"} (load average ${(await import("node:os")).loadavg().map((x) => x.toFixed(1)).join(" ")})`);
console.log(`  matched after ${s(marks.matched)}, announced after ${s(marks.announced)}; longest event-loop stall ${longestStall.toFixed(0)} ms`);
console.log(`  RSS: ${mb(rssIdleStart)} MB at start, ${mb(peak.idle)} MB idle with the pool seeded, peak ${mb(peak.matching)} MB until matched, peak ${mb(peak.delivering)} MB while delivering`);
await store.disconnect();
