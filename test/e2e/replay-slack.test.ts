// Slack requests recorded from real traffic (test/fixtures/slack/, each naming its source),
// replayed through the real Bolt app against the fake Web API: what a member would see.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startHttpServer, type HttpServer } from "../../src/ops/http.js";
import { startSlack, type RunningSlack } from "../../src/platforms/slack/adapter.js";
import { interactivityBody, sendSigned } from "../fakes/slack-payloads.js";
import { startFakeSlack, type FakeSlack } from "../fakes/slack.js";
import { createTestBot, expectNoProblems, type TestBot } from "../support/bot.js";
import { communityOf, profileOf } from "./support.js";
import { recorded } from "./replay-support.js";

/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = any;

const SECRET = "replay-signing-secret";
const TEAM = "T0RPLAY01";
const GRID_TOKYO = "T0RPLAYGR1";
const GRID_OSAKA = "T0RPLAYGR2";
const MEETUP = "C0RPLAYCH1";
const DM = "D0RPLAYDM1";
const AKI = { id: "U0RPLAYAKI", name: "aki", locale: "ja-JP" };
const HANA = { id: "U0RPLAYNEW", name: "hana", real_name: "Hana Sato", locale: "en-US" };
/** A member of two workspaces of one Enterprise Grid org. */
const KEN = { id: "W0RPLAYKEN", name: "ken", locale: "en-US", team_id: GRID_TOKYO, enterprise_teams: [GRID_TOKYO, GRID_OSAKA] };

let fake: FakeSlack;
let bot: TestBot;
let slack: RunningSlack;
let http: HttpServer;
let appUrl = "";
/** What the adapter decided of each delivery key (first or again), in order. */
const deliveries: Array<{ key: string; first: boolean }> = [];
let onDelivery: (() => void) | undefined;

beforeAll(async () => {
  fake = await startFakeSlack({ teamId: TEAM, users: [AKI, HANA, KEN], channels: [{ id: MEETUP, name: "meetup" }] });
  bot = createTestBot();
  const firstDelivery = bot.musubi.firstDelivery;
  bot.musubi.firstDelivery = async (key, keepForMs) => {
    const first = await firstDelivery(key, keepForMs);
    deliveries.push({ key, first });
    onDelivery?.();
    return first;
  };
  http = await startHttpServer({ port: 0, host: "127.0.0.1", log: bot.log });
  slack = await startSlack({ config: { botToken: "xoxb-replay", signingSecret: SECRET, apiUrl: fake.apiUrl }, musubi: bot.musubi, log: bot.log, http });
  appUrl = `${http.url}/slack/events`;
});

afterAll(async () => {
  await slack?.stop();
  await http?.close();
  await fake?.close();
  await bot?.store.disconnect();
});

afterEach(() => expectNoProblems(bot));

const FORM = "application/x-www-form-urlencoded";

/** A recorded slash command (form fields), signed now; its response_url points at the fake. */
function replayCommand(fields: Json, opts?: { timestamp?: number }) {
  const body = new URLSearchParams({ ...fields, response_url: fake.responseUrl() }).toString();
  return sendSigned(appUrl, SECRET, body, FORM, opts);
}

/** A recorded interactive payload (button, form), signed now. */
function replayInteraction(payload: Json, opts?: { timestamp?: number }) {
  const withUrl = payload.response_url ? { ...payload, response_url: fake.responseUrl() } : payload;
  return sendSigned(appUrl, SECRET, interactivityBody(withUrl), FORM, opts);
}

/** A recorded Events API body, sent as recorded (a retry carries Slack's retry headers). */
function replayEvent(body: Json, headers?: Record<string, string>) {
  return sendSigned(appUrl, SECRET, JSON.stringify(body), "application/json", headers ? { headers } : {});
}

/** Resolves once the adapter has decided `count` deliveries of `key`. */
function decided(key: string, count: number): Promise<Array<{ key: string; first: boolean }>> {
  const mine = () => deliveries.filter((d) => d.key === key);
  return new Promise((resolve) => {
    const check = () => { if (mine().length >= count) { onDelivery = undefined; resolve(mine()); } };
    onDelivery = check;
    check();
  });
}

const metadataOf = (open: { args: Json }) => JSON.parse(open.args.view.private_metadata);

