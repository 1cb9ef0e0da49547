// The Discord platform port end to end: the real discord.js client against the local fake, for
// what rounds ask of the platform: scheduled events, a thread on a card, files in a reply.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startDiscord, type RunningDiscord } from "../../src/platforms/discord/adapter.js";
import type { CalendarEvent } from "../../src/port/port.js";
import { MEMBER_PERMISSIONS, slashCommand } from "../fakes/discord-payloads.js";
import { startFakeDiscord, type FakeDiscord, type RecordedRequest } from "../fakes/discord.js";
import { createTestBot, type TestBot } from "../support/bot.js";
import { CALENDAR_TEXT, ROUND_ICS, calendarCommand, musubiWith } from "./port-support.js";
import { describeProblems } from "./support.js";

const GUILD = "941000000000000001";
const OTHER_GUILD = "942000000000000001";
const ROUNDS_CHANNEL = "941000000000000010";
const ALICE = { id: "841000000000000002", username: "alice" };
const EPHEMERAL = 64;

let fake: FakeDiscord;
let bot: TestBot;
let discord: RunningDiscord;
const calendar = calendarCommand();

beforeAll(async () => {
  fake = await startFakeDiscord({
    guilds: [
      { id: GUILD, name: "Reading club", owner_id: ALICE.id, channels: [{ id: ROUNDS_CHANNEL, name: "rounds" }], members: [ALICE] },
      { id: OTHER_GUILD, name: "Elsewhere", owner_id: ALICE.id, members: [ALICE] },
    ],
  });
  bot = createTestBot();
  discord = await startDiscord({
    config: { token: "test-token", applicationId: fake.applicationId, apiUrl: fake.apiUrl },
    musubi: musubiWith(bot, [calendar.command]),
    log: bot.log,
  });
});

afterAll(async () => {
  await discord?.stop();
  await fake?.close();
  await bot?.store.disconnect();
});

afterEach(() => {
  const problems = bot.problems.splice(0);
  expect(problems, describeProblems(problems)).toEqual([]);
});

const session = (overrides: Partial<CalendarEvent> = {}): CalendarEvent => ({
  name: "読書会 第1回: リーダブルコード",
  description: "Chapters 1–2. Facilitator: alice",
  start: new Date("2030-11-04T10:00:00Z"),
  end: new Date("2030-11-04T11:30:00Z"),
  location: "https://meet.example.com/reading-club",
  ...overrides,
});

const eventRequests = (from: number, method?: string) =>
  fake.requests.slice(from).filter((r) => r.path.startsWith(`/guilds/${GUILD}/scheduled-events`) && (!method || r.method === method));

