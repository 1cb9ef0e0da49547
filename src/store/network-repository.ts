import { z } from "zod";
import { bestAnswer, type CommunityActivity, type Encounter, type ThanksNote } from "../core/network/index.js";
import { isFollowUpAnswer, type FollowUpAnswer } from "../core/pairing/settings.js";
import { SENIORITY_LEVELS } from "../core/profile.js";
import type { DbClient } from "./db.js";

// The network's rows of one community: thanks, "not now" on reconnect suggestions and the
// suggestion switch; and the read-backs that gather every encounter of a member (pairing groups,
// answered posts, sessions attended together) and the community's activity for its figures.

export const THANKS_CONTEXTS = ["pairing", "exchange"] as const;
export type ThanksContext = (typeof THANKS_CONTEXTS)[number];

export interface ThanksRecord {
  id: string;
  fromId: string;
  toId: string;
  context: ThanksContext;
  contextId: string;
  message: string;
  createdAt: Date;
}

export interface NetworkPreferenceRecord {
  suggestions: boolean;
  lastSuggestedAt: Date | null;
}

const answerOf = (value: string | null): FollowUpAnswer | null => (value !== null && isFollowUpAnswer(value) ? value : null);
const postKind = z.enum(["offer", "ask"]);
const seniority = z.enum(SENIORITY_LEVELS).nullable().catch(null);

