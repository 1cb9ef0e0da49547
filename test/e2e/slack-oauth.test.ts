// musubi distributed by OAuth: a real Bolt app serving Slack's install flow on the process's HTTP
// port, against the fake Web API (its oauth.v2.access grants each workspace its own bot token, and
// every call records the token it came with). Installations are kept in the SQLite store.
import { randomBytes } from "node:crypto";
import { Writable } from "node:stream";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createBot } from "../../src/bot.js";
import { loadConfig } from "../../src/config.js";
import { createLogger } from "../../src/logger.js";
import { startHttpServer, type HttpServer } from "../../src/ops/http.js";
import { startService } from "../../src/ops/service.js";
import { startSlackInstalls, type RunningSlackInstalls } from "../../src/platforms/slack/adapter.js";
import { SLACK_BOT_SCOPES } from "../../src/platforms/slack/manifest.js";
import { createDb } from "../../src/store/db.js";
import { slackInstallationRepository, type SlackInstallationQuery } from "../../src/store/slack-installations.js";
import { sendEvent, sendSlashCommand } from "../fakes/slack-payloads.js";
import { startFakeSlack, type FakeSlack, type SlackCall } from "../fakes/slack.js";
import { createTestBot, type TestBot } from "../support/bot.js";
import { freshSqliteUrl } from "../support/db.js";
import { DEFAULTS, communityOf, describeProblems } from "./support.js";

const SECRET = "oauth-signing-secret";
const CLIENT_ID = "1234567890.0987654321";
const KEY = randomBytes(32);

const A = { teamId: "T0TEAMAAA", botToken: "xoxb-team-a-token", botUserId: "U0BOTAAAA", botId: "B0BOTAAAA" };
const B = { teamId: "T0TEAMBBB", botToken: "xoxb-team-b-token", botUserId: "U0BOTBBBB", botId: "B0BOTBBBB" };
const B_AGAIN = { ...B, botToken: "xoxb-team-b-new-token" };
const ORG = { enterpriseId: "E0ORG0001", botToken: "xoxb-org-token", botUserId: "U0BOTORG1", botId: "B0BOTORG1", isEnterpriseInstall: true };
/** A workspace of the organization: it installed nothing itself. */
const ORG_TEAM = "T0ORGTEAM";
const AKI = { id: "U0AKI0001", name: "aki", locale: "ja-JP" };

let fake: FakeSlack;
let bot: TestBot;
let http: HttpServer;
let slack: RunningSlackInstalls;
let appUrl = "";
let installs = 0;
/** Resolvers waiting for an installation to be removed (an uninstall is handled after Bolt's ack). */
const removals: Array<(query: SlackInstallationQuery) => void> = [];

beforeAll(async () => {
  fake = await startFakeSlack({
    users: [AKI],
    grants: [
      { code: "code-a", ...A, userId: "U0ADMINAA" },
      { code: "code-b", ...B },
      { code: "code-b-again", ...B_AGAIN },
      { code: "code-org", ...ORG },
    ],
  });
  bot = createTestBot("2026-12-01T00:00:00Z");
  http = await startHttpServer({ port: 0, host: "127.0.0.1", log: bot.log });
  const repository = slackInstallationRepository(bot.db, KEY);
  slack = await startSlackInstalls({
    config: { oauth: { clientId: CLIENT_ID, clientSecret: "client-secret", stateSecret: "state-secret", installationKey: KEY }, signingSecret: SECRET, apiUrl: fake.apiUrl },
    musubi: bot.musubi,
    log: bot.log,
    http,
    installations: {
      ...repository,
      async remove(query) {
        await repository.remove(query);
        for (const resolve of removals.splice(0)) resolve(query);
      },
    },
    onInstalled: async () => {
      installs++;
    },
  });
  bot.connect(slack.connection);
  appUrl = `${http.url}/slack/events`;
});

afterEach(() => {
  const problems = bot.problems.splice(0);
  expect(problems, describeProblems(problems)).toEqual([]);
});

afterAll(async () => {
  await slack?.stop();
  await http?.close();
  await fake?.close();
  await bot?.store.disconnect();
});

