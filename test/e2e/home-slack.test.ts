// A member's own page on Slack (the App Home tab, issue #11), end to end: a real Bolt app (HTTP
// receiver, signed requests) against the local fake of the Web API, the real dispatcher, commands
// and SQLite store, on a manual clock. What the Home shows is written to the store directly (as
// giveIntro does), so each scenario is about the Home itself: its publishing, its sections, its
// buttons, and that it only ever shows the member's own workspace.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { sendBlockAction, sendEvent, sendSlashCommand } from "../fakes/slack-payloads.js";
import type { FakeSlack, SlackCall } from "../fakes/slack.js";
import { type TestBot, type SlackBot, expectNoProblems, giveIntro, joinDirectly, startSlackBot, unix } from "../support/bot.js";
import { communityOf } from "./support.js";

/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = any;

const SECRET = "home-e2e-signing-secret";

// Thursday 2026-11-26 10:00 in Tokyo; pairing rounds on Mondays at 09:00 (the defaults).
const START = "2026-11-26T01:00:00Z";
const ROUND = "2026-11-30T00:00:00Z";
const ROUND_DATE = `<!date^${unix(ROUND)}^{date_short_pretty} {time}|2026-11-30 09:00 (Asia/Tokyo)>`;
/** A pairing round long enough ago that its partner is suggested again (RECONNECT_AFTER_DAYS). */
const PAST_ROUND = "2026-08-31T00:00:00Z";
const SESSION = "2026-12-05T10:30:00Z";

const TEAM = "T0HOME001";
const OTHER_TEAM = "T0HOME002";
const PAIRING = "C0PAIRING";

const AKI = { id: "U0AKI0001", name: "aki", locale: "ja-JP" };
const BEN = { id: "U0BEN0001", name: "ben", locale: "ja-JP" };
const CHI = { id: "U0CHI0001", name: "chi", locale: "ja-JP" };
const DAN = { id: "U0DAN0001", name: "dan", locale: "en-US" };

let fake: FakeSlack;
let bot: TestBot;
let appUrl = "";
let running: SlackBot | undefined;

const roundFields = (title: string, capacity: number) => ({
  kind: "reading" as const, title, topic: "", description: "", timeZone: "Asia/Tokyo", cadence: "once", durationMinutes: 90,
  capacity, onlineUrl: null, venue: null, facilitation: "organizer" as const, reminderMinutes: [1440],
});

const offer = (title: string) => ({
  kind: "offer" as const, title, details: "", tags: ["review"], terms: ["review"], contact: "space" as const,
  expiresAt: new Date("2026-12-26T01:00:00Z"), createdAt: new Date(START),
});

beforeAll(async () => {
  running = await startSlackBot(START, SECRET, {
    users: [AKI, BEN, CHI, DAN],
    channels: [{ id: "C0GENERAL", name: "general" }, { id: PAIRING, name: "pairing" }],
  });
  ({ fake, bot, appUrl } = running);

  // The first workspace: Aki has joined pairing, met Ben in a past round (both want to meet
  // again, Ben thanked Aki), offers code review, has a seat in one reading club and waits for another.
  const aki = await giveIntro(bot.store, "slack", TEAM, AKI);
  const ben = await giveIntro(bot.store, "slack", TEAM, BEN);
  await joinDirectly(bot.store, "slack", TEAM, aki);
  const scoped = bot.store.forCommunity((await communityOf(bot.store, "slack", TEAM)).id);
  await scoped.pairing.updateSettings({ enabled: true, channelId: PAIRING });
  const past = await scoped.pairing.ensureRound("2026-08-31", new Date(PAST_ROUND));
  await scoped.pairing.saveGroups(past.id, [{ memberIds: [aki.id, ben.id], score: 1, reasons: [] }]);
  await scoped.pairing.setRoundStatus(past.id, "followed-up");
  const [group] = await scoped.pairing.groups(past.id);
  await scoped.pairing.answer(group!.id, aki.id, "in_person", new Date(PAST_ROUND));
  await scoped.pairing.answerMeetAgain(group!.id, aki.id, true);
  await scoped.pairing.answerMeetAgain(group!.id, ben.id, true);
  await scoped.network.recordThanks({ fromId: ben.id, toId: aki.id, context: "pairing", contextId: group!.id, message: "" }, new Date(PAST_ROUND));
  await scoped.offers.create(aki.id, offer("Code review <!channel>"));
  const session = { startsAt: new Date(SESSION), label: "第1章", facilitatorId: null };
  const seated = await scoped.transaction((tx) => tx.rounds.create(ben.id, roundFields("Clean Architecture", 10), [session]));
  await scoped.rounds.addParticipant(seated.id, aki.id, "seat", new Date(START));
  const full = await scoped.transaction((tx) => tx.rounds.create(ben.id, roundFields("SICP", 1), [session]));
  await scoped.rounds.addParticipant(full.id, ben.id, "seat", new Date(START));
  await scoped.rounds.addParticipant(full.id, aki.id, "waitlist", new Date(START));

  // The second workspace: the same Slack user, with only an offer of their own there.
  const akiThere = await giveIntro(bot.store, "slack", OTHER_TEAM, AKI);
  const other = bot.store.forCommunity((await communityOf(bot.store, "slack", OTHER_TEAM)).id);
  await other.offers.create(akiThere.id, offer("Interview practice"));
});

