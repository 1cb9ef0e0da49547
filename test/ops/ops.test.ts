// Whatever arrives, the process keeps serving; and what operators read of it (issue #12): a
// packet discord.js cannot read and requests Bolt cannot handle are dropped while later ones are
// answered; Slack refusing the token at start is retried with back-off until it recovers; the
// health endpoints and /metrics are read with a real HTTP client on the one HTTP port.
import { Writable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { createBot } from "../../src/bot.js";
import { loadConfig } from "../../src/config.js";
import { createLogger } from "../../src/logger.js";
import { startService, type Service } from "../../src/ops/service.js";
import { createDb } from "../../src/store/db.js";
import { DEFAULTS } from "../e2e/support.js";
import { slashCommand } from "../fakes/discord-payloads.js";
import { interactivityBody, sendSigned, sendSlashCommand } from "../fakes/slack-payloads.js";
import { startFakeSlack, type FakeSlack } from "../fakes/slack.js";
import { startDiscordBot, startSlackBot, type DiscordBot, type SlackBot } from "../support/bot.js";
import { freshSqliteUrl } from "../support/db.js";

const GUILD = "910000000000000077";
const GENERAL = "910000000000000078";
const MEMBER = { id: "810000000000000077", username: "aki" };
const SECRET = "ops-signing-secret";
const AKI = { id: "U0AKI0077", name: "aki", locale: "en-US" };

let discord: DiscordBot | undefined;
let slack: SlackBot | undefined;
const cleanups: Array<() => Promise<unknown>> = [];

afterEach(async () => {
  await discord?.stop();
  await slack?.stop();
  discord = slack = undefined;
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe("a packet the client cannot read", () => {
  it("given an interaction without the data discord.js reads, then it is logged with its id and dropped, and the next one is answered", async () => {
    discord = await startDiscordBot(new Date().toISOString(), {
      guilds: [{ id: GUILD, name: "Ops", owner_id: MEMBER.id, channels: [{ id: GENERAL, name: "general" }], members: [MEMBER] }],
    });
    const who = { guildId: GUILD, channelId: GENERAL, user: MEMBER, locale: "en-US" };
    const broken: Record<string, unknown> = { ...slashCommand({ ...who, name: "help" }) };
    delete broken.data;
    discord.fake.sendInteraction(broken as never);
    const good = discord.fake.sendInteraction(slashCommand({ ...who, name: "help" }));

    const answer = await discord.fake.waitFor((r) => r.path === `/interactions/${good.id}/${good.token}/callback`);
    expect(answer.body.data.content ?? JSON.stringify(answer.body.data.embeds)).toMatch(/intro/);
    const problems = discord.bot.problems.splice(0);
    expect(problems).toEqual([expect.objectContaining({ msg: "Discord packet dropped: discord.js could not read it", id: broken.id, event: "INTERACTION_CREATE" })]);
    expect(discord.discord.connected()).toBe(true);
  });
});

describe("requests Bolt cannot handle", () => {
  it("given malformed Slack requests, then each is refused or dropped and a later command is answered", async () => {
    slack = await startSlackBot(new Date().toISOString(), SECRET, { users: [AKI] });
    const form = "application/x-www-form-urlencoded";
    const answers = [
      await sendSigned(slack.appUrl, SECRET, "payload=%7Bnot-json", form),
      await sendSigned(slack.appUrl, SECRET, interactivityBody({ type: "block_actions" }), form),
      await sendSigned(slack.appUrl, SECRET, interactivityBody({ type: "view_submission", team: { id: "T1" }, user: { id: AKI.id } }), form),
      await sendSigned(slack.appUrl, SECRET, JSON.stringify({ type: "event_callback", team_id: "T1" }), "application/json"),
    ];
    expect(answers.every((res) => res.status < 600)).toBe(true);

    const responseUrl = slack.fake.responseUrl();
    const res = await sendSlashCommand(slack.appUrl, SECRET, { command: "/help", user_id: AKI.id, response_url: responseUrl });
    expect(res.status).toBe(200);
    const answered = await slack.fake.waitFor((c) => c.method === "response_url");
    expect(JSON.stringify(answered.args)).toMatch(/intro/);
    slack.bot.problems.splice(0);
  });
});

describe("the service on its HTTP port", () => {
  function service(fake: FakeSlack) {
    const lines: Array<Record<string, unknown>> = [];
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString("utf8").split("\n")) if (line.trim()) lines.push(JSON.parse(line) as Record<string, unknown>);
        done();
      },
    });
    const log = createLogger({ level: "info", secrets: [], destination });
    const config = loadConfig({
      SLACK_BOT_TOKEN: "xoxb-ops-token", SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.apiUrl, HTTP_PORT: "0", HTTP_HOST: "127.0.0.1",
    });
    const bot = createBot({ db: createDb(freshSqliteUrl()), log, now: () => new Date(), defaults: { ...DEFAULTS } });
    return { lines, start: () => startService({ config, bot, log, backoff: { initialMs: 5, maxMs: 20 } }) };
  }

  it("given Slack refusing the token at start, then it retries with back-off, says why, and serves once Slack recovers", async () => {
    const fake = await startFakeSlack({ users: [AKI] });
    cleanups.push(() => fake.close());
    let refusals = 0;
    fake.respond("auth.test", () => (refusals++ < 3 ? { ok: false, error: "invalid_auth" } : undefined));
    const { lines, start } = service(fake);
    const running: Service = await start();
    cleanups.push(() => running.shutdown(5000));
    const base = running.http.url;

    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    await running.slack;
    expect(fake.calls.filter((c) => c.method === "auth.test")).toHaveLength(4);
    const retries = lines.filter((l) => String(l.msg).startsWith("Slack refused the bot token (invalid_auth): check SLACK_BOT_TOKEN; retrying in"));
    expect(retries).toHaveLength(3);
    expect(retries.map((l) => l.retryInMs)).toEqual([5, 10, 20]);

    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ready: true, stopping: false, checks: { database: true, slack: true, scheduler: true } });

    await sendSlashCommand(`${base}/slack/events`, SECRET, { command: "/help", user_id: AKI.id, response_url: fake.responseUrl() });
    await fake.waitFor((c) => c.method === "response_url");
    const metrics = await fetch(`${base}/metrics`);
    expect(metrics.headers.get("content-type")).toMatch(/^text\/plain/);
    const text = await metrics.text();
    expect(text).toMatch(/musubi_interactions_total\{platform="slack",command="help",outcome="ok"\} 1/);
    expect(text).toMatch(/musubi_answer_seconds_count\{platform="slack",command="help"\} 1/);
    expect(text).toMatch(/musubi_outbox_waiting 0/);
    expect(text).toMatch(/# TYPE musubi_jobs gauge/);
    expect(text).toMatch(/# TYPE musubi_platform_errors_total counter/);
    expect(text).toMatch(/# TYPE musubi_rate_limit_waits_total counter/);
  });

  it("given Slack unreachable, then /readyz says which check fails while /healthz says alive", async () => {
    const fake = await startFakeSlack({ users: [AKI] });
    cleanups.push(() => fake.close());
    fake.respond("auth.test", () => ({ ok: false, error: "invalid_auth" }));
    const running = await service(fake).start();
    cleanups.push(() => running.shutdown(5000));

    expect((await fetch(`${running.http.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${running.http.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ ready: false, checks: { database: true, slack: false, scheduler: true } });
  });
});
