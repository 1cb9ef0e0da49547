import type { MessageRef, Platform } from "../store/records.js";
import type { Message } from "./reply.js";

/**
 * What a use case may ask of the platform it was called from. Every adapter implements all of
 * it; a call that the platform refuses throws a PlatformError.
 */
export interface PlatformPort {
  readonly platform: Platform;
  postMessage(channelId: string, message: Message): Promise<MessageRef>;
  editMessage(ref: MessageRef, message: Message): Promise<void>;
  sendDirectMessage(userId: string, message: Message): Promise<MessageRef>;
  mentionUser(userId: string): string;
  mentionChannel(channelId: string): string;
  /** Where the platform itself greets newcomers (a Discord guild's system channel), if anywhere. */
  defaultWelcomeChannel(communityExternalId: string): Promise<string | undefined>;
}
