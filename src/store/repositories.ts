import { z } from "zod";
import type { Intro } from "../core/profile.js";
import { displayName } from "../core/text.js";
import type { Db, DbClient } from "./db.js";
import { meetingRepository } from "./meeting-repository.js";
import { networkRepository } from "./network-repository.js";
import { offersRepository } from "./offers-repository.js";
import { pairingRepository } from "./pairing-repository.js";
import { enabledPrograms, programsRepository } from "./programs-repository.js";
import { privacyRepository } from "./privacy-repository.js";
import type { CommunityRecord, MemberRecord, MessageRef, Platform, ProfileRecord, SettingSource } from "./records.js";
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

/**
 * Communities as every interaction reads them, kept for a few seconds in this process. The cache
 * is short-lived, not versioned: a change made by another process on the same database (an
 * organizer's /musubi setup served there) is seen here within `ttlMs`; a change made through this
 * process's store is seen at once (`forget`).
 */
export interface CommunityCache {
  get(key: string): CommunityRecord | undefined;
  set(key: string, community: CommunityRecord): void;
  /** Forgets the community with this id, whatever key it was kept under. */
  forget(communityId: string): void;
}

/** How long a community read stays in a process's cache unless this process changes it. */
export const COMMUNITY_CACHE_MS = 5_000;

export function communityCache(ttlMs = COMMUNITY_CACHE_MS, now: () => number = Date.now): CommunityCache {
  const entries = new Map<string, { community: CommunityRecord; until: number }>();
  return {
    get(key) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (entry.until > now()) return entry.community;
      entries.delete(key);
      return undefined;
    },
    set(key, community) {
      entries.set(key, { community, until: now() + ttlMs });
    },
    forget(communityId) {
      for (const [key, entry] of entries) if (entry.community.id === communityId) entries.delete(key);
    },
  };
}

