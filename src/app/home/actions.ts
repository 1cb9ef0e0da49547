import { actionKind } from "../actions.js";

/**
 * The buttons of a member's own page (src/app/home/member-home.ts): join weekly pairing, skip the
 * next round, pause one week. Bound to the membership use cases in commands/match.ts.
 */
export const homeActions = {
  join: actionKind("home:join", []),
  skip: actionKind("home:skip", []),
  pause: actionKind("home:pause", []),
};
