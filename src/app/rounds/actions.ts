import { actionKind } from "../actions.js";

/** The buttons of rounds: on the card (join, leave, calendar), in reminders (coming, not this time), to confirm a lower capacity, after a session (attendance, takeaway), the after-party's answers and check-in at the venue. */
export const roundActions = {
  join: actionKind("rounds:join", ["roundId"]),
  leave: actionKind("rounds:leave", ["roundId"]),
  calendar: actionKind("rounds:calendar", ["roundId"]),
  attended: actionKind("rounds:attended", ["sessionId"]),
  missed: actionKind("rounds:missed", ["sessionId"]),
  takeaway: actionKind("rounds:takeaway", ["sessionId"]),
  coming: actionKind("rounds:coming", ["sessionId"]),
  absent: actionKind("rounds:absent", ["sessionId"]),
  joinAs: actionKind("rounds:joinas", ["roundId", "placeId"]),
  participantInfo: actionKind("rounds:info", ["roundId"]),
  /** Lowering the capacity below the seats taken: `seated` is a fingerprint of who was seated when asked. */
  lowerCapacity: actionKind("rounds:lower", ["roundId", "capacity", "seated"]),
  keepCapacity: actionKind("rounds:keep", ["roundId"]),
  partyJoin: actionKind("rounds:party-join", ["sessionId"]),
  partyLeave: actionKind("rounds:party-leave", ["sessionId"]),
  here: actionKind("rounds:here", ["sessionId"]),
};
