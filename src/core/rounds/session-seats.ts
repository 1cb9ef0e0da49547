import type { SeatStatus } from "./seats.js";

// Who comes to one session. A seat in the series is a seat in each of its sessions unless the
// member answers "not this time" for one; that session's seat then goes to the first member
// waiting for the same kind of place (参加枠), for that session alone. A member outside the
// series may also hold one session's seat. Promotions stop some time before the session, so
// nobody is given a seat when it is too late to come.

export type SessionAnswerKind = "coming" | "absent";

/** A kind of place and its capacity; a round without kinds has one, with id "". */
export interface PlaceCapacity {
  id: string;
  capacity: number;
}

export interface SeriesSeat {
  memberId: string;
  status: SeatStatus;
  place: string;
  joinedAt: Date;
}

export interface SessionAnswerInput {
  memberId: string;
  answer: SessionAnswerKind;
  place: string;
  answeredAt: Date;
}

export interface SessionRoll {
  /** Members coming, by kind of place, seated ones first then those given this session's seat. */
  coming: { memberId: string; place: string }[];
  /** Members who answered "not this time". */
  absent: string[];
  /** Members waiting for a seat of this session, first in line first. */
  waiting: { memberId: string; place: string }[];
}

/** The round's kinds of places as capacities; a round without kinds has one, its capacity. */
export function capacitiesOf(capacity: number, places: readonly PlaceCapacity[]): PlaceCapacity[] {
  return places.length > 0 ? places.map((p) => ({ id: p.id, capacity: p.capacity })) : [{ id: "", capacity }];
}

/** The kind a stored place stands for: "" (from before the round had kinds) is its first kind. */
export const placeOfSeat = (place: string, places: readonly PlaceCapacity[]): string =>
  places.some((p) => p.id === place) ? place : (places[0]?.id ?? "");

export function sessionRoll(seats: readonly SeriesSeat[], answers: readonly SessionAnswerInput[], places: readonly PlaceCapacity[]): SessionRoll {
  const answerOf = new Map(answers.map((a) => [a.memberId, a]));
  const seated = seats.filter((s) => s.status === "seat" && answerOf.get(s.memberId)?.answer !== "absent");
  const byAnswer = answers
    .filter((a) => a.answer === "coming" && !seats.some((s) => s.memberId === a.memberId && s.status === "seat"))
    .sort((a, b) => a.answeredAt.getTime() - b.answeredAt.getTime());
  const coming = [
    ...seated.map((s) => ({ memberId: s.memberId, place: placeOfSeat(s.place, places) })),
    ...byAnswer.map((a) => ({ memberId: a.memberId, place: placeOfSeat(seatPlace(seats, a), places) })),
  ];
  const comingIds = new Set(coming.map((c) => c.memberId));
  const waiting = seats
    .filter((s) => s.status === "waitlist" && !comingIds.has(s.memberId) && answerOf.get(s.memberId)?.answer !== "absent")
    .map((s) => ({ memberId: s.memberId, place: placeOfSeat(s.place, places) }));
  return { coming, absent: answers.filter((a) => a.answer === "absent").map((a) => a.memberId), waiting };
}

/** A member of the series keeps their kind of place; one outside it has the kind they answered with. */
function seatPlace(seats: readonly SeriesSeat[], answer: SessionAnswerInput): string {
  return seats.find((s) => s.memberId === answer.memberId)?.place ?? answer.place;
}

/** Seats of that kind still free in the session. */
export function freeSeats(roll: SessionRoll, places: readonly PlaceCapacity[], place: string): number {
  const capacity = places.find((p) => p.id === place)?.capacity ?? 0;
  return Math.max(capacity - roll.coming.filter((c) => c.place === place).length, 0);
}

/** The member's place in the session's line for their kind, 1 for the first; undefined when not waiting. */
export function sessionWaitingPosition(roll: SessionRoll, memberId: string): number | undefined {
  const mine = roll.waiting.find((w) => w.memberId === memberId);
  if (!mine) return undefined;
  return roll.waiting.filter((w) => w.place === mine.place).findIndex((w) => w.memberId === memberId) + 1;
}

/** Whether a freed seat may still be given to someone waiting: not later than `stopMinutes` before the start. */
export function promotionsOpen(startsAt: Date, stopMinutes: number, now: Date): boolean {
  return now.getTime() < startsAt.getTime() - stopMinutes * 60_000;
}

/** The waiting members who take the free seats of the session, in order (none once promotions have stopped). */
export function sessionPromotions(roll: SessionRoll, places: readonly PlaceCapacity[], open: boolean): string[] {
  if (!open) return [];
  const promoted: string[] = [];
  for (const place of places) {
    const free = freeSeats(roll, places, place.id);
    promoted.push(...roll.waiting.filter((w) => w.place === place.id).slice(0, free).map((w) => w.memberId));
  }
  return promoted;
}
