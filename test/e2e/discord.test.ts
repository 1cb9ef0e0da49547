// musubi end to end on Discord: the real discord.js client, the real dispatcher, commands and
// SQLite store, against the local fake of Discord's REST API and gateway. Each scenario uses a
// guild (community) of its own, so scenarios do not see each other's settings or profiles.
import { GatewayIntentBits, PermissionFlagsBits } from "discord.js";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startDiscord, type RunningDiscord } from "../../src/platforms/discord/adapter.js";
import {
  MEMBER_PERMISSIONS,
  buttonPress,
  modalSubmit,
  slashCommand,
  type InteractionPayload,
  type RawCommandOption,
  type UserInput,
} from "../fakes/discord-payloads.js";
import { startFakeDiscord, type FakeDiscord, type RecordedRequest } from "../fakes/discord.js";
import { createTestBot, type TestBot } from "../support/bot.js";
import { communityOf, describeProblems, profileOf } from "./support.js";
import { readCommunityOfAction } from "../../src/app/action-community.js";

/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = any;

const ORGANIZER_PERMISSIONS = String(BigInt(MEMBER_PERMISSIONS) | PermissionFlagsBits.ManageGuild);
const EPHEMERAL = 64;

// One guild per scenario, each with the same kinds of channels.
const guildIds = {
  intro: "910000000000000001",
  invalid: "920000000000000001",
  setup: "930000000000000001",
  welcome: "940000000000000001",
  system: "950000000000000001",
  dm: "960000000000000001",
  profile: "970000000000000001",
} as const;
const channels = (guildId: string) => ({
  general: `${guildId.slice(0, 3)}000000000000010`,
  intros: `${guildId.slice(0, 3)}000000000000011`,
  welcome: `${guildId.slice(0, 3)}000000000000012`,
});

const OWNER = { id: "810000000000000001", username: "owner" };
const ALICE = { id: "810000000000000002", username: "alice" };
const BOB = { id: "810000000000000003", username: "bob" };
const CAROL = { id: "810000000000000004", username: "carol" };
const DAVE = { id: "810000000000000005", username: "dave" };
const ERIN = { id: "810000000000000006", username: "erin" };
const GRACE = { id: "810000000000000008", username: "grace" };
const HENRY = { id: "810000000000000009", username: "henry" };
const IVAN = { id: "810000000000000010", username: "ivan" };

const page0 = {
  selects: { industry: ["it"], seniority: ["3-7"] },
  fields: { role: "Backend engineer", canOffer: "code review, 面接練習", lookingFor: "デザインのメンター" },
};
const page1 = {
  selects: { languages: ["ja", "en"], meetingPreference: ["in_person"] },
  fields: { interests: "Rust, 登山", city: "大阪", bio: "Rust で決済基盤を作っています。" },
};

let fake: FakeDiscord;
let bot: TestBot;
let discord: RunningDiscord;

beforeAll(async () => {
  fake = await startFakeDiscord({
    guilds: Object.entries(guildIds).map(([name, id]) => ({
      id,
      name: `Meetup ${name}`,
      owner_id: OWNER.id,
      channels: [
        { id: channels(id).general, name: "general" },
        { id: channels(id).intros, name: "intros" },
        { id: channels(id).welcome, name: "welcome" },
      ],
      members: [OWNER, ALICE, BOB, CAROL, DAVE, ERIN, GRACE, HENRY],
    })),
  });
  bot = createTestBot();
  discord = await startDiscord({
    config: { token: "test-token", applicationId: fake.applicationId, apiUrl: fake.apiUrl },
    musubi: bot.musubi,
    log: bot.log,
  });
});

afterAll(async () => {
  await discord?.stop();
  await fake?.close();
  await bot?.store.disconnect();
});

afterEach(() => {
  // The adapter logs and swallows a failed interaction: a user would see nothing at all.
  const problems = bot.problems.splice(0);
  expect(problems, describeProblems(problems)).toEqual([]);
});

