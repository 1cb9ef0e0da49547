// Seats and the waitlist of a round, as one list in join order. Seats go first come, first
// served: a freed seat goes to whoever has waited longest, never to someone who joins later.

export type SeatStatus = "seat" | "waitlist";

export interface Seat {
  memberId: string;
  status: SeatStatus;
  joinedAt: Date;
}

export type JoinOutcome = "seated" | "waitlisted" | "alreadySeated" | "alreadyWaitlisted";

export interface SeatChange {
  seats: Seat[];
  /** Members moved from the waitlist to a seat, in order, so they can be told. */
  promoted: string[];
}

export interface JoinResult extends SeatChange {
  outcome: JoinOutcome;
  /** 1 for the first in line; set when the member is on the waitlist. */
  waitlistPosition?: number;
}

/** Joins `memberId`: a seat when one is free, else the end of the waitlist. Joining twice changes nothing. */
export function joinRound(seats: readonly Seat[], memberId: string, capacity: number, at: Date): JoinResult {
  const existing = seats.find((seat) => seat.memberId === memberId);
  if (existing) {
    return existing.status === "seat"
      ? { seats: [...seats], promoted: [], outcome: "alreadySeated" }
      : { seats: [...seats], promoted: [], outcome: "alreadyWaitlisted", waitlistPosition: waitlistPosition(seats, memberId) };
  }
  // The newcomer queues behind anyone already waiting, then free seats are handed out in order.
  const change = promote([...seats, { memberId, status: "waitlist", joinedAt: at }], capacity);
  const promoted = change.promoted.filter((id) => id !== memberId);
  return promoted.length < change.promoted.length
    ? { seats: change.seats, promoted, outcome: "seated" }
    : { seats: change.seats, promoted, outcome: "waitlisted", waitlistPosition: waitlistPosition(change.seats, memberId) };
}

/** Removes `memberId`, from a seat or the waitlist; a freed seat goes to the first waiting. */
export function leaveRound(seats: readonly Seat[], memberId: string, capacity: number): SeatChange & { left: boolean } {
  const remaining = seats.filter((seat) => seat.memberId !== memberId);
  return { ...promote(remaining, capacity), left: remaining.length < seats.length };
}

/** A new capacity. Lowering it never takes a seat away; raising it seats the first waiting. */
export function changeCapacity(seats: readonly Seat[], capacity: number): SeatChange {
  return promote([...seats], capacity);
}

/**
 * The seated members a lower capacity leaves without a seat: those who joined last. They go back
 * to the waitlist, ahead of anyone who joined after them.
 */
export function seatsLost(seats: readonly Seat[], capacity: number): string[] {
  return seats.filter((seat) => seat.status === "seat").slice(capacity).map((seat) => seat.memberId);
}

export function waitlistPosition(seats: readonly Seat[], memberId: string): number | undefined {
  const index = seats.filter((seat) => seat.status === "waitlist").findIndex((seat) => seat.memberId === memberId);
  return index < 0 ? undefined : index + 1;
}

function promote(seats: Seat[], capacity: number): SeatChange {
  let free = capacity - seats.filter((seat) => seat.status === "seat").length;
  const promoted: string[] = [];
  const after = seats.map((seat) => {
    if (seat.status !== "waitlist" || free <= 0) return seat;
    free--;
    promoted.push(seat.memberId);
    return { ...seat, status: "seat" as const };
  });
  return { seats: after, promoted };
}
