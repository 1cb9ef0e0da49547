// Weekly pairing as an organizer sets it up, and what members answer after meeting.

/** Whether the announcement names every group or only counts them. */
export const ANNOUNCE_STYLES = ["names", "count"] as const;
export type AnnounceStyle = (typeof ANNOUNCE_STYLES)[number];

/** The follow-up's buttons: how (and whether) a group met. */
export const FOLLOW_UP_ANSWERS = ["in_person", "online", "scheduled", "not_met"] as const;
export type FollowUpAnswer = (typeof FOLLOW_UP_ANSWERS)[number];

export const isFollowUpAnswer = (value: string): value is FollowUpAnswer => (FOLLOW_UP_ANSWERS as readonly string[]).includes(value);

/** Three unanswered follow-ups in a row, over the member's own rounds, pause a member. */
export const MISSES_BEFORE_PAUSE = 3;
/** The community's latest rounds whose follow-ups are looked at for a member's misses. */
export const ROUNDS_COUNTED_FOR_MISSES = 12;

/**
 * A member's misses: the follow-ups they left unanswered in a row, newest first, over the rounds
 * they were in (rounds they sat out neither count nor break the row).
 */
export function countMisses(answeredNewestFirst: readonly boolean[]): { misses: number; pause: boolean } {
  const first = answeredNewestFirst.indexOf(true);
  const misses = first === -1 ? answeredNewestFirst.length : first;
  return { misses, pause: misses >= MISSES_BEFORE_PAUSE };
}

export interface PairingSettings {
  enabled: boolean;
  channelId: string | null;
  cadenceWeeks: number;
  /** ISO weekday: 1 = Monday … 7 = Sunday, in the community's time zone. */
  weekday: number;
  hour: number;
  groupSize: number;
  /** Weeks before the same two can be paired again. */
  noRepeatWeeks: number;
  announceStyle: AnnounceStyle;
  headsUp: boolean;
  headsUpHours: number;
  /** Per-round opt-in: the heads-up asks who is in, and only those who say yes are paired. */
  optIn: boolean;
  followUpDays: number;
  /** Engine weights the organizer changed (see src/core/matching). */
  weights: Record<string, number>;
}

export const DEFAULT_PAIRING_SETTINGS: PairingSettings = {
  enabled: false, channelId: null, cadenceWeeks: 1, weekday: 1, hour: 9, groupSize: 2, noRepeatWeeks: 8,
  announceStyle: "names", headsUp: true, headsUpHours: 24, optIn: false, followUpDays: 3, weights: {},
};
