import { createHash } from "node:crypto";
import {
  ChannelType,
  DiscordAPIError,
  GuildScheduledEventEntityType,
  GuildScheduledEventPrivacyLevel,
  GuildScheduledEventStatus,
  RESTJSONErrorCodes,
  RateLimitError,
  Routes,
  ThreadAutoArchiveDuration,
  type Client,
} from "discord.js";
import { clip } from "../../core/text.js";
import { PlatformError } from "../../port/errors.js";
import { bytesOf, type Message } from "../../port/message.js";
import type { CalendarEvent, DeliveryOptions, PlatformPort } from "../../port/port.js";
import { translatingErrors } from "../errors.js";
import { renderMessage } from "./render.js";

/** Discord's answers as the core understands them. */
export function toPlatformError(error: unknown): unknown {
  if (error instanceof RateLimitError) return new PlatformError("rate_limited", error.message, error.retryAfter);
  if (error instanceof DiscordAPIError) {
    if (error.status === 404) return new PlatformError("not_found", error.message);
    if (error.status === 403) return new PlatformError("forbidden", error.message);
    if (error.status === 429) return new PlatformError("rate_limited", error.message);
    if (error.status >= 500) return new PlatformError("unavailable", error.message);
  }
  return error;
}

const translated = translatingErrors(toPlatformError);

const isDiscordError = (error: unknown, code: RESTJSONErrorCodes) => error instanceof DiscordAPIError && error.code === code;

/** A session as a guild scheduled event: external (a venue or a link), seen by the guild's members. */
const scheduledEventBody = (event: CalendarEvent) => ({
  name: clip(event.name, 100),
  description: clip(event.description, 1000),
  scheduled_start_time: event.start.toISOString(),
  scheduled_end_time: event.end.toISOString(),
  privacy_level: GuildScheduledEventPrivacyLevel.GuildOnly,
  entity_type: GuildScheduledEventEntityType.External,
  entity_metadata: { location: clip(event.location, 100) },
});

/** Where Discord lets an event go when it is called off: a scheduled one is canceled, one under way ended. */
const CALLED_OFF: Partial<Record<GuildScheduledEventStatus, GuildScheduledEventStatus>> = {
  [GuildScheduledEventStatus.Scheduled]: GuildScheduledEventStatus.Canceled,
  [GuildScheduledEventStatus.Active]: GuildScheduledEventStatus.Completed,
};

/** A short stable digest of a delivery key: Discord nonces hold at most 25 characters. */
const digest = (key: string, length: number) => createHash("sha256").update(key).digest("base64url").slice(0, length);

/**
 * With `enforce_nonce`, Discord answers a repeated nonce from the same author (within a few
 * minutes) with the message it already created: a resent delivery does not post twice. A resend
 * after longer (a process killed mid-round is taken over when its lease runs out) first looks for
 * the earlier post among the channel's recent messages (see earlierPost).
 */
const withNonce = (body: object, delivery?: DeliveryOptions) =>
  delivery ? { ...body, nonce: digest(delivery.idempotencyKey, 25), enforce_nonce: true } : body;

