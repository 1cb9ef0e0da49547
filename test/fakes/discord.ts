// A small fake of the Discord REST API + gateway, for driving the REAL discord.js client.
//
// One http.Server on 127.0.0.1:0 serves REST under /api/v10 and accepts the gateway
// WebSocket upgrade on any path. Point the client at it with
//   new Client({ intents, rest: { api: fake.apiUrl } })   // discord.js appends /v10
// and `client.login("test-token")`. The client finds the gateway via GET /gateway/bot.
//
// Sharding: each IDENTIFY's `shard: [id, count]` (default [0, 1]) decides which guilds its
// connection gets (READY, GUILD_CREATE) and which dispatches: those of guilds with
// (guild_id >> 22) % count == id, as Discord routes them; events without a guild go to shard 0.
// GET /gateway/bot recommends `shards` (what `shards: "auto"` runs).
//
// Not enforced (on purpose): auth tokens, intents (recorded in `identifies` so tests can
// assert them), rate limits (simulate with `respond`), zlib compression (zlib-sync is not
// installed, so the client speaks plain JSON).

import http from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocketServer, type WebSocket } from "ws";
import {
  DEFAULT_APPLICATION_ID,
  DEFAULT_BOT_USER,
  MEMBER_PERMISSIONS,
  apiMember,
  apiMessage,
  apiUser,
  snowflake,
  type ApiUser,
  type InteractionPayload,
  type UserInput,
} from "./discord-payloads.js";

// ---------------------------------------------------------------- types

/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = any;

export interface RecordedFile {
  /** Form field name, e.g. "files[0]". */
  field: string;
  filename: string;
  contentType: string;
  size: number;
  data: Buffer;
}

export interface RecordedRequest {
  method: string;
  /** Path below /api/v10, percent-decoded, without query: "/webhooks/1/tok/messages/@original". */
  path: string;
  query: Record<string, string>;
  headers: http.IncomingHttpHeaders;
  /** Parsed JSON body; for multipart requests the parsed `payload_json` part. */
  body: Json;
  files: RecordedFile[];
  /** Status the fake answered with. */
  status: number;
  /** True when no route matched (answered 404). */
  unknownRoute: boolean;
  /**
   * True when the request created nothing because it repeated an earlier one: a message POST with
   * an `enforce_nonce` nonce already used by the bot (answered with the earlier message).
   */
  deduplicated?: boolean;
}

export interface FakeAnswer {
  status: number;
  body?: Json;
  headers?: Record<string, string>;
}

/** Route override: return an answer, or undefined to fall through to the default behaviour. */
export type RouteHandler = (req: RecordedRequest, params: string[]) => FakeAnswer | undefined;

export interface GuildFixture {
  id: string;
  name: string;
  owner_id: string;
  /** Channels: at least id + name; type defaults to 0 (text). */
  channels?: Array<{ id: string; name: string; type?: number; [k: string]: unknown }>;
  /** Members: a user plus optional roles/nick. The bot member is added automatically. */
  members?: Array<UserInput & { roles?: string[]; nick?: string | null }>;
  /** Roles; the @everyone role (id == guild id) is added automatically if missing. */
  roles?: Array<{ id: string; name: string; permissions?: string; position?: number; [k: string]: unknown }>;
  preferred_locale?: string;
  system_channel_id?: string;
}

export interface FakeDiscordOptions {
  guilds: GuildFixture[];
  botUser?: UserInput;
  applicationId?: string;
  /** Gateway heartbeat interval sent in HELLO (ms). */
  heartbeatInterval?: number;
  /** The time Discord's checks compare with ("an event in the past"): the test's clock, else the wall clock. */
  now?: () => Date;
  /** The shard count GET /gateway/bot recommends (a client with `shards: "auto"` runs that many); 1 unless set. */
  shards?: number;
}

