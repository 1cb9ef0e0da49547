// Proves the Discord fake works with the REAL discord.js client: login/ready, slash command
// with deferReply+editReply, showModal + modal submit (rows and labels), button update,
// guildMemberAdd + channel message, files (multipart), overrides and unknown routes; and a client
// of two shards, each given its own guilds and events.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ActionRowBuilder,
  AttachmentBuilder,
  ButtonBuilder,
  ButtonStyle,
  Client,
  Events,
  GatewayIntentBits,
  ModalBuilder,
  TextInputBuilder,
  Routes,
  TextInputStyle,
  type Interaction,
} from "discord.js";
import { shardOfGuild, startFakeDiscord, type FakeDiscord } from "../fakes/discord.js";
import { buttonPress, modalSubmit, slashCommand, ADMIN_PERMISSIONS } from "../fakes/discord-payloads.js";

const GUILD = "900000000000000001";
const CHANNEL = "900000000000000010";
const WELCOME = "900000000000000011";
const OWNER = { id: "800000000000000001", username: "owner" };
const ALICE = { id: "800000000000000002", username: "alice" };

let fake: FakeDiscord;
let client: Client;
let readyMs = 0;
const seen: Interaction[] = [];
const joined: string[] = [];

beforeAll(async () => {
  fake = await startFakeDiscord({
    guilds: [{
      id: GUILD, name: "Meetup", owner_id: OWNER.id,
      channels: [{ id: CHANNEL, name: "general" }, { id: WELCOME, name: "welcome" }],
      members: [OWNER, ALICE],
      roles: [{ id: "900000000000000100", name: "organizer", permissions: "8" }],
    }],
  });
  client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMembers],
    rest: { api: fake.apiUrl, retries: 0 },
  });

  // A tiny "bot" exercising each response kind.
  client.on(Events.InteractionCreate, async (i) => {
    seen.push(i);
    if (i.isChatInputCommand() && i.commandName === "hello") {
      await i.deferReply({ flags: 64 });
      const who = i.options.getString("name") ?? i.user.username;
      await i.editReply({ content: `hello ${who} (${i.locale}, ${i.options.getSubcommand(false)})` });
    } else if (i.isChatInputCommand() && i.commandName === "profile") {
      await i.showModal(new ModalBuilder().setCustomId("profile-modal").setTitle("Profile").addComponents(
        new ActionRowBuilder<TextInputBuilder>().addComponents(
          new TextInputBuilder().setCustomId("bio").setLabel("Bio").setStyle(TextInputStyle.Paragraph),
        ),
      ));
    } else if (i.isModalSubmit()) {
      const bio = i.fields.getTextInputValue("bio");
      const topics = i.fields.fields.has("topics") ? i.fields.getStringSelectValues("topics").join(",") : "-";
      await i.reply({ content: `bio=${bio} topics=${topics}`, flags: 64 });
    } else if (i.isButton()) {
      await i.update({ content: `clicked ${i.customId}`, components: [] });
    } else if (i.isChatInputCommand() && i.commandName === "card") {
      await i.reply({ content: "card", files: [new AttachmentBuilder(Buffer.from("PNGDATA"), { name: "card.png" })] });
    } else if (i.isChatInputCommand() && i.commandName === "fail") {
      await i.reply("x").catch(async (e: Error) => {
        await i.webhook.send({ content: `failed: ${e.message}` }).catch(() => undefined);
      });
    }
  });
  client.on(Events.GuildMemberAdd, async (member) => {
    joined.push(member.id);
    const channel = member.guild.channels.cache.get(WELCOME);
    if (channel?.isTextBased()) await channel.send({ content: `welcome <@${member.id}>` });
  });

  const t0 = performance.now();
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login("test-token");
  await ready;
  readyMs = performance.now() - t0;
});

afterAll(async () => {
  await client?.destroy();
  await fake?.close();
});

const button = () => new ActionRowBuilder<ButtonBuilder>().addComponents(
  new ButtonBuilder().setCustomId("rsvp:yes").setLabel("Yes").setStyle(ButtonStyle.Primary),
).toJSON();

