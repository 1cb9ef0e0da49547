// A reading club end to end on Discord: the real discord.js client against the local fake, the
// real dispatcher, commands, SQLite store, scheduler and round jobs, on a manual clock (see
// pairing-support.ts). One story told in order: the organizer creates the round (a three-page
// form), members join and one waits, a seat frees up, a session moves, reminders and the
// after-session check arrive at their times, the round is cancelled. Each session is also a
// guild scheduled event, asserted on the fake's REST calls.
import { PermissionFlagsBits } from "discord.js";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { MEMBER_PERMISSIONS, buttonPress, modalSubmit, slashCommand, type RawCommandOption, type UserInput } from "../fakes/discord-payloads.js";
import type { FakeDiscord, RecordedRequest } from "../fakes/discord.js";
import { type DiscordBot, type TestBot, expectNoProblems, startDiscordBot, unix } from "../support/bot.js";
import { communityOf } from "./support.js";
import { readCommunityOfAction } from "../../src/app/action-community.js";

/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = any;

const ORGANIZER_PERMISSIONS = String(BigInt(MEMBER_PERMISSIONS) | PermissionFlagsBits.ManageGuild);
const EPHEMERAL = 64;

// Thursday 2026-11-26 10:00 in Tokyo. The club meets on Saturdays at 19:30 JST, three times.
const START = "2026-11-26T01:00:00Z";
const SESSIONS = ["2026-12-05T10:30:00Z", "2026-12-12T10:30:00Z", "2026-12-19T10:30:00Z"];
/** Session 2 moved to Sunday 10:00 JST. */
const MOVED = "2026-12-13T01:00:00Z";

const GUILD = "961000000000000001";
const GENERAL = "961000000000000010";
const OWNER = { id: "861000000000000001", username: "owner" };
const ALICE = { id: "861000000000000002", username: "alice" };
const BOB = { id: "861000000000000003", username: "bob" };
const CAROL = { id: "861000000000000004", username: "carol" };

let fake: FakeDiscord;
let bot: TestBot;

let running: DiscordBot | undefined;

beforeAll(async () => {
  running = await startDiscordBot(START, {
    guilds: [{ id: GUILD, name: "Book club", owner_id: OWNER.id, channels: [{ id: GENERAL, name: "general" }], members: [OWNER, ALICE, BOB, CAROL] }],
  });
  ({ fake, bot } = running);
});

afterAll(() => running?.stop());

afterEach(() => expectNoProblems(bot));

// ---------------------------------------------------------------- helpers

interface Who { user: UserInput; permissions?: string }
const organizer: Who = { user: OWNER, permissions: ORGANIZER_PERMISSIONS };

const base = (who: Who) => ({
  guildId: GUILD, channelId: GENERAL, user: who.user, locale: "ja", permissions: who.permissions ?? MEMBER_PERMISSIONS,
});
const callbackOf = (p: { id: string; token: string }) =>
  fake.waitFor((r) => r.method === "POST" && r.path === `/interactions/${p.id}/${p.token}/callback`);
const round = (who: Who, subcommand: string, options: RawCommandOption[] = []) =>
  callbackOf(fake.sendInteraction(slashCommand({ ...base(who), name: "round", subcommand, options })));
const press = (who: Who, customId: string, message: Json = {}) =>
  callbackOf(fake.sendInteraction(buttonPress({ ...base(who), customId, message })));
const submitPage = (who: Who, page: number, values: { fields?: Record<string, string>; selects?: Record<string, string[]> }) =>
  callbackOf(fake.sendInteraction(modalSubmit({ ...base(who), customId: `form:round-create:${page}`, layout: "labels", ...values })));
const number = (name: string, value: number): RawCommandOption => ({ name, type: 4, value });
const text = (name: string, value: string): RawCommandOption => ({ name, type: 3, value });

const buttonsOf = (data: Json) =>
  ((data.components as Json[]) ?? []).flatMap((row) => row.components).map((b: Json) => ({ custom_id: readCommunityOfAction(b.custom_id).actionId, label: b.label }));