/** GET /slack/install: Slack's consent page, with the state and the browser's cookie that goes with it. */
async function startInstall() {
  const res = await fetch(`${http.url}/slack/install`, { redirect: "manual" });
  const location = new URL(res.headers.get("location") ?? "");
  const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0]!;
  return { res, location, state: location.searchParams.get("state") ?? "", cookie };
}

/** The whole install: Slack's consent, then its redirect back with the code. */
async function install(code: string) {
  const { state, cookie } = await startInstall();
  return fetch(`${http.url}/slack/oauth_redirect?code=${code}&state=${encodeURIComponent(state)}`, { headers: { cookie } });
}

const removed = () => new Promise<SlackInstallationQuery>((resolve) => removals.push(resolve));

let commands = 0;
/** A slash command from a workspace; resolves with the views.open it causes (a form opened with that workspace's token). */
async function openIntro(teamId: string, extra: { enterprise_id?: string; is_enterprise_install?: boolean } = {}): Promise<SlackCall> {
  const trigger_id = `trigger-oauth-${++commands}`;
  const res = await sendSlashCommand(appUrl, SECRET, { command: "/intro", user_id: AKI.id, team_id: teamId, trigger_id, ...extra });
  expect(res.status).toBe(200);
  return fake.waitFor((c) => c.method === "views.open" && c.args.trigger_id === trigger_id);
}

let headsUps = 0;
/** A pairing heads-up job of the workspace's community, run by the scheduler: where it posted, or nothing. */
async function runHeadsUp(teamId: string): Promise<SlackCall | undefined> {
  const community = await communityOf(bot.store, "slack", teamId);
  const channel = `C0PAIR${++headsUps}`;
  await bot.store.forCommunity(community.id).pairing.updateSettings({ enabled: true, channelId: channel });
  const at = new Date(bot.clock.now().getTime() + 60_000);
  await bot.scheduler.schedule({
    kind: "pairing.heads-up", dedupeKey: `oauth-test:${channel}`, dueAt: at, communityId: community.id,
    payload: { period: `manual-${channel}`, at: at.toISOString(), manual: true },
  });
  await bot.at(at.toISOString());
  const job = await bot.db.job.findUniqueOrThrow({ where: { dedupeKey: `oauth-test:${channel}` } });
  expect(job.status).toBe("done");
  return fake.calls.find((c) => c.method === "chat.postMessage" && c.args.channel === channel);
}