export interface FakeDiscord {
  port: number;
  /** Pass as `rest.api` to the discord.js Client. */
  apiUrl: string;
  requests: RecordedRequest[];
  /** `d` of every IDENTIFY received (token, intents, properties, shard...). */
  identifies: Json[];
  botUser: ApiUser;
  applicationId: string;
  /** Resolves with the first recorded request (past or future) matching the predicate. */
  waitFor(predicate: (req: RecordedRequest) => boolean, timeoutMs?: number): Promise<RecordedRequest>;
  /** Sends a gateway dispatch (op 0) with the next sequence number to every identified connection. */
  dispatch(eventName: string, data: Json): void;
  /** Dispatches INTERACTION_CREATE and remembers the token for the webhook routes. */
  sendInteraction(payload: InteractionPayload): InteractionPayload;
  /** Adds the member to the guild fixture and dispatches GUILD_MEMBER_ADD. */
  memberJoin(guildId: string, user: UserInput, roles?: string[]): Json;
  /** A member marks a scheduled event "Interested" (or takes it back): GUILD_SCHEDULED_EVENT_USER_ADD / _REMOVE. */
  eventInterest(guildId: string, eventId: string, userId: string, interested: boolean): void;
  /** Overrides answers for matching routes (checked newest first). Returns a remover. */
  respond(method: string, pathRegex: RegExp, handler: RouteHandler): () => void;
  /** Resolves once a client has identified (READY sent). */
  waitForIdentify(timeoutMs?: number): Promise<Json>;
  /**
   * Closes the connections of shard `shardId` (code 4000: discord.js reconnects and resumes) and
   * answers none of its IDENTIFY or RESUME until `release()`: the shard stays down meanwhile.
   */
  interruptShard(shardId: number): { release(): void };
  /** Messages the bot created/edited, by channel id (incl. interaction responses under the token). */
  messages: Map<string, Json[]>;
  /** Guild scheduled events by id, as the bot's requests left them. */
  scheduledEvents: Map<string, Json>;
  /**
   * Calls `listener` for every request once it has been handled and recorded, synchronously and
   * before the answer is written: a test can stop the client between the platform's taking a
   * request and the client's seeing the answer. Returns a remover.
   */
  onRequest(listener: (req: RecordedRequest) => void): () => void;
  /** Forgets the enforce_nonce nonces, as Discord does after a few minutes. */
  forgetNonces(): void;
  /**
   * Holds the answers to matching requests (recorded at once) until released: the bot's call is
   * then under way for as long as a test needs. `held` resolves with the first request held.
   */
  hold(predicate: (req: RecordedRequest) => boolean): { held: Promise<RecordedRequest>; release(): void };
  close(): Promise<void>;
}

// ---------------------------------------------------------------- helpers

const json = (status: number, body?: Json): FakeAnswer => ({ status, body });

/** The shard that serves a guild's events, as Discord computes it. */
export const shardOfGuild = (guildId: string, shardCount: number): number => Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
const notFound = (message: string, code: number): FakeAnswer => json(404, { message, code });

