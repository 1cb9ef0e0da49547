import { z } from "zod";
import type { Reason, UnplacedReason } from "../core/matching/index.js";
import { isFollowUpAnswer, DEFAULT_PAIRING_SETTINGS, type FollowUpAnswer, type PairingSettings } from "../core/pairing/settings.js";
import type { Intro } from "../core/profile.js";
import type { DbClient } from "./db.js";
import { storedIntroSchema } from "./stored-intro.js";

// Pairing rows: settings, opt-ins, blocks, pairing rounds and their groups, of one community.

const weightsSchema = z.record(z.string(), z.number());
/** Reasons are stored as the engine gave them and read back as its type. */
const reasonsSchema = z.array(z.object({ kind: z.string() }).loose()).transform((reasons) => reasons as unknown as Reason[]);

export interface PairingParticipant {
  memberId: string;
  active: boolean;
  pausedUntil: Date | null;
  autoPaused: boolean;
  missedFollowUps: number;
  /** Misses are counted over follow-ups of rounds from this time on. */
  resumedAt: Date | null;
  /** The round that paused the member for unanswered follow-ups. */
  pausedInRoundId: string | null;
}

/** A member in the pairing pool, with their intro. */
export interface PoolMember {
  memberId: string;
  displayName: string;
  /** The member's language (see Member.locale), for what the pool reads together. */
  locale: string | null;
  timeZone: string | null;
  intro: Intro;
}

export interface GroupMemberRecord {
  memberId: string;
  platformUserId: string;
  displayName: string;
  locale: string | null;
  answer: FollowUpAnswer | null;
  meetAgain: boolean | null;
}

export interface GroupRecord {
  id: string;
  roundId: string;
  position: number;
  score: number;
  reasons: Reason[];
  spaceId: string | null;
  members: GroupMemberRecord[];
}

/** A member a round could not place, with what they are told. */
export interface UnplacedRecord {
  memberId: string;
  platformUserId: string;
  displayName: string;
  locale: string | null;
  reason: UnplacedReason;
}

/**
 * Rows written per statement when a round is stored: far below SQLite's and PostgreSQL's limits on
 * bound parameters, and a write short enough that other requests wait little for it.
 */
const WRITE_BATCH = 500;

const UNPLACED_REASONS = ["language", "blocks", "round"] as const satisfies readonly UnplacedReason[];

export interface PairingRoundRecord {
  id: string;
  communityId: string;
  /** The program whose round it is; null: the default program. */
  programId: string | null;
  period: string;
  scheduledAt: Date;
  status: string;
}

