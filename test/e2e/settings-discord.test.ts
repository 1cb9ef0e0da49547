// A member's own settings end to end on Discord: the real discord.js client against the local
// fake. /settings sets and shows a member's zone and language (Discord gives no zone: the member
// sets it); a private thread of a Japanese and an English speaker carries both languages; a member
// the round could not place is told why by direct message, in their own language.
import { PermissionFlagsBits } from "discord.js";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { MEMBER_PERMISSIONS, slashCommand, type RawCommandOption, type UserInput } from "../fakes/discord-payloads.js";
import type { FakeDiscord, RecordedRequest } from "../fakes/discord.js";
import { type DiscordBot, type TestBot, expectNoProblems, giveIntro, joinDirectly, startDiscordBot, storedRound } from "../support/bot.js";
import { communityOf } from "./support.js";

/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = any;

const ORGANIZER_PERMISSIONS = String(BigInt(MEMBER_PERMISSIONS) | PermissionFlagsBits.ManageGuild);
const EPHEMERAL = 64;
const START = "2026-11-26T01:00:00Z";

const guildIds = { settings: "951000000000000001", pair: "961000000000000001" } as const;
const channels = (guildId: string) => ({ general: `${guildId.slice(0, 3)}000000000000010`, pairing: `${guildId.slice(0, 3)}000000000000020` });

const OWNER = { id: "851000000000000001", username: "owner" };
const AIKO = { id: "851000000000000002", username: "aiko" };
const KEN = { id: "851000000000000003", username: "ken" };
const LEA = { id: "851000000000000004", username: "lea" };
const everyone = [OWNER, AIKO, KEN, LEA];

let fake: FakeDiscord;
let bot: TestBot;
let running: DiscordBot | undefined;

beforeAll(async () => {
  running = await startDiscordBot(START, {
    guilds: Object.entries(guildIds).map(([key, id]) => ({
      id, name: `Meetup ${key}`, owner_id: OWNER.id,
      channels: [{ id: channels(id).general, name: "general" }, { id: channels(id).pairing, name: "pairing" }],
      members: everyone,
    })),
  });
  ({ fake, bot } = running);
});

afterAll(() => running?.stop());

afterEach(() => expectNoProblems(bot));

interface Who {
  guildId: string;
  user: UserInput;
  locale?: string;
  permissions?: string;
}

function command(who: Who, name: string, extra: { subcommandGroup?: string; subcommand?: string; options?: RawCommandOption[] } = {}) {
  const payload = fake.sendInteraction(slashCommand({
    guildId: who.guildId, channelId: channels(who.guildId).general, user: who.user, locale: who.locale ?? "ja",
    permissions: who.permissions ?? MEMBER_PERMISSIONS, name, ...extra,
  }));
  return fake.waitFor((r) => r.method === "POST" && r.path === `/interactions/${payload.id}/${payload.token}/callback`);
}

const settings = (who: Who, options: Record<string, string> = {}) =>
  command(who, "settings", { options: Object.entries(options).map(([key, value]) => ({ name: key, type: 3, value })) });

const fieldsOf = (body: Json) => Object.fromEntries((body.data.embeds[0].fields as Json[]).map((f) => [f.name, f.value]));

async function memberOf(guildId: string, user: { id: string }) {
  const community = await communityOf(bot.store, "discord", guildId);
  return bot.store.forCommunity(community.id).members.findByPlatformUser(user.id);
}

/** The DM channel of a user, as the fake gives it (the same one the bot posts into). */
async function dmChannelOf(userId: string): Promise<string> {
  const answer = await fetch(`${fake.apiUrl}/v10/users/@me/channels`, {
    method: "POST", headers: { "content-type": "application/json", authorization: "Bot test-token" },
    body: JSON.stringify({ recipient_id: userId }),
  });
  return ((await answer.json()) as { id: string }).id;
}

const since = (from: number, predicate: (r: RecordedRequest) => boolean) => fake.requests.slice(from).filter(predicate);
const postsTo = (channelId: string) => (r: RecordedRequest) => r.method === "POST" && r.path === `/channels/${channelId}/messages`;

