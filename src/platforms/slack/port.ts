import { webApi } from "@slack/bolt";
import { formatLocal } from "../../core/pairing/rhythm.js";
import { PlatformError } from "../../port/errors.js";
import { bytesOf, type ReplyFile } from "../../port/message.js";
import type { DeliveryOptions, MentionKind, PlatformPort } from "../../port/port.js";
import { noCalendarEvents, translatingErrors } from "../errors.js";
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

/**
 * A thread is addressed like a channel: "C0123:1712345678.000100", the channel and the ts of the
 * message it hangs under. Every port call that takes a channel id (a MessageRef's too) takes it.
 */
export const threadChannelId = (channel: string, threadTs: string) => `${channel}:${threadTs}`;

/** A channel id as Slack's arguments: the conversation, and the thread within it if any. */
/** Slack's escaped mentions in a slash command's text (the manifest sets `should_escape`). */
const SLACK_MENTIONS: Record<MentionKind, RegExp> = {
  user: /^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$/,
  channel: /^<#([CG][A-Z0-9]+)(?:\|[^>]*)?>$/,
  group: /^<!subteam\^(S[A-Z0-9]+)(?:\|[^>]*)?>$/,
};

export function conversationOf(channelId: string): { channel: string; thread_ts?: string } {
  const [channel = channelId, threadTs] = channelId.split(":");
  return threadTs ? { channel, thread_ts: threadTs } : { channel };
}

type Metadata = { event_type?: string; event_payload?: unknown } | undefined;
const carriesKey = (metadata: Metadata, key: string) =>
  metadata?.event_type === DELIVERY_EVENT && (metadata.event_payload as { key?: string } | undefined)?.key === key;

/** Files for a member, uploaded into their direct messages with the bot: an ephemeral reply holds none. */
export async function sendFilesByDirectMessage(client: webApi.WebClient, userId: string, files: ReplyFile[]): Promise<void> {
  const opened = await client.conversations.open({ users: userId });
  await client.filesUploadV2({
    channel_id: opened.channel?.id ?? userId,
    file_uploads: files.map((f) => ({ file: Buffer.from(bytesOf(f)), filename: f.name, title: f.name })),
  });
}

export function slackPort(client: webApi.WebClient): PlatformPort {
  /**
   * The ts of a message an earlier attempt posted, found by the delivery key in its metadata. A
   * look-up that fails (an error, a rate limit, the network) throws: answering "not posted" would
   * post the message a second time; the job is retried instead and looks again.
   */
  async function alreadyPosted(channelId: string, key: string): Promise<string | undefined> {
    const { channel, thread_ts } = conversationOf(channelId);
    if (!thread_ts) {
      const history = await client.conversations.history({ channel, limit: 50, include_all_metadata: true });
      return history.messages?.find((m) => carriesKey(m.metadata, key))?.ts;
    }
    // A thread lists its replies oldest first: the earlier post may be on any page.
    let cursor: string | undefined;
    do {
      const page = await client.conversations.replies({ channel, ts: thread_ts, limit: 200, include_all_metadata: true, ...(cursor ? { cursor } : {}) });
      const found = page.messages?.find((m) => carriesKey(m.metadata, key))?.ts;
      if (found) return found;
      cursor = page.response_metadata?.next_cursor || undefined;
    } while (cursor);
    return undefined;
  }
  const post = (channelId: string, message: Parameters<PlatformPort["postMessage"]>[1], delivery?: DeliveryOptions) =>
    translated(async () => {
      // Slack has no idempotency key: a retried delivery first looks for its own earlier post.
      const earlier = delivery?.retrying ? await alreadyPosted(channelId, delivery.idempotencyKey) : undefined;
      if (earlier) return { channelId, messageId: earlier };
      const target = conversationOf(channelId);
      const result = await client.chat.postMessage({
        ...target,
        ...renderMessage(message),
        ...(delivery ? { metadata: { event_type: DELIVERY_EVENT, event_payload: { key: delivery.idempotencyKey } } } : {}),
      });
      const channel = result.channel ?? target.channel;
      return { channelId: target.thread_ts ? threadChannelId(channel, target.thread_ts) : channel, messageId: result.ts ?? "" };
    });
  return {
    platform: "slack",
    // A button in a direct message of an Enterprise Grid org may arrive with another workspace (or none).
    buttonsCarryCommunity: true,
    postMessage: post,
    postFiles: (channelId, text, files) =>
      translated(async () => {
        const { channel } = conversationOf(channelId);
        await client.filesUploadV2({
          channel_id: channel,
          initial_comment: text,
          file_uploads: files.map((f) => ({ file: Buffer.from(bytesOf(f)), filename: f.name, title: f.name })),
        });
        // Slack gives back the files, not a message: there is nothing to edit later.
        return { channelId: channel, messageId: "" };
      }),
    // Slack answers an upload with its files, not a message: a retried upload cannot be looked for
    // by its key, so the rare send cut off between Slack taking the file and musubi marking it sent
    // is sent again.
    sendDirectFiles: (userId, text, files) =>
      translated(async () => {
        const opened = await client.conversations.open({ users: userId });
        const channel = opened.channel?.id ?? userId;
        await client.filesUploadV2({
          channel_id: channel,
          initial_comment: text,
          file_uploads: files.map((f) => ({ file: Buffer.from(bytesOf(f)), filename: f.name, title: f.name })),
        });
        return { channelId: channel, messageId: "" };
      }),
    editMessage: (ref, message) =>
      translated(async () => {
        await client.chat.update({ channel: conversationOf(ref.channelId).channel, ts: ref.messageId, ...renderMessage(message) });
      }),
    deleteMessage: (ref) =>
      translated(async () => {
        try {
          await client.chat.delete({ channel: conversationOf(ref.channelId).channel, ts: ref.messageId });
        } catch (error) {
          if ((error as { data?: { error?: string } }).data?.error !== "message_not_found") throw error;
        }
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
    // Slack threads do not nest: a message inside a thread opens onto that same thread.
    openDiscussion: async (ref) =>
      conversationOf(ref.channelId).thread_ts ? ref.channelId : threadChannelId(ref.channelId, ref.messageId),
    supportsCalendarEvents: false,
    upsertCalendarEvent: noCalendarEvents("Slack"),
    cancelCalendarEvent: noCalendarEvents("Slack"),
    mentionUser: (userId) => `<@${userId}>`,
    mentionChannel: (channelId) => `<#${conversationOf(channelId).channel}>`,
    // A real <!subteam^…> mention would notify the whole group; the id is enough to recognise it.
    mentionGroup: (groupId) => `\`${groupId}\``,
    readMention: (kind, typed) => SLACK_MENTIONS[kind].exec(typed)?.[1],
    formatTime: (at, zone) => {
      const unix = Math.floor(at.getTime() / 1000);
      return `<!date^${unix}^{date_short_pretty} {time}|${formatLocal(at, zone)}>`;
    },
    // A workspace has no greeting channel of its own: newcomers are welcomed by direct message.
    defaultWelcomeChannel: async () => undefined,
  };
}
