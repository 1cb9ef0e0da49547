// Who was where, per session: the lists organizers read (and download as CSV), and no-shows.

/** A member's place in one session's list, in the order lists show them. */
export const SESSION_LIST_STATUSES = ["seated", "waiting", "notComing", "came", "noShow"] as const;
export type SessionListStatus = (typeof SESSION_LIST_STATUSES)[number];

export interface SessionAnswer {
  attended: boolean | null;
  checkedIn: boolean;
}

/**
 * A no-show: seated for a session that has ended, never cancelled ("not this time" before it),
 * never came, and either said so afterwards ("I couldn't make it") or missed a session where
 * check-in was held. A session without check-in and without an answer counts for nothing: nobody knows.
 */
export function isNoShow(input: { seatedBefore: boolean; ended: boolean; answer?: SessionAnswer; checkInHeld: boolean; cancelled?: boolean }): boolean {
  if (!input.seatedBefore || !input.ended || input.cancelled) return false;
  if (input.answer?.attended === true || input.answer?.checkedIn) return false;
  return input.answer?.attended === false || input.checkInHeld;
}

/** Whether a member joining now waits first under the community's rule (null: the rule is off). */
export const waitsFirst = (noShows: number, limit: number | null): boolean => limit !== null && noShows >= limit;

/** A cell that a spreadsheet would run as a formula (=, +, -, @, and tab or CR that some read as such) is prefixed. */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** RFC 4180 CSV with CRLF lines and a BOM, so spreadsheet applications read Japanese names correctly. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(",")).join("\r\n")}\r\n`;
}
