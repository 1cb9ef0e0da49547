import { describe, expect, it } from "vitest";
import { changeCapacity, joinRound, leaveRound, type Seat } from "../../../src/core/rounds/index.js";

const at = (minute: number) => new Date(Date.UTC(2026, 10, 18, 3, minute));

function joinAll(members: string[], capacity: number): Seat[] {
  return members.reduce<Seat[]>((seats, memberId, index) => joinRound(seats, memberId, capacity, at(index)).seats, []);
}

const statuses = (seats: Seat[]) => seats.map((seat) => `${seat.memberId}:${seat.status}`);

describe("joining a round", () => {
  it("given free seats, then members are seated; once full, later members wait in line", () => {
    const seats = joinAll(["ann", "bo"], 2);
    const cy = joinRound(seats, "cy", 2, at(5));
    expect(cy.outcome).toBe("waitlisted");
    expect(cy.waitlistPosition).toBe(1);
    const dee = joinRound(cy.seats, "dee", 2, at(6));
    expect(dee.waitlistPosition).toBe(2);
    expect(statuses(dee.seats)).toEqual(["ann:seat", "bo:seat", "cy:waitlist", "dee:waitlist"]);
  });

  it("given a member joins twice, then nothing changes and they are told where they are", () => {
    const seats = joinAll(["ann", "bo", "cy"], 2);
    expect(joinRound(seats, "ann", 2, at(9))).toMatchObject({ outcome: "alreadySeated", seats });
    expect(joinRound(seats, "cy", 2, at(9))).toMatchObject({ outcome: "alreadyWaitlisted", waitlistPosition: 1, seats });
  });

  it("given someone already waiting when a seat is free, then a newcomer does not jump the line", () => {
    const waiting: Seat[] = [
      { memberId: "ann", status: "seat", joinedAt: at(0) },
      { memberId: "bo", status: "waitlist", joinedAt: at(1) },
    ];
    const result = joinRound(waiting, "cy", 2, at(2));
    expect(result.outcome).toBe("waitlisted");
    expect(result.promoted).toEqual(["bo"]);
  });
});

describe("leaving a round", () => {
  it("given a seated member leaves, then the first waiting member gets the seat and is named", () => {
    const seats = joinAll(["ann", "bo", "cy", "dee"], 2);
    const result = leaveRound(seats, "ann", 2);
    expect(result.left).toBe(true);
    expect(result.promoted).toEqual(["cy"]);
    expect(statuses(result.seats)).toEqual(["bo:seat", "cy:seat", "dee:waitlist"]);
  });

  it("given a waiting member leaves, then nobody is promoted", () => {
    const seats = joinAll(["ann", "bo", "cy", "dee"], 2);
    const result = leaveRound(seats, "cy", 2);
    expect(result.promoted).toEqual([]);
    expect(statuses(result.seats)).toEqual(["ann:seat", "bo:seat", "dee:waitlist"]);
  });

  it("given a member who had not joined leaves, then it says so and nothing changes", () => {
    const seats = joinAll(["ann"], 2);
    expect(leaveRound(seats, "zed", 2)).toEqual({ seats, promoted: [], left: false });
  });
});

describe("changing capacity", () => {
  it("given capacity lowered below the seated count, then nobody loses a seat and a leaver's seat is not refilled", () => {
    const seats = joinAll(["ann", "bo", "cy", "dee"], 3);
    const lowered = changeCapacity(seats, 1);
    expect(statuses(lowered.seats)).toEqual(["ann:seat", "bo:seat", "cy:seat", "dee:waitlist"]);
    const afterLeave = leaveRound(lowered.seats, "ann", 1);
    expect(afterLeave.promoted).toEqual([]);
  });

  it("given capacity raised, then waiting members are seated in the order they joined", () => {
    const seats = joinAll(["ann", "bo", "cy", "dee"], 1);
    const raised = changeCapacity(seats, 3);
    expect(raised.promoted).toEqual(["bo", "cy"]);
    expect(statuses(raised.seats)).toEqual(["ann:seat", "bo:seat", "cy:seat", "dee:waitlist"]);
  });
});
