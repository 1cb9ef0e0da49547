// Discord gateway payloads recorded from real traffic (test/fixtures/discord/, each naming its
// source), dispatched to the real discord.js client through the fake gateway: what a member sees.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { readCommunityOfAction } from "../../src/app/action-community.js";
import type { InteractionPayload } from "../fakes/discord-payloads.js";
import { type FakeDiscord } from "../fakes/discord.js";
import { type DiscordBot, type TestBot, expectNoProblems, startDiscordBot } from "../support/bot.js";
import { recorded } from "./replay-support.js";

/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = any;

// The recorded ids: the fake serves the recorded guild, channel, member and application.
const APPLICATION = "1360871728770846733";
const GUILD = "1345046958481346613";
const CHANNEL = "1345046959593095214";
const MEMBER = { id: "1034315047838687264", username: "mastercuber55", global_name: "Cube Nerd" };

let fake: FakeDiscord;
let bot: TestBot;
let running: DiscordBot | undefined;

beforeAll(async () => {
  running = await startDiscordBot(new Date().toISOString(), {
    botUser: { id: APPLICATION, username: "musubi" },
    guilds: [{ id: GUILD, name: "Cube meetup", owner_id: MEMBER.id, channels: [{ id: CHANNEL, name: "lonely" }], members: [MEMBER] }],
  });
  ({ fake, bot } = running);
});

afterAll(() => running?.stop());

afterEach(() => expectNoProblems(bot));

/** Dispatches a recorded interaction and waits for the bot's first answer to it. */
function replay(name: string, fresh?: { id: string; token: string }): Promise<Json> {
  const payload = { ...recorded("discord", name), ...fresh } as InteractionPayload;
  fake.sendInteraction(payload);
  return fake.waitFor((r) => r.method === "POST" && r.path === `/interactions/${payload.id}/${payload.token}/callback`);
}

const buttonIds = (data: Json): string[] =>
  ((data.components as Json[]) ?? []).flatMap((row) => row.components).map((b: Json) => b.custom_id as string);

describe("recorded Discord payloads replayed through discord.js", () => {
  it("a slash command in a guild opens the intro form in the member's language", async () => {
    const answer = await replay("slash-command-guild");
    expect(answer.body.type).toBe(9);
    expect(answer.body.data.custom_id).toBe("form:intro:0");
    expect(answer.body.data.title).toBe("Introduce yourself (1/2)");
  });

  it("a slash command in a DM is told musubi works inside a server", async () => {
    const answer = await replay("slash-command-dm");
    expect(answer.body.type).toBe(4);
    expect(answer.body.data.content).toContain("musubi works inside a server");
  });

  it("the welcome button pressed in a DM opens the intro form of the guild it names", async () => {
    const answer = await replay("button-dm");
    expect(answer.body.type).toBe(9);
    expect(readCommunityOfAction(answer.body.data.custom_id)).toEqual({ community: GUILD, actionId: "form:intro:0" });
  });

  it("the form's first page submitted in a DM is kept for that guild, and its next page's button names the guild", async () => {
    const answer = await replay("modal-submit-dm");
    expect(answer.body.type).toBe(4);
    const [next] = buttonIds(answer.body.data);
    expect(readCommunityOfAction(next!)).toEqual({ community: GUILD, actionId: "form:intro:1" });
    const community = await bot.db.community.findFirstOrThrow({ where: { platform: "discord", externalId: GUILD } });
    const member = await bot.store.forCommunity(community.id).members.findByPlatformUser(MEMBER.id);
    expect(member?.displayName).toBe("Cube Nerd");
  });

  it("a newcomer (GUILD_MEMBER_ADD) is welcomed by DM with a button that names the guild", async () => {
    const joined = recorded("discord", "guild-member-add");
    fake.dispatch("GUILD_MEMBER_ADD", joined);
    const dm = await fake.waitFor((r) => r.method === "POST" && /^\/channels\/\d+\/messages$/.test(r.path) && String(r.body?.content).includes(`<@${joined.user.id}>`));
    expect(buttonIds(dm.body).map(readCommunityOfAction)).toEqual([{ community: GUILD, actionId: "form:intro:0" }]);
  });

  it("an interaction recorded at an HTTP endpoint (no entitlements: discord.js cannot read it on the gateway) is dropped and logged, and the next one is answered", async () => {
    const unreadable = recorded("discord", "button-guild-http");
    fake.dispatch("INTERACTION_CREATE", unreadable);
    const answer = await replay("slash-command-guild", { id: "1418572602737299700", token: "aW50ZXJhY3Rpb246bmV4dA" });
    expect(answer.body.type).toBe(9);
    // Packets are read in order: the unreadable one was dropped before the next was answered.
    const problems = bot.problems.splice(0);
    expect(problems.map((p) => [p.msg, p.event, p.id])).toEqual([
      ["Discord packet dropped: discord.js could not read it", "INTERACTION_CREATE", unreadable.id],
    ]);
  });
});
