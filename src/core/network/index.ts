export { bestAnswer, connectionsOf, met, type Connection, type Encounter, type ThanksNote } from "./connections.js";
export { RECONNECT_AFTER_DAYS, reconnectSuggestions, type ReconnectReason, type ReconnectSuggestion } from "./reconnect.js";
export {
  communityFigures,
  networkGraph,
  weekStart,
  type ActivityGroup,
  type ActivityMember,
  type CommunityActivity,
  type CommunityFigures,
  type NetworkGraph,
  type Period,
} from "./stats.js";
export { REPORT_HOUR, nextReport, type MonthSlot } from "./report.js";
