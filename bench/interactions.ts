/**
 * Interactions under load (issue #16): the bot in a process of its own, served through the real
 * discord.js client and Bolt app by the local fakes (test/fakes), which this process runs with
 * the load: open-loop arrivals (Poisson), not waiting for answers.
 *
 *   npm run bench:interactions [-- --db sqlite|pg --rates 50,100,200 --seconds 20 --platforms discord,slack]
 *   npm run bench:interactions -- --in-process   (CPU per command, one at a time, no platform)
 *
 * --db pg takes BENCH_DATABASE_URL (a database of its own, migrated here); each run adds one
 * community of its own and deletes it at the end.
 */
import { fork, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { pino } from "pino";
import { createBot, type Bot } from "../src/bot.js";
import type { Actor } from "../src/app/context.js";
import { subjectOf } from "../src/core/offers/fit.js";
import { createLogger } from "../src/logger.js";
import { startHttpServer } from "../src/ops/http.js";
import { startDiscord } from "../src/platforms/discord/adapter.js";
import { startSlack } from "../src/platforms/slack/adapter.js";
import { createDb } from "../src/store/db.js";
import { applyMigrations } from "../src/store/migrate.js";
import type { Platform } from "../src/store/records.js";
import { buttonPress, modalSubmit, slashCommand, snowflake, type InteractionPayload } from "../test/fakes/discord-payloads.js";
import { startFakeDiscord } from "../test/fakes/discord.js";
import { interactivityBody, sendSigned, slashCommandBody, blockActionPayload, viewSubmissionPayload } from "../test/fakes/slack-payloads.js";
import { startFakeSlack } from "../test/fakes/slack.js";
import { recordingPort } from "../test/support/recording-port.js";

const { values: args } = parseArgs({
  options: {
    db: { type: "string", default: "sqlite" },
    rates: { type: "string", default: "50,100,200" },
    seconds: { type: "string", default: "20" },
    platforms: { type: "string", default: "discord,slack" },
    members: { type: "string", default: "1000" },
    posts: { type: "string", default: "300" },
    "in-process": { type: "boolean", default: false },
    serve: { type: "string" },
  },
});

const SECRET = "bench-signing-secret";
const MEMBERS = Number(args.members);
const POSTS = Number(args.posts);
const OVER_MS = 3000;
const WORDS = ["code review", "面接 練習", "design mentor", "english practice", "python data", "career change", "startup funding", "marketing"];
const TAGS = ["code review", "interview practice", "design", "english", "python", "career change", "startup", "marketing", "accounting", "writing", "leadership", "hiring"];

const discordUser = (i: number) => ({ id: String(900000000000000000n + BigInt(i)), username: `member${i}` });
const slackUser = (i: number) => ({ id: `U${String(i).padStart(8, "0")}`, name: `member${i}`, real_name: `Member ${i}`, locale: i % 3 === 0 ? "en-US" : "ja-JP" });

function databaseUrl(): string {
  if (args.db === "pg") {
    const url = process.env.BENCH_DATABASE_URL;
    if (!url) throw new Error("--db pg needs BENCH_DATABASE_URL (a PostgreSQL database set aside for the benchmark)");
    return url;
  }
  return `file:${join(mkdtempSync(join(tmpdir(), "musubi-bench-")), "bench.db")}`;
}

/** The community's members with intros and its open posts, written through the store. */
async function seed(bot: Bot, platform: Platform, externalId: string, userOf: (i: number) => { id: string; name?: string; username?: string }, posts: number) {
  const community = await bot.store.communities.ensure(platform, externalId, { name: "bench", locale: "ja", timeZone: "Asia/Tokyo" });
  const ids: string[] = [];
  // In transactions of 100 rows: one commit each, not one per row.
  await inBatches(MEMBERS, (from, to) => bot.store.forCommunity(community.id).transaction(async (store) => {
    for (let i = from; i < to; i++) {
      const user = userOf(i);
      const member = await store.members.ensure({ platformUserId: user.id, displayName: user.name ?? user.username ?? user.id, locale: i % 3 === 0 ? "en-US" : "ja" });
      ids.push(member.id);
      await store.profiles.save(member.id, {
        industry: (["it", "finance", "design", "education"] as const)[i % 4]!, role: `Role ${i}`, seniority: (["1-3", "3-7", "7-15"] as const)[i % 3]!,
        interests: ["books"], canOffer: [TAGS[i % TAGS.length]!], lookingFor: [TAGS[(i * 7) % TAGS.length]!],
        languages: ["ja", "en"], city: "Tokyo", meetingPreference: "online", bio: "",
      });
    }
  }));
  const now = Date.now();
  await inBatches(posts, (from, to) => bot.store.forCommunity(community.id).transaction(async (store) => {
    for (let k = from; k < to; k++) {
      const tag = TAGS[k % TAGS.length]!;
      const text = { title: `${tag} ${k}`, details: `About ${tag}: sessions and review, ${WORDS[k % WORDS.length]}`, tags: [tag, TAGS[(k + 5) % TAGS.length]!] };
      await store.offers.create(ids[k % ids.length]!, {
        kind: k % 2 ? "ask" : "offer", ...text, terms: [...subjectOf(text).terms], contact: "dm",
        expiresAt: new Date(now + 14 * 86_400_000), createdAt: new Date(now - k * 60_000),
      });
    }
  }));
  return community;
}

async function inBatches(count: number, write: (from: number, to: number) => Promise<void>) {
  for (let from = 0; from < count; from += 100) await write(from, Math.min(count, from + 100));
}

// ---------------------------------------------------------------- the bot's process

async function serve(config: { db: string; discordApi?: string; discordApp?: string; slackApi?: string }) {
  const log = createLogger({ level: "info", secrets: [], destination: pino.destination({ dest: "/dev/null", sync: false }) });
  await applyMigrations(config.db);
  const bot = createBot({ db: createDb(config.db), log, now: () => new Date(), defaults: { locale: "ja", timeZone: "Asia/Tokyo" } });
  const guildId = process.env.BENCH_GUILD!;
  const teamId = process.env.BENCH_TEAM!;
  const communities: string[] = [];
  const stops: Array<() => Promise<void>> = [];
  if (config.discordApi) {
    communities.push((await seed(bot, "discord", guildId, discordUser, POSTS)).id);
    const discord = await startDiscord({ config: { token: "bench-token", applicationId: config.discordApp!, apiUrl: config.discordApi }, musubi: bot.musubi, log });
    bot.connect(discord.port);
    stops.push(() => discord.stop());
  }
  let slackUrl: string | undefined;
  if (config.slackApi) {
    communities.push((await seed(bot, "slack", teamId, (i) => slackUser(i), POSTS)).id);
    const http = await startHttpServer({ port: 0, host: "127.0.0.1", log });
    const slack = await startSlack({ config: { botToken: "xoxb-bench-token", signingSecret: SECRET, apiUrl: config.slackApi }, musubi: bot.musubi, log, http });
    bot.connect(slack.port);
    slackUrl = `${http.url}/slack/events`;
    stops.push(async () => { await slack.stop(); await http.close(); });
  }
  // The load's process gone (stopped, crashed): this one goes too.
  process.on("disconnect", () => process.exit(1));
  process.on("message", (message: { type: string }) => {
    if (message.type === "cpu") process.send!({ type: "cpu", cpu: process.cpuUsage(), rss: process.memoryUsage().rss });
    if (message.type === "stop") {
      void (async () => {
        for (const stop of stops) await stop();
        for (const id of communities) await bot.db.community.delete({ where: { id } });
        await bot.stop();
        process.exit(0);
      })();
    }
  });
  process.send!({ type: "ready", slackUrl });
}

// ---------------------------------------------------------------- the load

interface Sample {
  kind: string;
  sentAt: number;
  firstAt?: number;
  finalAt?: number;
}

const percentile = (sorted: number[], p: number) => sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : Number.NaN;
const ms = (value: number) => (Number.isNaN(value) ? "-" : value >= 1000 ? `${(value / 1000).toFixed(1)} s` : `${value.toFixed(0)} ms`);

function summary(samples: Sample[], which: "firstAt" | "finalAt") {
  const answered = samples.filter((s) => s[which] !== undefined).map((s) => s[which]! - s.sentAt).sort((a, b) => a - b);
  return {
    line: `p50 ${ms(percentile(answered, 50))} p95 ${ms(percentile(answered, 95))} p99 ${ms(percentile(answered, 99))} max ${ms(answered.at(-1) ?? Number.NaN)}`,
    over: answered.filter((d) => d > OVER_MS).length,
    unanswered: samples.length - answered.length,
  };
}

/** Arrival times (ms from start) of a Poisson process of `rate` per second over `seconds`. */
function poisson(rate: number, seconds: number, random: () => number): number[] {
  const times: number[] = [];
  for (let t = 0; ; ) {
    t += (-Math.log(1 - random()) / rate) * 1000;
    if (t >= seconds * 1000) return times;
    times.push(t);
  }
}

function seededRandom(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

async function runLoad(
  rate: number,
  seconds: number,
  send: (i: number) => Sample,
  cpuOf: () => Promise<{ cpu: NodeJS.CpuUsage; rss: number }>,
): Promise<{ samples: Sample[]; cpuMs: number; rss: number; load: number[] }> {
  const random = seededRandom(rate * 7919 + seconds);
  const arrivals = poisson(rate, seconds, random);
  const samples: Sample[] = [];
  const before = await cpuOf();
  const start = performance.now();
  let next = 0;
  await new Promise<void>((done) => {
    const tick = () => {
      const elapsed = performance.now() - start;
      while (next < arrivals.length && arrivals[next]! <= elapsed) samples.push(send(next++));
      if (next < arrivals.length) setTimeout(tick, Math.max(0, Math.min(5, arrivals[next]! - elapsed)));
      else done();
    };
    tick();
  });
  // Answers still under way are waited for (up to 40 s); what never comes is counted unanswered.
  const waitUntil = performance.now() + 40_000;
  while (performance.now() < waitUntil && samples.some((s) => s.finalAt === undefined && s.kind !== "slack form")) await new Promise((r) => setTimeout(r, 100));
  const after = await cpuOf();
  const cpuMs = (after.cpu.user - before.cpu.user + after.cpu.system - before.cpu.system) / 1000;
  return { samples, cpuMs, rss: after.rss, load: loadavg() };
}

function report(platform: string, rate: number, result: Awaited<ReturnType<typeof runLoad>>) {
  const { samples } = result;
  const first = summary(samples, "firstAt");
  const final = summary(samples.filter((s) => s.kind !== "slack form"), "finalAt");
  const load = result.load.map((l) => l.toFixed(2)).join(" ");
  console.log(`${platform} ${String(rate).padStart(3)}/s  n=${samples.length}  cpu/interaction ${(result.cpuMs / samples.length).toFixed(1)} ms  rss ${(result.rss / 2 ** 20).toFixed(0)} MB  load ${load}`);
  console.log(`   first answer: ${first.line}  over 3 s: ${first.over}  unanswered: ${first.unanswered}`);
  console.log(`   final answer: ${final.line}  over 3 s: ${final.over}  unanswered: ${final.unanswered}`);
}

async function underLoad() {
  const platforms = args.platforms!.split(",");
  const rates = args.rates!.split(",").map(Number);
  const seconds = Number(args.seconds);
  const guildId = snowflake();
  const teamId = `T${Date.now().toString(36).toUpperCase()}`;
  const channelId = snowflake();
  const fakeDiscord = platforms.includes("discord")
    ? await startFakeDiscord({ guilds: [{ id: guildId, name: "bench", owner_id: discordUser(0).id, channels: [{ id: channelId, name: "general" }] }] })
    : undefined;
  const fakeSlack = platforms.includes("slack")
    ? await startFakeSlack({ teamId, users: Array.from({ length: MEMBERS }, (_, i) => slackUser(i)), channels: [{ id: "C0GENERAL", name: "general" }] })
    : undefined;
  const db = databaseUrl();
  const child: ChildProcess = fork(new URL(import.meta.url).pathname, ["--serve", JSON.stringify({
    db, discordApi: fakeDiscord?.apiUrl, discordApp: fakeDiscord?.applicationId, slackApi: fakeSlack?.apiUrl,
  }), "--members", String(MEMBERS), "--posts", String(POSTS)], {
    env: { ...process.env, BENCH_GUILD: guildId, BENCH_TEAM: teamId },
    execArgv: process.execArgv,
  });
  const waiting = new Map<string, (message: never) => void>();
  child.on("message", (message: { type: string }) => waiting.get(message.type)?.(message as never));
  const next = <T>(type: string) => new Promise<T>((resolve) => waiting.set(type, resolve as never));
  const ready = await next<{ slackUrl?: string }>("ready");
  const cpuOf = () => {
    const answer = next<{ cpu: NodeJS.CpuUsage; rss: number }>("cpu");
    child.send({ type: "cpu" });
    return answer;
  };
  const idle = await cpuOf();
  console.log(`db ${args.db}, ${MEMBERS} members with intros, ${POSTS} open posts; bot process rss ${(idle.rss / 2 ** 20).toFixed(0)} MB after seeding`);

  if (fakeDiscord) {
    const pending = new Map<string, Sample>();
    fakeDiscord.onRequest((req) => {
      const callback = /^\/interactions\/\d+\/([^/]+)\/callback$/.exec(req.path);
      const at = performance.now();
      if (callback) {
        const sample = pending.get(callback[1]!);
        if (!sample || sample.firstAt !== undefined) return;
        sample.firstAt = at;
        if ((req.body as { type?: number }).type !== 5) sample.finalAt = at;
        return;
      }
      const edit = /^\/webhooks\/\d+\/([^/]+)\/messages\/@original$/.exec(req.path);
      if (edit && req.method === "PATCH") {
        const sample = pending.get(edit[1]!);
        if (sample && sample.finalAt === undefined) sample.finalAt = at;
      }
    });
    const kinds = ["profile", "match status", "offers", "button", "form page"] as const;
    const send = (i: number): Sample => {
      const kind = kinds[i % kinds.length]!;
      const who = { guildId, channelId, user: discordUser((i * 37) % MEMBERS), locale: "ja" };
      let payload: InteractionPayload;
      if (kind === "profile") payload = slashCommand({ ...who, name: "profile" });
      else if (kind === "match status") payload = slashCommand({ ...who, name: "match", subcommand: "status" });
      else if (kind === "offers") payload = slashCommand({ ...who, name: "offers", options: { query: WORDS[i % WORDS.length]! } });
      else if (kind === "button") payload = buttonPress({ ...who, customId: "form:intro:1" });
      else payload = modalSubmit({ ...who, customId: "form:intro:0", layout: "labels", selects: { industry: ["it"], seniority: ["3-7"] }, fields: { role: "Engineer", canOffer: "code review", lookingFor: "mentoring" } });
      const sample: Sample = { kind, sentAt: performance.now() };
      pending.set(payload.token, sample);
      try {
        fakeDiscord.sendInteraction(payload);
      } catch {
        // The client's gateway is down (it missed its heartbeats while its event loop was busy
        // and is reconnecting): Discord would not have delivered this one either.
      }
      return sample;
    };
    for (const rate of rates) {
      pending.clear();
      fakeDiscord.requests.length = 0;
      report("discord", rate, await runLoad(rate, seconds, send, cpuOf));
    }
  }

  if (fakeSlack && ready.slackUrl) {
    const appUrl = ready.slackUrl;
    const byResponse = new Map<string, Sample>();
    const byTrigger = new Map<string, Sample>();
    fakeSlack.onRequest((call) => {
      const at = performance.now();
      const sample = call.method === "response_url" ? byResponse.get(call.id ?? "")
        : call.method === "views.open" ? byTrigger.get(String((call.args as { trigger_id?: string }).trigger_id)) : undefined;
      if (sample && sample.finalAt === undefined) sample.finalAt = at;
    });
    const kinds = ["profile", "match status", "offers", "button", "form"] as const;
    let serial = 0;
    const send = (i: number): Sample => {
      const kind = kinds[i % kinds.length]!;
      const user = slackUser((i * 37) % MEMBERS);
      const responseUrl = fakeSlack.responseUrl();
      const triggerId = `trigger-bench-${++serial}`;
      const sample: Sample = { kind: kind === "form" ? "slack form" : kind, sentAt: performance.now() };
      byResponse.set(responseUrl.split("/").pop()!, sample);
      byTrigger.set(triggerId, sample);
      let body: string;
      if (kind === "form") {
        const text = (id: string, value: string) => ({ [id]: { [id]: { type: "plain_text_input", value } } });
        const select = (id: string, value: string) => ({ [id]: { [id]: { type: "static_select", selected_option: { text: { type: "plain_text", text: value }, value } } } });
        body = interactivityBody(viewSubmissionPayload({
          user_id: user.id, team_id: teamId, callback_id: "form:intro", trigger_id: triggerId, private_metadata: JSON.stringify({ channelId: null, teamId }),
          // A refused answer (the role is too long): answered in the ack itself, nothing saved.
          values: { ...select("industry", "it"), ...text("role", "r".repeat(61)), ...select("seniority", "3-7"), ...text("canOffer", "code review") },
        }));
      } else if (kind === "button") {
        body = interactivityBody(blockActionPayload({ user_id: user.id, team_id: teamId, action_id: "form:intro:0", trigger_id: triggerId, response_url: responseUrl, channel_id: "C0GENERAL" }));
      } else {
        const [command, text] = kind === "profile" ? ["/profile", ""] : kind === "match status" ? ["/match", "status"] : ["/offers", WORDS[i % WORDS.length]!];
        body = slashCommandBody({ command, text, user_id: user.id, team_id: teamId, channel_id: "C0GENERAL", response_url: responseUrl, trigger_id: triggerId });
      }
      void sendSigned(appUrl, SECRET, body, "application/x-www-form-urlencoded").then(async (res) => {
        await res.arrayBuffer();
        sample.firstAt = performance.now();
      }, () => undefined);
      return sample;
    };
    for (const rate of rates) {
      byResponse.clear();
      byTrigger.clear();
      fakeSlack.calls.length = 0;
      report("slack  ", rate, await runLoad(rate, seconds, send, cpuOf));
    }
  }
  child.send({ type: "stop" });
  await new Promise((resolve) => child.on("exit", resolve));
  await fakeDiscord?.close();
  await fakeSlack?.close();
}

// ---------------------------------------------------------------- one at a time, in this process

async function inProcess() {
  const db = databaseUrl();
  await applyMigrations(db);
  const log = createLogger({ level: "info", secrets: [], destination: pino.destination({ dest: "/dev/null", sync: false }) });
  const bot = createBot({ db: createDb(db), log, now: () => new Date(), defaults: { locale: "ja", timeZone: "Asia/Tokyo" } });
  const externalId = `bench-${Date.now()}`;
  const community = await seed(bot, "console", externalId, (i) => ({ id: `u${i}`, name: `member${i}` }), 1000);
  const { port } = recordingPort();
  const actor = (i: number): Actor => ({
    platform: "console", community: { externalId, name: "bench" }, userId: `u${(i * 37) % MEMBERS}`, displayName: `member${(i * 37) % MEMBERS}`, locale: "ja", isOrganizer: false,
  });
  const cases: Array<[string, (i: number) => Promise<unknown>]> = [
    ["/profile", (i) => bot.musubi.command(port, actor(i), { name: "profile", options: {} })],
    ["/match status", (i) => bot.musubi.command(port, actor(i), { name: "match", subcommand: "status", options: {} })],
    ["button (form page button)", (i) => bot.musubi.action(port, actor(i), "form:intro:1")],
    ["form page (intro page 1 of 2)", (i) => bot.musubi.submitForm(port, actor(i), {
      formId: "intro", page: 0, values: { industry: "it", role: "Engineer", seniority: "3-7", canOffer: "code review", lookingFor: "mentoring" },
    })],
    ["/offers <words>, 1,000 open posts", (i) => bot.musubi.command(port, actor(i), { name: "offers", options: { query: WORDS[i % WORDS.length]! } })],
  ];
  console.log(`db ${args.db}, in-process, ${MEMBERS} members, 1,000 open posts; CPU per call (mean of 200 after 20 to warm up), load ${loadavg().map((l) => l.toFixed(2)).join(" ")}`);
  for (const [name, run] of cases) {
    for (let i = 0; i < 20; i++) await run(i);
    const before = process.cpuUsage();
    const started = performance.now();
    for (let i = 0; i < 200; i++) await run(i);
    const cpu = process.cpuUsage(before);
    console.log(`  ${name.padEnd(36)} cpu ${((cpu.user + cpu.system) / 1000 / 200).toFixed(2)} ms  wall ${((performance.now() - started) / 200).toFixed(2)} ms`);
  }
  await bot.db.community.delete({ where: { id: community.id } });
  await bot.stop();
}

if (args.serve) await serve(JSON.parse(args.serve) as Parameters<typeof serve>[0]);
else if (args["in-process"]) await inProcess();
else await underLoad();
