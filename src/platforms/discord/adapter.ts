import {
  Client,
  Events,
  GatewayIntentBits,
  MessageFlags,
  Partials,
  PermissionFlagsBits,
  RESTEvents,
  Status,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type GuildMember,
  type GuildScheduledEvent,
  type Interaction,
  type ModalSubmitInteraction,
  type PartialGuildScheduledEvent,
  type User,
} from "discord.js";
import { readCommunityOfAction, withCommunity } from "../../app/action-community.js";
import { withCommunityButtons, type Actor } from "../../app/context.js";
import type { Musubi } from "../../app/dispatcher.js";
import { FORM_PAGE, readFormModalId } from "../../app/forms.js";
import type { Outcome } from "../../app/reply.js";
import type { DiscordConfig, DiscordShards } from "../../config.js";
import { resolveLocale, translator } from "../../i18n/index.js";
import type { Logger } from "../../logger.js";
import { createInflight } from "../../ops/inflight.js";
import type { Metrics } from "../../ops/metrics.js";
import type { PlatformPort } from "../../port/port.js";
import { discordPort } from "./port.js";
import { renderMessage, renderModal, replyAttachments } from "./render.js";

// Discord wants a first answer within 3 s. Work that has not finished after this long is
// deferred ("musubi is thinking…") and its answer edited in when ready.
const DEFER_AFTER_MS = 2000;

type Answerable = ChatInputCommandInteraction | ButtonInteraction | ModalSubmitInteraction;

/** What a member sees of an interaction that arrives while the process is stopping (no catalogue is needed for one line). */
const STOPPING_TEXT = "musubi is restarting: please try again in a minute. / musubi は再起動中です。1 分ほどしてからもう一度お試しください。";

export interface DiscordOptions {
  config: DiscordConfig;
  musubi: Musubi;
  log: Logger;
  metrics?: Metrics | undefined;
}

/** The interaction carries the member's roles: a cached GuildMember, or the raw API member. */
function hasRole(member: Interaction["member"], roleId: string): boolean {
  if (!member) return false;
  return Array.isArray(member.roles) ? member.roles.includes(roleId) : member.roles.cache.has(roleId);
}

function actorOf(interaction: Interaction<"cached"> | Interaction): Actor | undefined {
  if (!interaction.inGuild()) return undefined;
  return {
    platform: "discord",
    // Each shard caches the guilds it serves, and a guild's interactions arrive on its own shard:
    // one missing from the cache is a guild the bot is not in (removed, or only its commands added).
    community: { externalId: interaction.guildId, name: interaction.guild?.name ?? "", botIsMember: interaction.inCachedGuild() },
    userId: interaction.user.id,
    displayName: interaction.member && "displayName" in interaction.member
      ? interaction.member.displayName
      : interaction.user.globalName ?? interaction.user.username,
    locale: interaction.locale,
    isOrganizer: interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false,
    inGroup: async (roleId) => hasRole(interaction.member, roleId),
    channelId: interaction.channelId ?? undefined,
  };
}

/**
 * A member acting in a direct message, in the guild the pressed button names: only once Discord
 * confirms they are a member there (a crafted id naming another guild finds no member and is
 * refused), with that member's name, right and roles.
 */
async function directMessageActorOf(interaction: Answerable, guildId: string): Promise<Actor | undefined> {
  const guild = interaction.client.guilds.cache.get(guildId);
  if (!guild) return undefined;
  const member = await guild.members.fetch({ user: interaction.user.id, force: true }).catch((error: unknown) => {
    const status = (error as { status?: number }).status;
    if (status === 404 || status === 403) return undefined;
    throw error;
  });
  if (!member) return undefined;
  return {
    platform: "discord",
    community: { externalId: guild.id, name: guild.name },
    userId: member.id,
    displayName: member.displayName,
    locale: interaction.locale,
    isOrganizer: member.permissions.has(PermissionFlagsBits.ManageGuild),
    inGroup: async (roleId) => member.roles.cache.has(roleId),
  };
}

/** Answers an interaction with the outcome, within Discord's 3 s whatever the work takes. */
async function answer(interaction: Answerable, pending: Promise<Outcome>, dmCommunity?: string): Promise<void> {
  // In a direct message every button and form of the answer carries its guild (none comes with the press).
  const work = dmCommunity ? pending.then((outcome) => inCommunity(outcome, dmCommunity)) : pending;
  if (interaction.deferred) return editAnswer(interaction, await work, dmCommunity);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<"late">((resolve) => { timer = setTimeout(() => resolve("late"), DEFER_AFTER_MS); });
  const first = await Promise.race([work, late]);
  clearTimeout(timer);
  if (first !== "late") {
    if (first.type === "form" && !interaction.isModalSubmit()) {
      const modal = renderModal(first.form, first.form.page);
      await interaction.showModal(dmCommunity ? modal.setCustomId(withCommunity(dmCommunity, FORM_PAGE.id(first.form.formId, String(first.form.page)))) : modal);
      return;
    }
    const reply = first.type === "reply" ? first.reply : formButtonReply(first, dmCommunity);
    await interaction.reply({ ...renderMessage(reply), ...replyAttachments(reply), ...(reply.ephemeral ? { flags: MessageFlags.Ephemeral } : {}) });
    return;
  }
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  await editAnswer(interaction, await work, dmCommunity);
}

