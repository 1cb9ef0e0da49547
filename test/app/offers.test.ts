// Offers and asks through the dispatcher, the real commands, store, scheduler and outbox, with a
// port that records what was sent: limits, the daily cap and switch of fit notices, expiry and
// extension, and deleting a member's offers.
import { afterEach, describe, expect, it } from "vitest";
import type { Actor } from "../../src/app/context.js";
import { forgetOffers } from "../../src/app/offers/forget.js";
import { NOTICES_PER_DAY } from "../../src/app/offers/notices.js";
import type { Outcome } from "../../src/app/reply.js";
import { MEMBER_LIMITS } from "../../src/core/offers/post.js";
import { describeProblems } from "../e2e/support.js";
import { createTestBot, type TestBot } from "../support/bot.js";
import { recordingPort } from "../support/recording-port.js";

const START = "2026-11-26T00:00:00Z";
const COMMUNITY = { externalId: "offers-app", name: "Offers" };

const bots: TestBot[] = [];
afterEach(async () => {
  for (const bot of bots.splice(0)) {
    const problems = bot.problems.splice(0);
    await bot.disconnect();
    expect(problems, describeProblems(problems)).toEqual([]);
  }
});

async function world() {
  const bot = createTestBot(START);
  bots.push(bot);
  const recorder = recordingPort();
  bot.connect(recorder.port);
  const actor = (userId: string, isOrganizer = false): Actor => ({
    platform: "console", community: COMMUNITY, userId, displayName: userId, locale: "en", isOrganizer, channelId: "general",
  });
  const text = (outcome: Outcome) => (outcome.type === "reply" ? outcome.reply.text : `(form ${outcome.form.formId})`);
  const run = async (userId: string, name: string, options: Record<string, unknown> = {}, subcommand?: string) =>
    text(await bot.musubi.command(recorder.port, actor(userId, userId === "organizer"), { name, subcommand, options }));
  const post = async (userId: string, kind: "offer" | "ask", values: Record<string, string>) =>
    text((await bot.musubi.submitForm(recorder.port, actor(userId), { formId: kind, page: "all", values })).outcome);
  const press = async (userId: string, actionId: string) => text(await bot.musubi.action(recorder.port, actor(userId), actionId));
  await run("organizer", "musubi", { offers_channel: "offers" }, "setup");
  const community = (await bot.store.communities.ensure("console", COMMUNITY.externalId, { name: "", locale: "ja", timeZone: "Asia/Tokyo" }));
  const postsOf = async (userId: string) => {
    const member = await bot.store.forCommunity(community.id).members.findByPlatformUser(userId);
    return member ? bot.store.forCommunity(community.id).offers.ofMember(member.id, 20) : [];
  };
  const noticesTo = (userId: string) => recorder.sent.filter((s) => s.kind === "dm" && s.channelId === `dm-${userId}`);
  return { bot, recorder, run, post, press, community, postsOf, noticesTo };
}

const excelOffer = { title: "Excel formulas and macros", tags: "excel", details: "", contact: "space", days: "30" };
const excelAsk = (n: number) => ({ title: `エクセルの相談 ${n}`, tags: "エクセル", details: "", contact: "dm", days: "30" });

