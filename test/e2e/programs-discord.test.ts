// Pairing programs end to end on Discord: the real discord.js client against the local fake, the
// real dispatcher, commands, SQLite store, scheduler and round jobs, on a manual clock. An
// organizer creates a mentoring program with its own channel; members join it (one as a mentor);
// its round groups only members one or two seniority levels apart, in its channel, with
// mentoring starters. Bad input is refused clearly and changes nothing.
import { PermissionFlagsBits } from "discord.js";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { MEMBER_PERMISSIONS, slashCommand, type RawCommandOption, type UserInput } from "../fakes/discord-payloads.js";
import type { FakeDiscord, RecordedRequest } from "../fakes/discord.js";
import { type DiscordBot, type TestBot, expectNoProblems, giveIntro, startDiscordBot, unix } from "../support/bot.js";
import { communityOf } from "./support.js";
import { SENIORITY } from "../../src/core/matching/index.js";
import type { Intro } from "../../src/core/profile.js";

/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = any;

const ORGANIZER_PERMISSIONS = String(BigInt(MEMBER_PERMISSIONS) | PermissionFlagsBits.ManageGuild);

// Thursday 2026-11-26 10:00 in Tokyo; the program's rounds are on Tuesdays at 19:00.
const START = "2026-11-26T01:00:00Z";
const ROUND = "2026-12-01T10:00:00Z";

const GUILD = "912000000000000001";
const CH = { general: "912000000000000010", mentoring: "912000000000000030", alumni: "912000000000000040" };
const OWNER = { id: "812000000000000001", username: "owner" };
const users: { user: { id: string; username: string }; seniority: Intro["seniority"] }[] = [
  { user: { id: "812000000000000002", username: "aki" }, seniority: "student" },
  { user: { id: "812000000000000003", username: "ken" }, seniority: "1-3" },
  { user: { id: "812000000000000004", username: "yui" }, seniority: "3-7" },
  { user: { id: "812000000000000005", username: "sora" }, seniority: "7-15" },
  { user: { id: "812000000000000006", username: "rin" }, seniority: "15+" },
  { user: { id: "812000000000000007", username: "mao" }, seniority: "3-7" },
];
const level = (userId: string) => SENIORITY.indexOf(users.find((u) => u.user.id === userId)!.seniority);

let fake: FakeDiscord;
let bot: TestBot;
let running: DiscordBot | undefined;

beforeAll(async () => {
  running = await startDiscordBot(START, {
    guilds: [{
      id: GUILD, name: "Meetup programs", owner_id: OWNER.id,
      channels: [{ id: CH.general, name: "general" }, { id: CH.mentoring, name: "mentoring" }, { id: CH.alumni, name: "alumni" }],
      members: [OWNER, ...users.map((u) => u.user)],
      roles: [],
    }],
  });
  ({ fake, bot } = running);
});
afterAll(() => running?.stop());
afterEach(() => expectNoProblems(bot));

const callbackOf = (p: { id: string; token: string }) =>
  fake.waitFor((r) => r.method === "POST" && r.path === `/interactions/${p.id}/${p.token}/callback`);

function command(user: UserInput, name: string, extra: { subcommandGroup?: string; subcommand?: string; options?: RawCommandOption[]; resolved?: Json }, permissions = MEMBER_PERMISSIONS) {
  return callbackOf(fake.sendInteraction(slashCommand({ guildId: GUILD, channelId: CH.general, user, locale: "ja", permissions, name, ...extra })));
}
const strings = (options: Record<string, string>): RawCommandOption[] => Object.entries(options).map(([name, value]) => ({ name, type: 3, value }));

function programAdd(options: Record<string, string>, channel: string) {
  return command(OWNER, "musubi", {
    subcommandGroup: "pairing", subcommand: "program-add",
    options: [...strings(options), { name: "channel", type: 7, value: channel }],
    resolved: { channels: { [channel]: { id: channel, name: "program", type: 0, permissions: MEMBER_PERMISSIONS } } },
  }, ORGANIZER_PERMISSIONS);
}
const matchJoin = (user: UserInput, options: Record<string, string>) => command(user, "match", { subcommand: "join", options: strings(options) });

const since = (from: number, predicate: (r: RecordedRequest) => boolean) => fake.requests.slice(from).filter(predicate);
const postsTo = (channelId: string) => (r: RecordedRequest) => r.method === "POST" && r.path === `/channels/${channelId}/messages`;
const threadCreations = (channelId: string) => (r: RecordedRequest) => r.method === "POST" && r.path === `/channels/${channelId}/threads`;

async function scoped() {
  return bot.store.forCommunity((await communityOf(bot.store, "discord", GUILD)).id);
}

