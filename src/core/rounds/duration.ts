// A session's length as organizers type it: "90", "90 min", "90分", "1h30", "1.5h", "2時間",
// "1時間半", "1時間30分", "1:30". Full-width digits are read as ASCII.

const MINUTES = /^(\d+)(?:m|min|mins|minutes?|分)?$/;
const HOURS = /^(\d+(?:\.\d+)?)(?:h|hr|hrs|hours?|時間)(半|(\d{1,2})(?:m|min|mins|minutes?|分)?)?$/;
const CLOCK = /^(\d+):(\d{2})$/;
const DAYS = /^(\d+)(?:d|days?|日)$/;

/** Whole minutes, or undefined when the text is not a length of time. */
export function parseDurationMinutes(text: string): number | undefined {
  const typed = text.normalize("NFKC").toLowerCase().replace(/\s+/g, "");
  const minutes = MINUTES.exec(typed);
  if (minutes) return Number(minutes[1]);
  const clock = CLOCK.exec(typed);
  if (clock) return Number(clock[1]) * 60 + Number(clock[2]);
  const hours = HOURS.exec(typed);
  if (!hours) return undefined;
  const extra = hours[2] === "半" ? 30 : Number(hours[3] ?? 0);
  return Math.round(Number(hours[1]) * 60) + extra;
}

/** Reminders: at most this many, from 5 minutes to 14 days before a session. */
export const REMINDER_LIMITS = { count: 3, minMinutes: 5, maxMinutes: 14 * 24 * 60 } as const;

/**
 * When to remind participants, as organizers type it: "24h, 1h", "1日前、1時間前", "2 days, 30 min";
 * "none" / "なし" for no reminders. Minutes before the start, longest first; undefined when an
 * item is not a length of time or out of bounds.
 */
export function parseReminderLeads(text: string): number[] | undefined {
  const typed = text.normalize("NFKC").trim().toLowerCase();
  if (typed === "none" || typed === "なし" || typed === "0") return [];
  const leads: number[] = [];
  for (const item of typed.split(/[,、;]+/).map((part) => part.trim()).filter(Boolean)) {
    const bare = item.replace(/\s*(?:前|before)$/, "").replace(/\s+/g, "");
    const days = DAYS.exec(bare);
    const minutes = days ? Number(days[1]) * 24 * 60 : parseDurationMinutes(bare);
    if (minutes === undefined || minutes < REMINDER_LIMITS.minMinutes || minutes > REMINDER_LIMITS.maxMinutes) return undefined;
    leads.push(minutes);
  }
  const distinct = [...new Set(leads)].sort((a, b) => b - a);
  return distinct.length <= REMINDER_LIMITS.count ? distinct : undefined;
}
