// A transaction rolled back takes only its own writes with it: a write another request makes
// while it is open is kept, on SQLite (one connection) as on PostgreSQL.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { storeBackends, storesOn } from "../support/db.js";

describe.each(storeBackends())("transactions on %s", (backend, url) => {
  const { open, skip } = storesOn(backend, url);

  it.skipIf(skip)("given transactions that roll back while plain writes and other transactions run beside them, then every plain and committed write is kept and no rolled-back one", async () => {
    const { db } = open();
    const run = randomUUID();
    const work = Array.from({ length: 12 }, (_, i) => (i % 3 === 0
      ? db.$transaction(async (tx) => {
        await tx.community.create({ data: { platform: "console", externalId: `${run}-rolled-back-${i}` } });
        await new Promise((resolve) => setTimeout(resolve, 5));
        throw new Error("rolled back");
      }).catch(() => undefined)
      : i % 3 === 1
        ? db.$transaction(async (tx) => tx.community.create({ data: { platform: "console", externalId: `${run}-committed-${i}` } }))
        : db.community.create({ data: { platform: "console", externalId: `${run}-plain-${i}` } })));
    await Promise.all(work);
    const kept = (await db.community.findMany({ where: { externalId: { startsWith: run } } })).map((c) => c.externalId.slice(run.length + 1)).sort();
    expect(kept).toEqual(["committed-1", "committed-10", "committed-4", "committed-7", "plain-11", "plain-2", "plain-5", "plain-8"]);
  });
});
