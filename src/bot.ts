import { commands } from "../commands/index.js";
import { createMusubi, type Musubi } from "./app/dispatcher.js";
import { networkJobHandlers } from "./app/network/reconnect.js";
import { planAllReports, reportJobHandlers } from "./app/network/report.js";
import { offersJobHandlers } from "./app/offers/jobs.js";
import { meetingJobHandlers } from "./app/pairing/meeting.js";
import { optInJobHandlers } from "./app/pairing/opt-in.js";
import { pairingJobHandlers, planAllPairingRounds } from "./app/pairing/pairing-round.js";
import { planAllProgramRounds, programJobHandlers } from "./app/pairing/program-round.js";
import { roundsJobHandlers } from "./app/rounds/jobs.js";
import type { Locale } from "./i18n/index.js";
import { createOutbox } from "./jobs/outbox.js";
import { JOB_PAYLOADS, type JobDeps, type JobHandlers } from "./jobs/queue.js";
import { createScheduler, type Scheduler } from "./jobs/scheduler.js";
import type { Logger } from "./logger.js";
import { createMetrics, type Metrics } from "./ops/metrics.js";
import { servingEveryCommunity, type PlatformConnection, type PlatformPort } from "./port/port.js";
import type { Db } from "./store/db.js";
import type { Platform } from "./store/records.js";
import { createStore, type Store } from "./store/repositories.js";

// The composition root: one place builds the store, the scheduler with every job handler, the
// delivery outbox and the dispatcher. src/main.ts and every test harness start the bot from here.

export interface BotOptions {
  db: Db;
  log: Logger;
  /** The bot's clock: the real one, or one that the console and tests move. */
  now(): Date;
  /** What a community gets the first time it is seen. */
  defaults: { locale: Locale; timeZone: string };
  /** Where the HTTP port is reached from outside, for calendar feed URLs; none: feeds are off. */
  publicUrl?: string | undefined;
}

export interface Bot {
  db: Db;
  store: Store;
  scheduler: Scheduler;
  musubi: Musubi;
  /** What /metrics shows: interactions and jobs are counted from here. */
  metrics: Metrics;
  /** What job handlers are given (tests drive use cases through it). */
  jobDeps: JobDeps;
  /**
   * Plugs in a started platform adapter: one port for all its communities, or a connection giving
   * each community's own (Slack installed in many workspaces). Jobs for its communities run in
   * this process from then on.
   */
  connect(connection: PlatformPort | PlatformConnection): void;
  /**
   * At start: every community with pairing on has its next round planned, and every monthly
   * report; open posts not yet in the search index are indexed.
   */
  planRecurringJobs(): Promise<void>;
  /** Stops polling for jobs (the one running finishes) and closes the database. */
  stop(): Promise<void>;
}

export function createBot(options: BotOptions): Bot {
  const { db, log, now } = options;
  const store = createStore(db);
  const connections: Partial<Record<Platform, PlatformConnection>> = {};
  // Filled below: the handlers need the scheduler itself to plan what follows them.
  const handlers: Partial<JobHandlers> = {};
  const metrics = createMetrics(db);
  const scheduler = createScheduler({ db, handlers, payloads: JOB_PAYLOADS, log, now, onJobFinished: metrics.jobFinished });
  async function portFor(community: { platform: Platform; externalId: string }): Promise<PlatformPort | undefined> {
    const connection = connections[community.platform];
    if (!connection) throw new Error(`no ${community.platform} connection in this process`);
    return connection.portFor(community.externalId);
  }
  const jobDeps: JobDeps = { store, outbox: createOutbox(db, { now }), jobs: scheduler, portFor, log, now };
  const all: JobHandlers = {
    ...pairingJobHandlers(jobDeps), ...programJobHandlers(jobDeps), ...meetingJobHandlers(jobDeps), ...optInJobHandlers(jobDeps), ...offersJobHandlers(jobDeps), ...roundsJobHandlers(jobDeps), ...networkJobHandlers(jobDeps), ...reportJobHandlers(jobDeps),
  };
  Object.assign(handlers, all);
  const musubi = createMusubi({ store, commands, log, jobs: scheduler, now, defaults: options.defaults, observe: metrics.interaction, publicUrl: options.publicUrl });
  return {
    db, store, scheduler, musubi, metrics, jobDeps,
    connect(connection) {
      connections[connection.platform] = "portFor" in connection ? connection : servingEveryCommunity(connection);
    },
    async planRecurringJobs() {
      await planAllPairingRounds(jobDeps);
      await planAllProgramRounds(jobDeps);
      await planAllReports(jobDeps);
      await store.indexOpenPosts(now());
    },
    async stop() {
      await scheduler.stop();
      await store.disconnect();
    },
  };
}
