// A study session (勉強会) end to end on Discord: the real discord.js client against the local
// fake, the real dispatcher, commands, SQLite store and jobs, on a manual clock. One story in
// order: lightning-talk slots and a sign-up whose timetable lands on the card, a slot taken twice
// refused, the after-party's answers by button with its head count, check-in by code and by
// button at the venue (a code never issued refused), and the lists after the session.
import { PermissionFlagsBits } from "discord.js";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { MEMBER_PERMISSIONS, buttonPress, modalSubmit, slashCommand, type RawCommandOption, type UserInput } from "../fakes/discord-payloads.js";
import type { FakeDiscord } from "../fakes/discord.js";
import { type DiscordBot, type TestBot, expectNoProblems, startDiscordBot } from "../support/bot.js";
import { communityOf } from "./support.js";
import { readCommunityOfAction } from "../../src/app/action-community.js";

/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = any;

const ORGANIZER_PERMISSIONS = String(BigInt(MEMBER_PERMISSIONS) | PermissionFlagsBits.ManageGuild);
const START = "2026-11-26T01:00:00Z";
/** Saturdays 19:00 JST, two sessions of two hours. */
const SESSION_1 = "2026-12-05T10:00:00Z";

const GUILD = "962000000000000001";
const GENERAL = "962000000000000010";
const OWNER = { id: "862000000000000001", username: "owner" };
const ALICE = { id: "862000000000000002", username: "alice" };
const BOB = { id: "862000000000000003", username: "bob" };
const CAROL = { id: "862000000000000004", username: "carol" };

let fake: FakeDiscord;
let bot: TestBot;
let running: DiscordBot | undefined;

beforeAll(async () => {
  running = await startDiscordBot(START, {
    guilds: [{ id: GUILD, name: "TS study", owner_id: OWNER.id, channels: [{ id: GENERAL, name: "general" }], members: [OWNER, ALICE, BOB, CAROL] }],
  });
  ({ fake, bot } = running);
});
afterAll(() => running?.stop());
afterEach(() => expectNoProblems(bot));

interface Who { user: UserInput; permissions?: string }
const organizer: Who = { user: OWNER, permissions: ORGANIZER_PERMISSIONS };
const alice: Who = { user: ALICE };
const bob: Who = { user: BOB };
const carol: Who = { user: CAROL };

const base = (who: Who) => ({ guildId: GUILD, channelId: GENERAL, user: who.user, locale: "ja", permissions: who.permissions ?? MEMBER_PERMISSIONS });
const callbackOf = (p: { id: string; token: string }) => fake.waitFor((r) => r.method === "POST" && r.path === `/interactions/${p.id}/${p.token}/callback`);
const round = async (who: Who, subcommand: string, options: RawCommandOption[] = []) =>
  (await callbackOf(fake.sendInteraction(slashCommand({ ...base(who), name: "round", subcommand, options })))).body.data;
const press = async (who: Who, customId: string, message: Json) =>
  (await callbackOf(fake.sendInteraction(buttonPress({ ...base(who), customId, message })))).body.data;
const submitPage = (who: Who, page: number, values: { fields?: Record<string, string>; selects?: Record<string, string[]> }) =>
  callbackOf(fake.sendInteraction(modalSubmit({ ...base(who), customId: `form:round-create:${page}`, layout: "labels", ...values })));
const number = (name: string, value: number): RawCommandOption => ({ name, type: 4, value });
const text = (name: string, value: string): RawCommandOption => ({ name, type: 3, value });

/** The last message posted in a channel or thread with a button of this kind, and that button's raw custom id. */
function messageWithButton(kind: string): { message: Json; customId: string } {
  for (const [where, messages] of [...fake.messages.entries()].reverse()) {
    if (where.startsWith("interaction:")) continue;
    for (const message of [...messages].reverse()) {
      const button = ((message.components as Json[]) ?? []).flatMap((row) => row.components).find((b: Json) => readCommunityOfAction(b.custom_id).actionId.startsWith(kind));
      if (button) return { message, customId: button.custom_id };
    }
  }
  throw new Error(`no message with a ${kind} button`);
}
const card = () => fake.messages.get(GENERAL)!.find((m) => m.embeds?.[0]?.title?.includes("TypeScript 勉強会"));
const fieldOf = (message: Json, name: string): string | undefined => message.embeds[0].fields.find((f: Json) => f.name === name)?.value;

async function stored() {
  const community = await communityOf(bot.store, "discord", GUILD);
  const store = bot.store.forCommunity(community.id);
  const r = (await store.rounds.findByNumber(1))!;
  const sessions = await store.rounds.sessions(r.id);
  return { store, round: r, sessions };
}

