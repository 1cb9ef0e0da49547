// The network's deletion story through the whole bot (dispatcher, commands, jobs, store) on
// SQLite with console actors: two members are paired by the weekly job, meet, both say they would
// like to meet again, thank each other, say "not now" and set their suggestion switch; then one
// deletes their data. Nothing of theirs is left in the network's tables, and the other's /network
// keeps the meeting as "a former member", never by the deleted member's name.
import { afterEach, describe, expect, it } from "vitest";
import type { Actor } from "../../src/app/context.js";
import type { Outcome } from "../../src/app/reply.js";
import { createTestBot, expectNoProblems, giveIntro, joinDirectly, storedRound, type TestBot } from "../support/bot.js";
import { recordingPort } from "../support/recording-port.js";

// Thursday 10:00 in Tokyo; the round is Monday 09:00 JST, its follow-up three days later.
const START = "2026-11-26T01:00:00Z";
const ROUND = "2026-11-30T00:00:00Z";
const FOLLOW_UP = "2026-12-03T00:00:00Z";
const COMMUNITY = { externalId: "network-app", name: "Network" };

const bots: TestBot[] = [];
afterEach(async () => {
  for (const bot of bots.splice(0)) {
    expectNoProblems(bot);
    await bot.disconnect();
  }
});

describe("the network when a member deletes their data", () => {
  it("given two members who met, would meet again and thanked each other, when one runs /forget-me, then none of their network rows remain and the other's /network shows a former member", async () => {
    const bot = createTestBot(START);
    bots.push(bot);
    const { port, sent } = recordingPort();
    bot.connect(port);
    const names: Record<string, string> = { aiko: "Aiko", ken: "Ken", organizer: "Organizer" };
    const actor = (userId: string): Actor => ({
      platform: "console", community: COMMUNITY, userId, displayName: names[userId]!, locale: "en", isOrganizer: userId === "organizer", channelId: "general",
    });
    const text = (outcome: Outcome) => (outcome.type === "reply" ? outcome.reply.text : `(form ${outcome.form.formId})`);
    const run = async (userId: string, name: string, options: Record<string, unknown> = {}, subcommand?: string) =>
      text(await bot.musubi.command(port, actor(userId), { name, subcommand, options }));
    const press = async (userId: string, actionId: string) => text(await bot.musubi.action(port, actor(userId), actionId));
    const submit = async (userId: string, formId: string, values: Record<string, string>) =>
      text((await bot.musubi.submitForm(port, actor(userId), { formId, page: "all", values })).outcome);

    const aiko = await giveIntro(bot.store, "console", COMMUNITY.externalId, { id: "aiko", name: "Aiko" }, { industry: "it" });
    const ken = await giveIntro(bot.store, "console", COMMUNITY.externalId, { id: "ken", name: "Ken" }, { industry: "design" });
    await joinDirectly(bot.store, "console", COMMUNITY.externalId, aiko);
    await joinDirectly(bot.store, "console", COMMUNITY.externalId, ken);
    await run("organizer", "musubi", { channel: "pairing", enabled: "on", heads_up: "off" }, "pairing settings");
    await bot.at(ROUND);
    await bot.at(FOLLOW_UP);
    const { groups } = await storedRound(bot.store, "console", COMMUNITY.externalId, "2026-11-30");
    expect(groups.map((g) => g.members.map((m) => m.platformUserId).sort())).toEqual([["aiko", "ken"]]);
    const groupId = groups[0]!.id;
    expect(sent.some((s) => s.message.buttons?.some((b) => b.actionId === `match:followup:${groupId}:in_person`))).toBe(true);

    expect(await press("aiko", `match:followup:${groupId}:in_person`)).toMatch(/Would you like to meet again\?$/);
    expect(await press("aiko", `network:again:${groupId}:yes`)).toBe("Noted. If they feel the same, you will both be told.");
    await press("ken", `match:followup:${groupId}:online`);
    expect(await press("ken", `network:again:${groupId}:yes`)).toMatch(/^🔁 You and <@aiko> both said you would like to meet again/);
    expect(await press("ken", `network:thank:pairing:${groupId}:${aiko.id}`)).toBe("(form thanks)");
    expect(await submit("ken", "thanks", { message: "Great talk about design systems" })).toBe("Your thanks is on its way to <@aiko>.");
    expect(await press("aiko", `network:thank:pairing:${groupId}:${ken.id}`)).toBe("(form thanks)");
    expect(await submit("aiko", "thanks", { message: "" })).toBe("Your thanks is on its way to <@ken>.");
    await press("aiko", `network:notnow:${ken.id}`);
    await press("ken", `network:notnow:${aiko.id}`);
    await run("aiko", "network", { suggestions: "off" });
    await run("ken", "network", { suggestions: "on" });

    // Before: the rows are there, and Ken's network names Aiko.
    const { db } = bot;
    const networkRows = () => Promise.all([
      db.thanks.count(), db.reconnectSnooze.count(),
      db.networkPreference.findMany({ select: { memberId: true } }), db.pairingGroupMember.findMany({ select: { memberId: true } }),
    ]);
    const [thanks, snoozes, preferences, places] = await networkRows();
    expect([thanks, snoozes, preferences.length, places.length]).toEqual([2, 2, 2, 2]);
    const before = await run("ken", "network");
    expect(before).toContain("<@aiko> — 1 times");
    expect(before).toContain("🔁 both want to meet again · 🙏 thanks received 1 · sent 1");

    expect(await run("aiko", "forget-me")).toMatch(/delete/i);
    expect(await press("aiko", "forget:confirm")).toMatch(/^Done: musubi no longer keeps any data about you here/);

    // After: none of Aiko's network rows, in either direction; Ken's own stay.
    const [thanksAfter, snoozesAfter, preferencesAfter, placesAfter] = await networkRows();
    expect(thanksAfter).toBe(0);
    expect(snoozesAfter).toBe(0);
    expect(preferencesAfter).toEqual([{ memberId: ken.id }]);
    expect(placesAfter).toEqual([{ memberId: ken.id }]);
    expect(await db.pairingGroupMember.count({ where: { memberId: aiko.id } })).toBe(0);
    expect(await db.member.count({ where: { id: aiko.id } })).toBe(0);
    // The group keeps its size: the place Aiko had is still known to have been someone's.
    expect(await db.pairingGroup.findUniqueOrThrow({ where: { id: groupId }, select: { size: true } })).toEqual({ size: 2 });

    const after = await run("ken", "network");
    expect(after.split("\n")).toEqual([
      "🤝 People you have met through musubi: 0 (most recent first)",
      "You helped others 0 times · thanks received: 0",
      `a former member — 1 times, last ${new Date(ROUND).toISOString()}`,
      `   – paired ${new Date(ROUND).toISOString()} (met online)`,
    ]);
    expect(after).not.toMatch(/aiko/i);
    // Ken's own file of his data does not name Aiko either.
    const file = await bot.musubi.command(port, actor("ken"), { name: "my-data", options: {} });
    const json = file.type === "reply" ? String(file.reply.files?.[0]?.content ?? "") : "";
    expect(json).toContain("\"pairings\"");
    expect(json).not.toMatch(/aiko/i);
    expect(json).not.toContain(aiko.id);
  });

  it("given members with an intro and no connection, then the organizer's drawing names them as a list in the organizer's language", async () => {
    const bot = createTestBot(START);
    bots.push(bot);
    const { port } = recordingPort();
    bot.connect(port);
    for (const name of ["aiko", "ken", "yui"]) await giveIntro(bot.store, "console", COMMUNITY.externalId, { id: name, name });
    const ask = async (locale: string) => {
      const organizer: Actor = { platform: "console", community: COMMUNITY, userId: "organizer", displayName: "organizer", locale, isOrganizer: true, channelId: "general" };
      const outcome = await bot.musubi.command(port, organizer, { name: "musubi", subcommand: "network", options: { names: "off" } });
      return outcome.type === "reply" ? outcome.reply.text.split("\n")[1] : "";
    };
    expect(await ask("en")).toBe("Members with no connection yet (3): aiko, ken, and yui. They may welcome a hello.");
    expect(await ask("ja")).toBe("まだ誰ともつながっていないメンバー（3人）: aiko、ken、yui — 声をかけてみてください。");
  });

  it("given bad input to the network's commands and forms, then each is refused with what to fix and nothing is stored or sent", async () => {
    const bot = createTestBot(START);
    bots.push(bot);
    const { port, sent } = recordingPort();
    bot.connect(port);
    const who = (userId: string, isOrganizer = false): Actor => ({
      platform: "console", community: COMMUNITY, userId, displayName: userId, locale: "en", isOrganizer, channelId: "general",
    });
    const text = (outcome: Outcome) => (outcome.type === "reply" ? outcome.reply.text : `(form ${outcome.form.formId})`);
    const aiko = await giveIntro(bot.store, "console", COMMUNITY.externalId, { id: "aiko", name: "aiko" });

    expect(text(await bot.musubi.command(port, who("owner", true), { name: "musubi", subcommand: "stats", options: { weeks: "0" } })))
      .toMatch(/^That did not work\. .*at least 1/);
    expect(text(await bot.musubi.command(port, who("aiko"), { name: "network", options: { page: "-2" } }))).toMatch(/^That did not work\. .*at least 1/);
    // A thank-you for an occasion the two never shared, and one of 201 characters: refused, nothing kept.
    expect(text(await bot.musubi.action(port, who("ken"), `network:thank:pairing:no-such-group:${aiko.id}`)))
      .toBe("You can thank someone you were paired with, or someone you helped or who helped you through a post.");
    expect(text(await bot.musubi.action(port, who("ken"), "network:thank:nonsense:x:y"))).toBe("This button is no longer active. Please run the command again.");
    const tooLong = await bot.musubi.submitForm(port, who("ken"), { formId: "thanks", page: "all", values: { message: "x".repeat(201) } });
    expect(tooLong.errors).toEqual({ message: "A line (optional) must be at most 200 characters." });
    expect(await bot.db.thanks.count()).toBe(0);
    expect(sent).toEqual([]);
  });
});
