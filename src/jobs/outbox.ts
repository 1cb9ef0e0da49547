import { randomUUID } from "node:crypto";
import type { Db } from "../store/db.js";
import type { MessageRef } from "../store/records.js";
import { RetryLater } from "./errors.js";

// Every message a job sends goes through here: the delivery is recorded before sending and
// marked once sent. When a job runs again after a crash, a delivery marked sent is skipped; one
// that was under way (the process may have died before or after the platform took it) is sent
// again with the same idempotency key, which the platform adapters honour (Discord's enforced
// nonce and a look for the message among the channel's recent ones; on Slack a look for the key
// in the channel's messages), so nothing arrives twice.
//
// A job's lease does not make its holder the only one: a lease that ran out under a slow handler
// (or a paused process) lets a second process run the same job while the first still does. So the
// send itself is claimed: one conditional update moves the row from what was read to "sending"
// with this attempt's token (`attempts` counts claims, so any claim in between makes it miss).
// Only the winner sends; a holder that finds a live claim of another does not send and retries the
// job when that claim would run out (RetryLater): by then the message is marked sent, or its
// holder is gone and the claim is taken over, with `retrying`, so the adapter finds what it sent.

/**
 * How long a claim holds without being renewed. It is renewed every third of it while the send
 * runs (a send that waits out a rate limit keeps its claim), so the length only matters once its
 * holder has stopped: it is how long a message whose process died mid-send waits before another
 * process may send it. It is under two thirds of the job lease (DEFAULT_LEASE_MS, 5 min, renewed
 * likewise), so when a dead process's job is taken over its claims have run out and the new holder
 * sends at once. A holder stopped (not dead) for longer than this could still send after another
 * took over; on Discord the enforced nonce (a few minutes) catches that too.
 */
export const DEFAULT_CLAIM_MS = 2 * 60_000;

export interface OutboxOptions {
  /** The clock claims are timed by: the scheduler's. */
  now?: () => Date;
  claimMs?: number;
}

export interface DeliveryAttempt {
  /** Unique per message: e.g. "round:<id>:group:3:intro". */
  key: string;
  communityId: string;
  /** Sends the message; `retrying` is true when an earlier attempt may have reached the platform. */
  send(retrying: boolean): Promise<MessageRef>;
}

/** Another process is sending this delivery now: its job runs again when that claim would end. */
export class DeliveryInFlight extends RetryLater {
  constructor(key: string, retryAfterMs: number) {
    super(`delivery ${key} is being sent by another process`, retryAfterMs);
    this.name = "DeliveryInFlight";
  }
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 1000);

export function createOutbox(db: Db, options: OutboxOptions = {}) {
  const now = options.now ?? (() => new Date());
  const claimMs = options.claimMs ?? DEFAULT_CLAIM_MS;
  const until = () => new Date(now().getTime() + claimMs);

  /** The delivery's row, created when first seen. */
  async function record(key: string, communityId: string) {
    try {
      return await db.delivery.upsert({ where: { dedupeKey: key }, create: { dedupeKey: key, communityId }, update: {} });
    } catch (error) {
      // PostgreSQL: another holder created it between Prisma's look and its insert.
      if ((error as { code?: string }).code !== "P2002") throw error;
      return db.delivery.findUniqueOrThrow({ where: { dedupeKey: key } });
    }
  }

  /** Claims the delivery for one send; its token and whether an earlier attempt may have reached the platform. Or the ref, when it was sent. */
  async function claim(key: string, communityId: string): Promise<{ token: string; retrying: boolean } | { sent: MessageRef }> {
    for (;;) {
      const row = await record(key, communityId);
      // Sent, even without a message id (Slack answers an upload with none).
      if (row.status === "sent") return { sent: { channelId: row.channelId ?? "", messageId: row.messageId ?? "" } };
      const left = row.status === "sending" && row.claimedUntil ? row.claimedUntil.getTime() - now().getTime() : 0;
      if (left > 0) throw new DeliveryInFlight(key, left);
      const token = randomUUID();
      const { count } = await db.delivery.updateMany({
        where: { dedupeKey: key, status: row.status, attempts: row.attempts },
        data: { status: "sending", claimedBy: token, claimedUntil: until(), attempts: { increment: 1 } },
      });
      if (count === 1) return { token, retrying: row.attempts > 0 };
      // Another holder changed the row in between: read it again (it is sent, or claimed by them).
    }
  }

  /** Keeps the claim while the send runs; returns the function that stops. */
  function holdClaim(key: string, token: string): () => void {
    const timer = setInterval(() => {
      db.delivery.updateMany({ where: { dedupeKey: key, claimedBy: token, status: "sending" }, data: { claimedUntil: until() } })
        .catch(() => undefined); // a missed renewal only shortens the claim; the next one may succeed
    }, Math.max(claimMs / 3, 10));
    timer.unref();
    return () => clearInterval(timer);
  }

  return {
    async deliver({ key, communityId, send }: DeliveryAttempt): Promise<MessageRef> {
      const claimed = await claim(key, communityId);
      if ("sent" in claimed) return claimed.sent;
      const { token, retrying } = claimed;
      const release = holdClaim(key, token);
      let ref: MessageRef;
      try {
        ref = await send(retrying);
      } catch (error) {
        release();
        // The send failed, perhaps after the platform took the message (an answer lost on the
        // way): the next attempt is sent with `retrying`. Only this claim's own row is released.
        await db.delivery.updateMany({
          where: { dedupeKey: key, claimedBy: token, status: "sending" },
          data: { status: "failed", claimedBy: null, claimedUntil: null, lastError: errorText(error) },
        });
        throw error;
      }
      release();
      // Marked whoever holds the claim now: the message is on the platform.
      await db.delivery.update({
        where: { dedupeKey: key },
        data: { status: "sent", channelId: ref.channelId, messageId: ref.messageId, sentAt: now(), lastError: null, claimedBy: null, claimedUntil: null },
      });
      return ref;
    },
  };
}

export type Outbox = ReturnType<typeof createOutbox>;
