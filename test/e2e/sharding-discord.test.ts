// Discord's own sharding and the communities the bot serves (issue #12). Each process runs some of
// the gateway shards and gets only their guilds' events; a job runs once, in whichever process
// claims it, and delivers over REST whatever shard its guild is on. The real discord.js client
// against the fake gateway, which routes guilds and events by shard as Discord does.
import type { EventEmitter } from "node:events";
import { Writable } from "node:stream";
import { Events, PermissionFlagsBits, type Client } from "discord.js";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createBot, type Bot } from "../../src/bot.js";
import { manualClock } from "../../src/clock.js";
import { loadConfig } from "../../src/config.js";
import { translator } from "../../src/i18n/index.js";
import { createLogger } from "../../src/logger.js";
import { startService } from "../../src/ops/service.js";
import { startDiscord, type RunningDiscord } from "../../src/platforms/discord/adapter.js";
import { createDb, type Db } from "../../src/store/db.js";
import { privateSchemaWithEveryTable } from "../crash/harness.js";
import { MEMBER_PERMISSIONS, slashCommand, type RawCommandOption, type SlashCommandInput } from "../fakes/discord-payloads.js";
import { shardOfGuild, startFakeDiscord, type FakeDiscord, type RecordedRequest } from "../fakes/discord.js";
import { openDb } from "../jobs/open-db.js";
import { giveIntro, joinDirectly, startDiscordBot, storedRound, userIdsOf, type DiscordBot } from "../support/bot.js";
import { freshSqliteUrl, postgresUrl } from "../support/db.js";
import { DEFAULTS, describeProblems } from "./support.js";

/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = any;

const ORGANIZER_PERMISSIONS = String(BigInt(MEMBER_PERMISSIONS) | PermissionFlagsBits.ManageGuild);
const EPHEMERAL = 64;
const START = "2026-11-26T01:00:00Z";

// With two shards, (id >> 22) % 2 puts the first guild on shard 0 and the second on shard 1.
const GUILD_ON_0 = "961000000000000001";
const GUILD_ON_1 = "962000000000000001";
const channels = (guildId: string) => ({ general: `${guildId.slice(0, 3)}000000000000010`, pairing: `${guildId.slice(0, 3)}000000000000020` });
const OWNER = { id: "861000000000000001", username: "owner" };
const members = ["aoi", "ken", "rin", "sora"].map((username, i) => ({ id: `86100000000000001${i}`, username }));

const guild = (id: string, name: string) => ({
  id, name, owner_id: OWNER.id, members: [OWNER, ...members], system_channel_id: channels(id).general,
  channels: [{ id: channels(id).general, name: "general" }, { id: channels(id).pairing, name: "pairing" }],
});

/** Log lines at warn or above, parsed: a test fails on any it did not expect. */
function problemLog() {
  const problems: Array<Record<string, unknown>> = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString("utf8").split("\n")) if (line.trim()) problems.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { problems, log: createLogger({ level: "warn", secrets: [], destination }) };
}

const callbackOf = (fake: FakeDiscord, p: { id: string; token: string }) =>
  fake.waitFor((r) => r.method === "POST" && r.path === `/interactions/${p.id}/${p.token}/callback`);
const command = (fake: FakeDiscord, input: SlashCommandInput) => callbackOf(fake, fake.sendInteraction(slashCommand(input)));
const channelOption = (name: string, id: string): RawCommandOption => ({ name, type: 7, value: id });
const resolvedChannel = (id: string) => ({ channels: { [id]: { id, name: "pairing", type: 0, permissions: MEMBER_PERMISSIONS } } });
/**
 * Who sent a REST request: each process of these tests has a token of its own (on Discord they
 * share the bot's). Interaction callbacks carry no token: see `received` for who answered those.
 */
const sentBy = (r: RecordedRequest) => String(r.headers.authorization).replace(/^Bot /, "");