export function networkRepository(db: DbClient, communityId: string) {
  const toThanks = (row: { id: string; fromId: string; toId: string; context: string; contextId: string; message: string; createdAt: Date }): ThanksRecord => ({
    ...row, context: z.enum(THANKS_CONTEXTS).parse(row.context),
  });

  return {
    /** Every time the member met someone through musubi, in no particular order. */
    async encountersOf(memberId: string): Promise<Encounter[]> {
      const [groups, exchanges, attended] = await Promise.all([
        db.pairingGroup.findMany({
          where: { communityId, members: { some: { memberId } }, round: { status: { not: "planned" } } },
          select: { id: true, size: true, round: { select: { scheduledAt: true } }, members: { select: { memberId: true, answer: true } } },
        }),
        db.offerExchange.findMany({
          where: { communityId, OR: [{ helperId: memberId }, { helpedId: memberId }] },
          select: { id: true, createdAt: true, helperId: true, helpedId: true, post: { select: { title: true, kind: true } } },
        }),
        db.sessionAttendance.findMany({
          where: { communityId, memberId, attended: true },
          select: {
            session: {
              select: {
                id: true, startsAt: true, position: true, round: { select: { title: true } },
                attendance: { where: { attended: true, memberId: { not: memberId } }, select: { memberId: true } },
              },
            },
          },
        }),
      ]);
      const encounters: Encounter[] = [];
      for (const group of groups) {
        const answer = bestAnswer(group.members.map((m) => answerOf(m.answer)));
        const others = group.members.filter((m) => m.memberId !== memberId);
        const base = { kind: "pairing" as const, at: group.round.scheduledAt, contextId: group.id, answer };
        for (const other of others) encounters.push({ ...base, otherId: other.memberId });
        // Members who deleted their data since: their place stays, without a name.
        for (let i = others.length + 1; i < group.size; i++) encounters.push({ ...base, otherId: null });
      }
      for (const exchange of exchanges) {
        const helpedBy = exchange.helpedId === memberId ? "them" : "you";
        encounters.push({
          kind: "exchange", at: exchange.createdAt, contextId: exchange.id, title: exchange.post.title, postKind: postKind.parse(exchange.post.kind),
          otherId: helpedBy === "them" ? exchange.helperId : exchange.helpedId, helpedBy,
        });
      }
      for (const { session } of attended) {
        for (const other of session.attendance) {
          encounters.push({
            kind: "session", at: session.startsAt, contextId: session.id, otherId: other.memberId,
            roundTitle: session.round.title, position: session.position,
          });
        }
      }
      return encounters;
    },

    /** Members with whom both said, after a group met, that they would like to meet again. */
    async mutualWith(memberId: string): Promise<Set<string>> {
      const groups = await db.pairingGroup.findMany({
        where: { communityId, members: { some: { memberId, meetAgain: true } } },
        select: { members: { where: { meetAgain: true, memberId: { not: memberId } }, select: { memberId: true } } },
      });
      return new Set(groups.flatMap((g) => g.members.map((m) => m.memberId)));
    },

    /** Records a thank-you once per sender, receiver and occasion: false when it was sent already. */
    async recordThanks(thanks: Omit<ThanksRecord, "id" | "createdAt">, at: Date): Promise<boolean> {
      const key = { fromId_toId_context_contextId: { fromId: thanks.fromId, toId: thanks.toId, context: thanks.context, contextId: thanks.contextId } };
      if (await db.thanks.findUnique({ where: key })) return false;
      try {
        await db.thanks.create({ data: { communityId, ...thanks, createdAt: at } });
        return true;
      } catch (error) {
        if ((error as { code?: string } | null)?.code === "P2002") return false;
        throw error;
      }
    },
    async thanksOf(memberId: string): Promise<ThanksRecord[]> {
      const rows = await db.thanks.findMany({ where: { communityId, OR: [{ fromId: memberId }, { toId: memberId }] }, orderBy: { createdAt: "desc" } });
      return rows.map(toThanks);
    },
    async thanksNotesOf(memberId: string): Promise<ThanksNote[]> {
      return (await this.thanksOf(memberId)).map(({ fromId, toId, createdAt }) => ({ fromId, toId, at: createdAt }));
    },
    /** How many times the member helped someone through a post, and how many thank-yous they received. */
    async givingOf(memberId: string): Promise<{ helped: number; thanked: number }> {
      const [helped, thanked] = await Promise.all([
        db.offerExchange.count({ where: { communityId, helperId: memberId } }),
        db.thanks.count({ where: { communityId, toId: memberId } }),
      ]);
      return { helped, thanked };
    },

    async snooze(memberId: string, otherId: string, until: Date): Promise<void> {
      await db.reconnectSnooze.upsert({
        where: { memberId_otherId: { memberId, otherId }, communityId },
        create: { communityId, memberId, otherId, until },
        update: { until },
      });
    },
    async snoozedBy(memberId: string, now: Date): Promise<Set<string>> {
      const rows = await db.reconnectSnooze.findMany({ where: { communityId, memberId, until: { gt: now } }, select: { otherId: true } });
      return new Set(rows.map((r) => r.otherId));
    },

    async preference(memberId: string): Promise<NetworkPreferenceRecord> {
      const row = await db.networkPreference.findFirst({ where: { communityId, memberId }, select: { suggestions: true, lastSuggestedAt: true } });
      return row ?? { suggestions: true, lastSuggestedAt: null };
    },
    async setPreference(memberId: string, changes: Partial<NetworkPreferenceRecord>): Promise<void> {
      await db.networkPreference.upsert({
        where: { memberId, communityId },
        create: { communityId, memberId, ...changes },
        update: changes,
      });
    },
    /** Members with an intro who take suggestions and were not sent one since `notSince`. */
    async membersDueSuggestion(notSince: Date): Promise<{ id: string; platformUserId: string; locale: string | null }[]> {
      return db.member.findMany({
        where: {
          communityId,
          profile: { isNot: null },
          OR: [{ networkChoice: { is: null } }, { networkChoice: { suggestions: true, OR: [{ lastSuggestedAt: null }, { lastSuggestedAt: { lt: notSince } }] } }],
        },
        select: { id: true, platformUserId: true, locale: true },
        orderBy: { id: "asc" },
      });
    },

    /**
     * Everything the figures and the network picture are made from: since `since` (the period of
     * the figures: a year of a large community's rounds is a lot to read), else over all time.
     */
    async activity(since?: Date): Promise<CommunityActivity> {
      const after = since ? { gte: since } : undefined;
      const [members, groups, posts, exchanges, thanks, sessions] = await Promise.all([
        db.member.findMany({
          where: { communityId },
          select: { id: true, displayName: true, profile: { select: { industry: true, seniority: true } }, pairing: { select: { active: true } } },
        }),
        db.pairingGroup.findMany({
          where: { communityId, round: { status: { not: "planned" }, ...(after ? { scheduledAt: after } : {}) } },
          select: { id: true, size: true, round: { select: { scheduledAt: true } }, members: { select: { memberId: true, answer: true, meetAgain: true } } },
        }),
        db.offerPost.findMany({
          where: { communityId, ...(after ? { createdAt: after } : {}) },
          select: { id: true, kind: true, createdAt: true, exchanges: { select: { createdAt: true }, orderBy: { createdAt: "asc" }, take: 1 } },
        }),
        db.offerExchange.findMany({ where: { communityId, ...(after ? { createdAt: after } : {}) }, select: { createdAt: true, helperId: true, helpedId: true } }),
        db.thanks.findMany({ where: { communityId, ...(after ? { createdAt: after } : {}) }, select: { createdAt: true, fromId: true, toId: true } }),
        db.roundSession.findMany({
          where: { communityId, status: "scheduled", ...(after ? { startsAt: after } : {}) },
          select: {
            startsAt: true,
            round: { select: { participants: { where: { status: "seat" }, select: { memberId: true } } } },
            attendance: { select: { attended: true, takeaway: true } },
          },
        }),
      ]);
      return {
        members: members.map((m) => ({
          id: m.id, name: m.displayName, hasIntro: m.profile !== null, inPairing: m.pairing?.active ?? false,
          industry: m.profile?.industry ?? null, seniority: seniority.parse(m.profile?.seniority ?? null),
        })),
        groups: groups.map((g) => ({
          id: g.id, at: g.round.scheduledAt, size: g.size,
          members: g.members.map((m) => ({ memberId: m.memberId, answer: answerOf(m.answer), meetAgain: m.meetAgain })),
        })),
        posts: posts.map((p) => ({ id: p.id, kind: postKind.parse(p.kind), createdAt: p.createdAt, firstAnsweredAt: p.exchanges[0]?.createdAt ?? null })),
        exchanges: exchanges.map((e) => ({ at: e.createdAt, helperId: e.helperId, helpedId: e.helpedId })),
        thanks: thanks.map((t) => ({ at: t.createdAt, fromId: t.fromId, toId: t.toId })),
        sessions: sessions.map((s) => ({
          at: s.startsAt,
          seated: s.round.participants.length,
          attended: s.attendance.filter((a) => a.attended === true).length,
          missed: s.attendance.filter((a) => a.attended === false).length,
          takeaways: s.attendance.filter((a) => a.takeaway).length,
        })),
      };
    },
  };
}