describe("pairing programs on Discord", () => {
  it("given an organizer creates a mentoring program with its channel then it is listed and its first round is planned", async () => {
    const cb = await programAdd({ name: "mentoring", rule: "mentoring", weekday: "2", hour: "19" }, CH.mentoring);
    expect(cb.body.data.content).toBe("プログラム「mentoring」を作りました。メンバーは /match join program:mentoring で参加できます。");
    const listed = cb.body.data.embeds[0].description as string;
    expect(listed).toContain(`mentoring: メンタリング（先輩と後輩）・<#${CH.mentoring}>・毎週・火曜日 19:00（Asia/Tokyo）・0人・オン`);
    const store = await scoped();
    expect(await store.programs.list()).toMatchObject([{ name: "mentoring", rule: "mentoring", channelId: CH.mentoring, weekday: 2, hour: 19 }]);

    const alumni = await programAdd({ name: "alumni", rule: "within-group", question: "期" }, CH.alumni);
    expect(alumni.body.data.content).toBe("プログラム「alumni」を作りました。メンバーは /match join program:alumni で参加できます。");
  });

  it("given bad input (a name taken, a name with a space, an unknown program, an attribute too long, no attribute) then each is refused clearly and nothing changes", async () => {
    const store = await scoped();
    const taken = await programAdd({ name: "ＭＥＮＴＯＲＩＮＧ", rule: "in-person" }, CH.alumni);
    expect(taken.body.data.content).toBe("「ＭＥＮＴＯＲＩＮＧ」という名前はすでに使われています。別の名前にしてください。");
    const spaced = await programAdd({ name: "book club", rule: "cross-industry" }, CH.alumni);
    expect(spaced.body.data.content).toContain("「book club」には文字・数字・-・_ だけを使ってください");
    expect((await store.programs.list()).map((p) => p.name)).toEqual(["mentoring", "alumni"]);

    const aki = users[0]!.user;
    await giveIntro(bot.store, "discord", GUILD, { id: aki.id, name: aki.username }, { seniority: "student" });
    const unknown = await matchJoin(aki, { program: "reading" });
    expect(unknown.body.data.content).toBe("「reading」というプログラムはありません。あるプログラム: mentoring, alumni");
    const tooLong = await matchJoin(aki, { program: "alumni", attribute: "x".repeat(41) });
    expect(tooLong.body.data.content).toContain("40文字以内");
    const missing = await matchJoin(aki, { program: "alumni" });
    expect(missing.body.data.content).toBe("「alumni」に参加するには、期を答えてください（例: /match join program:alumni attribute:…）。同じ答えの人どうしで組み合わせます。");
    const member = await store.members.findByPlatformUser(aki.id);
    expect(await store.programs.membershipsOf(member!.id)).toEqual([]);
  });

  it("given members join the mentoring program (one as a mentor) then each is told the program's next round", async () => {
    for (const { user, seniority } of users) {
      await giveIntro(bot.store, "discord", GUILD, { id: user.id, name: user.username }, { seniority });
      const cb = await matchJoin(user, { program: "mentoring", ...(user.username === "sora" ? { role: "mentor" } : {}) });
      const as = user.username === "sora" ? "（メンター（先輩））" : "";
      expect(cb.body.data.content).toBe(`プログラム「mentoring」に参加しました${as}。次の回は <t:${unix(ROUND)}:F> です。`);
    }
    const status = await command(users[3]!.user, "match", { subcommand: "status" });
    const fields = status.body.data.embeds[0].fields as Json[];
    expect(fields).toContainEqual({ name: "参加しているプログラム", value: `• mentoring: メンタリング（先輩と後輩）（メンター（先輩））・次の回 <t:${unix(ROUND)}:F>`, inline: false });
    expect(fields.find((f) => f.name === "このコミュニティのプログラム").value).toContain("alumni: グループ内");
  });

  it("given the clock reaches the program's round then its groups are one or two levels apart, announced in its channel, each with mentoring starters", async () => {
    const from = fake.requests.length;
    // The alumni program's first round (Monday 09:00, nobody in it) and the mentoring round.
    expect(await bot.at(ROUND)).toBe(2);
    const store = await scoped();
    const round = await store.pairing.latestMadeRound((await store.programs.byKey("mentoring"))!.id);
    expect(round).toMatchObject({ status: "announced", scheduledAt: new Date(ROUND) });
    const groups = await store.pairing.groups(round!.id);
    expect(groups.length).toBeGreaterThanOrEqual(2);
    for (const group of groups) {
      const ids = group.members.map((m) => m.platformUserId);
      for (const [i, a] of ids.entries()) for (const b of ids.slice(i + 1)) expect([1, 2]).toContain(Math.abs(level(a) - level(b)));
    }
    // The weekly round's channel has nothing: the program speaks in its own.
    const announcements = since(from, postsTo(CH.mentoring));
    expect(announcements).toHaveLength(1);
    expect(announcements[0]!.body.content).toMatch(/^【mentoring】\n今回のペアが決まりました！🎉\n/);
    expect(since(from, threadCreations(CH.mentoring))).toHaveLength(groups.length);
    for (const group of groups) {
      const intro = since(from, postsTo(group.spaceId!))[0]!.body;
      const starters = intro.embeds[0].fields.find((f: Json) => f.name === "話のきっかけ").value as string;
      expect(starters).toContain("の年次のころに知っておきたかったことを聞いてみましょう。");
      expect(starters).toContain("の次の一歩を一緒にひとつ決めてみましょう。");
      // The member who chose mentor is the mentor of their group.
      if (group.members.some((m) => m.displayName === "sora")) expect(starters).toMatch(/^• soraさんに、/);
    }
  });

  it("given an organizer removes the program then members can no longer join it, and its groups stay in the history", async () => {
    const cb = await command(OWNER, "musubi", { subcommandGroup: "pairing", subcommand: "program-remove", options: strings({ name: "mentoring" }) }, ORGANIZER_PERMISSIONS);
    expect(cb.body.data.content).toContain("プログラム「mentoring」を削除しました。これまでの組み合わせはマッチングの履歴に残ります。");
    const store = await scoped();
    expect((await store.programs.list()).map((p) => p.name)).toEqual(["alumni"]);
    expect((await store.pairing.history()).length).toBeGreaterThanOrEqual(2);
    const again = await matchJoin(users[1]!.user, { program: "mentoring" });
    expect(again.body.data.content).toBe("「mentoring」というプログラムはありません。あるプログラム: alumni");
  });
});
