import ICAL from "ical.js";
import { afterEach, describe, expect, it } from "vitest";
import { roundCalendar, seriesCalendar, sessionStarts, type CalendarSeries, type CalendarSession } from "../../../src/core/rounds/index.js";

// The .ics of a series as calendar applications read it: one recurring event (RRULE) whose
// cancelled sessions are exceptions (EXDATE) and whose moved sessions are overrides
// (RECURRENCE-ID), expanded by ical.js across daylight-saving changes.

const generatedAt = new Date("2026-10-01T00:00:00Z");
const round = { title: "TypeScript 勉強会", description: "LT and talks", venue: "Shibuya" };
const HOUR = 3_600_000;

function planned(starts: Date[], changes: Record<number, Partial<CalendarSession>> = {}): CalendarSession[] {
  return starts.map((start, i) => ({
    id: `s${i + 1}`, start, end: new Date(start.getTime() + 2 * HOUR), plannedStart: start, sequence: 0, ...changes[i + 1],
    ...(changes[i + 1]?.start ? { end: new Date(changes[i + 1]!.start!.getTime() + 2 * HOUR) } : {}),
  }));
}

/** Every occurrence a calendar shows: the rule expanded, exceptions left out, overrides applied. */
function occurrences(ics: string): { start: string; end: string; summary: string; status: string }[] {
  const calendar = ICAL.Component.fromString(ics);
  for (const zone of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(zone);
  const components = calendar.getAllSubcomponents("vevent");
  const shown = [];
  for (const component of components.filter((c) => !c.hasProperty("recurrence-id"))) {
    const event = new ICAL.Event(component);
    for (const override of components.filter((c) => c.hasProperty("recurrence-id") && c.getFirstPropertyValue("uid") === event.uid)) {
      event.relateException(override);
    }
    if (!event.isRecurring()) {
      shown.push({ start: event.startDate.toJSDate().toISOString(), end: event.endDate.toJSDate().toISOString(), summary: event.summary, status: String(component.getFirstPropertyValue("status")) });
      continue;
    }
    const iterator = event.iterator();
    for (let next = iterator.next(); next; next = iterator.next()) {
      const details = event.getOccurrenceDetails(next);
      shown.push({
        start: details.startDate.toJSDate().toISOString(), end: details.endDate.toJSDate().toISOString(),
        summary: details.item.summary, status: String(details.item.component.getFirstPropertyValue("status")),
      });
    }
  }
  return shown;
}

afterEach(() => ICAL.TimezoneService.reset());

describe("a round's series in the .ics", () => {
  it("given weekly sessions in New York across the autumn change with one cancelled and one moved, then the file is one RRULE with an EXDATE and an override, read back at the right instants", () => {
    // Thursdays 19:00 New York from 2026-10-22; clocks fall back on 2026-11-01.
    const starts = sessionStarts({ first: new Date("2026-10-22T23:00:00Z"), zone: "America/New_York", cadence: "weekly", count: 4 });
    expect(starts.map((s) => s.toISOString())).toEqual(["2026-10-22T23:00:00.000Z", "2026-10-29T23:00:00.000Z", "2026-11-06T00:00:00.000Z", "2026-11-13T00:00:00.000Z"]);
    const moved = new Date("2026-11-06T23:00:00Z"); // Friday 18:00 EST instead of Thursday 19:00
    const sessions = planned(starts, { 2: { cancelled: true, sequence: 1 }, 3: { start: moved, sequence: 1 } });
    const ics = roundCalendar({ round, sessions, zone: "America/New_York", cadence: "weekly", seriesId: "round1", productId: "-//musubi//EN", generatedAt });

    const lines = ics.split("\r\n");
    expect(lines).toContain("RRULE:FREQ=WEEKLY;COUNT=4");
    expect(lines).toContain("DTSTART;TZID=America/New_York:20261022T190000");
    expect(lines).toContain("EXDATE;TZID=America/New_York:20261029T190000");
    expect(lines).toContain("RECURRENCE-ID;TZID=America/New_York:20261105T190000");
    expect(lines.filter((l) => l === "BEGIN:VEVENT")).toHaveLength(2);

    expect(occurrences(ics)).toEqual([
      { start: "2026-10-22T23:00:00.000Z", end: "2026-10-23T01:00:00.000Z", summary: "TypeScript 勉強会", status: "CONFIRMED" },
      { start: "2026-11-06T23:00:00.000Z", end: "2026-11-07T01:00:00.000Z", summary: "TypeScript 勉強会", status: "CONFIRMED" },
      { start: "2026-11-13T00:00:00.000Z", end: "2026-11-13T02:00:00.000Z", summary: "TypeScript 勉強会", status: "CONFIRMED" },
    ]);
  });

  it("given monthly sessions on the second Tuesday in Tokyo with one cancelled and one moved, then the rule says BYDAY=+2TU and the calendar shows the sessions as they are", () => {
    const starts = sessionStarts({ first: new Date("2027-01-12T10:30:00Z"), zone: "Asia/Tokyo", cadence: "monthly_weekday", count: 4 });
    expect(starts.map((s) => s.toISOString())).toEqual(["2027-01-12T10:30:00.000Z", "2027-02-09T10:30:00.000Z", "2027-03-09T10:30:00.000Z", "2027-04-13T10:30:00.000Z"]);
    const moved = new Date("2027-03-10T10:30:00Z");
    const sessions = planned(starts, { 2: { start: moved, label: "LT大会" }, 4: { cancelled: true } });
    const ics = roundCalendar({ round, sessions, zone: "Asia/Tokyo", cadence: "monthly_weekday", seriesId: "round2", productId: "-//musubi//EN", generatedAt });
    const lines = ics.split("\r\n");
    expect(lines).toContain("RRULE:FREQ=MONTHLY;COUNT=4;BYDAY=+2TU");
    expect(lines).toContain("EXDATE;TZID=Asia/Tokyo:20270413T193000");
    expect(lines).toContain("TZID:Asia/Tokyo");
    expect(occurrences(ics)).toEqual([
      { start: "2027-01-12T10:30:00.000Z", end: "2027-01-12T12:30:00.000Z", summary: "TypeScript 勉強会", status: "CONFIRMED" },
      { start: "2027-03-10T10:30:00.000Z", end: "2027-03-10T12:30:00.000Z", summary: "TypeScript 勉強会 — LT大会", status: "CONFIRMED" },
      { start: "2027-03-09T10:30:00.000Z", end: "2027-03-09T12:30:00.000Z", summary: "TypeScript 勉強会", status: "CONFIRMED" },
    ]);
  });

  it("given sessions stored without their planned start, or all labelled, then every session is its own event as before", () => {
    const starts = sessionStarts({ first: new Date("2027-01-12T10:30:00Z"), zone: "Asia/Tokyo", cadence: "weekly", count: 3 });
    const unplanned = planned(starts).map(({ plannedStart: _planned, ...s }) => s);
    const labelled = planned(starts).map((s, i) => ({ ...s, label: `第${i + 1}章` }));
    for (const sessions of [unplanned, labelled]) {
      const ics = roundCalendar({ round, sessions, zone: "Asia/Tokyo", cadence: "weekly", seriesId: "r", productId: "-//musubi//EN", generatedAt });
      expect(ics).not.toContain("RRULE");
      expect(occurrences(ics).map((o) => o.start)).toEqual(starts.map((s) => s.toISOString()));
    }
  });

  it("given a cancelled round, then its recurring event is cancelled as a whole", () => {
    const starts = sessionStarts({ first: new Date("2027-01-12T10:30:00Z"), zone: "Asia/Tokyo", cadence: "biweekly", count: 3 });
    const sessions = planned(starts).map((s) => ({ ...s, cancelled: true }));
    const ics = roundCalendar({ round, sessions, zone: "Asia/Tokyo", cadence: "biweekly", seriesId: "r", productId: "-//musubi//EN", generatedAt });
    expect(ics.split("\r\n")).toContain("RRULE:FREQ=WEEKLY;COUNT=3;INTERVAL=2");
    expect(occurrences(ics).map((o) => o.status)).toEqual(["CANCELLED", "CANCELLED", "CANCELLED"]);
  });

  it("given two rounds in two zones in one feed, then each zone is defined once and both series are read back", () => {
    const tokyo: CalendarSeries = { round, zone: "Asia/Tokyo", cadence: "weekly", seriesId: "a",
      sessions: planned(sessionStarts({ first: new Date("2027-01-12T10:30:00Z"), zone: "Asia/Tokyo", cadence: "weekly", count: 2 })) };
    const newYork: CalendarSeries = { round: { title: "NY club" }, zone: "America/New_York", cadence: "weekly", seriesId: "b",
      sessions: planned(sessionStarts({ first: new Date("2027-03-04T00:00:00Z"), zone: "America/New_York", cadence: "weekly", count: 3 })) };
    const ics = seriesCalendar({ name: "musubi", series: [tokyo, newYork, tokyo], productId: "-//musubi//EN", generatedAt });
    expect(ics.split("\r\n").filter((l) => l === "BEGIN:VTIMEZONE")).toHaveLength(2);
    // 19:00 New York before and after the spring change (2027-03-14).
    expect(occurrences(ics).filter((o) => o.summary === "NY club").map((o) => o.start))
      .toEqual(["2027-03-04T00:00:00.000Z", "2027-03-11T00:00:00.000Z", "2027-03-17T23:00:00.000Z"]);
  });
});
