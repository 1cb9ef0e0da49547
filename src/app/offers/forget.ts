import type { Logger } from "../../logger.js";
import type { Store } from "../../store/repositories.js";
import { PlatformError } from "../errors.js";
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
  const { store, port, log } = deps;
  for (const card of await store.offers.cardsOfMember(communityId, memberId)) {
    try {
      await port.deleteMessage(card);
    } catch (error) {
      if (!(error instanceof PlatformError)) throw error;
      log.warn({ err: error, channelId: card.channelId }, "offer card not deleted");
    }
  }
  const removed = await store.transaction((tx) => tx.offers.removeOfMember(communityId, memberId));
  log.info({ community: communityId, posts: removed }, "offers forgotten");
  return removed;
}
