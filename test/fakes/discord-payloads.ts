// Builders for the gateway payloads Discord sends to a bot (INTERACTION_CREATE bodies).
// Shapes follow the Discord API docs and what discord.js 14.28 reads in
// BaseInteraction / CommandInteraction / MessageComponentInteraction / ModalSubmitInteraction:
// it throws on a missing `entitlements` array or `authorizing_integration_owners` object,
// and `member.permissions` / `app_permissions` must be permission bit strings.

/** Discord epoch (2015-01-01), used to mint snowflakes that decode to "now". */
const DISCORD_EPOCH = 1420070400000n;
let snowflakeCounter = 0n;

/** A fresh, increasing snowflake id (timestamp-based, like Discord's). */
export function snowflake(): string {
  snowflakeCounter = (snowflakeCounter + 1n) & 0xfffn;
  return (((BigInt(Date.now()) - DISCORD_EPOCH) << 22n) | snowflakeCounter).toString();
}

/** Default bot user of the fake; Discord apps have application id == bot user id. */
export const DEFAULT_BOT_USER: ApiUser = {
  id: "1100000000000000001",
  username: "musubi",
  discriminator: "0",
  global_name: "musubi",
  avatar: null,
  bot: true,
  public_flags: 0,
};
export const DEFAULT_APPLICATION_ID = DEFAULT_BOT_USER.id;

/** Permissions of an ordinary member (View/Send/Read history/Use app commands...). */
export const MEMBER_PERMISSIONS = "2248473465835073";
/** Administrator bit. */
export const ADMIN_PERMISSIONS = "8";
/** What a bot with a usual invite gets in a channel. */
export const DEFAULT_APP_PERMISSIONS = "2248473465835073";

export interface ApiUser {
  id: string;
  username: string;
  discriminator: string;
  global_name: string | null;
  avatar: string | null;
  bot?: boolean;
  public_flags?: number;
}

export type UserInput = { id: string; username?: string; global_name?: string | null; bot?: boolean };

/** Fills the fields Discord always sends for a user object. */
export function apiUser(u: UserInput): ApiUser {
  return {
    id: u.id,
    username: u.username ?? `user${u.id.slice(-4)}`,
    discriminator: "0",
    global_name: u.global_name === undefined ? (u.username ?? null) : u.global_name,
    avatar: null,
    ...(u.bot ? { bot: true } : {}),
    public_flags: 0,
  };
}

/** A guild member object as sent in GUILD_CREATE / GET member / GUILD_MEMBER_ADD. */
export function apiMember(u: UserInput, opts: { roles?: string[]; nick?: string | null; joinedAt?: string } = {}) {
  return {
    user: apiUser(u),
    nick: opts.nick ?? null,
    avatar: null,
    banner: null,
    roles: opts.roles ?? [],
    joined_at: opts.joinedAt ?? new Date().toISOString(),
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0,
    pending: false,
    communication_disabled_until: null,
  };
}

export type InteractionPayload = { id: string; token: string; type: number; application_id: string; [k: string]: unknown };

export interface InteractionBaseInput {
  /** Guild the interaction comes from; `null` means a DM with the bot. */
  guildId: string | null;
  channelId: string;
  user: UserInput;
  /** Member permissions in the channel, bit string or bigint. Default: ordinary member. */
  permissions?: string | bigint;
  /** Role ids of the member. */
  roles?: string[];
  nick?: string | null;
  /** User's client locale, e.g. "ja" or "en-US". */
  locale?: string;
  /** Guild preferred locale. */
  guildLocale?: string;
  appPermissions?: string | bigint;
  applicationId?: string;
  /** Interaction id / token; fresh ones are minted when omitted. */
  id?: string;
  token?: string;
  /** Extra fields for the partial `channel` object (e.g. name, type 12 for a thread). */
  channel?: Record<string, unknown>;
}

function base(type: number, input: InteractionBaseInput): InteractionPayload {
  const id = input.id ?? snowflake();
  const applicationId = input.applicationId ?? DEFAULT_APPLICATION_ID;
  const user = apiUser(input.user);
  const appPermissions = String(input.appPermissions ?? DEFAULT_APP_PERMISSIONS);
  const common = {
    id,
    application_id: applicationId,
    type,
    token: input.token ?? `itoken-${id}`,
    version: 1,
    app_permissions: appPermissions,
    locale: input.locale ?? "en-US",
    entitlements: [],
    attachment_size_limit: 10 * 1024 * 1024,
    channel_id: input.channelId,
  };
  if (input.guildId === null) {
    // Bot DM: `user` instead of `member`, no guild fields.
    return {
      ...common,
      user,
      channel: { id: input.channelId, type: 1, recipients: [user], last_message_id: null, flags: 0, ...input.channel },
      authorizing_integration_owners: { "0": "0" },
      context: 1,
    };
  }
  const guildLocale = input.guildLocale ?? "en-US";
  return {
    ...common,
    guild_id: input.guildId,
    guild: { id: input.guildId, locale: guildLocale, features: [] },
    guild_locale: guildLocale,
    channel: {
      id: input.channelId,
      type: 0,
      guild_id: input.guildId,
      name: "general",
      position: 0,
      permission_overwrites: [],
      nsfw: false,
      parent_id: null,
      flags: 0,
      permissions: appPermissions,
      ...input.channel,
    },
    member: {
      ...apiMember(input.user, { roles: input.roles ?? [], nick: input.nick ?? null }),
      permissions: String(input.permissions ?? MEMBER_PERMISSIONS),
    },
    authorizing_integration_owners: { "0": input.guildId },
    context: 0,
  };
}