describe("calendar events on Discord", () => {
  it("given a session, then it becomes an external guild-only scheduled event with its times and place", async () => {
    expect(discord.port.supportsCalendarEvents).toBe(true);
    const from = fake.requests.length;
    const id = await discord.port.upsertCalendarEvent(GUILD, session());

    const [created] = eventRequests(from, "POST");
    expect(created?.body).toEqual({
      name: "読書会 第1回: リーダブルコード",
      description: "Chapters 1–2. Facilitator: alice",
      scheduled_start_time: "2030-11-04T10:00:00.000Z",
      scheduled_end_time: "2030-11-04T11:30:00.000Z",
      privacy_level: 2,
      entity_type: 3,
      entity_metadata: { location: "https://meet.example.com/reading-club" },
    });
    expect(fake.scheduledEvents.get(id)).toMatchObject({ guild_id: GUILD, status: 1, name: "読書会 第1回: リーダブルコード" });
  });

  it("given the session moves, then the same event is updated, not a second one created", async () => {
    const id = await discord.port.upsertCalendarEvent(GUILD, session());
    const from = fake.requests.length;
    const moved = await discord.port.upsertCalendarEvent(GUILD, session({
      id, start: new Date("2030-11-11T10:00:00Z"), end: new Date("2030-11-11T12:00:00Z"), location: "Shibuya Library, room 3",
    }));

    expect(moved).toBe(id);
    expect(eventRequests(from).map((r) => `${r.method} ${r.path}`)).toEqual([`PATCH /guilds/${GUILD}/scheduled-events/${id}`]);
    expect(eventRequests(from)[0]?.body).toMatchObject({
      scheduled_start_time: "2030-11-11T10:00:00.000Z", scheduled_end_time: "2030-11-11T12:00:00.000Z",
      entity_type: 3, entity_metadata: { location: "Shibuya Library, room 3" },
    });
    expect(fake.scheduledEvents.get(id)).toMatchObject({
      scheduled_start_time: "2030-11-11T10:00:00.000Z", entity_metadata: { location: "Shibuya Library, room 3" }, status: 1,
    });
  });

  it("given a retry after the event was created but its id not kept, then the event is found by name and start, not created twice", async () => {
    const id = await discord.port.upsertCalendarEvent(GUILD, session({ name: "読書会 第2回", start: new Date("2030-11-18T10:00:00Z"), end: new Date("2030-11-18T11:30:00Z") }));
    const from = fake.requests.length;
    const again = await discord.port.upsertCalendarEvent(GUILD, session({
      name: "読書会 第2回", start: new Date("2030-11-18T10:00:00Z"), end: new Date("2030-11-18T11:30:00Z"), retrying: true,
    }));
    expect(again).toBe(id);
    expect(eventRequests(from, "POST")).toEqual([]);
    const other = await discord.port.upsertCalendarEvent(GUILD, session({ name: "読書会 第3回", retrying: true }));
    expect(other).not.toBe(id);
    expect(eventRequests(from, "POST")).toHaveLength(1);
  });

  it("given the event was deleted in Discord meanwhile, then updating the session creates it anew", async () => {
    const id = await discord.port.upsertCalendarEvent(GUILD, session());
    fake.scheduledEvents.delete(id); // an organizer deleted it in the Discord client

    const recreated = await discord.port.upsertCalendarEvent(GUILD, session({ id, name: "読書会 第1回 (moved)" }));

    expect(recreated).not.toBe(id);
    expect(fake.scheduledEvents.get(recreated)).toMatchObject({ name: "読書会 第1回 (moved)", status: 1 });
  });

  it("given texts longer than Discord allows, then they are clipped to fit and no emoji is cut in half", async () => {
    const name = `${"a".repeat(98)}🎉 and more`;
    const id = await discord.port.upsertCalendarEvent(GUILD, session({
      name, description: "d".repeat(1500), location: `${"L".repeat(120)}`,
    }));

    const event = fake.scheduledEvents.get(id);
    expect(event.name).toBe(`${"a".repeat(98)}…`);
    expect(event.description).toHaveLength(1000);
    expect(event.description.endsWith("…")).toBe(true);
    expect(event.entity_metadata.location).toBe(`${"L".repeat(99)}…`);
  });

  it("given a scheduled session is called off, then its event is canceled; calling it off again changes nothing", async () => {
    const id = await discord.port.upsertCalendarEvent(GUILD, session());
    const from = fake.requests.length;
    await discord.port.cancelCalendarEvent(GUILD, id);

    expect(eventRequests(from, "PATCH").map((r) => r.body)).toEqual([{ status: 4 }]);
    expect(fake.scheduledEvents.get(id)?.status).toBe(4);

    const again = fake.requests.length;
    await discord.port.cancelCalendarEvent(GUILD, id);
    expect(eventRequests(again, "PATCH")).toEqual([]);
    expect(fake.scheduledEvents.get(id)?.status).toBe(4);
  });

  it("given the event is under way, then calling it off ends it (Discord cannot cancel an active event)", async () => {
    const id = await discord.port.upsertCalendarEvent(GUILD, session());
    fake.scheduledEvents.get(id).status = 2; // an organizer started it

    await discord.port.cancelCalendarEvent(GUILD, id);

    expect(fake.scheduledEvents.get(id)?.status).toBe(3);
  });

  it("given the event is already gone, or belongs to another guild, then calling it off is no error and touches nothing", async () => {
    const elsewhere = await discord.port.upsertCalendarEvent(OTHER_GUILD, session());
    const from = fake.requests.length;

    await discord.port.cancelCalendarEvent(GUILD, "941999999999999999");
    await discord.port.cancelCalendarEvent(GUILD, elsewhere);

    expect(eventRequests(from).map((r) => `${r.method} ${r.status}`)).toEqual(["GET 404", "GET 404"]);
    expect(fake.scheduledEvents.get(elsewhere)?.status).toBe(1);
  });
});

