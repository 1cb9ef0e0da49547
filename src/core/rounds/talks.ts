// Lightning talks of a study session: a number of slots of a fixed length, starting at (or some
// minutes after) the session's start. One slot per member; a slot belongs to one member.

export const TALK_LIMITS = { slots: 20, minutes: 60, startsAfter: 480, title: 100 } as const;

export interface TalkPlan {
  slots: number;
  /** Length of each talk, changeover included. */
  minutes: number;
  /** Minutes after the session's start at which the first talk begins. */
  startsAfter: number;
}

export interface Talk {
  slot: number;
  title: string;
  memberId: string;
}

export interface TimetableRow<T extends Talk> {
  slot: number;
  startsAt: Date;
  endsAt: Date;
  talk?: T;
}

/** Every slot of the session with its start and end, and the talk in it if any. */
export function timetable<T extends Talk>(sessionStart: Date, plan: TalkPlan, talks: readonly T[]): TimetableRow<T>[] {
  const first = sessionStart.getTime() + plan.startsAfter * 60_000;
  return Array.from({ length: plan.slots }, (_, index) => {
    const slot = index + 1;
    const talk = talks.find((t) => t.slot === slot);
    return {
      slot,
      startsAt: new Date(first + index * plan.minutes * 60_000),
      endsAt: new Date(first + (index + 1) * plan.minutes * 60_000),
      ...(talk ? { talk } : {}),
    };
  });
}

export type TalkSignUp =
  | { ok: true; slot: number }
  | { ok: false; reason: "noTalks" | "alreadyHasSlot" | "slotTaken" | "noSuchSlot" | "full"; slot?: number };

/** The slot a member gets: the one asked for if free, else the first free one. */
export function chooseSlot(plan: TalkPlan | null, talks: readonly Talk[], memberId: string, wanted?: number): TalkSignUp {
  if (!plan || plan.slots === 0) return { ok: false, reason: "noTalks" };
  const own = talks.find((t) => t.memberId === memberId);
  if (own) return { ok: false, reason: "alreadyHasSlot", slot: own.slot };
  if (wanted !== undefined) {
    if (wanted < 1 || wanted > plan.slots) return { ok: false, reason: "noSuchSlot", slot: wanted };
    return talks.some((t) => t.slot === wanted) ? { ok: false, reason: "slotTaken", slot: wanted } : { ok: true, slot: wanted };
  }
  for (let slot = 1; slot <= plan.slots; slot++) {
    if (!talks.some((t) => t.slot === slot)) return { ok: true, slot };
  }
  return { ok: false, reason: "full" };
}

/**
 * A new order of the talks, typed as the current slot numbers in their new order ("3,1,2" or
 * "3 1 2"): every talk named exactly once. Returns the new slot of each current slot, or nothing
 * when the text does not name each talk once.
 */
export function readTalkOrder(text: string, talkSlots: readonly number[]): Map<number, number> | undefined {
  const typed = text.normalize("NFKC").trim();
  if (!/^\d+(?:\s*[,、\s]\s*\d+)*$/.test(typed)) return undefined;
  const order = typed.split(/[,、\s]+/).map(Number);
  const current = [...talkSlots].sort((a, b) => a - b);
  if (order.length !== current.length || new Set(order).size !== order.length) return undefined;
  if (!order.every((slot) => current.includes(slot))) return undefined;
  return new Map(order.map((slot, index) => [slot, index + 1]));
}
