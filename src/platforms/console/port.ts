import type { PlatformPort } from "../../app/port.js";
import type { Message } from "../../app/reply.js";
import type { MessageRef } from "../../store/records.js";
import { renderMessage } from "./render.js";

/** The console's platform: messages are printed; ids are counted so transcripts stay stable. */
export function consolePort(print: (line: string) => void): PlatformPort {
  let nextId = 1;
  const newRef = (channelId: string): MessageRef => ({ channelId, messageId: `m${nextId++}` });
  return {
    platform: "console",
    async postMessage(channelId, message: Message) {
      const ref = newRef(channelId);
      print(`[#${channelId}] (${ref.messageId})`);
      for (const line of renderMessage(message)) print(line);
      return ref;
    },
    async editMessage(ref, message) {
      print(`[#${ref.channelId}] (${ref.messageId} edited)`);
      for (const line of renderMessage(message)) print(line);
    },
    async sendDirectMessage(userId, message) {
      const ref = newRef(`dm-${userId}`);
      print(`[DM to @${userId}] (${ref.messageId})`);
      for (const line of renderMessage(message)) print(line);
      return ref;
    },
    mentionUser: (userId) => `@${userId}`,
    mentionChannel: (channelId) => `#${channelId}`,
    defaultWelcomeChannel: async () => "general",
  };
}
