// Buttons and forms pressed in a direct message on Discord, through the real discord.js client
// against the fake: a press in a DM arrives without guild_id, so every button musubi sends
// carries its guild, and the press acts there only once Discord confirms the presser is a member.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { readCommunityOfAction } from "../../src/app/action-community.js";
import { buttonPress, modalSubmit, slashCommand, type InteractionPayload, type UserInput } from "../fakes/discord-payloads.js";
import { type FakeDiscord, type RecordedRequest } from "../fakes/discord.js";
import { type DiscordBot, type TestBot, expectNoProblems, giveIntro, startDiscordBot } from "../support/bot.js";
import { communityOf, profileOf } from "./support.js";

/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = any;

const EPHEMERAL = 64;
const HOME = "961000000000000001";
const OTHER = "962000000000000001";
/** A guild the bot is not in: a crafted id naming it must create nothing. */
const FOREIGN = "963000000000000001";
const HOME_INTROS = "961000000000000011";
const OTHER_GENERAL = "962000000000000010";
const OWNER = { id: "811000000000000001", username: "owner" };
const SORA = { id: "811000000000000004", username: "sora" };
const TAKU = { id: "811000000000000005", username: "taku" };
const MIKA = { id: "811000000000000002", username: "mika" };
const STRANGER = { id: "811000000000000003", username: "stranger" };
const DM_CHANNEL = "964000000000000001";

const page0 = {
  selects: { industry: ["it"], seniority: ["3-7"] },
  fields: { role: "Designer", canOffer: "UI review", lookingFor: "Rust mentor" },
};
const page1 = {
  selects: { languages: ["ja"], meetingPreference: ["online"] },
  fields: { interests: "Figma", city: "Kyoto", bio: "I draw interfaces." },
};

let fake: FakeDiscord;
let bot: TestBot;
let running: DiscordBot | undefined;

beforeAll(async () => {
  running = await startDiscordBot(new Date().toISOString(), {
    guilds: [
      // No welcome, intro or system channel: newcomers are welcomed by DM.
      { id: HOME, name: "Home meetup", owner_id: OWNER.id, channels: [{ id: HOME_INTROS, name: "intros" }], members: [OWNER, SORA, TAKU] },
      { id: OTHER, name: "Other meetup", owner_id: OWNER.id, channels: [{ id: OTHER_GENERAL, name: "general" }], members: [OWNER, STRANGER] },
    ],
  });
  ({ fake, bot } = running);
});

afterAll(() => running?.stop());

afterEach(() => expectNoProblems(bot));

const callbackOf = (p: InteractionPayload) =>
  fake.waitFor((r) => r.method === "POST" && r.path === `/interactions/${p.id}/${p.token}/callback`);

const buttonIds = (data: Json): string[] =>
  ((data.components as Json[]) ?? []).flatMap((row) => row.components).map((b: Json) => b.custom_id as string);

/** A press in the bot's DM: no guild, no member, only the user. */
const pressInDm = (user: UserInput, customId: string, message: Json = {}) =>
  callbackOf(fake.sendInteraction(buttonPress({ guildId: null, channelId: DM_CHANNEL, user, locale: "en-US", customId, message })));

const submitInDm = (user: UserInput, customId: string, values: { selects: Record<string, string[]>; fields: Record<string, string> }) =>
  callbackOf(fake.sendInteraction(modalSubmit({ guildId: null, channelId: DM_CHANNEL, user, locale: "en-US", customId, layout: "labels", ...values })));

const communityCount = (externalId: string) => bot.db.community.count({ where: { platform: "discord", externalId } });

