import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { storeBackends, storesOn } from "../support/db.js";

// The keys of platform requests already received, on both databases: a redelivery is refused
// while its record holds, taken again once it expired, and of many processes receiving the same
// request at once exactly one handles it.

const NOW = new Date("2026-12-07T12:00:00Z");
const later = (ms: number) => new Date(NOW.getTime() + ms);
const HOUR = 3_600_000;

describe.each(storeBackends())("received requests on %s", (backend, url) => {
  const { open, skip } = storesOn(backend, url);
  if (skip) return;
  // Eight holders of the same request: eight processes on PostgreSQL; on SQLite (one process per
  // file: better-sqlite3 waits for a lock synchronously) eight calls at once in one process.
  const holders = () => {
    const stores = backend === "PostgreSQL" ? Array.from({ length: 8 }, () => open()) : [open()];
    return Array.from({ length: 8 }, (_, i) => stores[i % stores.length]!.receivedRequests);
  };

  it("given a request's key is recorded then its redelivery is refused until the record expires", async () => {
    const { receivedRequests } = open();
    const key = `slack:event:${randomUUID()}`;
    expect(await receivedRequests.firstDelivery(key, NOW, later(HOUR))).toBe(true);
    expect(await receivedRequests.firstDelivery(key, later(1000), later(HOUR + 1000))).toBe(false);
    expect(await receivedRequests.firstDelivery(key, later(HOUR - 1), later(2 * HOUR))).toBe(false);
    // Long after Slack stopped retrying, the same key is a new request again (and is recorded anew).
    expect(await receivedRequests.firstDelivery(key, later(HOUR + 1), later(2 * HOUR + 1))).toBe(true);
    expect(await receivedRequests.firstDelivery(key, later(HOUR + 2), later(2 * HOUR + 2))).toBe(false);
  });

  it("given eight holders receive the same request at once then exactly one handles it", async () => {
    const processes = holders();
    const key = `slack:trigger:${randomUUID()}`;
    const firsts = await Promise.all(processes.map((p) => p.firstDelivery(key, NOW, later(HOUR))));
    expect(firsts.filter(Boolean)).toHaveLength(1);
  });

  it("given an expired record then eight holders taking it again at once leave it to one", async () => {
    const processes = holders();
    const key = `slack:event:${randomUUID()}`;
    expect(await processes[0]!.firstDelivery(key, NOW, later(HOUR))).toBe(true);
    const firsts = await Promise.all(processes.map((p) => p.firstDelivery(key, later(2 * HOUR), later(3 * HOUR))));
    expect(firsts.filter(Boolean)).toHaveLength(1);
  });

  it("given many requests then expired records are swept while recent ones stay", async () => {
    const store = open();
    const old = `slack:event:${randomUUID()}`;
    await store.receivedRequests.firstDelivery(old, NOW, later(1000));
    for (let i = 0; i < 100; i++) await store.receivedRequests.firstDelivery(`slack:event:${randomUUID()}`, later(2 * HOUR), later(3 * HOUR));
    expect(await store.db.receivedRequest.count({ where: { key: old } })).toBe(0);
  });
});
