// musubi end to end on Slack: a real Bolt app (HTTP receiver, signed requests), the real
// dispatcher, commands and SQLite store, against the local fake of Slack's Web API. Each
// scenario uses a workspace (team) of its own, so scenarios do not see each other's settings.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startHttpServer, type HttpServer } from "../../src/ops/http.js";
import { startSlack, type RunningSlack } from "../../src/platforms/slack/adapter.js";
import {
  sendBadSignature,
  sendBlockAction,
  sendEvent,
  sendSlashCommand,
  sendUnsigned,
  sendViewSubmission,
  slashCommandBody,
  teamJoinEvent,
} from "../fakes/slack-payloads.js";
import { startFakeSlack, type FakeSlack, type SlackCall } from "../fakes/slack.js";
import { createTestBot, type TestBot } from "../support/bot.js";
import { communityOf, describeProblems, profileOf } from "./support.js";
import { readCommunityOfAction } from "../../src/app/action-community.js";

/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = any;

const SECRET = "e2e-signing-secret";

const AKI = { id: "U0AKI0001", name: "aki", real_name: "Aki Tanaka", locale: "ja-JP" };
const BEN = { id: "U0BEN0001", name: "ben", real_name: "Ben Carter", locale: "en-US" };
const ADA = { id: "U0ADA0001", name: "ada", real_name: "Ada Sato", locale: "ja-JP", is_admin: true };
const OLIVE = { id: "U0OLIVE01", name: "olive", real_name: "Olive Owner", locale: "en-US", is_owner: true };
/** Joins the workspace during the tests (users.info knows them, as Slack would). */
const NEWBIE = { id: "U0NEW0001", name: "newbie", real_name: "New Bie", locale: "en-US" };

let fake: FakeSlack;
let bot: TestBot;
let slack: RunningSlack;
let http: HttpServer;
let appUrl = "";
let triggers = 0;

beforeAll(async () => {
  fake = await startFakeSlack({
    users: [AKI, BEN, ADA, OLIVE, NEWBIE],
    channels: [{ id: "C0GENERAL", name: "general" }, { id: "C0MEETUP", name: "meetup" }, { id: "C0INTROS", name: "intros" }],
  });
  bot = createTestBot();
  http = await startHttpServer({ port: 0, host: "127.0.0.1", log: bot.log });
  slack = await startSlack({
    config: { botToken: "xoxb-e2e-token", signingSecret: SECRET, apiUrl: fake.apiUrl },
    musubi: bot.musubi,
    log: bot.log,
    http,
  });
  appUrl = `${http.url}/slack/events`;
});

afterAll(async () => {
  await slack?.stop();
  await http?.close();
  await fake?.close();
  await bot?.store.disconnect();
});

afterEach(() => {
  // The adapter logs and swallows a failed listener: a user would see nothing at all.
  const problems = bot.problems.splice(0);
  expect(problems, describeProblems(problems)).toEqual([]);
});

// ---------------------------------------------------------------- helpers

const newTrigger = () => `trigger-e2e-${++triggers}`;

/** Runs /intro and returns the modal the bot opened for it. */
async function openIntro(user: { id: string }, team_id: string, channel_id = "C0GENERAL"): Promise<Json> {
  const trigger_id = newTrigger();
  const res = await sendSlashCommand(appUrl, SECRET, { command: "/intro", user_id: user.id, team_id, channel_id, trigger_id });
  expect(res.status).toBe(200);
  const open = await fake.waitFor((c) => c.method === "views.open" && c.args.trigger_id === trigger_id);
  return open.args.view;
}

/** `view.state.values` as Slack sends it for the intro modal (block id = action id = field id). */
function introState(answers: {
  industry?: string; role?: string; seniority?: string; canOffer?: string; lookingFor?: string; interests?: string;
  languages?: string[]; city?: string; meetingPreference?: string; bio?: string;
}): Json {
  const text = (id: string, value: string | undefined) => ({ [id]: { [id]: { type: "plain_text_input", value: value ?? null } } });
  const select = (id: string, value: string | undefined) =>
    ({ [id]: { [id]: { type: "static_select", selected_option: value ? { text: { type: "plain_text", text: value }, value } : null } } });
  return {
    ...select("industry", answers.industry),
    ...text("role", answers.role),
    ...select("seniority", answers.seniority),
    ...text("canOffer", answers.canOffer),
    ...text("lookingFor", answers.lookingFor),
    ...text("interests", answers.interests),
    languages: { languages: { type: "multi_static_select", selected_options: (answers.languages ?? []).map((value) => ({ text: { type: "plain_text", text: value }, value })) } },
    ...text("city", answers.city),
    ...select("meetingPreference", answers.meetingPreference),
    ...text("bio", answers.bio),
  };
}

