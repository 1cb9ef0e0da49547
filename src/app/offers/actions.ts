import { actionKind } from "../actions.js";

/** The buttons of offers and asks: answer a post (card, search, notices), and an author's close and extend. */
export const offerActions = {
  respond: actionKind("offer:respond", ["postId"]),
  close: actionKind("offer:close", ["postId"]),
  extend: actionKind("offer:extend", ["postId"]),
};