// ---------------------------------------------------------------- helpers

interface Who {
  guildId: string;
  channelId: string;
  user: UserInput;
  locale: string;
  permissions?: string;
}

const base = (who: Who) => ({
  guildId: who.guildId, channelId: who.channelId, user: who.user, locale: who.locale,
  permissions: who.permissions ?? MEMBER_PERMISSIONS,
});

/** The bot's first answer to an interaction (the interaction callback). */
const callbackOf = (p: InteractionPayload) =>
  fake.waitFor((r) => r.method === "POST" && r.path === `/interactions/${p.id}/${p.token}/callback`);

const channelPosts = (channelId?: string) =>
  fake.requests.filter((r) => r.method === "POST" && /^\/channels\/\d+\/messages$/.test(r.path) &&
    (channelId === undefined || r.path === `/channels/${channelId}/messages`));

/** The labelled components of a modal callback: label text, component type, custom id. */
const modalFields = (cb: RecordedRequest) =>
  (cb.body.data.components as Json[]).map((c) => ({ type: c.type, label: c.label, kind: c.component.type, id: c.component.custom_id }));

const buttonsOf = (data: Json) =>
  (data.components as Json[] ?? []).flatMap((row) => row.components).map((b: Json) => ({ custom_id: readCommunityOfAction(b.custom_id).actionId, label: b.label }));

async function runCommand(who: Who, name: string, extra: { subcommand?: string; options?: RawCommandOption[]; resolved?: Json } = {}) {
  const p = fake.sendInteraction(slashCommand({ ...base(who), name, ...extra }));
  return callbackOf(p);
}

async function submitPage(who: Who, page: 0 | 1, values: { selects: Record<string, string[]>; fields: Record<string, string> }) {
  const p = fake.sendInteraction(modalSubmit({ ...base(who), customId: `form:intro:${page}`, layout: "labels", ...values }));
  return callbackOf(p);
}

async function press(who: Who, customId: string, message: Json = {}) {
  const p = fake.sendInteraction(buttonPress({ ...base(who), customId, message }));
  return callbackOf(p);
}

/** Page 1, Continue, page 2: the whole intro as a member goes through it. Returns the last answer. */
async function completeIntro(who: Who, first = page0, second = page1) {
  const saved = await submitPage(who, 0, first);
  expect(saved.body.type).toBe(4);
  const modal = await press(who, "form:intro:1", { flags: EPHEMERAL, components: saved.body.data.components });
  expect(modal.body.type).toBe(9);
  return submitPage(who, 1, second);
}

const channelOption = (name: string, id: string): RawCommandOption => ({ name, type: 7, value: id });
const resolvedChannels = (...ids: string[]) => ({
  channels: Object.fromEntries(ids.map((id) => [id, { id, name: "channel", type: 0, permissions: MEMBER_PERMISSIONS }])),
});

// ---------------------------------------------------------------- scenarios

