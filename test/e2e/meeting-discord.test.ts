// Helping pairs actually meet, end to end on Discord: the real discord.js client against the local
// fake, on a manual clock. A group's private thread gets three proposed times; both members pick
// the same one and each gets a calendar invite (.ics, parsed back with ical.js) by direct message,
// with a reminder an hour before. An opt-in round pairs only those who said yes.
import ICAL from "ical.js";
import { DateTime } from "luxon";
import { PermissionFlagsBits } from "discord.js";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { MEMBER_PERMISSIONS, buttonPress, slashCommand, type RawCommandOption, type UserInput } from "../fakes/discord-payloads.js";
import type { FakeDiscord, RecordedRequest } from "../fakes/discord.js";
import { type DiscordBot, type TestBot, expectNoProblems, giveIntro, joinDirectly, startDiscordBot, storedRound, unix, userIdsOf } from "../support/bot.js";
import { communityOf } from "./support.js";
import { readCommunityOfAction } from "../../src/app/action-community.js";

/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = any;

const ORGANIZER_PERMISSIONS = String(BigInt(MEMBER_PERMISSIONS) | PermissionFlagsBits.ManageGuild);
const EPHEMERAL = 64;

// Thursday 2026-11-26 10:00 in Tokyo; the weekly round is Monday 2026-11-30 09:00 JST.
const START = "2026-11-26T01:00:00Z";
const HEADS_UP = "2026-11-29T00:00:00Z";
const OPT_IN_REMINDER = "2026-11-29T12:00:00Z";
const ROUND = "2026-11-30T00:00:00Z";

const guildIds = { times: "912000000000000001", optIn: "922000000000000001" } as const;
const channels = (guildId: string) => ({ general: `${guildId.slice(0, 3)}000000000000010`, pairing: `${guildId.slice(0, 3)}000000000000020` });

const OWNER = { id: "812000000000000001", username: "owner" };
const ALICE = { id: "812000000000000002", username: "alice" };
const BOB = { id: "812000000000000003", username: "bob" };
const CAROL = { id: "812000000000000004", username: "carol" };
const DAVE = { id: "812000000000000005", username: "dave" };
const everyone = [OWNER, ALICE, BOB, CAROL, DAVE];

let fake: FakeDiscord;
let bot: TestBot;
let running: DiscordBot | undefined;

beforeAll(async () => {
  running = await startDiscordBot(START, {
    guilds: Object.entries(guildIds).map(([key, id]) => ({
      id, name: `Meetup ${key}`, owner_id: OWNER.id,
      channels: [{ id: channels(id).general, name: "general" }, { id: channels(id).pairing, name: "pairing" }],
      members: everyone,
    })),
  });
  ({ fake, bot } = running);
});

afterAll(() => running?.stop());

afterEach(() => expectNoProblems(bot));

interface Who {
  guildId: string;
  user: UserInput;
  channelId?: string;
  permissions?: string;
}

const base = (who: Who) => ({
  guildId: who.guildId, channelId: who.channelId ?? channels(who.guildId).general, user: who.user, locale: "ja",
  permissions: who.permissions ?? MEMBER_PERMISSIONS,
});
const callbackOf = (p: { id: string; token: string }) =>
  fake.waitFor((r) => r.method === "POST" && r.path === `/interactions/${p.id}/${p.token}/callback`);
const command = (who: Who, name: string, extra: { subcommandGroup?: string; subcommand?: string; options?: RawCommandOption[]; resolved?: Json } = {}) =>
  callbackOf(fake.sendInteraction(slashCommand({ ...base(who), name, ...extra })));
const press = (who: Who, customId: string, message: Json) => callbackOf(fake.sendInteraction(buttonPress({ ...base(who), customId, message })));
const buttonsOf = (body: Json) =>
  ((body.components as Json[]) ?? []).flatMap((row) => row.components).map((b: Json) => ({ custom_id: readCommunityOfAction(b.custom_id).actionId, label: b.label }));
const since = (from: number, predicate: (r: RecordedRequest) => boolean) => fake.requests.slice(from).filter(predicate);
const postsTo = (channelId: string) => (r: RecordedRequest) => r.method === "POST" && r.path === `/channels/${channelId}/messages`;

function pairingSettings(who: Who, options: Record<string, string>) {
  const channel = channels(who.guildId).pairing;
  return command(who, "musubi", {
    subcommandGroup: "pairing", subcommand: "settings",
    options: [{ name: "channel", type: 7, value: channel }, ...Object.entries(options).map(([key, value]) => ({ name: key, type: 3, value }))],
    resolved: { channels: { [channel]: { id: channel, name: "pairing", type: 0, permissions: MEMBER_PERMISSIONS } } },
  });
}

