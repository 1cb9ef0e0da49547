import { describe, expect, it } from "vitest";
import { createOutbox } from "../../src/jobs/outbox.js";
import { PlatformError } from "../../src/port/errors.js";
import type { Db } from "../../src/store/db.js";
import type { MessageRef } from "../../src/store/records.js";
import { backends, jobDatabase, uniquePrefix } from "./support.js";

const community = "community-1";

const wasSent = async (db: Db, key: string) =>
  (await db.delivery.findUnique({ where: { dedupeKey: key }, select: { status: true } }))?.status === "sent";

/** A send that records whether each call was a retry, and fails while `failures` says so. */
function platform(failures = 0) {
  const calls: boolean[] = [];
  const send = async (retrying: boolean): Promise<MessageRef> => {
    calls.push(retrying);
    if (calls.length <= failures) throw new PlatformError("unavailable", `down ${calls.length}`);
    return { channelId: "C1", messageId: `M${calls.length}` };
  };
  return { calls, send };
}

describe.each(backends)("outbox on %s", (backend, available) => {
  if (!available) it.skip(`${backend} is not reachable: skipped (CI provides it)`, () => undefined);
  const test = it.skipIf(!available);

  test("given a delivery, then it is recorded before sending, marked sent after, and a second deliver returns the same ref without sending", async () => {
    const db = (await jobDatabase(backend)).open();
    const outbox = createOutbox(db);
    const key = `${uniquePrefix()}intro`;
    const seenWhileSending: unknown[] = [];
    const calls: boolean[] = [];
    const send = async (retrying: boolean): Promise<MessageRef> => {
      calls.push(retrying);
      seenWhileSending.push(await db.delivery.findUnique({ where: { dedupeKey: key }, select: { status: true, communityId: true } }));
      return { channelId: "C1", messageId: "M1" };
    };

    expect(await wasSent(db, key)).toBe(false);
    const ref = await outbox.deliver({ key, communityId: community, send });
    expect(ref).toEqual({ channelId: "C1", messageId: "M1" });
    expect(seenWhileSending).toEqual([{ status: "sending", communityId: community }]);
    const row = await db.delivery.findUniqueOrThrow({ where: { dedupeKey: key } });
    expect(row).toMatchObject({ status: "sent", channelId: "C1", messageId: "M1", attempts: 1, lastError: null });
    expect(row.sentAt).toBeInstanceOf(Date);
    expect(await wasSent(db, key)).toBe(true);

    const again = platform();
    expect(await outbox.deliver({ key, communityId: community, send: again.send })).toEqual(ref);
    expect(again.calls).toEqual([]);
    expect(calls).toEqual([false]);
    expect(await db.delivery.count({ where: { dedupeKey: key } })).toBe(1);
  });

  test("given a failed send, then the delivery is marked failed and the next attempt is sent with retrying=true", async () => {
    const db = (await jobDatabase(backend)).open();
    const outbox = createOutbox(db);
    const key = `${uniquePrefix()}card`;
    const { calls, send } = platform(1);

    await expect(outbox.deliver({ key, communityId: community, send })).rejects.toThrow("down 1");
    expect(await db.delivery.findUniqueOrThrow({ where: { dedupeKey: key } })).toMatchObject({ status: "failed", lastError: "down 1", attempts: 1 });
    expect(await wasSent(db, key)).toBe(false);

    expect(await outbox.deliver({ key, communityId: community, send })).toEqual({ channelId: "C1", messageId: "M2" });
    expect(calls).toEqual([false, true]);
    expect(await db.delivery.findUniqueOrThrow({ where: { dedupeKey: key } })).toMatchObject({ status: "sent", messageId: "M2", attempts: 2, lastError: null });
  });

  test("given a delivery left sending by a crashed process, then it is sent again with retrying=true", async () => {
    const db = (await jobDatabase(backend)).open();
    const outbox = createOutbox(db);
    const key = `${uniquePrefix()}announce`;
    // The process died after recording the delivery and marking it under way, before it was marked sent.
    await db.delivery.create({ data: { dedupeKey: key, communityId: community } });
    await db.delivery.update({ where: { dedupeKey: key }, data: { status: "sending", attempts: 1 } });
    const { calls, send } = platform();

    expect(await outbox.deliver({ key, communityId: community, send })).toEqual({ channelId: "C1", messageId: "M1" });
    expect(calls).toEqual([true]);
    expect(await db.delivery.findUniqueOrThrow({ where: { dedupeKey: key } })).toMatchObject({ status: "sent", attempts: 2 });
  });
});
