import { DateTime } from "luxon";

// Times proposed to a group in its private space: in the overlap of every member's working hours,
// each in their own zone, on different days of the round, not within the next few hours.

/** How long a proposed meeting lasts (the intro asks for 30 minutes). */
export const MEETING_MINUTES = 30;
/** How many times are proposed. */
export const PROPOSED_TIMES = 3;
/** Nothing is proposed sooner than this after the group is made: members need time to see it. */
export const MIN_LEAD_HOURS = 6;
/** Proposals fall within this many days after the group is made (one weekly round). */
export const PROPOSAL_WINDOW_DAYS = 7;

/** Local working hours: [start, end) in hours, on the ISO weekdays listed. */
interface Hours {
  from: number;
  to: number;
  weekdays: readonly number[];
}

/**
 * Weekdays 9:00–21:00 first (daytime and the evening after work); where the members' zones share
 * no such time, 7:00–23:00 on every day of the week.
 */
const WORKING_HOURS: readonly Hours[] = [
  { from: 9, to: 21, weekdays: [1, 2, 3, 4, 5] },
  { from: 7, to: 23, weekdays: [1, 2, 3, 4, 5, 6, 7] },
];

const STEP_MINUTES = 30;

/** Minutes from `at` (local) to the nearer edge of the hours that hold the whole meeting; negative outside. */
function margin(at: Date, zone: string, hours: Hours): number {
  const local = DateTime.fromJSDate(at, { zone });
  if (!hours.weekdays.includes(local.weekday)) return -1;
  const start = local.hour * 60 + local.minute;
  return Math.min(start - hours.from * 60, hours.to * 60 - (start + MEETING_MINUTES));
}

/**
 * Up to three meeting starts after `from`, on three different days (counted in `dayZone`), each the
 * time of its day that sits furthest inside every member's hours; the days are spread over the
 * window (the first, the middle and the last that have a shared time). None when the zones share
 * no time at all.
 */
export function proposeMeetingTimes(input: { zones: readonly string[]; from: Date; dayZone: string }): Date[] {
  const { zones, dayZone } = input;
  const earliest = DateTime.fromJSDate(input.from).plus({ hours: MIN_LEAD_HOURS });
  const start = earliest.set({ minute: earliest.minute > 30 ? 60 : earliest.minute > 0 ? 30 : 0, second: 0, millisecond: 0 });
  const end = DateTime.fromJSDate(input.from).plus({ days: PROPOSAL_WINDOW_DAYS });
  for (const hours of WORKING_HOURS) {
    const bestOfDay = new Map<string, { at: Date; margin: number }>();
    for (let t = start; t.plus({ minutes: MEETING_MINUTES }) <= end; t = t.plus({ minutes: STEP_MINUTES })) {
      const at = t.toJSDate();
      const worst = Math.min(...zones.map((zone) => margin(at, zone, hours)));
      if (worst < 0) continue;
      const day = DateTime.fromJSDate(at, { zone: dayZone }).toISODate()!;
      const best = bestOfDay.get(day);
      if (!best || worst > best.margin) bestOfDay.set(day, { at, margin: worst });
    }
    const days = [...bestOfDay.values()];
    if (days.length === 0) continue;
    if (days.length <= PROPOSED_TIMES) return days.map((d) => d.at);
    const last = days.length - 1;
    const picks = [0, Math.round(last / 2), last];
    return picks.map((i) => days[i]!.at);
  }
  return [];
}