describe("offers and asks: rules", () => {
  it("given a member reached the posts of a day or the open posts, then they are told why and nothing is stored or posted", async () => {
    const w = await world();
    for (let i = 0; i < MEMBER_LIMITS.perDay; i++) {
      expect(await w.post("aiko", "offer", { ...excelOffer, title: `Offer number ${i}` })).toMatch(/^Your offer is posted in <#offers>\./);
    }
    const cards = w.recorder.sent.filter((s) => s.kind === "post").length;
    expect(await w.run("aiko", "offer")).toBe(`You have posted ${MEMBER_LIMITS.perDay} offers and asks within a day. Please post again tomorrow.`);
    expect(await w.post("aiko", "ask", excelAsk(1))).toBe(`You have posted ${MEMBER_LIMITS.perDay} offers and asks within a day. Please post again tomorrow.`);
    expect(w.recorder.sent.filter((s) => s.kind === "post")).toHaveLength(cards);
    expect(await w.postsOf("aiko")).toHaveLength(MEMBER_LIMITS.perDay);

    await w.bot.at("2026-11-27T01:00:00Z");
    for (let i = MEMBER_LIMITS.perDay; i < MEMBER_LIMITS.open; i++) await w.post("aiko", "offer", { ...excelOffer, title: `Offer number ${i}` });
    expect(await w.post("aiko", "offer", excelOffer))
      .toBe(`You already have ${MEMBER_LIMITS.open} open offers and asks. Close one with /offers mine before posting another.`);
    expect(await w.postsOf("aiko")).toHaveLength(MEMBER_LIMITS.open);
  });

  it("given many fitting asks in a day, then the offer's author is told of each once, at most three a day, and not at all once they turn notices off", async () => {
    const w = await world();
    await w.post("aiko", "offer", excelOffer);
    for (let n = 1; n <= NOTICES_PER_DAY + 1; n++) await w.post(`asker${n}`, "ask", excelAsk(n));
    await w.bot.scheduler.runDue();
    await w.bot.scheduler.runDue();
    expect(w.noticesTo("aiko").map((s) => s.message.text.split("\n")[0])).toEqual([1, 2, 3].map((n) =>
      `<@asker${n}> is looking for something your offer “Excel formulas and macros” could give: “エクセルの相談 ${n}”.`));
    expect(w.noticesTo("aiko")[0]!.message.buttons?.map((b) => b.label)).toEqual(["I can help"]);

    // A day later the cap starts again; a member who turned notices off is left alone.
    await w.bot.at("2026-11-27T01:00:00Z");
    await w.post("asker9", "ask", excelAsk(9));
    await w.bot.scheduler.runDue();
    expect(w.noticesTo("aiko")).toHaveLength(NOTICES_PER_DAY + 1);
    expect(await w.run("aiko", "offers", { query: "notices off" })).toBe("Fit notices are off. Turn them on again with /offers notices on.");
    await w.post("asker10", "ask", excelAsk(10));
    await w.bot.scheduler.runDue();
    expect(w.noticesTo("aiko")).toHaveLength(NOTICES_PER_DAY + 1);
  });

  it("given a post's time is up, then its card shows it expired, it leaves search, and extending opens it again", async () => {
    const w = await world();
    await w.post("aiko", "offer", { ...excelOffer, days: "1" });
    const [post] = await w.postsOf("aiko");
    expect(await w.run("ken", "offers", { query: "excel" })).toContain("Excel formulas and macros");

    await w.bot.at("2026-11-27T00:00:00Z");
    const edits = w.recorder.sent.filter((s) => s.kind === "edit" && s.messageId === post!.card!.messageId);
    expect(edits).toHaveLength(1);
    expect(edits[0]!.message.cards?.[0]?.title).toBe("期限切れ · Excel formulas and macros");
    expect(edits[0]!.message.buttons).toBeUndefined();
    expect(await w.run("ken", "offers", { query: "excel" })).toBe("No open offer or ask matches “excel”. Try other words, or post an /ask.");
    expect(await w.press("ken", `offer:respond:${post!.id}`)).toBe("This post has expired.");

    expect(await w.press("ken", `offer:extend:${post!.id}`)).toBe("Only the member who posted it can do that.");
    expect(await w.press("aiko", `offer:extend:${post!.id}`)).toBe("“Excel formulas and macros” is open until 2026-12-27T00:00:00.000Z.");
    expect(w.recorder.sent.at(-1)).toMatchObject({ kind: "edit", message: { buttons: [{ actionId: `offer:respond:${post!.id}` }] } });
    expect(await w.run("ken", "offers", { query: "エクセル" })).toContain("Excel formulas and macros");
    // The first expiry job found the post extended and did nothing; the new one is a month away.
    expect(await w.bot.at("2026-12-01T00:00:00Z")).toBe(0);
  });

  it("given a member's offers are forgotten, then their cards are deleted and their posts gone", async () => {
    const w = await world();
    await w.post("aiko", "offer", excelOffer);
    await w.post("aiko", "ask", excelAsk(1));
    const cards = (await w.postsOf("aiko")).map((p) => p.card);
    const aiko = await w.bot.store.forCommunity(w.community.id).members.findByPlatformUser("aiko");
    expect(await forgetOffers({ store: w.bot.store.forCommunity(w.community.id), port: w.recorder.port, log: w.bot.log }, aiko!.id)).toBe(2);
    expect(w.recorder.deletedRefs).toEqual(expect.arrayContaining(cards));
    expect(w.recorder.deletedRefs).toHaveLength(2);
    expect(await w.postsOf("aiko")).toEqual([]);
  });
});
