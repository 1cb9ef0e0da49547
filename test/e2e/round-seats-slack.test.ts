// Seats per session end to end on Slack: the real Bolt app against the local fake, on a manual
// clock. A reading club for two with kinds of places: a capacity below the seats taken is
// confirmed by button (and a stale confirmation changes nothing), an unknown kind is refused, a
// reminder's "I can't make it" hands the session's seat to the first waiting member, who is told.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { sendBlockAction, sendSlashCommand, sendViewSubmission } from "../fakes/slack-payloads.js";
import type { FakeSlack, SlackCall } from "../fakes/slack.js";
import { type TestBot, type SlackBot, expectNoProblems, startSlackBot, unix } from "../support/bot.js";
import { communityOf } from "./support.js";
import { readCommunityOfAction } from "../../src/app/action-community.js";

/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = any;

const SECRET = "round-seats-e2e-signing-secret";

// Thursday 2026-11-26 10:00 in Tokyo. The club meets on Saturdays at 19:30 JST for 90 minutes, three times.
const START = "2026-11-26T01:00:00Z";
const SESSIONS = ["2026-12-05T10:30:00Z", "2026-12-12T10:30:00Z", "2026-12-19T10:30:00Z"] as const;

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


describe("seats per session on Slack", () => {
  const team = teams.club;
  let card: Posted;

  it("given the admin creates a round for two and four members join, then two are seated and two wait", async () => {
    const view = await openCreate(ADA, team, ROUNDS);
    const from = fake.calls.length;
    await submitModal(ADA, team, view, roundState({
      kind: "reading", title: "DDD 輪読会", topic: "", start: SESSIONS[0], cadence: "weekly", sessions: "3", duration: "90分",
      capacity: "2", link: "https://meet.example.com/ddd", venue: "", facilitation: "organizer", chapters: "", description: "", zone: "", reminders: "",
    }));
    card = posted(await fake.waitFor((c) => c.method === "chat.postMessage" && c.args.channel === ROUNDS && fake.calls.indexOf(c) >= from));
    for (const user of [AKI, BEN, CHI, DAN]) await slash(user, team, "join 1");
    const { participants } = await roundOf(team);
    expect(participants.map((p) => [p.platformUserId, p.status])).toEqual([[AKI.id, "seat"], [BEN.id, "seat"], [CHI.id, "waitlist"], [DAN.id, "waitlist"]]);
  });

  it("given a capacity below the seats taken, then the admin is told who would lose a seat and nothing changes until confirmed; a stale confirmation changes nothing", async () => {
    const asked = await slash(ADA, team, "edit 1 capacity=1");
    expect(asked.args.text).toBe(`定員を1人にすると、席のある2人のうち1人が席を失い、キャンセル待ちの先頭に戻ります: <@${BEN.id}>\nまだ何も変更していません。よろしいですか？`.replace("定員を", "DDD 輪読会 の定員を"));
    expect((await roundOf(team)).round.capacity).toBe(2);
    const confirm = buttonsIn(asked.args.blocks);
    expect(confirm.map((b) => b.text)).toEqual(["定員を1人にする", "席はそのまま"]);
    const prompt: Posted = { channel: ROUNDS, ts: "1", text: asked.args.text, blocks: asked.args.blocks };
    expect((await press(ADA, team, prompt, confirm[1]!.action_id)).args.text).toBe("DDD 輪読会 の定員と席はそのままです。");

    // Ben leaves and Chi takes his seat: the confirmation was for other seats, so it changes nothing.
    await slash(BEN, team, "leave 1");
    const stale = await press(ADA, team, prompt, confirm[0]!.action_id);
    expect(stale.args.text).toBe("このボタンの後に席が変わったため、何も変更していません。/round edit round:1 でもう一度どうぞ。");
    const { round, participants } = await roundOf(team);
    expect(round.capacity).toBe(2);
    expect(participants.map((p) => [p.platformUserId, p.status])).toEqual([[AKI.id, "seat"], [CHI.id, "seat"], [DAN.id, "waitlist"]]);
  });

  it("given kinds of places, then an unknown kind is refused with the kinds there are and nothing changes, and a known one seats the member in it", async () => {
    const set = await slash(ADA, team, "edit 1 places=一般:2,学生:1");
    expect(set.args.text).toBe("DDD 輪読会 を更新しました。カードにも反映されています。");
    const edited = since(0, cardUpdates(card)).at(-1)!;
    expect(fieldOf(edited.args.blocks, "席")).toBe("一般: 2/2人 · キャンセル待ち1人\n学生: 0/1人");
    expect(buttonsIn(edited.args.blocks).map((b) => b.text)).toEqual(["参加する（一般）", "参加する（学生）", "参加をやめる", "カレンダーに追加", "参加者向け情報"]);

    const refused = await slash(EMI, team, "join 1 place=社会人");
    expect(refused.args.text).toBe("参加枠「社会人」はありません。選べる枠: 一般, 学生");
    expect((await roundOf(team)).participants.some((p) => p.platformUserId === EMI.id)).toBe(false);
    const joined = await slash(EMI, team, "join 1 place=学生");
    expect(joined.args.text).toBe("DDD 輪読会 に参加登録しました。各回の前にリマインドします。都合が悪くなったら /round leave 1 でどうぞ。");
    const kinds = await bot.store.forCommunity((await roundOf(team)).community.id).rounds.places((await roundOf(team)).round.id);
    expect((await roundOf(team)).participants.find((p) => p.platformUserId === EMI.id)).toMatchObject({ status: "seat", place: kinds[1]!.id });
  });

  it("given the reminder a day before, when Aki presses \"I can't make it\", then Dan, first waiting for a general place, gets the seat of that session and is told", async () => {
    await bot.at("2026-12-04T10:30:00Z");
    const reminder = dmsTo(AKI).at(-1)!;
    expect(reminder.text).toContain("https://meet.example.com/ddd");
    expect(dmTextsTo(DAN).at(-1)).toContain("いまキャンセル待ち1番目です。");
    const { sessions } = await roundOf(team);
    const absent = buttonsIn(reminder.blocks);
    expect(absent).toEqual([{ action_id: `rounds:absent:${sessions[0]!.id}`, text: "参加できなくなった" }]);

    const from = fake.calls.length;
    const answer = await press(AKI, team, { channel: dmOf(AKI)!, ts: reminder.ts, text: reminder.text, blocks: reminder.blocks }, absent[0]!.action_id);
    expect(answer.args.text).toBe("DDD 輪読会 の第1回は欠席で登録しました。席はキャンセル待ちの方に回します。ほかの回の席はそのままです。");
    const told = await fake.waitFor((c) => c.method === "chat.postMessage" && c.args.channel === dmOf(DAN) && fake.calls.indexOf(c) >= from);
    expect(told.args.text).toMatch(/^🎉 📖 読書会 #1 · DDD 輪読会 の第1回（.+）に空きが出たので、あなたの席を確保しました。/);

    // Per session: Aki answers for session 2 by command, and is still coming to session 3.
    const second = await slash(AKI, team, "answer 1 session=2 answer=absent");
    expect(second.args.text).toBe("DDD 輪読会 の第2回は欠席で登録しました。席はキャンセル待ちの方に回します。ほかの回の席はそのままです。");
    const shown = await slash(AKI, team, "show 1");
    const schedule = fieldOf(shown.args.blocks, "日程")!.split("\n");
    expect(schedule[0]).toMatch(/あなた: 欠席$/);
    expect(schedule[1]).toMatch(/あなた: 欠席$/);
    expect(schedule[2]).toMatch(/あなた: 参加$/);
  });
});
