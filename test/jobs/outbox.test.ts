import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { manualClock } from "../../src/clock.js";
import { DeliveryInFlight, createOutbox } from "../../src/jobs/outbox.js";
import { PlatformError } from "../../src/port/errors.js";
import type { Db } from "../../src/store/db.js";
import type { MessageRef } from "../../src/store/records.js";
import { backends, jobDatabase, plus, uniquePrefix } from "./support.js";

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

  test("given a send under way in one holder, then a second holder of the job does not send: it is told to retry, and afterwards gets the first one's message", async () => {
    const jobs = await jobDatabase(backend);
    // On SQLite one client, as a SQLite deployment runs; on PostgreSQL a client each, as two processes.
    const first = jobs.open();
    const second = backend === "SQLite" ? first : jobs.open();
    const clock = manualClock(new Date("2026-12-01T09:00:00.000Z"));
    const a = createOutbox(first, { now: clock.now, claimMs: 60_000 });
    const b = createOutbox(second, { now: clock.now, claimMs: 60_000 });
    const key = `${uniquePrefix()}intro`;
    let reached!: () => void;
    const sending = new Promise<void>((resolve) => (reached = resolve));
    let finish!: () => void;
    const slow = new Promise<void>((resolve) => (finish = resolve));
    const aCalls: boolean[] = [];
    const aRun = a.deliver({
      key, communityId: community,
      send: async (retrying) => {
        aCalls.push(retrying);
        reached();
        await slow;
        return { channelId: "C1", messageId: "M1" };
      },
    });
    await sending;

    const other = platform();
    clock.set(new Date("2026-12-01T09:00:20.000Z"));
    const refused = await b.deliver({ key, communityId: community, send: other.send }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DeliveryInFlight);
    expect((refused as DeliveryInFlight).retryAfterMs).toBe(40_000);
    expect(other.calls).toEqual([]);

    finish();
    expect(await aRun).toEqual({ channelId: "C1", messageId: "M1" });
    expect(await b.deliver({ key, communityId: community, send: other.send })).toEqual({ channelId: "C1", messageId: "M1" });
    expect(other.calls).toEqual([]);
    expect(aCalls).toEqual([false]);
    expect(await first.delivery.findUniqueOrThrow({ where: { dedupeKey: key } })).toMatchObject({ status: "sent", attempts: 1, claimedBy: null, claimedUntil: null });
  });

  test("given a claim left by a process that died mid-send, then nobody sends until it runs out, and then one holder sends with retrying=true", async () => {
    const db = (await jobDatabase(backend)).open();
    const start = new Date("2026-12-01T09:00:00.000Z");
    const clock = manualClock(start);
    const outbox = createOutbox(db, { now: clock.now, claimMs: 60_000 });
    const key = `${uniquePrefix()}announce`;
    await db.delivery.create({ data: { dedupeKey: key, communityId: community, status: "sending", attempts: 1, claimedBy: "dead", claimedUntil: plus(start, 60_000) } });
    const { calls, send } = platform();

    clock.set(plus(start, 59_999));
    await expect(outbox.deliver({ key, communityId: community, send })).rejects.toMatchObject({ name: "DeliveryInFlight", retryAfterMs: 1 });
    expect(calls).toEqual([]);
    clock.set(plus(start, 60_000));
    expect(await outbox.deliver({ key, communityId: community, send })).toEqual({ channelId: "C1", messageId: "M1" });
    expect(calls).toEqual([true]);
    expect(await db.delivery.findUniqueOrThrow({ where: { dedupeKey: key } })).toMatchObject({ status: "sent", attempts: 2, claimedBy: null });
  });

  test("given a send that takes longer than the claim, then its claim is renewed while it runs and no other holder sends", async () => {
    const jobs = await jobDatabase(backend);
    const first = jobs.open();
    const second = backend === "SQLite" ? first : jobs.open();
    // Real time: a claim of 150 ms renewed every 50 ms, held by a send of 600 ms.
    const a = createOutbox(first, { claimMs: 150 });
    const b = createOutbox(second, { claimMs: 150 });
    const key = `${uniquePrefix()}slow`;
    let reached!: () => void;
    const sending = new Promise<void>((resolve) => (reached = resolve));
    const aRun = a.deliver({
      key, communityId: community,
      send: async () => {
        reached();
        await sleep(600);
        return { channelId: "C1", messageId: "M1" };
      },
    });
    await sending;
    const other = platform();
    const outcomes: unknown[] = [];
    // Past an unrenewed claim's end from the first look on.
    for (const wait of [250, 100, 100]) {
      await sleep(wait);
      outcomes.push(await b.deliver({ key, communityId: community, send: other.send }).catch((error: unknown) => error));
    }
    await aRun;
    expect(other.calls).toEqual([]);
    expect(outcomes[0]).toBeInstanceOf(DeliveryInFlight);
    for (const outcome of outcomes) if (!(outcome instanceof DeliveryInFlight)) expect(outcome).toEqual({ channelId: "C1", messageId: "M1" });
  });

  test("given 20 holders delivering the same message at once, then it is sent once and every holder gets its message or a retry", async () => {
    const jobs = await jobDatabase(backend);
    const shared = backend === "SQLite" ? jobs.open() : undefined;
    const clients = Array.from({ length: backend === "SQLite" ? 1 : 4 }, () => shared ?? jobs.open());
    const key = `${uniquePrefix()}race`;
    const { calls, send } = platform();
    const outcomes = await Promise.all(Array.from({ length: 20 }, (_, i) =>
      createOutbox(clients[i % clients.length]!).deliver({ key, communityId: community, send }).catch((error: unknown) => error)));
    expect(calls).toEqual([false]);
    const refs = outcomes.filter((o) => !(o instanceof Error));
    expect(refs.every((r) => JSON.stringify(r) === JSON.stringify({ channelId: "C1", messageId: "M1" }))).toBe(true);
    expect(outcomes.filter((o) => o instanceof Error && !(o instanceof DeliveryInFlight))).toEqual([]);
    expect(await clients[0]!.delivery.findUniqueOrThrow({ where: { dedupeKey: key } })).toMatchObject({ status: "sent", attempts: 1 });
  });
});
