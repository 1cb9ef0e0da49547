import { isNoShow, waitsFirst } from "../../core/rounds/index.js";
import type { CommunityContext } from "../context.js";

// No-shows per member (seated, never cancelled, never came), over every session of theirs that
// has ended, and the community's optional rule that puts repeated no-shows on the waitlist first.

/** No-shows per member (only members with at least one), over every session of theirs that has ended. */
export async function noShowCounts(ctx: Pick<CommunityContext, "store" | "now">, memberIds?: readonly string[]): Promise<Map<string, number>> {
  const now = ctx.now();
  const counts = new Map<string, number>();
  for (const seat of await ctx.store.studySessions.seatsInHeldSessions(now, memberIds)) {
    const noShow = isNoShow({
      seatedBefore: seat.joinedAt.getTime() <= seat.startsAt.getTime(),
      ended: seat.endsAt.getTime() <= now.getTime(),
      checkInHeld: seat.checkInHeld,
      cancelled: seat.cancelled,
      ...(seat.answer ? { answer: seat.answer } : {}),
    });
    if (noShow) counts.set(seat.memberId, (counts.get(seat.memberId) ?? 0) + 1);
  }
  return counts;
}

/** Whether the member joins the waiting list first under the community's no-show rule. */
export async function joinsWaitingFirst(ctx: Pick<CommunityContext, "store" | "now">, memberId: string): Promise<boolean> {
  const limit = await ctx.store.studySessions.noShowLimit();
  if (limit === null) return false;
  return waitsFirst((await noShowCounts(ctx, [memberId])).get(memberId) ?? 0, limit);
}
