// Offers and asks end to end on Discord: the real discord.js client against the local fake, the
// real dispatcher, commands, SQLite store, scheduler and outbox (see pairing-support.ts). One
// story told in order: the organizer picks the offers channel, a member offers, another asks and
// answers the offer in a private thread, the author closes it, and the author's data is forgotten.
import { PermissionFlagsBits } from "discord.js";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { forgetOffers } from "../../src/app/offers/forget.js";
import type { RunningDiscord } from "../../src/platforms/discord/adapter.js";
import { MEMBER_PERMISSIONS, buttonPress, modalSubmit, slashCommand, type UserInput } from "../fakes/discord-payloads.js";
import type { FakeDiscord, RecordedRequest } from "../fakes/discord.js";
import { type DiscordBot, type TestBot, expectNoProblems, giveIntro, startDiscordBot } from "../support/bot.js";
import { exchangesOf } from "../support/db.js";
import { communityOf } from "./support.js";
import { readCommunityOfAction } from "../../src/app/action-community.js";

/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = any;

const ORGANIZER_PERMISSIONS = String(BigInt(MEMBER_PERMISSIONS) | PermissionFlagsBits.ManageGuild);
const EPHEMERAL = 64;
const START = "2026-11-26T01:00:00Z";
/** Thirty days after START: the default end of a post. */
const ENDS = Math.floor(new Date("2026-12-26T01:00:00Z").getTime() / 1000);

const GUILD = "951000000000000001";
const GENERAL = "951000000000000010";
const OFFERS = "951000000000000030";

const OWNER = { id: "851000000000000001", username: "owner" };
const ALICE = { id: "851000000000000002", username: "alice" };
const BOB = { id: "851000000000000003", username: "bob" };
const CAROL = { id: "851000000000000004", username: "carol" };

let fake: FakeDiscord;
let bot: TestBot;
let discord: RunningDiscord;

let running: DiscordBot | undefined;

beforeAll(async () => {
  running = await startDiscordBot(START, {
    guilds: [{
      id: GUILD, name: "Meetup offers", owner_id: OWNER.id,
      channels: [{ id: GENERAL, name: "general" }, { id: OFFERS, name: "offers" }],
      members: [OWNER, ALICE, BOB, CAROL],
    }],
  });
  ({ fake, bot, discord } = running);
});

afterAll(() => running?.stop());

afterEach(() => expectNoProblems(bot));

// ---------------------------------------------------------------- helpers

const base = (user: UserInput, locale = "ja", permissions = MEMBER_PERMISSIONS) =>
  ({ guildId: GUILD, channelId: GENERAL, user, locale, permissions });

const callbackOf = (p: { id: string; token: string }) =>
  fake.waitFor((r) => r.method === "POST" && r.path === `/interactions/${p.id}/${p.token}/callback`);

const command = (user: UserInput, name: string, options: Record<string, string> = {}) =>
  callbackOf(fake.sendInteraction(slashCommand({ ...base(user), name, options })));

const submit = (user: UserInput, formId: string, fields: Record<string, string>, contact = "space") =>
  callbackOf(fake.sendInteraction(modalSubmit({
    ...base(user), customId: `form:${formId}:0`, layout: "labels", fields, selects: { contact: [contact] },
  })));

const press = (user: UserInput, customId: string, message: Json = {}) =>
  callbackOf(fake.sendInteraction(buttonPress({ ...base(user), customId, message })));

const buttonsOf = (body: Json) =>
  ((body.components as Json[]) ?? []).flatMap((row) => row.components).map((b: Json) => ({ custom_id: readCommunityOfAction(b.custom_id).actionId, label: b.label }));

const since = (from: number, predicate: (r: RecordedRequest) => boolean) => fake.requests.slice(from).filter(predicate);
const postsTo = (channelId: string) => (r: RecordedRequest) => r.method === "POST" && r.path === `/channels/${channelId}/messages`;
const dmPosts = (r: RecordedRequest) => r.method === "POST" && /^\/channels\/\d+\/messages$/.test(r.path)
  && ![GENERAL, OFFERS].includes(r.path.split("/")[2]!);

