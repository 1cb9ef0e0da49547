// Crash safety beyond Discord's pairing round, on SQLite and PostgreSQL: a child worker
// (job-worker.ts) runs a Slack pairing round, a reminder batch of a round's session on Discord,
// and an offer's fit notices on Slack, and is killed with SIGKILL again and again after a varying
// number of platform requests (as the fake takes one, before it answers), then restarted; the
// Discord fake forgets its enforce_nonce nonces between runs (as Discord does after a few
// minutes), so a resend must find its earlier post itself. The last child runs to the end; then
// every message is on the platform exactly once. Each test prints its figures.
//
// And two processes whose job leases are shorter than a deliberately slow send (so both hold the
// same jobs at once) send nothing twice.
import { createHash } from "node:crypto";
import { Writable } from "node:stream";
import { setTimeout as sleep } from "node:timers/promises";
import { webApi } from "@slack/bolt";
import { afterAll, describe, expect, it } from "vitest";
import { scheduleManualPairingRound } from "../../src/app/pairing/pairing-round.js";
import { roundsJobHandlers } from "../../src/app/rounds/jobs.js";
import { INDUSTRIES, MEETING_PREFERENCES, SENIORITY_LEVELS, type Intro } from "../../src/core/profile.js";
import { createOutbox } from "../../src/jobs/outbox.js";
import type { JobDeps, JobHandler } from "../../src/jobs/queue.js";
import { createScheduler } from "../../src/jobs/scheduler.js";
import { createLogger } from "../../src/logger.js";
import { slackPort } from "../../src/platforms/slack/port.js";
import type { Db } from "../../src/store/db.js";
import { createStore, type Store } from "../../src/store/repositories.js";
import { startFakeDiscord, type FakeDiscord } from "../fakes/discord.js";
import { startFakeSlack, type FakeSlack } from "../fakes/slack.js";
import { openDb } from "../jobs/open-db.js";
import { freshSqliteUrl, postgresUrl } from "../support/db.js";
import { killSchedule, killableWorkers, privateSchemaWithEveryTable, startChild, workerCommand, type RequestSource } from "./harness.js";

/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = any;