const since = (from: number, predicate: (r: RecordedRequest) => boolean) => fake.requests.slice(from).filter(predicate);
const cardEdits = (cardId: string) => (r: RecordedRequest) => r.method === "PATCH" && r.path === `/channels/${GENERAL}/messages/${cardId}`;
const eventCalls = (method: string) => (r: RecordedRequest) => r.method === method && r.path.startsWith(`/guilds/${GUILD}/scheduled-events`);

/** The DM channel of a user, as the fake gives it (the same one the bot posts into). */
async function dmChannelOf(userId: string): Promise<string> {
  const answer = await fetch(`${fake.apiUrl}/v10/users/@me/channels`, {
    method: "POST", headers: { "content-type": "application/json", authorization: "Bot test-token" },
    body: JSON.stringify({ recipient_id: userId }),
  });
  return ((await answer.json()) as { id: string }).id;
}
const dmsTo = async (user: UserInput) => (fake.messages.get(await dmChannelOf(user.id)) ?? []).map((m) => m.content as string);

const sessionsOf = async (number = 1) => {
  const community = await communityOf(bot.store, "discord", GUILD);
  const stored = await bot.store.forCommunity(community.id).rounds.findByNumber(number);
  return { community, round: stored!, sessions: stored ? await bot.store.forCommunity(community.id).rounds.sessions(stored.id) : [] };
};

// ---------------------------------------------------------------- the story

