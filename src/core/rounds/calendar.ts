import ICAL from "ical.js";
import { DateTime } from "luxon";
import { tzlib_get_ical_block } from "timezones-ical-library";
import { recurrenceRule, sessionStarts, type Cadence } from "./schedule.js";

// The iCalendar file of a round (and the calendar feeds, which hold several rounds), for members
// to add every session to their own calendar. A series whose sessions were planned by its cadence
// is one event with a recurrence rule (RRULE): a cancelled session is an exception (EXDATE), a
// moved or labelled one an override (RECURRENCE-ID of the planned start). A series the rule does
// not describe (a single session, sessions added or planned otherwise, a planned time that a
// daylight-saving change skips or doubles, every session labelled or moved) is every session as
// its own event. Times carry the round's zone (with its VTIMEZONE) so calendars show them correctly on both sides of a change.

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
  /** The start the cadence gave it, kept when it is moved. Without it the series is written session by session. */
  plannedStart?: Date;
}

export interface CalendarSeries {
  round: CalendarRound;
  sessions: readonly CalendarSession[];
  zone: string;
  /** How the sessions were planned; without it every session is its own event. */
  cadence?: Cadence;
  /** Stable id of the series (the round's), for the UID of its recurring event. */
  seriesId?: string;
}

export interface RoundCalendarInput extends CalendarSeries {
  /** PRODID, e.g. "-//musubi//rounds//EN". */
  productId: string;
  /** DTSTAMP: when this file was produced. */
  generatedAt: Date;
}

/** The .ics text (CRLF line endings) of one round. */
export function roundCalendar(input: RoundCalendarInput): string {
  return seriesCalendar({ name: input.round.title, series: [input], productId: input.productId, generatedAt: input.generatedAt });
}

/** The .ics text (CRLF line endings) of several rounds in one calendar, each zone defined once. */
export function seriesCalendar(input: { name: string; series: readonly CalendarSeries[]; productId: string; generatedAt: Date }): string {
  const calendar = new ICAL.Component(["vcalendar", [], []]);
  calendar.addPropertyWithValue("prodid", input.productId);
  calendar.addPropertyWithValue("version", "2.0");
  calendar.addPropertyWithValue("calscale", "GREGORIAN");
  calendar.addPropertyWithValue("method", "PUBLISH");
  calendar.addPropertyWithValue("x-wr-calname", input.name);
  const zones = new Map<string, { component: ICAL.Component; tzid: string } | undefined>();
  for (const series of input.series) {
    if (!zones.has(series.zone)) zones.set(series.zone, zoneDefinition(series.zone));
  }
  for (const zone of new Map([...zones.values()].flatMap((z) => (z ? [[z.tzid, z] as const] : []))).values()) {
    calendar.addSubcomponent(zone.component);
  }
  for (const series of input.series) {
    const tzid = zones.get(series.zone)?.tzid;
    const events = (tzid && recurringEvents(series, tzid, input.generatedAt)) || series.sessions.map((s) => sessionEvent(series, s, tzid, input.generatedAt));
    for (const event of events) calendar.addSubcomponent(event);
  }
  return `${calendar.toString()}\r\n`;
}

const summaryOf = (round: CalendarRound, label?: string) => (label ? `${round.title} — ${label}` : round.title);

/** UID, stamp, summary, text and place: what every event of the round says. */
function baseEvent(round: CalendarRound, uid: string, generatedAt: Date, label?: string): ICAL.Component {
  const event = new ICAL.Component("vevent");
  event.addPropertyWithValue("uid", uid);
  event.addPropertyWithValue("dtstamp", ICAL.Time.fromJSDate(generatedAt, true));
  event.addPropertyWithValue("summary", summaryOf(round, label));
  const description = [round.description, round.link].filter(Boolean).join("\n\n");
  if (description) event.addPropertyWithValue("description", description);
  const location = round.venue ?? round.link;
  if (location) event.addPropertyWithValue("location", location);
  if (round.link) event.addPropertyWithValue("url", round.link);
  return event;
}

function sessionEvent(series: CalendarSeries, session: CalendarSession, tzid: string | undefined, generatedAt: Date): ICAL.Component {
  const event = baseEvent(series.round, `${session.id}@musubi`, generatedAt, session.label);
  addTime(event, "dtstart", session.start, series.zone, tzid);
  addTime(event, "dtend", session.end, series.zone, tzid);
  event.addPropertyWithValue("sequence", session.sequence ?? 0);
  event.addPropertyWithValue("status", session.cancelled ? "CANCELLED" : "CONFIRMED");
  return event;
}

/** The series as one recurring event and its overrides, or nothing when the rule would not say exactly what was planned. */
function recurringEvents(series: CalendarSeries, tzid: string, generatedAt: Date): ICAL.Component[] | undefined {
  const { sessions, cadence, zone } = series;
  const planned = sessions.map((s) => s.plannedStart);
  const first = sessions[0];
  if (!cadence || cadence === "once" || !first || sessions.length < 2 || !series.seriesId) return undefined;
  if (!planned.every((at): at is Date => at !== undefined)) return undefined;
  const expected = sessionStarts({ first: planned[0]!, zone, cadence, count: sessions.length });
  const wall = (at: Date) => DateTime.fromJSDate(at, { zone }).toFormat("HH:mm:ss");
  const fits = expected.length === planned.length
    && expected.every((at, i) => at.getTime() === planned[i]!.getTime())
    && planned.every((at) => wall(at) === wall(planned[0]!) && DateTime.fromJSDate(at, { zone }).getPossibleOffsets().length === 1);
  if (!fits) return undefined;
  // One length for the series: the first session's (sessions of a round share it).
  const length = first.end.getTime() - first.start.getTime();
  if (!sessions.every((s) => s.end.getTime() - s.start.getTime() === length)) return undefined;

  // A rule whose every occurrence is an exception or an override says nothing the sessions do not.
  const plain = sessions.filter((s, i) => !s.cancelled && !s.label && s.start.getTime() === planned[i]!.getTime());
  if (plain.length === 0 && !sessions.every((s) => s.cancelled)) return undefined;

  const uid = `${series.seriesId}@musubi`;
  const sequence = Math.max(0, ...sessions.map((s) => s.sequence ?? 0));
  const allCancelled = sessions.every((s) => s.cancelled);
  const master = baseEvent(series.round, uid, generatedAt);
  addTime(master, "dtstart", planned[0]!, zone, tzid);
  addTime(master, "dtend", new Date(planned[0]!.getTime() + length), zone, tzid);
  master.addPropertyWithValue("rrule", ICAL.Recur.fromString(recurrenceRule({ first: planned[0]!, zone, cadence, count: sessions.length })));
  master.addPropertyWithValue("sequence", sequence);
  master.addPropertyWithValue("status", allCancelled ? "CANCELLED" : "CONFIRMED");
  const events = [master];
  for (const [i, session] of sessions.entries()) {
    const plannedAt = planned[i]!;
    if (session.cancelled && !allCancelled) {
      addTime(master, "exdate", plannedAt, zone, tzid);
      continue;
    }
    if (session.start.getTime() === plannedAt.getTime() && !session.label) continue;
    const override = baseEvent(series.round, uid, generatedAt, session.label);
    addTime(override, "recurrence-id", plannedAt, zone, tzid);
    addTime(override, "dtstart", session.start, zone, tzid);
    addTime(override, "dtend", session.end, zone, tzid);
    override.addPropertyWithValue("sequence", sequence);
    override.addPropertyWithValue("status", session.cancelled ? "CANCELLED" : "CONFIRMED");
    events.push(override);
  }
  return events;
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
