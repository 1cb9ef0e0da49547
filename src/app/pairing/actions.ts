import { actionKind } from "../actions.js";

/** The buttons of weekly pairing: skip from the heads-up, and the follow-up's answers. */
export const pairingActions = {
  skip: actionKind("match:skip", ["roundId"]),
  followUp: actionKind("match:followup", ["groupId", "answer"]),
};
