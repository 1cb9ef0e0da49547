// Offers and asks end to end on Slack: a real Bolt app (HTTP receiver, signed requests) against
// the local fake of the Web API, the real dispatcher, commands, SQLite store, scheduler and outbox
// (see pairing-support.ts). One story told in order: an admin picks the offers channel, a
// Japanese member offers, an English member asks and answers the offer in a group DM, the author
// closes it, and the author's data is forgotten.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { forgetOffers } from "../../src/app/offers/forget.js";
import type { RunningSlack } from "../../src/platforms/slack/adapter.js";
import { sendBlockAction, sendSlashCommand, sendViewSubmission } from "../fakes/slack-payloads.js";
import type { FakeSlack, SlackCall } from "../fakes/slack.js";
import { type TestBot, type SlackBot, expectNoProblems, startSlackBot, unix } from "../support/bot.js";
import { exchangesOf } from "../support/db.js";
import { communityOf } from "./support.js";
import { readCommunityOfAction } from "../../src/app/action-community.js";

/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = any;

const SECRET = "offers-e2e-signing-secret";
const TEAM = "T0OFFERS1";
const GENERAL = "C0GENERAL";
const OFFERS = "C0OFFERS1";
const START = "2026-11-26T01:00:00Z";

const ADA = { id: "U0ADA0001", name: "ada", locale: "ja-JP", is_admin: true };
const AKI = { id: "U0AKI0001", name: "aki", locale: "ja-JP" };
const BEN = { id: "U0BEN0001", name: "ben", locale: "en-US" };

let fake: FakeSlack;
let bot: TestBot;
let slack: RunningSlack;
let appUrl = "";
let triggers = 0;

let running: SlackBot | undefined;

beforeAll(async () => {
  running = await startSlackBot(START, SECRET, {
    users: [ADA, AKI, BEN],
    channels: [{ id: GENERAL, name: "general" }, { id: OFFERS, name: "offers" }],
  });
  ({ fake, bot, slack, appUrl } = running);
});

afterAll(() => running?.stop());

afterEach(() => expectNoProblems(bot));

// ---------------------------------------------------------------- helpers

async function slash(user: { id: string }, command: string, text: string): Promise<SlackCall> {
  const responseUrl = fake.responseUrl();
  const res = await sendSlashCommand(appUrl, SECRET, { command, text, user_id: user.id, team_id: TEAM, channel_id: GENERAL, response_url: responseUrl });
  expect(res.status).toBe(200);
  return fake.waitFor((c) => c.method === "response_url" && responseUrl.endsWith(`/${c.id}`));
}

/** Runs /offer or /ask and returns the modal the bot opened. */
async function openForm(user: { id: string }, command: "/offer" | "/ask"): Promise<Json> {
  const trigger_id = `trigger-offers-${++triggers}`;
  const res = await sendSlashCommand(appUrl, SECRET, { command, user_id: user.id, team_id: TEAM, channel_id: GENERAL, trigger_id });
  expect(res.status).toBe(200);
  return (await fake.waitFor((c) => c.method === "views.open" && c.args.trigger_id === trigger_id)).args.view;
}

interface PostAnswers { title: string; details?: string; tags: string; contact?: string; days?: string }

/** Submits the form; resolves with Slack's HTTP answer (the ack). */
async function submitForm(user: { id: string }, view: Json, answers: PostAnswers) {
  const text = (id: string, value: string | undefined) => ({ [id]: { [id]: { type: "plain_text_input", value: value ?? null } } });
  const res = await sendViewSubmission(appUrl, SECRET, {
    user_id: user.id, team_id: TEAM, callback_id: view.callback_id, private_metadata: view.private_metadata,
    values: {
      ...text("title", answers.title), ...text("details", answers.details), ...text("tags", answers.tags), ...text("days", answers.days),
      contact: { contact: { type: "static_select", selected_option: answers.contact ? { text: { type: "plain_text", text: answers.contact }, value: answers.contact } : null } },
    },
  });
  expect(res.status).toBe(200);
  return res.text();
}

async function press(user: { id: string }, post: SlackCall, action_id: string): Promise<SlackCall> {
  const responseUrl = fake.responseUrl();
  const res = await sendBlockAction(appUrl, SECRET, {
    user_id: user.id, team_id: TEAM, action_id, channel_id: post.response.channel, response_url: responseUrl,
    message: { ts: post.response.ts, text: post.args.text, blocks: post.args.blocks },
  });
  expect(res.status).toBe(200);
  return fake.waitFor((c) => c.method === "response_url" && responseUrl.endsWith(`/${c.id}`));
}

