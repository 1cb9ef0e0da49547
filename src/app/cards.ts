import type { Logger } from "../logger.js";
import { PlatformError } from "../port/errors.js";
import type { PlatformPort } from "../port/port.js";
import type { MessageRef } from "../store/records.js";

/**
 * Deletes cards the bot posted. One the platform will not delete (already gone, access lost) is
 * logged and left: deleting a member's data must not depend on it.
 */
export async function deleteCards(deps: { port: PlatformPort; log: Logger }, cards: readonly MessageRef[]): Promise<void> {
  for (const card of cards) {
    try {
      await deps.port.deleteMessage(card);
    } catch (error) {
      if (!(error instanceof PlatformError)) throw error;
      deps.log.warn({ err: error, channelId: card.channelId }, "card not deleted");
    }
  }
}