const log = createLogger({ level: "silent", secrets: [] });
const cleanup: Array<() => Promise<unknown>> = [];
afterAll(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

const pgUrl = postgresUrl();
const backends: [string, string | null][] = [["SQLite", "sqlite"], ["PostgreSQL", pgUrl]];

let command: Promise<{ args: string[]; remove(): void }> | undefined;
const worker = () => {
  if (!command) {
    command = workerCommand();
    cleanup.push(async () => (await command!).remove());
  }
  return command;
};

/** A database of the test's own: a fresh SQLite file, or a private PostgreSQL schema with every table. */
async function database(backend: string): Promise<{ env: NodeJS.ProcessEnv; db: Db; store: Store }> {
  let env: NodeJS.ProcessEnv;
  if (backend === "SQLite") {
    env = { DATABASE_URL: freshSqliteUrl() };
  } else {
    const { schema, drop } = await privateSchemaWithEveryTable(pgUrl!);
    cleanup.push(drop);
    env = { DATABASE_URL: pgUrl!, DB_SCHEMA: schema };
  }
  const db = openDb(env.DATABASE_URL!, env.DB_SCHEMA);
  const store = createStore(db);
  cleanup.push(() => store.disconnect());
  return { env, db, store };
}

const TAGS = ["code review", "mentoring", "hiring", "design systems", "career change", "public speaking", "startups", "data"];
const introOf = (i: number, canOffer = [TAGS[(i * 3) % TAGS.length]!]): Intro => ({
  industry: INDUSTRIES[i % INDUSTRIES.length]!,
  role: ["Engineer", "Designer", "Founder", "Analyst"][i % 4]!,
  seniority: SENIORITY_LEVELS[(i * 3) % SENIORITY_LEVELS.length]!,
  interests: [TAGS[i % TAGS.length]!],
  canOffer,
  lookingFor: [TAGS[(i * 3 + 1) % TAGS.length]!],
  languages: ["ja", "en"],
  city: "",
  meetingPreference: MEETING_PREFERENCES[i % MEETING_PREFERENCES.length]!,
  bio: "",
});

const slackSource = (fake: FakeSlack): RequestSource => ({
  count: () => fake.calls.length,
  onRequest: (listener) => fake.onRequest((call) => listener(`${call.method} ${String(call.args.channel ?? "").slice(0, 1) || "-"}`)),
});
const discordSource = (fake: FakeDiscord): RequestSource => ({
  count: () => fake.requests.length,
  onRequest: (listener) => fake.onRequest((req) => listener(`${req.method} ${req.path.replace(/\d{5,}/g, "#")}`)),
});

/** Every message the bot posted on the Slack fake, by its delivery key. */
function slackMessagesByKey(fake: FakeSlack): Map<string, number> {
  const byKey = new Map<string, number>();
  for (const list of fake.messages.values()) {
    for (const m of list as Json[]) {
      const key = m.metadata?.event_payload?.key as string | undefined;
      if (key) byKey.set(key, (byKey.get(key) ?? 0) + 1);
    }
  }
  return byKey;
}

interface Figures {
  kills: number;
  points: number;
  runs: number;
  byPoint: Map<string, number>;
}

/**
 * Kills children at `schedule` (requests after each start), restarting each time, then lets the
 * last one finish. A kill point is where the platform was (the request it had just taken) and how
 * many deliveries were sent by then.
 */
async function killAndRestart(options: {
  source: RequestSource; env: NodeJS.ProcessEnv; db: Db; schedule: number[]; between?: () => void;
}): Promise<Figures> {
  const { args } = await worker();
  const runner = killableWorkers(options.source, { ...process.env, LOG_LEVEL: "warn", ...options.env }, args);
  cleanup.push(() => runner.stop());
  const byPoint = new Map<string, number>();
  let kills = 0;
  let runs = 0;
  for (const [i, n] of [...options.schedule, undefined].entries()) {
    runs++;
    const run = await runner.run(n, i < options.schedule.length);
    if (!run.killed) break;
    kills++;
    const sent = await options.db.delivery.count({ where: { status: "sent" } });
    const point = `${run.last} after ${sent} sent`;
    byPoint.set(point, (byPoint.get(point) ?? 0) + 1);
    options.between?.();
  }
  return { kills, points: byPoint.size, runs, byPoint };
}

/** Duplicates and losses of the expected delivery keys among what the platform holds. */
function count(expected: string[], byKey: Map<string, number>) {
  const wanted = new Set(expected);
  let duplicates = 0;
  for (const [key, n] of byKey) duplicates += wanted.has(key) ? n - 1 : n;
  const losses = expected.filter((key) => !byKey.get(key)).length;
  return { duplicates, losses };
}

function report(name: string, backend: string, f: Figures, counted: { duplicates: number; losses: number }, messages: number, t0: number) {
  console.log(`crash ${name} on ${backend}: ${f.points} kill points, ${counted.duplicates} duplicates, ${counted.losses} losses`
    + ` — ${f.kills} kills in ${f.runs} runs, ${messages} messages, ${((performance.now() - t0) / 1000).toFixed(1)} s\n  `
    + [...f.byPoint].map(([point, n]) => `${n} × ${point}`).join("\n  "));
}

const discordDigest = (key: string) => createHash("sha256").update(key).digest("base64url").slice(0, 25);

describe.each(backends)("crash safety of jobs on %s", (backend, available) => {
  if (!available) it.skip(`${backend} is not reachable: skipped (CI provides it)`, () => undefined);
  const test = it.skipIf(!available);

  test("given a Slack pairing round killed at 15+ points, then every group's space got its intro once and the announcement went out once", async () => {
    const t0 = performance.now();
    const MEMBERS = 61;
    const fake = await startFakeSlack({ channels: [{ id: "C0PAIRING", name: "pairing" }] });
    cleanup.push(() => fake.close());
    const { env, db, store } = await database(backend);
    const community = await store.communities.ensure("slack", "T0CRASH", { name: "Meetup", locale: "en", timeZone: "Asia/Tokyo" });
    await store.forCommunity(community.id).transaction(async (tx) => {
      for (let i = 0; i < MEMBERS; i++) {
        const member = await tx.members.ensure({ platformUserId: `U0M${String(i).padStart(5, "0")}`, displayName: `Member ${i + 1}` });
        await tx.profiles.save(member.id, introOf(i));
        await tx.pairing.setParticipation(member.id, { active: true });
      }
    });
    await store.forCommunity(community.id).pairing.updateSettings({ enabled: true, channelId: "C0PAIRING", headsUp: false });
    await scheduleManualPairingRound({ community, jobs: createScheduler({ db, handlers: {}, log }) }, new Date());

    const figures = await killAndRestart({ source: slackSource(fake), env: { ...env, SLACK_API_URL: fake.apiUrl }, db, schedule: killSchedule(20, 6) });

    const round = await db.pairingRound.findFirstOrThrow({ where: { communityId: community.id } });
    const groups = await store.forCommunity(community.id).pairing.groups(round.id);
    const deliveries = await db.delivery.findMany({ select: { dedupeKey: true, status: true } });
    const expected = deliveries.map((d) => d.dedupeKey).filter((key) => !key.endsWith(":space"));
    const byKey = slackMessagesByKey(fake);
    const counted = count(expected, byKey);
    report("Slack pairing round", backend, figures, counted, [...byKey.values()].reduce((a, b) => a + b, 0), t0);

    expect(counted).toEqual({ duplicates: 0, losses: 0 });
    expect(round.status).toBe("announced");
    expect(groups.length).toBe(30);
    for (const group of groups) {
      expect(group.spaceId).toMatch(/^G/);
      // Its introduction, then the proposed meeting times.
      expect((fake.messages.get(group.spaceId!) ?? []).length).toBe(2);
    }
    expect(expected.filter((key) => key.includes(":intro:"))).toHaveLength(groups.length);
    expect(deliveries.every((d) => d.status === "sent")).toBe(true);
    expect(figures.kills).toBeGreaterThanOrEqual(15);
    expect(figures.points).toBeGreaterThanOrEqual(12);
  }, 120_000);

  test("given a reminder batch of 30 participants on Discord killed at 15+ points, with nonces forgotten between runs, then each participant is reminded once", async () => {
    const t0 = performance.now();
    const GUILD = "920000000000000001";
    const users = Array.from({ length: 31 }, (_, i) => ({ id: `8400000000000${String(i).padStart(5, "0")}`, username: `member${i}` }));
    const fake = await startFakeDiscord({ guilds: [{ id: GUILD, name: "Club", owner_id: users[0]!.id, channels: [{ id: "920000000000000010", name: "rounds" }], members: users }] });
    cleanup.push(() => fake.close());
    const { env, db, store } = await database(backend);
    const community = await store.communities.ensure("discord", GUILD, { name: "Club", locale: "ja", timeZone: "Asia/Tokyo" });
    const scoped = store.forCommunity(community.id);
    const members = [];
    for (const [i, user] of users.entries()) members.push(await scoped.members.ensure({ platformUserId: user.id, displayName: `Member ${i}` }));
    const startsAt = new Date(Date.now() + 3_600_000);
    const round = await scoped.rounds.create(members[0]!.id, {
      kind: "reading", title: "Readable Code", topic: "", description: "", timeZone: "Asia/Tokyo", cadence: "once", durationMinutes: 90,
      capacity: 40, onlineUrl: null, venue: "Shibuya", facilitation: "organizer", reminderMinutes: [60],
    }, [{ startsAt, label: "Chapter 1", facilitatorId: null }]);
    for (const member of members.slice(1)) await scoped.rounds.addParticipant(round.id, member.id, "seat", new Date());
    const [session] = await scoped.rounds.sessions(round.id);
    await createScheduler({ db, handlers: {}, log }).schedule({
      kind: "rounds.reminder", dedupeKey: `crash:reminder:${session!.id}`, dueAt: new Date(), communityId: community.id,
      payload: { sessionId: session!.id, roundId: round.id, revision: session!.revision, audience: "participants", leadMinutes: 60 },
    });

    const figures = await killAndRestart({
      source: discordSource(fake), env: { ...env, DISCORD_API_URL: fake.apiUrl }, db, schedule: killSchedule(20, 8, 3),
      between: () => fake.forgetNonces(),
    });

    const expected = members.slice(1).map((m) => `rounds:reminder:${session!.id}:r${session!.revision}:participants:60:${m.id}`);
    const keyOfNonce = new Map(expected.map((key) => [discordDigest(key), key]));
    const byKey = new Map<string, number>();
    let messages = 0;
    for (const list of fake.messages.values()) {
      for (const m of list as Json[]) {
        messages++;
        const key = keyOfNonce.get(String(m.nonce)) ?? `unknown:${m.id}`;
        byKey.set(key, (byKey.get(key) ?? 0) + 1);
      }
    }
    const counted = count(expected, byKey);
    const lookups = fake.requests.filter((r) => r.method === "GET" && /^\/channels\/\d+\/messages$/.test(r.path)).length;
    report("reminder batch (Discord, nonces forgotten)", backend, figures, counted, messages, t0);
    console.log(`  ${lookups} resends looked for their earlier post, ${fake.requests.filter((r) => r.deduplicated).length} repeated nonces`);

    expect(counted).toEqual({ duplicates: 0, losses: 0 });
    expect(await db.delivery.count({ where: { status: { not: "sent" } } })).toBe(0);
    expect(figures.kills).toBeGreaterThanOrEqual(15);
    expect(figures.points).toBeGreaterThanOrEqual(12);
  }, 120_000);

  test("given the fit notices of 8 asks on Slack killed at 15+ points, then each of the 24 fitting members is told once", async () => {
    const t0 = performance.now();
    const fake = await startFakeSlack();
    cleanup.push(() => fake.close());
    const { env, db, store } = await database(backend);
    const community = await store.communities.ensure("slack", "T0NOTICE", { name: "Board", locale: "en", timeZone: "Asia/Tokyo" });
    const scoped = store.forCommunity(community.id);
    const now = new Date();
    const jobs = createScheduler({ db, handlers: {}, log });
    const expected: string[] = [];
    for (const [p, tag] of TAGS.entries()) {
      const author = await scoped.members.ensure({ platformUserId: `U0A${p}`, displayName: `Author ${p}` });
      await scoped.profiles.save(author.id, introOf(p, ["nothing in common"]));
      const post = await scoped.offers.create(author.id, {
        kind: "ask", title: `Looking for ${tag}`, details: "", tags: [tag], terms: [], contact: "space",
        expiresAt: new Date(now.getTime() + 30 * 86_400_000), createdAt: now,
      });
      for (let h = 0; h < 3; h++) {
        const helper = await scoped.members.ensure({ platformUserId: `U0H${p}${h}`, displayName: `Helper ${p}.${h}` });
        await scoped.profiles.save(helper.id, introOf(p * 3 + h, [tag]));
        expected.push(`offer:${post.id}:notice:${helper.id}`);
      }
      await jobs.schedule({ kind: "offers.notices", dedupeKey: `offers:notices:${post.id}`, dueAt: new Date(now.getTime() - 1000 + p), communityId: community.id, payload: { postId: post.id } });
    }

    const figures = await killAndRestart({ source: slackSource(fake), env: { ...env, SLACK_API_URL: fake.apiUrl }, db, schedule: killSchedule(20, 7, 3) });

    const byKey = slackMessagesByKey(fake);
    const counted = count(expected, byKey);
    report("fit notices (Slack)", backend, figures, counted, [...byKey.values()].reduce((a, b) => a + b, 0), t0);

    expect(counted).toEqual({ duplicates: 0, losses: 0 });
    expect(await db.offerNotice.count()).toBe(24);
    expect(figures.kills).toBeGreaterThanOrEqual(15);
    expect(figures.points).toBeGreaterThanOrEqual(12);
  }, 120_000);
});

/** Two sessions of a Slack round, each with a reminder job for its 12 participants, due now: the keys of the 24 reminders. */
async function slackReminders(store: Store, db: Db): Promise<string[]> {
  const community = await store.communities.ensure("slack", "T0TWICE", { name: "Club", locale: "en", timeZone: "Asia/Tokyo" });
  const scoped = store.forCommunity(community.id);
  const members = [];
  for (let i = 0; i < 25; i++) members.push(await scoped.members.ensure({ platformUserId: `U0P${String(i).padStart(4, "0")}`, displayName: `Member ${i}` }));
  const jobs = createScheduler({ db, handlers: {}, log });
  const expected: string[] = [];
  for (let r = 0; r < 2; r++) {
    const round = await scoped.rounds.create(members[0]!.id, {
      kind: "study", title: `Study ${r}`, topic: "", description: "", timeZone: "Asia/Tokyo", cadence: "once", durationMinutes: 60,
      capacity: 20, onlineUrl: "https://meet.example/1", venue: null, facilitation: "organizer", reminderMinutes: [60],
    }, [{ startsAt: new Date(Date.now() + 3_600_000), label: "", facilitatorId: null }]);
    const seated = members.slice(1 + r * 12, 13 + r * 12);
    for (const member of seated) await scoped.rounds.addParticipant(round.id, member.id, "seat", new Date());
    const [session] = await scoped.rounds.sessions(round.id);
    await jobs.schedule({
      kind: "rounds.reminder", dedupeKey: `twice:reminder:${session!.id}`, dueAt: new Date(Date.now() - 1000), communityId: community.id,
      payload: { sessionId: session!.id, roundId: round.id, revision: session!.revision, audience: "participants", leadMinutes: 60 },
    });
    expected.push(...seated.map((m) => `rounds:reminder:${session!.id}:r${session!.revision}:participants:60:${m.id}`));
  }
  return expected;
}

/** A Slack fake whose posts take 150 ms to answer: longer than a 1 ms job lease by far. */
const slowSlack = async () => {
  const fake = await startFakeSlack({ latencyMs: { "chat.postMessage": 150 } });
  cleanup.push(() => fake.close());
  return fake;
};

describe("two holders of the same jobs, with leases shorter than a send", () => {
  it.skipIf(!pgUrl)("given two processes on PostgreSQL with 1 ms leases and posts that take 150 ms, then each of 24 reminders reaches Slack once", async () => {
    const { args } = await worker();
    // Whether the two meet on one send depends on timing: the run is repeated (at most four times)
    // until they did, and every run must send each reminder once.
    let waits = 0;
    for (let run = 1; run <= 4 && waits === 0; run++) {
      const t0 = performance.now();
      const fake = await slowSlack();
      const { env, db, store } = await database("PostgreSQL");
      const expected = await slackReminders(store, db);
      const children = ["a", "b"].map(() => startChild(args, {
        ...process.env, ...env, SLACK_API_URL: fake.apiUrl, LOG_LEVEL: "warn", LEASE_MS: "1", CLAIM_MS: "2000", UNTIL_DONE: "1", WAIT_FOR_GO: "1",
      }, (line) => {
        if (line.includes("is being sent by another process")) waits++;
      }));
      for (const child of children) child.child.stdin!.end("go\n");
      const codes = await Promise.all(children.map((c) => c.exit));
      expect(codes, children.map((c) => c.tail.join("\n")).join("\n---\n")).toEqual([0, 0]);

      const counted = count(expected, slackMessagesByKey(fake));
      const takeovers = (await db.job.findMany({ select: { attempts: true } })).reduce((sum, j) => sum + j.attempts - 1, 0);
      console.log(`two processes on PostgreSQL (run ${run}): ${counted.duplicates} duplicates, ${counted.losses} losses — ${expected.length} reminders, ${waits} times a holder found the other's send under way and retried later, ${takeovers} takeovers of a running job, ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      expect(counted).toEqual({ duplicates: 0, losses: 0 });
    }
    expect(waits).toBeGreaterThan(0);
  }, 180_000);
  if (!pgUrl) it.skip("given two processes on PostgreSQL (not reachable: skipped, CI provides it)", () => undefined);

  it("given two schedulers sharing one SQLite file with 1 ms leases and posts that take 150 ms, then each of 24 reminders reaches Slack once", async () => {
    // As on PostgreSQL: repeated (at most four times) until the two met on one send; each run sends every reminder once.
    let waits = 0;
    for (let run = 1; run <= 4 && waits === 0; run++) {
      const fake = await slowSlack();
      const { db, store } = await database("SQLite");
      const expected = await slackReminders(store, db);
      const schedulers = ["a", "b"].map((id) => {
        const handlers: Record<string, JobHandler> = {};
        const port = slackPort(new webApi.WebClient("xoxb-twice", { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } }));
        const counting = createLogger({ level: "warn", secrets: [], destination: new Writable({
          write(chunk: Buffer, _encoding, done) {
            if (chunk.toString().includes("is being sent by another process")) waits++;
            done();
          },
        }) });
        const scheduler = createScheduler({ db, handlers, log: counting, leaseMs: 1, maxAttempts: 1_000, workerId: id });
        const deps: JobDeps = { store, outbox: createOutbox(db, { claimMs: 2000 }), jobs: scheduler, portFor: async () => port, log: counting, now: () => new Date() };
        Object.assign(handlers, roundsJobHandlers(deps));
        return scheduler;
      });
      const drain = async (scheduler: (typeof schedulers)[number]) => {
        const deadline = Date.now() + 40_000;
        for (;;) {
          if (Date.now() > deadline) throw new Error("jobs were still pending after 40 s");
          if ((await scheduler.runDue()) > 0) continue;
          if ((await db.job.count({ where: { status: { in: ["pending", "running"] } } })) === 0) return;
          await sleep(20);
        }
      };
      await Promise.all(schedulers.map(drain));

      const counted = count(expected, slackMessagesByKey(fake));
      console.log(`two schedulers on SQLite (run ${run}): ${counted.duplicates} duplicates, ${counted.losses} losses — ${expected.length} reminders, ${waits} times a holder found the other's send under way and retried later`);
      expect(counted).toEqual({ duplicates: 0, losses: 0 });
    }
    expect(waits).toBeGreaterThan(0);
  }, 180_000);
});
