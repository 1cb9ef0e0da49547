import { DateTime } from "luxon";

// When pairing rounds fall. A round is at `hour`:00 on `weekday` in the community's time zone,
// every `cadenceWeeks` weeks counted from a fixed Monday, so every process and every restart
// agrees on the same dates; luxon keeps the local hour across daylight-saving changes.

export const PAIRING_CADENCES = [1, 2, 4] as const;

export interface PairingRhythm {
  timeZone: string;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  hour: number;
  cadenceWeeks: number;
}

export interface PairingSlot {
  /** The round's local date, e.g. "2026-11-30": unique per community, the round's identity. */
  period: string;
  at: Date;
}

const EPOCH_MONDAY = DateTime.fromISO("2024-01-01", { zone: "UTC" });

function weekIndex(localDate: DateTime): number {
  const day = DateTime.fromISO(localDate.toISODate()!, { zone: "UTC" });
  return Math.floor(day.diff(EPOCH_MONDAY, "days").days / 7);
}

/** The first round strictly after `after`. */
export function nextPairingRound(rhythm: PairingRhythm, after: Date): PairingSlot {
  const start = DateTime.fromJSDate(after, { zone: rhythm.timeZone });
  let day = start.startOf("day");
  // At most one cadence of weeks plus a week ahead.
  for (let i = 0; i <= 7 * rhythm.cadenceWeeks + 7; i++, day = day.plus({ days: 1 })) {
    if (day.weekday !== rhythm.weekday || weekIndex(day) % rhythm.cadenceWeeks !== 0) continue;
    const at = day.set({ hour: rhythm.hour, minute: 0, second: 0, millisecond: 0 });
    if (at.toMillis() > after.getTime()) return { period: day.toISODate()!, at: at.toJSDate() };
  }
  throw new Error("no round slot found: the rhythm is invalid");
}

/** A time shown in a zone, for plain-text platforms (the console): "2026-11-30 09:00 (Asia/Tokyo)". */
export function formatLocal(at: Date, timeZone: string): string {
  return `${DateTime.fromJSDate(at, { zone: timeZone }).toFormat("yyyy-LL-dd HH:mm")} (${timeZone})`;
}
