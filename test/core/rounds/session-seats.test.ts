import { describe, expect, it } from "vitest";
import { parsePlaces, promotionsOpen, seatsLost, sessionPromotions, sessionRoll, sessionWaitingPosition, type SeriesSeat } from "../../../src/core/rounds/index.js";

const at = (minute: number) => new Date(Date.UTC(2026, 10, 26, 1, minute));
const seat = (memberId: string, status: SeriesSeat["status"], minute: number, place = ""): SeriesSeat => ({ memberId, status, place, joinedAt: at(minute) });

describe("one session's seats", () => {
  const seats = [seat("a", "seat", 0), seat("b", "seat", 1), seat("c", "waitlist", 2), seat("d", "waitlist", 3)];
  const one = [{ id: "", capacity: 2 }];

  it("given nobody answered, then the seated are coming and the waitlist waits in join order", () => {
    const roll = sessionRoll(seats, [], one);
    expect(roll.coming.map((c) => c.memberId)).toEqual(["a", "b"]);
    expect(roll.waiting.map((w) => w.memberId)).toEqual(["c", "d"]);
    expect(sessionWaitingPosition(roll, "d")).toBe(2);
  });

  it("given a seated member is not coming this time, then the first waiting takes that session's seat while promotions are open", () => {
    const roll = sessionRoll(seats, [{ memberId: "a", answer: "absent", place: "", answeredAt: at(10) }], one);
    expect(roll.coming.map((c) => c.memberId)).toEqual(["b"]);
    expect(sessionPromotions(roll, one, true)).toEqual(["c"]);
    expect(sessionPromotions(roll, one, false)).toEqual([]);
  });

  it("given kinds of places, then a seat freed in one kind goes to the first waiting of that kind only", () => {
    const places = [{ id: "general", capacity: 1 }, { id: "student", capacity: 1 }];
    const kinds = [seat("a", "seat", 0, "general"), seat("s", "seat", 1, "student"), seat("w", "waitlist", 2, "general"), seat("t", "waitlist", 3, "student")];
    const roll = sessionRoll(kinds, [{ memberId: "s", answer: "absent", place: "student", answeredAt: at(10) }], places);
    expect(sessionPromotions(roll, places, true)).toEqual(["t"]);
  });

  it("given a session 3 hours away with promotions stopping 3 hours before, then they have stopped", () => {
    const start = new Date("2026-12-05T10:30:00Z");
    expect(promotionsOpen(start, 180, new Date("2026-12-05T07:29:00Z"))).toBe(true);
    expect(promotionsOpen(start, 180, new Date("2026-12-05T07:30:00Z"))).toBe(false);
  });

  it("given a capacity below the seats taken, then those who joined last lose theirs", () => {
    expect(seatsLost(seats, 1)).toEqual(["b"]);
    expect(seatsLost(seats, 2)).toEqual([]);
  });
});

describe("kinds of places as organizers type them", () => {
  it.each([
    ["一般:20, 学生:5, オンライン:50", [["一般", 20], ["学生", 5], ["オンライン", 50]]],
    ["general 20; student 5", [["general", 20], ["student", 5]]],
    ["一般：２０、学生：５", [["一般", 20], ["学生", 5]]],
  ])("given %s, then it is read in order", (text, expected) => {
    expect(parsePlaces(text)?.map((p) => [p.label, p.capacity])).toEqual(expected);
  });

  it.each(["", "一般", "一般:0", "一般:5, 一般:3", "a:1,b:1,c:1,d:1,e:1,f:1"])("given %j, then it is refused", (text) => {
    expect(parsePlaces(text)).toBeUndefined();
  });
});