const goodAnswers = {
  industry: "it", role: "Backend engineer", seniority: "3-7", canOffer: "code review, 面接練習",
  lookingFor: "デザインのメンター", interests: "Rust, 登山", languages: ["ja", "en"], city: "大阪",
  meetingPreference: "in_person", bio: "Rust で決済基盤を作っています。",
};

const textOf = (blocks: Json[]): string => JSON.stringify(blocks);
const chatCalls = () => fake.calls.filter((c) => c.method.startsWith("chat.") || c.method === "conversations.open");
const buttonsIn = (blocks: Json[]) =>
  blocks.filter((b) => b.type === "actions").flatMap((b) => b.elements).map((e: Json) => ({ action_id: readCommunityOfAction(e.action_id).actionId, text: e.text.text }));

// ---------------------------------------------------------------- scenarios

describe("musubi on Slack", () => {
  it("given a Japanese member runs /intro then a Japanese modal of 10 inputs opens", async () => {
    const view = await openIntro(AKI, "T0OPEN01", "C0MEETUP");
    expect(view.type).toBe("modal");
    expect(view.callback_id).toBe("form:intro");
    expect(view.title.text).toBe("自己紹介");
    expect(view.submit.text).toBe("保存");
    expect(JSON.parse(view.private_metadata)).toMatchObject({ channelId: "C0MEETUP" });
    expect(view.blocks).toHaveLength(10);
    expect(view.blocks.every((b: Json) => b.type === "input")).toBe(true);
    expect(view.blocks.map((b: Json) => [b.block_id, b.label.text, b.element.type])).toEqual([
      ["industry", "業界", "static_select"],
      ["role", "職種・役割", "plain_text_input"],
      ["seniority", "経験年数", "static_select"],
      ["canOffer", "提供できること", "plain_text_input"],
      ["lookingFor", "求めていること", "plain_text_input"],
      ["interests", "興味・関心", "plain_text_input"],
      ["languages", "話せる言語", "multi_static_select"],
      ["city", "活動エリア（都市）", "plain_text_input"],
      ["meetingPreference", "会い方の希望", "static_select"],
      ["bio", "ひとこと自己紹介", "plain_text_input"],
    ]);
    expect(fake.calls).toContainEqual(expect.objectContaining({ method: "users.info", args: expect.objectContaining({ user: AKI.id }) }));
  });

  it("given an English member runs /intro then the modal is in English", async () => {
    const view = await openIntro(BEN, "T0OPEN01");
    expect(view.title.text).toBe("Introduce yourself");
    expect(view.submit.text).toBe("Save");
    expect(view.blocks.map((b: Json) => b.label.text)).toEqual([
      "Industry", "Role", "Experience", "What I can offer", "What I am looking for", "Interests", "Languages",
      "City", "How I like to meet", "Short bio",
    ]);
  });

  it("given a Japanese member submits bad answers then the modal shows Japanese errors beside the fields and nothing is saved or posted", async () => {
    const view = await openIntro(AKI, "T0BAD001");
    const before = chatCalls().length;
    const res = await sendViewSubmission(appUrl, SECRET, {
      user_id: AKI.id, team_id: "T0BAD001", callback_id: view.callback_id, private_metadata: view.private_metadata,
      values: introState({ ...goodAnswers, role: "", languages: [], bio: "x".repeat(301) }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      response_action: "errors",
      errors: {
        role: "職種・役割は必須です。",
        languages: "話せる言語は必須です。",
        bio: "ひとこと自己紹介は300文字以内で入力してください。",
      },
    });
    expect(await profileOf(bot.store, "slack", "T0BAD001", AKI.id)).toBeNull();
    expect(chatCalls()).toHaveLength(before);
  });

  it("given an English member submits a too-long role then the errors are in English", async () => {
    const view = await openIntro(BEN, "T0BAD001");
    const res = await sendViewSubmission(appUrl, SECRET, {
      user_id: BEN.id, team_id: "T0BAD001", callback_id: view.callback_id, private_metadata: view.private_metadata,
      values: introState({ ...goodAnswers, role: "r".repeat(61) }),
    });
    expect(await res.json()).toEqual({ response_action: "errors", errors: { role: "Role must be at most 60 characters." } });
    expect(await profileOf(bot.store, "slack", "T0BAD001", BEN.id)).toBeNull();
  });

  it("given a member submits a valid intro then the card is posted in the channel of /intro, confirmed privately and stored", async () => {
    const view = await openIntro(AKI, "T0SAVE01", "C0MEETUP");
    const res = await sendViewSubmission(appUrl, SECRET, {
      user_id: AKI.id, team_id: "T0SAVE01", callback_id: view.callback_id, private_metadata: view.private_metadata,
      values: introState(goodAnswers),
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(""); // accepted: the modal closes

    const post = await fake.waitFor((c) => c.method === "chat.postMessage" && c.args.text === `<@${AKI.id}>さんの自己紹介`);
    expect(post.args.channel).toBe("C0MEETUP");
    const blocks = textOf(post.args.blocks);
    expect(blocks).toContain("*職種・役割*\\nBackend engineer");
    expect(blocks).toContain("*業界*\\nIT・ソフトウェア");
    expect(blocks).toContain("*aki*\\nRust で決済基盤を作っています。");

    const confirm = await fake.waitFor((c) => c.method === "chat.postEphemeral" && c.args.user === AKI.id && c.args.channel === "C0MEETUP");
    expect(confirm.args.text).toBe("akiさん、ありがとうございます！自己紹介を <#C0MEETUP> に投稿しました。次は /match join で毎週のマッチングに参加するか、/offers でメンバーの提供と募集をのぞいてみましょう。");

    const profile = await profileOf(bot.store, "slack", "T0SAVE01", AKI.id);
    expect(profile?.intro).toMatchObject({ role: "Backend engineer", languages: ["ja", "en"], canOffer: ["code review", "面接練習"] });
    expect(profile?.card).toEqual({ channelId: "C0MEETUP", messageId: post.response.ts });
  });

  it("given a new member joins the workspace then they are welcomed by DM in their language with a button that opens the form", async () => {
    const res = await sendEvent(appUrl, SECRET, { team_id: "T0JOIN01", event: teamJoinEvent({ ...NEWBIE, team_id: "T0JOIN01" }) });
    expect(res.status).toBe(200);
    const open = await fake.waitFor((c) => c.method === "conversations.open" && c.args.users === NEWBIE.id);
    const dm = open.response.channel.id as string;
    const post = await fake.waitFor((c) => c.method === "chat.postMessage" && c.args.channel === dm);
    expect(post.args.text).toContain(`<@${NEWBIE.id}>`);
    expect(post.args.text).toMatch(/^Welcome to /);
    expect(buttonsIn(post.args.blocks)).toEqual([{ action_id: "form:intro:0", text: "Introduce yourself" }]);

    const trigger_id = newTrigger();
    await sendBlockAction(appUrl, SECRET, {
      user_id: NEWBIE.id, team_id: "T0JOIN01", action_id: "form:intro:0", channel_id: dm, trigger_id,
      message: { ts: post.response.ts, text: post.args.text, blocks: post.args.blocks },
    });
    const modal = await fake.waitFor((c) => c.method === "views.open" && c.args.trigger_id === trigger_id);
    expect(modal.args.view.title.text).toBe("Introduce yourself");
    // The bot's DM is no place for a public card: with no intro channel set, none is posted there.
    expect(JSON.parse(modal.args.view.private_metadata)).toMatchObject({ channelId: null });
  });

  it("given an unsigned or badly signed request then it is refused with 401 and nothing happens", async () => {
    const before = fake.calls.length;
    const unsignedTrigger = newTrigger();
    const badTrigger = newTrigger();
    const unsigned = await sendUnsigned(appUrl, slashCommandBody({ command: "/intro", user_id: AKI.id, team_id: "T0SEC001", trigger_id: unsignedTrigger }));
    const bad = await sendBadSignature(appUrl, slashCommandBody({ command: "/intro", user_id: AKI.id, team_id: "T0SEC001", trigger_id: badTrigger }));
    expect(unsigned.status).toBe(401);
    expect(bad.status).toBe(401);
    expect(fake.calls.slice(before)).toEqual([]);
    // Bolt reports each refusal; they are expected here.
    const refusals = bot.problems.splice(0).map((p) => String(p.bolt));
    expect(refusals.length).toBeGreaterThan(0);
    expect(refusals.every((text) => /verify/i.test(text))).toBe(true);

    // The same request, signed, goes through: only it opens a modal.
    await openIntro(AKI, "T0SEC001");
    const opened = fake.calls.filter((c: SlackCall) => c.method === "views.open").map((c) => c.args.trigger_id);
    expect(opened).not.toContain(unsignedTrigger);
    expect(opened).not.toContain(badTrigger);
  });

  it("given a member who is not an admin runs /musubi setup then it is refused through response_url and nothing changes", async () => {
    const responseUrl = fake.responseUrl();
    await sendSlashCommand(appUrl, SECRET, {
      command: "/musubi", text: "setup intro_channel=<#C0INTROS|intros>", user_id: AKI.id, team_id: "T0SETUP1", response_url: responseUrl,
    });
    const answer = await fake.waitFor((c) => c.method === "response_url" && responseUrl.endsWith(`/${c.id}`));
    expect(answer.args.response_type).toBe("ephemeral");
    expect(answer.args.text).toBe("/musubi setup はオーガナイザーだけが使えるコマンドです。必要なときは、このコミュニティのオーガナイザーに頼んでください。");
    expect((await communityOf(bot.store, "slack", "T0SETUP1")).introChannelId).toBeNull();
  });

  it("given an admin runs /musubi setup then the settings are saved and the next card goes to the intro channel", async () => {
    const responseUrl = fake.responseUrl();
    await sendSlashCommand(appUrl, SECRET, {
      command: "/musubi", text: "setup intro_channel=<#C0INTROS|intros> time_zone=Europe/London", user_id: ADA.id, team_id: "T0SETUP1",
      response_url: responseUrl,
    });
    const answer = await fake.waitFor((c) => c.method === "response_url" && responseUrl.endsWith(`/${c.id}`));
    expect(answer.args.response_type).toBe("ephemeral");
    expect(answer.args.text).toBe("設定を保存しました。");
    expect(textOf(answer.args.blocks)).toContain("<#C0INTROS>");
    const community = await communityOf(bot.store, "slack", "T0SETUP1");
    expect(community.introChannelId).toBe("C0INTROS");
    expect(community.timeZone).toBe("Europe/London");

    // An owner counts as an organizer too, and is answered in English.
    const ownerUrl = fake.responseUrl();
    await sendSlashCommand(appUrl, SECRET, { command: "/musubi", text: "setup", user_id: OLIVE.id, team_id: "T0SETUP1", response_url: ownerUrl });
    const summary = await fake.waitFor((c) => c.method === "response_url" && ownerUrl.endsWith(`/${c.id}`));
    expect(summary.args.text).toBe("Current settings");

    const view = await openIntro(BEN, "T0SETUP1", "C0GENERAL");
    await sendViewSubmission(appUrl, SECRET, {
      user_id: BEN.id, team_id: "T0SETUP1", callback_id: view.callback_id, private_metadata: view.private_metadata,
      values: introState(goodAnswers),
    });
    const post = await fake.waitFor((c) => c.method === "chat.postMessage" && c.args.text === `<@${BEN.id}>さんの自己紹介`);
    expect(post.args.channel).toBe("C0INTROS");
    const confirm = await fake.waitFor((c) => c.method === "chat.postEphemeral" && c.args.user === BEN.id);
    expect(confirm.args.text).toContain("<#C0INTROS>");
    expect(confirm.args.channel).toBe("C0GENERAL");
  });
});
