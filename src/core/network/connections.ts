import type { FollowUpAnswer } from "../pairing/settings.js";

// A member's network: every person they met through musubi, and how. Built from three kinds of
// encounter (a pairing group, an answered offer or ask, a session both attended), with the
// thanks exchanged and whether both said they would like to meet again.

/** One time two members met through musubi. `otherId` null: the other has since deleted their data. */
export type Encounter =
  | { kind: "pairing"; at: Date; otherId: string | null; contextId: string; answer: FollowUpAnswer | null }
  | { kind: "exchange"; at: Date; otherId: string | null; contextId: string; title: string; postKind: "offer" | "ask"; helpedBy: "you" | "them" }
  | { kind: "session"; at: Date; otherId: string | null; contextId: string; roundTitle: string; position: number };

export interface ThanksNote {
  fromId: string;
  toId: string;
  at: Date;
}

export interface Connection {
  /** null: a former member (each such encounter stays its own line, never merged or named). */
  otherId: string | null;
  /** Newest first. */
  encounters: Encounter[];
  lastAt: Date;
  /** Both said after meeting that they would like to meet again. */
  mutual: boolean;
  thanksSent: number;
  thanksReceived: number;
}

/** How a pairing went, as the better of the answers given: in person, online, scheduled, not met. */
const ANSWER_RANK: Record<FollowUpAnswer, number> = { in_person: 3, online: 2, scheduled: 1, not_met: 0 };

export function bestAnswer(answers: readonly (FollowUpAnswer | null)[]): FollowUpAnswer | null {
  let best: FollowUpAnswer | null = null;
  for (const answer of answers) if (answer && (best === null || ANSWER_RANK[answer] > ANSWER_RANK[best])) best = answer;
  return best;
}

/** An answer that says the two really talked. */
export const met = (answer: FollowUpAnswer | null): boolean => answer === "in_person" || answer === "online";

/**
 * The member's connections, the most recent first: one per person, with each encounter, the
 * thanks both ways and the mutual wish to meet again.
 */
export function connectionsOf(
  memberId: string,
  encounters: readonly Encounter[],
  thanks: readonly ThanksNote[],
  mutualWith: ReadonlySet<string>,
): Connection[] {
  const byOther = new Map<string, Encounter[]>();
  const former: Connection[] = [];
  for (const encounter of encounters) {
    if (encounter.otherId === null) {
      former.push({ otherId: null, encounters: [encounter], lastAt: encounter.at, mutual: false, thanksSent: 0, thanksReceived: 0 });
      continue;
    }
    const list = byOther.get(encounter.otherId) ?? [];
    list.push(encounter);
    byOther.set(encounter.otherId, list);
  }
  const connections: Connection[] = [...byOther].map(([otherId, list]) => {
    const sorted = [...list].sort((a, b) => b.at.getTime() - a.at.getTime());
    return {
      otherId,
      encounters: sorted,
      lastAt: sorted[0]!.at,
      mutual: mutualWith.has(otherId),
      thanksSent: thanks.filter((t) => t.fromId === memberId && t.toId === otherId).length,
      thanksReceived: thanks.filter((t) => t.toId === memberId && t.fromId === otherId).length,
    };
  });
  return [...connections, ...former].sort((a, b) => b.lastAt.getTime() - a.lastAt.getTime());
}
