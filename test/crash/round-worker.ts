// The child of the crash-safety test: a job worker as in production (store, scheduler, outbox,
// the round's handlers, the Discord port over REST only), run until no job is due, then exit 0.
// The parent kills it with SIGKILL at chosen points and starts it again.
//
// env: DATABASE_URL (a migrated SQLite file), DISCORD_API_URL (the fake's `apiUrl`), LOG_LEVEL,
// WAIT_FOR_GO (see below).
import { Client } from "discord.js";
import { pairingJobHandlers } from "../../src/app/pairing/pairing-round.js";
import { createOutbox } from "../../src/jobs/outbox.js";
import type { JobDeps, JobHandler } from "../../src/jobs/queue.js";
import { createScheduler } from "../../src/jobs/scheduler.js";
import { createLogger } from "../../src/logger.js";
import { discordPort } from "../../src/platforms/discord/port.js";
import { createDb } from "../../src/store/db.js";
import { createStore } from "../../src/store/repositories.js";

const databaseUrl = process.env.DATABASE_URL;
const apiUrl = process.env.DISCORD_API_URL;
if (!databaseUrl || !apiUrl) throw new Error("round-worker: DATABASE_URL and DISCORD_API_URL are required");

// Log lines go to stderr (synchronous on a pipe): the parent reads "job started" / "round matched".
const log = createLogger({ level: process.env.LOG_LEVEL ?? "info", secrets: [], destination: process.stderr });
const db = createDb(databaseUrl);
const store = createStore(db);
const client = new Client({ intents: [], rest: { api: apiUrl } });
client.rest.setToken("test-token");
const port = discordPort(client);

const handlers: Record<string, JobHandler> = {};
// Only one child runs at a time: a short lease lets a restarted child take over at once the job
// that the killed one held. The round is killed on purpose far more often than the scheduler's
// default 8 attempts allow before it gives a job up.
const scheduler = createScheduler({ db, handlers, log, leaseMs: 1, maxAttempts: 1_000 });
const deps: JobDeps = {
  store, outbox: createOutbox(db), jobs: scheduler,
  portFor: (platform) => (platform === "discord" ? port : undefined),
  log, now: () => new Date(),
};
Object.assign(handlers, pairingJobHandlers(deps));

// WAIT_FOR_GO: the parent starts the next child while the current one runs; it loads its modules
// and waits for a line on stdin before touching the database or Discord.
if (process.env.WAIT_FOR_GO) {
  await new Promise((resolve) => process.stdin.once("data", resolve));
  process.stdin.destroy();
}

try {
  while ((await scheduler.runDue()) > 0) { /* until nothing is due */ }
  await store.disconnect();
  process.exit(0);
} catch (error) {
  console.error(error);
  process.exit(1);
}
