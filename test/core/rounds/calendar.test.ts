import ICAL from "ical.js";
import { afterEach, describe, expect, it } from "vitest";
import { roundCalendar, sessionStarts, type CalendarSession } from "../../../src/core/rounds/index.js";

const generatedAt = new Date("2026-10-01T00:00:00Z");
const round = {
  title: "Readable Code, book club",
  description: "We read one part a week; bring a question.",
  link: "https://meet.example.com/abc",
  venue: "Shibuya office, 5F",
};

function sessionsFrom(starts: Date[], labels: string[] = []): CalendarSession[] {
  return starts.map((start, index) => ({
    id: `s${index + 1}`,
    start,
    end: new Date(start.getTime() + 90 * 60_000),
    label: labels[index] ?? "",
  }));
}

/** Parses the file as a calendar application would, with the zone definitions it carries. */
function readBack(ics: string) {
  const calendar = ICAL.Component.fromString(ics);
  for (const zone of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(zone);
  return calendar.getAllSubcomponents("vevent").map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      summary: event.summary,
      start: event.startDate.toJSDate().toISOString(),
      end: event.endDate.toJSDate().toISOString(),
      zone: event.startDate.zone?.tzid,
      sequence: event.sequence,
      status: component.getFirstPropertyValue("status"),
      location: event.location,
      url: component.getFirstPropertyValue("url"),
      description: event.description,
    };
  });
}

afterEach(() => ICAL.TimezoneService.reset());

describe("the iCalendar file of a round", () => {
  it("given weekly sessions in New York from late October into November, then each event is at 19:00 local at the right instant", () => {
    const starts = sessionStarts({ first: new Date("2026-10-22T23:00:00Z"), zone: "America/New_York", cadence: "weekly", count: 3 });
    const ics = roundCalendar({ round, sessions: sessionsFrom(starts), zone: "America/New_York", productId: "-//musubi//rounds//EN", generatedAt });

    expect(ics).toContain("BEGIN:VTIMEZONE\r\nTZID:America/New_York");
    expect(ics).toContain("DTSTART;TZID=America/New_York:20261105T190000");
    const events = readBack(ics);
    expect(events.map((event) => [event.start, event.end, event.zone])).toEqual([
      ["2026-10-22T23:00:00.000Z", "2026-10-23T00:30:00.000Z", "America/New_York"],
      ["2026-10-29T23:00:00.000Z", "2026-10-30T00:30:00.000Z", "America/New_York"],
      ["2026-11-06T00:00:00.000Z", "2026-11-06T01:30:00.000Z", "America/New_York"],
    ]);
  });

  it("given sessions in Tokyo, then they read back at 19:30 JST", () => {
    const starts = sessionStarts({ first: new Date("2026-12-05T10:30:00Z"), zone: "Asia/Tokyo", cadence: "monthly", count: 2 });
    const events = readBack(roundCalendar({ round, sessions: sessionsFrom(starts), zone: "Asia/Tokyo", productId: "-//musubi//EN", generatedAt }));
    expect(events.map((event) => event.start)).toEqual(["2026-12-05T10:30:00.000Z", "2027-01-05T10:30:00.000Z"]);
  });

  it("given a session at the doubled hour of the autumn change, then the calendar reads the same first occurrence as the bot", () => {
    const starts = sessionStarts({ first: new Date("2026-10-25T05:30:00Z"), zone: "America/New_York", cadence: "weekly", count: 2 });
    const ics = roundCalendar({ round, sessions: sessionsFrom(starts), zone: "America/New_York", productId: "-//musubi//EN", generatedAt });
    expect(ics).toContain("DTSTART:20261101T053000Z");
    expect(readBack(ics).map((event) => event.start)).toEqual(["2026-10-25T05:30:00.000Z", "2026-11-01T05:30:00.000Z"]);
  });

  it("given labels, an edit and a cancellation, then titles, stable ids, sequence and status say so", () => {
    const starts = sessionStarts({ first: new Date("2026-12-05T10:30:00Z"), zone: "Asia/Tokyo", cadence: "weekly", count: 3 });
    const sessions = sessionsFrom(starts, ["第1〜3章", "第4〜6章", ""]);
    sessions[1] = { ...sessions[1]!, sequence: 2, cancelled: true };
    const events = readBack(roundCalendar({ round, sessions, zone: "Asia/Tokyo", productId: "-//musubi//EN", generatedAt }));
    expect(events.map(({ uid, summary, sequence, status }) => ({ uid, summary, sequence, status }))).toEqual([
      { uid: "s1@musubi", summary: "Readable Code, book club — 第1〜3章", sequence: 0, status: "CONFIRMED" },
      { uid: "s2@musubi", summary: "Readable Code, book club — 第4〜6章", sequence: 2, status: "CANCELLED" },
      { uid: "s3@musubi", summary: "Readable Code, book club", sequence: 0, status: "CONFIRMED" },
    ]);
    expect(events[0]).toMatchObject({
      location: "Shibuya office, 5F",
      url: "https://meet.example.com/abc",
      description: "We read one part a week; bring a question.\n\nhttps://meet.example.com/abc",
    });
  });

  it("given an online-only round, then the link is the location", () => {
    const ics = roundCalendar({
      round: { title: "Study", link: "https://meet.example.com/abc" },
      sessions: sessionsFrom([new Date("2026-12-05T10:30:00Z")]),
      zone: "Asia/Tokyo",
      productId: "-//musubi//EN",
      generatedAt,
    });
    expect(readBack(ics)[0]?.location).toBe("https://meet.example.com/abc");
  });

  it("given the zone written as an alias, then the events refer to the zone definition the file carries", () => {
    const ics = roundCalendar({ round, sessions: sessionsFrom([new Date("2026-12-05T10:30:00Z")]), zone: "UTC", productId: "-//musubi//EN", generatedAt });
    expect(ics).toContain("DTSTART;TZID=Etc/UTC:20261205T103000");
    expect(readBack(ics)[0]?.start).toBe("2026-12-05T10:30:00.000Z");
  });

  it("given any round, then the file is a calendar with CRLF lines, a product id and a stamp", () => {
    const ics = roundCalendar({ round, sessions: [], zone: "Asia/Tokyo", productId: "-//musubi//EN", generatedAt });
    expect(ics.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    expect(ics.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(ics).toContain("PRODID:-//musubi//EN");
    expect(ics).toContain("VERSION:2.0");
  });
});
