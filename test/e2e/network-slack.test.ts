// The network end to end on Slack: an offer answered, the author's thank-you sent from a real
// modal and delivered by direct message, /network showing who helped whom, and the organizer's
// /musubi stats whose pictures are uploaded to their direct messages — through a real Bolt app
// against the local fake of Slack's Web API.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { sendBlockAction, sendSlashCommand, sendViewSubmission } from "../fakes/slack-payloads.js";
import type { FakeSlack, SlackCall } from "../fakes/slack.js";
import { type SlackBot, type TestBot, expectNoProblems, giveIntro, startSlackBot } from "../support/bot.js";
import { communityOf } from "./support.js";
import { readCommunityOfAction } from "../../src/app/action-community.js";

/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = any;

const SECRET = "network-e2e-signing-secret";
const TEAM = "T0NETWRK1";
const GENERAL = "C0GENERAL";
const OFFERS = "C0OFFERS1";
const START = "2026-11-26T01:00:00Z";
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const ADA = { id: "U0ADA0001", name: "ada", locale: "ja-JP", is_admin: true };
const AKI = { id: "U0AKI0001", name: "aki", locale: "ja-JP" };
const BEN = { id: "U0BEN0001", name: "ben", locale: "en-US" };

let fake: FakeSlack;
let bot: TestBot;
let appUrl = "";
let triggers = 0;
let running: SlackBot | undefined;

beforeAll(async () => {
  running = await startSlackBot(START, SECRET, {
    users: [ADA, AKI, BEN],
    channels: [{ id: GENERAL, name: "general" }, { id: OFFERS, name: "offers" }],
  });
  ({ fake, bot, appUrl } = running);
});

afterAll(() => running?.stop());
afterEach(() => expectNoProblems(bot));

async function slash(user: { id: string }, command: string, text = "", trigger_id?: string): Promise<SlackCall> {
  const responseUrl = fake.responseUrl();
  const res = await sendSlashCommand(appUrl, SECRET, {
    command, text, user_id: user.id, team_id: TEAM, channel_id: GENERAL, response_url: responseUrl, ...(trigger_id ? { trigger_id } : {}),
  });
  expect(res.status).toBe(200);
  return fake.waitFor((c) => c.method === "response_url" && responseUrl.endsWith(`/${c.id}`));
}

async function press(user: { id: string }, message: SlackCall, action_id: string, trigger_id?: string): Promise<void> {
  const res = await sendBlockAction(appUrl, SECRET, {
    user_id: user.id, team_id: TEAM, action_id, channel_id: message.response.channel, response_url: fake.responseUrl(),
    ...(trigger_id ? { trigger_id } : {}),
    message: { ts: message.response.ts, text: message.args.text, blocks: message.args.blocks },
  });
  expect(res.status).toBe(200);
}

const buttonsIn = (blocks: Json[]) =>
  blocks.filter((b) => b.type === "actions").flatMap((b) => b.elements).map((e: Json) => ({ action_id: readCommunityOfAction(e.action_id).actionId, text: e.text.text }));
const since = (from: number, predicate: (c: SlackCall) => boolean) => fake.calls.slice(from).filter(predicate);

