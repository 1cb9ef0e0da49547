import type { Logger } from "../../logger.js";
import type { Store } from "../../store/repositories.js";
import { deleteCards } from "../cards.js";
import type { PlatformPort } from "../port.js";

export interface ForgetOffersDeps {
  store: Store;
  port: PlatformPort;
  log: Logger;
}

/**
 * Deletes a member's offers and asks with their cards, the exchanges they took part in, the
 * notices they were sent and their notice switch. Cards go first, while their rows still say
 * where they are; a card the platform will not delete (already gone, access lost) does not keep
 * the member's data. Returns how many posts were deleted.
 */
export async function forgetOffers(deps: ForgetOffersDeps, communityId: string, memberId: string): Promise<number> {
  const { store, log } = deps;
  await deleteCards(deps, await store.offers.cardsOfMember(communityId, memberId));
  const removed = await store.transaction((tx) => tx.offers.removeOfMember(communityId, memberId));
  log.info({ community: communityId, posts: removed }, "offers forgotten");
  return removed;
}
