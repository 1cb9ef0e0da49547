// Reconnect suggestions by direct message, through the whole bot on SQLite with console actors:
// two members meet and both want to meet again; four weeks later, on a Tuesday at 10:00 (Tokyo),
// each hears one gentle suggestion with "say hello" and "not now"; nothing more for four weeks;
// a member who turned suggestions off hears none; "say hello" opens a space for the two.
import { afterEach, describe, expect, it } from "vitest";
import type { Actor } from "../../src/app/context.js";
import type { Outcome } from "../../src/app/reply.js";
import { createTestBot, expectNoProblems, giveIntro, joinDirectly, storedRound, type TestBot } from "../support/bot.js";
import { recordingPort } from "../support/recording-port.js";

const START = "2026-11-26T01:00:00Z";
const ROUND = "2026-11-30T00:00:00Z";
const FOLLOW_UP = "2026-12-03T00:00:00Z";
/** The first Tuesday 10:00 JST at least 28 days after the round was announced. */
const FIRST_SUGGESTIONS = "2026-12-29T01:00:00Z";
const COMMUNITY = { externalId: "reconnect-app", name: "Reconnect" };

const bots: TestBot[] = [];
afterEach(async () => {
  for (const bot of bots.splice(0)) {
    expectNoProblems(bot);
    await bot.disconnect();
  }
});

describe("reconnect suggestions", () => {
  it("given two members who both want to meet again, then four weeks later each gets one suggestion, then none for four weeks, and hello opens a space", async () => {
    const bot = createTestBot(START);
    bots.push(bot);
    const { port, sent } = recordingPort();
    bot.connect(port);
    const actor = (userId: string): Actor => ({
      platform: "console", community: COMMUNITY, userId, displayName: userId, locale: "en", isOrganizer: userId === "organizer", channelId: "general",
    });
    const text = (outcome: Outcome) => (outcome.type === "reply" ? outcome.reply.text : `(form ${outcome.form.formId})`);
    const press = async (userId: string, actionId: string) => text(await bot.musubi.action(port, actor(userId), actionId));

    const aiko = await giveIntro(bot.store, "console", COMMUNITY.externalId, { id: "aiko", name: "aiko" }, { industry: "it" });
    const ken = await giveIntro(bot.store, "console", COMMUNITY.externalId, { id: "ken", name: "ken" }, { industry: "design" });
    const yui = await giveIntro(bot.store, "console", COMMUNITY.externalId, { id: "yui", name: "yui" }, { industry: "medical" });
    const sho = await giveIntro(bot.store, "console", COMMUNITY.externalId, { id: "sho", name: "sho" }, { industry: "finance" });
    for (const member of [aiko, ken, yui, sho]) await joinDirectly(bot.store, "console", COMMUNITY.externalId, member);
    await bot.musubi.command(port, actor("organizer"), { name: "musubi", subcommand: "pairing settings", options: { channel: "pairing", enabled: "on", heads_up: "off" } });
    await bot.at(ROUND);
    await bot.at(FOLLOW_UP);
    // Only the members of one group are due a suggestion: the other group's members never answered.
    await bot.musubi.command(port, actor("organizer"), { name: "musubi", subcommand: "pairing settings", options: { enabled: "off" } });
    const { groups } = await storedRound(bot.store, "console", COMMUNITY.externalId, "2026-11-30");
    const group = groups.find((g) => g.members.some((m) => m.memberId === aiko.id))!;
    const other = group.members.find((m) => m.memberId !== aiko.id)!;
    for (const id of [aiko.id, other.memberId]) {
      const userId = id === aiko.id ? "aiko" : other.platformUserId;
      await press(userId, `match:followup:${group.id}:in_person`);
      await press(userId, `network:again:${group.id}:yes`);
    }

    const dmsBefore = sent.filter((s) => s.kind === "dm").length;
    await bot.at("2026-12-28T23:00:00Z");
    expect(sent.filter((s) => s.kind === "dm")).toHaveLength(dmsBefore);
    await bot.at(FIRST_SUGGESTIONS);
    const suggestions = sent.filter((s) => s.kind === "dm").slice(dmsBefore);
    expect(suggestions.map((s) => s.channelId).sort()).toEqual([`dm-aiko`, `dm-${other.platformUserId}`].sort());
    const toAiko = suggestions.find((s) => s.channelId === "dm-aiko")!;
    expect(toAiko.message.text).toBe([
      "🌱 A gentle suggestion from musubi:",
      `<@${other.platformUserId}>: you both said you would like to meet again.`,
      "These come at most once every few weeks. To stop them, type /network suggestions:off.",
    ].join("\n"));
    expect(toAiko.message.buttons?.map((b) => b.actionId)).toEqual([`network:hello:${other.memberId}`, `network:notnow:${other.memberId}`]);

    // The week after: nobody hears another one.
    await bot.at("2027-01-05T01:00:00Z");
    expect(sent.filter((s) => s.kind === "dm").slice(dmsBefore)).toHaveLength(2);

    // Say hello: a space for the two, with how they met.
    const hello = await press("aiko", `network:hello:${other.memberId}`);
    expect(hello).toBe(`A space for you and <@${other.platformUserId}> is open: <#space-aiko-${other.platformUserId}>.`);
    const opening = sent.filter((s) => s.channelId === `space-aiko-${other.platformUserId}`).at(-1)!;
    expect(opening.message.text).toMatch(/^<@aiko>さんが<@\w+>さんに再会の挨拶をしています。前回は2026-11-30T00:00:00.000Zのマッチング（対面で会えた）でした。/);
  });
});
