// Reading clubs and study sessions ("rounds") end to end on Slack: a real Bolt app (HTTP receiver,
// signed requests) against the local fake of the Web API, the real dispatcher, commands, SQLite
// store, scheduler, outbox and round jobs, on a manual clock (see pairing-support.ts). Each
// scenario group has a workspace of its own, and users of its own (DMs are per user in the fake).
//
// The reading club is one story told in order, like test/console/rounds-session.txt: the organizer
// creates it in a modal (refused first), members join and one waits, a seat frees up, a session
// moves, reminders and the after-session check arrive at their times, a takeaway lands in the
// card's thread, the calendar file is sent, the round is cancelled.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { sendBlockAction, sendSlashCommand, sendViewSubmission } from "../fakes/slack-payloads.js";
import type { FakeSlack, SlackCall } from "../fakes/slack.js";
import { type TestBot, type SlackBot, expectNoProblems, startSlackBot, unix } from "../support/bot.js";
import { communityOf } from "./support.js";
import { readCommunityOfAction } from "../../src/app/action-community.js";

/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = any;

const SECRET = "rounds-e2e-signing-secret";

// Thursday 2026-11-26 10:00 in Tokyo. The club meets on Saturdays at 19:30 JST for 90 minutes, three times.
const START = "2026-11-26T01:00:00Z";
const SESSIONS = ["2026-12-05T10:30:00Z", "2026-12-12T10:30:00Z", "2026-12-19T10:30:00Z"] as const;
/** Session 2 moved to Sunday 2026-12-13 10:00 JST. */
const MOVED = "2026-12-13T01:00:00Z";
/** A time as Slack shows it: in each reader's zone, with the round's as fallback. */
const slackDate = (iso: string, local: string) => `<!date^${unix(iso)}^{date_short_pretty} {time}|${local} (Asia/Tokyo)>`;
const S1 = slackDate(SESSIONS[0], "2026-12-05 19:30");
const S2 = slackDate(SESSIONS[1], "2026-12-12 19:30");
const S3 = slackDate(SESSIONS[2], "2026-12-19 19:30");
const S2_MOVED = slackDate(MOVED, "2026-12-13 10:00");

const teams = { club: "T0RCLUB01", study: "T0RSTUDY1" } as const;
const ROUNDS = "C0ROUNDS1";
const STUDY = "C0STUDY01";

// The reading club's workspace.
const ADA = { id: "U0ADA0001", name: "ada", real_name: "Ada Sato", locale: "ja-JP", is_admin: true };
const AKI = { id: "U0AKI0001", name: "aki", locale: "ja-JP" };
const BEN = { id: "U0BEN0001", name: "ben", locale: "ja-JP" };
const CHI = { id: "U0CHI0001", name: "chi", locale: "ja-JP" };
const DAN = { id: "U0DAN0001", name: "dan", locale: "ja-JP" };
// The study session's workspace.
const KEN = { id: "U0KEN0001", name: "ken", locale: "ja-JP", is_admin: true };
const EMI = { id: "U0EMI0001", name: "emi", locale: "ja-JP" };
const GEN = { id: "U0GEN0001", name: "gen", locale: "ja-JP" };

const NOT_ORGANIZER = (command: string) =>
  `${command} はオーガナイザーだけが使えるコマンドです。必要なときは、このコミュニティのオーガナイザーに頼んでください。`;

let fake: FakeSlack;
let bot: TestBot;
let appUrl = "";

let running: SlackBot | undefined;

beforeAll(async () => {
  running = await startSlackBot(START, SECRET, {
    users: [ADA, AKI, BEN, CHI, DAN, KEN, EMI, GEN],
    channels: [{ id: "C0GENERAL", name: "general" }, { id: ROUNDS, name: "rounds" }, { id: STUDY, name: "study" }],
  });
  ({ fake, bot, appUrl } = running);
});

afterAll(() => running?.stop());

afterEach(() => expectNoProblems(bot));

// ---------------------------------------------------------------- helpers

type User = { id: string };
/** A message the bot posted, as a button press needs it. */
interface Posted { channel: string; ts: string; text: string; blocks: Json[] }
const posted = (call: SlackCall): Posted => ({ channel: call.response.channel, ts: call.response.ts, text: call.args.text, blocks: call.args.blocks });

let triggers = 0;
const newTrigger = () => `trigger-rounds-${++triggers}`;

/** Runs a slash command and returns what the bot answered through its response_url. */
async function slash(user: User, team_id: string, text: string, channel_id = ROUNDS): Promise<SlackCall> {
  const response_url = fake.responseUrl();
  const res = await sendSlashCommand(appUrl, SECRET, { command: "/round", text, user_id: user.id, team_id, channel_id, response_url });
  expect(res.status).toBe(200);
  return fake.waitFor((c) => c.method === "response_url" && response_url.endsWith(`/${c.id}`));
}

/** Runs /round create and returns the modal the bot opened for it. */
async function openCreate(user: User, team_id: string, channel_id: string): Promise<Json> {
  const trigger_id = newTrigger();
  const res = await sendSlashCommand(appUrl, SECRET, { command: "/round", text: "create", user_id: user.id, team_id, channel_id, trigger_id });
  expect(res.status).toBe(200);
  return (await fake.waitFor((c) => c.method === "views.open" && c.args.trigger_id === trigger_id)).args.view;
}

interface RoundAnswers {
  kind: string; title: string; topic: string; start: string; cadence: string; sessions: string; duration: string;
  capacity: string; link: string; venue: string; facilitation: string; chapters: string; description: string; zone: string; reminders: string;
}
const SELECTS = new Set(["kind", "cadence", "facilitation"]);

