// Opens the job tables on SQLite or on a private schema of the shared PostgreSQL test database.
// No vitest imports here: the worker child process (worker.ts) uses it too.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient as PgClient } from "../../src/generated/pg/client.js";
import { createDb, isPostgresUrl, type Db } from "../../src/store/db.js";

/**
 * Same client as createDb(url), but on PostgreSQL bound to `schema`: the scheduler claims any due
 * job in its tables, so tests sharing one database (other files, a parallel run) would take each
 * other's jobs. Each test gets its own schema instead (see privateSchema).
 */
export function openDb(url: string, schema?: string): Db {
  if (!isPostgresUrl(url) || schema === undefined) return createDb(url);
  return new PgClient({ adapter: new PrismaPg({ connectionString: url }, { schema }) }) as unknown as Db;
}

const JOB_TABLES = ["Job", "Delivery"];

/** A schema holding copies of the migrated job tables (columns, defaults, keys and indexes). */
export async function createPrivateSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA "${schema}"`);
    for (const table of JOB_TABLES) {
      await client.query(`CREATE TABLE "${schema}"."${table}" (LIKE public."${table}" INCLUDING ALL)`);
    }
  } finally {
    await client.end();
  }
}

export async function dropPrivateSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}
