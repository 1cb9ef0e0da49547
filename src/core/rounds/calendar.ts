import ICAL from "ical.js";
import { DateTime } from "luxon";
import { tzlib_get_ical_block } from "timezones-ical-library";

// The iCalendar file of a round, for members to add every session to their own calendar.
// Each session is its own event (not a recurrence rule) because sessions are moved, cancelled
// and relabelled one by one; times carry the round's zone so calendars show them correctly
// on both sides of a daylight-saving change.

export interface CalendarRound {
  title: string;
  description?: string;
  link?: string;
  venue?: string;
}

export interface CalendarSession {
  /** Stable across exports, so re-importing updates the event instead of duplicating it. */
  id: string;
  start: Date;
  end: Date;
  /** Chapters, topic or presenter of this session. */
  label?: string;
  /** How many times the session was edited; calendars keep the highest. */
  sequence?: number;
  cancelled?: boolean;
}

export interface RoundCalendarInput {
  round: CalendarRound;
  sessions: readonly CalendarSession[];
  zone: string;
  /** PRODID, e.g. "-//musubi//rounds//EN". */
  productId: string;
  /** DTSTAMP: when this file was produced. */
  generatedAt: Date;
}

/** The .ics text (CRLF line endings) with one VEVENT per session; cancelled ones are STATUS:CANCELLED. */
export function roundCalendar(input: RoundCalendarInput): string {
  const { round, sessions, productId, generatedAt } = input;
  const zone = zoneDefinition(input.zone);
  const calendar = new ICAL.Component(["vcalendar", [], []]);
  calendar.addPropertyWithValue("prodid", productId);
  calendar.addPropertyWithValue("version", "2.0");
  calendar.addPropertyWithValue("calscale", "GREGORIAN");
  calendar.addPropertyWithValue("method", "PUBLISH");
  calendar.addPropertyWithValue("x-wr-calname", round.title);
  if (zone) calendar.addSubcomponent(zone.component);

  for (const session of sessions) {
    const event = new ICAL.Component("vevent");
    event.addPropertyWithValue("uid", `${session.id}@musubi`);
    event.addPropertyWithValue("dtstamp", ICAL.Time.fromJSDate(generatedAt, true));
    addTime(event, "dtstart", session.start, input.zone, zone?.tzid);
    addTime(event, "dtend", session.end, input.zone, zone?.tzid);
    event.addPropertyWithValue("summary", session.label ? `${round.title} — ${session.label}` : round.title);
    const description = [round.description, round.link].filter(Boolean).join("\n\n");
    if (description) event.addPropertyWithValue("description", description);
    const location = round.venue ?? round.link;
    if (location) event.addPropertyWithValue("location", location);
    if (round.link) event.addPropertyWithValue("url", round.link);
    event.addPropertyWithValue("sequence", session.sequence ?? 0);
    event.addPropertyWithValue("status", session.cancelled ? "CANCELLED" : "CONFIRMED");
    calendar.addSubcomponent(event);
  }
  return `${calendar.toString()}\r\n`;
}

/** The zone's VTIMEZONE and the TZID it goes by (the library names aliases canonically: UTC → Etc/UTC). */
function zoneDefinition(zone: string): { component: ICAL.Component; tzid: string } | undefined {
  const block = tzlib_get_ical_block(zone);
  if (!Array.isArray(block) || !block[0] || !block[1]?.startsWith("TZID=")) return undefined;
  return { component: ICAL.Component.fromString(block[0]), tzid: block[1].slice("TZID=".length) };
}

/**
 * Local wall-clock time with TZID. UTC instead when the zone has no VTIMEZONE to refer to, or
 * when the local time happens twice (clocks falling back): readers disagree on which of the two
 * is meant (ical.js takes the second, RFC 5545 the first), while UTC leaves no doubt.
 */
function addTime(event: ICAL.Component, name: string, at: Date, zone: string, tzid: string | undefined): void {
  const local = DateTime.fromJSDate(at, { zone });
  if (!tzid || local.getPossibleOffsets().length > 1) {
    event.addPropertyWithValue(name, ICAL.Time.fromJSDate(at, true));
    return;
  }
  const time = ICAL.Time.fromData({
    year: local.year,
    month: local.month,
    day: local.day,
    hour: local.hour,
    minute: local.minute,
    second: local.second,
    isDate: false,
  });
  event.addPropertyWithValue(name, time).setParameter("tzid", tzid);
}
