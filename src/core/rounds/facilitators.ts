// Who leads each session. Held sessions are history and keep their facilitator; the others are
// planned again whenever the participants change, so a member who left is never asked to lead.

export const FACILITATION_MODES = ["organizer", "rotating"] as const;
export type FacilitationMode = (typeof FACILITATION_MODES)[number];

export interface FacilitatedSession {
  held: boolean;
  /** Member id of the facilitator, once there is one. */
  facilitatorId: string | null;
}

/**
 * The facilitator of every session, in order. "organizer": the organizer leads every session
 * not yet held. "rotating": each session not yet held goes to the current participant who has
 * led the fewest sessions so far, the earliest to join on a tie, which is a round-robin in join
 * order that continues fairly when members join or leave. With no participants the organizer leads.
 */
export function assignFacilitators(
  sessions: readonly FacilitatedSession[],
  participants: readonly string[],
  mode: FacilitationMode,
  organizerId: string,
): string[] {
  const turns = new Map(participants.map((memberId) => [memberId, 0]));
  for (const { held, facilitatorId } of sessions) {
    if (held && facilitatorId !== null && turns.has(facilitatorId)) turns.set(facilitatorId, turnsOf(turns, facilitatorId) + 1);
  }
  return sessions.map((session) => {
    if (session.held && session.facilitatorId !== null) return session.facilitatorId;
    if (mode === "organizer" || turns.size === 0) return organizerId;
    const next = leastTurns(participants, turns);
    turns.set(next, turnsOf(turns, next) + 1);
    return next;
  });
}

function turnsOf(turns: Map<string, number>, memberId: string): number {
  return turns.get(memberId) ?? 0;
}

function leastTurns(participants: readonly string[], turns: Map<string, number>): string {
  return participants.reduce((chosen, memberId) => (turnsOf(turns, memberId) < turnsOf(turns, chosen) ? memberId : chosen));
}
