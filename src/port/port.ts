import type { MessageRef, Platform } from "../store/records.js";
import type { Message, ReplyFile } from "./message.js";

/** How a message is sent on behalf of a job (see src/jobs/outbox.ts). */
export type MentionKind = "user" | "channel" | "group";

export interface DeliveryOptions {
  /** The same key twice means the same message: the platform adapter must not post it twice. */
  idempotencyKey: string;
  /** An earlier attempt with this key may have reached the platform. */
  retrying: boolean;
}

export interface PairSpaceRequest {
  /** The pairing channel, where a platform with threads opens one. */
  channelId: string | null;
  /** Platform user ids of the group's members. */
  userIds: string[];
  name: string;
  delivery: DeliveryOptions;
}

/** A session as the platform's own calendar shows it (a Discord scheduled event). */
export interface CalendarEvent {
  /** The id an earlier upsertCalendarEvent returned: that event is updated. */
  id?: string;
  name: string;
  description: string;
  start: Date;
  end: Date;
  /** A venue or an online link. */
  location: string;
  /**
   * An earlier attempt may have created the event without its id being kept (a process stopped):
   * an event of the same name and start is taken instead of creating a second one.
   */
  retrying?: boolean;
}

/**
 * What a use case may ask of the platform it was called from. Every adapter implements all of
 * it; a call that the platform refuses throws a PlatformError.
 */
export interface PlatformPort {
  readonly platform: Platform;
  /**
   * Whether a pressed button may arrive without its community (a Discord direct message, a Slack
   * Enterprise Grid DM): then every button's id carries it (see withCommunity in src/app/actions.ts).
   */
  readonly buttonsCarryCommunity?: boolean;
  postMessage(channelId: string, message: Message, delivery?: DeliveryOptions): Promise<MessageRef>;
  editMessage(ref: MessageRef, message: Message): Promise<void>;
  /** Removes a message the bot posted; one already gone is no error. */
  deleteMessage(ref: MessageRef): Promise<void>;
  sendDirectMessage(userId: string, message: Message, delivery?: DeliveryOptions): Promise<MessageRef>;
  /**
   * A private place for a group (a Discord private thread, or a DM to each member where threads
   * are not allowed; a Slack group DM; a console channel): the channel ids to post into.
   */
  openPairSpace(request: PairSpaceRequest): Promise<string[]>;
  /**
   * A conversation attached to a posted message (a Discord public thread on it, a Slack thread
   * under it, a console channel): the channel id to post into. Opening it again gives the same one.
   */
  openDiscussion(ref: MessageRef, name: string): Promise<string>;
  /** Whether upsertCalendarEvent and cancelCalendarEvent work here; elsewhere they throw PlatformError "unsupported". */
  readonly supportsCalendarEvents: boolean;
  /**
   * Creates the event in the community's calendar, or updates the one with `event.id` (one deleted
   * there meanwhile is created anew): the event's id. Texts too long for the platform are clipped.
   */
  upsertCalendarEvent(communityExternalId: string, event: CalendarEvent): Promise<string>;
  /** Takes the event off the calendar; one already gone or over is left as it is. */
  cancelCalendarEvent(communityExternalId: string, eventId: string): Promise<void>;
  /**
   * Posts files (pictures) with a line of text to a channel. Optional: where a port has none, a
   * use case posts its text alone.
   */
  postFiles?(channelId: string, text: string, files: readonly ReplyFile[]): Promise<MessageRef>;
  /**
   * Sends files (a calendar invite) with a line of text to a member by direct message, once per
   * delivery key. Optional: where a port has none, a use case sends its text alone.
   */
  sendDirectFiles?(userId: string, text: string, files: readonly ReplyFile[], delivery?: DeliveryOptions): Promise<MessageRef>;
  mentionUser(userId: string): string;
  mentionChannel(channelId: string): string;
  /** A Discord role or Slack user group, as the platform writes it. */
  mentionGroup(groupId: string): string;
  /**
   * The id a member, channel or group option names, read as this platform sends it (Discord: the
   * id it resolved; Slack: `<@U123|ken>`; the console: `@ken`); nothing for any other text.
   */
  readMention(kind: MentionKind, typed: string): string | undefined;
  /** A time as the platform shows it in each reader's own zone (`zone` where it cannot). */
  formatTime(at: Date, zone: string): string;
  /** Where the platform itself greets newcomers (a Discord guild's system channel), if anywhere. */
  defaultWelcomeChannel(communityExternalId: string): Promise<string | undefined>;
}

/**
 * A process's connection to one platform, for work no member's request started (jobs): the port
 * to use for each community it serves.
 */
export interface PlatformConnection {
  readonly platform: Platform;
  /**
   * The port that acts in one community (by its platform id): nothing when the platform no longer
   * lets the bot act there (a Slack workspace that uninstalled the app or revoked its token).
   */
  portFor(communityExternalId: string): Promise<PlatformPort | undefined>;
}

/** A connection whose one port serves every community (Discord; Slack with one workspace's token; the console). */
export const servingEveryCommunity = (port: PlatformPort): PlatformConnection => ({
  platform: port.platform,
  portFor: async () => port,
});
