import { parseArgs } from "node:util";
import { commands } from "../commands/index.js";
import { createMusubi } from "./app/dispatcher.js";
import { ConfigError, loadConfig } from "./config.js";
import { createLogger } from "./logger.js";
import { createDb } from "./store/db.js";
import { applyMigrations } from "./store/migrate.js";
import { createStore } from "./store/repositories.js";
import { runRepl, runScript } from "./platforms/console/repl.js";
import { startDiscord } from "./platforms/discord/adapter.js";
import { startSlack } from "./platforms/slack/adapter.js";

// Starts every configured platform; with none configured (or --console / --script) the local console.

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
  const store = createStore(createDb(config.databaseUrl));
  const musubi = createMusubi({
    store, commands, log, defaults: { locale: config.defaultLocale, timeZone: config.defaultTimeZone },
  });

  if (consoleMode) {
    if (args.script !== undefined) await runScript(musubi, args.script, (line) => console.log(line));
    else await runRepl(musubi);
    await store.disconnect();
    return;
  }

  const running: { stop(): Promise<void> }[] = [];
  if (config.discord) running.push(await startDiscord({ config: config.discord, musubi, log }));
  if (config.slack) running.push(await startSlack({ config: config.slack, musubi, log }));
  const shutdown = async (signal: string) => {
    log.info({ signal }, "shutting down");
    await Promise.allSettled(running.map((platform) => platform.stop()));
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
