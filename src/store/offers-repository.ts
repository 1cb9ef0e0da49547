import { z } from "zod";
import { FIT_WEIGHTS } from "../core/offers/fit.js";
import { tagKeysOf } from "../core/offers/terms.js";
import { CONTACT_WAYS, POST_KINDS, POST_STATUSES, type ContactWay, type PostKind, type PostStatus } from "../core/offers/post.js";
import type { DbClient } from "./db.js";
import type { MessageRef } from "./records.js";

// Offers and asks, the exchanges they led to, fit notices and the members' notice switch. Every
// method is scoped by community.


const stringsSchema = z.array(z.string());

export interface OfferPostRecord {
  id: string;
  communityId: string;
  memberId: string;
  kind: PostKind;
  title: string;
  details: string;
  /** As the member typed them. */
  tags: string[];
  /** Normalized words and tag keys, for search and fit. */
  terms: string[];
  contact: ContactWay;
  status: PostStatus;
  expiresAt: Date;
  card: MessageRef | null;
  createdAt: Date;
  author: { platformUserId: string; displayName: string; locale: string | null };
}

export type NewOfferPost = Pick<OfferPostRecord, "kind" | "title" | "details" | "tags" | "terms" | "contact" | "expiresAt"> & {
  /** The clock's time (a simulated one on the console): limits and notices count from it. */
  createdAt: Date;
};

export interface ExchangeRecord {
  id: string;
  postId: string;
  /** Null: that side has deleted their data. */
  helperId: string | null;
  helpedId: string | null;
  spaceId: string | null;
  createdAt: Date;
}

/** A member's intro lists, as fit reads them. */
export interface IntroListsRecord {
  memberId: string;
  platformUserId: string;
  displayName: string;
  locale: string | null;
  canOffer: string[];
  lookingFor: string[];
  updatedAt: Date;
}

const include = { member: { select: { platformUserId: true, displayName: true, locale: true } } } as const;

type PostRow = {
  id: string; communityId: string; memberId: string; kind: string; title: string; details: string; tags: unknown; terms: unknown;
  contact: string; status: string; expiresAt: Date; cardChannelId: string | null; cardMessageId: string | null; createdAt: Date;
  member: { platformUserId: string; displayName: string; locale: string | null };
};

function toPost(row: PostRow): OfferPostRecord {
  return {
    id: row.id, communityId: row.communityId, memberId: row.memberId,
    kind: z.enum(POST_KINDS).parse(row.kind),
    title: row.title, details: row.details,
    tags: stringsSchema.parse(row.tags), terms: stringsSchema.parse(row.terms),
    contact: z.enum(CONTACT_WAYS).parse(row.contact),
    status: z.enum(POST_STATUSES).parse(row.status),
    expiresAt: row.expiresAt,
    card: row.cardChannelId && row.cardMessageId ? { channelId: row.cardChannelId, messageId: row.cardMessageId } : null,
    createdAt: row.createdAt,
    author: row.member,
  };
}

/**
 * The search index rows of an open post: each key of its tags weighs as a tag, each other key of
 * its words as a word (what searchScore in src/core/offers/fit.ts counts).
 */
function searchTermsOf(post: { id: string; communityId: string; tags: readonly string[]; terms: readonly string[]; createdAt: Date; expiresAt: Date }) {
  const tagKeys = new Set(post.tags.flatMap(tagKeysOf));
  const keys = new Set([...tagKeys, ...post.terms]);
  return [...keys].map((key) => ({
    postId: post.id, communityId: post.communityId, key,
    weight: tagKeys.has(key) ? FIT_WEIGHTS.tag : FIT_WEIGHTS.term,
    postCreatedAt: post.createdAt, expiresAt: post.expiresAt,
  }));
}

/** Prisma's "unique constraint failed" (a second press of the same button). */
const isUniqueViolation = (error: unknown) => (error as { code?: string } | null)?.code === "P2002";

