import { describe, expect, it } from "vitest";
import { nextPairingRound } from "../../src/core/pairing/rhythm.js";

const utc = (iso: string) => new Date(iso);

describe("the pairing rhythm", () => {
  it("given a weekly Monday 09:00 round in Tokyo, then the next one is the coming Monday at 00:00 UTC", () => {
    const slot = nextPairingRound({ timeZone: "Asia/Tokyo", weekday: 1, hour: 9, cadenceWeeks: 1 }, utc("2026-11-28T03:00:00Z"));
    expect(slot).toEqual({ period: "2026-11-30", at: utc("2026-11-30T00:00:00Z") });
  });

  it("given a round's own instant, then the next round is a week later, not the same one", () => {
    const rhythm = { timeZone: "Asia/Tokyo", weekday: 1, hour: 9, cadenceWeeks: 1 };
    expect(nextPairingRound(rhythm, utc("2026-11-30T00:00:00Z")).period).toBe("2026-12-07");
  });

  it("given New York across the end of daylight saving, then the round stays at 09:00 local", () => {
    const rhythm = { timeZone: "America/New_York", weekday: 1, hour: 9, cadenceWeeks: 1 };
    // DST ends on Sunday 2026-11-01: 09:00 EDT is 13:00 UTC before, 09:00 EST is 14:00 UTC after.
    const before = nextPairingRound(rhythm, utc("2026-10-24T00:00:00Z"));
    const after = nextPairingRound(rhythm, before.at);
    expect(before).toEqual({ period: "2026-10-26", at: utc("2026-10-26T13:00:00Z") });
    expect(after).toEqual({ period: "2026-11-02", at: utc("2026-11-02T14:00:00Z") });
  });

  it("given New York across the start of daylight saving, then the round stays at 09:00 local", () => {
    const rhythm = { timeZone: "America/New_York", weekday: 1, hour: 9, cadenceWeeks: 1 };
    // DST starts on Sunday 2027-03-14: 09:00 EST is 14:00 UTC before, 09:00 EDT is 13:00 UTC after.
    const before = nextPairingRound(rhythm, utc("2027-03-06T00:00:00Z"));
    const after = nextPairingRound(rhythm, before.at);
    expect(before).toEqual({ period: "2027-03-08", at: utc("2027-03-08T14:00:00Z") });
    expect(after).toEqual({ period: "2027-03-15", at: utc("2027-03-15T13:00:00Z") });
  });

  it("given Tokyo, which has no daylight saving, then every round is at the same UTC hour all year", () => {
    const rhythm = { timeZone: "Asia/Tokyo", weekday: 5, hour: 19, cadenceWeeks: 1 };
    let at = utc("2026-01-01T00:00:00Z");
    for (let i = 0; i < 52; i++) {
      at = nextPairingRound(rhythm, at).at;
      expect(at.getUTCHours()).toBe(10);
      expect(at.getUTCDay()).toBe(5);
    }
  });

  it("given a fortnightly cadence, then rounds are two weeks apart and restart-independent", () => {
    const rhythm = { timeZone: "Europe/London", weekday: 3, hour: 18, cadenceWeeks: 2 };
    const first = nextPairingRound(rhythm, utc("2026-11-28T00:00:00Z"));
    const second = nextPairingRound(rhythm, first.at);
    expect((second.at.getTime() - first.at.getTime()) / 86_400_000).toBe(14);
    // Asking from a day later gives the same slot: the rhythm is anchored, not relative to "now".
    expect(nextPairingRound(rhythm, utc("2026-11-29T00:00:00Z"))).toEqual(first);
  });
});
