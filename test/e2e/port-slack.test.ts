// The Slack platform port end to end: a real Bolt app and WebClient against the local fake, for
// what rounds ask of the platform: a thread under a card, files for a member, no calendar events.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createOutbox } from "../../src/jobs/outbox.js";
import { startHttpServer, type HttpServer } from "../../src/ops/http.js";
import { startSlack, type RunningSlack } from "../../src/platforms/slack/adapter.js";
import { PlatformError } from "../../src/port/errors.js";
import { sendSlashCommand } from "../fakes/slack-payloads.js";
import { slackHttp, startFakeSlack, type FakeSlack, type SlackCall } from "../fakes/slack.js";
import { createTestBot, type TestBot } from "../support/bot.js";
import { CALENDAR_TEXT, ROUND_ICS, calendarCommand, musubiWith } from "./port-support.js";
import { describeProblems } from "./support.js";

/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = any;

const SECRET = "port-signing-secret";
const ROUNDS = "C0ROUNDS1";
const BEN = { id: "U0BEN0001", name: "ben", real_name: "Ben Carter", locale: "en-US" };
const AKI = { id: "U0AKI0001", name: "aki", real_name: "Aki Tanaka", locale: "ja-JP" };

let fake: FakeSlack;
let bot: TestBot;
let slack: RunningSlack;
let http: HttpServer;
let appUrl = "";

