// Rounds (reading clubs and study sessions): the pure rules, no platform or database.
export { ROUND_CADENCES, atWallClock, parseSessionStart, sessionStarts, weekdayOfMonth } from "./schedule.js";
export type { Cadence, StartFailure, StartParse } from "./schedule.js";
export { REMINDER_LIMITS, parseDurationMinutes, parseReminderLeads } from "./duration.js";
export { splitChapters, splitTopics } from "./agenda.js";
export type { AgendaFailure, AgendaSplit } from "./agenda.js";
export {
  AGENDA_FAILURE_MESSAGES,
  ROUND_DEFAULTS,
  ROUND_KINDS,
  ROUND_LIMITS,
  START_FAILURE_MESSAGES,
  roundFormFields,
  roundFormSchema,
} from "./draft.js";
export type { RoundDraft, RoundForm, RoundFormContext, RoundKind, RoundsMessageKey } from "./draft.js";
export { FACILITATION_MODES, assignFacilitators } from "./facilitators.js";
export type { FacilitatedSession, FacilitationMode } from "./facilitators.js";
export { changeCapacity, joinRound, leaveRound, seatsLost, waitlistPosition } from "./seats.js";
export { capacitiesOf, freeSeats, placeOfSeat, promotionsOpen, sessionPromotions, sessionRoll, sessionWaitingPosition } from "./session-seats.js";
export type { PlaceCapacity, SeriesSeat, SessionAnswerInput, SessionAnswerKind, SessionRoll } from "./session-seats.js";
export type { JoinOutcome, JoinResult, Seat, SeatChange, SeatStatus } from "./seats.js";
export { DEFAULT_REMINDER_LEADS, reminderTimes } from "./reminders.js";
export type { Reminder, ReminderLeads } from "./reminders.js";
export { roundCalendar, seriesCalendar } from "./calendar.js";
export type { CalendarRound, CalendarSeries, CalendarSession, RoundCalendarInput } from "./calendar.js";
export { PLACE_LIMITS, parsePlaces } from "./places.js";
export type { PlaceDraft } from "./places.js";
export { TALK_LIMITS, chooseSlot, readTalkOrder, timetable } from "./talks.js";
export type { Talk, TalkPlan, TalkSignUp, TimetableRow } from "./talks.js";
export { CHECK_IN_ALPHABET, makeCheckInCode, readCheckInCode } from "./checkin.js";
export { SESSION_LIST_STATUSES, isNoShow, toCsv, waitsFirst } from "./attendance.js";
export type { SessionAnswer, SessionListStatus } from "./attendance.js";
