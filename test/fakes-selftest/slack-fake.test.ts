// Proves the Slack fake + signed payload helpers work with a REAL Bolt App (HTTP receiver).
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { App, LogLevel } from "@slack/bolt";
import { startFakeSlack, type FakeSlack } from "../fakes/slack.js";
import {
  sendBadSignature,
  sendBlockAction,
  sendEvent,
  sendSlashCommand,
  sendUnsigned,
  sendUrlVerification,
  sendViewSubmission,
  slashCommandBody,
  teamJoinEvent,
} from "../fakes/slack-payloads.js";

const SECRET = "test-signing-secret";
const ALICE = { id: "U0ALICE01", name: "alice", real_name: "Alice", locale: "ja-JP", is_admin: true };

let fake: FakeSlack;
let app: App;
let appUrl = "";
const ran: string[] = [];

beforeAll(async () => {
  fake = await startFakeSlack({ users: [ALICE], channels: [{ id: "C0GENERAL", name: "general" }] });
  app = new App({
    signingSecret: SECRET,
    token: "xoxb-test-token",
    logLevel: LogLevel.ERROR,
    clientOptions: { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } },
  });

  app.command("/musubi", async ({ ack, body, client, respond }) => {
    ran.push(`command:${body.text}`);
    await ack();
    if (body.text === "profile") {
      const info = await client.users.info({ user: body.user_id, include_locale: true });
      await client.views.open({
        trigger_id: body.trigger_id,
        view: {
          type: "modal", callback_id: "profile", title: { type: "plain_text", text: `Profile ${info.user?.locale}` },
          submit: { type: "plain_text", text: "Save" },
          blocks: [{ type: "input", block_id: "bio", label: { type: "plain_text", text: "Bio" }, element: { type: "plain_text_input", action_id: "bio" } }],
        },
      });
    } else {
      await respond({ text: `you said ${body.text}`, response_type: "ephemeral" });
    }
  });
  app.view("profile", async ({ ack, view }) => {
    ran.push("view");
    const bio = view.state.values.bio?.bio?.value ?? "";
    if (bio.length < 3) {
      await ack({ response_action: "errors", errors: { bio: "too short" } });
      return;
    }
    await ack();
  });
  app.action("rsvp", async ({ ack, body, client }) => {
    ran.push("action");
    await ack();
    if (body.type === "block_actions" && body.channel && body.message) {
      await client.chat.update({ channel: body.channel.id, ts: body.message.ts, text: "RSVP noted" });
    }
  });
  app.event("team_join", async ({ event, client }) => {
    ran.push("team_join");
    const dm = await client.conversations.open({ users: event.user.id });
    await client.chat.postMessage({ channel: dm.channel!.id!, text: `welcome ${event.user.name}` });
  });

  const server = (await app.start({ port: 0, host: "127.0.0.1" })) as unknown as import("node:http").Server;
  appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
});

afterAll(async () => {
  await app?.stop();
  await fake?.close();
});

