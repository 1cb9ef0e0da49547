import { mkdir, writeFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { formatLocal } from "../../core/pairing/rhythm.js";
import type { Message } from "../../port/message.js";
import type { MentionKind, PlatformPort } from "../../port/port.js";
import type { MessageRef } from "../../store/records.js";
import { noCalendarEvents } from "../errors.js";
import { renderMessage } from "./render.js";

/** The console's platform: messages are printed; ids are counted so transcripts stay stable. */
/** `filesDir`: where files posted to a channel (a report's pictures) are written. */
/** On the console a member is `@name`, a channel `#name`, a group `@&name` (or `@name`). */
const CONSOLE_MENTIONS: Record<MentionKind, RegExp> = {
  user: /^@([\w.-]{1,64})$/,
  channel: /^#([\w.-]{1,64})$/,
  group: /^@&?([\w.-]{1,64})$/,
};

export function consolePort(print: (line: string) => void, filesDir?: string): PlatformPort {
  let nextId = 1;
  const newRef = (channelId: string): MessageRef => ({ channelId, messageId: `m${nextId++}` });
  const discussions = new Set<string>();
  const show = (header: string, message: Message) => {
    print(header);
    for (const line of renderMessage(message)) print(line);
  };
  return {
    platform: "console",
    async postMessage(channelId, message) {
      const ref = newRef(channelId);
      show(`[#${channelId}] (${ref.messageId})`, message);
      return ref;
    },
    async postFiles(channelId, text, files) {
      const ref = newRef(channelId);
      show(`[#${channelId}] (${ref.messageId})`, { text });
      for (const file of files) {
        if (!filesDir) {
          print(`  📎 ${file.name} (${file.contentType})`);
          continue;
        }
        const path = join(filesDir, basename(file.name));
        await mkdir(filesDir, { recursive: true });
        await writeFile(path, file.content);
        print(`  📎 ${file.name} (${file.contentType}) → ${path}`);
      }
      return ref;
    },
    async editMessage(ref, message) {
      show(`[#${ref.channelId}] (${ref.messageId} edited)`, message);
    },
    async deleteMessage(ref) {
      print(`[#${ref.channelId}] (${ref.messageId} deleted)`);
    },
    async sendDirectFiles(userId, text, files) {
      const ref = newRef(`dm-${userId}`);
      show(`[DM to @${userId}] (${ref.messageId})`, { text });
      for (const file of files) print(`  📎 ${file.name} (${file.contentType})`);
      return ref;
    },
    async sendDirectMessage(userId, message) {
      const ref = newRef(`dm-${userId}`);
      show(`[DM to @${userId}] (${ref.messageId})`, message);
      return ref;
    },
    async openPairSpace({ userIds, name }) {
      const channelId = `pair-${nextId++}`;
      print(`[#${channelId} opened for ${userIds.map((u) => `@${u}`).join(", ")}: ${name}]`);
      return [channelId];
    },
    async openDiscussion(ref, name) {
      const channelId = `thread-${ref.messageId}`;
      if (!discussions.has(channelId)) print(`[#${channelId} opened on ${ref.messageId} in #${ref.channelId}: ${name}]`);
      discussions.add(channelId);
      return channelId;
    },
    supportsCalendarEvents: false,
    upsertCalendarEvent: noCalendarEvents("the console"),
    cancelCalendarEvent: noCalendarEvents("the console"),
    mentionUser: (userId) => `@${userId}`,
    mentionChannel: (channelId) => `#${channelId}`,
    mentionGroup: (groupId) => `@&${groupId}`,
    readMention: (kind, typed) => CONSOLE_MENTIONS[kind].exec(typed)?.[1],
    formatTime: (at, zone) => formatLocal(at, zone),
    defaultWelcomeChannel: async () => "general",
  };
}