export function offersRepository(db: DbClient, communityId: string) {
  /** Open and not yet past its expiry at `now`. */
  const live = (now: Date) => ({ status: "open", expiresAt: { gt: now } });

  /** Indexes the post for search afresh (it is open). */
  async function indexTerms(post: OfferPostRecord): Promise<void> {
    await db.offerTerm.deleteMany({ where: { postId: post.id } });
    await db.offerTerm.createMany({ data: searchTermsOf(post) });
  }

  return {
    /** A new open post, indexed for search. */
    async create(memberId: string, post: NewOfferPost): Promise<OfferPostRecord> {
      const created = toPost(await db.offerPost.create({ data: { communityId, memberId, ...post }, include }));
      await db.offerTerm.createMany({ data: searchTermsOf(created) });
      return created;
    },
    async find(postId: string): Promise<OfferPostRecord | null> {
      const row = await db.offerPost.findFirst({ where: { communityId, id: postId }, include });
      return row && toPost(row);
    },
    async setCard(postId: string, card: MessageRef): Promise<void> {
      await db.offerPost.updateMany({ where: { communityId, id: postId }, data: { cardChannelId: card.channelId, cardMessageId: card.messageId } });
    },
    /** The member's posts open at `now`. */
    async countLive(memberId: string, now: Date): Promise<number> {
      return db.offerPost.count({ where: { communityId, memberId, ...live(now) } });
    },
    async countCreatedSince(memberId: string, since: Date): Promise<number> {
      return db.offerPost.count({ where: { communityId, memberId, createdAt: { gte: since } } });
    },
    /** Posts open at `now`, newest first. */
    async live(now: Date, options: { kind?: PostKind; limit: number }): Promise<OfferPostRecord[]> {
      const rows = await db.offerPost.findMany({
        where: { communityId, ...live(now), ...(options.kind ? { kind: options.kind } : {}) },
        include, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: options.limit,
      });
      return rows.map(toPost);
    },
    /**
     * The posts open at `now` that match any of `keys`, best first by the weights of the keys they
     * hold (a tag more than a word), then newest: read from the search index, so the cost follows
     * the posts that match, not every open post.
     */
    async search(keys: readonly string[], now: Date, limit: number): Promise<OfferPostRecord[]> {
      if (keys.length === 0) return [];
      const ranked = await db.offerTerm.groupBy({
        by: ["postId", "postCreatedAt"],
        where: { communityId, key: { in: [...keys] }, expiresAt: { gt: now } },
        _sum: { weight: true },
        orderBy: [{ _sum: { weight: "desc" } }, { postCreatedAt: "desc" }, { postId: "desc" }],
        take: limit,
      });
      const rows = await db.offerPost.findMany({ where: { communityId, id: { in: ranked.map((r) => r.postId) }, ...live(now) }, include });
      const byId = new Map(rows.map((row) => [row.id, toPost(row)]));
      return ranked.flatMap((r) => byId.get(r.postId) ?? []);
    },
    /** Open posts that have no search rows (made before the index existed): indexed now. How many were. */
    async indexUnindexed(now: Date): Promise<number> {
      const rows = await db.offerPost.findMany({ where: { communityId, ...live(now), searchTerms: { none: {} } }, include });
      for (const row of rows) await indexTerms(toPost(row));
      return rows.length;
    },
    /** A member's own posts, newest first. */
    async ofMember(memberId: string, limit: number): Promise<OfferPostRecord[]> {
      const rows = await db.offerPost.findMany({
        where: { communityId, memberId }, include, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: limit,
      });
      return rows.map(toPost);
    },
    /** Closed: no longer found by search. */
    async close(postId: string, at: Date): Promise<void> {
      await db.offerPost.updateMany({ where: { communityId, id: postId }, data: { status: "closed", closedAt: at } });
      await db.offerTerm.deleteMany({ where: { communityId, postId } });
    },
    /** Open again (also an expired one) until `expiresAt`, and found by search again. */
    async extend(postId: string, expiresAt: Date): Promise<void> {
      const { count } = await db.offerPost.updateMany({ where: { communityId, id: postId }, data: { status: "open", expiresAt, closedAt: null } });
      const post = count === 1 ? await db.offerPost.findFirst({ where: { communityId, id: postId }, include }) : null;
      if (post) await indexTerms(toPost(post));
    },
    /** Marks the post expired if it is open and past its expiry at `now`: whether it was. Search no longer finds it. */
    async expire(postId: string, now: Date): Promise<boolean> {
      const { count } = await db.offerPost.updateMany({
        where: { communityId, id: postId, status: "open", expiresAt: { lte: now } },
        data: { status: "expired" },
      });
      if (count === 1) await db.offerTerm.deleteMany({ where: { communityId, postId } });
      return count === 1;
    },
    async remove(postId: string): Promise<void> {
      await db.offerPost.deleteMany({ where: { communityId, id: postId } });
    },
    /** The cards of a member's posts. */
    async cardsOfMember(memberId: string): Promise<MessageRef[]> {
      const rows = await db.offerPost.findMany({
        where: { communityId, memberId, cardChannelId: { not: null }, cardMessageId: { not: null } },
        select: { cardChannelId: true, cardMessageId: true },
      });
      return rows.map((c) => ({ channelId: c.cardChannelId!, messageId: c.cardMessageId! }));
    },
    /**
     * Deletes everything of offers and asks that is about a member: their posts (with the
     * exchanges and notices of those posts), the exchanges they took part in, the notices they
     * were sent and their notice switch. Returns how many posts were deleted.
     */
    async removeOfMember(memberId: string): Promise<number> {
      const { count } = await db.offerPost.deleteMany({ where: { communityId, memberId } });
      // Their answers to others' posts stay with those posts' authors, without them.
      await db.offerExchange.updateMany({ where: { communityId, helperId: memberId }, data: { helperId: null } });
      await db.offerExchange.updateMany({ where: { communityId, helpedId: memberId }, data: { helpedId: null } });
      await db.offerNotice.deleteMany({ where: { communityId, memberId } });
      await db.offerPreference.deleteMany({ where: { communityId, memberId } });
      return count;
    },

    /**
     * Records that `helperId` helps `helpedId` through a post. A second record of the same three
     * gives the first one back with `created: false`.
     */
    async recordExchange(
      exchange: { postId: string; helperId: string; helpedId: string },
      at: Date,
    ): Promise<{ exchange: ExchangeRecord; created: boolean }> {
      const key = { postId_helperId_helpedId: exchange };
      const existing = await db.offerExchange.findUnique({ where: key });
      if (existing) return { exchange: existing, created: false };
      try {
        return { exchange: await db.offerExchange.create({ data: { communityId, ...exchange, createdAt: at } }), created: true };
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        return { exchange: await db.offerExchange.findUniqueOrThrow({ where: key }), created: false };
      }
    },
    async exchange(exchangeId: string): Promise<ExchangeRecord | null> {
      return db.offerExchange.findFirst({ where: { communityId, id: exchangeId } });
    },
    async setExchangeSpace(exchangeId: string, spaceId: string): Promise<void> {
      await db.offerExchange.updateMany({ where: { communityId, id: exchangeId }, data: { spaceId } });
    },
    async removeExchange(exchangeId: string): Promise<void> {
      await db.offerExchange.deleteMany({ where: { communityId, id: exchangeId } });
    },

    async noticeSent(postId: string, memberId: string): Promise<boolean> {
      return (await db.offerNotice.count({ where: { communityId, postId, memberId } })) > 0;
    },
    async countNoticesSince(memberId: string, since: Date): Promise<number> {
      return db.offerNotice.count({ where: { communityId, memberId, createdAt: { gte: since } } });
    },
    async recordNotice(postId: string, memberId: string, at: Date): Promise<void> {
      await db.offerNotice.upsert({
        where: { postId_memberId: { postId, memberId } },
        create: { communityId, postId, memberId, createdAt: at },
        update: {},
      });
    },
    async noticesOn(memberId: string): Promise<boolean> {
      const row = await db.offerPreference.findFirst({ where: { communityId, memberId }, select: { notices: true } });
      return row?.notices ?? true;
    },
    async setNotices(memberId: string, notices: boolean): Promise<void> {
      await db.offerPreference.upsert({
        where: { memberId, communityId },
        create: { communityId, memberId, notices },
        update: { notices },
      });
    },

    /** Intros with their "can offer" and "looking for" lists, for fit. */
    async introLists(): Promise<IntroListsRecord[]> {
      const rows = await db.profile.findMany({
        where: { communityId },
        select: { memberId: true, canOffer: true, lookingFor: true, updatedAt: true, member: { select: { platformUserId: true, displayName: true, locale: true } } },
      });
      return rows.map((r) => ({
        memberId: r.memberId, platformUserId: r.member.platformUserId, displayName: r.member.displayName, locale: r.member.locale,
        canOffer: stringsSchema.parse(r.canOffer), lookingFor: stringsSchema.parse(r.lookingFor), updatedAt: r.updatedAt,
      }));
    },
  };
}
