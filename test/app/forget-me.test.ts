// /forget-me through the dispatcher, the real commands and store, with a port that records what
// was sent and deleted: after a member confirms, nothing of theirs is left in any table, their
// cards are deleted, and what others had with them moves on (a freed seat goes to the waitlist).
import { afterEach, describe, expect, it } from "vitest";
import type { Actor } from "../../src/app/context.js";
import type { Outcome } from "../../src/app/reply.js";
import { createTestBot, expectNoProblems, type TestBot } from "../support/bot.js";
import { recordingPort } from "../support/recording-port.js";

const START = "2026-11-26T00:00:00Z";
const COMMUNITY = { externalId: "forget-app", name: "Forget" };

const bots: TestBot[] = [];
afterEach(async () => {
  for (const bot of bots.splice(0)) {
    expectNoProblems(bot);
    await bot.disconnect();
  }
});

const introAnswers = {
  industry: "it", role: "Backend engineer", seniority: "3-7", canOffer: "code review", lookingFor: "design mentor",
  interests: "", languages: ["en"], city: "", meetingPreference: "online", bio: "",
};
const roundAnswers = {
  kind: "study", title: "TypeScript study", topic: "", start: "2026-12-05 19:30", cadence: "weekly", sessions: "2",
  duration: "60", capacity: "1", link: "https://meet.example.com/ts", venue: "", facilitation: "organizer",
  chapters: "", description: "", zone: "", reminders: "",
};

describe("/forget-me", () => {
  it("given a member with an intro, an offer, a seat and pairing, then after confirming nothing of theirs is left and the waitlist moves up", async () => {
    const bot = createTestBot(START);
    bots.push(bot);
    const { port, sent, deletedRefs } = recordingPort();
    bot.connect(port);
    const actor = (userId: string): Actor => ({
      platform: "console", community: COMMUNITY, userId, displayName: userId, locale: "en", isOrganizer: userId === "organizer", channelId: "general",
    });
    const text = (outcome: Outcome) => (outcome.type === "reply" ? outcome.reply.text : `(form ${outcome.form.formId})`);
    const run = async (userId: string, name: string, options: Record<string, unknown> = {}, subcommand?: string) =>
      bot.musubi.command(port, actor(userId), { name, subcommand, options });
    const submit = async (userId: string, formId: string, values: Record<string, string | string[]>) =>
      text((await bot.musubi.submitForm(port, actor(userId), { formId, page: "all", values })).outcome);

    await run("organizer", "musubi", { offers_channel: "offers", intro_channel: "intros" }, "setup");
    expect(await submit("aiko", "intro", introAnswers)).toMatch(/intro/i);
    expect(await submit("aiko", "offer", { title: "Code review for your side project", tags: "code review", details: "", contact: "space", days: "30" }))
      .toMatch(/^Your offer is posted/);
    expect(await submit("organizer", "round-create", roundAnswers)).toMatch(/^Created 💡 Study session #1 · TypeScript study/);
    expect(text(await run("aiko", "round", { round: 1 }, "join"))).toMatch(/^You have a seat/);
    expect(text(await run("ken", "round", { round: 1 }, "join"))).toMatch(/waitlist/);
    expect(text(await run("aiko", "match", {}, "join"))).toMatch(/joined weekly pairing/);
    expect(text(await run("aiko", "match", { member: "ken" }, "block"))).toMatch(/ken/);
    const cards = sent.filter((s) => s.kind === "post" && (s.channelId === "intros" || s.channelId === "offers")).map((s) => s.messageId);
    expect(cards).toHaveLength(2);

    const asked = await run("aiko", "forget-me");
    expect(asked.type === "reply" && asked.reply.buttons).toEqual([{ actionId: "forget:confirm", label: "Delete my data", style: "danger" }]);
    const done = text(await bot.musubi.action(port, actor("aiko"), "forget:confirm"));
    expect(done).toBe("Done: musubi no longer keeps any data about you here (1 offers and asks, 1 rounds). If you use musubi again, you start afresh.");

    expect(deletedRefs.map((r) => r.messageId).sort()).toEqual([...cards].sort());
    expect(sent.filter((s) => s.kind === "dm" && s.channelId === "dm-ken").map((s) => s.message.text))
      .toEqual([expect.stringMatching(/^A seat freed up in TypeScript study/)]);
    const { db } = bot;
    const community = await bot.store.communities.ensure("console", COMMUNITY.externalId, { name: "", locale: "ja", timeZone: "Asia/Tokyo" });
    expect(await bot.store.forCommunity(community.id).members.findByPlatformUser("aiko")).toBeNull();
    const left = await Promise.all([
      db.profile.count(), db.offerPost.count(), db.pairingMember.count(), db.pairingBlock.count(),
      db.roundParticipant.count({ where: { status: "seat" } }), db.formDraft.count(),
    ]);
    // What is left belongs to others: ken's seat (promoted), nobody's profile, post, pairing or block.
    expect(left).toEqual([0, 0, 0, 0, 1, 0]);
    const ken = await bot.store.forCommunity(community.id).members.findByPlatformUser("ken");
    expect((await db.roundParticipant.findFirstOrThrow()).memberId).toBe(ken!.id);
  });

  it("given an organizer of a round forgets themselves, then the round is cancelled and its participants are told", async () => {
    const bot = createTestBot(START);
    bots.push(bot);
    const { port, sent } = recordingPort();
    bot.connect(port);
    const actor = (userId: string): Actor => ({
      platform: "console", community: COMMUNITY, userId, displayName: userId, locale: "en", isOrganizer: userId === "organizer", channelId: "general",
    });
    await bot.musubi.submitForm(port, actor("organizer"), { formId: "round-create", page: "all", values: { ...roundAnswers, capacity: "5" } });
    await bot.musubi.command(port, actor("yui"), { name: "round", subcommand: "join", options: { round: 1 } });
    await bot.musubi.action(port, actor("organizer"), "forget:confirm");
    expect(sent.filter((s) => s.kind === "dm" && s.channelId === "dm-yui").map((s) => s.message.text))
      .toEqual(["TypeScript study (round 1) has been cancelled by the organizer. Its remaining sessions will not take place."]);
    expect(await bot.db.round.count()).toBe(0);
    expect(sent.filter((s) => s.kind === "edit").at(-1)?.message.text).toBe("TypeScript study は中止になりました。"); // the card speaks the community's language
  });
});