afterAll(() => running?.stop());

afterEach(() => expectNoProblems(bot));

// ---------------------------------------------------------------- helpers

const homeOpened = (user: { id: string }, team_id: string, tab = "home") =>
  sendEvent(appUrl, SECRET, { team_id, event: { type: "app_home_opened", user: user.id, channel: "D0HOME", tab } });

/** Opens the member's Home tab and returns the views.publish call it led to. */
async function openHome(user: { id: string }, team_id: string): Promise<SlackCall> {
  const from = fake.calls.length;
  const res = await homeOpened(user, team_id);
  expect(res.status).toBe(200);
  return nextPublish(user, from);
}

/** The first views.publish for the member recorded from index `from` on. */
const nextPublish = (user: { id: string }, from: number) =>
  fake.waitFor((c) => c.method === "views.publish" && c.args.user_id === user.id && fake.calls.indexOf(c) >= from);

const textOf = (view: Json) => JSON.stringify(view.blocks);
const buttonsIn = (view: Json) =>
  view.blocks.filter((b: Json) => b.type === "actions").flatMap((b: Json) => b.elements).map((e: Json) => e.action_id);
/** A text as it appears inside the blocks' JSON. */
const inJson = (text: string) => JSON.stringify(text).slice(1, -1);

async function stateOf(team: string, userId: string) {
  const scoped = bot.store.forCommunity((await communityOf(bot.store, "slack", team)).id);
  const member = await scoped.members.findByPlatformUser(userId);
  const round = await scoped.pairing.roundOfPeriod("2026-11-30");
  return { skipping: round ? (await scoped.pairing.skips(round.id)).has(member!.id) : false };
}

// ---------------------------------------------------------------- scenarios

