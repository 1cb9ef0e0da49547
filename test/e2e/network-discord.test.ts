// The network end to end on Discord: a weekly round in which two members meet, say they would
// like to meet again and thank each other (the thanks form is a real modal), then /network,
// /my-data with its JSON file, and the organizer's /musubi stats and /musubi network with their
// PNG pictures attached — all through the real discord.js client against the local fake.
import { PermissionFlagsBits } from "discord.js";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { MEMBER_PERMISSIONS, buttonPress, modalSubmit, slashCommand, type RawCommandOption, type UserInput } from "../fakes/discord-payloads.js";
import type { FakeDiscord, RecordedFile, RecordedRequest } from "../fakes/discord.js";
import { type DiscordBot, type TestBot, expectNoProblems, giveIntro, joinDirectly, startDiscordBot, storedRound } from "../support/bot.js";
import { readCommunityOfAction } from "../../src/app/action-community.js";

/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = any;

const EPHEMERAL = 64;
const ORGANIZER_PERMISSIONS = String(BigInt(MEMBER_PERMISSIONS) | PermissionFlagsBits.ManageGuild);
// Thursday 2026-11-26 10:00 in Tokyo; the round is Monday 09:00 JST, its follow-up three days later.
const START = "2026-11-26T01:00:00Z";
const ROUND = "2026-11-30T00:00:00Z";
const FOLLOW_UP = "2026-12-03T00:00:00Z";

const GUILD = "951000000000000001";
const GENERAL = "951000000000000010";
const PAIRING = "951000000000000020";
const OWNER = { id: "851000000000000001", username: "owner" };
const AIKO = { id: "851000000000000002", username: "aiko" };
const KEN = { id: "851000000000000003", username: "ken" };
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

let fake: FakeDiscord;
let bot: TestBot;
let running: DiscordBot | undefined;

beforeAll(async () => {
  running = await startDiscordBot(START, {
    guilds: [{
      id: GUILD, name: "Network meetup", owner_id: OWNER.id,
      channels: [{ id: GENERAL, name: "general" }, { id: PAIRING, name: "pairing" }],
      members: [OWNER, AIKO, KEN],
    }],
  });
  ({ fake, bot } = running);
});

afterAll(() => running?.stop());
afterEach(() => expectNoProblems(bot));

interface Who { user: UserInput; channelId?: string; permissions?: string; locale?: string }
const base = (who: Who) => ({
  guildId: GUILD, channelId: who.channelId ?? GENERAL, user: who.user, locale: who.locale ?? "ja", permissions: who.permissions ?? MEMBER_PERMISSIONS,
});
const organizer: Who = { user: OWNER, permissions: ORGANIZER_PERMISSIONS };

/** The interaction's answer: its callback, or the deferred reply's edit when the work took longer. */
async function answerOf(p: { id: string; token: string }): Promise<{ data: Json; files: RecordedFile[]; type: number }> {
  const cb = await fake.waitFor((r) => r.method === "POST" && r.path === `/interactions/${p.id}/${p.token}/callback`);
  if (cb.body.type !== 5) return { data: cb.body.data, files: cb.files, type: cb.body.type };
  const edit = await fake.waitFor((r) => r.method === "PATCH" && r.path.endsWith(`/${p.token}/messages/@original`));
  return { data: edit.body, files: edit.files, type: 5 };
}
const command = (who: Who, name: string, extra: { subcommandGroup?: string; subcommand?: string; options?: RawCommandOption[]; resolved?: Json } = {}) =>
  answerOf(fake.sendInteraction(slashCommand({ ...base(who), name, ...extra })));
const press = (who: Who, customId: string, message: Json = {}) => answerOf(fake.sendInteraction(buttonPress({ ...base(who), customId, message })));
const buttonsOf = (data: Json) => ((data.components as Json[]) ?? []).flatMap((row) => row.components).map((b: Json) => ({ custom_id: readCommunityOfAction(b.custom_id).actionId, label: b.label }));
const since = (from: number, predicate: (r: RecordedRequest) => boolean) => fake.requests.slice(from).filter(predicate);
const dmPosts = (r: RecordedRequest) => r.method === "POST" && /^\/channels\/\d+\/messages$/.test(r.path) && r.path !== `/channels/${GENERAL}/messages` && r.path !== `/channels/${PAIRING}/messages`;

