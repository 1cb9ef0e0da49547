import { actionKind } from "../actions.js";

/** The buttons of rounds: on the card (join, leave, calendar), after a session (attendance, takeaway), the after-party's answers and check-in at the venue. */
export const roundActions = {
  join: actionKind("rounds:join", ["roundId"]),
  leave: actionKind("rounds:leave", ["roundId"]),
  calendar: actionKind("rounds:calendar", ["roundId"]),
  attended: actionKind("rounds:attended", ["sessionId"]),
  missed: actionKind("rounds:missed", ["sessionId"]),
  takeaway: actionKind("rounds:takeaway", ["sessionId"]),
  partyJoin: actionKind("rounds:party-join", ["sessionId"]),
  partyLeave: actionKind("rounds:party-leave", ["sessionId"]),
  here: actionKind("rounds:here", ["sessionId"]),
};
