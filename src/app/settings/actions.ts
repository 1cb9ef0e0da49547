import { actionKind } from "../actions.js";

/** The switches /settings shows as buttons: fit notices of offers and asks, reconnect suggestions ("on" or "off"). */
export const settingsActions = {
  offerNotices: actionKind("settings:notices", ["state"]),
  suggestions: actionKind("settings:suggestions", ["state"]),
};
