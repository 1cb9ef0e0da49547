import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { MEETING_MINUTES, proposeMeetingTimes } from "../../src/core/pairing/meeting-times.js";

const local = (at: Date, zone: string) => DateTime.fromJSDate(at, { zone });
const minutesOfDay = (t: DateTime) => t.hour * 60 + t.minute;

describe("proposed meeting times", () => {
  it("given two members in Tokyo on a Monday morning, then three weekday afternoons on different days, none within six hours", () => {
    const from = new Date("2026-11-30T00:00:00Z"); // Monday 09:00 JST
    const times = proposeMeetingTimes({ zones: ["Asia/Tokyo", "Asia/Tokyo"], from, dayZone: "Asia/Tokyo" });
    expect(times.map((t) => local(t, "Asia/Tokyo").toFormat("ccc HH:mm"))).toEqual(["Mon 15:00", "Wed 14:30", "Fri 14:30"]);
  });

  it("given Tokyo, London and New York in winter, then every time sits inside each one's waking hours, on different days", () => {
    const zones = ["Asia/Tokyo", "Europe/London", "America/New_York"];
    const times = proposeMeetingTimes({ zones, from: new Date("2026-11-26T01:00:00Z"), dayZone: "Asia/Tokyo" });
    expect(times.length).toBeGreaterThan(0);
    for (const at of times) {
      for (const zone of zones) {
        const start = local(at, zone);
        // The wider hours (7:00–23:00, any day) apply: the three share no weekday 9:00–21:00.
        expect(minutesOfDay(start)).toBeGreaterThanOrEqual(7 * 60);
        expect(minutesOfDay(start) + MEETING_MINUTES).toBeLessThanOrEqual(23 * 60);
      }
    }
    expect(new Set(times.map((t) => local(t, "Asia/Tokyo").toISODate())).size).toBe(times.length);
  });
});
