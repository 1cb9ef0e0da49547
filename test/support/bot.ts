import { Writable } from "node:stream";
import { expect } from "vitest";
import type { Musubi } from "../../src/app/dispatcher.js";
import { createBot } from "../../src/bot.js";
import { manualClock } from "../../src/clock.js";
import type { Intro } from "../../src/core/profile.js";
import type { JobDeps } from "../../src/jobs/queue.js";
import type { Scheduler } from "../../src/jobs/scheduler.js";
import { createLogger, type Logger } from "../../src/logger.js";
import { startHttpServer } from "../../src/ops/http.js";
import { startDiscord, type RunningDiscord } from "../../src/platforms/discord/adapter.js";
import { startSlack, type RunningSlack } from "../../src/platforms/slack/adapter.js";
import type { PlatformConnection, PlatformPort } from "../../src/port/port.js";
import { createDb, type Db } from "../../src/store/db.js";
import type { GroupRecord, PairingRoundRecord } from "../../src/store/pairing-repository.js";
import type { CommunityRecord, MemberRecord, Platform } from "../../src/store/records.js";
import type { Store } from "../../src/store/repositories.js";
import { DEFAULTS, communityOf, describeProblems } from "../e2e/support.js";
import { startFakeDiscord, type FakeDiscord, type FakeDiscordOptions } from "../fakes/discord.js";
import { startFakeSlack, type FakeSlack, type FakeSlackOptions } from "../fakes/slack.js";
import { freshSqliteUrl } from "./db.js";

export interface TestBot {
  db: Db;
  store: Store;
  musubi: Musubi;
  log: Logger;
  scheduler: Scheduler;
  /** What job handlers are given, for tests that drive use cases or jobs directly. */
  jobDeps: JobDeps;
  clock: ReturnType<typeof manualClock>;
  /** Every log line at warn level or above (parsed): a test fails on any it did not expect. */
  problems: Array<Record<string, unknown>>;
  /** Plugs in the port of a started adapter, or its connection to many communities (as src/ops/service.ts does). */
  connect(connection: PlatformPort | PlatformConnection): void;
  /** Moves the clock to `iso` and runs every job due then; resolves with how many ran. */
  at(iso: string): Promise<number>;
  disconnect(): Promise<void>;
}

/**
 * The bot as src/main.ts builds it (createBot) on a fresh SQLite file and a manual clock that
 * starts at `start`. Jobs run only when a test moves the clock with `at(...)`: no timers, no sleeps.
 */
export function createTestBot(start = new Date().toISOString()): TestBot {
  const problems: Array<Record<string, unknown>> = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString("utf8").split("\n")) if (line.trim()) problems.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const log = createLogger({ level: "warn", secrets: [], destination });
  const clock = manualClock(new Date(start));
  const bot = createBot({ db: createDb(freshSqliteUrl()), log, now: clock.now, defaults: { ...DEFAULTS } });
  return {
    db: bot.db, store: bot.store, musubi: bot.musubi, scheduler: bot.scheduler, jobDeps: bot.jobDeps, log, clock, problems,
    connect: bot.connect,
    async at(iso) {
      const to = new Date(iso);
      if (to < clock.now()) throw new Error(`the clock only moves forward: ${iso} is before ${clock.now().toISOString()}`);
      clock.set(to);
      return bot.scheduler.runDue();
    },
    disconnect: bot.stop,
  };
}

/** An introduction as the store keeps it; the fields that matter to a test are overridden. */
export const intro = (overrides: Partial<Intro> = {}): Intro => ({
  industry: "it", role: "Engineer", seniority: "3-7", interests: [], canOffer: ["code review"], lookingFor: ["mentoring"],
  languages: ["ja"], city: "", meetingPreference: "online", bio: "", ...overrides,
});

/** A member of the guild/workspace with a saved introduction (written to the store directly, to keep tests short). */
export async function giveIntro(
  store: Store,
  platform: Platform,
  externalId: string,
  user: { id: string; name: string },
  overrides: Partial<Intro> = {},
): Promise<MemberRecord> {
  const community = await communityOf(store, platform, externalId);
  const scoped = store.forCommunity(community.id);
  const member = await scoped.members.ensure({ platformUserId: user.id, displayName: user.name });
  await scoped.profiles.save(member.id, intro(overrides));
  return member;
}