describe("fake discord with real discord.js", () => {
  it("logs in, caches the guild, records IDENTIFY intents", () => {
    expect(readyMs).toBeLessThan(1000);
    expect(client.user?.id).toBe(fake.botUser.id);
    const guild = client.guilds.cache.get(GUILD);
    expect(guild?.name).toBe("Meetup");
    expect(guild?.members.cache.get(ALICE.id)?.user.username).toBe("alice");
    expect(guild?.members.me?.id).toBe(fake.botUser.id);
    expect(fake.identifies[0].token).toBe("test-token");
    expect(fake.identifies[0].intents).toBe(GatewayIntentBits.Guilds | GatewayIntentBits.GuildMembers);
    expect(fake.requests.some((r) => r.path === "/gateway/bot" && r.headers.authorization === "Bot test-token")).toBe(true);
  });

  it("slash command -> deferReply + editReply", async () => {
    const p = fake.sendInteraction(slashCommand({
      guildId: GUILD, channelId: CHANNEL, user: ALICE, locale: "ja", name: "hello",
      subcommand: "greet", options: { name: "Bob", count: 2 }, permissions: ADMIN_PERMISSIONS,
    }));
    const cb = await fake.waitFor((r) => r.path === `/interactions/${p.id}/${p.token}/callback`);
    expect(cb.method).toBe("POST");
    expect(cb.body).toEqual({ type: 5, data: { flags: 64 } });
    const edit = await fake.waitFor((r) => r.method === "PATCH" && r.path === `/webhooks/${fake.applicationId}/${p.token}/messages/@original`);
    expect(edit.body.content).toBe("hello Bob (ja, greet)");
    const i = seen.find((x) => x.id === p.id);
    expect(i?.memberPermissions?.has("Administrator")).toBe(true);
    expect(i?.guildLocale).toBe("en-US");
  });

  it("showModal, then modal submit with action rows and with labels", async () => {
    const p = fake.sendInteraction(slashCommand({ guildId: GUILD, channelId: CHANNEL, user: ALICE, name: "profile" }));
    const cb = await fake.waitFor((r) => r.path === `/interactions/${p.id}/${p.token}/callback`);
    expect(cb.body.type).toBe(9);
    expect(cb.body.data.custom_id).toBe("profile-modal");

    const rows = fake.sendInteraction(modalSubmit({ guildId: GUILD, channelId: CHANNEL, user: ALICE, customId: "profile-modal", fields: { bio: "likes tea" } }));
    const r1 = await fake.waitFor((r) => r.path === `/interactions/${rows.id}/${rows.token}/callback`);
    expect(r1.body).toMatchObject({ type: 4, data: { content: "bio=likes tea topics=-", flags: 64 } });

    const labels = fake.sendInteraction(modalSubmit({
      guildId: GUILD, channelId: CHANNEL, user: ALICE, customId: "profile-modal", layout: "labels",
      fields: { bio: "likes coffee" }, selects: { topics: ["rust", "ts"] },
    }));
    const r2 = await fake.waitFor((r) => r.path === `/interactions/${labels.id}/${labels.token}/callback`);
    expect(r2.body.data.content).toBe("bio=likes coffee topics=rust,ts");
  });

  it("button press -> update", async () => {
    const p = fake.sendInteraction(buttonPress({
      guildId: GUILD, channelId: CHANNEL, user: ALICE, customId: "rsvp:yes",
      message: { content: "Join?", components: [button()] },
    }));
    const cb = await fake.waitFor((r) => r.path === `/interactions/${p.id}/${p.token}/callback`);
    expect(cb.body).toMatchObject({ type: 7, data: { content: "clicked rsvp:yes", components: [] } });
  });

  it("guildMemberAdd -> channel message", async () => {
    const bob = { id: "800000000000000003", username: "bob" };
    fake.memberJoin(GUILD, bob);
    const post = await fake.waitFor((r) => r.method === "POST" && r.path === `/channels/${WELCOME}/messages`);
    expect(post.body.content).toBe(`welcome <@${bob.id}>`);
    expect(post.status).toBe(200);
    expect(joined).toContain(bob.id);
    expect(client.guilds.cache.get(GUILD)?.members.cache.has(bob.id)).toBe(true);
  });

  it("records multipart uploads (payload_json + file names)", async () => {
    const p = fake.sendInteraction(slashCommand({ guildId: GUILD, channelId: CHANNEL, user: ALICE, name: "card" }));
    const cb = await fake.waitFor((r) => r.path === `/interactions/${p.id}/${p.token}/callback`);
    expect(cb.body.type).toBe(4);
    expect(cb.body.data.content).toBe("card");
    expect(cb.files.map((f) => f.filename)).toEqual(["card.png"]);
    expect(cb.files[0]?.data.toString()).toBe("PNGDATA");
  });

  it("route overrides turn into DiscordAPIError; unknown routes are 404 and recorded", async () => {
    const remove = fake.respond("POST", /^\/interactions\/[^/]+\/[^/]+\/callback$/, () => ({
      status: 403, body: { message: "Missing Access", code: 50001 },
    }));
    const p = fake.sendInteraction(slashCommand({ guildId: GUILD, channelId: CHANNEL, user: ALICE, name: "fail" }));
    const follow = await fake.waitFor((r) => r.method === "POST" && r.path === `/webhooks/${fake.applicationId}/${p.token}`);
    expect(follow.body.content).toBe("failed: Missing Access");
    remove();

    await expect(client.rest.get("/nope/123")).rejects.toThrow("Unknown");
    expect(fake.requests.find((r) => r.path === "/nope/123")?.unknownRoute).toBe(true);
  });

  it("simulated 429 is retried by discord.js after retry-after", async () => {
    let hits = 0;
    const remove = fake.respond("POST", new RegExp(`^/channels/${CHANNEL}/messages$`), () =>
      hits++ === 0
        ? { status: 429, headers: { "retry-after": "0.05", "x-ratelimit-scope": "user" }, body: { message: "You are being rate limited.", retry_after: 0.05, global: false } }
        : undefined);
    const channel = client.channels.cache.get(CHANNEL);
    if (!channel?.isSendable()) throw new Error("sendable channel expected");
    const msg = await channel.send("after 429");
    remove();
    expect(msg.content).toBe("after 429");
    expect(fake.requests.filter((r) => r.path === `/channels/${CHANNEL}/messages` && r.body?.content === "after 429").map((r) => r.status))
      .toEqual([429, 200]);
  });

  it("DM slash command (no guild) is accepted", async () => {
    const p = fake.sendInteraction(slashCommand({ guildId: null, channelId: "900000000000000999", user: ALICE, locale: "ja", name: "hello" }));
    const edit = await fake.waitFor((r) => r.method === "PATCH" && r.path === `/webhooks/${fake.applicationId}/${p.token}/messages/@original`);
    expect(edit.body.content).toBe("hello alice (ja, null)");
    expect(seen.find((x) => x.id === p.id)?.inGuild()).toBe(false);
  });

  it("answers member fetch, DMs, threads, commands and scheduled events", async () => {
    const guild = client.guilds.cache.get(GUILD)!;
    const owner = await guild.members.fetch({ user: OWNER.id, force: true });
    expect(owner.user.username).toBe("owner");
    const all = await guild.members.fetch(); // goes over the gateway (op 8)
    expect(all.size).toBeGreaterThanOrEqual(3);

    const dm = await owner.send("hi in DM");
    expect(dm.content).toBe("hi in DM");
    expect((await fake.waitFor((r) => r.path === "/users/@me/channels")).body).toEqual({ recipient_id: OWNER.id });

    const channel = guild.channels.cache.get(CHANNEL);
    if (!channel || channel.type !== 0) throw new Error("text channel expected");
    const thread = await channel.threads.create({ name: "pair", type: 12, invitable: false });
    await thread.members.add(ALICE.id);
    expect(thread.type).toBe(12);
    expect(fake.requests.some((r) => r.method === "PUT" && r.path === `/channels/${thread.id}/thread-members/${ALICE.id}`)).toBe(true);

    const cmds = await client.application!.commands.set([{ name: "hello", description: "say hi" }], GUILD);
    expect(cmds.first()?.name).toBe("hello");
    const fetched = await client.application!.commands.fetch({ guildId: GUILD });
    expect(fetched.map((c) => c.name)).toEqual(["hello"]);

    const ev = await guild.scheduledEvents.create({
      name: "Meetup #1", scheduledStartTime: new Date(Date.now() + 86_400_000), privacyLevel: 2,
      entityType: 3, entityMetadata: { location: "Tokyo" }, scheduledEndTime: new Date(Date.now() + 90_000_000),
    });
    expect(ev.name).toBe("Meetup #1");
    const edited = await ev.edit({ name: "Meetup #1 (moved)" });
    expect(edited.name).toBe("Meetup #1 (moved)");
    await ev.delete();
    expect(fake.requests.filter((r) => r.path.startsWith(`/guilds/${GUILD}/scheduled-events`)).map((r) => r.method))
      .toEqual(["POST", "PATCH", "DELETE"]);
  });

  it("refuses what Discord refuses: a second thread on a message, an external event without an end, a change to a finished event", async () => {
    const guild = client.guilds.cache.get(GUILD)!;
    const channel = guild.channels.cache.get(CHANNEL);
    if (!channel || channel.type !== 0) throw new Error("text channel expected");
    const card = await channel.send("card");
    const thread = await card.startThread({ name: "talk" });
    expect({ id: thread.id, type: thread.type, parent: thread.parentId }).toEqual({ id: card.id, type: 11, parent: CHANNEL });
    await expect(card.startThread({ name: "talk again" })).rejects.toMatchObject({ code: 160004, status: 400 });

    const start = new Date(Date.now() + 86_400_000).toISOString();
    await expect(client.rest.post(Routes.guildScheduledEvents(GUILD), {
      body: { name: "No end", scheduled_start_time: start, privacy_level: 2, entity_type: 3, entity_metadata: { location: "Tokyo" } },
    })).rejects.toMatchObject({ code: 50035, status: 400 });

    const ev = await guild.scheduledEvents.create({
      name: "Meetup #2", scheduledStartTime: start, privacyLevel: 2, entityType: 3, entityMetadata: { location: "Tokyo" },
      scheduledEndTime: new Date(Date.now() + 90_000_000),
    });
    const route = Routes.guildScheduledEvent(GUILD, ev.id);
    await expect(client.rest.patch(route, { body: { status: 3 } })).rejects.toMatchObject({ code: 50035 }); // a scheduled one cannot complete
    await client.rest.patch(route, { body: { status: 4 } });
    await expect(ev.edit({ name: "Meetup #2 (back on)" })).rejects.toMatchObject({ code: 180000 });
  });
});

