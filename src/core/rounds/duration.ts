// A session's length as organizers type it: "90", "90 min", "90分", "1h30", "1.5h", "2時間",
// "1時間半", "1時間30分", "1:30". Full-width digits are read as ASCII.

const MINUTES = /^(\d+)(?:m|min|mins|minutes?|分)?$/;
const HOURS = /^(\d+(?:\.\d+)?)(?:h|hr|hrs|hours?|時間)(半|(\d{1,2})(?:m|min|mins|minutes?|分)?)?$/;
const CLOCK = /^(\d+):(\d{2})$/;

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
