import type { Connection } from "./connections.js";

// Whom to meet again: someone met a while ago whom both wanted to see again, someone the member
// helped or who helped them, someone who now offers what the member is looking for. Never a
// former member, never someone the member said "not now" to recently, never a blocked pair.

export type ReconnectReason = "mutual" | "helpedYou" | "youHelped" | "offersWhatYouSeek";

export interface ReconnectSuggestion {
  otherId: string;
  reason: ReconnectReason;
  lastAt: Date;
  /** For "offersWhatYouSeek": the title of their open offer. */
  offerTitle?: string;
}

/** How long ago the last encounter must be before it is suggested again. */
export const RECONNECT_AFTER_DAYS = 28;

export interface ReconnectOptions {
  now: Date;
  /** Members not to suggest (snoozed, blocked either way). */
  excluded: ReadonlySet<string>;
  /** Members the member has met who have an open offer that fits what they look for, with its title. */
  offersThatFit: ReadonlyMap<string, string>;
  limit: number;
}

const RANK: Record<ReconnectReason, number> = { mutual: 0, helpedYou: 1, youHelped: 2, offersWhatYouSeek: 3 };

export function reconnectSuggestions(connections: readonly Connection[], options: ReconnectOptions): ReconnectSuggestion[] {
  const due = options.now.getTime() - RECONNECT_AFTER_DAYS * 86_400_000;
  const suggestions: ReconnectSuggestion[] = [];
  for (const connection of connections) {
    const { otherId } = connection;
    if (otherId === null || options.excluded.has(otherId)) continue;
    const offerTitle = options.offersThatFit.get(otherId);
    if (connection.lastAt.getTime() > due && offerTitle === undefined) continue;
    const exchanges = connection.encounters.flatMap((e) => (e.kind === "exchange" ? [e] : []));
    const reason: ReconnectReason | undefined = connection.mutual && connection.lastAt.getTime() <= due
      ? "mutual"
      : exchanges.some((e) => e.helpedBy === "them") && connection.lastAt.getTime() <= due
        ? "helpedYou"
        : exchanges.some((e) => e.helpedBy === "you") && connection.lastAt.getTime() <= due
          ? "youHelped"
          : offerTitle !== undefined ? "offersWhatYouSeek" : undefined;
    if (!reason) continue;
    suggestions.push({ otherId, reason, lastAt: connection.lastAt, ...(reason === "offersWhatYouSeek" ? { offerTitle: offerTitle! } : {}) });
  }
  // The strongest ties first, then the longest without meeting.
  return suggestions
    .sort((a, b) => RANK[a.reason] - RANK[b.reason] || a.lastAt.getTime() - b.lastAt.getTime())
    .slice(0, options.limit);
}
