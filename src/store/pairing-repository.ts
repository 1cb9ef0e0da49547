import { z } from "zod";
import type { Db } from "./db.js";

// Pairing rows: settings, opt-ins, blocks, rounds and their groups. Every method is scoped by
// community.

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
type Client = Db | Tx;

export const ANNOUNCE_STYLES = ["names", "count"] as const;
export const FOLLOW_UP_ANSWERS = ["in_person", "online", "scheduled", "not_met"] as const;
export type FollowUpAnswer = (typeof FOLLOW_UP_ANSWERS)[number];

export interface PairingSettingsRecord {
  enabled: boolean;
  channelId: string | null;
  cadenceWeeks: number;
  weekday: number;
  hour: number;
  groupSize: number;
  noRepeatWeeks: number;
  announceStyle: (typeof ANNOUNCE_STYLES)[number];
  headsUp: boolean;
  headsUpHours: number;
  followUpDays: number;
  weights: Record<string, number>;
}

const weightsSchema = z.record(z.string(), z.number());

export const DEFAULT_PAIRING_SETTINGS: PairingSettingsRecord = {
  enabled: false, channelId: null, cadenceWeeks: 1, weekday: 1, hour: 9, groupSize: 2, noRepeatWeeks: 8,
  announceStyle: "names", headsUp: true, headsUpHours: 24, followUpDays: 3, weights: {},
};

export interface PairingParticipant {
  memberId: string;
  active: boolean;
  pausedUntil: Date | null;
  autoPaused: boolean;
  missedFollowUps: number;
}

export interface GroupMemberRecord {
  memberId: string;
  platformUserId: string;
  displayName: string;
  locale: string | null;
  answer: string | null;
}

export interface GroupRecord {
  id: string;
  roundId: string;
  position: number;
  score: number;
  reasons: unknown;
  spaceId: string | null;
  members: GroupMemberRecord[];
}

export interface RoundRecord {
  id: string;
  communityId: string;
  period: string;
  scheduledAt: Date;
  status: string;
}

