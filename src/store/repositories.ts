import { z } from "zod";
import type { Intro } from "../core/profile.js";
import { displayName } from "../core/text.js";
import type { Db, DbClient } from "./db.js";
import { networkRepository } from "./network-repository.js";
import { offersRepository } from "./offers-repository.js";
import { pairingRepository } from "./pairing-repository.js";
import { privacyRepository } from "./privacy-repository.js";
import type { CommunityRecord, MemberRecord, MessageRef, Platform, ProfileRecord } from "./records.js";
import { roundsRepository } from "./rounds-repository.js";
import { calendarFeedLookup, studySessionsRepository } from "./study-sessions-repository.js";
import { storedIntroSchema } from "./stored-intro.js";
import { receivedRequestRepository } from "./received-requests.js";

// Repositories of one community's rows are made for that community (`store.forCommunity(id)`)
// and filter every query by it, so no use case can reach another community's rows.



const draftValuesSchema = z.record(z.string(), z.union([z.string(), z.array(z.string())]));
export type DraftValues = z.infer<typeof draftValuesSchema>;

function toCommunity(row: {
  id: string; platform: string; externalId: string; name: string; locale: string; timeZone: string;
  introChannelId: string | null; welcomeChannelId: string | null; organizerGroupId: string | null;
  offersChannelId: string | null; reportChannelId: string | null;
}): CommunityRecord {
  return { ...row, platform: row.platform as Platform };
}

export interface CommunityDefaults {
  name: string;
  locale: string;
  timeZone: string;
}

export type CommunitySettings = Partial<
  Pick<CommunityRecord, "introChannelId" | "welcomeChannelId" | "organizerGroupId" | "offersChannelId" | "reportChannelId" | "locale" | "timeZone">
>;

const communitySelect = {
  id: true, platform: true, externalId: true, name: true, locale: true, timeZone: true,
  introChannelId: true, welcomeChannelId: true, organizerGroupId: true, offersChannelId: true, reportChannelId: true,
} as const;

/** Communities themselves: the only repository not bound to one community. */
export function communityRepository(db: DbClient) {
  const select = communitySelect;
  return {
    /** The community of a guild or workspace, created with the defaults the first time it is seen. */
    async ensure(platform: Platform, externalId: string, defaults: CommunityDefaults): Promise<CommunityRecord> {
      const name = displayName(defaults.name, externalId);
      const row = await db.community.upsert({
        where: { platform_externalId: { platform, externalId } },
        create: { platform, externalId, ...defaults, name },
        update: defaults.name ? { name } : {},
        select,
      });
      return toCommunity(row);
    },
    async find(communityId: string): Promise<CommunityRecord | null> {
      const row = await db.community.findUnique({ where: { id: communityId }, select });
      return row && toCommunity(row);
    },
    /** Communities with a monthly report: their next report is planned at start. */
    async withReports(): Promise<string[]> {
      const rows = await db.community.findMany({ where: { reportChannelId: { not: null } }, select: { id: true } });
      return rows.map((r) => r.id);
    },
    /** Communities with pairing turned on: their next rounds are planned at start. */
    async withPairingEnabled(): Promise<string[]> {
      const rows = await db.pairingSettings.findMany({ where: { enabled: true }, select: { communityId: true } });
      return rows.map((r) => r.communityId);
    },
  };
}

/** The community's own row, as its organizers change it. */
export function communitySettingsRepository(db: DbClient, communityId: string) {
  return {
    async update(settings: CommunitySettings): Promise<CommunityRecord> {
      return toCommunity(await db.community.update({ where: { id: communityId }, data: settings, select: communitySelect }));
    },
  };
}

export interface MemberSeen {
  platformUserId: string;
  displayName: string;
  locale?: string | undefined;
}

export function memberRepository(db: DbClient, communityId: string) {
  const select = {
    id: true, communityId: true, platformUserId: true, displayName: true, locale: true, timeZone: true,
  } as const;
  return {
    /** Records a member as last seen on the platform (name and locale follow the platform's). */
    async ensure(seen: MemberSeen): Promise<MemberRecord> {
      const known = { displayName: displayName(seen.displayName, seen.platformUserId), ...(seen.locale ? { locale: seen.locale } : {}) };
      return db.member.upsert({
        where: { communityId_platformUserId: { communityId, platformUserId: seen.platformUserId } },
        create: { communityId, platformUserId: seen.platformUserId, ...known },
        update: known,
        select,
      });
    },
    /** A member named in a command (a mention) who may never have used the bot yet. */
    async ensureKnown(platformUserId: string): Promise<MemberRecord> {
      return db.member.upsert({
        where: { communityId_platformUserId: { communityId, platformUserId } },
        create: { communityId, platformUserId, displayName: platformUserId },
        update: {},
        select,
      });
    },
    async find(memberId: string): Promise<MemberRecord | null> {
      return db.member.findFirst({ where: { communityId, id: memberId }, select });
    },
    async findByPlatformUser(platformUserId: string): Promise<MemberRecord | null> {
      return db.member.findUnique({
        where: { communityId_platformUserId: { communityId, platformUserId } },
        select,
      });
    },
    /** Deletes the member and, by the schema's cascades, every row that is theirs. */
    async remove(memberId: string): Promise<void> {
      await db.member.deleteMany({ where: { communityId, id: memberId } });
    },
  };
}

