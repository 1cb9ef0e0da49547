// A member's own settings end to end on Slack: a real Bolt app against the fake Web API. Slack
// tells each member's zone (users.info tz) and locale; /settings shows them with where they come
// from, a member's own choice outlives what Slack says, a refused value changes nothing, and a
// group DM of a Japanese and an English speaker carries both languages.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { sendSlashCommand } from "../fakes/slack-payloads.js";
import type { FakeSlack, SlackCall } from "../fakes/slack.js";
import { type TestBot, type SlackBot, expectNoProblems, giveIntro, joinDirectly, startSlackBot, storedRound } from "../support/bot.js";
import { communityOf } from "./support.js";

const SECRET = "settings-e2e-signing-secret";
const START = "2026-11-26T01:00:00Z";
const TEAM = "T0SETTING1";
const PAIR_TEAM = "T0SETPAIR1";
const PAIRING = "C0SETPAIR";

const ADA = { id: "U0SADA001", name: "ada", locale: "ja-JP", is_admin: true, tz: "Asia/Tokyo" };
const AKI = { id: "U0SAKI001", name: "aki", locale: "ja-JP", tz: "Asia/Tokyo" };
const NOA = { id: "U0SNOA001", name: "noa", locale: "en-US", tz: "America/New_York" };
const RIO = { id: "U0SRIO001", name: "rio", locale: "en-US", tz: "Asia/Singapore" };

let fake: FakeSlack;
let bot: TestBot;
let appUrl = "";
let running: SlackBot | undefined;

beforeAll(async () => {
  running = await startSlackBot(START, SECRET, {
    users: [ADA, AKI, NOA, RIO],
    channels: [{ id: "C0GENERAL", name: "general" }, { id: PAIRING, name: "pairing" }],
  });
  ({ fake, bot, appUrl } = running);
});

afterAll(() => running?.stop());

afterEach(() => expectNoProblems(bot));

async function slash(user: { id: string }, team_id: string, command: string, text: string): Promise<SlackCall> {
  const responseUrl = fake.responseUrl();
  const res = await sendSlashCommand(appUrl, SECRET, { command, text, user_id: user.id, team_id, response_url: responseUrl });
  expect(res.status).toBe(200);
  return fake.waitFor((c) => c.method === "response_url" && responseUrl.endsWith(`/${c.id}`));
}

async function memberOf(team: string, user: { id: string }) {
  const community = await communityOf(bot.store, "slack", team);
  return bot.store.forCommunity(community.id).members.findByPlatformUser(user.id);
}

describe("/settings on Slack", () => {
  it("given a member who set nothing runs /settings then their Slack zone and language are shown as Slack's, and the zone is kept on the member", async () => {
    const answer = await slash(NOA, TEAM, "/settings", "");
    expect(answer.args.response_type).toBe("ephemeral");
    const blocks = JSON.stringify(answer.args.blocks);
    expect(blocks).toContain("America/New_York (from Slack)");
    expect(blocks).toContain("English (from Slack)");
    expect(blocks).toContain("Offer and ask notices");
    expect(await memberOf(TEAM, NOA)).toMatchObject({ timeZone: "America/New_York", timeZoneSource: "platform", locale: "en-US", localeSource: "platform" });
  });

  it("given a member sets a zone and a language then both are saved as theirs, the answer is in the new language, and Slack's values no longer replace them", async () => {
    const answer = await slash(NOA, TEAM, "/settings", "time_zone=europe/berlin language=ja");
    expect(answer.args.text).toContain("タイムゾーンを Europe/Berlin にしました。");
    expect(answer.args.text).toContain("これからは日本語でお知らせします。");
    expect(JSON.stringify(answer.args.blocks)).toContain("Europe/Berlin（あなたの設定）");
    expect(await memberOf(TEAM, NOA)).toMatchObject({ timeZone: "Europe/Berlin", timeZoneSource: "member", locale: "ja", localeSource: "member" });

    // Slack still says America/New_York and en-US: the member's own choice stays.
    const again = await slash(NOA, TEAM, "/match", "status");
    expect(JSON.stringify(again.args.blocks)).toContain("あなたのマッチング");
    expect(await memberOf(TEAM, NOA)).toMatchObject({ timeZone: "Europe/Berlin", timeZoneSource: "member", locale: "ja", localeSource: "member" });
  });

  it("given a zone musubi does not know then the member is told how to write one and nothing changes", async () => {
    const before = await memberOf(TEAM, NOA);
    const answer = await slash(NOA, TEAM, "/settings", "time_zone=PST language=en");
    expect(answer.args.text).toBe("実行できませんでした。タイムゾーン: 「PST」はタイムゾーンとして認識できません。地域/都市の形で入力してください（例: Asia/Tokyo、America/New_York）。略称は JST と KST だけ使えます。");
    expect(await memberOf(TEAM, NOA)).toEqual(before);
  });

  it("given auto then the zone and language follow Slack again", async () => {
    const answer = await slash(NOA, TEAM, "/settings", "time_zone=auto language=auto");
    expect(answer.args.text).toContain("Your own time zone is cleared: musubi now uses America/New_York.");
    expect(await memberOf(TEAM, NOA)).toMatchObject({ timeZone: "America/New_York", timeZoneSource: "platform", locale: "en-US", localeSource: "platform" });
  });
});

describe("a pair of two languages on Slack", () => {
  it("given a Japanese and an English speaker are paired then their group DM carries both languages, and the engine weighed their own zones", async () => {
    const community = await communityOf(bot.store, "slack", PAIR_TEAM);
    await bot.store.forCommunity(community.id).pairing.updateSettings({ enabled: true, channelId: PAIRING });
    for (const user of [AKI, RIO]) {
      // A first command makes Slack's zone and locale known, as any member's first use does.
      await slash(user, PAIR_TEAM, "/settings", "");
      const member = await giveIntro(bot.store, "slack", PAIR_TEAM, user, { languages: ["ja", "en"], industry: user === AKI ? "it" : "design" });
      await joinDirectly(bot.store, "slack", PAIR_TEAM, member);
    }
    await slash(ADA, PAIR_TEAM, "/musubi", "pairing run-now");
    const from = fake.calls.length;
    expect(await bot.scheduler.runDue()).toBe(1);

    const { groups } = await storedRound(bot.store, "slack", PAIR_TEAM);
    expect(groups).toHaveLength(1);
    const space = groups[0]!.spaceId!;
    const [intro] = fake.calls.slice(from).filter((c) => c.method === "chat.postMessage" && c.args.channel === space);
    const text = String(intro!.args.text);
    const [japanese, english] = text.split("\n──────────\n");
    expect(japanese).toMatch(/^<@U0S(AKI|RIO)001>さん、<@U0S(AKI|RIO)001>さん、こんにちは！/);
    expect(english).toMatch(/^Hello <@U0S(AKI|RIO)001> and <@U0S(AKI|RIO)001>!/);
    const blocks = JSON.stringify(intro!.args.blocks);
    expect(blocks).toContain("このペアの理由");
    expect(blocks).toContain("Why you two");
    // Tokyo and Singapore: the engine saw each member's own zone (the community's alone would give no such reason).
    expect(blocks).toContain("勤務時間の重なり 8 時間");
    expect(blocks).toContain("8 h of shared working hours");
  });
});
