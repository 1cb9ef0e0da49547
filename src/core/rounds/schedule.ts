import * as chrono from "chrono-node";
import { DateTime } from "luxon";

// When a round's sessions fall. Organizers type the first session as they would say it, in the
// round's time zone (never the machine's); later sessions keep the same local wall-clock time.

export const ROUND_CADENCES = ["once", "weekly", "biweekly", "monthly"] as const;
export type Cadence = (typeof ROUND_CADENCES)[number];

/** Why a typed start was refused: not a date, a date without a time of day, already passed, or too far ahead. */
export type StartFailure = "unreadable" | "noTime" | "past" | "tooFar";

/**
 * How far ahead a first session may be: a round is planned for the coming years, and every later
 * session and calendar entry stays within dates every library and database handles.
 */
export const MAX_YEARS_AHEAD = 5;
export type StartParse = { ok: true; at: Date } | { ok: false; reason: StartFailure };

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
  const read = readNumeric(typed, zone) ?? readNatural(typed, zone, now);
  if (read === "noTime" || read === "unreadable") return { ok: false, reason: read };
  if (read.toMillis() <= now.getTime()) return { ok: false, reason: "past" };
  if (read > DateTime.fromJSDate(now).plus({ years: MAX_YEARS_AHEAD })) return { ok: false, reason: "tooFar" };
  return { ok: true, at: read.toJSDate() };
}

type Read = DateTime | "noTime" | "unreadable";

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
  if (!result) return "unreadable";
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
 * `zone`, across daylight-saving changes. Monthly sessions keep the first session's day of the
 * month, on the month's last day when it is shorter (Jan 31 → Feb 28 → Mar 31). A "once" round
 * has one session whatever `count` says. Each date is computed from the first, so a session
 * moved by a DST gap does not move the ones after it.
 */
export function sessionStarts(plan: { first: Date; zone: string; cadence: Cadence; count: number }): Date[] {
  const first = DateTime.fromJSDate(plan.first, { zone: plan.zone });
  const firstDay = DateTime.utc(first.year, first.month, first.day);
  const count = plan.cadence === "once" ? 1 : plan.count;
  const starts: Date[] = [];
  for (let index = 0; index < count; index++) {
    const day = firstDay.plus(step(plan.cadence, index));
    const wall = { year: day.year, month: day.month, day: day.day, hour: first.hour, minute: first.minute, second: first.second };
    const at = index === 0 ? first : atWallClock(plan.zone, wall);
    if (!at) throw new Error(`no local time ${day.toISODate()} ${first.toFormat("HH:mm")} in ${plan.zone}`);
    starts.push(at.toJSDate());
  }
  return starts;
}

function step(cadence: Cadence, index: number): { days: number } | { months: number } {
  switch (cadence) {
    case "once":
      return { days: 0 };
    case "weekly":
      return { days: 7 * index };
    case "biweekly":
      return { days: 14 * index };
    case "monthly":
      return { months: index };
  }
}