/** A member who has joined pairing (as /match join would leave them), for scenarios about something else. */
export async function joinDirectly(store: Store, platform: Platform, externalId: string, member: MemberRecord): Promise<void> {
  const community = await communityOf(store, platform, externalId);
  await store.forCommunity(community.id).pairing.setParticipation(member.id, { active: true });
}

export interface StoredRound {
  community: CommunityRecord;
  round: PairingRoundRecord;
  groups: GroupRecord[];
}

/** The round of a period (e.g. "2026-11-30", or a run-now round's "manual-…") and its groups as stored. */
export async function storedRound(store: Store, platform: Platform, externalId: string, period?: string): Promise<StoredRound> {
  const community = await communityOf(store, platform, externalId);
  const round = period === undefined
    ? await latestRound(store, community.id)
    : await store.forCommunity(community.id).pairing.roundOfPeriod(period);
  if (!round) throw new Error(`no round ${period ?? "at all"} in ${platform}:${externalId}`);
  return { community, round, groups: await store.forCommunity(community.id).pairing.groups(round.id) };
}

async function latestRound(store: Store, communityId: string): Promise<PairingRoundRecord | null> {
  // previousRound(before) finds the latest round that is no longer "planned" before an instant.
  return store.forCommunity(communityId).pairing.previousRound(new Date("9999-12-31T00:00:00Z"));
}

/** Platform user ids of a group, sorted (groups are compared as sets). */
export const userIdsOf = (group: GroupRecord) => group.members.map((m) => m.platformUserId).sort();

/** Unix seconds of an instant, as the platforms' time tokens carry it. */
export const unix = (iso: string) => Math.floor(new Date(iso).getTime() / 1000);

/** The adapter logs and swallows a failed interaction, the scheduler a failed job: both are failures in a test. */
export function expectNoProblems(bot: TestBot): void {
  const problems = bot.problems.splice(0);
  expect(problems, describeProblems(problems)).toEqual([]);
}

export interface DiscordBot {
  fake: FakeDiscord;
  bot: TestBot;
  discord: RunningDiscord;
  stop(): Promise<void>;
}

/** The bot on the real discord.js client, against a fake of its own, on a manual clock from `start`. */
export async function startDiscordBot(start: string, fakeOptions: FakeDiscordOptions): Promise<DiscordBot> {
  const bot = createTestBot(start);
  const fake = await startFakeDiscord({ now: bot.clock.now, ...fakeOptions });
  const discord = await startDiscord({
    config: { token: "test-token", applicationId: fake.applicationId, apiUrl: fake.apiUrl },
    musubi: bot.musubi,
    log: bot.log,
  });
  bot.connect(discord.port);
  return {
    fake, bot, discord,
    async stop() {
      await discord.stop();
      await fake.close();
      await bot.disconnect();
    },
  };
}

export interface SlackBot {
  fake: FakeSlack;
  bot: TestBot;
  slack: RunningSlack;
  /** Where signed requests go (Bolt's HTTP receiver). */
  appUrl: string;
  stop(): Promise<void>;
}

/** The bot as a real Bolt app (HTTP receiver) against a fake Web API of its own, on a manual clock. */
export async function startSlackBot(start: string, signingSecret: string, fakeOptions: FakeSlackOptions): Promise<SlackBot> {
  const fake = await startFakeSlack(fakeOptions);
  const bot = createTestBot(start);
  const http = await startHttpServer({ port: 0, host: "127.0.0.1", log: bot.log });
  const slack = await startSlack({
    config: { botToken: "xoxb-e2e-token", signingSecret, apiUrl: fake.apiUrl },
    musubi: bot.musubi,
    log: bot.log,
    http,
  });
  bot.connect(slack.port);
  return {
    fake, bot, slack,
    appUrl: `${http.url}/slack/events`,
    async stop() {
      await slack.stop();
      await http.close();
      await fake.close();
      await bot.disconnect();
    },
  };
}