describe("the network on Slack", () => {
  it("given an offer answered, when its author thanks the helper through the modal, then the thanks arrives by DM and both networks show it", async () => {
    await giveIntro(bot.store, "slack", TEAM, { id: AKI.id, name: "aki" });
    await giveIntro(bot.store, "slack", TEAM, { id: BEN.id, name: "ben" });
    const community = await communityOf(bot.store, "slack", TEAM);
    await bot.store.forCommunity(community.id).settings.update({ offersChannelId: OFFERS });

    const trigger = `trigger-network-${++triggers}`;
    await sendSlashCommand(appUrl, SECRET, { command: "/offer", user_id: AKI.id, team_id: TEAM, channel_id: GENERAL, trigger_id: trigger });
    const view = (await fake.waitFor((c) => c.method === "views.open" && c.args.trigger_id === trigger)).args.view;
    const text = (id: string, value: string) => ({ [id]: { [id]: { type: "plain_text_input", value } } });
    await sendViewSubmission(appUrl, SECRET, {
      user_id: AKI.id, team_id: TEAM, callback_id: view.callback_id, private_metadata: view.private_metadata,
      values: {
        ...text("title", "Excel のマクロを教えます"), ...text("details", ""), ...text("tags", "excel"), ...text("days", "30"),
        contact: { contact: { type: "static_select", selected_option: { text: { type: "plain_text", text: "space" }, value: "space" } } },
      },
    });
    const card = await fake.waitFor((c) => c.method === "chat.postMessage" && c.args.channel === OFFERS);
    const [respond] = buttonsIn(card.args.blocks);

    const from = fake.calls.length;
    await press(BEN, card, respond!.action_id);
    // The author's DM carries a thank-you button for the one who answered.
    const told = await fake.waitFor((c) => c.method === "chat.postMessage" && String(c.args.text).includes("興味を持っています") && c.args.channel !== OFFERS);
    const thank = buttonsIn(told.args.blocks).find((b) => b.text === "benさんにお礼を送る");
    expect(thank?.action_id).toMatch(/^network:thank:exchange:\w+:\w+$/);

    const modalTrigger = `trigger-network-${++triggers}`;
    await press(AKI, told, thank!.action_id, modalTrigger);
    const modal = (await fake.waitFor((c) => c.method === "views.open" && c.args.trigger_id === modalTrigger)).args.view;
    expect(modal.callback_id).toBe("form:thanks");
    const beforeThanks = fake.calls.length;
    await sendViewSubmission(appUrl, SECRET, {
      user_id: AKI.id, team_id: TEAM, callback_id: modal.callback_id, private_metadata: modal.private_metadata,
      values: text("message", "Thank you for the great questions!"),
    });
    const thanks = await fake.waitFor((c) => c.method === "chat.postMessage" && String(c.args.text).startsWith("🙏"));
    expect(thanks.args.text).toBe(`🙏 <@${AKI.id}> says thank you: “Thank you for the great questions!”`);
    expect(since(beforeThanks, (c) => c.method === "chat.postMessage" && String(c.args.text).startsWith("🙏"))).toHaveLength(1);
    expect(since(from, (c) => c.method === "chat.postMessage" && c.args.channel === GENERAL)).toEqual([]);

    const benNetwork = await slash(BEN, "/network");
    expect(benNetwork.args.response_type).toBe("ephemeral");
    expect(benNetwork.args.text).toContain(`<@${AKI.id}> — 1 times`);
    expect(benNetwork.args.text).toContain("thanks received 1 · sent 0");
    expect(benNetwork.args.text).toMatch(/– helped you with “Excel のマクロを教えます”, <!date\^\d+\^/);
    const akiNetwork = await slash(AKI, "/network");
    expect(akiNetwork.args.text).toMatch(/– <!date\^\d+\^[^>]+>「Excel のマクロを教えます」で力になった$/m);
    expect(akiNetwork.args.text).toContain("あなたが力になった回数: 1回 · 受け取った感謝: 0件");
    // The helper's card says so, to everyone who looks.
    const profile = await slash(BEN, "/profile", `<@${AKI.id}>`);
    expect(JSON.stringify(profile.args.blocks)).toContain("*Giving*\\nhelped 1 times · thanked 0 times");
  });

  it("given /network suggestions off, then the member's choice is kept and said", async () => {
    const answer = await slash(BEN, "/network", "suggestions=off");
    expect(answer.args.text).toBe("No more reconnect suggestions by direct message. /network still shows them.");
    const community = await communityOf(bot.store, "slack", TEAM);
    const ben = await bot.store.forCommunity(community.id).members.findByPlatformUser(BEN.id);
    expect((await bot.store.forCommunity(community.id).network.preference(ben!.id)).suggestions).toBe(false);
  });

  it("given a workspace admin runs /musubi stats, then the figures are the reply and the two pictures are uploaded to their DM", async () => {
    const from = fake.calls.length;
    const answer = await slash(ADA, "/musubi", "stats");
    expect(answer.args.text).toContain("助け合い: 1件 · お礼: 1件");
    expect(answer.args.text).toContain("musubi-funnel-2026-11-26.png, musubi-trend-2026-11-26.png");
    const uploads = since(from, (c) => c.method === "upload");
    expect(uploads).toHaveLength(2);
    for (const upload of uploads) expect([...(upload.args as Json).body.data.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    const [completed] = since(from, (c) => c.method === "files.completeUploadExternal");
    expect((completed!.args as Json).files.map((f: Json) => f.title)).toEqual(["musubi-funnel-2026-11-26.png", "musubi-trend-2026-11-26.png"]);
  });
});