/**
 * `view.state.values` as Slack sends it for the round modal (block id = action id = field id);
 * the first session's datetimepicker sends the picked moment in Unix seconds (`start` is its ISO form).
 */
const roundState = (answers: RoundAnswers): Json =>
  Object.fromEntries(Object.entries(answers).map(([id, value]) => [id, {
    [id]: SELECTS.has(id)
      ? { type: "static_select", selected_option: value ? { text: { type: "plain_text", text: value }, value } : null }
      : id === "start"
        ? { type: "datetimepicker", selected_date_time: value ? unix(value) : null }
        : { type: "plain_text_input", value },
  }]));

const submitModal = (user: User, team_id: string, view: Json, values: Json) =>
  sendViewSubmission(appUrl, SECRET, { user_id: user.id, team_id, callback_id: view.callback_id, private_metadata: view.private_metadata, values });

/** Presses a button of a message the bot posted and returns its answer through the response_url. */
async function press(user: User, team_id: string, post: Posted, action_id: string): Promise<SlackCall> {
  const response_url = fake.responseUrl();
  const res = await sendBlockAction(appUrl, SECRET, {
    user_id: user.id, team_id, action_id, channel_id: post.channel, response_url, message: { ts: post.ts, text: post.text, blocks: post.blocks },
  });
  expect(res.status).toBe(200);
  return fake.waitFor((c) => c.method === "response_url" && response_url.endsWith(`/${c.id}`));
}

/** Presses a button that opens a modal; returns the modal. */
async function pressForModal(user: User, team_id: string, post: Posted, action_id: string): Promise<Json> {
  const trigger_id = newTrigger();
  const res = await sendBlockAction(appUrl, SECRET, {
    user_id: user.id, team_id, action_id, channel_id: post.channel, trigger_id, response_url: fake.responseUrl(),
    message: { ts: post.ts, text: post.text, blocks: post.blocks },
  });
  expect(res.status).toBe(200);
  return (await fake.waitFor((c) => c.method === "views.open" && c.args.trigger_id === trigger_id)).args.view;
}

const buttonsIn = (blocks: Json[]) =>
  blocks.filter((b) => b.type === "actions").flatMap((b) => b.elements).map((e: Json) => ({ action_id: readCommunityOfAction(e.action_id).actionId, text: e.text.text }));
/** The value of a card's field ("*席*\n2席中2席が埋まっています（空き0席）" → "2席中2席が埋まっています（空き0席）"), or undefined. */
const fieldOf = (blocks: Json[], name: string): string | undefined =>
  blocks.flatMap((b) => b.fields ?? []).map((f: Json) => f.text as string).find((t) => t.startsWith(`*${name}*\n`))?.slice(name.length + 3);
const since = (from: number, predicate: (c: SlackCall) => boolean) => fake.calls.slice(from).filter(predicate);
const cardUpdates = (card: Posted) => (c: SlackCall) => c.method === "chat.update" && c.args.channel === card.channel && c.args.ts === card.ts;

/** The DM channel the bot opened with a user (the fake gives each user one), if it ever did. */
const dmOf = (user: User): string | undefined =>
  fake.calls.find((c) => c.method === "conversations.open" && c.args.users === user.id)?.response.channel.id;
/** Messages the bot posted in its DM with a user, oldest first. */
const dmsTo = (user: User): Json[] => {
  const dm = dmOf(user);
  return dm ? (fake.messages.get(dm) ?? []) : [];
};
const dmTextsTo = (user: User): string[] => dmsTo(user).map((m) => m.text as string);
/** The DM posts (as chat.postMessage calls) to a user from call index `from` on. */
const dmCallsTo = (user: User, from: number) => since(from, (c) => c.method === "chat.postMessage" && c.args.channel === dmOf(user));

async function roundOf(team: string, number = 1) {
  const community = await communityOf(bot.store, "slack", team);
  const round = await bot.store.forCommunity(community.id).rounds.findByNumber(number);
  return {
    community,
    round: round!,
    sessions: round ? await bot.store.forCommunity(community.id).rounds.sessions(round.id) : [],
    participants: round ? await bot.store.forCommunity(community.id).rounds.participants(round.id) : [],
  };
}

/** The .ics bytes WebClient posted to the upload URL (a multipart part named "body"), as text. */
const uploadedText = (upload: SlackCall): string => (upload.args as Json).body.data.toString("utf8");
/** The lines of each VEVENT of an .ics text (its VTIMEZONE has DTSTART lines of its own). */
const eventsOf = (ics: string): string[][] =>
  [...ics.matchAll(/BEGIN:VEVENT\r\n([\s\S]*?)END:VEVENT/g)].map((m) => m[1]!.split("\r\n").filter(Boolean));
const propertyOf = (event: string[], name: string) => event.find((l) => l.startsWith(`${name};`) || l.startsWith(`${name}:`));

// ---------------------------------------------------------------- the reading club