describe("fake slack with a real Bolt App", () => {
  it("slash command -> ack + users.info + views.open", async () => {
    const res = await sendSlashCommand(appUrl, SECRET, { command: "/musubi", text: "profile", user_id: ALICE.id, trigger_id: "trig-1" });
    expect(res.status).toBe(200);
    const open = await fake.waitFor((c) => c.method === "views.open");
    expect(open.args.trigger_id).toBe("trig-1");
    expect(open.args.view.callback_id).toBe("profile");
    expect(open.args.view.title.text).toBe("Profile ja-JP");
    expect(open.token).toBe("xoxb-test-token");
    expect(fake.calls.some((c) => c.method === "auth.test")).toBe(true);
  });

  it("slash command -> respond() posts to the fake response_url", async () => {
    const responseUrl = fake.responseUrl();
    await sendSlashCommand(appUrl, SECRET, { command: "/musubi", text: "hi", user_id: ALICE.id, response_url: responseUrl });
    const post = await fake.waitFor((c) => c.method === "response_url" && responseUrl.endsWith(`/${c.id}`));
    expect(post.args).toMatchObject({ text: "you said hi", response_type: "ephemeral" });
  });

  it("view_submission validation errors come back in the HTTP response", async () => {
    const bad = await sendViewSubmission(appUrl, SECRET, { user_id: ALICE.id, callback_id: "profile", fields: { bio: "x" } });
    expect(bad.status).toBe(200);
    expect(await bad.json()).toEqual({ response_action: "errors", errors: { bio: "too short" } });
    const good = await sendViewSubmission(appUrl, SECRET, { user_id: ALICE.id, callback_id: "profile", fields: { bio: "likes tea" } });
    expect(good.status).toBe(200);
    expect(await good.text()).toBe("");
  });

  it("block action -> chat.update", async () => {
    await sendBlockAction(appUrl, SECRET, { user_id: ALICE.id, action_id: "rsvp", value: "yes", message: { ts: "1700000000.000200" } });
    const upd = await fake.waitFor((c) => c.method === "chat.update");
    expect(upd.args).toMatchObject({ channel: "C0GENERAL", ts: "1700000000.000200", text: "RSVP noted" });
  });

  it("team_join -> conversations.open + chat.postMessage", async () => {
    const res = await sendEvent(appUrl, SECRET, { event: teamJoinEvent({ id: "U0BOB0001", name: "bob" }) });
    expect(res.status).toBe(200);
    const open = await fake.waitFor((c) => c.method === "conversations.open");
    expect(open.args.users).toBe("U0BOB0001");
    const post = await fake.waitFor((c) => c.method === "chat.postMessage");
    expect(post.args).toMatchObject({ channel: open.response.channel.id, text: "welcome bob" });
    expect(post.response.ok).toBe(true);
  });

  it("rejects unsigned and badly signed requests with 401 and runs no listener", async () => {
    const before = ran.length;
    const body = slashCommandBody({ command: "/musubi", text: "sneaky", user_id: ALICE.id });
    expect((await sendUnsigned(appUrl, body)).status).toBe(401);
    expect((await sendBadSignature(appUrl, body)).status).toBe(401);
    expect(ran.length).toBe(before);
  });

  it("answers url_verification, unknown methods, overrides and file uploads", async () => {
    const v = await sendUrlVerification(appUrl, SECRET, "chal-123");
    expect(await v.json()).toEqual({ challenge: "chal-123" });

    await expect(app.client.apiCall("nope.method", {})).rejects.toThrow(/unknown_method/);
    expect(fake.calls.find((c) => c.method === "nope.method")?.response).toEqual({ ok: false, error: "unknown_method" });

    const remove = fake.respond("chat.postMessage", () => ({ ok: false, error: "channel_not_found" }));
    await expect(app.client.chat.postMessage({ channel: "C0NOPE", text: "x" })).rejects.toThrow(/channel_not_found/);
    remove();

    const up = await app.client.files.uploadV2({ channel_id: "C0GENERAL", filename: "card.png", file: Buffer.from("PNG"), title: "card" });
    expect(up.ok).toBe(true);
    const upload = await fake.waitFor((c) => c.method === "upload");
    expect(upload.args.body.size).toBe(3);
    const done = await fake.waitFor((c) => c.method === "files.completeUploadExternal");
    expect(done.args).toMatchObject({ channel_id: "C0GENERAL", files: [{ id: upload.id, title: "card" }] });
  });

  it("keeps posted messages: history lists the channel's newest first, replies a thread oldest first, metadata when asked", async () => {
    const metadata = { event_type: "musubi_delivery", event_payload: { key: "k1" } };
    const parent = await app.client.chat.postMessage({ channel: "C0THREADS", text: "card" });
    await app.client.chat.postMessage({ channel: "C0THREADS", text: "reply 1", thread_ts: parent.ts!, metadata });
    await app.client.chat.postMessage({ channel: "C0THREADS", text: "reply 2", thread_ts: parent.ts! });
    await app.client.chat.postMessage({ channel: "C0THREADS", text: "later" });

    const history = await app.client.conversations.history({ channel: "C0THREADS" });
    expect(history.messages?.map((m) => m.text)).toEqual(["later", "card"]);
    const replies = await app.client.conversations.replies({ channel: "C0THREADS", ts: parent.ts!, include_all_metadata: true, limit: 2 });
    expect(replies.messages?.map((m) => [m.text, m.metadata?.event_type])).toEqual([["card", undefined], ["reply 1", "musubi_delivery"]]);
    const rest = await app.client.conversations.replies({ channel: "C0THREADS", ts: parent.ts!, cursor: replies.response_metadata!.next_cursor! });
    expect(rest.messages?.map((m) => [m.text, m.metadata])).toEqual([["reply 2", undefined]]);
    await expect(app.client.conversations.replies({ channel: "C0THREADS", ts: "1.000001" })).rejects.toThrow(/thread_not_found/);
  });
});
