// The child of every crash test (pairing rounds on Discord and Slack, reminders, fit notices) and of the two-process
// test: a job worker as in production (store, scheduler, outbox, every job handler of pairing,
// rounds and offers, the Discord port over REST only and the Slack port over its WebClient).
//
// env: DATABASE_URL (migrated), DB_SCHEMA (PostgreSQL: the test's private schema), DISCORD_API_URL
// and/or SLACK_API_URL (the fakes), LOG_LEVEL, LEASE_MS and CLAIM_MS (default 1: one child at a
// time, so a restarted one takes over at once what the killed one held), WAIT_FOR_GO (the parent
// starts the next child while the current one runs; it waits for a line on stdin before it
// touches the database or a platform), UNTIL_DONE (poll until no job is pending or running,
// instead of stopping when none is due: two workers running side by side).
import { setTimeout as sleep } from "node:timers/promises";
import { webApi } from "@slack/bolt";
import { Client } from "discord.js";
import { offersJobHandlers } from "../../src/app/offers/jobs.js";
import { pairingJobHandlers } from "../../src/app/pairing/pairing-round.js";
import { roundsJobHandlers } from "../../src/app/rounds/jobs.js";
import { createOutbox } from "../../src/jobs/outbox.js";
import type { JobDeps, JobHandler } from "../../src/jobs/queue.js";
import { createScheduler } from "../../src/jobs/scheduler.js";
import { createLogger } from "../../src/logger.js";
import { discordPort } from "../../src/platforms/discord/port.js";
import { slackPort } from "../../src/platforms/slack/port.js";
import type { PlatformPort } from "../../src/port/port.js";
import { createStore } from "../../src/store/repositories.js";
import { openDb } from "../jobs/open-db.js";

const { DATABASE_URL: databaseUrl, DB_SCHEMA: schema, DISCORD_API_URL: discordApi, SLACK_API_URL: slackApi } = process.env;
if (!databaseUrl) throw new Error("job-worker: DATABASE_URL is required");

const log = createLogger({ level: process.env.LOG_LEVEL ?? "info", secrets: [], destination: process.stderr });
const db = openDb(databaseUrl, schema || undefined);
const store = createStore(db);
const ports: PlatformPort[] = [];
if (discordApi) {
  const client = new Client({ intents: [], rest: { api: discordApi } });
  client.rest.setToken("test-token");
  ports.push(discordPort(client));
}
if (slackApi) ports.push(slackPort(new webApi.WebClient("xoxb-crash-test", { slackApiUrl: slackApi, retryConfig: { retries: 0 } })));

const handlers: Record<string, JobHandler> = {};
const scheduler = createScheduler({ db, handlers, log, leaseMs: Number(process.env.LEASE_MS ?? 1), maxAttempts: 1_000 });
const deps: JobDeps = {
  store, outbox: createOutbox(db, { claimMs: Number(process.env.CLAIM_MS ?? 1) }), jobs: scheduler,
  portFor: async ({ platform }) => ports.find((p) => p.platform === platform),
  log, now: () => new Date(),
};
Object.assign(handlers, pairingJobHandlers(deps), roundsJobHandlers(deps), offersJobHandlers(deps));

if (process.env.WAIT_FOR_GO) {
  await new Promise((resolve) => process.stdin.once("data", resolve));
  process.stdin.destroy();
}

try {
  for (;;) {
    if ((await scheduler.runDue()) > 0) continue;
    if (!process.env.UNTIL_DONE) break;
    if ((await db.job.count({ where: { status: { in: ["pending", "running"] } } })) === 0) break;
    await sleep(20);
  }
  await store.disconnect();
  process.exit(0);
} catch (error) {
  console.error(error);
  process.exit(1);
}