describe("a reading club on Slack", () => {
  const team = teams.club;
  let card: Posted;

  const goodAnswers: RoundAnswers = {
    kind: "reading", title: "チームトポロジー輪読会", topic: "Team Topologies", start: SESSIONS[0], cadence: "weekly",
    sessions: "3", duration: "90分", capacity: "2", link: "https://meet.example.com/tt", venue: "渋谷コワーキング",
    facilitation: "organizer", chapters: "1-9", description: "", zone: "", reminders: "",
  };

  it("given a member who is not an admin runs /round create then it is refused with the organizer-only message and no modal opens", async () => {
    const from = fake.calls.length;
    const answer = await slash(BEN, team, "create");
    expect(answer.args.response_type).toBe("ephemeral");
    expect(answer.args.text).toBe(NOT_ORGANIZER("/round create"));
    expect(since(from, (c) => c.method === "views.open")).toEqual([]);
  });

  it("given the admin runs /round create then a Japanese modal of the round's fields opens, carrying the channel", async () => {
    const view = await openCreate(ADA, team, ROUNDS);
    expect(view.callback_id).toBe("form:round-create");
    expect(view.title.text).toBe("読書会・勉強会を作成");
    expect(JSON.parse(view.private_metadata)).toMatchObject({ channelId: ROUNDS });
    expect(view.blocks.map((b: Json) => [b.block_id, b.label.text, b.element.type])).toEqual([
      ["kind", "種類", "static_select"],
      ["title", "タイトル", "plain_text_input"],
      ["topic", "本またはテーマ", "plain_text_input"],
      ["start", "初回の日時", "datetimepicker"],
      ["cadence", "頻度", "static_select"],
      ["sessions", "回数", "plain_text_input"],
      ["duration", "1回の長さ", "plain_text_input"],
      ["capacity", "定員", "plain_text_input"],
      ["link", "オンラインのリンク", "plain_text_input"],
      ["venue", "会場", "plain_text_input"],
      ["facilitation", "進行役", "static_select"],
      ["chapters", "章またはテーマ", "plain_text_input"],
      ["description", "説明", "plain_text_input"],
      ["zone", "タイムゾーン", "plain_text_input"],
      ["reminders", "各回のリマインド", "plain_text_input"],
    ]);
    const block = (id: string) => view.blocks.find((b: Json) => b.block_id === id);
    expect(block("kind").element.options.map((o: Json) => [o.value, o.text.text])).toEqual([["reading", "読書会"], ["study", "勉強会"]]);
    expect(block("cadence").element.initial_option.value).toBe("weekly");
    expect(block("zone").element.initial_value).toBe("Asia/Tokyo");
  });

  it("given the admin submits a start in the past, a capacity of 0 and 200 sessions then the modal shows each problem and nothing is saved", async () => {
    const view = await openCreate(ADA, team, ROUNDS);
    const from = fake.calls.length;
    const res = await submitModal(ADA, team, view, roundState({ ...goodAnswers, start: "2026-11-20T10:30:00Z", capacity: "0", sessions: "200" }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      response_action: "errors",
      errors: {
        start: "初回の日時: 「2026-11-20T10:30:00Z」はすでに過ぎています。これから先の日時を入力してください。",
        capacity: "定員: 1〜500の整数で入力してください。",
        sessions: "回数: 1〜52の整数で入力してください。",
      },
    });
    expect((await roundOf(team)).round).toBeNull();
    expect(since(from, (c) => c.method.startsWith("chat."))).toEqual([]);
  });

  it("given the admin submits a valid form then the card is posted in the channel with three buttons and the sessions as Slack dates, and the admin is told", async () => {
    const view = await openCreate(ADA, team, ROUNDS);
    const from = fake.calls.length;
    const res = await submitModal(ADA, team, view, roundState(goodAnswers));
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(""); // accepted: the modal closes

    const told = await fake.waitFor((c) => c.method === "chat.postEphemeral" && c.args.user === ADA.id && fake.calls.indexOf(c) >= from);
    expect(told.args.channel).toBe(ROUNDS);
    expect(told.args.text).toBe(`📖 読書会 #1 · チームトポロジー輪読会 を作成しました（全3回、初回は ${S1}）。メンバーはカードのボタンか /round join 1 で参加できます。\n日程: ${S1}、${S2}、${S3}`);

    const posts = since(from, (c) => c.method === "chat.postMessage" && c.args.channel === ROUNDS);
    expect(posts).toHaveLength(1);
    expect(posts[0]!.args.thread_ts).toBeUndefined();
    card = posted(posts[0]!);
    expect(card.text).toBe("新しい会: チームトポロジー輪読会。参加ボタンで席を確保できます。");
    expect(JSON.stringify(card.blocks)).toContain(JSON.stringify("*📖 読書会 #1 · チームトポロジー輪読会*\n*Team Topologies*"));
    expect(fieldOf(card.blocks, "日程")!.split("\n")).toEqual([
      `1. ${S1} · 1–3 · 進行 <@${ADA.id}>`,
      `2. ${S2} · 4–6 · 進行 <@${ADA.id}>`,
      `3. ${S3} · 7–9 · 進行 <@${ADA.id}>`,
    ]);
    // The online link is for seated members: the public card only says there is one.
    expect(fieldOf(card.blocks, "場所")).toBe("渋谷コワーキング\nオンライン（リンクは参加者にお知らせします）");
    expect(fieldOf(card.blocks, "席")).toBe("2席中0席が埋まっています（空き2席）");
    expect(fieldOf(card.blocks, "進め方")).toBe("毎週・1回90分・進行は主催者");
    expect(fieldOf(card.blocks, "主催")).toBe(`<@${ADA.id}>`);

    const { round, sessions } = await roundOf(team);
    expect(buttonsIn(card.blocks)).toEqual([
      { action_id: `rounds:join:${round.id}`, text: "参加する" },
      { action_id: `rounds:leave:${round.id}`, text: "参加をやめる" },
      { action_id: `rounds:calendar:${round.id}`, text: "カレンダーに追加" },
      { action_id: `rounds:info:${round.id}`, text: "参加者向け情報" },
    ]);
    expect(round).toMatchObject({ title: "チームトポロジー輪読会", capacity: 2, timeZone: "Asia/Tokyo", cardChannelId: ROUNDS, cardMessageId: card.ts });
    // The round's discussion is the card's thread.
    expect(round.discussionId).toBe(`${ROUNDS}:${card.ts}`);
    expect(sessions.map((s) => [s.position, s.startsAt.toISOString(), s.label])).toEqual(
      SESSIONS.map((at, i) => [i + 1, new Date(at).toISOString(), ["1–3", "4–6", "7–9"][i]]));
  });

  it("given two members take the two seats by button and by command then the card counts them, and the third is waitlisted", async () => {
    let from = fake.calls.length;
    const aki = await press(AKI, team, card, `rounds:join:${(await roundOf(team)).round.id}`);
    expect(aki.args).toMatchObject({ response_type: "ephemeral", replace_original: false });
    expect(aki.args.text).toBe("チームトポロジー輪読会 に参加登録しました。各回の前にリマインドします。都合が悪くなったら /round leave 1 でどうぞ。");
    const firstEdit = since(from, cardUpdates(card));
    expect(firstEdit).toHaveLength(1);
    expect(fieldOf(firstEdit[0]!.args.blocks, "席")).toBe("2席中1席が埋まっています（空き1席）");

    const ben = await slash(BEN, team, "join 1");
    expect(ben.args.text).toBe("チームトポロジー輪読会 に参加登録しました。各回の前にリマインドします。都合が悪くなったら /round leave 1 でどうぞ。");

    from = fake.calls.length;
    const chi = await press(CHI, team, card, `rounds:join:${(await roundOf(team)).round.id}`);
    expect(chi.args.response_type).toBe("ephemeral");
    expect(chi.args.text).toBe("チームトポロジー輪読会 は満席のため、キャンセル待ち1番目で登録しました。席が空いたらお知らせします。");
    const edited = since(from, cardUpdates(card)).at(-1)!;
    expect(fieldOf(edited.args.blocks, "席")).toBe("2席中2席が埋まっています（空き0席）\nキャンセル待ち1人");
    expect(buttonsIn(edited.args.blocks).map((b) => b.text)).toEqual(["参加する", "参加をやめる", "カレンダーに追加", "参加者向け情報"]);

    const { participants } = await roundOf(team);
    expect(participants.map((p) => [p.platformUserId, p.status])).toEqual([[AKI.id, "seat"], [BEN.id, "seat"], [CHI.id, "waitlist"]]);
  });

  it("given a seated member leaves by button then the first waiting gets the seat and a DM saying so, and the card has no one waiting", async () => {
    const from = fake.calls.length;
    const left = await press(AKI, team, card, `rounds:leave:${(await roundOf(team)).round.id}`);
    expect(left.args.response_type).toBe("ephemeral");
    expect(left.args.text).toBe("チームトポロジー輪読会 の参加を取り消しました。");

    expect(since(from, (c) => c.method === "conversations.open").map((c) => c.args.users)).toEqual([CHI.id]);
    expect(dmCallsTo(CHI, from).map((c) => c.args.text)).toEqual([
      "チームトポロジー輪読会 に空きが出たので、あなたの席を確保しました。日程は /round show 1、参加できなくなったら /round leave 1 でどうぞ。",
    ]);
    expect(fieldOf(since(from, cardUpdates(card)).at(-1)!.args.blocks, "席")).toBe("2席中2席が埋まっています（空き0席）");

    const { participants } = await roundOf(team);
    expect(participants.map((p) => [p.platformUserId, p.status])).toEqual([[BEN.id, "seat"], [CHI.id, "seat"]]);

    // A latecomer waits: the reminders below are for seated members only.
    const dan = await slash(DAN, team, "join 1");
    expect(dan.args.text).toBe("チームトポロジー輪読会 は満席のため、キャンセル待ち1番目で登録しました。席が空いたらお知らせします。");
  });

  it("given a member who is not an admin runs /round edit then it is refused and the round is unchanged", async () => {
    const from = fake.calls.length;
    const answer = await slash(BEN, team, "edit 1 capacity=3");
    expect(answer.args.text).toBe("チームトポロジー輪読会（番号1）を変更できるのは、その会の主催とオーガナイザーだけです。");
    expect((await roundOf(team)).round.capacity).toBe(2);
    expect(since(from, cardUpdates(card))).toEqual([]);
  });

  it("given the admin moves session 2 then only that session moves, participants are told by DM and the card shows the new time", async () => {
    const refused = await slash(ADA, team, `edit 1 session=2 start="毎月第2火曜 19:30"`);
    expect(refused.args.text).toBe("「毎月第2火曜 19:30」は毎月の予定で、1回分の日時ではありません。「12月8日 19:30」「第2火曜 19:30」のようにこの回の日時を入力してください。");
    const from = fake.calls.length;
    const answer = await slash(ADA, team, `edit 1 session=2 start="12月13日 10:00"`);
    expect(answer.args.text).toBe(`チームトポロジー輪読会 の第2回は ${S2_MOVED} になりました。時間が変わった場合は参加者に知らせました。`);

    const { sessions } = await roundOf(team);
    expect(sessions.map((s) => s.startsAt.toISOString())).toEqual([SESSIONS[0], MOVED, SESSIONS[2]].map((at) => new Date(at).toISOString()));
    const moved = `チームトポロジー輪読会: 日程が変わりました — 2. ${S2_MOVED} · 4–6`;
    for (const user of [BEN, CHI, DAN]) expect(dmCallsTo(user, from).map((c) => c.args.text)).toEqual([moved]);
    expect(dmCallsTo(AKI, from)).toEqual([]); // she left

    const schedule = fieldOf(since(from, cardUpdates(card)).at(-1)!.args.blocks, "日程")!;
    expect(schedule.split("\n")).toEqual([
      `1. ${S1} · 1–3 · 進行 <@${ADA.id}>`,
      `2. ${S2_MOVED} · 4–6 · 進行 <@${ADA.id}>`,
      `3. ${S3} · 7–9 · 進行 <@${ADA.id}>`,
    ]);
  });

  it("given a member runs /round calendar 1 then the .ics is uploaded to their DM with one event per session in Tokyo time", async () => {
    const from = fake.calls.length;
    const answer = await slash(BEN, team, "calendar 1");
    expect(answer.args.response_type).toBe("ephemeral");
    expect(answer.args.text).toBe("チームトポロジー輪読会 のカレンダーファイルです。開くと全ての回をカレンダーに追加できます。\n📎 round-1.ics をダイレクトメッセージで送りました。");

    const [ticket] = since(from, (c) => c.method === "files.getUploadURLExternal");
    expect(ticket?.args.filename).toBe("round-1.ics");
    const [upload] = since(from, (c) => c.method === "upload");
    expect(upload?.id).toBe(ticket?.response.file_id);
    const [completed] = since(from, (c) => c.method === "files.completeUploadExternal");
    expect(completed?.args).toMatchObject({ channel_id: dmOf(BEN), files: [{ id: upload?.id, title: "round-1.ics" }] });
    expect(fake.calls.indexOf(completed!)).toBeLessThan(fake.calls.indexOf(answer)); // the note is true when read

    const ics = uploadedText(upload!);
    expect(ics.split("\r\n")).toContain("TZID:Asia/Tokyo"); // the zone the times refer to is in the file
    const events = eventsOf(ics);
    expect(events).toHaveLength(3);
    expect(events.map((e) => propertyOf(e, "DTSTART"))).toEqual([
      "DTSTART;TZID=Asia/Tokyo:20261205T193000",
      "DTSTART;TZID=Asia/Tokyo:20261213T100000",
      "DTSTART;TZID=Asia/Tokyo:20261219T193000",
    ]);
    expect(events.map((e) => propertyOf(e, "SUMMARY"))).toEqual([
      "SUMMARY:チームトポロジー輪読会 — 1–3", "SUMMARY:チームトポロジー輪読会 — 4–6", "SUMMARY:チームトポロジー輪読会 — 7–9",
    ]);
    expect(events.map((e) => propertyOf(e, "STATUS"))).toEqual(["STATUS:CONFIRMED", "STATUS:CONFIRMED", "STATUS:CONFIRMED"]);
    // The online link is for participants: Ben is seated, Dan only waiting.
    expect(ics).toContain("URL:https://meet.example.com/tt");
    const fromDan = fake.calls.length;
    await slash(DAN, team, "calendar 1");
    const [danUpload] = since(fromDan, (c) => c.method === "upload");
    const danIcs = uploadedText(danUpload!);
    expect(eventsOf(danIcs)).toHaveLength(3);
    expect(danIcs).not.toContain("meet.example.com");
  });

  it("given the clock reaches each reminder's time then the facilitator hears 72 h before and seated participants 24 h and 1 h before, not earlier", async () => {
    const reminded = (user: User) => dmTextsTo(user).filter((t) => t.startsWith("⏰") || t.startsWith("📝"));

    expect(await bot.at("2026-12-02T10:29:00Z")).toBe(0);
    expect(reminded(ADA)).toEqual([]);
    await bot.at("2026-12-02T10:30:00Z");
    expect(reminded(ADA)).toEqual([`📝 ${S1} の 📖 読書会 #1 · チームトポロジー輪読会 の進行役はあなたです: 1–3。準備をよろしくお願いします！`]);
    expect(reminded(BEN)).toEqual([]);

    expect(await bot.at("2026-12-04T10:29:00Z")).toBe(0);
    expect(reminded(BEN)).toEqual([]);
    await bot.at("2026-12-04T10:30:00Z");
    const dayBefore = `⏰ あと1日で始まります: 📖 読書会 #1 · チームトポロジー輪読会\n1. ${S1} · 1–3\n場所: 渋谷コワーキング\nhttps://meet.example.com/tt`;
    expect(reminded(BEN)).toEqual([dayBefore]);
    expect(reminded(CHI)).toEqual([dayBefore]);
    expect(reminded(DAN)).toEqual([]); // waiting, not seated
    expect(reminded(AKI)).toEqual([]); // left

    expect(await bot.at("2026-12-05T09:29:00Z")).toBe(0);
    expect(reminded(BEN)).toHaveLength(1);
    await bot.at("2026-12-05T09:30:00Z");
    const hourBefore = `⏰ あと1時間で始まります: 📖 読書会 #1 · チームトポロジー輪読会\n1. ${S1} · 1–3\n場所: 渋谷コワーキング\nhttps://meet.example.com/tt`;
    expect(reminded(BEN)).toEqual([dayBefore, hourBefore]);
    expect(reminded(CHI)).toEqual([dayBefore, hourBefore]);
    expect(reminded(DAN)).toEqual([]);
    expect(reminded(ADA)).toHaveLength(1);
  });

  it("given the first session has ended then each seated participant is asked how it went with three buttons, and an answer is stored", async () => {
    const question = "チームトポロジー輪読会 の第1回はいかがでしたか？ボタン1つで主催者に伝わります。学びを共有するとみんなの役に立ちます。";
    const asked = (user: User) => dmsTo(user).filter((m) => m.text === question);

    expect(await bot.at("2026-12-05T11:59:00Z")).toBe(0);
    expect(asked(BEN)).toEqual([]);
    await bot.at("2026-12-05T12:00:00Z");
    const { community, sessions } = await roundOf(team);
    const first = sessions[0]!;
    for (const user of [BEN, CHI]) {
      expect(asked(user)).toHaveLength(1);
      expect(buttonsIn(asked(user)[0].blocks)).toEqual([
        { action_id: `rounds:attended:${first.id}`, text: "参加した" },
        { action_id: `rounds:missed:${first.id}`, text: "参加できなかった" },
        { action_id: `rounds:takeaway:${first.id}`, text: "学びを共有する" },
      ]);
    }
    expect(asked(DAN)).toEqual([]);
    expect(asked(AKI)).toEqual([]);

    const benQuestion = asked(BEN)[0];
    const answer = await press(BEN, team, { channel: dmOf(BEN)!, ts: benQuestion.ts, text: benQuestion.text, blocks: benQuestion.blocks }, `rounds:attended:${first.id}`);
    expect(answer.args.response_type).toBe("ephemeral");
    expect(answer.args.text).toBe("ありがとうございます。参加を記録しました。");
    const ben = await bot.store.forCommunity(community.id).members.findByPlatformUser(BEN.id);
    expect(await bot.store.forCommunity(community.id).rounds.attendance(first.id)).toEqual([{ memberId: ben!.id, attended: true, takeaway: null }]);

    // Someone who left before the session is not asked, and may not answer.
    const outsider = await press(AKI, team, { channel: dmOf(BEN)!, ts: benQuestion.ts, text: benQuestion.text, blocks: benQuestion.blocks }, `rounds:attended:${first.id}`);
    expect(outsider.args.text).toBe("この質問はその会の参加者向けです。");
    expect(await bot.store.forCommunity(community.id).rounds.attendance(first.id)).toHaveLength(1);
  });

  it("given a participant shares a takeaway from the DM then it is posted in the card's thread and stored", async () => {
    const { community, sessions } = await roundOf(team);
    const first = sessions[0]!;
    const question = dmsTo(CHI).find((m) => buttonsIn(m.blocks ?? []).some((b) => b.action_id === `rounds:takeaway:${first.id}`));
    const modal = await pressForModal(CHI, team, { channel: dmOf(CHI)!, ts: question.ts, text: question.text, blocks: question.blocks }, `rounds:takeaway:${first.id}`);
    expect(modal.callback_id).toBe("form:round-takeaway");
    expect(modal.blocks.map((b: Json) => [b.block_id, b.label.text])).toEqual([["takeaway", "この回で得た学びを1つ"]]);

    const from = fake.calls.length;
    const takeaway = "チームの認知負荷を減らすことが設計の出発点だった";
    const res = await submitModal(CHI, team, modal, { takeaway: { takeaway: { type: "plain_text_input", value: takeaway } } });
    expect(await res.text()).toBe("");

    const thanks = await fake.waitFor((c) => c.method === "chat.postMessage" && c.args.channel === dmOf(CHI) && fake.calls.indexOf(c) >= from);
    expect(thanks.args.text).toBe("ありがとうございます！学びを会のスレッドに投稿しました。");
    const inThread = since(from, (c) => c.method === "chat.postMessage" && c.args.channel === ROUNDS);
    expect(inThread.map((c) => [c.args.thread_ts, c.args.text])).toEqual([[card.ts, `💬 <@${CHI.id}>さんの第1回の学び:\n${takeaway}`]]);
    const chi = await bot.store.forCommunity(community.id).members.findByPlatformUser(CHI.id);
    expect(await bot.store.forCommunity(community.id).rounds.attendance(first.id)).toContainEqual({ memberId: chi!.id, attended: true, takeaway });
  });

  it("given the clock reaches the moved session's reminders then they come at its new time, and none at its old one", async () => {
    const reminders = (user: User, from: number) => dmCallsTo(user, from).map((c) => c.args.text as string).filter((t) => t.startsWith("⏰") || t.startsWith("📝"));
    const from = fake.calls.length;
    // Planned for the old time: 72 h before (12-09 19:30 JST) and 24 h before (12-11 19:30 JST).
    await bot.at("2026-12-09T10:30:00Z");
    expect(reminders(ADA, from)).toEqual([]);
    await bot.at("2026-12-10T01:00:00Z");
    expect(reminders(ADA, from)).toEqual([`📝 ${S2_MOVED} の 📖 読書会 #1 · チームトポロジー輪読会 の進行役はあなたです: 4–6。準備をよろしくお願いします！`]);
    await bot.at("2026-12-12T00:59:00Z");
    expect(reminders(BEN, from)).toEqual([]);
    await bot.at("2026-12-12T01:00:00Z");
    const dayBefore = `⏰ あと1日で始まります: 📖 読書会 #1 · チームトポロジー輪読会\n2. ${S2_MOVED} · 4–6\n場所: 渋谷コワーキング\nhttps://meet.example.com/tt`;
    expect(reminders(BEN, from)).toEqual([dayBefore]);
    expect(reminders(CHI, from)).toEqual([dayBefore]);
  });

  it("given the admin cancels the round then every participant is told by DM, the card shows it cancelled without buttons, and nothing more is sent", async () => {
    await bot.at("2026-12-12T02:00:00Z");
    const from = fake.calls.length;
    const answer = await slash(ADA, team, "cancel 1");
    expect(answer.args.text).toBe("チームトポロジー輪読会 を中止しました。席のある2人とキャンセル待ちの1人に知らせ、カードにも表示しました。");

    const notice = "チームトポロジー輪読会（番号1）はオーガナイザーにより中止になりました。残りの回は開催されません。";
    for (const user of [BEN, CHI, DAN]) expect(dmCallsTo(user, from).map((c) => c.args.text)).toEqual([notice]);
    expect(dmCallsTo(AKI, from)).toEqual([]);

    const last = since(from, cardUpdates(card)).at(-1)!;
    expect(last.args.text).toBe("チームトポロジー輪読会 は中止になりました。");
    expect(fieldOf(last.args.blocks, "状態")).toBe("中止");
    expect(fieldOf(last.args.blocks, "日程")!.split("\n")).toEqual([
      `~2. ${S2_MOVED} · 4–6 · 進行 <@${ADA.id}>~ （中止）`,
      `~3. ${S3} · 7–9 · 進行 <@${ADA.id}>~ （中止）`,
    ]);
    expect(buttonsIn(last.args.blocks)).toEqual([]);

    const { round, sessions } = await roundOf(team);
    expect(round.status).toBe("cancelled");
    expect(sessions.map((s) => s.status)).toEqual(["scheduled", "cancelled", "cancelled"]);

    const joinAfter = await slash(AKI, team, "join 1");
    expect(joinAfter.args.text).toBe("チームトポロジー輪読会 には参加できる回が残っていません。");

    // The cancelled session's 1 h reminder and after-session check stay silent.
    const later = fake.calls.length;
    await bot.at("2026-12-13T00:00:00Z");
    await bot.at("2026-12-13T02:30:00Z");
    for (const user of [ADA, BEN, CHI, DAN]) expect(dmCallsTo(user, later)).toEqual([]);
  });
});