async function readBody(req: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Parses JSON or multipart (discord.js sends files as multipart with a `payload_json` part). */
async function parseBody(raw: Buffer, contentType: string): Promise<{ body: Json; files: RecordedFile[] }> {
  if (raw.length === 0) return { body: null, files: [] };
  if (contentType.startsWith("multipart/form-data")) {
    // Let undici's Response parse the multipart body rather than hand-rolling a parser.
    const form = await new Response(raw, { headers: { "content-type": contentType } }).formData();
    let body: Json = null;
    const files: RecordedFile[] = [];
    for (const [field, value] of form.entries()) {
      if (typeof value === "string") {
        if (field === "payload_json") body = JSON.parse(value);
      } else {
        const data = Buffer.from(await value.arrayBuffer());
        files.push({ field, filename: value.name, contentType: value.type, size: data.length, data });
      }
    }
    return { body, files };
  }
  const text = raw.toString("utf8");
  try {
    return { body: JSON.parse(text), files: [] };
  } catch {
    return { body: text, files: [] };
  }
}

// ---------------------------------------------------------------- the fake

export async function startFakeDiscord(options: FakeDiscordOptions): Promise<FakeDiscord> {
  const botUser = options.botUser ? apiUser({ ...options.botUser, bot: true }) : DEFAULT_BOT_USER;
  const applicationId = options.applicationId ?? (options.botUser ? botUser.id : DEFAULT_APPLICATION_ID);
  const heartbeatInterval = options.heartbeatInterval ?? 41_250;
  const now = options.now ?? (() => new Date());

  // ---- state built from the fixture
  const guilds = new Map<string, Json>();
  const channels = new Map<string, Json>(); // id -> channel (guild channels, threads, DMs)
  const messages = new Map<string, Json[]>(); // channel id or "interaction:<token>" -> messages
  const dmByUser = new Map<string, string>();
  const commands = new Map<string, Json[]>(); // "global" | guild id -> last PUT
  const scheduledEvents = new Map<string, Json>();
  const interactions = new Map<string, InteractionPayload>(); // token -> payload
  const originals = new Map<string, Json>(); // token -> @original message

  for (const g of options.guilds) {
    const roleInputs = [...(g.roles ?? [])];
    if (!roleInputs.some((r) => r.id === g.id)) {
      roleInputs.unshift({ id: g.id, name: "@everyone", position: 0, permissions: MEMBER_PERMISSIONS });
    }
    const roles = roleInputs.map((r, i) => ({
      color: 0, hoist: false, icon: null, unicode_emoji: null, position: i, permissions: "0",
      managed: false, mentionable: false, flags: 0, ...r,
    }));
    const members = (g.members ?? []).map((m) => apiMember(m, { roles: m.roles ?? [], nick: m.nick ?? null }));
    if (!members.some((m) => m.user.id === botUser.id)) members.push(apiMember(botUser));
    const guildChannels = (g.channels ?? []).map((c, i) => ({
      type: 0, position: i, permission_overwrites: [], nsfw: false, topic: null, parent_id: null,
      rate_limit_per_user: 0, last_message_id: null, flags: 0, ...c, guild_id: g.id,
    }));
    for (const c of guildChannels) channels.set(c.id, c);
    guilds.set(g.id, {
      id: g.id, name: g.name, owner_id: g.owner_id, icon: null, splash: null, discovery_splash: null, banner: null,
      description: null, afk_channel_id: null, afk_timeout: 300, verification_level: 0,
      default_message_notifications: 0, explicit_content_filter: 0, features: [], mfa_level: 0,
      application_id: null, system_channel_id: g.system_channel_id ?? null, system_channel_flags: 0, rules_channel_id: null,
      public_updates_channel_id: null, safety_alerts_channel_id: null, vanity_url_code: null, premium_tier: 0,
      premium_subscription_count: 0, preferred_locale: g.preferred_locale ?? "en-US", nsfw_level: 0,
      premium_progress_bar_enabled: false, emojis: [], stickers: [], roles, channels: guildChannels, members,
      threads: [], presences: [], voice_states: [], stage_instances: [], guild_scheduled_events: [],
      soundboard_sounds: [], large: false, unavailable: false, member_count: members.length,
      joined_at: new Date().toISOString(),
    });
  }

  const requests: RecordedRequest[] = [];
  const identifies: Json[] = [];
  const waiters = new Set<(req: RecordedRequest) => void>();
  const overrides: Array<{ method: string; re: RegExp; handler: RouteHandler }> = [];
  const requestListeners = new Set<(req: RecordedRequest) => void>();
  const holds = new Set<{ predicate: (req: RecordedRequest) => boolean; reached(req: RecordedRequest): void; released: Promise<void> }>();
  // enforce_nonce: the messages the bot created with a nonce, by nonce (Discord remembers them
  // for a few minutes; the fake for its whole lifetime).
  const messagesByNonce = new Map<string, Json>();

  const storeMessage = (key: string, msg: Json): Json => {
    const list = messages.get(key) ?? [];
    const i = list.findIndex((m) => m.id === msg.id);
    if (i >= 0) list[i] = msg;
    else list.push(msg);
    messages.set(key, list);
    return msg;
  };
  const findMessage = (key: string, id: string): Json | undefined => messages.get(key)?.find((m) => m.id === id);

  /** Message object echoing what the bot sent (content/embeds/components/flags + attachments). */
  const buildMessage = (channelId: string, req: RecordedRequest, extra: Json = {}): Json => {
    const b = req.body ?? {};
    return apiMessage({
      channel_id: channelId,
      content: b.content ?? "",
      embeds: b.embeds ?? [],
      components: b.components ?? [],
      flags: b.flags ?? 0,
      attachments: req.files.map((f, i) => ({
        id: snowflake(), filename: b.attachments?.[i]?.filename ?? f.filename, size: f.size,
        content_type: f.contentType, url: `http://127.0.0.1/attachments/${f.filename}`,
        proxy_url: `http://127.0.0.1/attachments/${f.filename}`,
      })),
      ...(b.message_reference ? { message_reference: b.message_reference } : {}),
      ...extra,
    });
  };
  /** PATCH semantics: only the fields sent replace the stored ones. */
  const editMessage = (old: Json, req: RecordedRequest): Json => {
    const b = req.body ?? {};
    const next = { ...old, edited_timestamp: new Date().toISOString() };
    for (const k of ["content", "embeds", "components", "flags"]) if (k in b) next[k] = b[k];
    if (req.files.length || "attachments" in b) next.attachments = buildMessage(old.channel_id, req).attachments;
    return next;
  };

  const webhookMessageFor = (token: string, req: RecordedRequest, extra: Json = {}) => {
    const interaction = interactions.get(token);
    const channelId = (interaction?.channel_id as string | undefined) ?? "0";
    return buildMessage(channelId, req, {
      webhook_id: applicationId, application_id: applicationId, author: botUser,
      ...(interaction ? { interaction_metadata: { id: interaction.id, type: interaction.type, user: (interaction.member as Json)?.user ?? interaction.user, authorizing_integration_owners: interaction.authorizing_integration_owners } } : {}),
      ...extra,
    });
  };

  // ---- default REST routes: [method, regex over the decoded path, handler(params)]
  type Route = [string, RegExp, (req: RecordedRequest, p: string[]) => FakeAnswer];
  const S = "([^/]+)";
  const routes: Route[] = [
    ["GET", /^\/gateway\/bot$/, () => json(200, {
      url: `ws://127.0.0.1:${port}`, shards: options.shards ?? 1,
      // As for large bots: up to 16 shards identify at once (with 1, discord.js waits 5 s between shards).
      session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 16 },
    })],
    ["GET", /^\/gateway$/, () => json(200, { url: `ws://127.0.0.1:${port}` })],
    ["GET", /^\/users\/@me$/, () => json(200, botUser)],
    ["GET", /^\/applications\/@me$/, () => json(200, {
      id: applicationId, name: botUser.username, icon: null, description: "", bot_public: true,
      bot_require_code_grant: false, verify_key: "0".repeat(64), flags: 0, bot: botUser, owner: botUser,
    })],

    // Interaction callbacks (reply 4, deferReply 5, deferUpdate 6, update 7, showModal 9).
    ["POST", new RegExp(`^/interactions/${S}/${S}/callback$`), (req, [id, token]) => {
      const type = req.body?.type as number;
      const interaction = interactions.get(token!);
      let message: Json | undefined;
      if (type === 4 || type === 5) {
        // The original response becomes the interaction's "@original" webhook message.
        message = webhookMessageFor(token!, { ...req, body: type === 5 ? { flags: req.body?.data?.flags } : req.body.data });
        if (type === 5) message.flags = (message.flags ?? 0) | 128; // Loading
        originals.set(token!, storeMessage(`interaction:${token}`, message));
      } else if ((type === 6 || type === 7) && interaction?.message) {
        // Component updates edit the message the component was on.
        message = type === 7 ? editMessage(interaction.message, { ...req, body: req.body.data ?? {} }) : interaction.message;
        originals.set(token!, message);
      }
      if (req.query.with_response !== "true") return json(204);
      return json(200, {
        interaction: {
          id, type: interaction?.type ?? 2, response_message_id: message?.id,
          response_message_loading: type === 5, response_message_ephemeral: ((message?.flags ?? 0) & 64) === 64,
        },
        resource: message ? { type, message } : { type },
      });
    }],

    // Interaction webhooks: followUp (POST), editReply/fetchReply/deleteReply (@original), edit follow-ups.
    ["POST", new RegExp(`^/webhooks/${S}/${S}$`), (req, [, token]) =>
      json(200, storeMessage(`interaction:${token}`, webhookMessageFor(token!, req)))],
    ["GET", new RegExp(`^/webhooks/${S}/${S}/messages/${S}$`), (_req, [, token, mid]) => {
      const msg = mid === "@original" ? originals.get(token!) : findMessage(`interaction:${token}`, mid!);
      return msg ? json(200, msg) : notFound("Unknown Message", 10008);
    }],
    ["PATCH", new RegExp(`^/webhooks/${S}/${S}/messages/${S}$`), (req, [, token, mid]) => {
      const old = mid === "@original" ? originals.get(token!) : findMessage(`interaction:${token}`, mid!);
      const next = editMessage(old ?? webhookMessageFor(token!, { ...req, body: {} }), req);
      next.flags = (next.flags ?? 0) & ~128; // no longer "thinking"
      if (mid === "@original") originals.set(token!, next);
      return json(200, storeMessage(`interaction:${token}`, next));
    }],
    ["DELETE", new RegExp(`^/webhooks/${S}/${S}/messages/${S}$`), () => json(204)],

    // Channels and messages.
    ["GET", new RegExp(`^/channels/${S}$`), (_req, [cid]) =>
      channels.has(cid!) ? json(200, channels.get(cid!)) : notFound("Unknown Channel", 10003)],
    ["POST", new RegExp(`^/channels/${S}/messages$`), (req, [cid]) => {
      if (!channels.has(cid!)) return notFound("Unknown Channel", 10003);
      const nonce = req.body?.nonce as string | number | undefined;
      const enforced = nonce !== undefined && req.body?.enforce_nonce === true;
      // Same nonce from the same author with enforce_nonce: the earlier message, nothing new.
      const earlier = enforced ? messagesByNonce.get(String(nonce)) : undefined;
      if (earlier) {
        req.deduplicated = true;
        return json(200, earlier);
      }
      const message = storeMessage(cid!, buildMessage(cid!, req, { author: botUser, ...(nonce !== undefined ? { nonce } : {}) }));
      if (enforced) messagesByNonce.set(String(nonce), message);
      return json(200, message);
    }],
    ["GET", new RegExp(`^/channels/${S}/messages$`), (req, [cid]) => {
      // Newest first, like Discord.
      const limit = Math.min(Number(req.query.limit ?? 50), 100);
      return json(200, [...(messages.get(cid!) ?? [])].reverse().slice(0, limit));
    }],
    ["GET", new RegExp(`^/channels/${S}/messages/${S}$`), (_req, [cid, mid]) => {
      const msg = findMessage(cid!, mid!);
      return msg ? json(200, msg) : notFound("Unknown Message", 10008);
    }],
    ["PATCH", new RegExp(`^/channels/${S}/messages/${S}$`), (req, [cid, mid]) => {
      const old = findMessage(cid!, mid!) ?? apiMessage({ id: mid!, channel_id: cid! });
      return json(200, storeMessage(cid!, editMessage(old, req)));
    }],
    ["DELETE", new RegExp(`^/channels/${S}/messages/${S}$`), () => json(204)],
    ["POST", new RegExp(`^/channels/${S}/threads$`), (req, [cid]) => {
      const parent = channels.get(cid!);
      if (!parent) return notFound("Unknown Channel", 10003);
      return json(201, createThread(parent, snowflake(), req.body?.type ?? 12, req.body));
    }],
    // A thread started on a message: public (an announcement thread in an announcement channel),
    // with the message's id; a message has one thread at most.
    ["POST", new RegExp(`^/channels/${S}/messages/${S}/threads$`), (req, [cid, mid]) => {
      const parent = channels.get(cid!);
      if (!parent) return notFound("Unknown Channel", 10003);
      const message = [...messages.values()].flat().find((m) => m.id === mid && m.channel_id === cid);
      if (!message) return notFound("Unknown Message", 10008);
      if (channels.has(mid!)) return json(400, { code: 160004, message: "A thread has already been created for this message" });
      const thread = createThread(parent, mid!, parent.type === 5 ? 10 : 11, req.body);
      Object.assign(message, { flags: (message.flags ?? 0) | 32, thread }); // HAS_THREAD
      return json(201, thread);
    }],
    ["PUT", new RegExp(`^/channels/${S}/thread-members/${S}$`), () => json(204)],
    ["DELETE", new RegExp(`^/channels/${S}/thread-members/${S}$`), () => json(204)],
    ["POST", /^\/users\/@me\/channels$/, (req) => {
      const uid = String(req.body?.recipient_id);
      let id = dmByUser.get(uid);
      if (!id) {
        id = snowflake();
        dmByUser.set(uid, id);
        const user = [...guilds.values()].flatMap((g) => g.members).find((m: Json) => m.user.id === uid)?.user ?? apiUser({ id: uid });
        channels.set(id, { id, type: 1, last_message_id: null, flags: 0, recipients: [user] });
      }
      return json(200, channels.get(id));
    }],

    // Guilds and members.
    ["GET", new RegExp(`^/guilds/${S}$`), (_req, [gid]) => {
      const g = guilds.get(gid!);
      if (!g) return notFound("Unknown Guild", 10004);
      const { channels: _c, members: _m, threads: _t, presences: _p, voice_states: _v, ...rest } = g;
      return json(200, { ...rest, approximate_member_count: g.members.length });
    }],
    ["GET", new RegExp(`^/guilds/${S}/members$`), (req, [gid]) => {
      const g = guilds.get(gid!);
      if (!g) return notFound("Unknown Guild", 10004);
      return json(200, g.members.slice(0, Number(req.query.limit ?? 1000)));
    }],
    ["GET", new RegExp(`^/guilds/${S}/members/${S}$`), (_req, [gid, uid]) => {
      const m = guilds.get(gid!)?.members.find((x: Json) => x.user.id === uid);
      return m ? json(200, m) : notFound("Unknown Member", 10007);
    }],
    ["PUT", new RegExp(`^/guilds/${S}/members/${S}/roles/${S}$`), (_req, [gid, uid, rid]) => {
      const m = guilds.get(gid!)?.members.find((x: Json) => x.user.id === uid);
      if (!m) return notFound("Unknown Member", 10007);
      if (!m.roles.includes(rid)) m.roles.push(rid);
      return json(204);
    }],
    ["DELETE", new RegExp(`^/guilds/${S}/members/${S}/roles/${S}$`), (_req, [gid, uid, rid]) => {
      const m = guilds.get(gid!)?.members.find((x: Json) => x.user.id === uid);
      if (!m) return notFound("Unknown Member", 10007);
      m.roles = m.roles.filter((r: string) => r !== rid);
      return json(204);
    }],
    ["GET", new RegExp(`^/guilds/${S}/channels$`), (_req, [gid]) =>
      guilds.has(gid!) ? json(200, guilds.get(gid!).channels) : notFound("Unknown Guild", 10004)],
    // Active threads of a guild (private ones included: the bot created them).
    ["GET", new RegExp(`^/guilds/${S}/threads/active$`), (_req, [gid]) => {
      if (!guilds.has(gid!)) return notFound("Unknown Guild", 10004);
      const threads = [...channels.values()].filter((c) =>
        c.guild_id === gid && [10, 11, 12].includes(c.type) && !c.thread_metadata?.archived);
      return json(200, { threads, members: [] });
    }],
    ["GET", new RegExp(`^/guilds/${S}/roles$`), (_req, [gid]) =>
      guilds.has(gid!) ? json(200, guilds.get(gid!).roles) : notFound("Unknown Guild", 10004)],

    // Application commands: bulk overwrite returns them with ids; GET returns what was last PUT.
    ["PUT", new RegExp(`^/applications/${S}/commands$`), (req) => json(200, saveCommands("global", null, req.body))],
    ["GET", new RegExp(`^/applications/${S}/commands$`), () => json(200, commands.get("global") ?? [])],
    ["PUT", new RegExp(`^/applications/${S}/guilds/${S}/commands$`), (req, [, gid]) => json(200, saveCommands(gid!, gid!, req.body))],
    ["GET", new RegExp(`^/applications/${S}/guilds/${S}/commands$`), (_req, [, gid]) => json(200, commands.get(gid!) ?? [])],

    // Scheduled events.
    ["GET", new RegExp(`^/guilds/${S}/scheduled-events$`), (_req, [gid]) =>
      json(200, [...scheduledEvents.values()].filter((e) => e.guild_id === gid))],
    ["POST", new RegExp(`^/guilds/${S}/scheduled-events$`), (req, [gid]) => {
      if (!guilds.has(gid!)) return notFound("Unknown Guild", 10004);
      const b = req.body ?? {};
      const invalid = invalidScheduledEvent(b, true);
      if (invalid) return invalid;
      const ev = {
        id: snowflake(), guild_id: gid, channel_id: b.channel_id ?? null, creator_id: botUser.id, creator: botUser,
        name: b.name, description: b.description ?? null, scheduled_start_time: b.scheduled_start_time,
        scheduled_end_time: b.scheduled_end_time ?? null, privacy_level: b.privacy_level ?? 2, status: 1,
        entity_type: b.entity_type, entity_id: null, entity_metadata: b.entity_metadata ?? null,
        user_count: 0, image: null, recurrence_rule: b.recurrence_rule ?? null,
      };
      scheduledEvents.set(ev.id, ev);
      return json(200, ev);
    }],
    ["GET", new RegExp(`^/guilds/${S}/scheduled-events/${S}$`), (_req, [gid, eid]) => {
      const ev = scheduledEvents.get(eid!);
      return ev?.guild_id === gid ? json(200, ev) : notFound("Unknown Guild Scheduled Event", 10070);
    }],
    ["PATCH", new RegExp(`^/guilds/${S}/scheduled-events/${S}$`), (req, [gid, eid]) => {
      const ev = scheduledEvents.get(eid!);
      if (ev?.guild_id !== gid) return notFound("Unknown Guild Scheduled Event", 10070);
      // Completed (3) and canceled (4) are final; scheduled (1) may start or be canceled, active (2) complete.
      if (ev.status === 3 || ev.status === 4) return json(400, { code: 180000, message: "Cannot update a finished event" });
      const b = req.body ?? {};
      const allowed: Record<number, number[]> = { 1: [1, 2, 4], 2: [2, 3] };
      if ("status" in b && !allowed[ev.status]?.includes(b.status)) {
        return json(400, { code: 50035, message: "Invalid Form Body", errors: { status: { _errors: [{ code: "INVALID", message: "Invalid status transition." }] } } });
      }
      const invalid = invalidScheduledEvent({ ...ev, ...b }, false);
      if (invalid) return invalid;
      Object.assign(ev, b);
      return json(200, ev);
    }],
    ["DELETE", new RegExp(`^/guilds/${S}/scheduled-events/${S}$`), (_req, [gid, eid]) =>
      scheduledEvents.get(eid!)?.guild_id === gid && scheduledEvents.delete(eid!) ? json(204) : notFound("Unknown Guild Scheduled Event", 10070)],
  ];

  function createThread(parent: Json, id: string, type: number, body: Json): Json {
    const now = new Date().toISOString();
    const thread = {
      id, type, guild_id: parent.guild_id, parent_id: parent.id, name: body?.name ?? "thread",
      owner_id: botUser.id, last_message_id: null, rate_limit_per_user: body?.rate_limit_per_user ?? 0,
      message_count: 0, member_count: 1, total_message_sent: 0, flags: 0,
      thread_metadata: {
        archived: false, auto_archive_duration: body?.auto_archive_duration ?? 4320, archive_timestamp: now,
        locked: false, invitable: body?.invitable ?? true, create_timestamp: now,
      },
      member: { id: null, user_id: botUser.id, join_timestamp: now, flags: 0 },
    };
    channels.set(thread.id, thread);
    return thread;
  }

  /** Discord's checks of a scheduled event as it would stand after the request: a 400 naming what is wrong. */
  function invalidScheduledEvent(ev: Json, creating: boolean): FakeAnswer | undefined {
    const problems: Record<string, string> = {};
    const length = (v: unknown) => (typeof v === "string" ? v.length : 0);
    if (length(ev.name) < 1 || length(ev.name) > 100) problems.name = "Must be between 1 and 100 in length.";
    if (length(ev.description) > 1000) problems.description = "Must be 1000 or fewer in length.";
    const start = Date.parse(ev.scheduled_start_time);
    if (Number.isNaN(start)) problems.scheduled_start_time = "Could not interpret as a date.";
    else if (creating && start < now().getTime()) problems.scheduled_start_time = "Cannot schedule event in the past.";
    if (ev.entity_type === 3) {
      const location = ev.entity_metadata?.location;
      if (length(location) < 1 || length(location) > 100) problems["entity_metadata.location"] = "Must be between 1 and 100 in length.";
      const end = Date.parse(ev.scheduled_end_time);
      if (Number.isNaN(end)) problems.scheduled_end_time = "An external event requires an end time.";
      else if (end <= start) problems.scheduled_end_time = "Must be after the start time.";
    }
    if (Object.keys(problems).length === 0) return undefined;
    const errors = Object.fromEntries(Object.entries(problems).map(([field, message]) => [field, { _errors: [{ code: "INVALID", message }] }]));
    return json(400, { code: 50035, message: "Invalid Form Body", errors });
  }

  function saveCommands(key: string, guildId: string | null, body: Json): Json[] {
    const saved = (Array.isArray(body) ? body : []).map((c: Json) => ({
      id: snowflake(), application_id: applicationId, version: snowflake(), type: 1, description: "",
      default_member_permissions: null, nsfw: false, ...(guildId ? { guild_id: guildId } : {}), ...c,
    }));
    commands.set(key, saved);
    return saved;
  }

  // ---- HTTP server
  const server = http.createServer((req, res) => {
    void handle(req, res).catch((err) => {
      res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ message: String(err), code: 0 }));
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    // Decode each segment: "@original" arrives as "%40original".
    const path = url.pathname.replace(/^\/api(\/v\d+)?/, "").split("/").map(decodeURIComponent).join("/");
    const { body, files } = await parseBody(await readBody(req), String(req.headers["content-type"] ?? ""));
    const rec: RecordedRequest = {
      method: req.method ?? "GET", path, query: Object.fromEntries(url.searchParams), headers: req.headers,
      body, files, status: 0, unknownRoute: false,
    };

    let answer: FakeAnswer | undefined;
    for (const o of overrides) {
      const m = o.method === rec.method ? o.re.exec(path) : null;
      if (m && (answer = o.handler(rec, m.slice(1)))) break;
    }
    if (!answer) {
      for (const [method, re, handler] of routes) {
        const m = method === rec.method ? re.exec(path) : null;
        if (m) {
          answer = handler(rec, m.slice(1));
          break;
        }
      }
    }
    if (!answer) {
      rec.unknownRoute = true;
      answer = notFound("Unknown", 0);
    }
    rec.status = answer.status;
    requests.push(rec);
    for (const listener of [...requestListeners]) listener(rec);
    for (const w of [...waiters]) w(rec);
    for (const hold of [...holds]) {
      if (!hold.predicate(rec)) continue;
      hold.reached(rec);
      await hold.released;
    }

    const headers: Record<string, string> = { ...answer.headers };
    if (answer.body !== undefined && answer.status !== 204) {
      headers["content-type"] ??= "application/json";
      res.writeHead(answer.status, headers);
      res.end(typeof answer.body === "string" ? answer.body : JSON.stringify(answer.body));
    } else {
      res.writeHead(answer.status, headers);
      res.end();
    }
  }

  // ---- gateway
  /** `shard` is [id, count] from the connection's IDENTIFY (or its session's, after a RESUME). */
  interface Conn { ws: WebSocket; seq: number; identified: boolean; sessionId: string; shard: [number, number] }
  const conns = new Set<Conn>();
  const shardOfSession = new Map<string, [number, number]>();
  /** Shards interrupted by a test: their IDENTIFY / RESUME answers wait here until released. */
  const heldShards = new Map<number, Array<() => void>>();
  const servesGuild = (conn: Conn, guildId: string) => shardOfGuild(guildId, conn.shard[1]) === conn.shard[0];
  /** Whether a dispatch goes to this connection: by its guild, or to shard 0 when it has none (DMs). */
  const servesEvent = (conn: Conn, eventName: string, data: Json) => {
    const guildId = data?.guild_id ?? (/^GUILD_(CREATE|UPDATE|DELETE)$/.test(eventName) ? data?.id : undefined);
    return typeof guildId === "string" ? servesGuild(conn, guildId) : conn.shard[0] === 0;
  };
  /** Answers now, or when the test releases the shard it interrupted. */
  const answerFor = (shardId: number, answer: () => void) => {
    const held = heldShards.get(shardId);
    if (held) held.push(answer);
    else answer();
  };
  const identifyWaiters = new Set<(d: Json) => void>();
  const wss = new WebSocketServer({ noServer: true });
  server.on("upgrade", (req, socket, head) => {
    wss.handleUpgrade(req, socket, head, (ws) => onConnection(ws));
  });

  const send = (conn: Conn, payload: Json) => {
    if (conn.ws.readyState === conn.ws.OPEN) conn.ws.send(JSON.stringify(payload));
  };
  const sendDispatch = (conn: Conn, t: string, d: Json) => send(conn, { op: 0, t, s: ++conn.seq, d });

  function onConnection(ws: WebSocket) {
    const conn: Conn = { ws, seq: 0, identified: false, sessionId: `session-${snowflake()}`, shard: [0, 1] };
    conns.add(conn);
    ws.on("close", () => conns.delete(conn));
    ws.on("message", (raw) => {
      let msg: Json;
      try {
        msg = JSON.parse(raw.toString());
      } catch {
        return;
      }
      switch (msg.op) {
        case 1: // heartbeat
          send(conn, { op: 11 });
          break;
        case 2: { // IDENTIFY -> READY + one full GUILD_CREATE per guild of the shard (else ClientReady waits 15 s)
          identifies.push(msg.d);
          const shard: [number, number] = Array.isArray(msg.d?.shard) ? [msg.d.shard[0], msg.d.shard[1]] : [0, 1];
          conn.shard = shard;
          shardOfSession.set(conn.sessionId, shard);
          answerFor(shard[0], () => {
            conn.identified = true;
            const own = [...guilds.values()].filter((g) => servesGuild(conn, g.id));
            sendDispatch(conn, "READY", {
              v: 10, user: { ...botUser, verified: true, mfa_enabled: false, flags: 0 }, guilds: own.map((g) => ({ id: g.id, unavailable: true })),
              session_id: conn.sessionId, resume_gateway_url: `ws://127.0.0.1:${port}`, shard,
              application: { id: applicationId, flags: 0 }, private_channels: [], presences: [], relationships: [],
            });
            for (const g of own) sendDispatch(conn, "GUILD_CREATE", g);
            for (const w of [...identifyWaiters]) w(msg.d);
          });
          break;
        }
        case 6: { // RESUME: the session's shard goes on
          const shard = shardOfSession.get(msg.d?.session_id) ?? [0, 1];
          conn.shard = shard;
          conn.sessionId = msg.d?.session_id ?? conn.sessionId;
          conn.seq = typeof msg.d?.seq === "number" ? msg.d.seq : conn.seq;
          answerFor(shard[0], () => {
            conn.identified = true;
            sendDispatch(conn, "RESUMED", {});
          });
          break;
        }
        case 8: { // REQUEST_GUILD_MEMBERS (guild.members.fetch() without ids goes over the gateway)
          const d = msg.d ?? {};
          const g = guilds.get(d.guild_id);
          let members: Json[] = g?.members ?? [];
          if (Array.isArray(d.user_ids)) members = members.filter((m) => d.user_ids.includes(m.user.id));
          else if (typeof d.user_ids === "string") members = members.filter((m) => m.user.id === d.user_ids);
          else if (d.query) members = members.filter((m) => m.user.username.startsWith(d.query));
          sendDispatch(conn, "GUILD_MEMBERS_CHUNK", {
            guild_id: d.guild_id, members, chunk_index: 0, chunk_count: 1, not_found: [], ...(d.nonce ? { nonce: d.nonce } : {}),
          });
          break;
        }
        default: // presence updates, voice state etc.: ignored
          break;
      }
    });
    send(conn, { op: 10, d: { heartbeat_interval: heartbeatInterval } });
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;

  const fake: FakeDiscord = {
    port,
    apiUrl: `http://127.0.0.1:${port}/api`,
    requests,
    identifies,
    botUser,
    applicationId,
    messages,
    scheduledEvents,
    waitFor(predicate, timeoutMs = 5_000) {
      const hit = requests.find(predicate);
      if (hit) return Promise.resolve(hit);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(check);
          const seen = requests.map((r) => `${r.method} ${r.path} -> ${r.status}`).join("\n  ");
          reject(new Error(`fake discord: no matching request within ${timeoutMs} ms; seen:\n  ${seen}`));
        }, timeoutMs);
        const check = (req: RecordedRequest) => {
          if (!predicate(req)) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(req);
        };
        waiters.add(check);
      });
    },
    hold(predicate) {
      let reached!: (req: RecordedRequest) => void;
      let release!: () => void;
      const held = new Promise<RecordedRequest>((resolve) => { reached = resolve; });
      const entry = { predicate, reached, released: new Promise<void>((resolve) => { release = resolve; }) };
      holds.add(entry);
      return { held, release: () => { holds.delete(entry); release(); } };
    },
    forgetNonces() {
      messagesByNonce.clear();
    },
    waitForIdentify(timeoutMs = 5_000) {
      if (identifies.length) return Promise.resolve(identifies[identifies.length - 1]);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error("fake discord: no IDENTIFY")), timeoutMs);
        const w = (d: Json) => {
          clearTimeout(timer);
          identifyWaiters.delete(w);
          resolve(d);
        };
        identifyWaiters.add(w);
      });
    },
    dispatch(eventName, data) {
      const targets = [...conns].filter((c) => c.identified && servesEvent(c, eventName, data));
      if (targets.length === 0) throw new Error(`fake discord: no identified gateway connection of the shard for ${eventName}`);
      for (const c of targets) sendDispatch(c, eventName, data);
    },
    sendInteraction(payload) {
      interactions.set(payload.token, payload);
      fake.dispatch("INTERACTION_CREATE", payload);
      return payload;
    },
    memberJoin(guildId, user, roles = []) {
      const g = guilds.get(guildId);
      if (!g) throw new Error(`fake discord: unknown guild ${guildId}`);
      const member = apiMember(user, { roles });
      g.members.push(member);
      g.member_count = g.members.length;
      fake.dispatch("GUILD_MEMBER_ADD", { ...member, guild_id: guildId });
      return member;
    },
    eventInterest(guildId, eventId, userId, interested) {
      fake.dispatch(interested ? "GUILD_SCHEDULED_EVENT_USER_ADD" : "GUILD_SCHEDULED_EVENT_USER_REMOVE", {
        guild_scheduled_event_id: eventId, user_id: userId, guild_id: guildId,
      });
    },
    interruptShard(shardId) {
      heldShards.set(shardId, heldShards.get(shardId) ?? []);
      for (const c of conns) {
        if (c.shard[0] !== shardId) continue;
        c.identified = false;
        c.ws.close(4000, "interrupted by the test");
      }
      return {
        release() {
          const held = heldShards.get(shardId) ?? [];
          heldShards.delete(shardId);
          for (const answer of held) answer();
        },
      };
    },
    onRequest(listener) {
      requestListeners.add(listener);
      return () => requestListeners.delete(listener);
    },
    respond(method, pathRegex, handler) {
      const entry = { method: method.toUpperCase(), re: pathRegex, handler };
      overrides.unshift(entry);
      return () => {
        const i = overrides.indexOf(entry);
        if (i >= 0) overrides.splice(i, 1);
      };
    },
    async close() {
      for (const c of conns) c.ws.terminate();
      wss.close();
      server.closeAllConnections(); // the REST client keeps sockets alive
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return fake;
}