export function profileRepository(db: DbClient, communityId: string) {
  function toProfile(row: {
    memberId: string; industry: string; role: string; seniority: string; interests: unknown;
    canOffer: unknown; lookingFor: unknown; languages: unknown; city: string; meetingPreference: string;
    bio: string; cardChannelId: string | null; cardMessageId: string | null; updatedAt: Date;
  }): ProfileRecord {
    const intro = storedIntroSchema.parse(row);
    const card = row.cardChannelId && row.cardMessageId
      ? { channelId: row.cardChannelId, messageId: row.cardMessageId }
      : null;
    return { memberId: row.memberId, intro, card, updatedAt: row.updatedAt };
  }
  return {
    async find(memberId: string): Promise<ProfileRecord | null> {
      const row = await db.profile.findFirst({ where: { communityId, memberId } });
      return row && toProfile(row);
    },
    async save(memberId: string, intro: Intro): Promise<ProfileRecord> {
      const row = await db.profile.upsert({
        where: { memberId, communityId },
        create: { communityId, memberId, ...intro },
        update: intro,
      });
      return toProfile(row);
    },
    async setCard(memberId: string, card: MessageRef): Promise<void> {
      await db.profile.update({
        where: { memberId, communityId },
        data: { cardChannelId: card.channelId, cardMessageId: card.messageId },
      });
    },
  };
}

export function formDraftRepository(db: DbClient, communityId: string) {
  return {
    /** Answers kept so far, or nothing when none were kept within `maxAgeMs`. */
    async find(memberId: string, formId: string, notBefore: Date): Promise<DraftValues | null> {
      const row = await db.formDraft.findFirst({
        where: { communityId, memberId, formId, updatedAt: { gte: notBefore } },
      });
      return row && draftValuesSchema.parse(row.values);
    },
    /** `savedAt` is the caller's clock (a simulated one on the console), against which `find` ages drafts. */
    async save(memberId: string, formId: string, values: DraftValues, savedAt: Date): Promise<void> {
      await db.formDraft.upsert({
        where: { memberId_formId: { memberId, formId }, communityId },
        create: { communityId, memberId, formId, values, updatedAt: savedAt },
        update: { values, updatedAt: savedAt },
      });
    },
    async remove(memberId: string, formId: string): Promise<void> {
      await db.formDraft.deleteMany({ where: { communityId, memberId, formId } });
    },
  };
}

function communityRepositories(client: DbClient, communityId: string) {
  return {
    communityId,
    settings: communitySettingsRepository(client, communityId),
    members: memberRepository(client, communityId),
    profiles: profileRepository(client, communityId),
    formDrafts: formDraftRepository(client, communityId),
    pairing: pairingRepository(client, communityId),
    offers: offersRepository(client, communityId),
    rounds: roundsRepository(client, communityId),
    studySessions: studySessionsRepository(client, communityId),
    network: networkRepository(client, communityId),
    privacy: privacyRepository(client, communityId),
  };
}

/** One community's repositories, inside a transaction or not. */
export type CommunityRepositories = ReturnType<typeof communityRepositories>;

export interface CommunityStore extends CommunityRepositories {
  /** Runs `work` with repositories bound to one transaction: all of its writes land, or none. */
  transaction<T>(work: (tx: CommunityRepositories) => Promise<T>): Promise<T>;
}

export function createStore(db: Db) {
  return {
    communities: communityRepository(db),
    /** Keys of platform requests already received (before any community is known): redeliveries are dropped. */
    receivedRequests: receivedRequestRepository(db),
    /** A calendar feed's token to its community and owner (the feed's request names no community). */
    calendarFeed: calendarFeedLookup(db),
    /** The repositories of one community: every query they make is scoped by it. */
    forCommunity(communityId: string): CommunityStore {
      return {
        ...communityRepositories(db, communityId),
        transaction: (work) => db.$transaction((tx) => work(communityRepositories(tx, communityId))),
      };
    },
    disconnect: () => db.$disconnect(),
  };
}

export type Store = ReturnType<typeof createStore>;
