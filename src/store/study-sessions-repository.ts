import type { TalkPlan } from "../core/rounds/index.js";
import type { DbClient } from "./db.js";

// What study sessions add to rounds: lightning talks, the after-party (懇親会), check-in at the
// venue, secret calendar feeds, and the community's no-show rule. Every method is scoped by community.

export interface TalkRecord {
  id: string;
  sessionId: string;
  memberId: string;
  platformUserId: string;
  displayName: string;
  slot: number;
  title: string;
}

export interface PartyGuestRecord {
  memberId: string;
  platformUserId: string;
  displayName: string;
  joinedAt: Date;
}

export interface PartyRecord {
  id: string;
  sessionId: string;
  capacity: number;
  place: string;
  fee: string;
  guests: PartyGuestRecord[];
}

export interface CheckInRecord {
  sessionId: string;
  code: string;
  openedAt: Date;
  closedAt: Date | null;
}

export interface AttendanceRecord {
  sessionId: string;
  memberId: string;
  attended: boolean | null;
  checkedInAt: Date | null;
}

export interface SeatInSession {
  memberId: string;
  sessionId: string;
  joinedAt: Date;
  startsAt: Date;
  endsAt: Date;
  checkInHeld: boolean;
  /** Said "not this time" for the session before it. */
  cancelled: boolean;
  answer?: { attended: boolean | null; checkedIn: boolean };
}

export type FeedOwner = { roundId: string } | { memberId: string };

const person = { select: { platformUserId: true, displayName: true } } as const;

