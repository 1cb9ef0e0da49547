// When to remind people of a session. Leads are real elapsed minutes before the start, so
// "24 hours before" stays 24 hours even across a daylight-saving change.

export interface ReminderLeads {
  /** Minutes before the start at which participants are reminded. */
  participantLeadMinutes: readonly number[];
  /** Minutes before the start at which the facilitator is reminded, earlier so they can prepare. */
  facilitatorLeadMinutes: number;
}

export const DEFAULT_REMINDER_LEADS: ReminderLeads = {
  participantLeadMinutes: [24 * 60, 60],
  facilitatorLeadMinutes: 72 * 60,
};

export interface Reminder {
  audience: "participants" | "facilitator";
  leadMinutes: number;
  at: Date;
}

/**
 * The reminders of one session still to come, earliest first. A reminder whose time has passed
 * (a round created the day before) is skipped rather than sent late.
 */
export function reminderTimes(sessionStart: Date, leads: ReminderLeads, now: Date): Reminder[] {
  const planned: Reminder[] = [
    ...leads.participantLeadMinutes.map((leadMinutes) => reminder("participants", leadMinutes, sessionStart)),
    reminder("facilitator", leads.facilitatorLeadMinutes, sessionStart),
  ];
  return planned
    .filter((due) => due.at.getTime() > now.getTime())
    .sort((a, b) => a.at.getTime() - b.at.getTime());
}

function reminder(audience: Reminder["audience"], leadMinutes: number, sessionStart: Date): Reminder {
  return { audience, leadMinutes, at: new Date(sessionStart.getTime() - leadMinutes * 60_000) };
}