export function discordPort(client: Client): PlatformPort {
  const post = (channelId: string, body: unknown) =>
    translated(async () => {
      const message = (await client.rest.post(Routes.channelMessages(channelId), { body })) as { id: string };
      return { channelId, messageId: message.id };
    });
  let botUserId: string | undefined;
  /** The same text and embeds posted by the bot in the channel's last 50 messages, if any. */
  async function earlierPost(channelId: string, body: object): Promise<string | undefined> {
    botUserId ??= client.user?.id ?? ((await client.rest.get(Routes.user())) as { id: string }).id;
    const looks = (m: { content?: string; embeds?: { title?: string; description?: string }[] }) =>
      JSON.stringify([m.content ?? "", (m.embeds ?? []).map((e) => [e.title ?? "", e.description ?? ""])]);
    const wanted = looks(JSON.parse(JSON.stringify(body)) as Parameters<typeof looks>[0]);
    const recent = (await client.rest.get(Routes.channelMessages(channelId), { query: new URLSearchParams({ limit: "50" }) })) as
      ({ id: string; author: { id: string } } & Parameters<typeof looks>[0])[];
    return recent.find((m) => m.author.id === botUserId && looks(m) === wanted)?.id;
  }
  /** Posts a message, once per delivery key. */
  const deliver = (channelId: string, message: Message, delivery?: DeliveryOptions) =>
    translated(async () => {
      const body = renderMessage(message);
      const earlier = delivery?.retrying ? await earlierPost(channelId, body) : undefined;
      return earlier ? { channelId, messageId: earlier } : post(channelId, withNonce(body, delivery));
    });
  const dmChannel = async (userId: string) =>
    ((await translated(() => client.rest.post(Routes.userChannels(), { body: { recipient_id: userId } }))) as { id: string }).id;

  /**
   * A thread from an earlier attempt, found by its name (which carries the delivery key's digest).
   * A failed look-up throws rather than answering "none": creating the thread again could make a
   * second one; the job is retried instead.
   */
  async function existingThread(channelId: string, name: string): Promise<string | undefined> {
    // The channel cache is filled by the gateway; a process that only speaks REST (a job worker)
    // asks for the channel to learn its guild.
    const guildId = (client.channels.cache.get(channelId) as { guildId?: string } | undefined)?.guildId
      ?? ((await client.rest.get(Routes.channel(channelId))) as { guild_id?: string }).guild_id;
    if (!guildId) return undefined;
    const active = (await client.rest.get(Routes.guildActiveThreads(guildId))) as { threads: { id: string; name: string; parent_id: string }[] };
    return active.threads.find((t) => t.parent_id === channelId && t.name === name)?.id;
  }

  return {
    platform: "discord",
    // A button in a direct message arrives without its guild.
    buttonsCarryCommunity: true,
    postMessage: deliver,
    postFiles: (channelId, text, files) =>
      translated(async () => {
        const sent = await client.rest.post(Routes.channelMessages(channelId), {
          body: { content: clip(text, 2000), allowed_mentions: { parse: [] } },
          files: files.map((f) => ({ name: f.name, data: Buffer.from(bytesOf(f)), contentType: f.contentType })),
        }) as { id: string };
        return { channelId, messageId: sent.id };
      }),
    async sendDirectFiles(userId, text, files, delivery) {
      const channelId = await dmChannel(userId);
      return translated(async () => {
        const body = { content: clip(text, 2000), allowed_mentions: { parse: [] } };
        const earlier = delivery?.retrying ? await earlierPost(channelId, body) : undefined;
        if (earlier) return { channelId, messageId: earlier };
        const sent = await client.rest.post(Routes.channelMessages(channelId), {
          body: withNonce(body, delivery),
          files: files.map((f) => ({ name: f.name, data: Buffer.from(bytesOf(f)), contentType: f.contentType })),
        }) as { id: string };
        return { channelId, messageId: sent.id };
      });
    },
    editMessage: (ref, message) =>
      translated(async () => {
        await client.rest.patch(Routes.channelMessage(ref.channelId, ref.messageId), { body: renderMessage(message) });
      }),
    deleteMessage: (ref) =>
      translated(async () => {
        try {
          await client.rest.delete(Routes.channelMessage(ref.channelId, ref.messageId));
        } catch (error) {
          if (!isDiscordError(error, RESTJSONErrorCodes.UnknownMessage)) throw error;
        }
      }),
    async sendDirectMessage(userId, message, delivery) {
      return deliver(await dmChannel(userId), message, delivery);
    },
    async openPairSpace({ channelId, userIds, name, delivery }) {
      const threadName = `${name.slice(0, 90)} · ${digest(delivery.idempotencyKey, 6)}`;
      if (channelId) {
        try {
          const threadId = (delivery.retrying ? await existingThread(channelId, threadName) : undefined)
            ?? ((await client.rest.post(Routes.threads(channelId), {
              body: { name: threadName, type: ChannelType.PrivateThread, invitable: false, auto_archive_duration: 10080 },
            })) as { id: string }).id;
          for (const userId of userIds) await translated(() => client.rest.put(Routes.threadMembers(threadId, userId)));
          return [threadId];
        } catch (error) {
          // Threads not allowed there (permissions, channel type): each member gets a direct message.
          const translatedError = toPlatformError(error);
          if (!(translatedError instanceof PlatformError) || translatedError.code !== "forbidden") throw translatedError;
        }
      }
      const channels: string[] = [];
      for (const userId of userIds) channels.push(await dmChannel(userId));
      return channels;
    },
    openDiscussion: (ref, name) =>
      translated(async () => {
        try {
          const thread = (await client.rest.post(Routes.threads(ref.channelId, ref.messageId), {
            body: { name: clip(name, 100), auto_archive_duration: ThreadAutoArchiveDuration.OneWeek },
          })) as { id: string };
          return thread.id;
        } catch (error) {
          // A message has one thread, and a thread started on a message has the message's id.
          if (isDiscordError(error, RESTJSONErrorCodes.ThreadAlreadyCreatedForMessage)) return ref.messageId;
          throw error;
        }
      }),
    supportsCalendarEvents: true,
    upsertCalendarEvent: (guildId, event) =>
      translated(async () => {
        const body = scheduledEventBody(event);
        if (event.id) {
          try {
            await client.rest.patch(Routes.guildScheduledEvent(guildId, event.id), { body });
            return event.id;
          } catch (error) {
            // Deleted in Discord meanwhile: the session still wants an event.
            if (!isDiscordError(error, RESTJSONErrorCodes.UnknownGuildScheduledEvent)) throw error;
          }
        }
        if (event.retrying) {
          const existing = (await client.rest.get(Routes.guildScheduledEvents(guildId))) as { id: string; name: string; scheduled_start_time: string }[];
          const same = existing.find((e) => e.name === body.name && Date.parse(e.scheduled_start_time) === event.start.getTime());
          if (same) return same.id;
        }
        return ((await client.rest.post(Routes.guildScheduledEvents(guildId), { body })) as { id: string }).id;
      }),
    cancelCalendarEvent: (guildId, eventId) =>
      translated(async () => {
        let status: GuildScheduledEventStatus;
        try {
          ({ status } = (await client.rest.get(Routes.guildScheduledEvent(guildId, eventId))) as { status: GuildScheduledEventStatus });
        } catch (error) {
          if (isDiscordError(error, RESTJSONErrorCodes.UnknownGuildScheduledEvent)) return;
          throw error;
        }
        // A finished event (completed or canceled) can no longer change.
        const next = CALLED_OFF[status];
        if (next) await client.rest.patch(Routes.guildScheduledEvent(guildId, eventId), { body: { status: next } });
      }),
    mentionUser: (userId) => `<@${userId}>`,
    mentionChannel: (channelId) => `<#${channelId}>`,
    mentionGroup: (groupId) => `<@&${groupId}>`,
    // Discord resolves user, channel and role options itself: their value is the id.
    readMention: (_kind, typed) => (/^\d{17,20}$/.test(typed) ? typed : undefined),
    formatTime: (at) => `<t:${Math.floor(at.getTime() / 1000)}:F>`,
    // Only the process running the guild's shard has it cached; any other asks Discord.
    defaultWelcomeChannel: (guildId) =>
      translated(async () => {
        const cached = client.guilds.cache.get(guildId);
        if (cached) return cached.systemChannelId ?? undefined;
        return ((await client.rest.get(Routes.guild(guildId))) as { system_channel_id: string | null }).system_channel_id ?? undefined;
      }),
  };
}
