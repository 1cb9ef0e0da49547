// Seats per session end to end on Discord: the real discord.js client against the local fake,
// on a manual clock. A study session for two with two waiting: reminders carry "I can't make it"
// (the freed seat goes to the first waiting member, who is told), the waitlist hears where it
// stands, promotions stop 3 hours before, and "Interested" on a session's scheduled event joins
// or leaves that session.
import { PermissionFlagsBits } from "discord.js";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { MEMBER_PERMISSIONS, buttonPress, modalSubmit, slashCommand, type RawCommandOption, type UserInput } from "../fakes/discord-payloads.js";
import type { FakeDiscord } from "../fakes/discord.js";
import { type DiscordBot, type TestBot, expectNoProblems, giveIntro, startDiscordBot } from "../support/bot.js";
import { communityOf } from "./support.js";
import { readCommunityOfAction } from "../../src/app/action-community.js";

/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = any;

const ORGANIZER_PERMISSIONS = String(BigInt(MEMBER_PERMISSIONS) | PermissionFlagsBits.ManageGuild);
const START = "2026-11-26T01:00:00Z";

const GUILD = "962000000000000001";
const GENERAL = "962000000000000010";
const OWNER = { id: "862000000000000001", username: "owner" };
const ALICE = { id: "862000000000000002", username: "alice" };
const BOB = { id: "862000000000000003", username: "bob" };
const CAROL = { id: "862000000000000004", username: "carol" };
const DAVE = { id: "862000000000000005", username: "dave" };
const ERIN = { id: "862000000000000006", username: "erin" };

let fake: FakeDiscord;
let bot: TestBot;
let running: DiscordBot | undefined;

beforeAll(async () => {
  running = await startDiscordBot(START, {
    guilds: [{
      id: GUILD, name: "Study", owner_id: OWNER.id, channels: [{ id: GENERAL, name: "general" }],
      members: [OWNER, ALICE, BOB, CAROL, DAVE, ERIN],
    }],
  });
  ({ fake, bot } = running);
});

afterAll(() => running?.stop());
afterEach(() => expectNoProblems(bot));

interface Who { user: UserInput; permissions?: string }
const organizer: Who = { user: OWNER, permissions: ORGANIZER_PERMISSIONS };
const base = (who: Who) => ({ guildId: GUILD, channelId: GENERAL, user: who.user, locale: "ja", permissions: who.permissions ?? MEMBER_PERMISSIONS });
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
  ((data.components as Json[]) ?? []).flatMap((row) => row.components).map((b: Json) => readCommunityOfAction(b.custom_id).actionId as string);

async function dmChannelOf(userId: string): Promise<string> {
  const answer = await fetch(`${fake.apiUrl}/v10/users/@me/channels`, {
    method: "POST", headers: { "content-type": "application/json", authorization: "Bot test-token" },
    body: JSON.stringify({ recipient_id: userId }),
  });
  return ((await answer.json()) as { id: string }).id;
}
const dmMessages = async (user: UserInput): Promise<Json[]> => fake.messages.get(await dmChannelOf(user.id)) ?? [];
const dmsTo = async (user: UserInput) => (await dmMessages(user)).map((m) => m.content as string);

async function roundNow() {
  const community = await communityOf(bot.store, "discord", GUILD);
  const scoped = bot.store.forCommunity(community.id);
  const stored = (await scoped.rounds.findByNumber(1))!;
  const sessions = await scoped.rounds.sessions(stored.id);
  return { scoped, round: stored, sessions };
}
const comingTo = async (sessionIndex: number) => {
  const { scoped, round: r, sessions } = await roundNow();
  const { loadRoll } = await import("../../src/app/rounds/session-seats.js");
  const { roll } = await loadRoll(scoped, r, sessions[sessionIndex]!);
  const members = await Promise.all(roll.coming.map((c) => scoped.members.find(c.memberId)));
  return members.map((m) => m!.platformUserId);
};
/** Waits until the user has received `count` direct messages (event interest is answered by DM, with no interaction to wait for). */
async function dmCount(user: UserInput, count: number): Promise<string[]> {
  const channel = await dmChannelOf(user.id);
  await fake.waitFor(() => (fake.messages.get(channel) ?? []).length >= count);
  return dmsTo(user);
}

