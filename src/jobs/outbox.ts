import type { Db } from "../store/db.js";
import type { MessageRef } from "../store/records.js";

// Every message a job sends goes through here: the delivery is recorded before sending and
// marked once sent. When a job runs again after a crash, a delivery marked sent is skipped; one
// that was under way (the process may have died before or after the platform took it) is sent
// again with the same idempotency key, which the platform adapters honour (Discord's enforced
// nonce; on Slack a look for the key in the channel's recent messages), so nothing arrives twice.

export interface DeliveryAttempt {
  /** Unique per message: e.g. "round:<id>:group:3:intro". */
  key: string;
  communityId: string;
  /** Sends the message; `retrying` is true when an earlier attempt may have reached the platform. */
  send(retrying: boolean): Promise<MessageRef>;
}

export function createOutbox(db: Db) {
  return {
    async deliver({ key, communityId, send }: DeliveryAttempt): Promise<MessageRef> {
      const row = await db.delivery.upsert({ where: { dedupeKey: key }, create: { dedupeKey: key, communityId }, update: {} });
      if (row.status === "sent" && row.channelId && row.messageId) return { channelId: row.channelId, messageId: row.messageId };
      await db.delivery.update({ where: { dedupeKey: key }, data: { status: "sending", attempts: { increment: 1 } } });
      try {
        const ref = await send(row.status !== "pending");
        await db.delivery.update({
          where: { dedupeKey: key },
          data: { status: "sent", channelId: ref.channelId, messageId: ref.messageId, sentAt: new Date(), lastError: null },
        });
        return ref;
      } catch (error) {
        // Refused by the platform: nothing was sent, so the next attempt is a clean one.
        await db.delivery.update({
          where: { dedupeKey: key },
          data: { status: "failed", lastError: (error instanceof Error ? error.message : String(error)).slice(0, 1000) },
        });
        throw error;
      }
    },
  };
}

export type Outbox = ReturnType<typeof createOutbox>;