/** Resolves when the client's shard `id` emits `event`. */
const shardEvent = (client: Client, event: Events.ShardReconnecting | Events.ShardReady | Events.ShardResume, id: number) =>
  new Promise<void>((resolve) => {
    const emitter: EventEmitter = client;
    const listener = (shardId: number) => {
      if (shardId !== id) return;
      emitter.off(event, listener);
      resolve();
    };
    emitter.on(event, listener);
  });

const pgUrl = postgresUrl();

describe("two processes, one shard each, sharing PostgreSQL", () => {
  if (!pgUrl) {
    it.skip("PostgreSQL is not reachable: skipped (CI provides it)", () => undefined);
    return;
  }

  interface Process {
    shard: number;
    token: string;
    bot: Bot;
    discord: RunningDiscord;
    /** Ids of the interactions its client received. */
    received: string[];
    problems: Array<Record<string, unknown>>;
  }
  const clock = manualClock(new Date(START));
  const cleanups: Array<() => Promise<unknown>> = [];
  let fake: FakeDiscord;
  let processes: [Process, Process];

  /** A process as src/main.ts starts one with DISCORD_SHARDS=2 and DISCORD_SHARD_IDS=`shard`: its own client and database pool. */
  async function startProcess(schema: string, shard: number): Promise<Process> {
    const { problems, log } = problemLog();
    const bot = createBot({ db: openDb(pgUrl!, schema), log, now: clock.now, defaults: { ...DEFAULTS } });
    const token = `token-of-shard-${shard}-process`;
    const discord = await startDiscord({
      config: { token, applicationId: fake.applicationId, apiUrl: fake.apiUrl, shards: { count: 2, ids: [shard] } },
      musubi: bot.musubi, log,
    });
    bot.connect(discord.port);
    const received: string[] = [];
    discord.client.on(Events.InteractionCreate, (interaction) => received.push(interaction.id));
    cleanups.push(async () => {
      await discord.stop();
      await bot.stop();
    });
    return { shard, token, bot, discord, received, problems };
  }

  beforeAll(async () => {
    expect([shardOfGuild(GUILD_ON_0, 2), shardOfGuild(GUILD_ON_1, 2)]).toEqual([0, 1]);
    const { schema, drop } = await privateSchemaWithEveryTable(pgUrl);
    cleanups.push(drop);
    fake = await startFakeDiscord({ guilds: [guild(GUILD_ON_0, "Meetup zero"), guild(GUILD_ON_1, "Meetup one")] });
    cleanups.push(() => fake.close());
    processes = [await startProcess(schema, 0), await startProcess(schema, 1)];
  });

  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  afterEach(() => {
    const problems = processes.flatMap((p) => p.problems.splice(0));
    expect(problems, describeProblems(problems)).toEqual([]);
  });

  it("given two shards, then each process identifies with its own shard and holds only that shard's guild", () => {
    expect(fake.identifies.map((d) => [d.token, d.shard])).toEqual(expect.arrayContaining([
      [processes[0].token, [0, 2]],
      [processes[1].token, [1, 2]],
    ]));
    expect(fake.identifies).toHaveLength(2);
    expect([...processes[0].discord.client.guilds.cache.keys()]).toEqual([GUILD_ON_0]);
    expect([...processes[1].discord.client.guilds.cache.keys()]).toEqual([GUILD_ON_1]);
    expect(processes.map((p) => p.discord.connected())).toEqual([true, true]);
  });

  it("given a command in each guild, then the process running the guild's shard answers it, once", async () => {
    for (const [guildId, process] of [[GUILD_ON_0, processes[0]], [GUILD_ON_1, processes[1]]] as const) {
      const sent = fake.sendInteraction(slashCommand({ guildId, channelId: channels(guildId).general, user: members[0]!, locale: "en-US", name: "help" }));
      const answer = await callbackOf(fake, sent);
      expect(answer.status).toBe(204);
      expect(processes.map((p) => p.received.includes(sent.id))).toEqual(processes.map((p) => p === process));
      expect(fake.requests.filter((r) => r.path.startsWith(`/interactions/${sent.id}/`))).toHaveLength(1);
    }
  });

  it("given a pairing round started in the guild on shard 1, then the process of shard 0 runs its job and delivers it over REST", async () => {
    const [zero, one] = processes;
    const ch = channels(GUILD_ON_1);
    for (const [i, member] of members.entries()) {
      const stored = await giveIntro(one.bot.store, "discord", GUILD_ON_1, { id: member.id, name: member.username }, { industry: (["it", "design", "medical", "finance"] as const)[i]! });
      await joinDirectly(one.bot.store, "discord", GUILD_ON_1, stored);
    }
    const organizer = { guildId: GUILD_ON_1, channelId: ch.general, user: OWNER, locale: "ja", permissions: ORGANIZER_PERMISSIONS };
    const settings = fake.sendInteraction(slashCommand({
      ...organizer, name: "musubi", subcommandGroup: "pairing", subcommand: "settings",
      options: [channelOption("channel", ch.pairing), { name: "enabled", type: 3, value: "on" }, { name: "heads_up", type: 3, value: "off" }],
      resolved: resolvedChannel(ch.pairing),
    }));
    await callbackOf(fake, settings);
    const runNow = fake.sendInteraction(slashCommand({ ...organizer, name: "musubi", subcommandGroup: "pairing", subcommand: "run-now" }));
    await callbackOf(fake, runNow);
    expect(one.received).toEqual(expect.arrayContaining([settings.id, runNow.id]));
    expect(zero.received).not.toContain(settings.id);

    const from = fake.requests.length;
    expect(zero.discord.client.guilds.cache.has(GUILD_ON_1)).toBe(false);
    expect(await zero.bot.scheduler.runDue()).toBe(1);
    expect(await one.bot.scheduler.runDue()).toBe(0);

    const { round, groups } = await storedRound(zero.bot.store, "discord", GUILD_ON_1);
    expect(round.status).toBe("announced");
    expect(groups.flatMap(userIdsOf).sort()).toEqual(members.map((m) => m.id).sort());
    const sent = fake.requests.slice(from);
    expect(sent.length).toBeGreaterThan(0);
    expect(new Set(sent.map(sentBy))).toEqual(new Set([zero.token]));
    const announcements = sent.filter((r) => r.method === "POST" && r.path === `/channels/${ch.pairing}/messages`);
    expect(announcements.map((r) => r.status)).toEqual([200]);
    const threads = sent.filter((r) => r.method === "POST" && r.path === `/channels/${ch.pairing}/threads`);
    expect(threads).toHaveLength(groups.length);
    expect(threads.every((r) => r.status < 300)).toBe(true);
    expect(sent.filter((r) => r.method === "PUT" && /^\/channels\/\d+\/thread-members\/\d+$/.test(r.path))).toHaveLength(members.length);
  });

  it("given a guild on the other process's shard, then its system channel (where newcomers are greeted by default) is asked of Discord", async () => {
    const [zero] = processes;
    expect(await zero.discord.port.defaultWelcomeChannel(GUILD_ON_1)).toBe(channels(GUILD_ON_1).general);
    const asked = await fake.waitFor((r) => r.method === "GET" && r.path === `/guilds/${GUILD_ON_1}`);
    expect(sentBy(asked)).toBe(zero.token);
    expect(await zero.discord.port.defaultWelcomeChannel(GUILD_ON_0)).toBe(channels(GUILD_ON_0).general);
    expect(fake.requests.some((r) => r.path === `/guilds/${GUILD_ON_0}`)).toBe(false);
  });
});

