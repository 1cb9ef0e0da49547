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
  /** The language the member is written in; see localeSource. */
  locale: string | null;
  /** "member": chosen with /settings; "platform": the platform's locale; null: none known. */
  localeSource: SettingSource | null;
  timeZone: string | null;
  /** "member": set with /settings; "platform": Slack's users.info tz; null: none known. */
  timeZoneSource: SettingSource | null;
}

/** Where a member's language or time zone came from. */
export type SettingSource = "member" | "platform";

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