export function studySessionsRepository(db: DbClient, communityId: string) {
  return {
    async talkPlan(roundId: string): Promise<TalkPlan | null> {
      const row = await db.roundTalkPlan.findFirst({ where: { roundId, communityId } });
      return row && { slots: row.slots, minutes: row.minutes, startsAfter: row.startsAfter };
    },
    async setTalkPlan(roundId: string, plan: TalkPlan): Promise<void> {
      await db.roundTalkPlan.upsert({ where: { roundId }, create: { roundId, communityId, ...plan }, update: plan });
    },
    /** The talks of sessions, in slot order. */
    async talks(sessionIds: readonly string[]): Promise<TalkRecord[]> {
      const rows = await db.sessionTalk.findMany({
        where: { communityId, sessionId: { in: [...sessionIds] } }, orderBy: [{ sessionId: "asc" }, { slot: "asc" }], include: { member: person },
      });
      return rows.map((r) => ({
        id: r.id, sessionId: r.sessionId, memberId: r.memberId, slot: r.slot, title: r.title,
        platformUserId: r.member.platformUserId, displayName: r.member.displayName,
      }));
    },
    async addTalk(sessionId: string, memberId: string, slot: number, title: string): Promise<void> {
      await db.sessionTalk.create({ data: { communityId, sessionId, memberId, slot, title } });
    },
    async removeTalk(sessionId: string, slot: number): Promise<boolean> {
      const { count } = await db.sessionTalk.deleteMany({ where: { communityId, sessionId, slot } });
      return count > 0;
    },
    /** Moves talks to new slots (old slot → new slot); call inside a transaction. */
    async moveTalks(sessionId: string, moves: ReadonlyMap<number, number>): Promise<void> {
      // Out of the way first: each slot is unique within the session.
      for (const from of moves.keys()) {
        await db.sessionTalk.updateMany({ where: { communityId, sessionId, slot: from }, data: { slot: -from } });
      }
      for (const [from, to] of moves) {
        await db.sessionTalk.updateMany({ where: { communityId, sessionId, slot: -from }, data: { slot: to } });
      }
    },

    async parties(sessionIds: readonly string[]): Promise<PartyRecord[]> {
      const rows = await db.sessionParty.findMany({
        where: { communityId, sessionId: { in: [...sessionIds] } },
        include: { guests: { orderBy: [{ joinedAt: "asc" }, { id: "asc" }], include: { member: person } } },
      });
      return rows.map((r) => ({
        id: r.id, sessionId: r.sessionId, capacity: r.capacity, place: r.place, fee: r.fee,
        guests: r.guests.map((g) => ({ memberId: g.memberId, platformUserId: g.member.platformUserId, displayName: g.member.displayName, joinedAt: g.joinedAt })),
      }));
    },
    async setParty(sessionId: string, party: { capacity: number; place: string; fee: string }): Promise<void> {
      await db.sessionParty.upsert({ where: { sessionId }, create: { communityId, sessionId, ...party }, update: party });
    },
    async removeParty(sessionId: string): Promise<boolean> {
      const { count } = await db.sessionParty.deleteMany({ where: { communityId, sessionId } });
      return count > 0;
    },
    /** Takes the party's row for the rest of the transaction, so that two members taking its last place are counted one after the other. */
    async lockParty(partyId: string): Promise<void> {
      await db.sessionParty.updateMany({ where: { id: partyId, communityId }, data: { capacity: { increment: 0 } } });
    },
    async addGuest(partyId: string, memberId: string, joinedAt: Date): Promise<void> {
      await db.partyGuest.create({ data: { communityId, partyId, memberId, joinedAt } });
    },
    async removeGuest(partyId: string, memberId: string): Promise<boolean> {
      const { count } = await db.partyGuest.deleteMany({ where: { communityId, partyId, memberId } });
      return count > 0;
    },

    async checkIn(sessionId: string): Promise<CheckInRecord | null> {
      return db.sessionCheckIn.findFirst({ where: { communityId, sessionId }, select: { sessionId: true, code: true, openedAt: true, closedAt: true } });
    },
    async checkInByCode(code: string): Promise<CheckInRecord | null> {
      return db.sessionCheckIn.findFirst({ where: { communityId, code }, select: { sessionId: true, code: true, openedAt: true, closedAt: true } });
    },
    /** Sessions (of those given) where check-in was opened. */
    async checkInsHeld(sessionIds: readonly string[]): Promise<Set<string>> {
      const rows = await db.sessionCheckIn.findMany({ where: { communityId, sessionId: { in: [...sessionIds] } }, select: { sessionId: true } });
      return new Set(rows.map((r) => r.sessionId));
    },
    /** Opens check-in with `code`, or opens a closed one again with the code it had. */
    async openCheckIn(sessionId: string, code: string, at: Date): Promise<CheckInRecord> {
      const row = await db.sessionCheckIn.upsert({
        where: { sessionId }, create: { communityId, sessionId, code, openedAt: at }, update: { closedAt: null },
      });
      return { sessionId: row.sessionId, code: row.code, openedAt: row.openedAt, closedAt: row.closedAt };
    },
    async codeTaken(code: string): Promise<boolean> {
      return (await db.sessionCheckIn.count({ where: { communityId, code } })) > 0;
    },
    async closeCheckIn(sessionId: string, at: Date): Promise<boolean> {
      const { count } = await db.sessionCheckIn.updateMany({ where: { communityId, sessionId, closedAt: null }, data: { closedAt: at } });
      return count > 0;
    },
    /** The member came: checked in now (the first check-in time is kept). */
    async markCheckedIn(sessionId: string, memberId: string, at: Date): Promise<void> {
      await db.sessionAttendance.upsert({
        where: { sessionId_memberId: { sessionId, memberId } },
        create: { communityId, sessionId, memberId, attended: true, checkedInAt: at },
        update: { attended: true },
      });
      await db.sessionAttendance.updateMany({ where: { communityId, sessionId, memberId, checkedInAt: null }, data: { checkedInAt: at } });
    },
    async attendance(sessionIds: readonly string[]): Promise<AttendanceRecord[]> {
      return db.sessionAttendance.findMany({
        where: { communityId, sessionId: { in: [...sessionIds] } }, select: { sessionId: true, memberId: true, attended: true, checkedInAt: true },
      });
    },

    /**
     * Every seat of the given members (all, without) in every session of theirs that has started,
     * with what is known about it: the raw material of no-show counts.
     */
    async seatsInHeldSessions(now: Date, memberIds?: readonly string[]): Promise<SeatInSession[]> {
      const rows = await db.roundParticipant.findMany({
        where: { communityId, status: "seat", ...(memberIds ? { memberId: { in: [...memberIds] } } : {}) },
        select: {
          memberId: true, joinedAt: true,
          round: {
            select: {
              durationMinutes: true,
              sessions: {
                where: { status: "scheduled", startsAt: { lte: now } },
                select: {
                  id: true, startsAt: true, checkIn: { select: { id: true } },
                  attendance: { select: { memberId: true, attended: true, checkedInAt: true } },
                  answers: { where: { answer: "absent" }, select: { memberId: true } },
                },
              },
            },
          },
        },
      });
      return rows.flatMap((r) => r.round.sessions.map((s) => {
        const answer = s.attendance.find((a) => a.memberId === r.memberId);
        return {
          memberId: r.memberId, sessionId: s.id, joinedAt: r.joinedAt, startsAt: s.startsAt,
          endsAt: new Date(s.startsAt.getTime() + r.round.durationMinutes * 60_000),
          checkInHeld: s.checkIn !== null,
          cancelled: s.answers.some((a) => a.memberId === r.memberId),
          ...(answer ? { answer: { attended: answer.attended, checkedIn: answer.checkedInAt !== null } } : {}),
        };
      }));
    },

    /** Rounds in a member's own calendar: those they sit in, wait for or organize, cancelled ones included (to show the cancellation). */
    async roundIdsOf(memberId: string): Promise<string[]> {
      const rows = await db.round.findMany({
        where: { communityId, OR: [{ organizerId: memberId }, { participants: { some: { memberId } } }] },
        select: { id: true }, orderBy: { number: "asc" },
      });
      return rows.map((r) => r.id);
    },

    async feed(owner: FeedOwner): Promise<string | null> {
      const row = await db.calendarFeed.findFirst({ where: { communityId, ...owner }, select: { token: true } });
      return row?.token ?? null;
    },
    /** Gives the owner `token` as its feed, replacing an earlier one (which then no longer works). */
    async setFeed(owner: FeedOwner, token: string): Promise<void> {
      await db.calendarFeed.deleteMany({ where: { communityId, ...owner } });
      await db.calendarFeed.create({ data: { communityId, token, ...owner } });
    },

    async noShowLimit(): Promise<number | null> {
      return (await db.roundRules.findUnique({ where: { communityId } }))?.noShowLimit ?? null;
    },
    async setNoShowLimit(limit: number | null): Promise<void> {
      await db.roundRules.upsert({ where: { communityId }, create: { communityId, noShowLimit: limit }, update: { noShowLimit: limit } });
    },
  };
}

/** A feed token to its community and owner, across communities: the HTTP request names no community. */
export function calendarFeedLookup(db: DbClient) {
  return async (token: string): Promise<({ communityId: string } & FeedOwner) | null> => {
    const row = await db.calendarFeed.findUnique({ where: { token }, select: { communityId: true, roundId: true, memberId: true } });
    if (!row) return null;
    if (row.roundId) return { communityId: row.communityId, roundId: row.roundId };
    return row.memberId ? { communityId: row.communityId, memberId: row.memberId } : null;
  };
}
