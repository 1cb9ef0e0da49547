import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, inject, it } from "vitest";
import { createDb, type Db } from "../../src/store/db.js";
import { createStore, type Store } from "../../src/store/repositories.js";

/** A migrated SQLite database of its own: a copy of the template made once per run. */
export function freshSqliteUrl(): string {
  const file = join(mkdtempSync(join(tmpdir(), "musubi-test-")), "musubi.db");
  copyFileSync(inject("sqliteTemplate"), file);
  return `file:${file}`;
}

export function sqliteStore(): Store {
  return createStore(createDb(freshSqliteUrl()));
}

/** The shared PostgreSQL test database, or null when none is reachable outside CI. */
export function postgresUrl(): string | null {
  return inject("postgresUrl");
}

/** The databases store tests run on: a fresh SQLite file, and PostgreSQL (null when not reachable). */
export function storeBackends(): [string, string | null][] {
  return [["SQLite", freshSqliteUrl()], ["PostgreSQL", postgresUrl()]];
}

/**
 * Inside a describe block of one backend: opens stores on `url` and disconnects them all after
 * the block, and skips the block, saying so, when the database is not reachable.
 */
export function storesOn(backend: string, url: string | null): { open(): Store & { db: Db }; skip: boolean } {
  const stores: Store[] = [];
  afterAll(async () => {
    await Promise.all(stores.map((s) => s.disconnect()));
  });
  const skip = url === null;
  if (skip) it.skip(`${backend} is not reachable: skipped (CI provides it)`, () => undefined);
  return {
    skip,
    open() {
      const db = createDb(url!);
      const store = Object.assign(createStore(db), { db });
      stores.push(store);
      return store;
    },
  };
}

/** The exchanges a member took part in (helping or helped), newest first, with their post's title: read from the rows. */
export async function exchangesOf(db: Db, communityId: string, memberId: string) {
  const rows = await db.offerExchange.findMany({
    where: { communityId, OR: [{ helperId: memberId }, { helpedId: memberId }] },
    include: { post: { select: { title: true, kind: true } } },
    orderBy: { createdAt: "desc" },
  });
  return rows.map(({ post, ...exchange }) => ({ ...exchange, title: post.title, kind: post.kind }));
}