describe("seats per session on Discord", () => {
  it("given a study session for two, when four join then two are seated and two wait", async () => {
    await round(organizer, "create");
    await submitPage(organizer, 0, { selects: { kind: ["study"], cadence: ["weekly"] }, fields: { title: "Rust 勉強会", topic: "", start: "12月5日 19:30" } });
    await submitPage(organizer, 1, { fields: { sessions: "3", duration: "2時間", capacity: "2", link: "https://meet.example.com/rust", venue: "" } });
    await submitPage(organizer, 2, { selects: { facilitation: ["organizer"] }, fields: { chapters: "", description: "", zone: "" } });
    const noted = await round(organizer, "edit", [number("round", 1), text("note", "入館は受付で名前を伝えてください")]);
    expect(noted.body.data.content).toBe("Rust 勉強会 を更新しました。カードにも反映されています。");
    for (const who of [ALICE, BOB, CAROL, DAVE]) await round({ user: who }, "join", [number("round", 1)]);
    const { round: stored } = await roundNow();
    await bot.at(START);
    expect(await comingTo(0)).toEqual([ALICE.id, BOB.id]);
    expect(stored.privateNote).toBe("入館は受付で名前を伝えてください");
  });

  it("given the reminder a day before, then the seated get the link, the note and a button, and the waitlist hears its place", async () => {
    await bot.at("2026-12-04T10:30:00Z");
    const reminder = (await dmMessages(ALICE)).at(-1)!;
    expect(reminder.content).toContain("https://meet.example.com/rust");
    expect(reminder.content).toContain("主催からのメモ: 入館は受付で名前を伝えてください");
    const { sessions } = await roundNow();
    expect(buttonsOf(reminder)).toEqual([`rounds:absent:${sessions[0]!.id}`]);
    expect((await dmsTo(CAROL)).at(-1)).toContain("いまキャンセル待ち1番目です。");
    expect((await dmsTo(DAVE)).at(-1)).toContain("いまキャンセル待ち2番目です。");
    expect((await dmsTo(DAVE)).at(-1)).not.toContain("https://meet.example.com/rust");
  });

  it("given Alice presses \"I can't make it\", then Carol gets the seat of that session and is told, and Alice keeps her seat in the series", async () => {
    const reminder = (await dmMessages(ALICE)).at(-1)!;
    const carolBefore = (await dmsTo(CAROL)).length;
    const answer = await press({ user: ALICE }, buttonsOf(reminder)[0]!, reminder);
    expect(answer.body.data.content).toBe("Rust 勉強会 の第1回は欠席で登録しました。席はキャンセル待ちの方に回します。ほかの回の席はそのままです。");
    const told = await dmCount(CAROL, carolBefore + 1);
    expect(told.at(-1)).toMatch(/^🎉 💡 勉強会 #1 · Rust 勉強会 の第1回（<t:\d+:F>）に空きが出たので、あなたの席を確保しました。/);
    expect(told.at(-1)).toContain("https://meet.example.com/rust");
    expect(await comingTo(0)).toEqual([BOB.id, CAROL.id]);
    expect(await comingTo(1)).toEqual([ALICE.id, BOB.id]);

    // The same button again: nothing changes, and she is told so.
    const again = await press({ user: ALICE }, buttonsOf(reminder)[0]!, reminder);
    expect(again.body.data.content).toBe("Rust 勉強会 の第1回はすでに欠席で登録しています。");
    expect(await comingTo(0)).toEqual([BOB.id, CAROL.id]);
  });

  it("given /round show, then it shows each session as it is now with the member's own answer", async () => {
    const shown = await round({ user: ALICE }, "show", [number("round", 1)]);
    expect(shown.body.data.content).toBe("✅ 参加登録済みです。");
    const schedule = shown.body.data.embeds[0].fields.find((f: Json) => f.name === "日程").value as string;
    const lines = schedule.split("\n");
    expect(lines[0]).toMatch(/ — 参加2人 · 欠席1人 · キャンセル待ち1人 · あなた: 欠席$/);
    expect(lines[1]).toMatch(/ — 参加2人 · 欠席0人 · キャンセル待ち2人 · あなた: 参加$/);
    expect(shown.body.data.embeds[0].fields.find((f: Json) => f.name === "参加者向け情報").value).toContain("https://meet.example.com/rust");
    const waiting = await round({ user: DAVE }, "show", [number("round", 1)]);
    expect(waiting.body.data.embeds[0].fields.some((f: Json) => f.name === "参加者向け情報")).toBe(false);
    expect(JSON.stringify(waiting.body.data)).not.toContain("https://meet.example.com/rust");
  });

  it("given \"Interested\" on session 2's event, then a member without an intro is told why, a full session says so, and a freed seat is taken", async () => {
    const { sessions } = await roundNow();
    const event = sessions[1]!.calendarEventId!;
    expect(event).toBeTruthy();

    fake.eventInterest(GUILD, event, ERIN.id, true);
    expect((await dmCount(ERIN, 1)).at(-1)).toBe("「興味あり」で読書会・勉強会の回に参加登録するには、先に /intro で自己紹介してください。そのあとでもう一度「興味あり」を押すと登録します。");
    expect(await comingTo(1)).toEqual([ALICE.id, BOB.id]);

    await giveIntro(bot.store, "discord", GUILD, { id: ERIN.id, name: "erin" });
    fake.eventInterest(GUILD, event, ERIN.id, true);
    expect((await dmCount(ERIN, 2)).at(-1)).toBe("Rust 勉強会 の第2回は満席です。何も変更していません。/round join で会のキャンセル待ちに登録できます。\n「興味あり」はイベントに残りますが、席は確保されていません。");

    // Bob takes his interest back: he is not coming to session 2, and Carol, first waiting, gets his seat.
    const carolBefore = (await dmsTo(CAROL)).length;
    const bobBefore = (await dmsTo(BOB)).length;
    fake.eventInterest(GUILD, event, BOB.id, false);
    expect((await dmCount(BOB, bobBefore + 1)).at(-1)).toContain("Rust 勉強会 の第2回は欠席で登録しました。");
    expect((await dmCount(CAROL, carolBefore + 1)).at(-1)).toContain("の第2回（");
    expect(await comingTo(1)).toEqual([ALICE.id, CAROL.id]);

    // Carol too: Dave is next in line.
    fake.eventInterest(GUILD, event, CAROL.id, false);
    await dmCount(CAROL, carolBefore + 2);
    expect(await comingTo(1)).toEqual([ALICE.id, DAVE.id]);

    // Alice takes hers back; nobody waits any more, so Erin's Interested now takes the free seat.
    const aliceBefore = (await dmsTo(ALICE)).length;
    fake.eventInterest(GUILD, event, ALICE.id, false);
    await dmCount(ALICE, aliceBefore + 1);
    expect(await comingTo(1)).toEqual([DAVE.id]);
    fake.eventInterest(GUILD, event, ERIN.id, true);
    expect((await dmCount(ERIN, 3)).at(-1)).toBe("Rust 勉強会 の第2回に参加で登録しました。");
    expect(await comingTo(1)).toEqual([DAVE.id, ERIN.id]);
  });

  it("given less than 3 hours before a session, then a freed seat is given to nobody", async () => {
    await bot.at("2026-12-05T08:00:00Z");
    const { sessions } = await roundNow();
    const daveBefore = (await dmsTo(DAVE)).length;
    const answer = await round({ user: BOB }, "answer", [number("round", 1), number("session", 1), text("answer", "absent")]);
    expect(answer.body.data.content).toBe("Rust 勉強会 の第1回は欠席で登録しました。席はキャンセル待ちの方に回します。ほかの回の席はそのままです。");
    expect(await comingTo(0)).toEqual([CAROL.id]);
    expect(await dmsTo(DAVE)).toHaveLength(daveBefore);
    expect(sessions[0]!.status).toBe("scheduled");
  });
});
