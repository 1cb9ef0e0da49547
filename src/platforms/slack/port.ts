import { webApi } from "@slack/bolt";
import type { DeliveryOptions, PlatformPort } from "../../app/port.js";
import { formatLocal } from "../../core/pairing/rhythm.js";
import { PlatformError, translatingErrors } from "../../app/errors.js";
import { renderMessage } from "./render.js";

const NOT_FOUND = new Set(["channel_not_found", "message_not_found", "user_not_found", "user_not_visible", "is_archived"]);
const FORBIDDEN = new Set(["not_in_channel", "restricted_action", "missing_scope", "cant_update_message", "not_allowed_token_type"]);

/**
 * The retry-after (seconds) of a 429 the WebClient has already waited out, or undefined for any
 * other error. The WebClient reports one as a request error wrapping a plain Error
 * "A rate limit was exceeded (url: …, retry-after: N)" (@slack/web-api 8, rejectRateLimitedCalls off).
 */
export function waitedOutRateLimit(error: unknown): number | undefined {
  const e = error as { code?: string; original?: { message?: string } } | null;
  if (e?.code !== webApi.ErrorCode.RequestError) return undefined;
  const match = /^A rate limit was exceeded \(.*retry-after: (\d+)\)$/.exec(e.original?.message ?? "");
  return match ? Number(match[1]) : undefined;
}

/** Slack's answers as the core understands them. */
export function toPlatformError(error: unknown): unknown {
  const e = error as { code?: string; data?: { error?: string }; retryAfter?: number; message?: string };
  if (e.code === webApi.ErrorCode.RateLimitedError) return new PlatformError("rate_limited", e.message ?? "", (e.retryAfter ?? 1) * 1000);
  // Still rate limited after the WebClient's own retries (see RETRY_CONFIG in adapter.ts).
  const retryAfter = waitedOutRateLimit(error);
  if (retryAfter !== undefined) return new PlatformError("rate_limited", e.message ?? "", retryAfter * 1000);
  if (e.code === webApi.ErrorCode.PlatformError) {
    const reason = e.data?.error ?? "";
    if (NOT_FOUND.has(reason)) return new PlatformError("not_found", reason);
    if (FORBIDDEN.has(reason)) return new PlatformError("forbidden", reason);
  }
  if (e.code === webApi.ErrorCode.HTTPError || e.code === webApi.ErrorCode.RequestError) return new PlatformError("unavailable", e.message ?? "");
  return error;
}

const translated = translatingErrors(toPlatformError);

const DELIVERY_EVENT = "musubi_delivery";

export function slackPort(client: webApi.WebClient): PlatformPort {
  /** A message an earlier attempt posted, found by the delivery key in its metadata. */
  async function alreadyPosted(channel: string, key: string) {
    try {
      const history = await client.conversations.history({ channel, limit: 50, include_all_metadata: true });
      const found = history.messages?.find((m) => m.metadata?.event_type === DELIVERY_EVENT && (m.metadata.event_payload as { key?: string } | undefined)?.key === key);
      return found?.ts ? { channelId: channel, messageId: found.ts } : undefined;
    } catch {
      return undefined;
    }
  }
  const post = (channel: string, message: Parameters<PlatformPort["postMessage"]>[1], delivery?: DeliveryOptions) =>
    translated(async () => {
      // Slack has no idempotency key: a retried delivery first looks for its own earlier post.
      const earlier = delivery?.retrying ? await alreadyPosted(channel, delivery.idempotencyKey) : undefined;
      if (earlier) return earlier;
      const result = await client.chat.postMessage({
        channel,
        ...renderMessage(message),
        ...(delivery ? { metadata: { event_type: DELIVERY_EVENT, event_payload: { key: delivery.idempotencyKey } } } : {}),
      });
      return { channelId: result.channel ?? channel, messageId: result.ts ?? "" };
    });
  return {
    platform: "slack",
    postMessage: post,
    editMessage: (ref, message) =>
      translated(async () => {
        await client.chat.update({ channel: ref.channelId, ts: ref.messageId, ...renderMessage(message) });
      }),
    async sendDirectMessage(userId, message, delivery) {
      const opened = await translated(() => client.conversations.open({ users: userId }));
      return post(opened.channel?.id ?? userId, message, delivery);
    },
    async openPairSpace({ userIds }) {
      // Opening the same members' group DM again returns the same conversation.
      const opened = await translated(() => client.conversations.open({ users: userIds.join(",") }));
      return [opened.channel?.id ?? ""];
    },
    mentionUser: (userId) => `<@${userId}>`,
    mentionChannel: (channelId) => `<#${channelId}>`,
    // A real <!subteam^…> mention would notify the whole group; the id is enough to recognise it.
    mentionGroup: (groupId) => `\`${groupId}\``,
    formatTime: (at, zone) => {
      const unix = Math.floor(at.getTime() / 1000);
      return `<!date^${unix}^{date_short_pretty} {time}|${formatLocal(at, zone)}>`;
    },
    // A workspace has no greeting channel of its own: newcomers are welcomed by direct message.
    defaultWelcomeChannel: async () => undefined,
  };
}
