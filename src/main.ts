import { parseArgs } from "node:util";
import { commands } from "../commands/index.js";
import { createMusubi } from "./app/dispatcher.js";
import { offersJobHandlers } from "./app/offers/jobs.js";
import { pairingJobHandlers, planAllRounds } from "./app/pairing/rounds.js";
import { roundsJobHandlers } from "./app/rounds/jobs.js";
import type { PlatformPort } from "./app/port.js";
import { manualClock, systemClock, type Clock } from "./clock.js";
import { ConfigError, loadConfig } from "./config.js";
import { createOutbox } from "./jobs/outbox.js";
import { createScheduler, type JobHandler } from "./jobs/scheduler.js";
import { createLogger } from "./logger.js";
import { createDb } from "./store/db.js";
import { applyMigrations } from "./store/migrate.js";
import type { Platform } from "./store/records.js";
import { createStore } from "./store/repositories.js";
import { consolePort } from "./platforms/console/port.js";
import { rememberingButtons } from "./platforms/console/render.js";
import { runRepl, runScript } from "./platforms/console/repl.js";
import { startDiscord } from "./platforms/discord/adapter.js";
import { startSlack } from "./platforms/slack/adapter.js";

// Starts every configured platform and the job scheduler; with no platform configured (or
// --console / --script) the local console, whose clock `:time` moves.

/** How often each process looks for due jobs. */
const POLL_MS = 15_000;

async function main() {
  const { values: args } = parseArgs({
    options: { script: { type: "string" }, console: { type: "boolean", default: false } },
  });
  const config = loadConfig();
  const consoleMode = args.console || args.script !== undefined || (!config.discord && !config.slack);
  // On the console, stdout is the conversation: logs go to stderr, and only warnings by default.
  const log = createLogger({
    level: consoleMode && !process.env.LOG_LEVEL ? "warn" : config.logLevel,
    secrets: config.secrets,
    ...(consoleMode ? { destination: process.stderr } : {}),
  });

  await applyMigrations(config.databaseUrl);
  const db = createDb(config.databaseUrl);
  const store = createStore(db);
  const consoleClock = consoleMode ? manualClock(new Date()) : undefined;
  const clock: Clock = consoleClock ?? systemClock;
  const ports: Partial<Record<Platform, PlatformPort>> = {};
  const handlers: Record<string, JobHandler> = {};
  const scheduler = createScheduler({ db, handlers, log, now: clock.now });
  const roundDeps = { store, outbox: createOutbox(db), jobs: scheduler, portFor: (p: Platform) => ports[p], log, now: clock.now };
  Object.assign(handlers, pairingJobHandlers(roundDeps), offersJobHandlers(roundDeps), roundsJobHandlers(roundDeps));
  const musubi = createMusubi({
    store, commands, log, jobs: scheduler, now: clock.now,
    defaults: { locale: config.defaultLocale, timeZone: config.defaultTimeZone },
  });

  if (consoleClock) {
    const { print, buttonAction } = rememberingButtons((line) => console.log(line));
    const session = { musubi, print, buttonAction, port: consolePort(print), clock: consoleClock, runDueJobs: () => scheduler.runDue() };
    ports.console = session.port;
    if (args.script !== undefined) await runScript(session, args.script);
    else await runRepl(session);
    await store.disconnect();
    return;
  }

  const running: { stop(): Promise<void> }[] = [];
  if (config.discord) {
    const discord = await startDiscord({ config: config.discord, musubi, log });
    ports.discord = discord.port;
    running.push(discord);
  }
  if (config.slack) {
    const slack = await startSlack({ config: config.slack, musubi, log });
    ports.slack = slack.port;
    running.push(slack);
  }
  await planAllRounds(roundDeps);
  scheduler.start(POLL_MS);
  running.push(scheduler);
  const shutdown = async (signal: string) => {
    log.info({ signal }, "shutting down");
    await Promise.allSettled(running.map((service) => service.stop()));
    await store.disconnect();
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(error.message);
  else console.error(error);
  process.exit(1);
});
