import type { Bot } from "../bot.js";
import type { Config } from "../config.js";
import type { Logger } from "../logger.js";
import { startDiscord, type RunningDiscord } from "../platforms/discord/adapter.js";
import { describeSlackStartFailure, startSlack, startSlackInstalls, type RunningSlack, type RunningSlackInstalls } from "../platforms/slack/adapter.js";
import { slackInstallationRepository } from "../store/slack-installations.js";
import { CALENDAR_FEED_PATH, calendarFeedRoute } from "../app/rounds/feeds.js";
import { startHttpServer, type HttpServer } from "./http.js";
import { CONNECT_BACKOFF, retryWithBackoff, type Backoff } from "./retry.js";

// The bot serving its platforms: the HTTP port first (so /healthz answers at once), then each
// platform connected in the background with back-off, and the scheduler polling. Stopping takes no
// new work, lets interactions and the running job finish within a bound, then closes everything.

/** How often each process looks for due jobs. */
const POLL_MS = 15_000;
/** A database that does not answer a readiness check within this is not ready. */
const CHECK_TIMEOUT_MS = 2000;

export interface ServiceOptions {
  config: Config;
  bot: Bot;
  log: Logger;
  backoff?: Backoff;
}

type Running = RunningDiscord | RunningSlack | RunningSlackInstalls;

export interface Service {
  http: HttpServer;
  /** Each configured platform, once connected. */
  discord?: Promise<RunningDiscord | undefined>;
  slack?: Promise<RunningSlack | RunningSlackInstalls | undefined>;
  /** Resolves true when everything under way finished within `timeoutMs`, false when the bound cut it short. */
  shutdown(timeoutMs: number): Promise<boolean>;
}

const within = <T>(work: Promise<T>, ms: number): Promise<T | "timeout"> => {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([work, new Promise<"timeout">((resolve) => { timer = setTimeout(() => resolve("timeout"), ms); })])
    .finally(() => clearTimeout(timer));
};

export async function startService({ config, bot, log, backoff = CONNECT_BACKOFF }: ServiceOptions): Promise<Service> {
  const { metrics, musubi, scheduler } = bot;
  const http = await startHttpServer({ ...config.http, log });
  const running: Running[] = [];
  let stopping = false;

  const connect = <T extends Running>(platform: string, attempt: () => Promise<T>, describe: (error: unknown) => string) =>
    retryWithBackoff(attempt, { backoff, log: log.child({ platform }), describe, stopped: () => stopping }).then((service) => {
      if (!service) return undefined;
      if (stopping) {
        void service.stop();
        return undefined;
      }
      running.push(service);
      bot.connect("connection" in service ? service.connection : service.port);
      return service;
    });

  let discord: RunningDiscord | undefined;
  let slack: RunningSlack | RunningSlackInstalls | undefined;
  const slackConfig = config.slack;
  const discordStarted = config.discord
    ? connect("discord", () => startDiscord({ config: config.discord!, musubi, log, metrics }),
      (error) => `Discord could not be reached or refused the token (${error instanceof Error ? error.message : String(error)})`)
      .then((s) => (discord = s))
    : undefined;
  // Many workspaces (OAuth): each installation's token is kept in the database, sealed with the
  // installation key; an install plans the recurring jobs of the communities it brings back.
  const startSlackService = slackConfig?.oauth
    ? () => startSlackInstalls({
      config: slackConfig, musubi, log, http, metrics,
      installations: slackInstallationRepository(bot.db, slackConfig.oauth!.installationKey),
      onInstalled: () => bot.planRecurringJobs(),
    })
    : () => startSlack({ config: slackConfig!, musubi, log, http, metrics });
  const slackStarted = slackConfig
    ? connect<RunningSlack | RunningSlackInstalls>("slack", startSlackService, describeSlackStartFailure).then((s) => (slack = s))
    : undefined;

  const databaseReachable = async () =>
    (await within(bot.db.$queryRawUnsafe("SELECT 1").then(() => true, () => false), CHECK_TIMEOUT_MS)) === true;

  http.get("/healthz", (_req, res) => {
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ status: "alive" }));
  });
  http.get("/readyz", async (_req, res) => {
    const checks: Record<string, boolean> = { database: await databaseReachable() };
    if (config.discord) checks.discord = discord?.connected() ?? false;
    if (config.slack) checks.slack = slack?.connected() ?? false;
    checks.scheduler = scheduler.isPolling();
    const ready = !http.stopping && Object.values(checks).every(Boolean);
    res.writeHead(ready ? 200 : 503, { "content-type": "application/json" })
      .end(JSON.stringify({ ready, stopping: http.stopping, checks }));
  });
  http.get("/metrics", async (_req, res) => {
    const text = await metrics.text();
    res.writeHead(200, { "content-type": metrics.contentType }).end(text);
  });

  // Calendar applications subscribe to rounds here (the URL's key is the secret).
  http.get(CALENDAR_FEED_PATH, calendarFeedRoute({ store: bot.store, now: bot.jobDeps.now, log }));

  await bot.planRecurringJobs();
  scheduler.start(POLL_MS);

  return {
    http,
    ...(discordStarted ? { discord: discordStarted } : {}),
    ...(slackStarted ? { slack: slackStarted } : {}),
    async shutdown(timeoutMs) {
      stopping = true;
      http.stopTaking();
      const drained = await within(Promise.all([...running.map((service) => service.drain()), scheduler.stop()]), timeoutMs);
      if (drained === "timeout") {
        log.warn({ timeoutMs }, "work under way did not finish in time; stopping anyway (a job cut short runs again elsewhere)");
        return false;
      }
      await Promise.allSettled(running.map((service) => service.stop()));
      await http.close();
      await bot.stop();
      return true;
    },
  };
}