describe("the network on Discord", () => {
  let groupId = "";
  let threadId = "";
  const ids: Record<string, string> = {};

  it("given two members paired for a week, when both answer they met and would like to meet again, then both are told they are a mutual connection", async () => {
    const aiko = await giveIntro(bot.store, "discord", GUILD, { id: AIKO.id, name: "aiko" }, { industry: "it", canOffer: ["code review"], lookingFor: ["design"] });
    const ken = await giveIntro(bot.store, "discord", GUILD, { id: KEN.id, name: "ken" }, { industry: "design", canOffer: ["design"], lookingFor: ["code review"] });
    ids.aiko = aiko.id;
    ids.ken = ken.id;
    await joinDirectly(bot.store, "discord", GUILD, aiko);
    await joinDirectly(bot.store, "discord", GUILD, ken);
    await command(organizer, "musubi", {
      subcommandGroup: "pairing", subcommand: "settings",
      options: [{ name: "channel", type: 7, value: PAIRING }, { name: "enabled", type: 3, value: "on" }, { name: "heads_up", type: 3, value: "off" }],
      resolved: { channels: { [PAIRING]: { id: PAIRING, name: "pairing", type: 0, permissions: MEMBER_PERMISSIONS } } },
    });
    await bot.at(ROUND);
    await bot.at(FOLLOW_UP);
    const { groups } = await storedRound(bot.store, "discord", GUILD, "2026-11-30");
    expect(groups).toHaveLength(1);
    groupId = groups[0]!.id;
    threadId = groups[0]!.spaceId!;

    const first = await press({ user: AIKO, channelId: threadId }, `match:followup:${groupId}:in_person`);
    expect(first.data.content).toBe("ありがとうございます！記録しました: 対面で会えた\nこの人（たち）とまた会いたいですか？");
    expect(buttonsOf(first.data)).toContainEqual({ custom_id: `network:again:${groupId}:yes`, label: "また会いたい" });
    expect((await press({ user: AIKO, channelId: threadId }, `network:again:${groupId}:yes`)).data.content)
      .toBe("記録しました。相手も同じ気持ちなら、おふたりにお知らせします。");

    await press({ user: KEN, channelId: threadId, locale: "en-US" }, `match:followup:${groupId}:online`);
    const from = fake.requests.length;
    const mutual = await press({ user: KEN, channelId: threadId, locale: "en-US" }, `network:again:${groupId}:yes`);
    expect(mutual.data.content).toBe(`🔁 You and <@${AIKO.id}> both said you would like to meet again. Weekly pairing may bring you together again after a while, and /network lets you say hello any time.`);
    expect(since(from, dmPosts).map((r) => r.body.content)).toEqual([
      `🔁 <@${KEN.id}>さんとお互いに「また会いたい」と答えました。しばらくしたら、毎週のマッチングで再び組まれることがあります。/network でいつでも声をかけられます。`,
    ]);
    const stored = await storedRound(bot.store, "discord", GUILD, "2026-11-30");
    expect(stored.groups[0]!.members.map((m) => m.meetAgain)).toEqual([true, true]);
  });

  it("given the thank-you button, then a modal opens, and its one line reaches the other by direct message, once", async () => {
    const modal = await press({ user: KEN, channelId: threadId }, `network:thank:pairing:${groupId}:${ids.aiko}`);
    expect(modal.type).toBe(9);
    expect(modal.data.custom_id).toBe("form:thanks:0");
    const from = fake.requests.length;
    const submit = (line: string) => answerOf(fake.sendInteraction(modalSubmit({
      ...base({ user: KEN, channelId: threadId }), customId: "form:thanks:0", layout: "labels", fields: { message: line },
    })));
    expect((await submit("コードレビューの話、助かりました")).data.content).toBe(`<@${AIKO.id}>さんにお礼を届けました。`);
    expect(since(from, dmPosts).map((r) => r.body.content)).toEqual([`🙏 <@${KEN.id}>さんからお礼が届きました:「コードレビューの話、助かりました」`]);
    await press({ user: KEN, channelId: threadId }, `network:thank:pairing:${groupId}:${ids.aiko}`);
    expect((await submit("もう一度")).data.content).toBe(`このときのお礼は、もう<@${AIKO.id}>さんに届いています。`);
  });

  it("given a member who was not in the group, then they cannot thank for it", async () => {
    const refused = await press({ user: OWNER }, `network:thank:pairing:${groupId}:${ids.aiko}`);
    expect(refused.data.content).toBe("お礼は、一緒にマッチングされた人か、提供・募集でやりとりした人に送れます。");
  });

  it("given /network, then only the member sees whom they met, how, the mutual wish and the thanks", async () => {
    const answer = await command({ user: AIKO }, "network");
    expect(answer.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(answer.data.content.split("\n")).toEqual([
      "🤝 musubi でつながった人: 1人（新しい順）",
      "あなたが力になった回数: 0回 · 受け取った感謝: 1件",
      `<@${KEN.id}>さん — 1回、最後は<t:${Date.parse(ROUND) / 1000}:F> · 🔁 お互いにまた会いたい · 🙏 感謝 受け取り1・送信0`,
      `   – <t:${Date.parse(ROUND) / 1000}:F>のマッチング（対面で会えた）`,
    ]);
    const withKen = await command({ user: AIKO }, "network", {
      options: [{ name: "member", type: 6, value: KEN.id }],
      resolved: { users: { [KEN.id]: { id: KEN.id, username: "ken", discriminator: "0", avatar: null, global_name: null } } },
    });
    expect(withKen.data.content).toContain(`<@${KEN.id}>さんとの出会い: 1回`);
  });

  it("given /my-data, then the summary comes with a JSON file of everything kept", async () => {
    const answer = await command({ user: KEN, locale: "en-US" }, "my-data");
    expect(answer.data.content).toContain("Thanks: 1 sent · 0 received");
    expect(answer.files.map((f) => f.filename)).toEqual(["musubi-my-data-2026-12-03.json"]);
    const data = JSON.parse(answer.files[0]!.data.toString("utf8"));
    expect(data.pairings).toEqual([expect.objectContaining({ with: ["aiko"], answer: "online", meetAgain: true })]);
    expect(data.thanksSent).toEqual([expect.objectContaining({ to: "aiko", message: "コードレビューの話、助かりました" })]);
  });

  it("given /musubi stats and /musubi network, then the organizer gets the figures and PNG pictures; a member is refused", async () => {
    const stats = await command(organizer, "musubi", { subcommand: "stats", options: [{ name: "weeks", type: 4, value: 4 }] });
    // Deferred at once: the figures of a large community take seconds to gather.
    expect(stats.type).toBe(5);
    expect(stats.data.content).toContain("会えた割合: 100%（対面1 · オンライン0）");
    expect(stats.data.content).toContain("また会いたい: 100% · お互いに: 1組");
    expect(stats.files.map((f) => f.filename)).toEqual(["musubi-funnel-2026-12-03.png", "musubi-trend-2026-12-03.png"]);
    for (const file of stats.files) expect([...file.data.subarray(0, 8)]).toEqual(PNG_SIGNATURE);

    const drawing = await command(organizer, "musubi", { subcommand: "network" });
    expect(drawing.data.content).toContain("自己紹介したメンバー全員が、誰かとつながっています。");
    expect(drawing.files.map((f) => f.filename)).toEqual(["musubi-network-2026-12-03.png"]);
    expect(drawing.files[0]!.size).toBeGreaterThan(1000);

    const refused = await command({ user: AIKO }, "musubi", { subcommand: "stats" });
    expect(refused.data.content).toBe("/musubi stats はオーガナイザーだけが使えるコマンドです。必要なときは、このコミュニティのオーガナイザーに頼んでください。");
    expect(refused.files).toEqual([]);
  });

  it("given a monthly report in #general, then on the 1st at 10:00 its figures and three PNGs are posted there", async () => {
    const set = await command(organizer, "musubi", {
      subcommand: "report", options: [{ name: "channel", type: 7, value: GENERAL }],
      resolved: { channels: { [GENERAL]: { id: GENERAL, name: "general", type: 0, permissions: MEMBER_PERMISSIONS } } },
    });
    expect(set.data.content).toBe(`毎月のレポートを <#${GENERAL}> に投稿します。次回は<t:${Date.parse("2027-01-01T01:00:00Z") / 1000}:F>です。`);
    await bot.at("2026-12-31T23:00:00Z");
    const from = fake.requests.length;
    await bot.at("2027-01-01T01:00:00Z");
    const [report] = since(from, (r) => r.method === "POST" && r.path === `/channels/${GENERAL}/messages`);
    expect(report!.body.content.split("\n")[0]).toBe("📊 月次レポート（2026/12/01からの1か月）");
    expect(report!.files.map((f) => f.filename)).toEqual(["musubi-funnel-2027-01-01.png", "musubi-trend-2027-01-01.png", "musubi-network-anonymous-2027-01-01.png"]);
    for (const file of report!.files) expect([...file.data.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
  });
});
