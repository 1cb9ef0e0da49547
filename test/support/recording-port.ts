import { PlatformError } from "../../src/port/errors.js";
import type { Message, ReplyFile } from "../../src/port/message.js";
import type { CalendarEvent, PlatformPort } from "../../src/port/port.js";
import type { MessageRef } from "../../src/store/records.js";

export interface Sent {
  kind: "post" | "edit" | "dm" | "files";
  channelId: string;
  messageId: string;
  message: Message;
  files?: readonly ReplyFile[];
}

/** A platform port that records what the bot sent, for tests of the use cases. */
export function recordingPort(options: { welcomeChannel?: string; deleted?: Set<string> } = {}) {
  const sent: Sent[] = [];
  const deletedRefs: MessageRef[] = [];
  /** Calendar events by id as the last upsert left them; a canceled one is gone. */
  const calendar = new Map<string, CalendarEvent>();
  let next = 1;
  const port: PlatformPort = {
    platform: "console",
    async postMessage(channelId, message) {
      const messageId = `m${next++}`;
      sent.push({ kind: "post", channelId, messageId, message });
      return { channelId, messageId };
    },
    async postFiles(channelId, text, files) {
      const messageId = `m${next++}`;
      sent.push({ kind: "files", channelId, messageId, message: { text }, files });
      return { channelId, messageId };
    },
    async sendDirectFiles(userId, text, files) {
      const messageId = `m${next++}`;
      sent.push({ kind: "files", channelId: `dm-${userId}`, messageId, message: { text }, files });
      return { channelId: `dm-${userId}`, messageId };
    },
    async editMessage(ref, message) {
      if (options.deleted?.has(ref.messageId)) throw new PlatformError("not_found", "Unknown Message");
      sent.push({ kind: "edit", ...ref, message });
    },
    async deleteMessage(ref) {
      deletedRefs.push(ref);
    },
    async sendDirectMessage(userId, message) {
      const messageId = `m${next++}`;
      sent.push({ kind: "dm", channelId: `dm-${userId}`, messageId, message });
      return { channelId: `dm-${userId}`, messageId };
    },
    async openPairSpace({ userIds }) {
      return [`space-${userIds.join("-")}`];
    },
    openDiscussion: async (ref) => `thread-${ref.messageId}`,
    supportsCalendarEvents: true,
    async upsertCalendarEvent(_communityExternalId, event) {
      const id = event.id ?? `event-${next++}`;
      calendar.set(id, { ...event, id });
      return id;
    },
    async cancelCalendarEvent(_communityExternalId, eventId) {
      calendar.delete(eventId);
    },
    formatTime: (at) => at.toISOString(),
    mentionUser: (id) => `<@${id}>`,
    mentionChannel: (id) => `<#${id}>`,
    mentionGroup: (id) => `<@&${id}>`,
    // Like Discord, options carry the id itself; a mention as Discord writes it is read too.
    readMention: (_kind, typed) => /^(?:<(?:@&?|#))?([\w.-]{1,64})>?$/.exec(typed)?.[1],
    defaultWelcomeChannel: async () => options.welcomeChannel,
  };
  return { port, sent, calendar, deletedRefs };
}
