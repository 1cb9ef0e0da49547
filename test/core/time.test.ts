import { describe, expect, it } from "vitest";
import { readTimeZone } from "../../src/core/time.js";

describe("a time zone as a member types it", () => {
  it.each([
    ["Asia/Tokyo", "Asia/Tokyo"],
    ["asia/tokyo", "Asia/Tokyo"],
    [" America/New_York ", "America/New_York"],
    ["America/Argentina/Buenos_Aires", "America/Argentina/Buenos_Aires"],
    ["Asia/Kolkata", "Asia/Kolkata"],
    ["JST", "Asia/Tokyo"],
    ["kst", "Asia/Seoul"],
    ["utc", "UTC"],
    ["GMT", "UTC"],
  ])("given %j, then it is read as %s", (typed, zone) => {
    expect(readTimeZone(typed)).toBe(zone);
  });

  it.each(["EST", "CST", "IST", "PST", "+09:00", "UTC+9", "Tokyo", "Mars/Olympus", "", "Asia/Tokyo; drop"])("given %j, then it is refused", (typed) => {
    expect(readTimeZone(typed)).toBeUndefined();
  });
});