describe("/settings on Discord", () => {
  const guildId = guildIds.settings;

  it("given a member who set nothing runs /settings then the community's zone and Discord's language are shown, privately", async () => {
    const answer = await settings({ guildId, user: AIKO, locale: "en-US" });
    expect(answer.body.data.flags).toBe(EPHEMERAL);
    expect(answer.body.data.content).toBe("Change your time zone and language with /settings (e.g. /settings time_zone:America/New_York language:ja).");
    expect(fieldsOf(answer.body)).toMatchObject({
      "Time zone": "Asia/Tokyo (the community's)",
      Language: "English (from Discord)",
      "Offer and ask notices": "on",
      "Reconnect suggestions": "on",
    });
  });

  it("given a member sets their zone and language then they are saved as theirs and shown, whatever Discord's locale says next", async () => {
    const answer = await settings({ guildId, user: AIKO, locale: "en-US" }, { time_zone: "JST", language: "ja" });
    expect(answer.body.data.content).toContain("タイムゾーンを Asia/Tokyo にしました。");
    expect(answer.body.data.content).toContain("これからは日本語でお知らせします。");
    expect(await memberOf(guildId, AIKO)).toMatchObject({ timeZone: "Asia/Tokyo", timeZoneSource: "member", locale: "ja", localeSource: "member" });

    const shown = await settings({ guildId, user: AIKO, locale: "en-US" });
    expect(fieldsOf(shown.body)).toMatchObject({ タイムゾーン: "Asia/Tokyo（あなたの設定）", 言語: "日本語（あなたの設定）" });
  });

  it("given an offset instead of a zone then the refusal gives an example and nothing changes", async () => {
    const before = await memberOf(guildId, AIKO);
    const answer = await settings({ guildId, user: AIKO }, { time_zone: "+09:00" });
    expect(answer.body.data.content).toBe("実行できませんでした。タイムゾーン: 「+09:00」はタイムゾーンとして認識できません。地域/都市の形で入力してください（例: Asia/Tokyo、America/New_York）。略称は JST と KST だけ使えます。");
    expect(await memberOf(guildId, AIKO)).toEqual(before);
  });
});

describe("a round on Discord with members of two languages", () => {
  const guildId = guildIds.pair;
  const ch = channels(guildId);

  it("given a Japanese and an English speaker are paired and a third shares no language then the thread carries both languages and the third is told why", async () => {
    const organizer: Who = { guildId, user: OWNER, permissions: ORGANIZER_PERMISSIONS };
    await settings({ guildId, user: AIKO, locale: "ja" });
    await settings({ guildId, user: KEN, locale: "en-US" }, { time_zone: "Asia/Singapore" });
    await settings({ guildId, user: LEA, locale: "en-US" });
    for (const [user, languages, industry] of [[AIKO, ["ja", "en"], "it"], [KEN, ["en"], "design"], [LEA, ["fr"], "finance"]] as const) {
      const member = await giveIntro(bot.store, "discord", guildId, { id: user.id, name: user.username }, { languages: [...languages], industry });
      await joinDirectly(bot.store, "discord", guildId, member);
    }
    const community = await communityOf(bot.store, "discord", guildId);
    await bot.store.forCommunity(community.id).pairing.updateSettings({ enabled: true, channelId: ch.pairing, headsUp: false });

    const from = fake.requests.length;
    await command(organizer, "musubi", { subcommandGroup: "pairing", subcommand: "run-now" });
    expect(await bot.scheduler.runDue()).toBe(1);

    const { groups } = await storedRound(bot.store, "discord", guildId);
    expect(groups).toHaveLength(1);
    const [intro] = since(from, postsTo(groups[0]!.spaceId!));
    const [japanese, english] = String(intro!.body.content).split("\n──────────\n");
    expect(japanese).toBe(`<@${AIKO.id}>さん、<@${KEN.id}>さん、こんにちは！musubi が今回のペアにしました。今週30分ほど話してみましょう。下で日時を相談してください。`);
    expect(english).toBe(`Hello <@${AIKO.id}> and <@${KEN.id}>! musubi paired you this round. Take 30 minutes this week to talk — suggest a time below.`);
    const embeds = intro!.body.embeds as Json[];
    expect(embeds.map((e) => e.title)).toEqual(["今回のペア: aiko × ken", "You are paired this round: aiko × ken"]);
    // Tokyo (the community's, for aiko) and Singapore (ken's own): an hour apart.
    expect(JSON.stringify(embeds)).toContain("8 h of shared working hours");

    const leaDm = await dmChannelOf(LEA.id);
    expect(since(from, postsTo(leaDm)).map((r) => r.body.content)).toEqual([
      "This round could not place you in a group: nobody else in the pool speaks one of your languages. Adding a language to your intro (/intro) helps the next round find you a partner.",
    ]);
  });
});