describe("Slack installed by OAuth in many workspaces", () => {
  it("given /slack/install, then it redirects to Slack's consent page with a signed state and the manifest's scopes", async () => {
    const { res, location, state, cookie } = await startInstall();
    expect(res.status).toBe(302);
    expect(`${location.origin}${location.pathname}`).toBe("https://slack.com/oauth/v2/authorize");
    expect(location.searchParams.get("client_id")).toBe(CLIENT_ID);
    expect(location.searchParams.get("scope")?.split(",")).toEqual([...SLACK_BOT_SCOPES]);
    expect(state).not.toBe("");
    expect(cookie).toContain(state);
  });

  it("given a redirect with a forged state, then nothing is exchanged or stored", async () => {
    const before = fake.calls.filter((c) => c.method === "oauth.v2.access").length;
    const res = await fetch(`${http.url}/slack/oauth_redirect?code=code-a&state=forged`, { headers: { cookie: "slack-app-oauth-state=forged" } });
    expect(res.status).toBe(400);
    expect(fake.calls.filter((c) => c.method === "oauth.v2.access")).toHaveLength(before);
    expect(await bot.db.slackInstallation.count()).toBe(0);
    // Bolt logs the refusal, naming why.
    expect(bot.problems.splice(0).map((p) => String(p.bolt))).toEqual([expect.stringContaining("InvalidStateError")]);
  });

  it("given Slack's redirect with a code, then the installation is stored with its token sealed", async () => {
    const res = await install("code-a");
    expect(res.status).toBe(200);
    const exchange = await fake.waitFor((c) => c.method === "oauth.v2.access" && c.args.code === "code-a");
    expect(exchange.args.client_id).toBe(CLIENT_ID);
    const row = await bot.db.slackInstallation.findUniqueOrThrow({ where: { key: A.teamId } });
    expect(row).toMatchObject({ teamId: A.teamId, isEnterpriseInstall: false, botUserId: A.botUserId, botId: A.botId, installerUserId: "U0ADMINAA" });
    expect(JSON.stringify(row)).not.toContain(A.botToken);
    expect(JSON.stringify(row)).not.toContain(Buffer.from(A.botToken).toString("base64"));
    expect(installs).toBe(1);
  });

  it("given two workspaces installed, then a command from each is answered with that workspace's own token", async () => {
    expect((await install("code-b")).status).toBe(200);
    const fromA = await openIntro(A.teamId);
    const fromB = await openIntro(B.teamId);
    expect(fromA.token).toBe(A.botToken);
    expect(fromB.token).toBe(B.botToken);
    expect(fake.calls.filter((c) => c.method === "users.info").map((c) => c.token)).toEqual(expect.arrayContaining([A.botToken, B.botToken]));
    expect((await communityOf(bot.store, "slack", B.teamId)).externalId).toBe(B.teamId);
  });

  it("given a job of workspace B, then it calls Slack with B's token", async () => {
    const post = await runHeadsUp(B.teamId);
    expect(post?.token).toBe(B.botToken);
    expect((await runHeadsUp(A.teamId))?.token).toBe(A.botToken);
  });

  it("given app_uninstalled from workspace B, then its installation is gone and its jobs call Slack no more, while A's go on", async () => {
    const gone = removed();
    await sendEvent(appUrl, SECRET, { team_id: B.teamId, bot_user_id: B.botUserId, event: { type: "app_uninstalled" } });
    expect(await gone).toMatchObject({ teamId: B.teamId });
    expect(await bot.db.slackInstallation.count({ where: { key: B.teamId } })).toBe(0);
    const callsBefore = fake.calls.length;
    expect(await runHeadsUp(B.teamId)).toBeUndefined();
    expect(fake.calls.slice(callsBefore).filter((c) => c.token === B.botToken)).toEqual([]);
    expect((await runHeadsUp(A.teamId))?.token).toBe(A.botToken);
  });

  it("given workspace B installs again, then its jobs run again with its new token", async () => {
    expect((await install("code-b-again")).status).toBe(200);
    expect((await runHeadsUp(B.teamId))?.token).toBe(B_AGAIN.botToken);
    expect((await openIntro(B.teamId)).token).toBe(B_AGAIN.botToken);
  });

  it("given tokens_revoked for A's bot, then A's installation is gone and its jobs call Slack no more", async () => {
    const gone = removed();
    await sendEvent(appUrl, SECRET, {
      team_id: A.teamId, bot_user_id: A.botUserId, event: { type: "tokens_revoked", tokens: { bot: [A.botUserId] } },
    });
    expect(await gone).toMatchObject({ teamId: A.teamId });
    const callsBefore = fake.calls.length;
    expect(await runHeadsUp(A.teamId)).toBeUndefined();
    expect(fake.calls.slice(callsBefore).filter((c) => c.token === A.botToken)).toEqual([]);
  });

  it("given an org-wide install, then it is kept by the organization and a workspace of it is its own community served with the organization's token", async () => {
    expect((await install("code-org")).status).toBe(200);
    const row = await bot.db.slackInstallation.findUniqueOrThrow({ where: { key: ORG.enterpriseId } });
    expect(row).toMatchObject({ teamId: null, enterpriseId: ORG.enterpriseId, isEnterpriseInstall: true });
    const opened = await openIntro(ORG_TEAM, { enterprise_id: ORG.enterpriseId, is_enterprise_install: true });
    expect(opened.token).toBe(ORG.botToken);
    expect((await communityOf(bot.store, "slack", ORG_TEAM)).externalId).toBe(ORG_TEAM);
    // A job knows only the workspace: the organization's token is found through it, and each call names the workspace.
    const post = await runHeadsUp(ORG_TEAM);
    expect(post).toMatchObject({ token: ORG.botToken, args: { team_id: ORG_TEAM } });
  });

  it("given the organization uninstalls the app, then its installation is gone and its workspaces' jobs call Slack no more", async () => {
    const gone = removed();
    await sendEvent(appUrl, SECRET, {
      team_id: ORG_TEAM, enterprise_id: ORG.enterpriseId, is_enterprise_install: true, bot_user_id: ORG.botUserId, event: { type: "app_uninstalled" },
    });
    expect(await gone).toMatchObject({ enterpriseId: ORG.enterpriseId, isEnterpriseInstall: true });
    expect(await bot.db.slackInstallation.count()).toBe(1);
    const callsBefore = fake.calls.length;
    expect(await runHeadsUp(ORG_TEAM)).toBeUndefined();
    expect(fake.calls.slice(callsBefore).filter((c) => c.token === ORG.botToken)).toEqual([]);
  });
});