describe("one process running Discord's recommended shard count", () => {
  it("given DISCORD_SHARDS=auto and Discord recommending two, then both shards connect, and /readyz is ready only while both are up", async () => {
    const fake = await startFakeDiscord({ shards: 2, guilds: [guild(GUILD_ON_0, "Meetup zero"), guild(GUILD_ON_1, "Meetup one")] });
    const { problems, log } = problemLog();
    const bot = createBot({ db: createDb(freshSqliteUrl()), log, now: () => new Date(), defaults: { ...DEFAULTS } });
    const config = loadConfig({
      DISCORD_TOKEN: "test-token", DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_API_URL: fake.apiUrl, DISCORD_SHARDS: "auto",
      HTTP_PORT: "0", HTTP_HOST: "127.0.0.1",
    });
    const service = await startService({ config, bot, log });
    try {
      const discord = (await service.discord)!;
      expect(fake.identifies.map((d) => d.shard).sort()).toEqual([[0, 2], [1, 2]]);
      expect([...discord.client.guilds.cache.keys()].sort()).toEqual([GUILD_ON_0, GUILD_ON_1]);
      const readiness = async () => {
        const res = await fetch(`${service.http.url}/readyz`);
        return { status: res.status, discord: ((await res.json()) as Json).checks.discord };
      };
      expect(await readiness()).toEqual({ status: 200, discord: true });

      const reconnecting = shardEvent(discord.client, Events.ShardReconnecting, 1);
      const interrupted = fake.interruptShard(1);
      await reconnecting;
      expect(await readiness()).toEqual({ status: 503, discord: false });

      const back = Promise.race([shardEvent(discord.client, Events.ShardResume, 1), shardEvent(discord.client, Events.ShardReady, 1)]);
      interrupted.release();
      await back;
      expect(await readiness()).toEqual({ status: 200, discord: true });
      expect(problems, describeProblems(problems)).toEqual([]);
    } finally {
      await service.shutdown(5000);
      await fake.close();
    }
  });
});

