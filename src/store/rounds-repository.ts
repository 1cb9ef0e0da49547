import { z } from "zod";
import type { FacilitationMode as Facilitation, RoundKind, SeatStatus, SessionAnswerKind } from "../core/rounds/index.js";
import type { DbClient } from "./db.js";
import type { MessageRef } from "./records.js";

// Rounds (reading clubs, study sessions): the series, its sessions, who has a seat or waits, and
// attendance. Every method is scoped by community.


export interface RoundFields {
  kind: RoundKind;
  title: string;
  topic: string;
  description: string;
  timeZone: string;
  cadence: string;
  durationMinutes: number;
  capacity: number;
  onlineUrl: string | null;
  venue: string | null;
  facilitation: Facilitation;
  /** Minutes before each session at which participants are reminded, longest first. */
  reminderMinutes: number[];
}

/** What the organizer sets after creating the round (`/round edit`). */
export interface RoundOptions {
  /** Minutes before a session after which nobody waiting is given a freed seat. */
  promotionStopMinutes: number;
  /** For seated members only: their reminders and their own view, never the public card. */
  privateNote: string | null;
}

export interface RoundRecord extends RoundFields, RoundOptions {
  id: string;
  communityId: string;
  number: number;
  organizerId: string;
  status: "open" | "cancelled";
  cardChannelId: string | null;
  cardMessageId: string | null;
  discussionId: string | null;
}

export interface SessionRecord {
  id: string;
  roundId: string;
  position: number;
  startsAt: Date;
  label: string;
  facilitatorId: string | null;
  status: "scheduled" | "cancelled";
  revision: number;
  calendarEventId: string | null;
  /** The start the cadence gave it (kept when the session is moved); null for sessions stored before it was kept. */
  plannedAt: Date | null;
}

export interface ParticipantRecord {
  memberId: string;
  platformUserId: string;
  displayName: string;
  locale: string | null;
  status: SeatStatus;
  /** The kind of place (a RoundPlace id); "" in a round without kinds. */
  place: string;
  joinedAt: Date;
}

export interface SessionAnswerRecord {
  memberId: string;
  answer: SessionAnswerKind;
  place: string;
  answeredAt: Date;
}

/** A kind of place of a round (参加枠), in the round's order. */
export interface PlaceRecord {
  id: string;
  label: string;
  capacity: number;
}

export type RoundCreators = "organizers" | "group" | "everyone";

export interface RoundCreatorSetting {
  creators: RoundCreators;
  groupId: string | null;
}

export interface NewSession {
  startsAt: Date;
  label: string;
  facilitatorId: string | null;
}

/** "1440,60" → [1440, 60]; "" → no reminders. */
const storedMinutes = z.string().transform((text) => (text ? text.split(",").map(Number) : [])).pipe(z.array(z.number().int().positive()));

type RoundRow = Omit<RoundRecord, "kind" | "facilitation" | "status" | "reminderMinutes"> & {
  kind: string; facilitation: string; status: string; reminderMinutes: string;
};

const toRound = (row: RoundRow): RoundRecord => ({
  id: row.id, communityId: row.communityId, number: row.number, organizerId: row.organizerId,
  kind: row.kind as RoundKind, title: row.title, topic: row.topic, description: row.description, timeZone: row.timeZone,
  cadence: row.cadence, durationMinutes: row.durationMinutes, capacity: row.capacity, onlineUrl: row.onlineUrl, venue: row.venue,
  facilitation: row.facilitation as Facilitation, status: row.status as RoundRecord["status"],
  reminderMinutes: storedMinutes.parse(row.reminderMinutes),
  cardChannelId: row.cardChannelId, cardMessageId: row.cardMessageId, discussionId: row.discussionId,
  promotionStopMinutes: row.promotionStopMinutes, privateNote: row.privateNote,
});

const toSession = (row: Omit<SessionRecord, "status"> & { status: string }): SessionRecord => ({
  id: row.id, roundId: row.roundId, position: row.position, startsAt: row.startsAt, label: row.label,
  facilitatorId: row.facilitatorId, status: row.status as SessionRecord["status"], revision: row.revision,
  calendarEventId: row.calendarEventId, plannedAt: row.plannedAt,
});

const sessionOrder = { position: "asc" } as const;

