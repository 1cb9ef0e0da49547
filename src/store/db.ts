// One Prisma client per provider behind one type, chosen by DATABASE_URL
// (each provider has its own generated client: see docs/database.md).
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as PgClient } from "../generated/pg/client.js";
import { PrismaClient as SqliteClient } from "../generated/sqlite/client.js";

/** Both generated clients expose the same model API. */
export type Db = SqliteClient;

export const isPostgresUrl = (url: string) => /^postgres(ql)?:\/\//.test(url);

export function createDb(url: string): Db {
  if (isPostgresUrl(url)) {
    return new PgClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as Db;
  }
  return new SqliteClient({ adapter: new PrismaBetterSQLite3({ url }) });
}

/** The client inside `$transaction`: repositories take either. */
export type DbTransaction = Parameters<Parameters<Db["$transaction"]>[0]>[0];
export type DbClient = Db | DbTransaction;