describe("an interaction from a guild the bot is not in", () => {
  const FOREIGN = "963000000000000001";
  let running: DiscordBot;

  beforeAll(async () => {
    running = await startDiscordBot(START, { guilds: [guild(GUILD_ON_0, "Meetup zero")] });
  });

  afterAll(() => running?.stop());

  /** Rows in every table of the bot's SQLite database. */
  async function rowCounts(db: Db): Promise<Record<string, number>> {
    const tables = await db.$queryRawUnsafe<{ name: string }[]>(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations'",
    );
    const counts: Record<string, number> = {};
    for (const { name } of tables) {
      const [row] = await db.$queryRawUnsafe<{ n: number | bigint }[]>(`SELECT COUNT(*) AS n FROM "${name}"`);
      counts[name] = Number(row!.n);
    }
    return counts;
  }

  it("given an organizer's commands from a guild the bot was removed from, then each gets a short line in their language and nothing is created or set", async () => {
    const { fake, bot } = running;
    // A community the bot serves, so that there are rows to compare.
    await command(fake, { guildId: GUILD_ON_0, channelId: channels(GUILD_ON_0).general, user: OWNER, locale: "ja", name: "help" });
    const before = await rowCounts(bot.db);
    expect(before.Community).toBe(1);

    const ch = channels(FOREIGN);
    const organizer = { guildId: FOREIGN, channelId: ch.general, user: OWNER, permissions: ORGANIZER_PERMISSIONS };
    const answers = [
      await command(fake, {
        ...organizer, locale: "ja", name: "musubi", subcommandGroup: "pairing", subcommand: "settings",
        options: [channelOption("channel", ch.pairing), { name: "enabled", type: 3, value: "on" }], resolved: resolvedChannel(ch.pairing),
      }),
      await command(fake, { ...organizer, locale: "en-US", name: "intro" }),
      await command(fake, { ...organizer, locale: "ja", name: "match", subcommand: "join" }),
    ];
    const expected = [translator("ja"), translator("en"), translator("ja")].map((t) => t("common.botNotInCommunity"));
    expect(answers.map((a) => [a.body.type, a.body.data.content, a.body.data.flags & EPHEMERAL])).toEqual(expected.map((text) => [4, text, EPHEMERAL]));
    expect(await rowCounts(bot.db)).toEqual(before);
    expect(bot.problems.splice(0)).toEqual([]);
  });
});
