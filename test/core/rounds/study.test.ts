import { describe, expect, it } from "vitest";
import { CHECK_IN_ALPHABET, chooseSlot, isNoShow, makeCheckInCode, readCheckInCode, readTalkOrder, timetable, toCsv } from "../../../src/core/rounds/index.js";

describe("lightning talks", () => {
  const plan = { slots: 3, minutes: 5, startsAfter: 30 };
  const talks = [{ slot: 2, title: "Rust入門", memberId: "ken" }];

  it("given a session at 19:00 with slots of 5 minutes from 30 minutes in, then each slot's start follows the one before", () => {
    const rows = timetable(new Date("2026-12-08T10:00:00Z"), plan, talks);
    expect(rows.map((r) => [r.slot, r.startsAt.toISOString(), r.endsAt.toISOString(), r.talk?.title])).toEqual([
      [1, "2026-12-08T10:30:00.000Z", "2026-12-08T10:35:00.000Z", undefined],
      [2, "2026-12-08T10:35:00.000Z", "2026-12-08T10:40:00.000Z", "Rust入門"],
      [3, "2026-12-08T10:40:00.000Z", "2026-12-08T10:45:00.000Z", undefined],
    ]);
  });

  it("given a taken slot, a second slot for one member, a slot that does not exist or no free slot, then each is refused by name", () => {
    expect(chooseSlot(plan, talks, "aiko", 2)).toEqual({ ok: false, reason: "slotTaken", slot: 2 });
    expect(chooseSlot(plan, talks, "ken")).toEqual({ ok: false, reason: "alreadyHasSlot", slot: 2 });
    expect(chooseSlot(plan, talks, "aiko", 4)).toEqual({ ok: false, reason: "noSuchSlot", slot: 4 });
    expect(chooseSlot(null, [], "aiko")).toEqual({ ok: false, reason: "noTalks" });
    const full = [1, 2, 3].map((slot) => ({ slot, title: "t", memberId: `m${slot}` }));
    expect(chooseSlot(plan, full, "aiko")).toEqual({ ok: false, reason: "full" });
    expect(chooseSlot(plan, talks, "aiko")).toEqual({ ok: true, slot: 1 });
    expect(chooseSlot(plan, talks, "aiko", 3)).toEqual({ ok: true, slot: 3 });
  });

  it("given a new order naming every talk once, then each moves; an order missing or repeating one is refused", () => {
    expect(readTalkOrder("3,1,2", [1, 2, 3])).toEqual(new Map([[3, 1], [1, 2], [2, 3]]));
    expect(readTalkOrder("３、１ ２", [1, 2, 3])).toEqual(new Map([[3, 1], [1, 2], [2, 3]]));
    expect(readTalkOrder("3,1", [1, 2, 3])).toBeUndefined();
    expect(readTalkOrder("3,3,1", [1, 2, 3])).toBeUndefined();
    expect(readTalkOrder("first", [1])).toBeUndefined();
  });
});

describe("check-in codes", () => {
  it("given any random source, then codes are four characters without 0, O, 1 or I, and read back typed loosely", () => {
    let n = 0;
    for (let i = 0; i < 200; i++) {
      const code = makeCheckInCode(() => (n++ % 97) / 97);
      expect(code).toMatch(/^[2-9A-HJ-NP-Z]{4}$/);
      expect(readCheckInCode(` ${code.toLowerCase().slice(0, 2)} ${code.slice(2)}`)).toBe(code);
    }
    expect(CHECK_IN_ALPHABET).not.toMatch(/[01OI]/);
    expect(readCheckInCode("ＫＭ７Ｐ")).toBe("KM7P");
    expect(readCheckInCode("K0MP")).toBeUndefined();
    expect(readCheckInCode("KMP")).toBeUndefined();
  });
});

describe("no-shows and lists", () => {
  it("given a seated member who never came, then it is a no-show only where check-in was held or they said so", () => {
    const base = { seatedBefore: true, ended: true };
    expect(isNoShow({ ...base, checkInHeld: true })).toBe(true);
    expect(isNoShow({ ...base, checkInHeld: false })).toBe(false);
    expect(isNoShow({ ...base, checkInHeld: false, answer: { attended: false, checkedIn: false } })).toBe(true);
    expect(isNoShow({ ...base, checkInHeld: true, answer: { attended: true, checkedIn: false } })).toBe(false);
    expect(isNoShow({ ...base, checkInHeld: true, answer: { attended: null, checkedIn: true } })).toBe(false);
    expect(isNoShow({ seatedBefore: false, ended: true, checkInHeld: true })).toBe(false);
    expect(isNoShow({ seatedBefore: true, ended: false, checkInHeld: true })).toBe(false);
  });

  it("given cells a spreadsheet would run as formulas, then they are prefixed; quotes and commas are escaped", () => {
    const csv = toCsv([["名前", "状態"], ["=HYPERLINK(\"x\")", "+1"], ["-2", "@SUM(A1)"], ["a,b", "say \"hi\""]]);
    expect(csv).toBe("\uFEFF名前,状態\r\n\"'=HYPERLINK(\"\"x\"\")\",'+1\r\n'-2,'@SUM(A1)\r\n\"a,b\",\"say \"\"hi\"\"\"\r\n");
  });
});