describe("recorded Slack requests replayed through Bolt", () => {
  it("a slash command from a channel opens the intro form for that workspace", async () => {
    const command = recorded("slack", "slash-command");
    expect((await replayCommand(command)).status).toBe(200);
    const open = await fake.waitFor((c) => c.method === "views.open" && c.args.trigger_id === command.trigger_id);
    expect(open.args.view.callback_id).toBe("form:intro");
    expect(metadataOf(open)).toEqual({ channelId: MEETUP, teamId: TEAM });
  });

  it("a view submission saves the intro and posts its card once, however often it is replayed", async () => {
    const submission = recorded("slack", "view-submission");
    expect((await replayInteraction(submission)).status).toBe(200);
    await fake.waitFor((c) => c.method === "chat.postMessage" && c.args.channel === MEETUP && JSON.stringify(c.args.blocks).includes("Backend engineer"));
    expect((await profileOf(bot.store, "slack", TEAM, AKI.id))?.intro.role).toBe("Backend engineer");

    // The same request again (a proxy or Slack resending it): acknowledged, nothing created twice.
    expect((await replayInteraction(submission)).status).toBe(200);
    expect(await decided(`slack:trigger:${submission.trigger_id}`, 2)).toEqual([
      { key: `slack:trigger:${submission.trigger_id}`, first: true },
      { key: `slack:trigger:${submission.trigger_id}`, first: false },
    ]);
    const cards = fake.calls.filter((c) => c.method === "chat.postMessage" && c.args.channel === MEETUP && JSON.stringify(c.args.blocks).includes("Backend engineer"));
    expect(cards).toHaveLength(1);
  });

  it("a button on a channel message opens the form of the workspace its id names", async () => {
    const action = recorded("slack", "block-actions-message");
    await replayInteraction(action);
    const open = await fake.waitFor((c) => c.method === "views.open" && c.args.trigger_id === action.trigger_id);
    expect(metadataOf(open)).toEqual({ channelId: MEETUP, teamId: TEAM });
  });

  it("a button in the bot's DM opens the form with no channel to post into", async () => {
    const action = recorded("slack", "block-actions-dm");
    await replayInteraction(action);
    const open = await fake.waitFor((c) => c.method === "views.open" && c.args.trigger_id === action.trigger_id);
    expect(metadataOf(open)).toEqual({ channelId: null, teamId: TEAM });
  });

  it("a slash command typed in a DM answers the member there and posts no card into the DM", async () => {
    const command = recorded("slack", "slash-command-dm");
    await replayCommand(command);
    const open = await fake.waitFor((c) => c.method === "views.open" && c.args.trigger_id === command.trigger_id);
    expect(metadataOf(open)).toEqual({ channelId: null, teamId: TEAM });
    // Submitted from that modal: the card has no DM to go to (and this workspace names no intro channel).
    const submission = recorded("slack", "view-submission");
    const fromDm = { ...submission, trigger_id: `${submission.trigger_id}-dm`, view: { ...submission.view, private_metadata: open.args.view.private_metadata } };
    const before = fake.calls.length;
    await replayInteraction(fromDm);
    await decided(`slack:trigger:${fromDm.trigger_id}`, 1);
    // The member hears back by DM; no card is posted, in the DM or anywhere.
    await fake.waitFor((c) => c.method === "chat.postMessage" && fake.calls.indexOf(c) >= before);
    const posts = fake.calls.slice(before).filter((c) => c.method === "chat.postMessage");
    expect(posts.some((c) => JSON.stringify(c.args.blocks ?? []).includes("Backend engineer"))).toBe(false);
    expect(posts.every((c) => c.args.channel !== MEETUP && c.args.channel !== DM)).toBe(true);
  });

  it("app_home_opened publishes the member's Home", async () => {
    const event = recorded("slack", "app-home-opened");
    await replayEvent(event);
    const published = await fake.waitFor((c) => c.method === "views.publish" && c.args.user_id === AKI.id);
    expect(published.args.view.type).toBe("home");
  });

  it("team_join, which carries no locale, welcomes the newcomer in the language users.info gives, once even when Slack retries it", async () => {
    const event = recorded("slack", "team-join");
    expect(event.event.user.locale).toBeUndefined();
    await replayEvent(event);
    const info = await fake.waitFor((c) => c.method === "users.info" && c.args.user === HANA.id);
    expect(String(info.args.include_locale)).toBe("true");
    const welcome = await fake.waitFor((c) => c.method === "chat.postMessage" && JSON.stringify(c.args).includes(`<@${HANA.id}>`));
    expect(JSON.stringify(welcome.args.blocks)).toContain("Introduce yourself");

    // Slack delivers the same event again (same event id) with its retry headers.
    await replayEvent(event, { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" });
    expect((await decided(`slack:event:${event.event_id}`, 2)).map((d) => d.first)).toEqual([true, false]);
    expect(fake.calls.filter((c) => c.method === "chat.postMessage" && JSON.stringify(c.args).includes(`<@${HANA.id}>`))).toHaveLength(1);
  });

  it("team_join of someone users.info does not know yet is still welcomed, in the community's language", async () => {
    const event = recorded("slack", "team-join");
    const stranger = { ...event, event_id: "Ev0RPLAYJ02", event: { ...event.event, user: { ...event.event.user, id: "U0RPLAYUNK" } } };
    await replayEvent(stranger);
    const welcome = await fake.waitFor((c) => c.method === "chat.postMessage" && JSON.stringify(c.args).includes("<@U0RPLAYUNK>"));
    expect(JSON.stringify(welcome.args.blocks)).toContain("自己紹介する");
    const problems = bot.problems.splice(0);
    expect(problems.map((p) => p.msg)).toEqual(["users.info failed: welcoming in the community's language"]);
  });

  it("a slash command of an Enterprise Grid workspace belongs to that workspace, not the org", async () => {
    const command = recorded("slack", "slash-command-grid");
    await replayCommand(command);
    const open = await fake.waitFor((c) => c.method === "views.open" && c.args.trigger_id === command.trigger_id);
    expect(metadataOf(open)).toEqual({ channelId: "C0RPLAYGR1", teamId: GRID_TOKYO });
    const communities = await bot.db.community.findMany({ where: { platform: "slack" }, select: { externalId: true } });
    expect(communities.map((c) => c.externalId)).not.toContain("E0RPLAYORG");
    expect(communities.map((c) => c.externalId)).not.toContain("");
  });

  it("an org-wide install's DM button (no team) acts in the workspace its id names when the member belongs there", async () => {
    const action = recorded("slack", "block-actions-grid-dm");
    expect(action.team).toBeNull();
    await replayInteraction(action);
    const open = await fake.waitFor((c) => c.method === "views.open" && c.args.trigger_id === action.trigger_id);
    expect(metadataOf(open)).toEqual({ channelId: null, teamId: GRID_OSAKA });
  });

  it("a button naming a workspace the presser is not in is refused and touches nothing there", async () => {
    const action = recorded("slack", "block-actions-grid-dm");
    const crafted = {
      ...action, trigger_id: `${action.trigger_id}-crafted`,
      actions: [{ ...action.actions[0], action_id: `@${TEAM}:form:intro:0` }],
    };
    await replayInteraction(crafted);
    const refusal = await fake.waitFor((c) => c.method === "response_url" && JSON.stringify(c.args).includes("not a member"));
    expect(JSON.stringify(refusal.args)).toContain("This button belongs to a community you are not a member of.");
    expect(fake.calls.some((c) => c.method === "views.open" && c.args.trigger_id === crafted.trigger_id)).toBe(false);
    const community = await communityOf(bot.store, "slack", TEAM);
    expect(await bot.store.forCommunity(community.id).members.findByPlatformUser(KEN.id)).toBeNull();
  });

  it("requests signed in the future are refused like stale ones, and nothing runs", async () => {
    const command = recorded("slack", "slash-command");
    const now = Math.floor(Date.now() / 1000);
    const future = await replayCommand({ ...command, trigger_id: "future-trigger" }, { timestamp: now + 10 * 60 });
    expect(future.status).toBe(401);
    const stale = await replayCommand({ ...command, trigger_id: "stale-trigger" }, { timestamp: now - 10 * 60 });
    expect(stale.status).toBe(401);
    expect(deliveries.some((d) => d.key.includes("future-trigger") || d.key.includes("stale-trigger"))).toBe(false);
    const problems = bot.problems.splice(0);
    expect(problems.map((p) => p.msg)).toContain("Slack request refused: signed in the future");
  });

  it("a payload cut short is dropped and logged, and the next request is answered", async () => {
    const { payload_prefix_chars: cut, from } = recorded("slack", "block-actions-truncated");
    const whole = JSON.stringify(recorded("slack", from.replace(/\.json$/, "")));
    const body = new URLSearchParams({ payload: whole.slice(0, cut) }).toString();
    const res = await sendSigned(appUrl, SECRET, body, FORM);
    expect(res.status).toBeGreaterThanOrEqual(400);
    const command = recorded("slack", "slash-command");
    const again = { ...command, trigger_id: "after-the-cut" };
    await replayCommand(again);
    await fake.waitFor((c) => c.method === "views.open" && c.args.trigger_id === "after-the-cut");
    bot.problems.splice(0);
  });
});
