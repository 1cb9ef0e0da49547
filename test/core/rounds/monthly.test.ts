import ICAL from "ical.js";
import { afterEach, describe, expect, it } from "vitest";
import { parseSessionStart, roundCalendar, roundFormSchema, sessionStarts, type RoundForm } from "../../../src/core/rounds/index.js";

// Monthly rounds by weekday ("毎月第2火曜 19:30", "last Friday of the month 7pm"), read in
// Japanese and English, their dates across daylight-saving changes, and their calendar file.

// Wednesday 2026-11-18 12:00 in Tokyo; 04:00 in Berlin; Tuesday 2026-11-17 22:00 in New York.
const now = new Date("2026-11-18T03:00:00Z");

const form: RoundForm = {
  kind: "study",
  title: "TypeScript 勉強会",
  start: "毎月第2火曜 19:30",
  cadence: "monthly",
  sessions: "5",
  capacity: "20",
  venue: "Shibuya",
};

function draftOf(input: Partial<RoundForm>, zone: string) {
  return roundFormSchema({ now, defaultZone: zone }).safeParse({ ...form, ...input });
}

/** The sessions a form makes, as UTC instants: what would be stored. */
function sessionsOf(input: Partial<RoundForm>, zone: string): string[] {
  const result = draftOf(input, zone);
  if (!result.success) throw new Error(`refused: ${result.error.issues.map((issue) => issue.message).join(", ")}`);
  const draft = result.data;
  return sessionStarts({ first: draft.firstStart, zone: draft.zone, cadence: draft.cadence, count: draft.sessions })
    .map((start) => start.toISOString());
}

/** Each field's issue messages. */
function problems(input: Partial<RoundForm>, zone = "Asia/Tokyo"): Record<string, string[]> {
  const result = draftOf(input, zone);
  if (result.success) return {};
  const byField: Record<string, string[]> = {};
  for (const issue of result.error.issues) (byField[String(issue.path[0])] ??= []).push(issue.message);
  return byField;
}

describe("monthly rounds by weekday, in Japanese and English", () => {
  it.each([
    ["毎月第2火曜 19:30"],
    ["毎月第２火曜日 19時半"],
    ["第2火曜 19:30"],
    ["毎月 第二火曜 午後7時30分"],
  ])("given “%s” in Tokyo with Every month, then the sessions are the second Tuesdays at 19:30", (start) => {
    expect(draftOf({ start }, "Asia/Tokyo").data?.cadence).toBe("monthly_weekday");
    expect(sessionsOf({ start }, "Asia/Tokyo")).toEqual([
      "2026-12-08T10:30:00.000Z",
      "2027-01-12T10:30:00.000Z",
      "2027-02-09T10:30:00.000Z",
      "2027-03-09T10:30:00.000Z",
      "2027-04-13T10:30:00.000Z",
    ]);
  });

  it.each([
    ["every second Tuesday at 7:30pm"],
    ["the second Tuesday of the month, 7:30pm"],
    ["2nd Tue of each month 19:30"],
  ])("given “%s” in New York, then the second Tuesdays stay at 19:30 local across the March change", (start) => {
    // Daylight saving starts on 2027-03-14: 19:30 EST is 00:30 UTC the next day, 19:30 EDT 23:30 UTC.
    expect(sessionsOf({ start }, "America/New_York")).toEqual([
      "2026-12-09T00:30:00.000Z",
      "2027-01-13T00:30:00.000Z",
      "2027-02-10T00:30:00.000Z",
      "2027-03-10T00:30:00.000Z",
      "2027-04-13T23:30:00.000Z",
    ]);
  });

  it.each([["毎月最終金曜 19時"], ["last Friday of the month 7pm"], ["every last Friday at 19:00"], ["毎月最後の金曜 19:00"]])(
    "given “%s” in Tokyo, then the sessions are the months' last Fridays at 19:00",
    (start) => {
      expect(draftOf({ start }, "Asia/Tokyo").data?.cadence).toBe("monthly_last_weekday");
      expect(sessionsOf({ start }, "Asia/Tokyo")).toEqual([
        "2026-11-27T10:00:00.000Z",
        "2026-12-25T10:00:00.000Z",
        "2027-01-29T10:00:00.000Z",
        "2027-02-26T10:00:00.000Z",
        "2027-03-26T10:00:00.000Z",
      ]);
    },
  );

  it.each([["第3土曜 14時"], ["third Saturday of the month 2pm"], ["第3土曜日 14:00から"]])(
    "given “%s” in Berlin, then the third Saturdays stay at 14:00 local across the March change",
    (start) => {
      // Europe changes on 2027-03-28: 14:00 CET is 13:00 UTC, 14:00 CEST 12:00 UTC.
      expect(sessionsOf({ start, sessions: "6" }, "Europe/Berlin")).toEqual([
        "2026-11-21T13:00:00.000Z",
        "2026-12-19T13:00:00.000Z",
        "2027-01-16T13:00:00.000Z",
        "2027-02-20T13:00:00.000Z",
        "2027-03-20T13:00:00.000Z",
        "2027-04-17T12:00:00.000Z",
      ]);
    },
  );

  it("given the last Sunday at 02:30 in Berlin, then only March's, skipped by the change, moves to 03:30", () => {
    expect(sessionsOf({ start: "last Sunday of the month 2:30am", sessions: "3" }, "Europe/Berlin")).toEqual([
      "2026-11-29T01:30:00.000Z",
      "2026-12-27T01:30:00.000Z",
      "2027-01-31T01:30:00.000Z",
    ]);
    const march = sessionStarts({ first: new Date("2027-02-28T01:30:00Z"), zone: "Europe/Berlin", cadence: "monthly_last_weekday", count: 3 });
    expect(march.map((start) => start.toISOString())).toEqual([
      "2027-02-28T01:30:00.000Z",
      "2027-03-28T01:30:00.000Z",
      "2027-04-25T00:30:00.000Z",
    ]);
  });

  it("given this month's second Tuesday already passed, then the first session is next month's", () => {
    const parsed = parseSessionStart("毎月第2火曜 19:30", { zone: "Asia/Tokyo", now });
    expect(parsed).toEqual({ ok: true, at: new Date("2026-12-08T10:30:00Z"), monthly: { cadence: "monthly_weekday", repeats: true } });
  });

  it("given a date and Every month on the same weekday, then the week and weekday come from the first session", () => {
    expect(sessionsOf({ start: "12月8日 19:30", cadence: "monthly_weekday", sessions: "3" }, "Asia/Tokyo")).toEqual([
      "2026-12-08T10:30:00.000Z",
      "2027-01-12T10:30:00.000Z",
      "2027-02-09T10:30:00.000Z",
    ]);
    expect(sessionsOf({ start: "Dec 29 7:30pm", cadence: "monthly_last_weekday", sessions: "3" }, "Asia/Tokyo")).toEqual([
      "2026-12-29T10:30:00.000Z",
      "2027-01-26T10:30:00.000Z",
      "2027-02-23T10:30:00.000Z",
    ]);
  });

  it("given a date and Every month, then the date of the month is kept, as before", () => {
    expect(sessionsOf({ start: "12月8日 19:30", sessions: "3" }, "Asia/Tokyo")).toEqual([
      "2026-12-08T10:30:00.000Z",
      "2027-01-08T10:30:00.000Z",
      "2027-02-08T10:30:00.000Z",
    ]);
  });

  it.each([["第2火曜 19:30"], ["second Tuesday of the month 7:30pm"]])(
    "given “%s”, without 毎月 or every, on a weekly round, then it is only the first date",
    (start) => {
      expect(sessionsOf({ start, cadence: "weekly", sessions: "2" }, "Asia/Tokyo")).toEqual([
        "2026-12-08T10:30:00.000Z",
        "2026-12-15T10:30:00.000Z",
      ]);
    },
  );
});