// ---------------------------------------------------------------- a study session

describe("a study session of one seat on Slack", () => {
  const team = teams.study;
  let card: Posted;
  // Saturday 2027-01-16 14:00 JST: after every time the reading club's story moves the clock to.
  const AT = "2027-01-16T05:00:00Z";
  const DATE = slackDate(AT, "2027-01-16 14:00");

  it("given the admin creates a one-off study session then its card is posted with its one session", async () => {
    const view = await openCreate(KEN, team, STUDY);
    const from = fake.calls.length;
    const res = await submitModal(KEN, team, view, roundState({
      kind: "study", title: "TypeScript 勉強会", topic: "", start: AT, cadence: "once", sessions: "", duration: "2時間",
      capacity: "1", link: "https://meet.example.com/ts", venue: "", facilitation: "organizer", chapters: "", description: "", zone: "", reminders: "",
    }));
    expect(await res.text()).toBe("");
    const told = await fake.waitFor((c) => c.method === "chat.postEphemeral" && c.args.user === KEN.id && fake.calls.indexOf(c) >= from);
    expect(told.args.text).toBe(`💡 勉強会 #1 · TypeScript 勉強会 を作成しました（全1回、初回は ${DATE}）。メンバーはカードのボタンか /round join 1 で参加できます。\n日程: ${DATE}`);
    const posts = since(from, (c) => c.method === "chat.postMessage" && c.args.channel === STUDY);
    expect(posts).toHaveLength(1);
    card = posted(posts[0]!);
    expect(fieldOf(card.blocks, "日程")).toBe(`1. ${DATE} · 進行 <@${KEN.id}>`);
    expect(fieldOf(card.blocks, "席")).toBe("1席中0席が埋まっています（空き1席）");
    expect(fieldOf(card.blocks, "進め方")).toBe("1回のみ・1回120分・進行は主催者");
  });

  it("given the seat is taken then the next joiner waits, and joining again tells them their place", async () => {
    const { round } = await roundOf(team);
    const emi = await press(EMI, team, card, `rounds:join:${round.id}`);
    expect(emi.args.text).toBe("TypeScript 勉強会 に参加登録しました。各回の前にリマインドします。都合が悪くなったら /round leave 1 でどうぞ。");
    const gen = await press(GEN, team, card, `rounds:join:${round.id}`);
    expect(gen.args.text).toBe("TypeScript 勉強会 は満席のため、キャンセル待ち1番目で登録しました。席が空いたらお知らせします。");
    const again = await slash(GEN, team, "join 1", STUDY);
    expect(again.args.text).toBe("TypeScript 勉強会 のキャンセル待ちにすでに登録しています（1番目）。");
    expect((await roundOf(team)).participants.map((p) => [p.platformUserId, p.status])).toEqual([[EMI.id, "seat"], [GEN.id, "waitlist"]]);
  });

  it("given the seated member runs /round leave 1 then the waiting member gets the seat and a DM, and the card is edited", async () => {
    const from = fake.calls.length;
    const left = await slash(EMI, team, "leave 1", STUDY);
    expect(left.args.text).toBe("TypeScript 勉強会 の参加を取り消しました。");
    expect(dmCallsTo(GEN, from).map((c) => c.args.text)).toEqual([
      "TypeScript 勉強会 に空きが出たので、あなたの席を確保しました。日程は /round show 1、参加できなくなったら /round leave 1 でどうぞ。",
    ]);
    expect(fieldOf(since(from, cardUpdates(card)).at(-1)!.args.blocks, "席")).toBe("1席中1席が埋まっています（空き0席）");
    expect((await roundOf(team)).participants.map((p) => [p.platformUserId, p.status])).toEqual([[GEN.id, "seat"]]);

    const notIn = await press(EMI, team, card, `rounds:leave:${(await roundOf(team)).round.id}`);
    expect(notIn.args.text).toBe("TypeScript 勉強会 には参加登録していません。");
  });

  it("given a member presses the calendar button then the .ics of its one session is uploaded to their DM", async () => {
    const from = fake.calls.length;
    const answer = await press(GEN, team, card, `rounds:calendar:${(await roundOf(team)).round.id}`);
    expect(answer.args.text).toBe("TypeScript 勉強会 のカレンダーファイルです。開くと全ての回をカレンダーに追加できます。\n📎 round-1.ics をダイレクトメッセージで送りました。");
    const [completed] = since(from, (c) => c.method === "files.completeUploadExternal");
    expect(completed?.args.channel_id).toBe(dmOf(GEN));
    const [upload] = since(from, (c) => c.method === "upload");
    const events = eventsOf(uploadedText(upload!));
    expect(events.map((e) => [propertyOf(e, "DTSTART"), propertyOf(e, "DTEND")])).toEqual([
      ["DTSTART;TZID=Asia/Tokyo:20270116T140000", "DTEND;TZID=Asia/Tokyo:20270116T160000"],
    ]);
  });
});