describe("a discussion thread on a card on Discord", () => {
  it("given a round's card, then a public thread opens on it and a message posted there lands in the thread", async () => {
    const card = await discord.port.postMessage(ROUNDS_CHANNEL, { text: "", cards: [{ title: "Reading club: Readable Code", fields: [] }] });

    const threadId = await discord.port.openDiscussion(card, "Reading club: Readable Code");
    const opened = await fake.waitFor((r) => r.method === "POST" && r.path === `/channels/${ROUNDS_CHANNEL}/messages/${card.messageId}/threads`);
    expect(opened.body).toMatchObject({ name: "Reading club: Readable Code", auto_archive_duration: 10080 });
    expect(threadId).toBe(card.messageId); // Discord gives a thread started on a message that message's id

    const posted = await discord.port.postMessage(threadId, { text: "Chapter 1 starts Monday" });
    expect(posted.channelId).toBe(threadId);
    expect(fake.messages.get(threadId)?.map((m) => m.content)).toEqual(["Chapter 1 starts Monday"]);
    expect(fake.messages.get(ROUNDS_CHANNEL)?.find((m) => m.id === card.messageId)?.thread).toMatchObject({ id: threadId, type: 11 });
  });

  it("given the thread was opened already (a retried job), then opening it again gives the same thread", async () => {
    const card = await discord.port.postMessage(ROUNDS_CHANNEL, { text: "Study session" });
    const first = await discord.port.openDiscussion(card, "Study session");
    const from = fake.requests.length;

    const second = await discord.port.openDiscussion(card, "Study session");

    expect(second).toBe(first);
    expect(fake.requests.slice(from).map((r) => `${r.method} ${r.status}`)).toEqual(["POST 400"]);
  });

  it("given a name longer than a thread name may be, then the thread opens with it clipped", async () => {
    const card = await discord.port.postMessage(ROUNDS_CHANNEL, { text: "Long title" });
    await discord.port.openDiscussion(card, "読".repeat(150));
    const opened = await fake.waitFor((r) => r.path === `/channels/${ROUNDS_CHANNEL}/messages/${card.messageId}/threads`);
    expect(opened.body.name).toBe(`${"読".repeat(99)}…`);
  });
});

describe("files in a reply on Discord", () => {
  const run = (subcommand: string) =>
    fake.sendInteraction(slashCommand({
      guildId: GUILD, channelId: ROUNDS_CHANNEL, user: ALICE, locale: "en-US", permissions: MEMBER_PERMISSIONS, name: "calendar", subcommand,
    }));
  const callbackOf = (p: { id: string; token: string }) =>
    fake.waitFor((r) => r.method === "POST" && r.path === `/interactions/${p.id}/${p.token}/callback`);
  const expectCalendarAttached = (request: RecordedRequest) => {
    expect(request.files.map((f) => ({ name: f.filename, content: f.data.toString("utf8") })))
      .toEqual([{ name: ROUND_ICS.name, content: ROUND_ICS.content }]);
  };

  it("given a reply with a calendar file, then the member gets it attached to the ephemeral reply", async () => {
    const p = run("now");
    const callback = await callbackOf(p);

    expect(callback.body).toMatchObject({ type: 4, data: { content: CALENDAR_TEXT, flags: EPHEMERAL } });
    expectCalendarAttached(callback);
    const [shown] = fake.messages.get(`interaction:${p.token}`) ?? [];
    expect(shown?.attachments.map((a: { filename: string }) => a.filename)).toEqual([ROUND_ICS.name]);
  });

  it("given the answer takes longer than Discord waits, then the file comes with the edited deferred reply", async () => {
    const p = run("slow");
    const deferred = await callbackOf(p);
    expect(deferred.body).toMatchObject({ type: 5, data: { flags: EPHEMERAL } });

    calendar.release();
    const edited = await fake.waitFor((r) => r.method === "PATCH" && r.path === `/webhooks/${fake.applicationId}/${p.token}/messages/@original`);

    expect(edited.body).toMatchObject({ content: CALENDAR_TEXT });
    expectCalendarAttached(edited);
  }, 10_000);
});