describe("refusing what cannot be read exactly", () => {
  it.each([
    [{ start: "毎月第2火曜" }, { start: ["rounds.error.startNoTime"] }],
    [{ start: "毎月第5金曜 19時" }, { start: ["rounds.error.startFifthWeekday"] }],
    [{ start: "every fifth Friday 7pm" }, { start: ["rounds.error.startFifthWeekday"] }],
    [{ start: "毎月第2火曜 25:00" }, { start: ["rounds.error.startUnreadable"] }],
    [{ start: "second Tuesday of the month at 7" }, { start: ["rounds.error.startUnreadable"] }],
    [{ start: "last Friday 7pm" }, { start: ["rounds.error.startUnreadable"] }],
    [{ start: "second Tuesday 7pm" }, { start: ["rounds.error.startUnreadable"] }],
    [{ start: "毎週火曜 19時" }, { start: ["rounds.error.startUnreadable"] }],
    [{ start: "12月5日 19:30 と 12月12日" }, { start: ["rounds.error.startUnreadable"] }],
    [{ start: "next Friday 7pm or Saturday" }, { start: ["rounds.error.startUnreadable"] }],
    [{ start: "every second Tuesday 7pm", cadence: "biweekly" }, { start: ["rounds.error.startMonthly"] }],
    [{ start: "毎月第2火曜 19:30", cadence: "weekly" }, { start: ["rounds.error.startMonthly"] }],
    [{ start: "毎月第2火曜 19:30", cadence: "once", sessions: "1" }, { start: ["rounds.error.startMonthly"] }],
    [{ start: "毎月最終金曜 19時", cadence: "monthly_weekday" }, { cadence: ["rounds.error.cadenceWeekdayMismatch"] }],
    [{ start: "12月29日 19:30", cadence: "monthly_weekday" }, { cadence: ["rounds.error.cadenceFifthWeekday"] }],
    [{ start: "12月22日 19:30", cadence: "monthly_last_weekday" }, { cadence: ["rounds.error.cadenceNotLastWeekday"] }],
  ] as const)("given %o, then it is refused with %o", (input, expected) => {
    expect(problems(input)).toEqual(expected);
  });
});

afterEach(() => ICAL.TimezoneService.reset());

describe("the calendar file of a monthly round", () => {
  it.each([
    ["America/New_York", "every second Tuesday at 7:30pm"],
    ["Europe/Berlin", "第3土曜 14時"],
    ["Asia/Tokyo", "毎月最終金曜 19時"],
  ])("given a round in %s from “%s”, then the file read back with ical.js has exactly the stored sessions", (zone, start) => {
    const stored = sessionsOf({ start, sessions: "8" }, zone);
    const ics = roundCalendar({
      round: { title: "Monthly" },
      sessions: stored.map((at, index) => ({ id: `s${index + 1}`, start: new Date(at), end: new Date(Date.parse(at) + 3_600_000) })),
      zone,
      productId: "-//musubi//rounds//EN",
      generatedAt: now,
    });
    const calendar = ICAL.Component.fromString(ics);
    for (const definition of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(definition);
    const expanded = calendar.getAllSubcomponents("vevent").flatMap((component) => {
      const event = new ICAL.Event(component);
      const occurrences: string[] = [];
      const iterator = event.iterator();
      for (let next = iterator.next(); next; next = iterator.next()) occurrences.push(next.toJSDate().toISOString());
      return occurrences;
    });
    expect(expanded).toEqual(stored);
  });
});