describe("a reading club on Discord", () => {
  let card: Json;

  it("given a member without Manage Server runs /round create then it is refused", async () => {
    const cb = await round({ user: ALICE }, "create");
    expect(cb.body.type).toBe(4);
    expect(cb.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(cb.body.data.content).toBe("/round create はオーガナイザーだけが使えるコマンドです。必要なときは、このコミュニティのオーガナイザーに頼んでください。");
  });

  it("given a member without Manage Server sends the round form's modal submissions themselves then each page is refused and nothing is kept", async () => {
    const pages: { fields?: Record<string, string>; selects?: Record<string, string[]> }[] = [
      { selects: { kind: ["reading"], cadence: ["weekly"] }, fields: { title: "乗っ取り読書会", topic: "", start: "12月5日 19:30" } },
      { fields: { sessions: "3", duration: "90分", capacity: "5", link: "", venue: "渋谷" } },
      { selects: { facilitation: ["organizer"] }, fields: { chapters: "", description: "", zone: "" } },
    ];
    for (const [page, values] of pages.entries()) {
      const cb = await submitPage({ user: ALICE }, page, values);
      expect(cb.body.data.content).toBe("/round create はオーガナイザーだけが使えるコマンドです。必要なときは、このコミュニティのオーガナイザーに頼んでください。");
    }
    expect((await sessionsOf()).round).toBeNull();
    const community = await communityOf(bot.store, "discord", GUILD);
    const alice = await bot.store.forCommunity(community.id).members.findByPlatformUser(ALICE.id);
    expect(await bot.store.forCommunity(community.id).formDrafts.find(alice!.id, "round-create", new Date(0))).toBeNull();
  });

  it("given a modal submission for a page the form does not have then it is refused and nothing is created", async () => {
    for (const customId of ["form:round-create:3", "form:round-create:NaN", "form:round-create:"]) {
      const cb = await callbackOf(fake.sendInteraction(modalSubmit({
        ...base(organizer), customId, layout: "labels", fields: { title: "存在しないページ" },
      })));
      expect(cb.body.data.content).toBe("このボタンは有効期限が切れています。もう一度コマンドを実行してください。");
    }
    expect((await sessionsOf()).round).toBeNull();
  });

  it("given the organizer fills the three pages, with a capacity of 0 at first, then it is refused until fixed and the round is created with its card, thread and events", async () => {
    const modal = await round(organizer, "create");
    expect(modal.body.type).toBe(9);
    expect(modal.body.data.custom_id).toBe("form:round-create:0");

    const first = await submitPage(organizer, 0, {
      selects: { kind: ["reading"], cadence: ["weekly"] },
      fields: { title: "チームトポロジー輪読会", topic: "Team Topologies", start: "12月5日 19:30" },
    });
    expect(buttonsOf(first.body.data)).toEqual([{ custom_id: "form:round-create:1", label: "続ける" }]);

    const refused = await submitPage(organizer, 1, { fields: { sessions: "3", duration: "90分", capacity: "0", link: "", venue: "渋谷コワーキング" } });
    expect(refused.body.data.content).toContain("定員: 1〜500の整数で入力してください。");
    expect((await sessionsOf()).round).toBeNull();

    await submitPage(organizer, 1, { fields: { sessions: "3", duration: "90分", capacity: "2", link: "https://meet.example.com/tt", venue: "渋谷コワーキング" } });
    const from = fake.requests.length;
    const created = await submitPage(organizer, 2, { selects: { facilitation: ["organizer"] }, fields: { chapters: "1-9", description: "", zone: "" } });
    expect(created.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(created.body.data.content).toBe(`📖 読書会 #1 · チームトポロジー輪読会 を作成しました（全3回、初回は <t:${unix(SESSIONS[0]!)}:F>）。メンバーはカードのボタンか /round join 1 で参加できます。\n`
      + `日程: ${SESSIONS.map((at) => `<t:${unix(at)}:F>`).join("、")}`);

    const posts = since(from, (r) => r.method === "POST" && r.path === `/channels/${GENERAL}/messages`);
    expect(posts).toHaveLength(1);
    card = fake.messages.get(GENERAL)!.at(-1);
    const embed = card.embeds[0];
    expect(embed.title).toBe("📖 読書会 #1 · チームトポロジー輪読会");
    const schedule = embed.fields.find((f: Json) => f.name === "日程").value as string;
    expect(schedule.split("\n")).toEqual(SESSIONS.map((at, i) => `${i + 1}. <t:${unix(at)}:F> · ${["1–3", "4–6", "7–9"][i]} · 進行 <@${OWNER.id}>`));
    const { round: stored } = await sessionsOf();
    expect(buttonsOf(card)).toEqual([
      { custom_id: `rounds:join:${stored.id}`, label: "参加する" },
      { custom_id: `rounds:leave:${stored.id}`, label: "参加をやめる" },
      { custom_id: `rounds:calendar:${stored.id}`, label: "カレンダーに追加" },
      { custom_id: `rounds:info:${stored.id}`, label: "参加者向け情報" },
    ]);
    const thread = since(from, (r) => r.method === "POST" && r.path === `/channels/${GENERAL}/messages/${card.id}/threads`);
    expect(thread).toHaveLength(1);
    expect(stored.discussionId).toBe(card.id);

    // The platform's calendar is kept in step by a job that runs at once.
    await bot.at(START);
    const events = since(from, eventCalls("POST"));
    expect(events.map((r) => r.body)).toEqual(SESSIONS.map((at, i) => expect.objectContaining({
      name: `チームトポロジー輪読会 #${i + 1} · ${["1–3", "4–6", "7–9"][i]}`,
      entity_type: 3,
      scheduled_start_time: new Date(at).toISOString(),
      scheduled_end_time: new Date(new Date(at).getTime() + 90 * 60_000).toISOString(),
      // The online link is for seated members: the public event only says there is one.
      entity_metadata: { location: "渋谷コワーキング · オンライン（リンクは参加者にお知らせします）" },
    })));
    const { sessions } = await sessionsOf();
    expect(sessions.every((s) => s.calendarEventId && fake.scheduledEvents.has(s.calendarEventId))).toBe(true);
  });

  it("given two members take the two seats then the third waits, and when one leaves the first waiting gets the seat and is told", async () => {
    const alice = await press({ user: ALICE }, `rounds:join:${(await sessionsOf()).round.id}`, card);
    expect(alice.body.data.content).toBe("チームトポロジー輪読会 に参加登録しました。各回の前にリマインドします。都合が悪くなったら /round leave 1 でどうぞ。");
    await round({ user: BOB }, "join", [number("round", 1)]);
    const from = fake.requests.length;
    const carol = await round({ user: CAROL }, "join", [number("round", 1)]);
    expect(carol.body.data.content).toBe("チームトポロジー輪読会 は満席のため、キャンセル待ち1番目で登録しました。席が空いたらお知らせします。");
    const edited = since(from, cardEdits(card.id)).at(-1)!;
    const seats = edited.body.embeds[0].fields.find((f: Json) => f.name === "席").value;
    expect(seats).toBe("2席中2席が埋まっています（空き0席）\nキャンセル待ち1人");

    const left = await round({ user: ALICE }, "leave", [number("round", 1)]);
    expect(left.body.data.content).toBe("チームトポロジー輪読会 の参加を取り消しました。");
    expect(await dmsTo(CAROL)).toEqual([
      "チームトポロジー輪読会 に空きが出たので、あなたの席を確保しました。日程は /round show 1、参加できなくなったら /round leave 1 でどうぞ。",
    ]);
    const { community, round: stored } = await sessionsOf();
    const participants = await bot.store.forCommunity(community.id).rounds.participants(stored.id);
    expect(participants.map((p) => [p.platformUserId, p.status])).toEqual([[BOB.id, "seat"], [CAROL.id, "seat"]]);
  });

  it("given the organizer moves session 2 then only that session, its event and the card change, and participants are told", async () => {
    const before = await sessionsOf();
    const from = fake.requests.length;
    const cb = await round(organizer, "edit", [number("round", 1), number("session", 2), text("start", "12月13日 10:00")]);
    expect(cb.body.data.content).toBe(`チームトポロジー輪読会 の第2回は <t:${unix(MOVED)}:F> になりました。時間が変わった場合は参加者に知らせました。`);
    await bot.at(START);
    const after = await sessionsOf();
    expect(after.sessions.map((s) => s.startsAt.getTime())).toEqual([SESSIONS[0]!, MOVED, SESSIONS[2]!].map((at) => Date.parse(at)));
    const patched = since(from, eventCalls("PATCH"));
    const eventOfSession2 = before.sessions[1]!.calendarEventId!;
    expect(patched.find((r) => r.path.endsWith(`/${eventOfSession2}`))?.body).toMatchObject({ scheduled_start_time: new Date(MOVED).toISOString() });
    expect(fake.scheduledEvents.get(before.sessions[0]!.calendarEventId!)?.scheduled_start_time).toBe(new Date(SESSIONS[0]!).toISOString());
    expect((await dmsTo(BOB)).at(-1)).toBe(`チームトポロジー輪読会: 日程が変わりました — 2. <t:${unix(MOVED)}:F> · 4–6`);
    const schedule = since(from, cardEdits(card.id)).at(-1)!.body.embeds[0].fields.find((f: Json) => f.name === "日程").value;
    expect(schedule).toContain(`2. <t:${unix(MOVED)}:F> · 4–6`);
  });

  it("given the clock reaches each reminder's time then the facilitator hears 72 h before and participants 24 h and 1 h before, not earlier", async () => {
    const ownerDms = (await dmsTo(OWNER)).length;
    await bot.at("2026-12-02T10:29:00Z");
    expect(await dmsTo(OWNER)).toHaveLength(ownerDms);
    await bot.at("2026-12-02T10:30:00Z");
    expect((await dmsTo(OWNER)).at(-1)).toBe(`📝 <t:${unix(SESSIONS[0]!)}:F> の 📖 読書会 #1 · チームトポロジー輪読会 の進行役はあなたです: 1–3。準備をよろしくお願いします！`);

    const bobDms = (await dmsTo(BOB)).length;
    await bot.at("2026-12-04T10:29:00Z");
    expect(await dmsTo(BOB)).toHaveLength(bobDms);
    await bot.at("2026-12-04T10:30:00Z");
    expect((await dmsTo(BOB)).at(-1)).toMatch(/^⏰ あと1日で始まります: 📖 読書会 #1 · チームトポロジー輪読会\n1\. <t:\d+:F> · 1–3\n場所: 渋谷コワーキング/);
    expect((await dmsTo(CAROL)).at(-1)).toMatch(/^⏰ あと1日で始まります/);
    expect((await dmsTo(ALICE)).some((m) => m.startsWith("⏰"))).toBe(false); // she left
    await bot.at("2026-12-05T09:30:00Z");
    expect((await dmsTo(BOB)).at(-1)).toMatch(/^⏰ あと1時間で始まります/);
  });

  it("given the first session has ended then each participant is asked how it went, and an answer is stored", async () => {
    await bot.at("2026-12-05T12:00:00Z");
    const dmChannel = await dmChannelOf(BOB.id);
    const question = fake.messages.get(dmChannel)!.at(-1)!;
    expect(question.content).toBe("チームトポロジー輪読会 の第1回はいかがでしたか？ボタン1つで主催者に伝わります。学びを共有するとみんなの役に立ちます。");
    const { community, sessions } = await sessionsOf();
    expect(buttonsOf(question).map((b: Json) => b.custom_id)).toEqual(
      ["attended", "missed", "takeaway"].map((verb) => `rounds:${verb}:${sessions[0]!.id}`));
    const answer = await press({ user: BOB }, `rounds:attended:${sessions[0]!.id}`, question);
    expect(answer.body.data.content).toBe("ありがとうございます。参加を記録しました。");
    expect(await bot.store.forCommunity(community.id).rounds.attendance(sessions[0]!.id)).toEqual([
      expect.objectContaining({ attended: true, takeaway: null }),
    ]);
    const outsider = await press({ user: ALICE }, `rounds:attended:${sessions[0]!.id}`, question);
    expect(outsider.body.data.content).toBe("この質問はその会の参加者向けです。");
  });

  it("given the organizer cancels the round then the remaining events are cancelled, participants told and the card shows it without buttons", async () => {
    const { sessions } = await sessionsOf();
    const from = fake.requests.length;
    const cb = await round(organizer, "cancel", [number("round", 1)]);
    expect(cb.body.data.content).toBe("チームトポロジー輪読会 を中止しました。席のある2人とキャンセル待ちの0人に知らせ、カードにも表示しました。");
    await bot.at("2026-12-05T12:01:00Z");
    for (const session of sessions.slice(1)) {
      expect(fake.scheduledEvents.get(session.calendarEventId!)?.status).toBe(4);
    }
    expect(fake.scheduledEvents.get(sessions[0]!.calendarEventId!)?.status).not.toBe(4); // already held
    expect((await dmsTo(CAROL)).at(-1)).toBe("チームトポロジー輪読会（番号1）はオーガナイザーにより中止になりました。残りの回は開催されません。");
    const lastCard = since(from, cardEdits(card.id)).at(-1)!.body;
    expect(lastCard.content).toBe("チームトポロジー輪読会 は中止になりました。");
    expect(lastCard.components ?? []).toEqual([]);
    const joinAfter = await round({ user: ALICE }, "join", [number("round", 1)]);
    expect(joinAfter.body.data.content).toBe("チームトポロジー輪読会 には参加できる回が残っていません。");
  });
});

describe("a study session where the bot may not manage events", () => {
  it("given Discord refuses scheduled events then the round is created and works, and the refusal is logged once, not retried", async () => {
    const forbidden = fake.respond("POST", new RegExp(`^/guilds/${GUILD}/scheduled-events$`),
      () => ({ status: 403, body: { message: "Missing Permissions", code: 50013 } }));
    try {
      await round(organizer, "create");
      await submitPage(organizer, 0, { selects: { kind: ["study"], cadence: ["once"] }, fields: { title: "TypeScript 勉強会", topic: "", start: "2026年12月20日 14:00" } });
      await submitPage(organizer, 1, { fields: { sessions: "1", duration: "2時間", capacity: "5", link: "https://meet.example.com/ts", venue: "" } });
      const created = await submitPage(organizer, 2, { selects: { facilitation: ["organizer"] }, fields: { chapters: "", description: "", zone: "", reminders: "" } });
      expect(created.body.data.content).toMatch(/^💡 勉強会 #2 · TypeScript 勉強会 を作成しました/);
      const from = fake.requests.length;
      await bot.at("2026-12-06T00:00:00Z");
      expect(since(from, eventCalls("POST"))).toHaveLength(1);
      expect(bot.problems.splice(0).map((p) => p.msg)).toEqual(["scheduled events not kept: the bot may not manage events here"]);
      await bot.at("2026-12-06T02:00:00Z");
      expect(since(from, eventCalls("POST"))).toHaveLength(1);
      const joined = await round({ user: ALICE }, "join", [number("round", 2)]);
      expect(joined.body.data.content).toBe("TypeScript 勉強会 に参加登録しました。各回の前にリマインドします。都合が悪くなったら /round leave 2 でどうぞ。");
    } finally {
      forbidden();
    }
  });
});

describe("a monthly study session typed as people say it", () => {
  const page0 = (cadence: string, start: string) =>
    ({ selects: { kind: ["study"], cadence: [cadence] }, fields: { title: "月例 TypeScript 勉強会", topic: "", start } });
  const page1 = { fields: { sessions: "5", duration: "2時間", capacity: "10", link: "https://meet.example.com/ts", venue: "" } };

  it("given 毎月第2火曜 on a weekly round then it is refused with what to choose, and nothing is created", async () => {
    await round(organizer, "create");
    await submitPage(organizer, 0, page0("weekly", "毎月第2火曜 19:30"));
    await submitPage(organizer, 1, page1);
    const refused = await submitPage(organizer, 2, { selects: { facilitation: ["organizer"] }, fields: { chapters: "", description: "", zone: "", reminders: "" } });
    expect(refused.body.data.content).toContain(
      "初回の日時: 「毎月第2火曜 19:30」は毎月の予定です。頻度で「毎月」を選ぶか、「12月8日 19:30」のように初回の日付を入力してください。",
    );
    expect((await sessionsOf(3)).round).toBeNull();
  });

  it("given the second Tuesday of the month in New York then the card says so, the answer lists the second Tuesdays at 19:30 local across the March change, as stored", async () => {
    await round(organizer, "create");
    await submitPage(organizer, 0, page0("monthly", "second Tuesday of the month 7:30pm"));
    await submitPage(organizer, 1, page1);
    const from = fake.requests.length;
    const created = await submitPage(organizer, 2, {
      selects: { facilitation: ["organizer"] }, fields: { chapters: "", description: "", zone: "America/New_York", reminders: "" },
    });
    // Daylight saving starts on 2027-03-14: 19:30 EST is 00:30 UTC the next day, 19:30 EDT 23:30 UTC.
    const starts = ["2026-12-09T00:30:00Z", "2027-01-13T00:30:00Z", "2027-02-10T00:30:00Z", "2027-03-10T00:30:00Z", "2027-04-13T23:30:00Z"];
    expect(created.body.data.content).toBe(
      `💡 勉強会 #3 · 月例 TypeScript 勉強会 を作成しました（全5回、初回は <t:${unix(starts[0]!)}:F>）。メンバーはカードのボタンか /round join 3 で参加できます。\n`
      + `日程: ${starts.slice(0, 4).map((at) => `<t:${unix(at)}:F>`).join("、")}ほか1回`,
    );
    const [card] = since(from, (r) => r.method === "POST" && r.path === `/channels/${GENERAL}/messages`);
    expect(card!.body.embeds[0].fields.find((f: Json) => f.name === "進め方").value).toBe("毎月第2火曜日・1回120分・進行は主催者");
    const { round: stored, sessions } = await sessionsOf(3);
    expect(stored?.cadence).toBe("monthly_weekday");
    expect(sessions.map((s) => s.startsAt.toISOString())).toEqual(starts.map((at) => new Date(at).toISOString()));
  });
});
