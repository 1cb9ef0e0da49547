import { z } from "zod";
import { linksIn } from "../links.js";
import { memberText } from "../text.js";
import { isValidTimeZone } from "../time.js";
import { splitChapters, splitTopics, type AgendaFailure } from "./agenda.js";
import { parseDurationMinutes, parseReminderLeads } from "./duration.js";
import { FACILITATION_MODES, type FacilitationMode } from "./facilitators.js";
import { DEFAULT_REMINDER_LEADS } from "./reminders.js";
import { DateTime } from "luxon";
import {
  ROUND_CADENCES,
  isLastWeekdayOfMonth,
  parseSessionStart,
  weekOfMonth,
  type Cadence,
  type StartFailure,
  type StartParse,
} from "./schedule.js";

// The round-creation form as organizers fill it in: every field arrives as text (a number
// option may arrive as a number). Each issue's message is a key of src/i18n/rounds.ts.

export const ROUND_KINDS = ["reading", "study"] as const;
export type RoundKind = (typeof ROUND_KINDS)[number];

export const ROUND_LIMITS = {
  title: 100,
  topic: 200,
  description: 1000,
  startText: 100,
  venue: 200,
  chapters: 2000,
  sessions: 52,
  minDurationMinutes: 15,
  maxDurationMinutes: 480,
  capacity: 500,
} as const;

/** A blank duration means a one-hour session; a blank number of sessions means one. */
export const ROUND_DEFAULTS = { durationMinutes: 60, sessions: 1 } as const;

/** A message of the rounds catalogue (src/i18n/rounds.ts) that says what to fix; core only names it. */
export type RoundsMessageKey = `rounds.error.${string}`;

export const START_FAILURE_MESSAGES = {
  unreadable: "rounds.error.startUnreadable",
  noTime: "rounds.error.startNoTime",
  past: "rounds.error.startPast",
  tooFar: "rounds.error.startTooFar",
  fifthWeekday: "rounds.error.startFifthWeekday",
} as const satisfies Record<StartFailure, RoundsMessageKey>;

export const AGENDA_FAILURE_MESSAGES = {
  tooManyItems: "rounds.error.tooManyChapters",
  badRange: "rounds.error.chapterRange",
} as const satisfies Record<AgendaFailure, RoundsMessageKey>;

export interface RoundDraft {
  kind: RoundKind;
  title: string;
  /** The book of a reading club or the subject of a study session; may be empty. */
  topic: string;
  description: string;
  firstStart: Date;
  zone: string;
  cadence: Cadence;
  sessions: number;
  durationMinutes: number;
  capacity: number;
  link?: string;
  venue?: string;
  facilitation: FacilitationMode;
  /** One label per session (chapters or topic), "" where none was given. */
  agenda: string[];
  /** Minutes before each session at which participants are reminded, longest first. */
  reminderMinutes: number[];
}

export interface RoundFormContext {
  now: Date;
  /** The community's time zone, used when the form leaves the zone blank. */
  defaultZone: string;
}

const error = (key: RoundsMessageKey) => ({ error: key });

const optionalText = (max: number, key: RoundsMessageKey, options: { paragraphs?: boolean } = {}) =>
  memberText(options).max(max, error(key)).default("");

const presentOrUndefined = (text: string) => text || undefined;

/**
 * A whole number from a form: a number option, or text such as "6", "６", "6回", "20人".
 * Out-of-range values get the field's own message (a custom issue), which names the range.
 */
function wholeNumberField(min: number, max: number, key: RoundsMessageKey, fallback?: number) {
  return z.union([z.number(), z.string()], error(key)).optional().transform((value, ctx) => {
    const typed = typeof value === "number" ? String(value) : (value ?? "").normalize("NFKC").trim();
    if (!typed && fallback !== undefined) return fallback;
    const number = /^\d+(?:\s*(?:回|人|名|席))?$/.test(typed) ? Number.parseInt(typed, 10) : Number.NaN;
    if (number >= min && number <= max) return number;
    ctx.addIssue({ code: "custom", message: key, input: value });
    return z.NEVER;
  });
}

