// A study session (勉強会) end to end on Slack: a real Bolt app against the local fake of the Web
// API, the real dispatcher, commands, SQLite store and jobs, on a manual clock. Lightning-talk
// sign-up with the timetable on the card, a slot taken twice refused, the after-party's answers
// by button with the organizer's head count, check-in by code and by button at the venue.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { sendBlockAction, sendSlashCommand, sendViewSubmission } from "../fakes/slack-payloads.js";
import type { FakeSlack, SlackCall } from "../fakes/slack.js";
import { type SlackBot, type TestBot, expectNoProblems, startSlackBot, unix } from "../support/bot.js";
import { communityOf } from "./support.js";
import { readCommunityOfAction } from "../../src/app/action-community.js";

/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = any;

const SECRET = "study-sessions-signing-secret";
const START = "2026-11-26T01:00:00Z";
/** Saturday 2026-12-05 19:00 JST. */
const SESSION_1 = "2026-12-05T10:00:00Z";
const TEAM = "T0STUDY02";
const CHANNEL = "C0STUDY02";
const KEN = { id: "U0KEN0002", name: "ken", locale: "ja-JP", is_admin: true };
const EMI = { id: "U0EMI0002", name: "emi", locale: "ja-JP" };
const GEN = { id: "U0GEN0002", name: "gen", locale: "ja-JP" };

let fake: FakeSlack;
let bot: TestBot;
let appUrl = "";
let running: SlackBot | undefined;

beforeAll(async () => {
  running = await startSlackBot(START, SECRET, { users: [KEN, EMI, GEN], channels: [{ id: CHANNEL, name: "study" }] });
  ({ fake, bot, appUrl } = running);
});
afterAll(() => running?.stop());
afterEach(() => expectNoProblems(bot));

type User = { id: string };
interface Posted { channel: string; ts: string; text: string; blocks: Json[] }
const posted = (call: SlackCall): Posted => ({ channel: call.response.channel, ts: call.response.ts, text: call.args.text, blocks: call.args.blocks });

async function slash(user: User, text: string): Promise<string> {
  const response_url = fake.responseUrl();
  const res = await sendSlashCommand(appUrl, SECRET, { command: "/round", text, user_id: user.id, team_id: TEAM, channel_id: CHANNEL, response_url });
  expect(res.status).toBe(200);
  return (await fake.waitFor((c) => c.method === "response_url" && response_url.endsWith(`/${c.id}`))).args.text;
}
async function press(user: User, post: Posted, action_id: string): Promise<string> {
  const response_url = fake.responseUrl();
  const res = await sendBlockAction(appUrl, SECRET, { user_id: user.id, team_id: TEAM, action_id, channel_id: post.channel, response_url, message: { ts: post.ts, text: post.text, blocks: post.blocks } });
  expect(res.status).toBe(200);
  return (await fake.waitFor((c) => c.method === "response_url" && response_url.endsWith(`/${c.id}`))).args.text;
}
const buttonOf = (post: Posted, kind: string): string =>
  post.blocks.filter((b) => b.type === "actions").flatMap((b) => b.elements).find((e: Json) => readCommunityOfAction(e.action_id).actionId.startsWith(kind)).action_id;
const fieldOf = (blocks: Json[], name: string): string | undefined =>
  blocks.flatMap((b) => b.fields ?? []).map((f: Json) => f.text as string).find((t) => t.startsWith(`*${name}*\n`))?.slice(name.length + 3);
/** The last message posted (not an update) whose text starts so. */
const lastPost = (start: string): Posted => posted([...fake.calls].reverse().find((c) => c.method === "chat.postMessage" && String(c.args.text).startsWith(start))!);

async function stored() {
  const community = await communityOf(bot.store, "slack", TEAM);
  const store = bot.store.forCommunity(community.id);
  const round = (await store.rounds.findByNumber(1))!;
  return { store, round, sessions: await store.rounds.sessions(round.id) };
}

