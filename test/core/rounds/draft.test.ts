import { describe, expect, it } from "vitest";
import { parseDurationMinutes, roundFormSchema, type RoundForm } from "../../../src/core/rounds/index.js";
import { translate } from "../../../src/i18n/index.js";
import { roundsMessages } from "../../../src/i18n/rounds.js";

type RoundsErrorKey = Extract<keyof typeof roundsMessages, `rounds.error.${string}`>;

const now = new Date("2026-11-18T03:00:00Z");
const schema = roundFormSchema({ now, defaultZone: "Asia/Tokyo" });

const form: RoundForm = {
  kind: "reading",
  title: "『リーダブルコード』を読む会",
  topic: "リーダブルコード",
  start: "12月5日 19:30",
  cadence: "weekly",
  sessions: "4",
  duration: "1時間半",
  capacity: "10",
  link: "https://meet.example.com/abc",
  chapters: "第1章〜第12章",
};

/** Each field's issue messages, as the form would show them. */
function problems(input: Record<string, unknown>): Record<string, string[]> {
  const result = schema.safeParse(input);
  if (result.success) return {};
  const byField: Record<string, string[]> = {};
  for (const issue of result.error.issues) (byField[String(issue.path[0])] ??= []).push(issue.message);
  return byField;
}

describe("the round-creation form", () => {
  it("given a complete Japanese form, then the draft has the start in the community's zone and the chapters split", () => {
    expect(schema.parse(form)).toEqual({
      kind: "reading",
      title: "『リーダブルコード』を読む会",
      topic: "リーダブルコード",
      description: "",
      firstStart: new Date("2026-12-05T10:30:00Z"),
      zone: "Asia/Tokyo",
      cadence: "weekly",
      sessions: 4,
      durationMinutes: 90,
      capacity: 10,
      link: "https://meet.example.com/abc",
      facilitation: "organizer",
      agenda: ["第1〜3章", "第4〜6章", "第7〜9章", "第10〜12章"],
      reminderMinutes: [1440, 60],
    });
  });

  it.each([
    ["1日前、30分前", [1440, 30]],
    ["2 days, 1h", [2880, 60]],
    ["1h, 24h", [1440, 60]],
    ["なし", []],
  ])("given reminders typed as %s, then participants are reminded that many minutes before", (reminders, minutes) => {
    expect(schema.parse({ ...form, reminders }).reminderMinutes).toEqual(minutes);
  });

  it.each(["3 weeks", "1分前", "1d, 2d, 3d, 4d", "soon"])("given reminders typed as %s, then the form says how to write them", (reminders) => {
    const result = schema.safeParse({ ...form, reminders });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["reminders", "rounds.error.reminders"]]);
  });

  it("given a zone of its own, then the start is read in that zone", () => {
    const draft = schema.parse({ ...form, zone: "America/New_York", start: "next Friday 7pm" });
    expect(draft.firstStart).toEqual(new Date("2026-11-28T00:00:00Z"));
  });

  it("given a study session with a venue and topics per line, then each session gets its topic", () => {
    const draft = schema.parse({
      ...form,
      kind: "study",
      link: "",
      venue: "渋谷オフィス 5F",
      sessions: 2,
      capacity: 30,
      facilitation: "rotating",
      chapters: "型の基礎 (佐藤)\nジェネリクス (田中)",
    });
    expect(draft).toMatchObject({ venue: "渋谷オフィス 5F", capacity: 30, facilitation: "rotating", agenda: ["型の基礎 (佐藤)", "ジェネリクス (田中)"] });
    expect(draft).not.toHaveProperty("link");
  });

  it("given blank sessions and duration, then a single one-hour session", () => {
    expect(schema.parse({ ...form, sessions: "", duration: "", chapters: "" })).toMatchObject({ sessions: 1, durationMinutes: 60, agenda: [""] });
  });

  it.each([
    ["200", "rounds.error.sessions"],
    ["0", "rounds.error.sessions"],
    ["4.5", "rounds.error.sessions"],
    ["many", "rounds.error.sessions"],
  ])("given %s sessions, then the form says sessions are 1 to 52", (sessions, key) => {
    expect(problems({ ...form, sessions, chapters: "" })).toEqual({ sessions: [key] });
  });

  it.each(["0", "501", "-3", "ten"])("given a capacity of %s, then the form says 1 to 500", (capacity) => {
    expect(problems({ ...form, capacity })).toEqual({ capacity: ["rounds.error.capacity"] });
  });

  it.each([
    ["12月5日", "rounds.error.startNoTime"],
    ["2026-11-01 19:00", "rounds.error.startPast"],
    ["そのうち", "rounds.error.startUnreadable"],
    ["", "rounds.error.startUnreadable"],
  ])("given the start “%s”, then the start is refused with %s", (start, key) => {
    expect(problems({ ...form, start })).toEqual({ start: [key] });
  });

  it.each([
    ["10", "rounds.error.durationRange"],
    ["9時間", "rounds.error.durationRange"],
    ["長め", "rounds.error.duration"],
  ])("given a duration of “%s”, then it is refused with %s", (duration, key) => {
    expect(problems({ ...form, duration })).toEqual({ duration: [key] });
  });

  it.each(["javascript:alert(1)", "ftp://files.example.com/x", "meet.example.com"])("given the link %s, then only web links are accepted", (link) => {
    expect(problems({ ...form, link })).toEqual({ link: ["rounds.error.link"] });
  });

  it("given neither a link nor a venue, then the form asks for a place", () => {
    expect(problems({ ...form, link: "", venue: "  " })).toEqual({ link: ["rounds.error.placeRequired"] });
  });

  it("given an unknown time zone, then the zone is refused and the start is not judged", () => {
    expect(problems({ ...form, zone: "Mars/Olympus" })).toEqual({ zone: ["rounds.error.zone"] });
  });

  it("given a round held once with three sessions, then the sessions are refused", () => {
    expect(problems({ ...form, cadence: "once", sessions: "3", chapters: "" })).toEqual({ sessions: ["rounds.error.onceSingleSession"] });
  });

  it("given more chapters listed than sessions, then the chapters are refused", () => {
    expect(problems({ ...form, chapters: "1, 2, 3, 4, 5" })).toEqual({ chapters: ["rounds.error.tooManyChapters"] });
  });

  it("given several mistakes, then each is reported at once", () => {
    expect(problems({ ...form, title: "x".repeat(101), capacity: "0", start: "2026-01-01 10:00", kind: "party" })).toEqual({
      title: ["rounds.error.title"],
      capacity: ["rounds.error.capacity"],
      start: ["rounds.error.startPast"],
      kind: ["rounds.error.kind"],
    });
  });

  it("given any refusal, then its message is a key with text in both languages", () => {
    const result = schema.safeParse({ ...form, sessions: "200", start: "Dec 5", link: "ftp://x", duration: "5分", capacity: "0" });
    expect(result.success).toBe(false);
    for (const issue of result.success ? [] : result.error.issues) {
      expect(Object.keys(roundsMessages)).toContain(issue.message);
      expect(Object.keys(roundsMessages[issue.message as RoundsErrorKey]).sort()).toEqual(["en", "ja"]);
    }
  });

  it("given 200 sessions, capacity 0 and a past date, then the rendered messages say what to fix", () => {
    const result = schema.safeParse({ ...form, sessions: "200", capacity: "0", start: "2026-11-01 19:00", chapters: "" }, { reportInput: true });
    const rendered = (locale: "ja" | "en") =>
      (result.error?.issues ?? []).map((issue) =>
        translate(locale, issue.message as RoundsErrorKey, { field: String(issue.path[0]), value: String(issue.input ?? "") }),
      );
    expect(rendered("en")).toEqual([
      "sessions: enter a whole number of sessions from 1 to 52.",
      "capacity: enter a whole number of seats from 1 to 500.",
      "start: “2026-11-01 19:00” has already passed. Choose a date and time in the future.",
    ]);
    expect(rendered("ja")).toEqual([
      "sessions: 1〜52の整数で入力してください。",
      "capacity: 1〜500の整数で入力してください。",
      "start: 「2026-11-01 19:00」はすでに過ぎています。これから先の日時を入力してください。",
    ]);
  });
});

describe("reading a session's length", () => {
  it.each([
    ["90", 90],
    ["90分", 90],
    ["90 min", 90],
    ["1h30", 90],
    ["1h 30m", 90],
    ["1.5h", 90],
    ["1時間半", 90],
    ["1時間30分", 90],
    ["１時間半", 90],
    ["2時間", 120],
    ["2 hours", 120],
    ["1:30", 90],
  ])("given “%s”, then it is %i minutes", (text, minutes) => {
    expect(parseDurationMinutes(text)).toBe(minutes);
  });

  it.each(["", "abc", "1h30x", "時間"])("given “%s”, then it is not a length", (text) => {
    expect(parseDurationMinutes(text)).toBeUndefined();
  });
});
