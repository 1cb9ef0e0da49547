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

/** `url` with its password replaced by *** (the only form in which a URL is ever printed). */
function masked(url: string): string {
  return url.replace(/:[^:@/]*@/, ":***@");
}

/** `text` with the password of `url` masked, in a URL or on its own (e.g. echoed in an error). */
function withoutPassword(text: string, url: string): string {
  let out = text.replace(/(\/\/[^:@/\s]*):[^@/\s]*@/g, "$1:***@");
  let user = "";
  let password = "";
  try {
    ({ username: user, password } = new URL(url));
  } catch {
    // not a parseable URL: the pattern above is all we can do
  }
  // A password equal to the user name is shown by the masked URL anyway: masking it elsewhere
  // would only garble names that contain it (musubi / musubi_test).
  for (const secret of new Set([password, safeDecode(password)])) {
    if (secret && secret !== user && secret !== safeDecode(user)) out = out.split(secret).join("***");
  }
  return out;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
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

/** Prisma's own error out of a failed `migrate deploy` ("Error: P3005 The database schema…"). */
function migrationError(output: string): string {
  const lines = output.split("\n").map((line) => line.trim()).filter(Boolean);
  const at = lines.findIndex((line) => /^Error\b/.test(line));
  return (at === -1 ? lines.slice(-3) : lines.slice(at)).join(" ");
}

interface PostgresProblem {
  /** One line: why the PostgreSQL test database cannot be used. */
  reason: string;
  /** All the migration printed, for CI's log. */
  details?: string;
}

/** Migrates the PostgreSQL test database, or says why it cannot (the password masked). */
async function preparePostgres(url: string): Promise<PostgresProblem | null> {
  if (!(await reachable(url))) return { reason: "not reachable" };
  try {
    await applyMigrations(url);
    return null;
  } catch (error) {
    const output = withoutPassword(error instanceof Error ? error.message : String(error), url);
    return { reason: `reachable but its migration failed: ${migrationError(output)}`, details: output.trim() };
  }
}

export default async function setup(project: TestProject) {
  // A template of this run's own: runs started side by side never touch each other's.
  const folder = mkdtempSync(join(tmpdir(), "musubi-template-"));
  const template = join(folder, "template.db");
  await applyMigrations(`file:${template}`);
  project.provide("sqliteTemplate", template);

  // Outside CI, a PostgreSQL that cannot be used (not reachable, or reachable but its migration
  // fails: another schema, a failed migration, no rights) skips its tests and all others run.
  const postgresUrl = process.env.TEST_DATABASE_URL ?? DEFAULT_PG_URL;
  const where = masked(postgresUrl);
  const problem = await preparePostgres(postgresUrl);
  if (problem === null) {
    project.provide("postgresUrl", postgresUrl);
  } else if (process.env.CI) {
    const details = problem.details ? `\n\n${problem.details}` : "";
    throw new Error(`PostgreSQL at ${where} is ${problem.reason}\nCI must provide a PostgreSQL test database that migrates.${details}`);
  } else {
    console.warn(
      `\n[musubi] PostgreSQL at ${where} is ${problem.reason}\n` +
        `[musubi] Its tests are skipped; all others run. Set TEST_DATABASE_URL, fix or empty that database, or run .ci/run.\n`,
    );
    project.provide("postgresUrl", null);
  }
  return () => rmSync(folder, { recursive: true, force: true });
}
