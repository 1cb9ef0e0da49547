import type { Intro } from "../core/profile.js";

export type Platform = "discord" | "slack" | "console";

export interface CommunityRecord {
  id: string;
  platform: Platform;
  externalId: string;
  name: string;
  locale: string;
  timeZone: string;
  introChannelId: string | null;
  welcomeChannelId: string | null;
  /** A Discord role or Slack user group whose members hold the organizer right too. */
  organizerGroupId: string | null;
  /** Where offer and ask cards are posted. */
  offersChannelId: string | null;
  /** Where the monthly report goes; none: no report. */
  reportChannelId: string | null;
}

export interface MemberRecord {
  id: string;
  communityId: string;
  platformUserId: string;
  displayName: string;
  locale: string | null;
  timeZone: string | null;
}

export interface MessageRef {
  channelId: string;
  messageId: string;
}

export interface ProfileRecord {
  memberId: string;
  intro: Intro;
  card: MessageRef | null;
  updatedAt: Date;
}
