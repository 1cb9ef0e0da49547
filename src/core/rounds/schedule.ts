import * as chrono from "chrono-node";
import { DateTime } from "luxon";
import rrulePackage from "rrule";

// When a round's sessions fall. Organizers type the first session as they would say it, in the
// round's time zone (never the machine's); later sessions keep the same local wall-clock time.

// rrule ships CommonJS without named ESM exports.
const { RRule, Weekday } = rrulePackage;

/**
 * How often a round meets. "monthly" keeps the first session's day of the month; "monthly_weekday"
 * its weekday and week of the month (the 2nd Tuesday), "monthly_last_weekday" the month's last
 * such weekday (the last Friday); both take them from the first session.
 */
export const ROUND_CADENCES = ["once", "weekly", "biweekly", "monthly", "monthly_weekday", "monthly_last_weekday"] as const;
export type Cadence = (typeof ROUND_CADENCES)[number];

/**
 * Why a typed start was refused: not a date (or not all of it), a date without a time of day,
 * already passed, too far ahead, or a fifth weekday of the month (not every month has one).
 */
export type StartFailure = "unreadable" | "noTime" | "past" | "tooFar" | "fifthWeekday";

/**
 * How far ahead a first session may be: a round is planned for the coming years, and every later
 * session and calendar entry stays within dates every library and database handles.
 */
export const MAX_YEARS_AHEAD = 5;
/**
 * A start that names a weekday of the month ("毎月第2火曜 19:30", "last Friday of the month 7pm")
 * says which monthly cadence it means; `repeats` when it says so outright (毎月, every, of the month),
 * which no weekly or one-off round can honour.
 */
export interface MonthlyPattern {
  cadence: "monthly_weekday" | "monthly_last_weekday";
  repeats: boolean;
}
export type StartParse = { ok: true; at: Date; monthly?: MonthlyPattern } | { ok: false; reason: StartFailure };

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second?: number;
}

/**
 * The instant of a local wall-clock time in `zone`, following RFC 5545 (3.3.5) so that the
 * calendar file and the bot agree: a time skipped when clocks spring forward moves forward by
 * the gap (02:30 → 03:30), and a time that happens twice when clocks fall back is the first one.
 */
export function atWallClock(zone: string, wall: WallClock): DateTime | undefined {
  const local = DateTime.fromObject({ ...wall, second: wall.second ?? 0, millisecond: 0 }, { zone });
  if (!local.isValid) return undefined;
  const occurrences = local.getPossibleOffsets();
  return occurrences.reduce((first, other) => (other.toMillis() < first.toMillis() ? other : first), local);
}

