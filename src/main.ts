import { dirname, join } from "node:path";
import { parseArgs } from "node:util";
import { createBot } from "./bot.js";
import { manualClock, systemClock, type Clock } from "./clock.js";
import { ConfigError, loadConfig, runMode } from "./config.js";
import { createLogger } from "./logger.js";
import { guardProcess } from "./ops/guards.js";
import { startService } from "./ops/service.js";
import { consolePort } from "./platforms/console/port.js";
import { rememberingButtons } from "./platforms/console/render.js";
import { runRepl, runScript } from "./platforms/console/repl.js";
import { createDb, isPostgresUrl } from "./store/db.js";
import { applyMigrations } from "./store/migrate.js";

// Starts every configured platform, the HTTP port and the job scheduler (src/ops/service.ts);
// with no platform configured, at a terminal (or --console / --script), the local console, whose
// clock `:time` moves. SIGTERM / SIGINT stop it gracefully.

let startedUp = false;

async function main() {
  const { values: args } = parseArgs({
    options: { script: { type: "string" }, console: { type: "boolean", default: false } },
  });
  const config = loadConfig();
  const consoleMode = runMode(config, args, Boolean(process.stdin.isTTY)) !== "platforms";
  // On the console, stdout is the conversation: logs go to stderr, and only warnings by default.
  const log = createLogger({
    level: consoleMode && !process.env.LOG_LEVEL ? "warn" : config.logLevel,
    secrets: config.secrets,
    ...(consoleMode ? { destination: process.stderr } : {}),
  });
  guardProcess(log, () => startedUp);

  await applyMigrations(config.databaseUrl);
  const consoleClock = consoleMode ? manualClock(new Date()) : undefined;
  const clock: Clock = consoleClock ?? systemClock;
  const bot = createBot({
    db: createDb(config.databaseUrl), log, now: clock.now,
    defaults: { locale: config.defaultLocale, timeZone: config.defaultTimeZone },
    publicUrl: config.publicUrl,
  });
  const { musubi, scheduler } = bot;

  if (consoleClock) {
    const { print, buttonAction, speaking } = rememberingButtons((line) => console.log(line));
    // Pictures go beside the SQLite file (the data folder), or into ./data with PostgreSQL.
    const filesDir = join(isPostgresUrl(config.databaseUrl) ? "data" : dirname(config.databaseUrl.replace(/^file:/, "")), "files");
    const session = { musubi, print, buttonAction, speaking, port: consolePort(print, filesDir), clock: consoleClock, runDueJobs: () => scheduler.runDue(), filesDir };
    bot.connect(session.port);
    startedUp = true;
    if (args.script !== undefined) await runScript(session, args.script);
    else await runRepl(session);
    await bot.stop();
    return;
  }

  bot.metrics.collectProcessMetrics();
  const service = await startService({ config, bot, log });
  startedUp = true;
  log.info({ port: service.http.port }, "musubi started");
  let stopping = false;
  const shutdown = async (signal: string) => {
    // A second signal while stopping ends the process at once.
    if (stopping) process.exit(1);
    stopping = true;
    log.info({ signal, timeoutMs: config.shutdownTimeoutMs }, "shutting down: no new work; waiting for work under way");
    const clean = await service.shutdown(config.shutdownTimeoutMs);
    log.info({ clean }, "stopped");
    process.exit(clean ? 0 : 1);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(error.message);
  else console.error(error);
  process.exit(1);
});
