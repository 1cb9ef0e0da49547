import { dirname, join } from "node:path";
import { parseArgs } from "node:util";
import { createBot } from "./bot.js";
import { manualClock, systemClock, type Clock } from "./clock.js";
import { ConfigError, loadConfig } from "./config.js";
import { createLogger } from "./logger.js";
import { consolePort } from "./platforms/console/port.js";
import { rememberingButtons } from "./platforms/console/render.js";
import { runRepl, runScript } from "./platforms/console/repl.js";
import { startDiscord } from "./platforms/discord/adapter.js";
import { startSlack } from "./platforms/slack/adapter.js";
import { createDb, isPostgresUrl } from "./store/db.js";
import { applyMigrations } from "./store/migrate.js";

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
  const consoleClock = consoleMode ? manualClock(new Date()) : undefined;
  const clock: Clock = consoleClock ?? systemClock;
  const bot = createBot({
    db: createDb(config.databaseUrl), log, now: clock.now,
    defaults: { locale: config.defaultLocale, timeZone: config.defaultTimeZone },
  });
  const { musubi, scheduler } = bot;

  if (consoleClock) {
    const { print, buttonAction, speaking } = rememberingButtons((line) => console.log(line));
    // Pictures go beside the SQLite file (the data folder), or into ./data with PostgreSQL.
    const filesDir = join(isPostgresUrl(config.databaseUrl) ? "data" : dirname(config.databaseUrl.replace(/^file:/, "")), "files");
    const session = { musubi, print, buttonAction, speaking, port: consolePort(print, filesDir), clock: consoleClock, runDueJobs: () => scheduler.runDue(), filesDir };
    bot.connect(session.port);
    if (args.script !== undefined) await runScript(session, args.script);
    else await runRepl(session);
    await bot.stop();
    return;
  }

  const running: { stop(): Promise<void> }[] = [];
  if (config.discord) {
    const discord = await startDiscord({ config: config.discord, musubi, log });
    bot.connect(discord.port);
    running.push(discord);
  }
  if (config.slack) {
    const slack = await startSlack({ config: config.slack, musubi, log });
    bot.connect(slack.port);
    running.push(slack);
  }
  await bot.planRecurringJobs();
  scheduler.start(POLL_MS);
  const shutdown = async (signal: string) => {
    log.info({ signal }, "shutting down");
    await Promise.allSettled(running.map((service) => service.stop()));
    await bot.stop();
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