const NUMERIC_DATE_TIME =
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:(?:\s+|T)(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const EXPLICIT_OFFSET = /(?:Z|[+-]\d{2}:?\d{2})$/i;
const JAPANESE_SCRIPT = /[\u3040-\u30ff\u3400-\u9fff]/;
// chrono's Japanese parser reads "来週金曜" as the coming Friday; 来週 means the Friday of next week.
const JAPANESE_WEEK_DAY = /(再来週|来週|今週)\s*の?\s*([月火水木金土日])(?:曜日?)?/;
const JAPANESE_WEEKDAYS = "月火水木金土日";
const WEEKS_AHEAD: Record<string, number> = { 今週: 0, 来週: 1, 再来週: 2 };

/**
 * Reads the first session's start as typed in Japanese or English: "2026-12-05 19:30",
 * "2026/12/05 19:30", ISO 8601 (an explicit offset wins over `zone`), "12月5日 19:30",
 * "来週金曜 19時", "next Friday 7pm", "Dec 5 7:30pm". A date without a time of day is refused
 * as "noTime" rather than guessed. Dates without a year are the next such date after `now`.
 */
export function parseSessionStart(text: string, options: { zone: string; now: Date }): StartParse {
  const { zone, now } = options;
  const typed = text.normalize("NFKC").trim();
  if (!typed) return { ok: false, reason: "unreadable" };
  const monthly = readMonthlyWeekday(typed, zone, now);
  if (monthly) {
    if (typeof monthly === "string") return { ok: false, reason: monthly };
    return inRange(monthly.at, now) ?? { ok: true, at: monthly.at.toJSDate(), monthly: monthly.pattern };
  }
  const read = readNumeric(typed, zone) ?? readNatural(typed, zone, now);
  if (read === "noTime" || read === "unreadable") return { ok: false, reason: read };
  return inRange(read, now) ?? { ok: true, at: read.toJSDate() };
}

function inRange(at: DateTime, now: Date): StartParse | undefined {
  if (at.toMillis() <= now.getTime()) return { ok: false, reason: "past" };
  if (at > DateTime.fromJSDate(now).plus({ years: MAX_YEARS_AHEAD })) return { ok: false, reason: "tooFar" };
  return undefined;
}

type Read = DateTime | "noTime" | "unreadable";

const WEEKDAY_NAMES: Record<string, number> = {
  月: 1, 火: 2, 水: 3, 木: 4, 金: 5, 土: 6, 日: 7,
  monday: 1, mon: 1, tuesday: 2, tue: 2, tues: 2, wednesday: 3, wed: 3, thursday: 4, thu: 4, thur: 4, thurs: 4,
  friday: 5, fri: 5, saturday: 6, sat: 6, sunday: 7, sun: 7,
};
const ORDINALS: Record<string, number> = {
  "1": 1, 一: 1, first: 1, "1st": 1, "2": 2, 二: 2, second: 2, "2nd": 2, "3": 3, 三: 3, third: 3, "3rd": 3,
  "4": 4, 四: 4, fourth: 4, "4th": 4, "5": 5, 五: 5, fifth: 5, "5th": 5, 最終: -1, 最後: -1, 最後の: -1, last: -1,
};
const JAPANESE_MONTHLY = /^(毎月)?\s*(?:第\s*([1-5一二三四五])|(最終|最後の?))\s*([月火水木金土日])(?:曜日?)?\s*(?:の\s*)?(.*)$/;
const ENGLISH_MONTHLY =
  /^(every\s+)?(?:the\s+)?(first|1st|second|2nd|third|3rd|fourth|4th|fifth|5th|last)\s+(mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:r|rs|rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)s?\b(\s+of\s+(?:the|each|every)\s+month)?\s*(?:,|at|@)?\s*(.*)$/i;
const JAPANESE_TIME = /^(午前|午後)?\s*(\d{1,2})\s*時\s*(?:(半)|(\d{1,2})\s*分)?$/;
const CLOCK_TIME = /^(\d{1,2})(?::(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?$/i;

/**
 * "毎月第2火曜 19:30", "第3土曜 14時", "毎月最終金曜 19時", "second Tuesday of the month 7:30pm",
 * "every last Friday 7pm": the next such day at that time. `undefined` when the text names no weekday
 * of the month. "every second Tuesday" is read as the second Tuesday of each month, since the
 * round's own cadence field says how often it repeats (README, "Dates").
 */
function readMonthlyWeekday(typed: string, zone: string, now: Date):
  { at: DateTime; pattern: MonthlyPattern } | StartFailure | undefined {
  const japanese = JAPANESE_MONTHLY.exec(typed);
  const english = japanese ? undefined : ENGLISH_MONTHLY.exec(typed);
  if (!japanese && !english) return undefined;
  // In English "last Friday" alone is the one just gone and "second Tuesday" may count from today:
  // only "every …" or "… of the month" names a weekday of the month.
  if (english && !english[1] && !english[4]) return "unreadable";
  const [ordinal, weekdayName, timeText, repeats] = japanese
    ? [japanese[2] ?? japanese[3] ?? "", japanese[4] ?? "", japanese[5] ?? "", Boolean(japanese[1])]
    : [english?.[2] ?? "", english?.[3] ?? "", english?.[5] ?? "", Boolean(english?.[1])];
  const nth = ORDINALS[ordinal.toLowerCase()];
  const weekday = WEEKDAY_NAMES[weekdayName.toLowerCase()];
  if (nth === undefined || weekday === undefined) return "unreadable";
  if (nth === 5) return "fifthWeekday";
  const time = readTimeOfDay(timeText.trim());
  if (time === "noTime" || time === "unreadable") return time;
  const cadence = nth === -1 ? "monthly_last_weekday" : "monthly_weekday";
  const reference = DateTime.fromJSDate(now, { zone });
  // Month by month from this one; a day whose time has passed (or is skipped by DST) gives the next month's.
  const days = new RRule({
    freq: RRule.MONTHLY,
    byweekday: new Weekday(weekday - 1, nth),
    dtstart: floating({ year: reference.year, month: reference.month, day: 1, ...time }),
    count: 3,
  }).all();
  for (const day of days) {
    const at = atWallClock(zone, wallOf(day));
    if (at && at.toMillis() > now.getTime()) return { at, pattern: { cadence, repeats } };
  }
  return "unreadable";
}

/** "19:30", "7pm", "7:30 p.m.", "19時", "19時半", "午後7時30分". */
function readTimeOfDay(typed: string): { hour: number; minute: number } | "noTime" | "unreadable" {
  const text = typed.replace(/\s*(?:から|より|~|〜)$/, "");
  if (!text) return "noTime";
  const japanese = JAPANESE_TIME.exec(text);
  const clock = japanese ? undefined : CLOCK_TIME.exec(text);
  if (!japanese && !clock) return "unreadable";
  const hour = Number(japanese ? japanese[2] : clock?.[1]);
  const minute = japanese ? (japanese[3] ? 30 : Number(japanese[4] ?? 0)) : Number(clock?.[2] ?? 0);
  const half = (japanese?.[1] ?? clock?.[3] ?? "").toLowerCase().replace(/\./g, "");
  if (!japanese && !clock?.[2] && !half) return "unreadable";
  if (half && (hour < 1 || hour > 12)) return "unreadable";
  const hour24 = half === "pm" || half === "午後" ? (hour % 12) + 12 : half === "am" || half === "午前" ? hour % 12 : hour;
  if (hour24 > 23 || minute > 59) return "unreadable";
  return { hour: hour24, minute };
}

/** A local wall-clock time as a Date whose UTC fields hold it: how rrule is used without its own zone handling. */
function floating(wall: WallClock): Date {
  return new Date(Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second ?? 0));
}

function wallOf(floatingDate: Date): WallClock {
  return {
    year: floatingDate.getUTCFullYear(), month: floatingDate.getUTCMonth() + 1, day: floatingDate.getUTCDate(),
    hour: floatingDate.getUTCHours(), minute: floatingDate.getUTCMinutes(), second: floatingDate.getUTCSeconds(),
  };
}

function readNumeric(typed: string, zone: string): Read | undefined {
  const match = NUMERIC_DATE_TIME.exec(typed);
  if (match) {
    const [, year, month, day, hour, minute, second] = match;
    if (hour === undefined) return "noTime";
    const wall = { year: Number(year), month: Number(month), day: Number(day), hour: Number(hour), minute: Number(minute), second: Number(second ?? 0) };
    return atWallClock(zone, wall) ?? "unreadable";
  }
  if (EXPLICIT_OFFSET.test(typed)) {
    const withOffset = DateTime.fromISO(typed, { setZone: true });
    if (withOffset.isValid) return withOffset;
  }
  return undefined;
}

function readNatural(typed: string, zone: string, now: Date): Read {
  const reference = DateTime.fromJSDate(now, { zone });
  const japanese = JAPANESE_SCRIPT.test(typed);
  const input = japanese ? resolveJapaneseWeek(typed, reference) : typed;
  const parser = japanese ? chrono.ja : chrono.en;
  const [result] = parser.parse(input, { instant: now, timezone: reference.offset }, { forwardDate: true });
  if (!result || !readsWhole(input, result)) return "unreadable";
  const start = result.start;
  if (!start.isCertain("hour")) return "noTime";
  // "7pm JST": the typed zone is meant, not the round's.
  if (start.isCertain("timezoneOffset")) return DateTime.fromJSDate(start.date(), { zone });
  const wall = {
    year: start.get("year") ?? reference.year,
    month: start.get("month") ?? reference.month,
    day: start.get("day") ?? reference.day,
    hour: start.get("hour") ?? 0,
    minute: start.get("minute") ?? 0,
  };
  return atWallClock(zone, wall) ?? "unreadable";
}

// Words around a date that add nothing to it ("on Friday at 7pm", "19時から").
const FILLER = /^(?:[\s,.、。]|at\b|on\b|from\b|starting\b|から|より|に|開始)*$/i;

/** chrono reads the date it finds and ignores the rest; a start is taken only when nothing else was written. */
function readsWhole(input: string, result: chrono.ParsedResult): boolean {
  const rest = input.slice(0, result.index) + " " + input.slice(result.index + result.text.length);
  return FILLER.test(rest);
}

/** "来週金曜 19時" → "2026年11月27日 19時", weeks starting on Monday as Japanese calendars count them. */
function resolveJapaneseWeek(typed: string, reference: DateTime): string {
  return typed.replace(JAPANESE_WEEK_DAY, (_whole, week: string, weekday: string) => {
    const day = reference
      .startOf("week")
      .plus({ weeks: WEEKS_AHEAD[week] ?? 0, days: JAPANESE_WEEKDAYS.indexOf(weekday) });
    return `${day.year}年${day.month}月${day.day}日 `;
  });
}

/**
 * The starts of a round's sessions. Each keeps the first session's local wall-clock time in
 * `zone`, across daylight-saving changes (a time skipped by the change moves forward by the gap,
 * for that session only). Monthly sessions keep the first session's day of the month, on the
 * month's last day when it is shorter (Jan 31 → Feb 28 → Mar 31); "monthly_weekday" its weekday
 * and week (2nd Tuesday), "monthly_last_weekday" the month's last such weekday. A "once" round has
 * one session whatever `count` says. The dates come from rrule (RFC 5545), as calendars compute them.
 */
export function sessionStarts(plan: { first: Date; zone: string; cadence: Cadence; count: number }): Date[] {
  const first = DateTime.fromJSDate(plan.first, { zone: plan.zone });
  const count = plan.cadence === "once" ? 1 : plan.count;
  const days = new RRule({ ...recurrence(plan.cadence, first), count, dtstart: floating(first) }).all();
  return days.map((day, index) => {
    const at = index === 0 ? first : atWallClock(plan.zone, wallOf(day));
    if (!at) throw new Error(`no local time ${day.toISOString()} in ${plan.zone}`);
    return at.toJSDate();
  });
}

/** The RRULE value (RFC 5545) that `sessionStarts` expands, for calendars: "FREQ=MONTHLY;BYDAY=+2TU;COUNT=6". */
export function recurrenceRule(plan: { first: Date; zone: string; cadence: Cadence; count: number }): string {
  const first = DateTime.fromJSDate(plan.first, { zone: plan.zone });
  const count = plan.cadence === "once" ? 1 : plan.count;
  return RRule.optionsToString({ ...recurrence(plan.cadence, first), count }).replace(/^RRULE:/, "");
}

function recurrence(cadence: Cadence, first: DateTime): Partial<rrulePackage.Options> {
  const weekday = first.weekday - 1;
  switch (cadence) {
    case "once":
    case "weekly":
      return { freq: RRule.WEEKLY };
    case "biweekly":
      return { freq: RRule.WEEKLY, interval: 2 };
    case "monthly":
      // The 31st is "the last of the 28th to 31st that the month has" (RFC 5545 BYSETPOS), and so on.
      return first.day > 28
        ? { freq: RRule.MONTHLY, bymonthday: range(28, first.day), bysetpos: -1 }
        : { freq: RRule.MONTHLY, bymonthday: first.day };
    case "monthly_weekday":
      return { freq: RRule.MONTHLY, byweekday: new Weekday(weekday, weekOfMonth(first)) };
    case "monthly_last_weekday":
      return { freq: RRule.MONTHLY, byweekday: new Weekday(weekday, -1) };
  }
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** Which weekday of its month a moment is in `zone`: the 2nd Tuesday is { week: 2, weekday: 2 } (ISO, Monday 1). */
export function weekdayOfMonth(at: Date, zone: string): { week: number; weekday: number } {
  const local = DateTime.fromJSDate(at, { zone });
  return { week: weekOfMonth(local), weekday: local.weekday };
}

/** 1 for the month's first such weekday, … 5 for a fifth. */
export function weekOfMonth(day: DateTime): number {
  return Math.ceil(day.day / 7);
}

/** Whether no later day of the month falls on the same weekday. */
export function isLastWeekdayOfMonth(day: DateTime): boolean {
  return day.day + 7 > day.daysInMonth!;
}