/** Communities themselves: the only repository not bound to one community. */
export function communityRepository(db: DbClient, cache: CommunityCache = communityCache(0)) {
  const select = communitySelect;
  return {
    /**
     * The community of a guild or workspace, created with the defaults the first time it is seen.
     * A known community with the same name costs one read (or none, from the cache): no write.
     */
    async ensure(platform: Platform, externalId: string, defaults: CommunityDefaults): Promise<CommunityRecord> {
      const name = displayName(defaults.name, externalId);
      const key = `${platform}:${externalId}`;
      const unchanged = (community: CommunityRecord) => !defaults.name || community.name === name;
      const cached = cache.get(key);
      if (cached && unchanged(cached)) return cached;
      const known = await db.community.findUnique({ where: { platform_externalId: { platform, externalId } }, select });
      const community = known && unchanged(toCommunity(known)) ? toCommunity(known) : toCommunity(await db.community.upsert({
        where: { platform_externalId: { platform, externalId } },
        create: { platform, externalId, ...defaults, name },
        update: defaults.name ? { name } : {},
        select,
      }));
      cache.set(key, community);
      return community;
    },
    /** The community as this process last read it (within the cache's lifetime), without asking the database. */
    cached(platform: Platform, externalId: string): CommunityRecord | undefined {
      return cache.get(`${platform}:${externalId}`);
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
    /** Enabled pairing programs: their next rounds are planned at start. */
    withPrograms: () => enabledPrograms(db),
  };
}

/** The community's own row, as its organizers change it. */
export function communitySettingsRepository(db: DbClient, communityId: string, cache?: CommunityCache) {
  return {
    async update(settings: CommunitySettings): Promise<CommunityRecord> {
      const updated = toCommunity(await db.community.update({ where: { id: communityId }, data: settings, select: communitySelect }));
      cache?.forget(communityId);
      return updated;
    },
  };
}

export interface MemberSeen {
  platformUserId: string;
  displayName: string;
  locale?: string | undefined;
  /** The platform's time zone for the member (Slack's users.info tz), when it tells. */
  timeZone?: string | undefined;
}

/** A member's own choices: a value with "member", or the platform's last known value (or null) to follow it again. */
export type MemberSettingsChange = Partial<Pick<MemberRecord, "locale" | "localeSource" | "timeZone" | "timeZoneSource">>;

const asSource = (source: string | null): SettingSource | null => (source === "member" || source === "platform" ? source : null);

export function memberRepository(db: DbClient, communityId: string) {
  const select = {
    id: true, communityId: true, platformUserId: true, displayName: true, locale: true, localeSource: true, timeZone: true, timeZoneSource: true,
  } as const;
  const toMember = (row: Omit<MemberRecord, "localeSource" | "timeZoneSource"> & { localeSource: string | null; timeZoneSource: string | null }): MemberRecord =>
    ({ ...row, localeSource: asSource(row.localeSource), timeZoneSource: asSource(row.timeZoneSource) });
  return {
    /**
     * Records a member as last seen on the platform: the name follows the platform's, and so do
     * the locale and time zone unless the member chose their own (/settings). A known member whose
     * name, locale and zone are unchanged costs one read, no write.
     */
    async ensure(seen: MemberSeen): Promise<MemberRecord> {
      const name = displayName(seen.displayName, seen.platformUserId);
      const where = { communityId_platformUserId: { communityId, platformUserId: seen.platformUserId } };
      const fromPlatform = {
        ...(seen.locale ? { locale: seen.locale, localeSource: "platform" } : {}),
        ...(seen.timeZone ? { timeZone: seen.timeZone, timeZoneSource: "platform" } : {}),
      };
      const known = await db.member.findUnique({ where, select });
      const row = toMember(known ?? await db.member.upsert({
        where,
        create: { communityId, platformUserId: seen.platformUserId, displayName: name, ...fromPlatform },
        update: { displayName: name },
        select,
      }));
      // Written only when the platform's name or value changed: most interactions cost no write.
      const changes = {
        ...(row.displayName !== name ? { displayName: name } : {}),
        ...(seen.locale && row.localeSource !== "member" && row.locale !== seen.locale ? { locale: seen.locale, localeSource: "platform" } : {}),
        ...(seen.timeZone && row.timeZoneSource !== "member" && row.timeZone !== seen.timeZone ? { timeZone: seen.timeZone, timeZoneSource: "platform" } : {}),
      };
      if (Object.keys(changes).length === 0) return row;
      return toMember(await db.member.update({ where: { id: row.id }, data: changes, select }));
    },
    /** Saves the member's language and time zone as /settings changed them, in one write. */
    async changeSettings(memberId: string, change: MemberSettingsChange): Promise<MemberRecord> {
      await db.member.updateMany({ where: { communityId, id: memberId }, data: change });
      const row = await db.member.findFirstOrThrow({ where: { communityId, id: memberId }, select });
      return toMember(row);
    },
    /** A member named in a command (a mention) who may never have used the bot yet. */
    async ensureKnown(platformUserId: string): Promise<MemberRecord> {
      return db.member.upsert({
        where: { communityId_platformUserId: { communityId, platformUserId } },
        create: { communityId, platformUserId, displayName: platformUserId },
        update: {},
        select,
      }).then(toMember);
    },
    async find(memberId: string): Promise<MemberRecord | null> {
      const row = await db.member.findFirst({ where: { communityId, id: memberId }, select });
      return row && toMember(row);
    },
    async findByPlatformUser(platformUserId: string): Promise<MemberRecord | null> {
      const row = await db.member.findUnique({
        where: { communityId_platformUserId: { communityId, platformUserId } },
        select,
      });
      return row && toMember(row);
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

function communityRepositories(client: DbClient, communityId: string, cache?: CommunityCache) {
  return {
    communityId,
    settings: communitySettingsRepository(client, communityId, cache),
    members: memberRepository(client, communityId),
    profiles: profileRepository(client, communityId),
    formDrafts: formDraftRepository(client, communityId),
    pairing: pairingRepository(client, communityId),
    programs: programsRepository(client, communityId),
    meetings: meetingRepository(client, communityId),
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

export function createStore(db: Db, cache: CommunityCache = communityCache()) {
  return {
    communities: communityRepository(db, cache),
    /** Keys of platform requests already received (before any community is known): redeliveries are dropped. */
    receivedRequests: receivedRequestRepository(db),
    /** A calendar feed's token to its community and owner (the feed's request names no community). */
    calendarFeed: calendarFeedLookup(db),
    /** The repositories of one community: every query they make is scoped by it. */
    forCommunity(communityId: string): CommunityStore {
      return {
        ...communityRepositories(db, communityId, cache),
        transaction: (work) => db.$transaction((tx) => work(communityRepositories(tx, communityId, cache))),
      };
    },
    /** At start: open posts made before the search index existed are indexed (after that, none are found). */
    async indexOpenPosts(now: Date): Promise<void> {
      const unindexed = await db.offerPost.findMany({
        where: { status: "open", expiresAt: { gt: now }, searchTerms: { none: {} } }, select: { communityId: true }, distinct: ["communityId"],
      });
      for (const { communityId } of unindexed) await offersRepository(db, communityId).indexUnindexed(now);
    },
    disconnect: () => db.$disconnect(),
  };
}

export type Store = ReturnType<typeof createStore>;