export function roundsRepository(db: DbClient, communityId: string) {
  return {
    /** A new round and its sessions; its number is the community's next. Call inside a transaction. */
    async create(organizerId: string, fields: RoundFields, sessions: readonly NewSession[]): Promise<RoundRecord> {
      const last = await db.round.findFirst({ where: { communityId }, orderBy: { number: "desc" }, select: { number: true } });
      const row = await db.round.create({
        data: {
          communityId, organizerId, number: (last?.number ?? 0) + 1, ...fields, reminderMinutes: fields.reminderMinutes.join(","),
          sessions: { create: sessions.map((s, i) => ({ communityId, position: i + 1, plannedAt: s.startsAt, ...s })) },
        },
      });
      return toRound(row);
    },
    async find(roundId: string): Promise<RoundRecord | null> {
      const row = await db.round.findFirst({ where: { id: roundId, communityId } });
      return row && toRound(row);
    },
    async findByNumber(number: number): Promise<RoundRecord | null> {
      const row = await db.round.findUnique({ where: { communityId_number: { communityId, number } } });
      return row && toRound(row);
    },
    /** Open rounds with a session still to come, soonest first. */
    async upcoming(now: Date): Promise<{ round: RoundRecord; next: SessionRecord }[]> {
      const rows = await db.round.findMany({
        where: { communityId, status: "open", sessions: { some: { status: "scheduled", startsAt: { gt: now } } } },
        include: { sessions: { where: { status: "scheduled", startsAt: { gt: now } }, orderBy: { startsAt: "asc" }, take: 1 } },
      });
      return rows
        .map(({ sessions, ...round }) => ({ round: toRound(round), next: toSession(sessions[0]!) }))
        .sort((a, b) => a.next.startsAt.getTime() - b.next.startsAt.getTime());
    },
    async update(roundId: string, changes: Partial<RoundFields & RoundOptions & { status: RoundRecord["status"] }>): Promise<RoundRecord> {
      const { reminderMinutes, ...rest } = changes;
      await db.round.updateMany({
        where: { id: roundId, communityId },
        data: { ...rest, ...(reminderMinutes ? { reminderMinutes: reminderMinutes.join(",") } : {}) },
      });
      const row = await db.round.findFirstOrThrow({ where: { id: roundId, communityId } });
      return toRound(row);
    },
    /**
     * Takes the round's row for the rest of the transaction (a write does, on both databases), so
     * that two members taking the last seat at the same moment are seated one after the other.
     */
    async lock(roundId: string): Promise<void> {
      await db.round.updateMany({ where: { id: roundId, communityId }, data: { updatedAt: new Date() } });
    },
    async setCard(roundId: string, card: MessageRef): Promise<void> {
      await db.round.updateMany({ where: { id: roundId, communityId }, data: { cardChannelId: card.channelId, cardMessageId: card.messageId } });
    },
    async setDiscussion(roundId: string, discussionId: string): Promise<void> {
      await db.round.updateMany({ where: { id: roundId, communityId }, data: { discussionId } });
    },

    async sessions(roundId: string): Promise<SessionRecord[]> {
      const rows = await db.roundSession.findMany({ where: { roundId, communityId }, orderBy: sessionOrder });
      return rows.map(toSession);
    },
    async session(sessionId: string): Promise<SessionRecord | null> {
      const row = await db.roundSession.findFirst({ where: { id: sessionId, communityId } });
      return row && toSession(row);
    },
    /** Changes one session; a change of time, label or status counts as a new revision. */
    async updateSession(
      sessionId: string,
      changes: Partial<Pick<SessionRecord, "startsAt" | "label" | "status" | "facilitatorId">>,
    ): Promise<SessionRecord> {
      await db.roundSession.updateMany({ where: { id: sessionId, communityId }, data: { ...changes, revision: { increment: 1 } } });
      return toSession(await db.roundSession.findFirstOrThrow({ where: { id: sessionId, communityId } }));
    },
    async setFacilitator(sessionId: string, facilitatorId: string | null): Promise<void> {
      await db.roundSession.updateMany({ where: { id: sessionId, communityId }, data: { facilitatorId } });
    },
    async setCalendarEvent(sessionId: string, calendarEventId: string | null): Promise<void> {
      await db.roundSession.updateMany({ where: { id: sessionId, communityId }, data: { calendarEventId } });
    },

    /** Seats and waitlist in join order. */
    async participants(roundId: string): Promise<ParticipantRecord[]> {
      const rows = await db.roundParticipant.findMany({
        where: { roundId, communityId },
        orderBy: [{ joinedAt: "asc" }, { id: "asc" }],
        include: { member: { select: { platformUserId: true, displayName: true, locale: true } } },
      });
      return rows.map((r) => ({
        memberId: r.memberId, platformUserId: r.member.platformUserId, displayName: r.member.displayName, locale: r.member.locale,
        status: r.status as SeatStatus, place: r.place, joinedAt: r.joinedAt,
      }));
    },
    async addParticipant(roundId: string, memberId: string, status: SeatStatus, joinedAt: Date, place = ""): Promise<void> {
      await db.roundParticipant.create({ data: { communityId, roundId, memberId, status, joinedAt, place } });
    },
    async setParticipantStatus(roundId: string, memberId: string, status: SeatStatus): Promise<void> {
      await db.roundParticipant.updateMany({ where: { communityId, roundId, memberId }, data: { status } });
    },
    async setPlace(roundId: string, memberId: string, place: string): Promise<void> {
      await db.roundParticipant.updateMany({ where: { communityId, roundId, memberId }, data: { place } });
    },
    async removeParticipant(roundId: string, memberId: string): Promise<boolean> {
      const { count } = await db.roundParticipant.deleteMany({ where: { communityId, roundId, memberId } });
      return count > 0;
    },
    /** Open rounds the member organizes. */
    async organizedBy(memberId: string): Promise<RoundRecord[]> {
      const rows = await db.round.findMany({ where: { communityId, organizerId: memberId, status: "open" }, orderBy: { number: "asc" } });
      return rows.map(toRound);
    },
    /** Rounds the member has a seat in or waits for. */
    async roundsOf(memberId: string): Promise<{ round: RoundRecord; status: SeatStatus }[]> {
      const rows = await db.roundParticipant.findMany({
        where: { communityId, memberId, round: { status: "open" } },
        include: { round: true },
        orderBy: { joinedAt: "asc" },
      });
      return rows.map((r) => ({ round: toRound(r.round), status: r.status as SeatStatus }));
    },

    async recordAttendance(sessionId: string, memberId: string, answer: { attended?: boolean; takeaway?: string }): Promise<void> {
      await db.sessionAttendance.upsert({
        where: { sessionId_memberId: { sessionId, memberId } },
        create: { communityId, sessionId, memberId, ...answer },
        update: answer,
      });
    },
    /** Answers for one session ("coming", "absent"), in the order they were given. */
    async answers(sessionId: string): Promise<SessionAnswerRecord[]> {
      const rows = await db.sessionAnswer.findMany({ where: { communityId, sessionId }, orderBy: [{ answeredAt: "asc" }, { id: "asc" }] });
      return rows.map((r) => ({ memberId: r.memberId, answer: r.answer as SessionAnswerKind, place: r.place, answeredAt: r.answeredAt }));
    },
    async setAnswer(sessionId: string, memberId: string, answer: SessionAnswerKind, answeredAt: Date, place = ""): Promise<void> {
      await db.sessionAnswer.upsert({
        where: { sessionId_memberId: { sessionId, memberId } },
        create: { communityId, sessionId, memberId, answer, answeredAt, place },
        update: { answer, answeredAt, place },
      });
    },
    /** Forgets the member's answers for the round's sessions still to come (they left the round). */
    async clearAnswersFrom(roundId: string, memberId: string, from: Date): Promise<void> {
      await db.sessionAnswer.deleteMany({ where: { communityId, memberId, session: { roundId, startsAt: { gt: from } } } });
    },
    async clearAnswer(sessionId: string, memberId: string): Promise<void> {
      await db.sessionAnswer.deleteMany({ where: { communityId, sessionId, memberId } });
    },
    /** The session whose platform event this is (a Discord scheduled event). */
    async sessionOfCalendarEvent(calendarEventId: string): Promise<SessionRecord | null> {
      const row = await db.roundSession.findFirst({ where: { communityId, calendarEventId } });
      return row && toSession(row);
    },

    /** The round's kinds of places, in order; none for a round with one capacity. */
    async places(roundId: string): Promise<PlaceRecord[]> {
      return db.roundPlace.findMany({ where: { communityId, roundId }, orderBy: { position: "asc" }, select: { id: true, label: true, capacity: true } });
    },
    /**
     * Sets the kinds of places in order. A kind keeps its id by position, so members who chose
     * it keep their kind when only its label or capacity changes. Call inside a transaction.
     */
    async setPlaces(roundId: string, places: readonly { label: string; capacity: number }[]): Promise<PlaceRecord[]> {
      await db.roundPlace.deleteMany({ where: { communityId, roundId, position: { gt: places.length } } });
      for (const [i, place] of places.entries()) {
        await db.roundPlace.upsert({
          where: { roundId_position: { roundId, position: i + 1 } },
          create: { communityId, roundId, position: i + 1, ...place },
          update: place,
        });
      }
      return this.places(roundId);
    },

    async creatorSetting(): Promise<RoundCreatorSetting> {
      const row = await db.roundSettings.findUnique({ where: { communityId } });
      return { creators: (row?.creators ?? "organizers") as RoundCreators, groupId: row?.creatorGroupId ?? null };
    },
    async setCreatorSetting(setting: RoundCreatorSetting): Promise<void> {
      const data = { creators: setting.creators, creatorGroupId: setting.groupId };
      await db.roundSettings.upsert({ where: { communityId }, create: { communityId, ...data }, update: data });
    },

    async attendance(sessionId: string): Promise<{ memberId: string; attended: boolean | null; takeaway: string | null }[]> {
      return db.sessionAttendance.findMany({ where: { communityId, sessionId }, select: { memberId: true, attended: true, takeaway: true } });
    },
  };
}