describe("fake discord with a client of two shards", () => {
  // (id >> 22) % 2: the first guild is shard 0's, the second shard 1's.
  const ON_0 = "961000000000000001";
  const ON_1 = "962000000000000001";
  let sharded: FakeDiscord;
  let twoShards: Client;
  const guildCreates: Array<[string, number]> = [];

  beforeAll(async () => {
    sharded = await startFakeDiscord({
      shards: 2,
      guilds: [ON_0, ON_1].map((id) => ({ id, name: `Guild ${id}`, owner_id: OWNER.id, channels: [{ id: `${id.slice(0, 3)}000000000000010`, name: "general" }], members: [OWNER] })),
    });
    twoShards = new Client({ intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMembers], rest: { api: sharded.apiUrl, retries: 0 }, shards: "auto" });
    twoShards.on(Events.Raw, (packet: { t: string; d: { id: string } }, shardId: number) => {
      if (packet.t === "GUILD_CREATE") guildCreates.push([packet.d.id, shardId]);
    });
    const ready = new Promise((resolve) => twoShards.once(Events.ClientReady, resolve));
    await twoShards.login("test-token");
    await ready;
  });

  afterAll(async () => {
    await twoShards?.destroy();
    await sharded?.close();
  });

  it("answers auto with the recommended count, and each IDENTIFY's shard gets only its guilds", () => {
    expect([shardOfGuild(ON_0, 2), shardOfGuild(ON_1, 2)]).toEqual([0, 1]);
    expect(sharded.identifies.map((d) => d.shard).sort()).toEqual([[0, 2], [1, 2]]);
    expect(guildCreates.sort()).toEqual([[ON_0, 0], [ON_1, 1]]);
    expect([ON_0, ON_1].map((id) => twoShards.guilds.cache.get(id)?.shardId)).toEqual([0, 1]);
  });

  it("sends a guild's events on its shard and events without a guild on shard 0", async () => {
    type RawPacket = { t: string; d: { guild_id?: string } };
    const arrival = (t: string) => new Promise<[string | undefined, number]>((resolve) => {
      const listener = (packet: RawPacket, shardId: number) => {
        if (packet.t !== t) return;
        twoShards.off(Events.Raw, listener);
        resolve([packet.d.guild_id, shardId]);
      };
      twoShards.on(Events.Raw, listener);
    });
    const joined = arrival("GUILD_MEMBER_ADD");
    const direct = arrival("INTERACTION_CREATE");
    sharded.memberJoin(ON_1, ALICE);
    sharded.sendInteraction(slashCommand({ guildId: null, channelId: "900000000000000077", user: ALICE, name: "hello" }));
    expect(await joined).toEqual([ON_1, 1]);
    expect(await direct).toEqual([undefined, 0]);
  });
});