/** An outcome whose buttons carry the community (a form's page buttons are made later, from its id). */
function inCommunity(outcome: Outcome, communityExternalId: string): Outcome {
  return outcome.type === "reply" ? { type: "reply", reply: withCommunityButtons(outcome.reply, communityExternalId) } : outcome;
}

/** The answer to a deferred interaction. After a defer a modal can no longer be shown: a button opens it instead. */
async function editAnswer(interaction: Answerable, outcome: Outcome, dmCommunity?: string): Promise<void> {
  const reply = outcome.type === "reply" ? outcome.reply : formButtonReply(outcome, dmCommunity);
  await interaction.editReply({ ...renderMessage(reply), ...replyAttachments(reply) });
}

function formButtonReply(outcome: Extract<Outcome, { type: "form" }>, dmCommunity?: string) {
  const { form } = outcome;
  const actionId = FORM_PAGE.id(form.formId, String(form.page));
  return {
    text: form.title,
    ephemeral: true,
    buttons: [{ actionId: dmCommunity ? withCommunity(dmCommunity, actionId) : actionId, label: form.pageTitles[form.page] ?? form.title, style: "primary" as const }],
  };
}

/** The values of a submitted modal: text inputs as text, selects as their chosen values. */
function modalValues(interaction: ModalSubmitInteraction): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const [customId, field] of interaction.fields.fields) {
    if ("value" in field && typeof field.value === "string") values[customId] = field.value;
    else if ("values" in field && Array.isArray(field.values)) values[customId] = [...field.values] as string[];
  }
  return values;
}

/** discord.js's own (internal) sharding: this client opens one gateway connection per shard it runs. */
const shardingOptions = (shards: DiscordShards | undefined) =>
  shards === undefined ? {} : shards === "auto" ? { shards: "auto" as const } : { shards: shards.ids, shardCount: shards.count };

export function createDiscordClient(config: DiscordConfig): Client {
  return new Client({
    // GuildMembers (privileged: enable it in the developer portal) brings guildMemberAdd;
    // GuildScheduledEvents brings "Interested" on the sessions' events.
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMembers, GatewayIntentBits.GuildScheduledEvents],
    // An event or user not in discord.js's cache still reaches the listeners, by id.
    partials: [Partials.GuildScheduledEvent, Partials.User],
    rest: { api: config.apiUrl },
    ...shardingOptions(config.shards),
  });
}

export interface RunningDiscord {
  client: Client;
  port: PlatformPort;
  /** Whether every shard's gateway connection is up (false while discord.js reconnects any of them). */
  connected(): boolean;
  /** Takes no new interaction (each is told the bot is restarting) and resolves once those under way are answered. */
  drain(): Promise<void>;
  stop(): Promise<void>;
}

/** The gateway packet handler of discord.js, which reads each dispatch into its structures. */
type PacketHandler = (packet?: { t?: string; s?: number; d?: { id?: unknown } }, shard?: unknown) => boolean;

/**
 * A packet discord.js cannot read (an interaction without a field it expects) throws inside its
 * gateway handler, where nothing catches it, and would end the process. It is logged with its
 * event name, id and sequence number, and dropped; the connection and later packets go on.
 * `handlePacket` is internal to discord.js (14.x): the e2e test of a malformed packet checks it.
 */
function dropUnreadablePackets(client: Client, log: Logger, metrics: Metrics | undefined): void {
  const ws = client.ws as unknown as { handlePacket: PacketHandler };
  const handlePacket = ws.handlePacket.bind(ws);
  ws.handlePacket = (packet, shard) => {
    try {
      return handlePacket(packet, shard);
    } catch (error) {
      const id = typeof packet?.d?.id === "string" ? packet.d.id : undefined;
      log.error({ err: error, event: packet?.t, id, seq: packet?.s }, "Discord packet dropped: discord.js could not read it");
      metrics?.platformError("discord", "packet");
      return true;
    }
  };
}