describe("the service with Slack installs turned on by its environment", () => {
  it("given the OAuth variables, then one HTTP port serves the install flow, Slack's events and the health checks, and an install plans its workspace's recurring jobs", async () => {
    const serviceFake = await startFakeSlack({ users: [AKI], grants: [{ code: "code-c", teamId: "T0TEAMCCC", botToken: "xoxb-team-c-token" }] });
    const lines: string[] = [];
    const log = createLogger({
      level: "warn", secrets: [],
      destination: new Writable({ write(chunk: Buffer, _encoding, done) { lines.push(chunk.toString("utf8")); done(); } }),
    });
    const config = loadConfig({
      SLACK_CLIENT_ID: CLIENT_ID, SLACK_CLIENT_SECRET: "client-secret", SLACK_STATE_SECRET: "state-secret",
      SLACK_INSTALLATION_KEY: KEY.toString("base64"), SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: serviceFake.apiUrl,
      SLACK_PUBLIC_URL: "https://musubi.example/", HTTP_PORT: "0", HTTP_HOST: "127.0.0.1",
    });
    const serviceBot = createBot({ db: createDb(freshSqliteUrl()), log, now: () => new Date(), defaults: { ...DEFAULTS } });
    const running = await startService({ config, bot: serviceBot, log });
    try {
      await running.slack;
      const base = running.http.url;
      const ready = await fetch(`${base}/readyz`);
      expect(await ready.json()).toMatchObject({ ready: true, checks: { slack: true } });

      // A workspace that had pairing on when it uninstalled the app: nothing is planned for it until it installs again.
      const community = await communityOf(serviceBot.store, "slack", "T0TEAMCCC");
      await serviceBot.store.forCommunity(community.id).pairing.updateSettings({ enabled: true, channelId: "C0PAIRCCC" });
      expect(await serviceBot.db.job.count({ where: { communityId: community.id } })).toBe(0);

      const consent = await fetch(`${base}/slack/install`, { redirect: "manual" });
      const consentPage = new URL(consent.headers.get("location") ?? "");
      const state = consentPage.searchParams.get("state") ?? "";
      // Slack sends the installer back to the public address, and checks the exchange names the same one.
      expect(consentPage.searchParams.get("redirect_uri")).toBe("https://musubi.example/slack/oauth_redirect");
      const cookie = (consent.headers.get("set-cookie") ?? "").split(";")[0]!;
      const back = await fetch(`${base}/slack/oauth_redirect?code=code-c&state=${encodeURIComponent(state)}`, { headers: { cookie } });
      expect(back.status).toBe(200);
      expect((await serviceFake.waitFor((c) => c.method === "oauth.v2.access")).args.redirect_uri).toBe("https://musubi.example/slack/oauth_redirect");
      expect(await serviceBot.db.job.count({ where: { communityId: community.id, kind: "pairing.round" } })).toBe(1);

      const trigger_id = "trigger-service-c";
      await sendSlashCommand(`${base}/slack/events`, SECRET, { command: "/intro", user_id: AKI.id, team_id: "T0TEAMCCC", trigger_id });
      expect((await serviceFake.waitFor((c) => c.method === "views.open" && c.args.trigger_id === trigger_id)).token).toBe("xoxb-team-c-token");
      expect(lines.join("")).not.toContain("xoxb-team-c-token");
    } finally {
      await running.shutdown(5000);
      await serviceFake.close();
    }
  });
});