export function pairingRepository(db: Client) {
  const groupInclude = { members: { include: { member: true }, orderBy: { memberId: "asc" as const } } };
  const toGroup = (row: {
    id: string; roundId: string; position: number; score: number; reasons: unknown; spaceId: string | null;
    members: { memberId: string; answer: string | null; member: { platformUserId: string; displayName: string; locale: string | null } }[];
  }): GroupRecord => ({
    id: row.id, roundId: row.roundId, position: row.position, score: row.score, reasons: row.reasons, spaceId: row.spaceId,
    members: row.members.map((m) => ({
      memberId: m.memberId, platformUserId: m.member.platformUserId, displayName: m.member.displayName,
      locale: m.member.locale, answer: m.answer,
    })),
  });

  return {
    async settings(communityId: string): Promise<PairingSettingsRecord> {
      const row = await db.pairingSettings.findUnique({ where: { communityId } });
      if (!row) return DEFAULT_PAIRING_SETTINGS;
      const { communityId: _c, updatedAt: _u, ...rest } = row;
      return {
        ...rest,
        announceStyle: rest.announceStyle === "count" ? "count" : "names",
        weights: weightsSchema.parse(rest.weights),
      };
    },
    async updateSettings(communityId: string, changes: Partial<PairingSettingsRecord>): Promise<PairingSettingsRecord> {
      await db.pairingSettings.upsert({
        where: { communityId },
        create: { ...DEFAULT_PAIRING_SETTINGS, ...changes, communityId },
        update: changes,
      });
      return this.settings(communityId);
    },

    /** Communities with pairing turned on: the scheduler plans their next rounds at start. */
    async enabledCommunityIds(): Promise<string[]> {
      const rows = await db.pairingSettings.findMany({ where: { enabled: true }, select: { communityId: true } });
      return rows.map((r) => r.communityId);
    },
    async participant(communityId: string, memberId: string): Promise<PairingParticipant | null> {
      return db.pairingMember.findFirst({
        where: { communityId, memberId },
        select: { memberId: true, active: true, pausedUntil: true, autoPaused: true, missedFollowUps: true },
      });
    },
    async setParticipation(communityId: string, memberId: string, changes: Partial<Omit<PairingParticipant, "memberId">>): Promise<void> {
      await db.pairingMember.upsert({
        where: { memberId, communityId },
        create: { communityId, memberId, ...changes },
        update: changes,
      });
    },
    /** Opted-in members with an intro who are not paused at `at`. */
    async pool(communityId: string, at: Date) {
      return db.pairingMember.findMany({
        where: {
          communityId, active: true, autoPaused: false,
          OR: [{ pausedUntil: null }, { pausedUntil: { lte: at } }],
          member: { profile: { isNot: null } },
        },
        include: { member: { include: { profile: true } } },
        orderBy: { memberId: "asc" },
      });
    },

    async block(communityId: string, memberId: string, blockedMemberId: string): Promise<void> {
      await db.pairingBlock.upsert({
        where: { memberId_blockedMemberId: { memberId, blockedMemberId }, communityId },
        create: { communityId, memberId, blockedMemberId },
        update: {},
      });
    },
    async unblock(communityId: string, memberId: string, blockedMemberId: string): Promise<boolean> {
      const { count } = await db.pairingBlock.deleteMany({ where: { communityId, memberId, blockedMemberId } });
      return count > 0;
    },
    async blocks(communityId: string) {
      return db.pairingBlock.findMany({ where: { communityId }, select: { memberId: true, blockedMemberId: true } });
    },

    /** The round of a period, created the first time it is asked for: one per community and period. */
    async ensureRound(communityId: string, period: string, scheduledAt: Date): Promise<RoundRecord> {
      return db.pairingRound.upsert({
        where: { communityId_period: { communityId, period } },
        create: { communityId, period, scheduledAt },
        update: {},
      });
    },
    async round(communityId: string, roundId: string): Promise<RoundRecord | null> {
      return db.pairingRound.findFirst({ where: { communityId, id: roundId } });
    },
    async roundOfPeriod(communityId: string, period: string): Promise<RoundRecord | null> {
      return db.pairingRound.findFirst({ where: { communityId, period } });
    },
    async previousRound(communityId: string, before: Date): Promise<RoundRecord | null> {
      return db.pairingRound.findFirst({
        where: { communityId, scheduledAt: { lt: before }, status: { not: "planned" } },
        orderBy: { scheduledAt: "desc" },
      });
    },
    async setRoundStatus(communityId: string, roundId: string, status: string): Promise<void> {
      await db.pairingRound.updateMany({ where: { communityId, id: roundId }, data: { status } });
    },
    async skip(communityId: string, roundId: string, memberId: string): Promise<void> {
      const round = await db.pairingRound.findFirst({ where: { communityId, id: roundId }, select: { id: true } });
      if (!round) return;
      await db.pairingSkip.upsert({ where: { roundId_memberId: { roundId, memberId } }, create: { roundId, memberId }, update: {} });
    },
    async skips(roundId: string): Promise<Set<string>> {
      const rows = await db.pairingSkip.findMany({ where: { roundId }, select: { memberId: true } });
      return new Set(rows.map((r) => r.memberId));
    },

    async saveGroups(communityId: string, roundId: string, groups: { memberIds: string[]; score: number; reasons: unknown }[]): Promise<void> {
      for (const [position, group] of groups.entries()) {
        await db.pairingGroup.create({
          data: {
            roundId, communityId, position, score: group.score, reasons: group.reasons as object,
            members: { create: group.memberIds.map((memberId) => ({ memberId })) },
          },
        });
      }
    },
    async groups(communityId: string, roundId: string): Promise<GroupRecord[]> {
      const rows = await db.pairingGroup.findMany({ where: { communityId, roundId }, include: groupInclude, orderBy: { position: "asc" } });
      return rows.map(toGroup);
    },
    async group(communityId: string, groupId: string): Promise<GroupRecord | null> {
      const row = await db.pairingGroup.findFirst({ where: { communityId, id: groupId }, include: groupInclude });
      return row && toGroup(row);
    },
    async setGroupSpace(communityId: string, groupId: string, spaceId: string): Promise<void> {
      await db.pairingGroup.updateMany({ where: { communityId, id: groupId }, data: { spaceId } });
    },
    async answer(communityId: string, groupId: string, memberId: string, answer: FollowUpAnswer, at: Date): Promise<boolean> {
      const group = await db.pairingGroup.findFirst({ where: { communityId, id: groupId }, select: { id: true } });
      if (!group) return false;
      const { count } = await db.pairingGroupMember.updateMany({ where: { groupId, memberId }, data: { answer, answeredAt: at } });
      return count > 0;
    },

    /** Every pair that met in a group, with the round's date: the engine's history. */
    async history(communityId: string) {
      const groups = await db.pairingGroup.findMany({
        where: { communityId, round: { status: { not: "planned" } } },
        select: { members: { select: { memberId: true } }, round: { select: { scheduledAt: true } } },
      });
      return groups.flatMap((g) => {
        const ids = g.members.map((m) => m.memberId);
        return ids.flatMap((a, i) => ids.slice(i + 1).map((b) => ({ a, b, at: g.round.scheduledAt.toISOString() })));
      });
    },
    /** The member's partners in their latest rounds, newest first. */
    async lastPartners(communityId: string, memberId: string, rounds = 3) {
      const groups = await db.pairingGroup.findMany({
        where: { communityId, members: { some: { memberId } } },
        include: { members: { include: { member: true } }, round: true },
        orderBy: { round: { scheduledAt: "desc" } },
        take: rounds,
      });
      return groups.map((g) => ({
        at: g.round.scheduledAt,
        partners: g.members.filter((m) => m.memberId !== memberId).map((m) => m.member.platformUserId),
      }));
    },
  };
}

export type PairingRepository = ReturnType<typeof pairingRepository>;