describe("the App Home on Slack", () => {
  let published: Json;

  it("given a member opens the Home tab then their page is published with their round, network, posts and seats", async () => {
    const call = await openHome(AKI, TEAM);
    published = call.args.view;
    expect(published.type).toBe("home");
    expect(published.blocks.length).toBeLessThanOrEqual(100);
    expect(published.blocks[0]).toEqual({ type: "header", text: { type: "plain_text", text: "akiさんのページ", emoji: true } });
    const text = textOf(published);
    // The next round, as a Slack date token, and the member's state and latest partner.
    expect(text).toContain(inJson(`*次の回*\n${ROUND_DATE}`));
    expect(text).toContain(inJson("*状態*\n参加中"));
    expect(text).toContain(inJson(`<@${BEN.id}>`));
    // The network in numbers and whom to reconnect with.
    expect(text).toContain(inJson("出会った人: 1人 · お互いにまた会いたい人: 1人 · 受け取った感謝: 1件"));
    expect(text).toContain(inJson(`<@${BEN.id}>さん — お互いにまた会いたいと答えた人です。`));
    // The open offer, its member-typed title escaped.
    expect(text).toContain(inJson("🎁 Code review &lt;!channel&gt; — "));
    expect(text).not.toContain("<!channel>");
    // A seat in one reading club, a place on the waitlist of the other, with the next session.
    expect(text).toContain(inJson("📖 読書会 #1 · Clean Architecture*\n次回: <!date^"));
    expect(text).toContain(inJson("第1章\n✅ 席があります"));
    expect(text).toContain(inJson("SICP*\n次回: "));
    expect(text).toContain(inJson("⏳ キャンセル待ち 1番目"));
    // Joined and not skipping yet: skip and pause, no join.
    expect(buttonsIn(published)).toEqual(["home:skip", "home:pause"]);
  });

  it("given the member presses the Home's skip button then the skip is recorded and the Home is published again", async () => {
    expect(await stateOf(TEAM, AKI.id)).toEqual({ skipping: false });
    const from = fake.calls.length;
    const res = await sendBlockAction(appUrl, SECRET, {
      user_id: AKI.id, team_id: TEAM, action_id: "home:skip", view: { id: "V0HOMEAKI", type: "home", blocks: published.blocks },
    });
    expect(res.status).toBe(200);

    const again = (await nextPublish(AKI, from)).args.view;
    expect(await stateOf(TEAM, AKI.id)).toEqual({ skipping: true });
    expect(textOf(again)).toContain(inJson("*状態*\n次の回はお休み"));
    expect(buttonsIn(again)).toEqual(["home:pause"]);
    // A Home button has no channel to answer in: the answer comes by direct message.
    const dm = await fake.waitFor((c) => c.method === "chat.postMessage" && String(c.args.channel).startsWith("D") && fake.calls.indexOf(c) >= from);
    expect(dm.args.text).toBe(`${ROUND_DATE} の回はお休みします。その次の回から戻ります。`);
  });

  it("given the member runs a command after opening the Home then the Home is published again", async () => {
    const from = fake.calls.length;
    const responseUrl = fake.responseUrl();
    const res = await sendSlashCommand(appUrl, SECRET, { command: "/match", text: "status", user_id: AKI.id, team_id: TEAM, response_url: responseUrl });
    expect(res.status).toBe(200);
    await fake.waitFor((c) => c.method === "response_url" && responseUrl.endsWith(`/${c.id}`));
    const again = (await nextPublish(AKI, from)).args.view;
    expect(textOf(again)).toContain(inJson("*状態*\n次の回はお休み"));
  });

  it("given a member opens the Messages tab then no Home is published", async () => {
    const from = fake.calls.length;
    expect((await homeOpened(CHI, TEAM, "messages")).status).toBe(200);
    // Another member's Home after it: by then the first event has long been handled.
    await openHome(DAN, TEAM);
    expect(fake.calls.slice(from).filter((c) => c.method === "views.publish" && c.args.user_id === CHI.id)).toEqual([]);
  });

  it("given a member without an intro opens the Home in English then it offers the intro form and no pairing buttons", async () => {
    const view = (await openHome(DAN, TEAM)).args.view;
    expect(view.blocks[0].text.text).toBe("dan's page");
    expect(textOf(view)).toContain(inJson("*Next round*\n"));
    expect(textOf(view)).toContain(inJson("You have not met anyone through musubi yet."));
    expect(buttonsIn(view)).toEqual(["form:intro:0"]);
  });

  it("given the same member opens the Home of another workspace then it shows only that workspace's data", async () => {
    const view = (await openHome(AKI, OTHER_TEAM)).args.view;
    const text = textOf(view);
    expect(text).toContain(inJson("🎁 Interview practice — "));
    expect(text).not.toContain("Code review");
    expect(text).not.toContain(BEN.id);
    expect(text).not.toContain("Clean Architecture");
    expect(text).toContain(inJson("まだ musubi での出会いはありません。"));
    expect(text).toContain(inJson("*状態*\n未参加"));
    expect(text).toContain(inJson("*次の回*\nこのコミュニティではまだマッチングが有効になっていません。"));
    expect(buttonsIn(view)).toEqual(["home:join"]);
  });
});