describe("buttons pressed in a direct message on Discord", () => {
  let welcome: RecordedRequest;

  it("given a newcomer is welcomed by DM then its button names the guild and fits Discord's 100 characters", async () => {
    fake.memberJoin(HOME, MIKA);
    welcome = await fake.waitFor((r) => r.method === "POST" && /^\/channels\/\d+\/messages$/.test(r.path) &&
      String(r.body?.content).includes(`<@${MIKA.id}>`));
    const [button] = buttonIds(welcome.body);
    expect(readCommunityOfAction(button!)).toEqual({ community: HOME, actionId: "form:intro:0" });
    expect(button!.length).toBeLessThanOrEqual(100);
    expect(welcome.path).not.toBe(`/channels/${HOME_INTROS}/messages`);
    // Then the organizer names the intro channel: the card of an intro written in a DM goes there.
    const home = await communityOf(bot.store, "discord", HOME);
    await bot.store.forCommunity(home.id).settings.update({ introChannelId: HOME_INTROS });
  });

  it("given the newcomer presses the welcome button in the DM then the intro form of that guild opens, and their intro is saved and posted there", async () => {
    const [button] = buttonIds(welcome.body);
    const modal = await pressInDm(MIKA, button!, { channel_id: DM_CHANNEL, components: welcome.body.components });
    expect(modal.body.type).toBe(9);
    expect(modal.body.data.title).toBe("Introduce yourself (1/2)");
    // The modal's submission comes from the DM too: its id names the guild.
    expect(readCommunityOfAction(modal.body.data.custom_id)).toEqual({ community: HOME, actionId: "form:intro:0" });

    const saved = await submitInDm(MIKA, modal.body.data.custom_id, page0);
    expect(saved.body.type).toBe(4);
    expect(saved.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    const [next] = buttonIds(saved.body.data);
    expect(readCommunityOfAction(next!)).toEqual({ community: HOME, actionId: "form:intro:1" });

    const second = await pressInDm(MIKA, next!, { flags: EPHEMERAL, components: saved.body.data.components });
    expect(second.body.type).toBe(9);
    const done = await submitInDm(MIKA, second.body.data.custom_id, page1);
    expect(done.body.type).toBe(4);

    await fake.waitFor((r) => r.method === "POST" && r.path === `/channels/${HOME_INTROS}/messages` && JSON.stringify(r.body).includes("Designer"));
    expect((await profileOf(bot.store, "discord", HOME, MIKA.id))?.intro.role).toBe("Designer");
  });

  it("given a button names a guild the presser is not a member of then it is refused and nothing of that guild is touched", async () => {
    const before = await bot.db.member.count({ where: { platformUserId: MIKA.id } });
    const refused = await pressInDm(MIKA, `@${OTHER}:form:intro:0`);
    expect(refused.body.type).toBe(4);
    expect(refused.body.data.content).toBe("This button belongs to a community you are not a member of.");
    expect(await bot.db.member.count({ where: { platformUserId: MIKA.id } })).toBe(before);
    expect(await communityCount(OTHER)).toBe(0);
  });

  it("given a button names a guild the bot is not in then it is refused and no community is created", async () => {
    const refused = await pressInDm(STRANGER, `@${FOREIGN}:form:intro:0`);
    expect(refused.body.data.content).toBe("This button belongs to a community you are not a member of.");
    expect(await communityCount(FOREIGN)).toBe(0);
  });

  it("given a button pressed in one guild names another then it is refused there", async () => {
    const p = fake.sendInteraction(buttonPress({ guildId: OTHER, channelId: OTHER_GENERAL, user: STRANGER, locale: "en-US", customId: `@${HOME}:form:intro:0` }));
    const refused = await callbackOf(p);
    expect(refused.body.data.content).toBe("This button belongs to a community you are not a member of.");
    expect(await communityCount(OTHER)).toBe(0);
  });

  it("given a button without a guild is pressed in a DM then the member is told musubi works inside a server", async () => {
    const refused = await pressInDm(MIKA, "form:intro:0");
    expect(refused.body.data.content).toContain("musubi works inside a server");
  });

  it("given a slash command in a guild then its answer's buttons are left as they are (the guild comes with every press there)", async () => {
    const p = fake.sendInteraction(slashCommand({ guildId: HOME, channelId: HOME_INTROS, user: MIKA, locale: "en-US", name: "intro" }));
    const modal = await callbackOf(p);
    expect(modal.body.data.custom_id).toBe("form:intro:0");
  });
});

describe("a chain of DM buttons on Discord: an answer to a post, then thanks", () => {
  it("given a member answers a post from a DM then the author is told by DM, and the author's thanks button, pressed in that DM, sends thanks in that guild", async () => {
    const author = await giveIntro(bot.store, "discord", HOME, { id: SORA.id, name: "sora" });
    await giveIntro(bot.store, "discord", HOME, { id: TAKU.id, name: "taku" });
    const home = await communityOf(bot.store, "discord", HOME);
    const now = new Date();
    const post = await bot.store.forCommunity(home.id).offers.create(author.id, {
      kind: "offer", title: "Figma review", details: "", tags: ["design"], terms: ["figma"], contact: "dm",
      expiresAt: new Date(now.getTime() + 14 * 86_400_000), createdAt: now,
    });

    // Taku presses "I'm interested" on a fit notice in his DM (the notice's button names the guild).
    const answered = await pressInDm(TAKU, `@${HOME}:offer:respond:${post.id}`);
    expect(answered.body.type).toBe(4);
    const exchange = await bot.db.offerExchange.findFirstOrThrow({ where: { postId: post.id } });
    expect(exchange.communityId).toBe(home.id);

    // Sora is told by DM, with a thanks button that names the guild.
    const told = await fake.waitFor((r) => r.method === "POST" && /^\/channels\/\d+\/messages$/.test(r.path) &&
      buttonIds(r.body).some((id) => readCommunityOfAction(id).actionId.startsWith("network:thank:exchange:")));
    const [thank] = buttonIds(told.body);
    expect(readCommunityOfAction(thank!).community).toBe(HOME);

    // Pressed in that DM: the thanks form opens, and its submission (from the DM) is kept in that guild.
    const modal = await pressInDm(SORA, thank!, { components: told.body.components });
    expect(modal.body.type).toBe(9);
    expect(readCommunityOfAction(modal.body.data.custom_id)).toEqual({ community: HOME, actionId: "form:thanks:0" });
    const sent = await callbackOf(fake.sendInteraction(modalSubmit({
      guildId: null, channelId: DM_CHANNEL, user: SORA, locale: "en-US", customId: modal.body.data.custom_id, layout: "labels",
      fields: { message: "Thanks for the review!" },
    })));
    expect(sent.body.type).toBe(4);
    const thanks = await bot.db.thanks.findMany({ where: { communityId: home.id } });
    expect(thanks.map((t) => t.message)).toEqual(["Thanks for the review!"]);
  });
});