/** Logs in and serves the commands; resolves once the client is ready. */
export async function startDiscord({ config, musubi, log, metrics }: DiscordOptions): Promise<RunningDiscord> {
  const client = createDiscordClient(config);
  const port = discordPort(client);
  const discordLog = log.child({ platform: "discord" });
  const inflight = createInflight();
  let draining = false;

  dropUnreadablePackets(client, discordLog, metrics);
  client.on(Events.Error, (error) => {
    discordLog.error({ err: error }, "discord.js error");
    metrics?.platformError("discord", "client");
  });
  client.on(Events.Warn, (message) => discordLog.warn({ discord: message }, "discord.js warning"));
  client.on(Events.ShardDisconnect, (event, shard) => discordLog.warn({ code: event.code, shard }, "gateway disconnected"));
  client.on(Events.ShardReconnecting, (shard) => discordLog.info({ shard }, "gateway reconnecting"));
  client.rest.on(RESTEvents.RateLimited, (info) => {
    discordLog.info({ route: info.route, retryInMs: info.timeToReset, global: info.global }, "waiting out a rate limit");
    metrics?.rateLimited("discord", info.timeToReset / 1000);
  });

  client.on(Events.InteractionCreate, (interaction) => {
    const work = (draining ? refuseWhileStopping(interaction) : handleInteraction(interaction)).catch((error: unknown) => {
      discordLog.error({ err: error, interaction: interaction.id }, "interaction failed");
      metrics?.platformError("discord", "listener");
    });
    inflight.track(work);
  });

  async function refuseWhileStopping(interaction: Interaction) {
    if (interaction.isRepliable()) await interaction.reply({ content: STOPPING_TEXT, flags: MessageFlags.Ephemeral });
  }

  async function handleInteraction(interaction: Interaction) {
    if (!interaction.isChatInputCommand() && !interaction.isButton() && !interaction.isModalSubmit()) return;
    // A button or form names its guild; in a guild it must be that guild, in a DM it says which.
    const { community: named, actionId: customId } = readCommunityOfAction(interaction.isChatInputCommand() ? "" : interaction.customId);
    const inDirectMessage = !interaction.inGuild();
    const actor = inDirectMessage
      ? named ? await directMessageActorOf(interaction, named) : undefined
      : named === undefined || named === interaction.guildId ? actorOf(interaction) : undefined;
    if (!actor) {
      const t = translator(resolveLocale(interaction.locale, "ja"));
      const refusal = named ? t("common.notInCommunity") : "musubi works inside a server. / musubi はサーバー内で使えます。";
      discordLog.info({ interaction: interaction.id, named, inDirectMessage }, "refused: not a member of the community the interaction names");
      await interaction.reply({ content: refusal, flags: MessageFlags.Ephemeral });
      return;
    }
    const dmCommunity = inDirectMessage ? actor.community.externalId : undefined;
    if (interaction.isChatInputCommand()) {
      const options: Record<string, unknown> = {};
      const group = interaction.options.getSubcommandGroup(false);
      const sub = interaction.options.getSubcommand(false);
      const subcommand = sub ? [group, sub].filter(Boolean).join(" ") : undefined;
      // Options sit under the subcommand, which sits under its group.
      let given = interaction.options.data;
      for (let level = (group ? 1 : 0) + (sub ? 1 : 0); level > 0; level--) given = given[0]?.options ?? [];
      for (const option of given) options[option.name] = option.value;
      const call = { name: interaction.commandName, subcommand, options };
      // Slow work may hold the process for seconds: the defer goes out before it starts.
      if (musubi.isSlow(call)) await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      await answer(interaction, musubi.command(port, actor, call), dmCommunity);
    } else if (interaction.isButton()) {
      await answer(interaction, musubi.action(port, actor, customId), dmCommunity);
    } else {
      const modal = readFormModalId(customId);
      if (!modal) return;
      // A page that is not a plain number is passed on as none, for the form engine to refuse.
      const page = modal.page !== undefined && /^\d+$/.test(modal.page) ? Number(modal.page) : Number.NaN;
      const submission = { formId: modal.formId, page, values: modalValues(interaction) };
      await answer(interaction, musubi.submitForm(port, actor, submission).then((result) => result.outcome), dmCommunity);
    }
  }

  client.on(Events.GuildMemberAdd, (member: GuildMember) => {
    if (member.user.bot || draining) return;
    inflight.track(musubi.memberJoined(port, {
      platform: "discord",
      community: { externalId: member.guild.id, name: member.guild.name },
      userId: member.id,
      displayName: member.displayName,
    }));
  });

  const onInterest = (interested: boolean) => (event: GuildScheduledEvent | PartialGuildScheduledEvent, user: User) => {
    if (user.bot || draining) return;
    inflight.track(musubi.calendarInterest(port, {
      platform: "discord",
      community: { externalId: event.guildId, name: event.guild?.name ?? "" },
      userId: user.id,
      displayName: user.globalName ?? user.username ?? "",
      isOrganizer: false,
    }, { eventId: event.id, interested }));
  };
  client.on(Events.GuildScheduledEventUserAdd, onInterest(true));
  client.on(Events.GuildScheduledEventUserRemove, onInterest(false));

  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  try {
    await client.login(config.token);
  } catch (error) {
    await client.destroy();
    throw error;
  }
  await ready;
  discordLog.info({ guilds: client.guilds.cache.size, shards: [...client.ws.shards.keys()], shardCount: client.options.shardCount }, "connected to Discord");
  return {
    client, port,
    // The client turns ready once, when all its shards first are; a shard reconnecting later shows only in its own status.
    connected: () => client.isReady() && client.ws.shards.every((shard) => shard.status === Status.Ready),
    async drain() {
      draining = true;
      await inflight.idle();
    },
    stop: () => client.destroy(),
  };
}
