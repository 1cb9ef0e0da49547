import { deleteCards } from "../cards.js";
import type { CommunityContext } from "../context.js";

/**
 * Deletes a member's offers and asks with their cards (and the exchanges on them), the notices
 * they were sent and their notice switch; their answers to others' posts stay with those posts'
 * authors without naming them ("a former member" in the authors' networks). Cards go first, while their rows still say
 * where they are; a card the platform will not delete (already gone, access lost) does not keep
 * the member's data. Returns how many posts were deleted.
 */
export async function forgetOffers(ctx: Pick<CommunityContext, "store" | "port" | "log">, memberId: string): Promise<number> {
  const { store, log } = ctx;
  await deleteCards(ctx, await store.offers.cardsOfMember(memberId));
  const removed = await store.transaction((tx) => tx.offers.removeOfMember(memberId));
  log.info({ posts: removed }, "offers forgotten");
  return removed;
}
