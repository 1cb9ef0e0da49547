import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, inject, it } from "vitest";
import { createDb } from "../../src/store/db.js";
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
export function storesOn(backend: string, url: string | null): { open(): Store; skip: boolean } {
  const stores: Store[] = [];
  afterAll(async () => {
    await Promise.all(stores.map((s) => s.disconnect()));
  });
  const skip = url === null;
  if (skip) it.skip(`${backend} is not reachable: skipped (CI provides it)`, () => undefined);
  return {
    skip,
    open() {
      const store = createStore(createDb(url!));
      stores.push(store);
      return store;
    },
  };
}