const durationField = z.union([z.number(), z.string()], error("rounds.error.duration")).optional().transform((value, ctx) => {
  const typed = typeof value === "number" ? String(value) : (value ?? "").trim();
  if (!typed) return ROUND_DEFAULTS.durationMinutes;
  const minutes = parseDurationMinutes(typed);
  if (minutes !== undefined && minutes >= ROUND_LIMITS.minDurationMinutes && minutes <= ROUND_LIMITS.maxDurationMinutes) return minutes;
  ctx.addIssue({ code: "custom", message: minutes === undefined ? "rounds.error.duration" : "rounds.error.durationRange", input: value });
  return z.NEVER;
});

/** Blank means the default reminders: a day and an hour before each session. */
const remindersField = memberText().optional().transform((value, ctx) => {
  const typed = (value ?? "").trim();
  if (!typed) return [...DEFAULT_REMINDER_LEADS.participantLeadMinutes];
  const leads = parseReminderLeads(typed);
  if (leads) return leads;
  ctx.addIssue({ code: "custom", message: "rounds.error.reminders", input: value });
  return z.NEVER;
});

const linkField = memberText()
  .default("")
  .transform(presentOrUndefined)
  .pipe(z.url({ protocol: /^https?$/, ...error("rounds.error.link") }).optional());

/** Runs a whole-form check only when the fields it reads are valid, so each field shows its own problem first. */
function whenValid(...fields: string[]) {
  return {
    when: (payload: z.core.ParsePayload) =>
      !payload.issues.some((issue) => !issue.path?.length || fields.includes(String(issue.path[0]))),
  };
}

function agendaOf(form: { kind: RoundKind; chapters: string }, sessions: number) {
  return form.kind === "reading" ? splitChapters(form.chapters, sessions) : splitTopics(form.chapters, sessions);
}

/** Each field of the round-creation form on its own (a page of a form is checked with these). */
export function roundFormFields(context: Pick<RoundFormContext, "defaultZone">) {
  return z.object({
    kind: z.enum(ROUND_KINDS, error("rounds.error.kind")),
    title: memberText().min(1, error("rounds.error.title")).max(ROUND_LIMITS.title, error("rounds.error.title"))
      .refine((title) => linksIn(title).length === 0, { error: "error.linkNotAllowed" }),
    topic: optionalText(ROUND_LIMITS.topic, "rounds.error.topic"),
    description: optionalText(ROUND_LIMITS.description, "rounds.error.description", { paragraphs: true }),
    start: memberText()
      .min(1, error("rounds.error.startUnreadable"))
      .max(ROUND_LIMITS.startText, error("rounds.error.startUnreadable")),
    zone: memberText()
      .default("")
      .transform((zone) => zone || context.defaultZone)
      .refine(isValidTimeZone, error("rounds.error.zone")),
    cadence: z.enum(ROUND_CADENCES, error("rounds.error.cadence")),
    sessions: wholeNumberField(1, ROUND_LIMITS.sessions, "rounds.error.sessions", ROUND_DEFAULTS.sessions),
    duration: durationField,
    reminders: remindersField,
    capacity: wholeNumberField(1, ROUND_LIMITS.capacity, "rounds.error.capacity"),
    link: linkField,
    venue: optionalText(ROUND_LIMITS.venue, "rounds.error.venue").transform(presentOrUndefined),
    facilitation: z.enum(FACILITATION_MODES, error("rounds.error.facilitation")).default("organizer"),
    chapters: optionalText(ROUND_LIMITS.chapters, "rounds.error.chapters", { paragraphs: true }),
  });
}

type CadenceChoice = { ok: true; cadence: Cadence } | { ok: false; path: "start" | "cadence"; message: RoundsMessageKey };

/**
 * The cadence a round keeps, from the one chosen and the first session as typed. A start that names
 * a weekday of the month ("毎月第2火曜") makes a monthly round keep that weekday; one that says it
 * repeats monthly cannot be a weekly or one-off round; a monthly-by-weekday choice takes its week
 * from the first session, which must then exist every month (not a fifth weekday) or be the last.
 */