// ---------------------------------------------------------------- slash commands

export type CommandOptionValue = string | number | boolean;
/** Raw option as Discord sends it (use for user/channel/role/attachment options with `resolved`). */
export interface RawCommandOption {
  name: string;
  type: number;
  value?: CommandOptionValue;
  options?: RawCommandOption[];
  focused?: boolean;
}

export interface SlashCommandInput extends InteractionBaseInput {
  name: string;
  commandId?: string;
  subcommandGroup?: string;
  subcommand?: string;
  /** Leaf options: a name→value record (type inferred: string 3, integer 4, number 10, boolean 5) or raw options. */
  options?: Record<string, CommandOptionValue> | RawCommandOption[];
  /** `data.resolved` (users/members/channels/roles/attachments keyed by id). */
  resolved?: Record<string, unknown>;
}

function toRawOptions(options: SlashCommandInput["options"]): RawCommandOption[] {
  if (!options) return [];
  if (Array.isArray(options)) return options;
  return Object.entries(options).map(([name, value]) => ({
    name,
    value,
    type: typeof value === "boolean" ? 5 : typeof value === "number" ? (Number.isInteger(value) ? 4 : 10) : 3,
  }));
}

/** INTERACTION_CREATE for a chat-input command (type 2, data.type 1). */
export function slashCommand(input: SlashCommandInput): InteractionPayload {
  let options = toRawOptions(input.options);
  // Subcommands wrap the leaf options: group(2) > subcommand(1) > options.
  if (input.subcommand) options = [{ name: input.subcommand, type: 1, options }];
  if (input.subcommandGroup) options = [{ name: input.subcommandGroup, type: 2, options }];
  return {
    ...base(2, input),
    data: {
      id: input.commandId ?? snowflake(),
      name: input.name,
      type: 1,
      ...(input.guildId ? { guild_id: input.guildId } : {}),
      ...(options.length ? { options } : {}),
      ...(input.resolved ? { resolved: input.resolved } : {}),
    },
  };
}

// ---------------------------------------------------------------- message components

/** A message object as Discord sends it inside component interactions. */
export function apiMessage(partial: Record<string, unknown> & { channel_id: string }) {
  const id = (partial.id as string | undefined) ?? snowflake();
  return {
    id,
    type: 0,
    content: "",
    author: DEFAULT_BOT_USER,
    attachments: [],
    embeds: [],
    components: [],
    mentions: [],
    mention_roles: [],
    mention_everyone: false,
    pinned: false,
    tts: false,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    flags: 0,
    ...partial,
  };
}

export interface ButtonPressInput extends InteractionBaseInput {
  customId: string;
  /** The message carrying the button (merged over defaults; channel_id defaults to channelId). */
  message?: Record<string, unknown>;
}

/** INTERACTION_CREATE for a button click (type 3, component_type 2). */
export function buttonPress(input: ButtonPressInput): InteractionPayload {
  return {
    ...base(3, input),
    message: apiMessage({ channel_id: input.channelId, ...input.message }),
    data: { custom_id: input.customId, component_type: 2 },
  };
}

export interface SelectMenuInput extends InteractionBaseInput {
  customId: string;
  values: string[];
  /** 3 string select (default), 5 user, 6 role, 7 mentionable, 8 channel. */
  componentType?: number;
  message?: Record<string, unknown>;
  resolved?: Record<string, unknown>;
}

/** INTERACTION_CREATE for a select menu choice (type 3). */
export function selectMenu(input: SelectMenuInput): InteractionPayload {
  return {
    ...base(3, input),
    message: apiMessage({ channel_id: input.channelId, ...input.message }),
    data: {
      custom_id: input.customId,
      component_type: input.componentType ?? 3,
      values: input.values,
      ...(input.resolved ? { resolved: input.resolved } : {}),
    },
  };
}

// ---------------------------------------------------------------- modals

export interface ModalSubmitInput extends InteractionBaseInput {
  customId: string;
  /** Text input values by custom_id. */
  fields?: Record<string, string>;
  /** String select values by custom_id (always sent wrapped in Label components, type 18). */
  selects?: Record<string, string[]>;
  /** How text inputs are wrapped: classic action rows (type 1, default) or Label components (type 18). */
  layout?: "rows" | "labels";
  /** Present when the modal was opened from a message component. */
  message?: Record<string, unknown>;
}

/** INTERACTION_CREATE for a modal submit (type 5). */
export function modalSubmit(input: ModalSubmitInput): InteractionPayload {
  let componentId = 0;
  const components: unknown[] = [];
  for (const [custom_id, value] of Object.entries(input.fields ?? {})) {
    const textInput = { type: 4, id: ++componentId, custom_id, value };
    components.push(
      input.layout === "labels"
        ? { type: 18, id: ++componentId, component: textInput }
        : { type: 1, id: ++componentId, components: [textInput] },
    );
  }
  for (const [custom_id, values] of Object.entries(input.selects ?? {})) {
    components.push({ type: 18, id: ++componentId, component: { type: 3, id: ++componentId, custom_id, values } });
  }
  return {
    ...base(5, input),
    ...(input.message ? { message: apiMessage({ channel_id: input.channelId, ...input.message }) } : {}),
    data: { custom_id: input.customId, components },
  };
}
