import { DiscordAPIError, RateLimitError, Routes, type Client } from "discord.js";
import type { PlatformPort } from "../../app/port.js";
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

export function discordPort(client: Client): PlatformPort {
  const post = (channelId: string, body: unknown) =>
    translated(async () => {
      const message = (await client.rest.post(Routes.channelMessages(channelId), { body })) as { id: string };
      return { channelId, messageId: message.id };
    });
  return {
    platform: "discord",
    postMessage: (channelId, message) => post(channelId, renderMessage(message)),
    editMessage: (ref, message) =>
      translated(async () => {
        await client.rest.patch(Routes.channelMessage(ref.channelId, ref.messageId), { body: renderMessage(message) });
      }),
    async sendDirectMessage(userId, message) {
      const channel = await translated(() => client.rest.post(Routes.userChannels(), { body: { recipient_id: userId } }));
      return post((channel as { id: string }).id, renderMessage(message));
    },
    mentionUser: (userId) => `<@${userId}>`,
    mentionChannel: (channelId) => `<#${channelId}>`,
    defaultWelcomeChannel: async (guildId) => client.guilds.cache.get(guildId)?.systemChannelId ?? undefined,
  };
}