export function chooseCadence(chosen: Cadence, start: Extract<StartParse, { ok: true }>, zone: string): CadenceChoice {
  const monthly = chosen === "monthly" || chosen === "monthly_weekday" || chosen === "monthly_last_weekday";
  if (start.monthly) {
    if (!monthly) {
      return start.monthly.repeats ? { ok: false, path: "start", message: "rounds.error.startMonthly" } : { ok: true, cadence: chosen };
    }
    if (chosen !== "monthly" && chosen !== start.monthly.cadence) return { ok: false, path: "cadence", message: "rounds.error.cadenceWeekdayMismatch" };
    return { ok: true, cadence: start.monthly.cadence };
  }
  const first = DateTime.fromJSDate(start.at, { zone });
  if (chosen === "monthly_weekday" && weekOfMonth(first) > 4) return { ok: false, path: "cadence", message: "rounds.error.cadenceFifthWeekday" };
  if (chosen === "monthly_last_weekday" && !isLastWeekdayOfMonth(first)) return { ok: false, path: "cadence", message: "rounds.error.cadenceNotLastWeekday" };
  return { ok: true, cadence: chosen };
}

/** The round-creation form, checked against `now` (the first session must be ahead). */
export function roundFormSchema(context: RoundFormContext) {
  return roundFormFields(context)
    .superRefine((form, ctx) => {
      const start = parseSessionStart(form.start, { zone: form.zone, now: context.now });
      if (!start.ok) {
        ctx.addIssue({ code: "custom", path: ["start"], message: START_FAILURE_MESSAGES[start.reason], input: form.start });
        return;
      }
      const cadence = chooseCadence(form.cadence, start, form.zone);
      // Both problems quote the start as typed: it is what the organizer compares the cadence with.
      if (!cadence.ok) ctx.addIssue({ code: "custom", path: [cadence.path], message: cadence.message, input: form.start });
    }, whenValid("start", "zone", "cadence"))
    .superRefine((form, ctx) => {
      if (!form.link && !form.venue) ctx.addIssue({ code: "custom", path: ["link"], message: "rounds.error.placeRequired", input: "" });
    }, whenValid("link", "venue"))
    .superRefine((form, ctx) => {
      if (form.cadence === "once" && form.sessions > 1) {
        ctx.addIssue({ code: "custom", path: ["sessions"], message: "rounds.error.onceSingleSession", input: String(form.sessions) });
      }
    }, whenValid("cadence", "sessions"))
    .superRefine((form, ctx) => {
      const agenda = agendaOf(form, form.sessions);
      if (!agenda.ok) ctx.addIssue({ code: "custom", path: ["chapters"], message: AGENDA_FAILURE_MESSAGES[agenda.reason], input: form.chapters });
    }, whenValid("kind", "sessions", "chapters"))
    .transform((form): RoundDraft => {
      const start = parseSessionStart(form.start, { zone: form.zone, now: context.now });
      const agenda = agendaOf(form, form.sessions);
      const cadence = start.ok ? chooseCadence(form.cadence, start, form.zone) : undefined;
      // All were checked above; the transform only runs on a form without issues.
      if (!start.ok || !agenda.ok || !cadence?.ok) throw new Error("round form checks and draft disagree");
      return {
        kind: form.kind,
        title: form.title,
        topic: form.topic,
        description: form.description,
        firstStart: start.at,
        zone: form.zone,
        cadence: cadence.cadence,
        sessions: form.sessions,
        durationMinutes: form.duration,
        reminderMinutes: form.reminders,
        capacity: form.capacity,
        ...(form.link ? { link: form.link } : {}),
        ...(form.venue ? { venue: form.venue } : {}),
        facilitation: form.facilitation,
        agenda: agenda.labels,
      };
    });
}

export type RoundForm = z.input<ReturnType<typeof roundFormSchema>>;
