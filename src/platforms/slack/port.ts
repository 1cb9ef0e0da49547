import { webApi } from "@slack/bolt";
import type { PlatformPort } from "../../app/port.js";
import { PlatformError, translatingErrors } from "../../app/errors.js";
import { renderMessage } from "./render.js";

const NOT_FOUND = new Set(["channel_not_found", "message_not_found", "user_not_found", "user_not_visible", "is_archived"]);
const FORBIDDEN = new Set(["not_in_channel", "restricted_action", "missing_scope", "cant_update_message", "not_allowed_token_type"]);

/** Slack's answers as the core understands them. */
export function toPlatformError(error: unknown): unknown {
  const e = error as { code?: string; data?: { error?: string }; retryAfter?: number; message?: string };
  if (e.code === webApi.ErrorCode.RateLimitedError) return new PlatformError("rate_limited", e.message ?? "", (e.retryAfter ?? 1) * 1000);
  if (e.code === webApi.ErrorCode.PlatformError) {
    const reason = e.data?.error ?? "";
    if (NOT_FOUND.has(reason)) return new PlatformError("not_found", reason);
    if (FORBIDDEN.has(reason)) return new PlatformError("forbidden", reason);
  }
  if (e.code === webApi.ErrorCode.HTTPError || e.code === webApi.ErrorCode.RequestError) return new PlatformError("unavailable", e.message ?? "");
  return error;
}

const translated = translatingErrors(toPlatformError);

export function slackPort(client: webApi.WebClient): PlatformPort {
  const post = (channel: string, message: Parameters<PlatformPort["postMessage"]>[1]) =>
    translated(async () => {
      const result = await client.chat.postMessage({ channel, ...renderMessage(message) });
      return { channelId: result.channel ?? channel, messageId: result.ts ?? "" };
    });
  return {
    platform: "slack",
    postMessage: post,
    editMessage: (ref, message) =>
      translated(async () => {
        await client.chat.update({ channel: ref.channelId, ts: ref.messageId, ...renderMessage(message) });
      }),
    async sendDirectMessage(userId, message) {
      const opened = await translated(() => client.conversations.open({ users: userId }));
      return post(opened.channel?.id ?? userId, message);
    },
    mentionUser: (userId) => `<@${userId}>`,
    mentionChannel: (channelId) => `<#${channelId}>`,
    // A workspace has no greeting channel of its own: newcomers are welcomed by direct message.
    defaultWelcomeChannel: async () => undefined,
  };
}