describe("a study session on Slack", () => {
  let card: Posted;

  it("given the admin creates a study session with three LT slots and members join, then Emi's talk is on the card's timetable and Gen asking for her slot is refused", async () => {
    const trigger_id = "trigger-study-1";
    await sendSlashCommand(appUrl, SECRET, { command: "/round", text: "create", user_id: KEN.id, team_id: TEAM, channel_id: CHANNEL, trigger_id });
    const view = (await fake.waitFor((c) => c.method === "views.open" && c.args.trigger_id === trigger_id)).args.view;
    const answers: Record<string, string> = {
      kind: "study", title: "Rust もくもく会", topic: "", start: SESSION_1, cadence: "weekly", sessions: "2", duration: "2時間",
      capacity: "5", link: "", venue: "渋谷", facilitation: "organizer", chapters: "", description: "", zone: "", reminders: "",
    };
    const values = Object.fromEntries(Object.entries(answers).map(([id, value]) => [id, {
      [id]: ["kind", "cadence", "facilitation"].includes(id) ? { type: "static_select", selected_option: { text: { type: "plain_text", text: value }, value } }
        : id === "start" ? { type: "datetimepicker", selected_date_time: unix(value) } : { type: "plain_text_input", value },
    }]));
    await sendViewSubmission(appUrl, SECRET, { user_id: KEN.id, team_id: TEAM, callback_id: view.callback_id, private_metadata: view.private_metadata, values });
    card = posted(await fake.waitFor((c) => c.method === "chat.postMessage" && c.args.channel === CHANNEL && String(c.args.text).includes("Rust もくもく会")));

    expect(await slash(KEN, "lt-setup 1 3 10")).toBe("Rust もくもく会 の各回にLT枠を3つ（1枠10分、開始0分後から）設定しました。");
    expect(await slash(EMI, "lt 1 1 所有権の話")).toBe("LTに申し込むには、先に Rust もくもく会 に参加してください（/round join round:1）。");
    await slash(EMI, "join 1");
    await slash(GEN, "join 1");
    const signed = await slash(EMI, "lt 1 1 所有権の話");
    expect(signed.split("\n")[0]).toBe("第1回のLT 1番の枠に「所有権の話」で申し込みました。");
    const update = [...fake.calls].reverse().find((c) => c.method === "chat.update" && c.args.ts === card.ts)!;
    expect(fieldOf(update.args.blocks, "第1回のLT")?.split("\n")).toEqual([
      `19:00–19:10 1. <@${EMI.id}>さん「所有権の話」`, "19:10–19:20 2. （空き）", "19:20–19:30 3. （空き）",
    ]);

    const { store, sessions } = await stored();
    const before = await store.studySessions.talks([sessions[0]!.id]);
    expect(await slash(GEN, "lt 1 1 借用の話 1")).toBe("1番の枠はemiさんが申し込み済みです。別の枠を選ぶか、枠を指定せずに申し込んでください。");
    expect(await store.studySessions.talks([sessions[0]!.id])).toEqual(before);
  });

  it("given an after-party for one, then Emi takes the place by button, Gen hears it is full, and the admin sees the head count", async () => {
    expect(await slash(KEN, "party 1 1 1 居酒屋まる 3,000円当日払い")).toBe("Rust もくもく会 第1回の懇親会を保存しました。\n懇親会の参加者 0/1人: —");
    const announcement = lastPost("🍻");
    expect(await press(EMI, announcement, buttonOf(announcement, "rounds:party-join"))).toBe("第1回の懇親会に参加します。\n1/1人（満員） · 3,000円当日払い · 居酒屋まる");
    expect(await press(GEN, announcement, buttonOf(announcement, "rounds:party-join"))).toBe("第1回の懇親会は満員です（定員1人）。");
    const people = await slash(KEN, "people 1 1");
    expect(people.split("\n")).toContain(`懇親会の参加者 1/1人: <@${EMI.id}>`);
  });

  it("given check-in opens at the venue, then a code never issued is refused, Emi checks in by code and Gen by button", async () => {
    await bot.at(SESSION_1);
    const opened = await slash(KEN, "checkin-open 1");
    const code = /コード: ([2-9A-HJ-NP-Z]{4})/.exec(opened)![1]!;
    const wrong = code === "ZZZZ" ? "YYYY" : "ZZZZ";
    expect(await slash(EMI, `checkin ${wrong}`)).toBe(`コード「${wrong}」は発行されていません。会場で伝えられた4文字を確かめてください（0・O・1・I は使いません）。`);
    expect(await slash(EMI, `checkin ${code}`)).toBe("ようこそ！Rust もくもく会 第1回にチェックインしました。");
    const announcement = lastPost("📍");
    expect(await press(GEN, announcement, buttonOf(announcement, "rounds:here"))).toBe("ようこそ！Rust もくもく会 第1回にチェックインしました。");
    const { store, sessions } = await stored();
    expect((await store.studySessions.attendance([sessions[0]!.id])).filter((a) => a.checkedInAt)).toHaveLength(2);
    const people = await slash(KEN, "people 1 1");
    expect(people.split("\n")[1]).toBe(`出席（2人）: <@${EMI.id}>, <@${GEN.id}>`);
  });
});
