import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { applyMigrations } from "../../src/store/migrate.js";

// Migrates once per run: a template SQLite file that each test copies, and the PostgreSQL test
// database when one is reachable (CI always provides one; elsewhere its tests are skipped).

const DEFAULT_PG_URL = "postgresql://musubi:musubi@127.0.0.1:5432/musubi_test";

declare module "vitest" {
  export interface ProvidedContext {
    sqliteTemplate: string;
    postgresUrl: string | null;
  }
}

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export default async function setup(project: TestProject) {
  // A template of this run's own: runs started side by side never touch each other's.
  const folder = mkdtempSync(join(tmpdir(), "musubi-template-"));
  const template = join(folder, "template.db");
  await applyMigrations(`file:${template}`);
  project.provide("sqliteTemplate", template);

  const postgresUrl = process.env.TEST_DATABASE_URL ?? DEFAULT_PG_URL;
  if (await reachable(postgresUrl)) {
    await applyMigrations(postgresUrl);
    project.provide("postgresUrl", postgresUrl);
  } else if (process.env.CI) {
    throw new Error(`PostgreSQL is not reachable at ${postgresUrl.replace(/:[^:@/]*@/, ":***@")}; CI must provide it`);
  } else {
    console.warn(`\n[musubi] PostgreSQL not reachable at ${postgresUrl.replace(/:[^:@/]*@/, ":***@")}: its store tests are skipped. Set TEST_DATABASE_URL or run .ci/run.\n`);
    project.provide("postgresUrl", null);
  }
  return () => rmSync(folder, { recursive: true, force: true });
}
