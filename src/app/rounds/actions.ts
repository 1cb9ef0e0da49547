import { actionKind } from "../actions.js";

/** The buttons of rounds: on the card (join, leave, calendar) and after a session (attendance, takeaway). */
export const roundActions = {
  join: actionKind("rounds:join", ["roundId"]),
  leave: actionKind("rounds:leave", ["roundId"]),
  calendar: actionKind("rounds:calendar", ["roundId"]),
  attended: actionKind("rounds:attended", ["sessionId"]),
  missed: actionKind("rounds:missed", ["sessionId"]),
  takeaway: actionKind("rounds:takeaway", ["sessionId"]),
};