beforeAll(async () => {
  fake = await startFakeSlack({ users: [BEN, AKI], channels: [{ id: ROUNDS, name: "rounds" }] });
  bot = createTestBot();
  http = await startHttpServer({ port: 0, host: "127.0.0.1", log: bot.log });
  slack = await startSlack({
    config: { botToken: "xoxb-port-token", signingSecret: SECRET, apiUrl: fake.apiUrl },
    musubi: musubiWith(bot, [calendarCommand().command]),
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
  const problems = bot.problems.splice(0);
  expect(problems, describeProblems(problems)).toEqual([]);
});

const callsFrom = (from: number, method: string) => fake.calls.slice(from).filter((c) => c.method === method);

describe("calendar events on Slack", () => {
  it("given Slack has no calendar, then the port says so and refuses both calls without calling Slack", async () => {
    const from = fake.calls.length;
    expect(slack.port.supportsCalendarEvents).toBe(false);
    const event = { name: "Reading club #1", description: "", start: new Date("2030-11-04T10:00:00Z"), end: new Date("2030-11-04T11:00:00Z"), location: "Library" };

    await expect(slack.port.upsertCalendarEvent("T0000TEST", event)).rejects.toMatchObject({ name: "PlatformError", code: "unsupported" });
    await expect(slack.port.cancelCalendarEvent("T0000TEST", "E1")).rejects.toBeInstanceOf(PlatformError);
    expect(fake.calls.slice(from)).toEqual([]);
  });
});

describe("a discussion thread under a card on Slack", () => {
  it("given a round's card, then a message posted into its discussion lands in the card's thread", async () => {
    const card = await slack.port.postMessage(ROUNDS, { text: "", cards: [{ title: "Reading club: Readable Code", fields: [] }] });

    const discussion = await slack.port.openDiscussion(card, "Reading club: Readable Code");
    expect(discussion).toBe(`${ROUNDS}:${card.messageId}`);
    const from = fake.calls.length;
    const reply = await slack.port.postMessage(discussion, { text: "Chapter 1 starts Monday" });

    const [posted] = callsFrom(from, "chat.postMessage");
    expect(posted?.args).toMatchObject({ channel: ROUNDS, thread_ts: card.messageId, text: "Chapter 1 starts Monday" });
    expect(fake.messages.get(ROUNDS)?.filter((m) => m.thread_ts === card.messageId).map((m) => m.text)).toEqual(["Chapter 1 starts Monday"]);
    expect(reply).toEqual({ channelId: discussion, messageId: posted?.response.ts });
    expect(slack.port.mentionChannel(discussion)).toBe(`<#${ROUNDS}>`);
  });

  it("given a message in the thread, then editing it updates it, and its discussion is the same thread", async () => {
    const card = await slack.port.postMessage(ROUNDS, { text: "Study session" });
    const discussion = await slack.port.openDiscussion(card, "Study session");
    const reply = await slack.port.postMessage(discussion, { text: "Room 3" });
    const from = fake.calls.length;

    await slack.port.editMessage(reply, { text: "Room 4" });

    expect(callsFrom(from, "chat.update").map((c) => c.args)).toEqual([expect.objectContaining({ channel: ROUNDS, ts: reply.messageId, text: "Room 4" })]);
    expect(await slack.port.openDiscussion(reply, "Study session")).toBe(discussion); // Slack threads do not nest
  });

  it("given a delivery into the thread is retried, then the earlier reply is found and nothing is posted twice", async () => {
    const card = await slack.port.postMessage(ROUNDS, { text: "Reminder thread" });
    const discussion = await slack.port.openDiscussion(card, "Reminder thread");
    for (let i = 0; i < 3; i++) await slack.port.postMessage(discussion, { text: `chatter ${i}` });
    const first = await slack.port.postMessage(discussion, { text: "Tomorrow 19:00" }, { idempotencyKey: "round:1:reminder:2", retrying: false });
    // Slack may answer with fewer messages than asked for: here pages of two, so the earlier reply is on the third.
    const remove = fake.respond("conversations.replies", (args) => {
      const thread = (fake.messages.get(args.channel) ?? []).filter((m) => m.ts === args.ts || m.thread_ts === args.ts);
      const start = Number(args.cursor || 0);
      const more = start + 2 < thread.length;
      return { ok: true, messages: thread.slice(start, start + 2), has_more: more, response_metadata: { next_cursor: more ? String(start + 2) : "" } };
    });
    const from = fake.calls.length;

    const again = await slack.port.postMessage(discussion, { text: "Tomorrow 19:00" }, { idempotencyKey: "round:1:reminder:2", retrying: true });
    remove();

    expect(again).toEqual(first);
    expect(callsFrom(from, "chat.postMessage")).toEqual([]);
    expect(callsFrom(from, "conversations.replies").map((c) => [c.args.channel, c.args.ts, c.args.cursor])).toEqual([
      [ROUNDS, card.messageId, undefined], [ROUNDS, card.messageId, "2"], [ROUNDS, card.messageId, "4"],
    ]);
  });
});

describe("a resent delivery whose look-up fails on Slack", () => {
  const failures: [string, () => Json][] = [
    ["an HTTP 500", () => slackHttp(500, { ok: false })],
    ["an error answer", () => ({ ok: false, error: "internal_error" })],
    ["a rate limit", () => slackHttp(429, { ok: false, error: "ratelimited" }, { "retry-after": "0" })],
  ];
  it.each(failures)("given %s from conversations.history, then nothing is posted, the delivery fails to be retried, and the retry finds the earlier post", async (_what, failure) => {
    const key = `announce:${Math.random()}`;
    const message = { text: "This week's pairs are out" };
    const outbox = createOutbox(bot.db);
    // A process posted and was killed before marking the delivery sent.
    const posted = await slack.port.postMessage(ROUNDS, message, { idempotencyKey: key, retrying: false });
    await bot.db.delivery.create({ data: { dedupeKey: key, communityId: "c", status: "sending", attempts: 1 } });
    const send = (retrying: boolean) => slack.port.postMessage(ROUNDS, message, { idempotencyKey: key, retrying });
    const remove = fake.respond("conversations.history", failure);
    const from = fake.calls.length;

    const error = await outbox.deliver({ key, communityId: "c", send }).catch((e: unknown) => e);
    remove();
    // The WebClient's own warnings of the failed calls are expected here.
    bot.problems.splice(0, bot.problems.length, ...bot.problems.filter((p) => p.msg !== "bolt"));

    // Any error: the scheduler retries the job with backoff (a rate limit after its wait).
    expect(error).toBeInstanceOf(Error);
    expect(callsFrom(from, "conversations.history").length).toBeGreaterThan(0);
    expect(callsFrom(from, "chat.postMessage")).toEqual([]);
    expect(await bot.db.delivery.findUniqueOrThrow({ where: { dedupeKey: key } })).toMatchObject({ status: "failed" });

    expect(await outbox.deliver({ key, communityId: "c", send })).toEqual(posted);
    expect(callsFrom(from, "chat.postMessage")).toEqual([]);
    expect((fake.messages.get(ROUNDS) ?? []).filter((m) => m.metadata?.event_payload?.key === key)).toHaveLength(1);
  });
});

describe("files in a reply on Slack", () => {
  /** Runs `/calendar now` as the member; resolves with what the member was answered through the response_url. */
  async function askForCalendar(user: { id: string }): Promise<SlackCall> {
    const response_url = fake.responseUrl();
    const res = await sendSlashCommand(appUrl, SECRET, { command: "/calendar", text: "now", user_id: user.id, channel_id: ROUNDS, response_url });
    expect(res.status).toBe(200);
    return fake.waitFor((c) => c.method === "response_url" && response_url.endsWith(`/${c.id}`));
  }

  it("given a reply with a calendar file, then the file is uploaded into the member's DM and the ephemeral reply says so", async () => {
    const from = fake.calls.length;
    const answered = await askForCalendar(BEN);

    const dm = callsFrom(from, "conversations.open").find((c) => c.args.users === BEN.id)?.response.channel.id;
    const [ticket] = callsFrom(from, "files.getUploadURLExternal");
    expect(ticket?.args).toMatchObject({ filename: ROUND_ICS.name, length: String(Buffer.byteLength(ROUND_ICS.content)) });
    const [upload] = callsFrom(from, "upload");
    expect(upload?.id).toBe(ticket?.response.file_id);
    expect(uploadedText(upload!)).toBe(ROUND_ICS.content);
    const [completed] = callsFrom(from, "files.completeUploadExternal");
    expect(completed?.args).toMatchObject({ channel_id: dm, files: [{ id: upload?.id, title: ROUND_ICS.name }] });

    expect(answered.args).toMatchObject({ response_type: "ephemeral" });
    expect(answered.args.text).toContain(CALENDAR_TEXT);
    expect(answered.args.text).toContain(`📎 ${ROUND_ICS.name}: sent to you by direct message.`);
    expect(fake.calls.indexOf(completed!)).toBeLessThan(fake.calls.indexOf(answered)); // the note is true when read
  });

  it("given the upload fails (an install without files:write), then the member is told in their language that the file could not be sent", async () => {
    const remove = fake.respond("files.completeUploadExternal", () => ({ ok: false, error: "missing_scope", needed: "files:write" }));
    const answered = await askForCalendar(AKI);
    remove();

    expect(answered.args.text).toContain(`📎 ${ROUND_ICS.name} を送れませんでした。`);
    expect(answered.args.text).not.toContain("ダイレクトメッセージで送りました");
    const problems = bot.problems.splice(0);
    expect(problems.map((p) => p.msg)).toEqual(["files not sent"]);
  });
});

/** The bytes WebClient posted to the upload URL (a multipart part named "body"), as text. */
const uploadedText = (upload: SlackCall): string => (upload.args as Json).body.data.toString("utf8");