async function joinWithIntro(guildId: string, users: readonly { id: string; username: string }[], zones: Record<string, string> = {}) {
  const industries = ["it", "design", "medical", "finance"] as const;
  for (const [i, user] of users.entries()) {
    const member = await giveIntro(bot.store, "discord", guildId, { id: user.id, name: user.username }, { industry: industries[i]! });
    await joinDirectly(bot.store, "discord", guildId, member);
    if (zones[user.id]) await bot.db.member.update({ where: { id: member.id }, data: { timeZone: zones[user.id] } });
  }
}

describe("time proposals in a Discord pair thread", () => {
  const guildId = guildIds.times;
  const ch = channels(guildId);
  const organizer: Who = { guildId, user: OWNER, permissions: ORGANIZER_PERMISSIONS };
  const zones = { [ALICE.id]: "Asia/Tokyo", [BOB.id]: "Europe/London" };
  let thread = "";
  let proposalsPost: Json;
  let proposalIds: string[] = [];

  it("given a round makes a pair of Tokyo and London then its thread gets three times in both members' working hours on different days", async () => {
    await joinWithIntro(guildId, [ALICE, BOB], zones);
    await pairingSettings(organizer, { enabled: "on", heads_up: "off" });
    const from = fake.requests.length;
    await command(organizer, "musubi", { subcommandGroup: "pairing", subcommand: "run-now" });
    expect(await bot.scheduler.runDue()).toBe(1);
    const { groups } = await storedRound(bot.store, "discord", guildId);
    thread = groups[0]!.spaceId!;
    const posts = since(from, postsTo(thread));
    expect(posts).toHaveLength(2);
    proposalsPost = posts[1]!.body;

    const community = await communityOf(bot.store, "discord", guildId);
    const proposals = await bot.store.forCommunity(community.id).meetings.proposals(groups[0]!.id);
    expect(proposals).toHaveLength(3);
    proposalIds = proposals.map((p) => p.id);
    expect(proposalsPost.content).toBe([
      "それぞれの活動時間（各自のタイムゾーンで平日9時〜21時）に収まる日時の候補です。都合のよいものを選んでください。全員が同じ候補を選ぶと決まり、カレンダーの招待が届きます。",
      ...proposals.map((p, i) => `候補${i + 1}: <t:${unix(p.startsAt.toISOString())}:F>`),
    ].join("\n"));
    expect(buttonsOf(proposalsPost)).toEqual([
      ...proposals.map((p, i) => ({ custom_id: `match:time:${p.id}`, label: `候補${i + 1}` })),
      { custom_id: `match:notime:${groups[0]!.id}`, label: "どれも合わない" },
    ]);
    const days = new Set<string>();
    for (const { startsAt } of proposals) {
      expect(startsAt.getTime() - bot.clock.now().getTime()).toBeGreaterThanOrEqual(6 * 3_600_000);
      for (const zone of Object.values(zones)) {
        const local = DateTime.fromJSDate(startsAt, { zone });
        expect(local.weekday).toBeLessThanOrEqual(5);
        expect(local.hour).toBeGreaterThanOrEqual(9);
        expect(local.plus({ minutes: 30 }).hour * 60 + local.plus({ minutes: 30 }).minute).toBeLessThanOrEqual(21 * 60);
      }
      days.add(DateTime.fromJSDate(startsAt, { zone: "Asia/Tokyo" }).toISODate()!);
    }
    expect(days.size).toBe(3);
  });

  it("given the two pick different times then the thread shows who picked what, and a member may change their pick", async () => {
    const from = fake.requests.length;
    const first = await press({ guildId, user: ALICE, channelId: thread }, `match:time:${proposalIds[0]}`, proposalsPost);
    expect(first.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    const community = await communityOf(bot.store, "discord", guildId);
    const proposals = await bot.store.forCommunity(community.id).meetings.proposals((await storedRound(bot.store, "discord", guildId)).groups[0]!.id);
    const option = (i: number) => `候補${i + 1}: <t:${unix(proposals[i]!.startsAt.toISOString())}:F>`;
    expect(first.body.data.content).toBe(`${option(0)}を選びました。全員がそろうと決まります。決まるまでは選び直せます。`);

    await press({ guildId, user: BOB, channelId: thread }, `match:time:${proposalIds[1]}`, proposalsPost);
    const tallies = since(from, postsTo(thread)).map((r) => r.body.content);
    expect(tallies).toEqual([
      `選んだ候補:\n<@${ALICE.id}>さん: ${option(0)}\n<@${BOB.id}>さん: まだ選んでいません`,
      `選んだ候補:\n<@${ALICE.id}>さん: ${option(0)}\n<@${BOB.id}>さん: ${option(1)}`,
    ]);
    expect(await bot.db.pairingMeeting.count({ where: { communityId: community.id } })).toBe(0);
  });

  it("given both pick the same time then each gets a calendar invite by direct message, the reminder is planned, and nothing is sent twice", async () => {
    const from = fake.requests.length;
    const agreed = await press({ guildId, user: BOB, channelId: thread }, `match:time:${proposalIds[0]}`, proposalsPost);
    const community = await communityOf(bot.store, "discord", guildId);
    const meeting = (await bot.db.pairingMeeting.findFirstOrThrow({ where: { communityId: community.id } }));
    expect(agreed.body.data.content).toBe(`全員が候補1: <t:${unix(meeting.startsAt.toISOString())}:F>を選びました。カレンダーの招待をダイレクトメッセージで送ります。`);
    expect(meeting.startsAt.getTime()).toBe((await bot.db.pairingTimeProposal.findUniqueOrThrow({ where: { id: proposalIds[0]! } })).startsAt.getTime());

    expect(await bot.scheduler.runDue()).toBe(1);
    expect(since(from, postsTo(thread)).map((r) => r.body.content)).toEqual([
      `日時が決まりました: <t:${unix(meeting.startsAt.toISOString())}:F>。カレンダーの招待をひとりずつダイレクトメッセージで送ります。開始の1時間前にここでお知らせします。`,
    ]);
    const invites = since(from, (r) => r.method === "POST" && /^\/channels\/\d+\/messages$/.test(r.path) && r.files.length > 0);
    expect(invites).toHaveLength(2);
    for (const user of [ALICE, BOB]) {
      const other = user === ALICE ? "bob" : "alice";
      const invite = invites.find((r) => String(r.body.content).startsWith(`${other}さん`))!;
      expect(invite.body.content).toBe(`${other}さんとの30分: <t:${unix(meeting.startsAt.toISOString())}:F>。添付のファイルでカレンダーに追加できます。`);
      expect(invite.files.map((f) => f.filename)).toEqual(["musubi-meeting.ics"]);
      const calendar = new ICAL.Component(ICAL.parse(invite.files[0]!.data.toString("utf8")));
      const event = new ICAL.Event(calendar.getFirstSubcomponent("vevent")!);
      expect(event.summary).toBe(`musubi: ${other}さんと話す`);
      const start = event.startDate;
      const tzid = calendar.getFirstSubcomponent("vevent")!.getFirstProperty("dtstart")!.getParameter("tzid");
      expect(tzid).toBe(zones[user.id]);
      const local = DateTime.fromJSDate(meeting.startsAt, { zone: zones[user.id] });
      expect([start.year, start.month, start.day, start.hour, start.minute]).toEqual([local.year, local.month, local.day, local.hour, local.minute]);
      expect(event.endDate.subtractDate(start).toSeconds()).toBe(30 * 60);
    }
    const reminder = await bot.db.job.findFirstOrThrow({ where: { communityId: community.id, kind: "pairing.meeting-reminder" } });
    expect(reminder.dueAt.getTime()).toBe(meeting.startsAt.getTime() - 3_600_000);
    // The follow-up knows: both answered "scheduled".
    const { groups } = await storedRound(bot.store, "discord", guildId);
    expect(groups[0]!.members.map((m) => m.answer)).toEqual(["scheduled", "scheduled"]);

    // The same job again (a second process, a retry) sends nothing more.
    await bot.db.job.updateMany({ where: { communityId: community.id, kind: "pairing.meeting" }, data: { status: "pending" } });
    const again = fake.requests.length;
    expect(await bot.scheduler.runDue()).toBe(1);
    expect(since(again, (r) => r.method === "POST" && r.path.endsWith("/messages"))).toEqual([]);

    // Settled: a later press changes nothing and says so.
    const late = await press({ guildId, user: ALICE, channelId: thread }, `match:time:${proposalIds[1]}`, proposalsPost);
    expect(late.body.data.content).toBe(`日時はすでに <t:${unix(meeting.startsAt.toISOString())}:F> に決まっています。`);
    expect((await bot.db.pairingMeeting.findFirstOrThrow({ where: { communityId: community.id } })).startsAt).toEqual(meeting.startsAt);

    // An hour before, the thread is reminded.
    const beforeReminder = fake.requests.length;
    await bot.at(reminder.dueAt.toISOString());
    const reminders = since(beforeReminder, postsTo(thread));
    expect(reminders.map((r) => r.body.content)).toEqual([
      `<@${ALICE.id}>さん、<@${BOB.id}>さん、まもなく <t:${unix(meeting.startsAt.toISOString())}:F> から話す予定です。楽しんでください！`,
    ]);
  });

  it("given a button of another community's proposal or a member outside the group then it is refused and nothing changes", async () => {
    const community = await communityOf(bot.store, "discord", guildId);
    const before = await bot.db.pairingTimePick.findMany({ orderBy: { memberId: "asc" } });
    const foreign = await press({ guildId: guildIds.optIn, user: CAROL, channelId: channels(guildIds.optIn).general }, `match:time:${proposalIds[0]}`, proposalsPost);
    expect(foreign.body.data.content).toBe("この日時の候補は見つかりません。スペースにある最新の候補から選んでください。");
    const outsider = await press({ guildId, user: CAROL, channelId: ch.general }, `match:time:${proposalIds[0]}`, proposalsPost);
    expect(outsider.body.data.content).toBe("この日時の候補はそのグループのメンバー向けです。");
    expect(await bot.db.pairingTimePick.findMany({ orderBy: { memberId: "asc" } })).toEqual(before);
    expect(await bot.db.pairingMeeting.count({ where: { communityId: community.id } })).toBe(1);
  });
});

describe("a per-round opt-in on Discord", () => {
  const guildId = guildIds.optIn;
  const ch = channels(guildId);
  const organizer: Who = { guildId, user: OWNER, permissions: ORGANIZER_PERMISSIONS };
  let headsUp: Json;
  let roundId = "";

  it("given opt-in is on then the heads-up asks who is in, with yes and no buttons", async () => {
    await joinWithIntro(guildId, [ALICE, BOB, CAROL, DAVE]);
    const saved = await pairingSettings(organizer, { enabled: "on", opt_in: "on" });
    expect(saved.body.data.embeds[0].fields).toContainEqual(expect.objectContaining({ name: "回ごとの参加確認", value: "オン（次の回: 参加0人 / 4人）" }));
    const from = fake.requests.length;
    await bot.at(HEADS_UP);
    const posts = since(from, postsTo(ch.pairing));
    expect(posts).toHaveLength(1);
    headsUp = posts[0]!.body;
    expect(headsUp.content).toBe(`予告: 次のマッチングは <t:${unix(ROUND)}:F> です。今回参加しますか？「参加する」と答えた方だけで組み合わせます。`);
    roundId = (await storedRound(bot.store, "discord", guildId, "2026-11-30")).round.id;
    expect(buttonsOf(headsUp)).toEqual([
      { custom_id: `match:in:${roundId}:yes`, label: "参加する" },
      { custom_id: `match:in:${roundId}:no`, label: "今回は見送る" },
    ]);
    const yes = await press({ guildId, user: ALICE, channelId: ch.pairing }, `match:in:${roundId}:yes`, headsUp);
    expect(yes.body.data.content).toBe(`参加で受け付けました。<t:${unix(ROUND)}:F> の回で組み合わせます。`);
  });

  it("given fewer than half answered half a day before then those who did not are asked again by direct message", async () => {
    const from = fake.requests.length;
    await bot.at(OPT_IN_REMINDER);
    const dms = since(from, (r) => r.method === "POST" && /^\/channels\/\d+\/messages$/.test(r.path) && String(r.body.content).startsWith("まだ回答がありません"));
    expect(dms).toHaveLength(3);
    for (const dm of dms) {
      expect(dm.body.content).toBe(`まだ回答がありません: 次のマッチング（<t:${unix(ROUND)}:F>）に参加しますか？「参加する」と答えた方だけで組み合わせます。`);
      expect(buttonsOf(dm.body).map((b) => b.custom_id)).toEqual([`match:in:${roundId}:yes`, `match:in:${roundId}:no`]);
    }
    const dmChannel = dms[0]!.path.split("/")[2]!;
    await press({ guildId, user: BOB, channelId: dmChannel }, `match:in:${roundId}:yes`, dms[0]!.body);
    const no = await press({ guildId, user: CAROL, channelId: ch.pairing }, `match:in:${roundId}:no`, headsUp);
    expect(no.body.data.content).toBe("今回は見送りで受け付けました。また次の回でお待ちしています。");
    const preview = await command(organizer, "musubi", { subcommandGroup: "pairing", subcommand: "preview" });
    expect(preview.body.data.content).toContain("回ごとの参加確認: 4人中2人が参加と回答しました。");
  });

  it("given the round runs then only those who said yes are paired", async () => {
    await bot.at(ROUND);
    const { groups } = await storedRound(bot.store, "discord", guildId, "2026-11-30");
    expect(groups.map(userIdsOf)).toEqual([[ALICE.id, BOB.id].sort()]);
    const late = await press({ guildId, user: DAVE, channelId: ch.pairing }, `match:in:${roundId}:yes`, headsUp);
    expect(late.body.data.content).toBe("この回の組み合わせはすでに決まりました。");
  });
});
