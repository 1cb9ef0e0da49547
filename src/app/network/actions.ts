import { actionKind } from "../actions.js";

/** The buttons of the network: pages, meeting again, thanks, and reconnect suggestions. */
export const networkActions = {
  page: actionKind("network:page", ["page"]),
  meetAgain: actionKind("network:again", ["groupId", "answer"]),
  thank: actionKind("network:thank", ["context", "contextId", "memberId"]),
  hello: actionKind("network:hello", ["memberId"]),
  notNow: actionKind("network:notnow", ["memberId"]),
};

/** The thank-you form's id: its draft holds whom the thanks is for. */
export const THANKS_FORM = "thanks";
export const THANKS_LIMIT = 200;