// ---------------------------------------------------------------- a monthly round picked on Slack

describe("a monthly round on Slack, its first session picked with the date and time picker", () => {
  const team = teams.study;
  // Fridays at 19:00 in Berlin: 26 February 2027 is the month's last; Europe moves to summer time on 28 March.
  const LAST_FRIDAYS = ["2027-02-26T18:00:00Z", "2027-03-26T18:00:00Z", "2027-04-30T17:00:00Z"];
  const berlinDate = (iso: string, local: string) => `<!date^${unix(iso)}^{date_short_pretty} {time}|${local} (Europe/Berlin)>`;
  const answers: RoundAnswers = {
    kind: "study", title: "Monthly TypeScript", topic: "", start: LAST_FRIDAYS[0]!, cadence: "monthly_last_weekday", sessions: "3",
    duration: "2h", capacity: "10", link: "https://meet.example.com/ts", venue: "", facilitation: "organizer", chapters: "",
    description: "", zone: "Europe/Berlin", reminders: "",
  };

  it("given a picked Friday that is not its month's last, on Every month on the last such weekday, then the modal says so and nothing is saved", async () => {
    const view = await openCreate(KEN, team, STUDY);
    expect(view.blocks.find((b: Json) => b.block_id === "cadence").element.options.map((o: Json) => o.value)).toEqual([
      "once", "weekly", "biweekly", "monthly", "monthly_weekday", "monthly_last_weekday",
    ]);
    const from = fake.calls.length;
    const res = await submitModal(KEN, team, view, roundState({ ...answers, start: "2027-02-19T18:00:00Z" }));
    expect(await res.json()).toEqual({
      response_action: "errors",
      errors: {
        cadence: "頻度: 初回「2027-02-19T18:00:00Z」はその月の最後の同じ曜日ではありません。「毎月最終金曜 19時」のように入力するか、「毎月（同じ週の同じ曜日）」を選んでください。",
      },
    });
    expect((await roundOf(team, 2)).round).toBeNull();
    expect(since(from, (c) => c.method.startsWith("chat."))).toEqual([]);
  });

  it("given a forged picker value that is no moment, then the modal says the start cannot be read and nothing is saved", async () => {
    const view = await openCreate(KEN, team, STUDY);
    const res = await submitModal(KEN, team, view, { ...roundState(answers), start: { start: { type: "datetimepicker", selected_date_time: 1e20 } } });
    expect(((await res.json()) as Json).errors).toEqual({
      start: "初回の日時: 「100000000000000000000」は日時としてそのまま読み取れません。「2026-12-05 19:30」「12月5日 19:30」「来週金曜 19時」「毎月第2火曜 19:30」のように入力してください。",
    });
    expect((await roundOf(team, 2)).round).toBeNull();
  });

  it("given the month's last Friday picked, then the card says so, the answer lists the last Fridays at 19:00 Berlin time across the change to summer time, as stored", async () => {
    const view = await openCreate(KEN, team, STUDY);
    const from = fake.calls.length;
    const res = await submitModal(KEN, team, view, roundState(answers));
    expect(await res.text()).toBe("");
    const told = await fake.waitFor((c) => c.method === "chat.postEphemeral" && c.args.user === KEN.id && fake.calls.indexOf(c) >= from);
    const dates = [
      berlinDate(LAST_FRIDAYS[0]!, "2027-02-26 19:00"),
      berlinDate(LAST_FRIDAYS[1]!, "2027-03-26 19:00"),
      berlinDate(LAST_FRIDAYS[2]!, "2027-04-30 19:00"),
    ];
    expect(told.args.text).toBe(
      `💡 勉強会 #2 · Monthly TypeScript を作成しました（全3回、初回は ${dates[0]}）。メンバーはカードのボタンか /round join 2 で参加できます。\n日程: ${dates.join("、")}`,
    );
    const [posted] = since(from, (c) => c.method === "chat.postMessage" && c.args.channel === STUDY);
    expect(fieldOf(posted!.args.blocks, "進め方")).toBe("毎月最終金曜日・1回120分・進行は主催者");
    const { round, sessions } = await roundOf(team, 2);
    expect(round.cadence).toBe("monthly_last_weekday");
    expect(sessions.map((s) => s.startsAt.toISOString())).toEqual(LAST_FRIDAYS.map((at) => new Date(at).toISOString()));
  });
});
