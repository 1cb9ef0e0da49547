import { actionKind } from "../actions.js";

/** The buttons of weekly pairing: skip from the heads-up, the follow-up's answers, and the pause notice's choices. */
export const pairingActions = {
  skip: actionKind("match:skip", ["roundId"]),
  followUp: actionKind("match:followup", ["groupId", "answer"]),
  paused: actionKind("match:paused", ["choice"]),
};

/** What a member paused for unanswered follow-ups may choose. */
export const PAUSE_CHOICES = ["keep", "skip", "leave"] as const;
export type PauseChoice = (typeof PAUSE_CHOICES)[number];
