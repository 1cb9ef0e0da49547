import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendSlashCommand, sendViewSubmission } from "../fakes/slack-payloads.js";
import { expectNoProblems, startSlackBot, type SlackBot } from "../support/bot.js";

// Slack gives an answer 3 s: a busy database must not cost it. Here the database is held by an
// open transaction (on SQLite every other query then waits) while requests come in.

const SECRET = "slack-ack-secret";
const EMI = { id: "U0EMI0001", name: "emi", real_name: "Emi", locale: "en-US" };

let slack: SlackBot;

beforeAll(async () => {
  slack = await startSlackBot(new Date().toISOString(), SECRET, { users: [EMI], channels: [{ id: "C0GENERAL", name: "general" }] });
});

afterAll(async () => {
  await slack?.stop();
});

/** Holds the database until `release()`: every query of the bot waits meanwhile. */
async function holdDatabase(): Promise<{ release(): void; done: Promise<void> }> {
  let release!: () => void;
  let started!: () => void;
  const gate = new Promise<void>((resolve) => { release = resolve; });
  const holding = new Promise<void>((resolve) => { started = resolve; });
  const done = slack.bot.db.$transaction(async (tx) => {
    await tx.community.count();
    started();
    await gate;
  }, { timeout: 60_000, maxWait: 60_000 });
  await holding;
  return { release, done };
}

const introState = (role: string) => {
  const text = (id: string, value: string) => ({ [id]: { [id]: { type: "plain_text_input", value } } });
  const select = (id: string, value: string) => ({ [id]: { [id]: { type: "static_select", selected_option: { text: { type: "plain_text", text: value }, value } } } });
  return {
    ...select("industry", "it"), ...text("role", role), ...select("seniority", "3-7"), ...text("canOffer", "code review"),
    ...text("lookingFor", "mentoring"), ...text("interests", ""), languages: { languages: { type: "multi_static_select", selected_options: [{ text: { type: "plain_text", text: "en" }, value: "en" }] } },
    ...text("city", ""), ...select("meetingPreference", "online"), ...text("bio", ""),
  };
};

describe("Slack is acknowledged before any database work", () => {
  it("given the database is busy, then a command, a refused intro and a valid intro are all acknowledged at once (the refusal in the form itself), and answered once it is free", async () => {
    // Users.info is Slack's, not the database's: asked once before the database is held.
    const { fake, appUrl } = slack;
    const responseUrl = fake.responseUrl();
    const warmUp = await sendSlashCommand(appUrl, SECRET, { command: "/help", user_id: EMI.id, response_url: fake.responseUrl() });
    expect(warmUp.status).toBe(200);
    await fake.waitFor((c) => c.method === "response_url");

    const held = await holdDatabase();
    try {
      const command = await sendSlashCommand(appUrl, SECRET, { command: "/profile", user_id: EMI.id, response_url: responseUrl });
      expect(command.status).toBe(200);

      const metadata = JSON.stringify({ channelId: "C0GENERAL", teamId: fake.teamId });
      const refused = await sendViewSubmission(appUrl, SECRET, { user_id: EMI.id, team_id: fake.teamId, callback_id: "form:intro", private_metadata: metadata, values: introState("r".repeat(61)) });
      expect(await refused.json()).toEqual({ response_action: "errors", errors: { role: "Role must be at most 60 characters." } });

      const accepted = await sendViewSubmission(appUrl, SECRET, { user_id: EMI.id, team_id: fake.teamId, callback_id: "form:intro", private_metadata: metadata, values: introState("Engineer") });
      expect(accepted.status).toBe(200);
      expect(await accepted.text()).toBe("");
      // Nothing could be answered yet: every answer needs the database.
      expect(fake.calls.filter((c) => c.id === responseUrl.split("/").pop() || c.method === "chat.postMessage")).toEqual([]);
    } finally {
      held.release();
      await held.done;
    }
    await fake.waitFor((c) => c.method === "response_url" && c.id === responseUrl.split("/").pop());
    await fake.waitFor((c) => c.method === "chat.postMessage" && c.args.channel === "C0GENERAL");
    expectNoProblems(slack.bot);
  });
});
