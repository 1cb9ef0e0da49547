import type { DbClient } from "./db.js";

// Platform requests that may arrive more than once (see the ReceivedRequest model). The table is
// shared by every process on the database, so a redelivery to another process is caught too.

/** Expired rows are deleted by every this many first deliveries of a process (cheap, indexed). */
const SWEEP_EVERY = 100;

export function receivedRequestRepository(db: DbClient) {
  let sinceSweep = 0;
  return {
    /**
     * Records a request's key until `expiresAt`: true for its first delivery, false for any later
     * one while the record holds (a key whose record expired counts as new again).
     */
    async firstDelivery(key: string, now: Date, expiresAt: Date): Promise<boolean> {
      if (++sinceSweep >= SWEEP_EVERY) {
        sinceSweep = 0;
        await db.receivedRequest.deleteMany({ where: { expiresAt: { lt: now } } });
      }
      try {
        await db.receivedRequest.create({ data: { key, expiresAt } });
        return true;
      } catch (error) {
        if ((error as { code?: string } | null)?.code !== "P2002") throw error;
        // Taken again only from an expired record, by one conditional update: two takers cannot both win.
        const renewed = await db.receivedRequest.updateMany({ where: { key, expiresAt: { lt: now } }, data: { expiresAt } });
        return renewed.count === 1;
      }
    },
  };
}

export type ReceivedRequests = ReturnType<typeof receivedRequestRepository>;