describe("a study session on Discord", () => {
  it("given the organizer creates a weekly study session and sets three 5-minute LT slots from 30 minutes in, then it says so", async () => {
    await round(organizer, "create");
    await submitPage(organizer, 0, { selects: { kind: ["study"], cadence: ["weekly"] }, fields: { title: "TypeScript 勉強会", topic: "", start: "12月5日 19:00" } });
    await submitPage(organizer, 1, { fields: { sessions: "2", duration: "2時間", capacity: "3", link: "", venue: "渋谷" } });
    const created = await submitPage(organizer, 2, { selects: { facilitation: ["organizer"] }, fields: { chapters: "", description: "", zone: "", reminders: "" } });
    expect(created.body.data.content).toMatch(/^💡 勉強会 #1 · TypeScript 勉強会 を作成しました/);

    const refused = await round(alice, "lt-setup", [number("round", 1), number("slots", 3), number("minutes", 5)]);
    expect(refused.content).toBe("TypeScript 勉強会 の主催かオーガナイザーだけが使えます。");
    const planned = await round(organizer, "lt-setup", [number("round", 1), number("slots", 3), number("minutes", 5), number("after", 30)]);
    expect(planned.content).toBe("TypeScript 勉強会 の各回にLT枠を3つ（1枠5分、開始30分後から）設定しました。");
    for (const who of [alice, bob, carol]) expect((await round(who, "join", [number("round", 1)])).content).toContain("参加");
  });

  it("given Alice signs up for slot 2, then the card shows the timetable from 19:30 with her talk; Bob asking for slot 2 is refused and nothing changes", async () => {
    const signed = await round(alice, "lt", [number("round", 1), number("session", 1), text("title", "Rust入門"), number("slot", 2)]);
    expect(signed.content.split("\n")).toEqual([
      "第1回のLT 2番の枠に「Rust入門」で申し込みました。",
      "19:30–19:35 1. （空き）",
      `19:35–19:40 2. <@${ALICE.id}>さん「Rust入門」`,
      "19:40–19:45 3. （空き）",
    ]);
    expect(fieldOf(card(), "第1回のLT")?.split("\n")[1]).toBe(`19:35–19:40 2. <@${ALICE.id}>さん「Rust入門」`);

    const taken = await round(bob, "lt", [number("round", 1), number("session", 1), text("title", "Go入門"), number("slot", 2)]);
    expect(taken.content).toBe("2番の枠はaliceさんが申し込み済みです。別の枠を選ぶか、枠を指定せずに申し込んでください。");
    const twice = await round(alice, "lt", [number("round", 1), number("session", 1), text("title", "二つ目")]);
    expect(twice.content).toBe("第1回ではすでに2番の枠に申し込んでいます（1人1枠です）。");
    const { store, sessions } = await stored();
    expect((await store.studySessions.talks([sessions[0]!.id])).map((t) => [t.slot, t.title])).toEqual([[2, "Rust入門"]]);

    await round(bob, "lt", [number("round", 1), number("session", 1), text("title", "Go入門")]);
    const reordered = await round(organizer, "lt-edit", [number("round", 1), number("session", 1), text("order", "2,1")]);
    expect(reordered.content.split("\n").slice(1, 3)).toEqual([
      `19:30–19:35 1. <@${ALICE.id}>さん「Rust入門」`,
      `19:35–19:40 2. <@${BOB.id}>さん「Go入門」`,
    ]);
  });

  it("given the organizer sets an after-party for 2, then members answer by button until it is full, and the organizer sees the head count", async () => {
    const saved = await round(organizer, "party", [number("round", 1), number("session", 1), number("capacity", 2), text("place", "居酒屋まる"), text("fee", "3,000円 当日払い")]);
    expect(saved.content).toBe("TypeScript 勉強会 第1回の懇親会を保存しました。\n懇親会の参加者 0/2人: —");
    const { message, customId } = messageWithButton("rounds:party-join");
    expect(message.content).toBe("🍻 TypeScript 勉強会 第1回の懇親会\n0/2人（空き2人） · 3,000円 当日払い · 居酒屋まる");

    expect((await press(alice, customId, message)).content).toBe("第1回の懇親会に参加します。\n1/2人（空き1人） · 3,000円 当日払い · 居酒屋まる");
    expect((await press(bob, customId, message)).content).toBe("第1回の懇親会に参加します。\n2/2人（満員） · 3,000円 当日払い · 居酒屋まる");
    expect((await press(carol, customId, message)).content).toBe("第1回の懇親会は満員です（定員2人）。");
    expect(fieldOf(card(), "第1回の懇親会")).toBe("2/2人（満員） · 3,000円 当日払い · 居酒屋まる");

    const people = await round(organizer, "people", [number("round", 1), number("session", 1)]);
    expect(people.content.split("\n")).toContain(`懇親会の参加者 2/2人: <@${ALICE.id}>, <@${BOB.id}>`);
  });

  it("given check-in opens at the venue, then Alice checks in by code, a code never issued is refused, and Bob checks in by button", async () => {
    await bot.at(SESSION_1);
    const opened = await round(organizer, "checkin-open", [number("round", 1)]);
    const code = /コード: ([2-9A-HJ-NP-Z]{4})/.exec(opened.content)?.[1];
    expect(code).toBeDefined();
    const neverIssued = code === "ZZZZ" ? "YYYY" : "ZZZZ";
    const refused = await round(alice, "checkin", [text("code", neverIssued)]);
    expect(refused.content).toBe(`コード「${neverIssued}」は発行されていません。会場で伝えられた4文字を確かめてください（0・O・1・I は使いません）。`);
    const { store, sessions } = await stored();
    expect(await store.studySessions.attendance([sessions[0]!.id])).toEqual([]);

    expect((await round(alice, "checkin", [text("code", code!.toLowerCase())])).content).toBe("ようこそ！TypeScript 勉強会 第1回にチェックインしました。");
    const { message, customId } = messageWithButton("rounds:here");
    expect((await press(bob, customId, message)).content).toBe("ようこそ！TypeScript 勉強会 第1回にチェックインしました。");
    const checkedIn = (await store.studySessions.attendance([sessions[0]!.id])).filter((a) => a.checkedInAt).map((a) => a.memberId);
    expect(checkedIn).toHaveLength(2);
  });

  it("given the session has ended and check-in closed, then only Carol is asked how it went, the code is refused, and the list says who came and who did not show", async () => {
    const { sessions } = await stored();
    const closed = await round(organizer, "checkin-open", [number("round", 1), number("session", 1), text("close", "yes")]);
    expect(closed.content).toBe("第1回のチェックインを終了しました（チェックイン2人）。");
    const { message, customId } = messageWithButton("rounds:here");
    expect((await press(carol, customId, message)).content).toBe("TypeScript 勉強会 第1回のチェックインは受け付けていません。");

    const from = fake.requests.length;
    await bot.at("2026-12-05T12:00:00Z");
    const asked = fake.requests.slice(from).filter((r) => r.method === "POST" && /\/channels\/\d+\/messages$/.test(r.path) && String(r.body?.content).includes("いかがでしたか"));
    expect(asked).toHaveLength(1);

    const people = await round(organizer, "people", [number("round", 1), number("session", 1)]);
    expect(people.content.split("\n").slice(1, 3)).toEqual([
      `出席（2人）: <@${ALICE.id}>, <@${BOB.id}>`,
      `無断欠席（1人）: <@${CAROL.id}>（無断欠席1回）`,
    ]);
    expect(sessions).toHaveLength(2);
  });

  it("given Carol says she is not coming to the second session, then its list shows her apart, and missing a session with check-in she had cancelled is no no-show", async () => {
    const answered = await round(carol, "answer", [number("round", 1), number("session", 2), text("answer", "absent")]);
    expect(answered.content).toContain("第2回");
    const before = await round(organizer, "people", [number("round", 1), number("session", 2)]);
    expect(before.content.split("\n").slice(1, 3)).toEqual([
      `参加（2人）: <@${ALICE.id}>, <@${BOB.id}>`,
      `今回は欠席（1人）: <@${CAROL.id}>（無断欠席1回）`,
    ]);

    await bot.at("2026-12-12T10:00:00Z");
    const opened = await round(organizer, "checkin-open", [number("round", 1), number("session", 2)]);
    const code = /コード: ([2-9A-HJ-NP-Z]{4})/.exec(opened.content)?.[1];
    expect((await round(alice, "checkin", [text("code", code!)])).content).toContain("チェックインしました");
    await bot.at("2026-12-12T12:30:00Z");
    const after = await round(organizer, "people", [number("round", 1), number("session", 2)]);
    expect(after.content.split("\n").slice(1, 4)).toEqual([
      `今回は欠席（1人）: <@${CAROL.id}>（無断欠席1回）`,
      `出席（1人）: <@${ALICE.id}>`,
      `無断欠席（1人）: <@${BOB.id}>（無断欠席1回）`,
    ]);
  });

  it("given /my-data, then it holds the member's talk, after-party, check-ins and answers per session", async () => {
    const { store } = await stored();
    const dataOf = async (user: { id: string }) => store.privacy.dataOf((await store.members.findByPlatformUser(user.id))!.id);
    const alice = await dataOf(ALICE);
    expect(alice?.lightningTalks).toEqual([expect.objectContaining({ round: "TypeScript 勉強会", session: 1, title: "Rust入門" })]);
    expect(alice?.afterParties).toEqual([expect.objectContaining({ round: "TypeScript 勉強会", session: 1 })]);
    expect(alice?.attendance.filter((a) => a.checkedInAt !== null).map((a) => a.session)).toEqual([1, 2]);
    expect((await dataOf(CAROL))?.sessionAnswers).toEqual([expect.objectContaining({ session: 2, answer: "absent" })]);
  });
});
