import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inject } from "vitest";
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