async function stored() {
  const community = await communityOf(bot.store, "discord", GUILD);
  const memberOf = async (user: { id: string }) => (await bot.store.forCommunity(community.id).members.findByPlatformUser(user.id))!;
  return { community, memberOf };
}

// ---------------------------------------------------------------- the story

describe("offers and asks on Discord", () => {
  /** The offer's card as posted: its id, content and components, as a button press carries it. */
  let offerCard: Json;
  let offerId = "";

  it("given no offers channel is set then /offer says so and opens nothing", async () => {
    const cb = await command(ALICE, "offer");
    expect(cb.body.type).toBe(4);
    expect(cb.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(cb.body.data.content).toBe("提供と募集のチャンネルがまだ設定されていません。オーガナイザーが /musubi setup offers_channel:#チャンネル で設定できます。");
  });

  it("given an organizer sets the offers channel then /offer opens a Japanese form of five fields", async () => {
    const setup = await callbackOf(fake.sendInteraction(slashCommand({
      ...base(OWNER, "ja", ORGANIZER_PERMISSIONS), name: "musubi", subcommand: "setup",
      options: [{ name: "offers_channel", type: 7, value: OFFERS }],
      resolved: { channels: { [OFFERS]: { id: OFFERS, name: "offers", type: 0, permissions: MEMBER_PERMISSIONS } } },
    })));
    expect(setup.body.data.embeds[0].fields).toContainEqual(expect.objectContaining({ name: "提供と募集のチャンネル", value: `<#${OFFERS}>` }));

    const cb = await command(ALICE, "offer");
    expect(cb.body.type).toBe(9);
    expect(cb.body.data.custom_id).toBe("form:offer:0");
    expect(cb.body.data.title).toBe("提供できること");
    expect((cb.body.data.components as Json[]).map((c) => c.label)).toEqual(["提供できること", "詳細", "タグ", "連絡方法", "受け付ける日数"]);
  });

  it("given a member submits a title with a link and a bad tag then the reasons are listed and nothing is stored or posted", async () => {
    const from = fake.requests.length;
    const cb = await submit(ALICE, "offer", { title: "https://example.com", details: "", tags: "excel, ???", days: "30" });
    expect(cb.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(cb.body.data.content).toBe([
      "提供は投稿されませんでした。次を直してください:",
      "• 提供できることにはリンクを入れられません。リンクは詳細に書いてください。",
      "• タグ: 「???」はタグとして使えません（文字・数字・空白と - + # . のみ）。",
    ].join("\n"));
    expect(since(from, postsTo(OFFERS))).toEqual([]);
    const { community, memberOf } = await stored();
    expect(await bot.store.forCommunity(community.id).offers.ofMember((await memberOf(ALICE)).id, 10)).toEqual([]);
  });

  it("given a member submits an offer then its card is posted in the offers channel with an 'I'm interested' button", async () => {
    const from = fake.requests.length;
    const cb = await submit(ALICE, "offer", { title: "Excel の関数とマクロを教えます", details: "30分オンラインで。", tags: "excel, vba", days: "" });
    expect(cb.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(cb.body.data.content).toBe([
      `提供を <#${OFFERS}> に投稿しました。<t:${ENDS}:F> まで受付中です。`,
      "今のところ合う募集はありません。これを探しているメンバーにお知らせします。",
    ].join("\n"));

    const cards = since(from, postsTo(OFFERS));
    expect(cards).toHaveLength(1);
    const { community, memberOf } = await stored();
    const [post] = await bot.store.forCommunity(community.id).offers.ofMember((await memberOf(ALICE)).id, 10);
    offerId = post!.id;
    expect(post).toMatchObject({ kind: "offer", tags: ["excel", "vba"], contact: "space", status: "open", card: { channelId: OFFERS } });
    offerCard = { id: post!.card!.messageId, ...cards[0]!.body };
    expect(offerCard.content).toBe(`🎁 <@${ALICE.id}>さんが提供しています:`);
    expect(offerCard.embeds[0]).toMatchObject({ title: "Excel の関数とマクロを教えます", description: "30分オンラインで。" });
    expect(offerCard.embeds[0].fields).toContainEqual({ name: "状態", value: `<t:${ENDS}:F> まで受付中`, inline: true });
    expect(buttonsOf(offerCard)).toEqual([{ custom_id: `offer:respond:${offerId}`, label: "興味があります" }]);

    // Nobody asks for it yet: its notice job tells no one.
    expect(await bot.scheduler.runDue()).toBe(1);
    expect(since(from, dmPosts)).toEqual([]);
  });

  it("given another member asks in Japanese for エクセル then they are shown the English-tagged offer and its author is told once by direct message", async () => {
    const from = fake.requests.length;
    const cb = await submit(BOB, "ask", { title: "エクセルで家計簿を作りたい", details: "関数がよくわかりません", tags: "エクセル", days: "14" }, "dm");
    expect(cb.body.data.content).toContain("あなたの募集に合う提供:\n1. 🎁 Excel の関数とマクロを教えます — <@" + ALICE.id + ">");
    expect(buttonsOf(cb.body.data)).toEqual([{ custom_id: `offer:respond:${offerId}`, label: "1. 興味があります" }]);
    expect(since(from, dmPosts)).toEqual([]); // notices go out from a job, after the answer

    expect(await bot.scheduler.runDue()).toBe(1);
    const notices = since(from, dmPosts);
    expect(notices).toHaveLength(1);
    expect(notices[0]!.body.content).toContain(`<@${BOB.id}>さんが、あなたの提供「Excel の関数とマクロを教えます」で力になれそうなことを探しています:「エクセルで家計簿を作りたい」`);
    const { community, memberOf } = await stored();
    const [ask] = await bot.store.forCommunity(community.id).offers.ofMember((await memberOf(BOB)).id, 10);
    expect(buttonsOf(notices[0]!.body)).toEqual([{ custom_id: `offer:respond:${ask!.id}`, label: "力になれます" }]);
    expect(await bot.scheduler.runDue()).toBe(0);
  });

  it("given a member presses 'I'm interested' then a private thread for the two opens, the author is told and the exchange is recorded", async () => {
    const from = fake.requests.length;
    const cb = await press(BOB, `offer:respond:${offerId}`, offerCard);
    expect(cb.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);

    const threads = since(from, (r) => r.method === "POST" && r.path === `/channels/${OFFERS}/threads`);
    expect(threads).toHaveLength(1);
    expect(threads[0]!.body).toMatchObject({ type: 12, invitable: false });
    const added = since(from, (r) => r.method === "PUT" && r.path.includes("/thread-members/")).map((r) => r.path.split("/"));
    const threadId = added[0]![2]!;
    expect(added.map((p) => p[2])).toEqual([threadId, threadId]);
    expect(added.map((p) => p[4]).sort()).toEqual([ALICE.id, BOB.id].sort());
    const hello = since(from, postsTo(threadId));
    expect(hello).toHaveLength(1);
    expect(hello[0]!.body.content).toBe(`<@${BOB.id}>さん、<@${ALICE.id}>さんです。提供「Excel の関数とマクロを教えます」に興味をお持ちですね。musubi がおふたりのための場を開きました。挨拶してみましょう！`);
    expect(cb.body.data.content).toBe(`<@${ALICE.id}>さんにお知らせし、おふたりのためのプライベートな場を開きました: <#${threadId}>`);

    const told = since(from, dmPosts).filter((r) => r.path !== `/channels/${threadId}/messages`);
    expect(told.map((r) => r.body.content)).toEqual([
      `<@${BOB.id}>さんがあなたの提供「Excel の関数とマクロを教えます」に興味を持っています。\n<#${threadId}> で挨拶してみましょう。`,
    ]);

    const { community, memberOf } = await stored();
    const alice = await memberOf(ALICE);
    const bob = await memberOf(BOB);
    expect(await exchangesOf(bot.db, community.id, bob.id)).toEqual([
      expect.objectContaining({ postId: offerId, helperId: alice.id, helpedId: bob.id, spaceId: threadId, title: "Excel の関数とマクロを教えます" }),
    ]);

    // A second press opens nothing new.
    const again = await press(BOB, `offer:respond:${offerId}`, offerCard);
    expect(again.body.data.content).toBe(`この投稿にはすでに応えています。あなたたちの場はこちら: <#${threadId}>`);
    expect(since(from, (r) => r.method === "POST" && r.path === `/channels/${OFFERS}/threads`)).toHaveLength(1);
  });

  it("given the author closes the offer from /offers mine then the card shows it closed without its button and presses are refused", async () => {
    const mine = await command(ALICE, "offers", { query: "mine" });
    expect(mine.body.data.content).toBe(`あなたの提供と募集:\n1. 🎁 Excel の関数とマクロを教えます — <t:${ENDS}:F> まで受付中`);
    expect(buttonsOf(mine.body.data)).toEqual([
      { custom_id: `offer:close:${offerId}`, label: "1 を終了" },
      { custom_id: `offer:extend:${offerId}`, label: "1 を延長" },
    ]);
    // Only the author may close it.
    const refused = await press(CAROL, `offer:close:${offerId}`);
    expect(refused.body.data.content).toBe("投稿したメンバーだけができる操作です。");

    const from = fake.requests.length;
    const closed = await press(ALICE, `offer:close:${offerId}`, { flags: EPHEMERAL, components: mine.body.data.components });
    expect(closed.body.data.content).toBe("「Excel の関数とマクロを教えます」を終了しました。ありがとうございました！");
    const edits = since(from, (r) => r.method === "PATCH" && r.path === `/channels/${OFFERS}/messages/${offerCard.id}`);
    expect(edits).toHaveLength(1);
    expect(edits[0]!.body.embeds[0].title).toBe("終了 · Excel の関数とマクロを教えます");
    expect(edits[0]!.body.embeds[0].fields).toContainEqual({ name: "状態", value: "終了", inline: true });
    expect(edits[0]!.body.components).toEqual([]);

    const late = await press(CAROL, `offer:respond:${offerId}`, offerCard);
    expect(late.body.data.content).toBe("この投稿は終了しました。");
    const search = await command(CAROL, "offers", { query: "excel" });
    expect(search.body.data.content).toBe(`「excel」に合う受付中の提供と募集:\n1. 🙋 エクセルで家計簿を作りたい — <@${BOB.id}> · エクセル`);
  });

  it("given a member's intro says they can offer something then a later ask reaches them by notice", async () => {
    await giveIntro(bot.store, "discord", GUILD, { id: CAROL.id, name: CAROL.username }, { canOffer: ["登壇のフィードバック", "public speaking"] });
    const from = fake.requests.length;
    const cb = await submit(BOB, "ask", { title: "Feedback on my first talk", details: "", tags: "speaking", days: "7" });
    expect(cb.body.data.content).toContain("今のところ合う提供はありません。");
    expect(await bot.scheduler.runDue()).toBe(1);
    const notices = since(from, dmPosts);
    expect(notices.map((r) => r.body.content.split("\n")[0])).toEqual([
      `<@${BOB.id}>さんが、あなたの自己紹介の「提供できること」に合うことを探しています:「Feedback on my first talk」`,
    ]);
  });

  it("given the author's data is forgotten then their card is deleted from the channel and their posts are gone", async () => {
    const { community, memberOf } = await stored();
    const bob = await memberOf(BOB);
    const cards = await bot.store.forCommunity(community.id).offers.cardsOfMember(bob.id);
    expect(cards).toHaveLength(2);
    const from = fake.requests.length;
    expect(await forgetOffers({ store: bot.store.forCommunity(community.id), port: discord.port, log: bot.log }, bob.id)).toBe(2);
    const deletes = since(from, (r) => r.method === "DELETE").map((r) => r.path);
    expect(deletes.sort()).toEqual(cards.map((c) => `/channels/${c.channelId}/messages/${c.messageId}`).sort());
    expect(await bot.store.forCommunity(community.id).offers.ofMember(bob.id, 10)).toEqual([]);
    expect(await exchangesOf(bot.db, community.id, bob.id)).toEqual([]);
    const search = await command(CAROL, "offers");
    expect(search.body.data.content).toBe("受付中の提供や募集はまだありません。/offer で最初の一件をどうぞ。");
  });
});