export function pairingRepository(db: DbClient, communityId: string) {
  const groupInclude = { members: { include: { member: true }, orderBy: { memberId: "asc" as const } } };
  const toGroup = (row: {
    id: string; roundId: string; position: number; score: number; reasons: unknown; spaceId: string | null;
    members: { memberId: string; answer: string | null; meetAgain: boolean | null; member: { platformUserId: string; displayName: string; locale: string | null } }[];
  }): GroupRecord => ({
    id: row.id, roundId: row.roundId, position: row.position, score: row.score, reasons: reasonsSchema.parse(row.reasons), spaceId: row.spaceId,
    members: row.members.map((m) => ({
      memberId: m.memberId, platformUserId: m.member.platformUserId, displayName: m.member.displayName,
      locale: m.member.locale, answer: m.answer !== null && isFollowUpAnswer(m.answer) ? m.answer : null, meetAgain: m.meetAgain,
    })),
  });

  return {
    async settings(): Promise<PairingSettings> {
      const row = await db.pairingSettings.findUnique({ where: { communityId } });
      if (!row) return DEFAULT_PAIRING_SETTINGS;
      const { communityId: _c, updatedAt: _u, ...rest } = row;
      return {
        ...rest,
        announceStyle: rest.announceStyle === "count" ? "count" : "names",
        weights: weightsSchema.parse(rest.weights),
      };
    },
    async updateSettings(changes: Partial<PairingSettings>): Promise<PairingSettings> {
      await db.pairingSettings.upsert({
        where: { communityId },
        create: { ...DEFAULT_PAIRING_SETTINGS, ...changes, communityId },
        update: changes,
      });
      return this.settings();
    },

    async participant(memberId: string): Promise<PairingParticipant | null> {
      return db.pairingMember.findFirst({
        where: { communityId, memberId },
        select: { memberId: true, active: true, pausedUntil: true, autoPaused: true, missedFollowUps: true, resumedAt: true, pausedInRoundId: true },
      });
    },
    async setParticipation(memberId: string, changes: Partial<Omit<PairingParticipant, "memberId">>): Promise<void> {
      await db.pairingMember.upsert({
        where: { memberId, communityId },
        create: { communityId, memberId, ...changes },
        update: changes,
      });
    },
    /** The same change to many opted-in members, a bounded number per statement. */
    async setParticipationOfMany(memberIds: readonly string[], changes: Partial<Omit<PairingParticipant, "memberId">>): Promise<void> {
      for (let start = 0; start < memberIds.length; start += WRITE_BATCH) {
        await db.pairingMember.updateMany({ where: { communityId, memberId: { in: memberIds.slice(start, start + WRITE_BATCH) } }, data: changes });
      }
    },
    /** Every opted-in member who is not paused for misses, with where their count of misses starts. */
    async countedForMisses(): Promise<{ memberId: string; resumedAt: Date | null; missedFollowUps: number }[]> {
      return db.pairingMember.findMany({ where: { communityId, active: true, autoPaused: false }, select: { memberId: true, resumedAt: true, missedFollowUps: true } });
    },
    /** The members a round paused for unanswered follow-ups, to tell them. */
    async pausedInRound(roundId: string): Promise<{ memberId: string; platformUserId: string; locale: string | null }[]> {
      const rows = await db.pairingMember.findMany({
        where: { communityId, autoPaused: true, pausedInRoundId: roundId }, include: { member: true }, orderBy: { memberId: "asc" },
      });
      return rows.map((r) => ({ memberId: r.memberId, platformUserId: r.member.platformUserId, locale: r.member.locale }));
    },
    /** Members paused by the ghost rule (follow-ups left unanswered), with their count of misses. */
    async autoPaused(): Promise<{ memberId: string; platformUserId: string; missedFollowUps: number }[]> {
      const rows = await db.pairingMember.findMany({
        where: { communityId, active: true, autoPaused: true }, include: { member: true }, orderBy: { memberId: "asc" },
      });
      return rows.map((r) => ({ memberId: r.memberId, platformUserId: r.member.platformUserId, missedFollowUps: r.missedFollowUps }));
    },
    /** Opted-in members with an intro who are not paused at `at`. */
    async pool(at: Date): Promise<PoolMember[]> {
      const rows = await db.pairingMember.findMany({
        where: {
          communityId, active: true, autoPaused: false,
          OR: [{ pausedUntil: null }, { pausedUntil: { lte: at } }],
          member: { profile: { isNot: null } },
        },
        include: { member: { include: { profile: true } } },
        orderBy: { memberId: "asc" },
      });
      return rows.flatMap(({ member }) => member.profile
        ? [{ memberId: member.id, displayName: member.displayName, locale: member.locale, timeZone: member.timeZone, intro: storedIntroSchema.parse(member.profile) }]
        : []);
    },

    async block(memberId: string, blockedMemberId: string): Promise<void> {
      await db.pairingBlock.upsert({
        where: { memberId_blockedMemberId: { memberId, blockedMemberId }, communityId },
        create: { communityId, memberId, blockedMemberId },
        update: {},
      });
    },
    async unblock(memberId: string, blockedMemberId: string): Promise<boolean> {
      const { count } = await db.pairingBlock.deleteMany({ where: { communityId, memberId, blockedMemberId } });
      return count > 0;
    },
    async blocks() {
      return db.pairingBlock.findMany({ where: { communityId }, select: { memberId: true, blockedMemberId: true } });
    },

    /**
     * The round of a period, created the first time it is asked for: one per community and period
     * (a program's periods carry its id, see program-round.ts).
     */
    async ensureRound(period: string, scheduledAt: Date, programId: string | null = null): Promise<PairingRoundRecord> {
      return db.pairingRound.upsert({
        where: { communityId_period: { communityId, period } },
        create: { communityId, period, scheduledAt, programId },
        update: {},
      });
    },
    async round(roundId: string): Promise<PairingRoundRecord | null> {
      return db.pairingRound.findFirst({ where: { communityId, id: roundId } });
    },
    async roundOfPeriod(period: string): Promise<PairingRoundRecord | null> {
      return db.pairingRound.findFirst({ where: { communityId, period } });
    },
    async previousRound(before: Date): Promise<PairingRoundRecord | null> {
      return db.pairingRound.findFirst({
        where: { communityId, scheduledAt: { lt: before }, status: { not: "planned" } },
        orderBy: { scheduledAt: "desc" },
      });
    },
    /** The program's latest round whose groups are made (run-now's included, whatever its time); null: the default program. */
    async latestMadeRound(programId: string | null = null): Promise<PairingRoundRecord | null> {
      return db.pairingRound.findFirst({ where: { communityId, programId, status: { not: "planned" } }, orderBy: { scheduledAt: "desc" } });
    },
    async setRoundStatus(roundId: string, status: string): Promise<void> {
      await db.pairingRound.updateMany({ where: { communityId, id: roundId }, data: { status } });
    },
    async skip(roundId: string, memberId: string): Promise<void> {
      const round = await db.pairingRound.findFirst({ where: { communityId, id: roundId }, select: { id: true } });
      if (!round) return;
      await db.pairingSkip.upsert({ where: { roundId_memberId: { roundId, memberId } }, create: { roundId, memberId }, update: {} });
    },
    async skips(roundId: string): Promise<Set<string>> {
      const rows = await db.pairingSkip.findMany({ where: { roundId, round: { communityId } }, select: { memberId: true } });
      return new Set(rows.map((r) => r.memberId));
    },

    /**
     * Writes a round's groups and the members it could not place, a bounded number of rows per
     * statement (see WRITE_BATCH): a round of any size is stored in short writes rather than in one
     * transaction that grows with the pool. The round stays "planned" until its status is set after
     * them; a round that stopped half-way is cleared (clearUnmatched) and written again.
     */
    async saveGroups(roundId: string, groups: { memberIds: string[]; score: number; reasons: unknown }[]): Promise<void> {
      for (let start = 0; start < groups.length; start += WRITE_BATCH) {
        const batch = groups.slice(start, start + WRITE_BATCH);
        const rows = await db.pairingGroup.createManyAndReturn({
          data: batch.map((group, i) => ({
            roundId, communityId, position: start + i, score: group.score, reasons: group.reasons as object, size: group.memberIds.length,
          })),
          select: { id: true, position: true },
        });
        await db.pairingGroupMember.createMany({
          data: rows.flatMap((row) => groups[row.position]!.memberIds.map((memberId) => ({ groupId: row.id, memberId }))),
        });
      }
    },
    async saveUnplaced(roundId: string, unplaced: { memberId: string; reason: UnplacedReason }[]): Promise<void> {
      const round = await db.pairingRound.findFirst({ where: { communityId, id: roundId }, select: { id: true } });
      if (!round) return;
      for (let start = 0; start < unplaced.length; start += WRITE_BATCH) {
        await db.pairingUnplaced.createMany({ data: unplaced.slice(start, start + WRITE_BATCH).map(({ memberId, reason }) => ({ roundId, memberId, reason })) });
      }
    },
    /** Removes what an earlier attempt at a still planned round wrote before it stopped: its groups and unplaced members. */
    async clearUnmatched(roundId: string): Promise<void> {
      const round = await db.pairingRound.findFirst({ where: { communityId, id: roundId, status: "planned" }, select: { id: true } });
      if (!round) return;
      await db.pairingGroup.deleteMany({ where: { communityId, roundId } });
      await db.pairingUnplaced.deleteMany({ where: { roundId } });
    },
    async unplaced(roundId: string): Promise<UnplacedRecord[]> {
      const rows = await db.pairingUnplaced.findMany({
        where: { roundId, round: { communityId } }, include: { member: true }, orderBy: { memberId: "asc" },
      });
      return rows.map((r) => ({
        memberId: r.memberId, platformUserId: r.member.platformUserId, displayName: r.member.displayName, locale: r.member.locale,
        reason: z.enum(UNPLACED_REASONS).catch("round").parse(r.reason),
      }));
    },
    async groups(roundId: string): Promise<GroupRecord[]> {
      const rows = await db.pairingGroup.findMany({ where: { communityId, roundId }, include: groupInclude, orderBy: { position: "asc" } });
      return rows.map(toGroup);
    },
    async group(groupId: string): Promise<GroupRecord | null> {
      const row = await db.pairingGroup.findFirst({ where: { communityId, id: groupId }, include: groupInclude });
      return row && toGroup(row);
    },
    async setGroupSpace(groupId: string, spaceId: string): Promise<void> {
      await db.pairingGroup.updateMany({ where: { communityId, id: groupId }, data: { spaceId } });
    },
    async answer(groupId: string, memberId: string, answer: FollowUpAnswer, at: Date): Promise<boolean> {
      const group = await db.pairingGroup.findFirst({ where: { communityId, id: groupId }, select: { id: true } });
      if (!group) return false;
      const { count } = await db.pairingGroupMember.updateMany({ where: { groupId, memberId }, data: { answer, answeredAt: at } });
      return count > 0;
    },

    /** After meeting: whether the member would like to meet the group again. False when they are not in it. */
    async answerMeetAgain(groupId: string, memberId: string, meetAgain: boolean): Promise<boolean> {
      const group = await db.pairingGroup.findFirst({ where: { communityId, id: groupId }, select: { id: true } });
      if (!group) return false;
      const { count } = await db.pairingGroupMember.updateMany({ where: { groupId, memberId }, data: { meetAgain } });
      return count > 0;
    },

    /**
     * Whether each member of the groups of the latest `rounds` rounds whose follow-up went out before
     * `before` answered it, newest round first.
     */
    async followUpAnswers(before: Date, rounds: number): Promise<{ memberId: string; at: Date; answered: boolean }[]> {
      const recent = await db.pairingRound.findMany({
        where: { communityId, status: "followed-up", scheduledAt: { lt: before } },
        orderBy: { scheduledAt: "desc" }, take: rounds,
        select: { scheduledAt: true, groups: { select: { members: { select: { memberId: true, answer: true } } } } },
      });
      return recent.flatMap((round) => round.groups.flatMap((g) => g.members.map((m) => ({ memberId: m.memberId, at: round.scheduledAt, answered: m.answer !== null }))));
    },
    /** Every pair that met in a group, with the round's date: the engine's history. */
    async history() {
      const groups = await db.pairingGroup.findMany({
        where: { communityId, round: { status: { not: "planned" } } },
        select: { members: { select: { memberId: true, meetAgain: true } }, round: { select: { scheduledAt: true } } },
      });
      // `mutual`: both said after meeting that they would like to meet again (the engine's meetAgain weight).
      return groups.flatMap((g) => g.members.flatMap((a, i) => g.members.slice(i + 1).map((b) => ({
        a: a.memberId, b: b.memberId, at: g.round.scheduledAt.toISOString(), mutual: a.meetAgain === true && b.meetAgain === true,
      }))));
    },
    /** The member's partners in their latest rounds, newest first. */
    async lastPartners(memberId: string, rounds = 3) {
      const groups = await db.pairingGroup.findMany({
        where: { communityId, members: { some: { memberId } }, round: { status: { not: "planned" } } },
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
