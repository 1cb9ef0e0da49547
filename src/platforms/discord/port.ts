import { createHash } from "node:crypto";
import { ChannelType, DiscordAPIError, RateLimitError, Routes, type Client } from "discord.js";
import type { DeliveryOptions, PlatformPort } from "../../app/port.js";
import { PlatformError, translatingErrors } from "../../app/errors.js";
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

/** A short stable digest of a delivery key: Discord nonces hold at most 25 characters. */
const digest = (key: string, length: number) => createHash("sha256").update(key).digest("base64url").slice(0, length);

/**
 * With `enforce_nonce`, Discord answers a repeated nonce from the same author (within a few
 * minutes) with the message it already created: a resent delivery does not post twice.
 */
const withNonce = (body: object, delivery?: DeliveryOptions) =>
  delivery ? { ...body, nonce: digest(delivery.idempotencyKey, 25), enforce_nonce: true } : body;

export function discordPort(client: Client): PlatformPort {
  const post = (channelId: string, body: unknown) =>
    translated(async () => {
      const message = (await client.rest.post(Routes.channelMessages(channelId), { body })) as { id: string };
      return { channelId, messageId: message.id };
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
    postMessage: (channelId, message, delivery) => post(channelId, withNonce(renderMessage(message), delivery)),
    editMessage: (ref, message) =>
      translated(async () => {
        await client.rest.patch(Routes.channelMessage(ref.channelId, ref.messageId), { body: renderMessage(message) });
      }),
    async sendDirectMessage(userId, message, delivery) {
      return post(await dmChannel(userId), withNonce(renderMessage(message), delivery));
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
    mentionUser: (userId) => `<@${userId}>`,
    mentionChannel: (channelId) => `<#${channelId}>`,
    mentionGroup: (groupId) => `<@&${groupId}>`,
    formatTime: (at) => `<t:${Math.floor(at.getTime() / 1000)}:F>`,
    defaultWelcomeChannel: async (guildId) => client.guilds.cache.get(guildId)?.systemChannelId ?? undefined,
  };
}