describe("musubi on Discord", () => {
  it("given the bot logs in then IDENTIFY asks for the Guilds and GuildMembers intents", async () => {
    const identify = await fake.waitForIdentify();
    expect(identify.token).toBe("test-token");
    expect(identify.intents & GatewayIntentBits.Guilds).toBe(GatewayIntentBits.Guilds);
    expect(identify.intents & GatewayIntentBits.GuildMembers).toBe(GatewayIntentBits.GuildMembers);
  });

  it("given a Japanese member runs /intro then a Japanese modal of 5 labelled fields opens", async () => {
    const ch = channels(guildIds.intro);
    const cb = await runCommand({ guildId: guildIds.intro, channelId: ch.general, user: ALICE, locale: "ja" }, "intro");
    expect(cb.body.type).toBe(9);
    expect(cb.body.data.custom_id).toBe("form:intro:0");
    expect(cb.body.data.title).toBe("自己紹介（1/2）");
    expect(modalFields(cb)).toEqual([
      { type: 18, label: "業界", kind: 3, id: "industry" },
      { type: 18, label: "職種・役割", kind: 4, id: "role" },
      { type: 18, label: "経験年数", kind: 3, id: "seniority" },
      { type: 18, label: "提供できること", kind: 4, id: "canOffer" },
      { type: 18, label: "求めていること", kind: 4, id: "lookingFor" },
    ]);
    const industry = cb.body.data.components[0].component;
    expect(industry.options.map((o: Json) => o.label)).toContain("IT・ソフトウェア");
  });

  it("given an English member runs /intro then the modal is in English", async () => {
    const ch = channels(guildIds.intro);
    const cb = await runCommand({ guildId: guildIds.intro, channelId: ch.general, user: HENRY, locale: "en-US" }, "intro");
    expect(cb.body.type).toBe(9);
    expect(cb.body.data.title).toBe("Introduce yourself (1/2)");
    expect(modalFields(cb).map((f) => f.label)).toEqual(["Industry", "Role", "Experience", "What I can offer", "What I am looking for"]);
  });

  it("given a member fills both pages then the card is posted in the channel, confirmed privately and stored", async () => {
    const ch = channels(guildIds.intro);
    const alice: Who = { guildId: guildIds.intro, channelId: ch.general, user: ALICE, locale: "ja" };
    const postsBefore = channelPosts().length;

    const saved = await submitPage(alice, 0, page0);
    expect(saved.body.type).toBe(4);
    expect(saved.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(saved.body.data.content).toContain("ステップ 1/2 を保存しました");
    expect(buttonsOf(saved.body.data)).toEqual([{ custom_id: "form:intro:1", label: "続ける" }]);
    expect(channelPosts()).toHaveLength(postsBefore); // nothing posted before the last page

    const modal = await press(alice, "form:intro:1", { flags: EPHEMERAL, components: saved.body.data.components });
    expect(modal.body.type).toBe(9);
    expect(modal.body.data.custom_id).toBe("form:intro:1");
    expect(modal.body.data.title).toBe("自己紹介（2/2）");
    expect(modalFields(modal)).toEqual([
      { type: 18, label: "興味・関心", kind: 4, id: "interests" },
      { type: 18, label: "話せる言語", kind: 3, id: "languages" },
      { type: 18, label: "活動エリア（都市）", kind: 4, id: "city" },
      { type: 18, label: "会い方の希望", kind: 3, id: "meetingPreference" },
      { type: 18, label: "ひとこと自己紹介", kind: 4, id: "bio" },
    ]);
    expect(modal.body.data.components[1].component.max_values).toBeGreaterThan(1); // languages: several

    const done = await submitPage(alice, 1, page1);
    const post = await fake.waitFor((r) => r.method === "POST" && r.path === `/channels/${ch.general}/messages`);
    expect(post.status).toBe(200);
    expect(post.body.content).toBe(`<@${ALICE.id}>さんの自己紹介`);
    const embed = post.body.embeds[0];
    expect(embed.title).toBe("alice");
    expect(embed.description).toBe("Rust で決済基盤を作っています。");
    expect(embed.fields).toEqual(expect.arrayContaining([
      { name: "業界", value: "IT・ソフトウェア", inline: true },
      { name: "職種・役割", value: "Backend engineer", inline: true },
      { name: "提供できること", value: "code review, 面接練習", inline: false },
      { name: "活動エリア（都市）", value: "大阪", inline: true },
    ]));

    expect(done.body.type).toBe(4);
    expect(done.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(done.body.data.content).toBe(`aliceさん、ありがとうございます！自己紹介を <#${ch.general}> に投稿しました。次は /match join で毎週のマッチングに参加するか、/offers でメンバーの提供と募集をのぞいてみましょう。`);

    const profile = await profileOf(bot.store, "discord", guildIds.intro, ALICE.id);
    expect(profile?.intro).toMatchObject({
      industry: "it", role: "Backend engineer", seniority: "3-7", canOffer: ["code review", "面接練習"],
      lookingFor: ["デザインのメンター"], interests: ["Rust", "登山"], languages: ["ja", "en"], city: "大阪",
      meetingPreference: "in_person",
    });
    const message = fake.messages.get(ch.general)?.find((m) => m.id === profile?.card?.messageId);
    expect(profile?.card).toEqual({ channelId: ch.general, messageId: message?.id });
  });

  it("given a member introduces themselves again then the form is prefilled and the card is edited in place", async () => {
    const ch = channels(guildIds.intro);
    const alice: Who = { guildId: guildIds.intro, channelId: ch.general, user: ALICE, locale: "ja" };
    const before = await profileOf(bot.store, "discord", guildIds.intro, ALICE.id);
    expect(before?.card).toBeTruthy();
    const postsBefore = channelPosts().length;

    const modal = await runCommand(alice, "intro");
    expect(modal.body.type).toBe(9);
    const [industry, role] = modal.body.data.components as Json[];
    expect(role.component.value).toBe("Backend engineer");
    expect(industry.component.options.filter((o: Json) => o.default).map((o: Json) => o.value)).toEqual(["it"]);

    const done = await completeIntro(alice, { ...page0, fields: { ...page0.fields, role: "Staff engineer" } });
    const edit = await fake.waitFor((r) => r.method === "PATCH" && r.path === `/channels/${ch.general}/messages/${before!.card!.messageId}`);
    expect(edit.status).toBe(200);
    expect(edit.body.embeds[0].fields).toContainEqual({ name: "職種・役割", value: "Staff engineer", inline: true });
    expect(done.body.data.content).toBe(`<#${ch.general}> の自己紹介を更新しました。`);
    expect(done.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);

    expect(channelPosts()).toHaveLength(postsBefore); // edited, not posted twice
    expect(fake.messages.get(ch.general)).toHaveLength(1);
    const after = await profileOf(bot.store, "discord", guildIds.intro, ALICE.id);
    expect(after?.intro.role).toBe("Staff engineer");
    expect(after?.card).toEqual(before?.card);
  });

  it("given a Japanese member leaves the role empty then a Japanese list of problems with a fix button comes back and nothing is saved", async () => {
    const ch = channels(guildIds.invalid);
    const bob: Who = { guildId: guildIds.invalid, channelId: ch.general, user: BOB, locale: "ja" };
    const postsBefore = channelPosts().length;

    const cb = await submitPage(bob, 0, { ...page0, fields: { ...page0.fields, role: "" } });
    expect(cb.body.type).toBe(4);
    expect(cb.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(cb.body.data.content).toBe("自己紹介は保存されていません。次の点を直してください:\n• 職種・役割は必須です。");
    expect(buttonsOf(cb.body.data)).toEqual([{ custom_id: "form:intro:0", label: "入力を直す" }]);

    // "Fix" reopens page 1 as the member left it.
    const modal = await press(bob, "form:intro:0", { flags: EPHEMERAL, components: cb.body.data.components });
    expect(modal.body.type).toBe(9);
    expect(modal.body.data.components[3].component.value).toBe("code review, 面接練習");

    expect(await profileOf(bot.store, "discord", guildIds.invalid, BOB.id)).toBeNull();
    expect(channelPosts()).toHaveLength(postsBefore);
  });

  it("given an English member writes a too-long bio then English problems come back and nothing is posted or saved", async () => {
    const ch = channels(guildIds.invalid);
    const carol: Who = { guildId: guildIds.invalid, channelId: ch.general, user: CAROL, locale: "en-US" };
    const postsBefore = channelPosts().length;

    const cb = await completeIntro(carol, page0, { ...page1, fields: { ...page1.fields, bio: "x".repeat(301) } });
    expect(cb.body.type).toBe(4);
    expect(cb.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(cb.body.data.content).toBe("Your introduction was not saved. Please fix:\n• Short bio must be at most 300 characters.");
    expect(buttonsOf(cb.body.data)).toEqual([{ custom_id: "form:intro:1", label: "Fix my answers" }]);

    expect(await profileOf(bot.store, "discord", guildIds.invalid, CAROL.id)).toBeNull();
    expect(channelPosts()).toHaveLength(postsBefore);
  });

  it("given a member without Manage Server runs /musubi setup then it is refused in their language and nothing changes", async () => {
    const ch = channels(guildIds.setup);
    const cb = await runCommand({ guildId: guildIds.setup, channelId: ch.general, user: DAVE, locale: "ja" }, "musubi", {
      subcommand: "setup", options: [channelOption("intro_channel", ch.intros)], resolved: resolvedChannels(ch.intros),
    });
    expect(cb.body.type).toBe(4);
    expect(cb.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(cb.body.data.content).toBe("/musubi setup はオーガナイザーだけが使えるコマンドです。必要なときは、このコミュニティのオーガナイザーに頼んでください。");
    expect((await communityOf(bot.store, "discord", guildIds.setup)).introChannelId).toBeNull();
  });

  it("given an organizer sets the intro channel then it is saved and the next card goes to that channel", async () => {
    const ch = channels(guildIds.setup);
    const cb = await runCommand(
      { guildId: guildIds.setup, channelId: ch.general, user: OWNER, locale: "en-US", permissions: ORGANIZER_PERMISSIONS },
      "musubi",
      { subcommand: "setup", options: [channelOption("intro_channel", ch.intros)], resolved: resolvedChannels(ch.intros) },
    );
    expect(cb.body.type).toBe(4);
    expect(cb.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(cb.body.data.content).toBe("Settings saved.");
    expect(cb.body.data.embeds[0].fields).toContainEqual({ name: "Introductions channel", value: `<#${ch.intros}>`, inline: false });
    expect((await communityOf(bot.store, "discord", guildIds.setup)).introChannelId).toBe(ch.intros);

    const erin: Who = { guildId: guildIds.setup, channelId: ch.general, user: ERIN, locale: "ja" };
    const done = await completeIntro(erin);
    const post = await fake.waitFor((r) => r.method === "POST" && r.path === `/channels/${ch.intros}/messages`);
    expect(post.body.content).toBe(`<@${ERIN.id}>さんの自己紹介`);
    expect(done.body.data.content).toContain(`<#${ch.intros}>`);
    expect(channelPosts(ch.general)).toHaveLength(0);
  });

  it("given a welcome channel is set when a member joins then they are greeted there with a button that opens the intro form", async () => {
    const ch = channels(guildIds.welcome);
    const setup = await runCommand(
      { guildId: guildIds.welcome, channelId: ch.general, user: OWNER, locale: "ja", permissions: ORGANIZER_PERMISSIONS },
      "musubi",
      { subcommand: "setup", options: [channelOption("welcome_channel", ch.welcome)], resolved: resolvedChannels(ch.welcome) },
    );
    expect(setup.body.data.content).toBe("設定を保存しました。");

    const newcomer = { id: "810000000000000101", username: "newcomer" };
    fake.memberJoin(guildIds.welcome, newcomer);
    const post = await fake.waitFor((r) => r.method === "POST" && r.path === `/channels/${ch.welcome}/messages`);
    expect(post.status).toBe(200);
    expect(post.body.content).toBe(`Meetup welcome へようこそ、<@${newcomer.id}>さん！まずは下のボタンか /intro で自己紹介をしてみましょう。自己紹介がすんだら、/match join で毎週のマッチングに参加できます。`);
    expect(buttonsOf(post.body)).toEqual([{ custom_id: "form:intro:0", label: "自己紹介する" }]);

    // The newcomer reads English: the button opens the form in their language.
    const modal = await press({ guildId: guildIds.welcome, channelId: ch.welcome, user: newcomer, locale: "en-US" }, "form:intro:0", post.body);
    expect(modal.body.type).toBe(9);
    expect(modal.body.data.title).toBe("Introduce yourself (1/2)");
  });

  it("given no welcome channel is set when a member joins then they are greeted in the server's system channel", async () => {
    const ch = channels(guildIds.system);
    // The guild's system channel, as Discord announces a change of it.
    fake.dispatch("GUILD_UPDATE", { id: guildIds.system, system_channel_id: ch.welcome });
    const newcomer = { id: "810000000000000102", username: "newcomer2" };
    fake.memberJoin(guildIds.system, newcomer);
    const post = await fake.waitFor((r) => r.method === "POST" && r.path === `/channels/${ch.welcome}/messages`);
    expect(post.body.content).toContain(`<@${newcomer.id}>`);
    expect(buttonsOf(post.body)).toEqual([{ custom_id: "form:intro:0", label: "自己紹介する" }]);
  });

  it("given no channel to greet in when a member joins then they are welcomed by direct message", async () => {
    const newcomer = { id: "810000000000000103", username: "newcomer3" };
    fake.memberJoin(guildIds.dm, newcomer);
    await fake.waitFor((r) => r.method === "POST" && r.path === "/users/@me/channels" && r.body?.recipient_id === newcomer.id);
    const post = await fake.waitFor((r) => r.method === "POST" && /^\/channels\/\d+\/messages$/.test(r.path) &&
      String(r.body?.content).includes(`<@${newcomer.id}>`));
    const guildChannelPaths = Object.values(channels(guildIds.dm)).map((id) => `/channels/${id}/messages`);
    expect(guildChannelPaths).not.toContain(post.path);
    expect(post.status).toBe(200);
    expect(buttonsOf(post.body)).toEqual([{ custom_id: "form:intro:0", label: "自己紹介する" }]);
  });

  it("given a member has an introduction then /profile of them shows their card privately in the reader's language", async () => {
    const ch = channels(guildIds.profile);
    await completeIntro({ guildId: guildIds.profile, channelId: ch.general, user: GRACE, locale: "ja" });
    await fake.waitFor((r) => r.method === "POST" && r.path === `/channels/${ch.general}/messages`);

    const cb = await runCommand({ guildId: guildIds.profile, channelId: ch.general, user: HENRY, locale: "en-US" }, "profile", {
      options: [{ name: "member", type: 6, value: GRACE.id }],
      resolved: { users: { [GRACE.id]: { id: GRACE.id, username: GRACE.username, discriminator: "0", global_name: GRACE.username, avatar: null } } },
    });
    expect(cb.body.type).toBe(4);
    expect(cb.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    const embed = cb.body.data.embeds[0];
    expect(embed.title).toBe("grace");
    expect(embed.fields).toContainEqual({ name: "Role", value: "Backend engineer", inline: true });
    expect(embed.fields).toContainEqual({ name: "Industry", value: "IT / Software", inline: true });
  });

  it("given a member has no introduction then /profile of them says so in the reader's language", async () => {
    const ch = channels(guildIds.profile);
    const ja = await runCommand({ guildId: guildIds.profile, channelId: ch.general, user: HENRY, locale: "ja" }, "profile", {
      options: [{ name: "member", type: 6, value: IVAN.id }],
    });
    expect(ja.body.data.content).toBe(`<@${IVAN.id}>さんはまだ自己紹介をしていません。`);
    expect(ja.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(ja.body.data.embeds).toEqual([]);

    const en = await runCommand({ guildId: guildIds.profile, channelId: ch.general, user: HENRY, locale: "en-US" }, "profile", {
      options: [{ name: "member", type: 6, value: IVAN.id }],
    });
    expect(en.body.data.content).toBe(`<@${IVAN.id}> has not introduced themselves yet.`);
  });
});