const buttonsIn = (blocks: Json[]) =>
  blocks.filter((b) => b.type === "actions").flatMap((b) => b.elements).map((e: Json) => ({ action_id: readCommunityOfAction(e.action_id).actionId, text: e.text.text }));
const since = (from: number, predicate: (c: SlackCall) => boolean) => fake.calls.slice(from).filter(predicate);
const postsTo = (channel: string) => (c: SlackCall) => c.method === "chat.postMessage" && c.args.channel === channel;
const directPosts = (c: SlackCall) => c.method === "chat.postMessage" && /^D/.test(String(c.response?.channel));
const ephemeralTo = (user: { id: string }) => (c: SlackCall) => c.method === "chat.postEphemeral" && c.args.user === user.id;

async function stored() {
  const community = await communityOf(bot.store, "slack", TEAM);
  const memberOf = async (user: { id: string }) => (await bot.store.forCommunity(community.id).members.findByPlatformUser(user.id))!;
  return { community, memberOf };
}

const END = `<!date^${unix("2026-12-26T01:00:00Z")}^{date_short_pretty} {time}|2026-12-26 10:00 (Asia/Tokyo)>`;

// ---------------------------------------------------------------- the story

describe("offers and asks on Slack", () => {
  let card: SlackCall;
  let offerId = "";

  it("given an admin sets the offers channel then /offer opens one modal of five fields in the member's language", async () => {
    const setup = await slash(ADA, "/musubi", `setup offers_channel=<#${OFFERS}|offers>`);
    expect(JSON.stringify(setup.args.blocks)).toContain(`*提供と募集のチャンネル*\\n<#${OFFERS}>`);

    const view = await openForm(AKI, "/offer");
    expect(view.callback_id).toBe("form:offer");
    expect(view.blocks.map((b: Json) => b.label.text)).toEqual(["提供できること", "詳細", "タグ", "連絡方法", "受け付ける日数"]);
    const english = await openForm(BEN, "/ask");
    expect(english.blocks.map((b: Json) => b.label.text)).toEqual(["What you are looking for", "Details", "Tags", "How to reach out", "Open for how many days"]);
  });

  it("given bad answers then the modal shows the reasons beside the fields and nothing is stored or posted", async () => {
    const view = await openForm(AKI, "/offer");
    const from = fake.calls.length;
    const answer = await submitForm(AKI, view, { title: "Hi", tags: "キャリア, <b>", details: "ftp://example.com", days: "0" });
    expect(JSON.parse(answer)).toEqual({
      response_action: "errors",
      errors: {
        title: "提供できることは3文字以上で入力してください。",
        details: "詳細: リンクは https:// から始まる形で省略せずに書いてください。",
        tags: "タグ: 「<b>」はタグとして使えません（文字・数字・空白と - + # . のみ）。",
        days: "受け付ける日数は1以上にしてください。",
      },
    });
    expect(since(from, postsTo(OFFERS))).toEqual([]);
    const { community, memberOf } = await stored();
    expect(await bot.store.forCommunity(community.id).offers.ofMember((await memberOf(AKI)).id, 10)).toEqual([]);
  });

  it("given a Japanese member offers then the card goes to the offers channel and they are told privately", async () => {
    const view = await openForm(AKI, "/offer");
    expect(await submitForm(AKI, view, {
      title: "営業からプロダクトマネージャーへの転職体験を話します", details: "30分、オンラインで。", tags: "キャリア, プロダクト", contact: "space",
    })).toBe("");
    card = await fake.waitFor(postsTo(OFFERS));
    // The modal closed at once; the answer follows once the card is posted and stored.
    const confirm = await fake.waitFor(ephemeralTo(AKI));
    expect(confirm.args.text).toContain(`提供を <#${OFFERS}> に投稿しました。`);
    const { community, memberOf } = await stored();
    const [post] = await bot.store.forCommunity(community.id).offers.ofMember((await memberOf(AKI)).id, 10);
    offerId = post!.id;
    expect(post!.card).toEqual({ channelId: OFFERS, messageId: card.response.ts });
    expect(card.args.text).toBe(`🎁 <@${AKI.id}>さんが提供しています:`);
    expect(JSON.stringify(card.args.blocks)).toContain(`*状態*\\n${END} まで受付中`);
    expect(buttonsIn(card.args.blocks)).toEqual([{ action_id: `offer:respond:${offerId}`, text: "興味があります" }]);
    expect(await bot.scheduler.runDue()).toBe(1);
  });

  it("given an English member asks for someone who moved from sales to product then the Japanese offer is shown and its author told in Japanese", async () => {
    const view = await openForm(BEN, "/ask");
    const from = fake.calls.length;
    expect(await submitForm(BEN, view, { title: "Someone who has moved from sales to product", tags: "career", contact: "dm", days: "14" })).toBe("");
    const confirm = await fake.waitFor(ephemeralTo(BEN));
    expect(confirm.args.text).toContain(`Offers that fit your ask:\n1. 🎁 営業からプロダクトマネージャーへの転職体験を話します — <@${AKI.id}>`);
    expect(buttonsIn(confirm.args.blocks)).toEqual([{ action_id: `offer:respond:${offerId}`, text: "1. I'm interested" }]);

    expect(await bot.scheduler.runDue()).toBe(1);
    const notices = since(from, directPosts);
    expect(notices).toHaveLength(1);
    expect(notices[0]!.response.channel).toBe((await fake.waitFor((c) => c.method === "conversations.open" && c.args.users === AKI.id)).response.channel.id);
    expect(notices[0]!.args.text).toContain(`<@${BEN.id}>さんが、あなたの提供「営業からプロダクトマネージャーへの転職体験を話します」で力になれそうなことを探しています`);
  });

  it("given the member presses 'I'm interested' then a group DM for the two opens, the author is told and the exchange is recorded", async () => {
    const from = fake.calls.length;
    const answer = await press(BEN, card, `offer:respond:${offerId}`);
    const opened = since(from, (c) => c.method === "conversations.open" && String(c.args.users).includes(","));
    expect(opened).toHaveLength(1);
    expect(String(opened[0]!.args.users).split(",").sort()).toEqual([AKI.id, BEN.id].sort());
    const groupDm = opened[0]!.response.channel.id as string;
    const hello = since(from, postsTo(groupDm));
    expect(hello).toHaveLength(1);
    expect(hello[0]!.args.text).toBe(`<@${BEN.id}>さん、<@${AKI.id}>さんです。提供「営業からプロダクトマネージャーへの転職体験を話します」に興味をお持ちですね。musubi がおふたりのための場を開きました。挨拶してみましょう！`);
    expect(answer.args.text).toBe(`Done! <@${AKI.id}> is told, and a private space for you two is open: <#${groupDm}>.`);
    expect(since(from, directPosts).map((c) => c.args.text)).toEqual([
      `<@${BEN.id}>さんがあなたの提供「営業からプロダクトマネージャーへの転職体験を話します」に興味を持っています。\n<#${groupDm}> で挨拶してみましょう。`,
    ]);
    const { community, memberOf } = await stored();
    expect(await exchangesOf(bot.db, community.id, (await memberOf(AKI)).id)).toEqual([expect.objectContaining({
      postId: offerId, helperId: (await memberOf(AKI)).id, helpedId: (await memberOf(BEN)).id, spaceId: groupDm,
    })]);
  });

  it("given the author closes the offer then the card is updated to closed without its button", async () => {
    const mine = await slash(AKI, "/offers", "mine");
    expect(buttonsIn(mine.args.blocks)).toEqual([
      { action_id: `offer:close:${offerId}`, text: "1 を終了" },
      { action_id: `offer:extend:${offerId}`, text: "1 を延長" },
    ]);
    const from = fake.calls.length;
    const answer = await press(AKI, card, `offer:close:${offerId}`);
    expect(answer.args.text).toBe("「営業からプロダクトマネージャーへの転職体験を話します」を終了しました。ありがとうございました！");
    const updates = since(from, (c) => c.method === "chat.update" && c.args.ts === card.response.ts);
    expect(updates).toHaveLength(1);
    expect(updates[0]!.args.channel).toBe(OFFERS);
    expect(JSON.stringify(updates[0]!.args.blocks)).toContain("*状態*\\n終了");
    expect(buttonsIn(updates[0]!.args.blocks)).toEqual([]);

    const late = await press(BEN, card, `offer:respond:${offerId}`);
    expect(late.args.text).toBe("This post is closed.");
    const search = await slash(BEN, "/offers", "sales product");
    expect(search.args.text).toBe(`Open offers and asks for “sales product”:\n1. 🙋 Someone who has moved from sales to product — <@${BEN.id}> · career`);
  });

  it("given the author's data is forgotten then the card is deleted with chat.delete", async () => {
    const { community, memberOf } = await stored();
    const aki = await memberOf(AKI);
    const from = fake.calls.length;
    expect(await forgetOffers({ store: bot.store.forCommunity(community.id), port: slack.port, log: bot.log }, aki.id)).toBe(1);
    expect(since(from, (c) => c.method === "chat.delete").map((c) => [c.args.channel, c.args.ts])).toEqual([[OFFERS, card.response.ts]]);
    expect(await bot.store.forCommunity(community.id).offers.ofMember(aki.id, 10)).toEqual([]);
    expect(await exchangesOf(bot.db, community.id, (await memberOf(BEN)).id)).toEqual([]);
  });
});
