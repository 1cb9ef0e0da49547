import { DateTime } from "luxon";

// When the monthly report goes out: on the first of each month at 10:00 in the community's zone,
// about the month before it.

export interface MonthSlot {
  /** The month reported on, e.g. "2026-11": unique per community, the report's identity. */
  month: string;
  /** When the report is due (the first of the following month, 10:00 local). */
  at: Date;
  /** The month reported on: from its first day 00:00 local to the report's due time. */
  from: Date;
}

export const REPORT_HOUR = 10;

/** The first report due strictly after `after`. */
export function nextReport(zone: string, after: Date): MonthSlot {
  const local = DateTime.fromJSDate(after, { zone });
  let due = local.startOf("month").set({ hour: REPORT_HOUR });
  if (due.toMillis() <= after.getTime()) due = due.plus({ months: 1 });
  const month = due.minus({ months: 1 }).startOf("month");
  return { month: month.toFormat("yyyy-MM"), at: due.toJSDate(), from: month.toJSDate() };
}
