// Prisma CLI config (Prisma 6.19.x). Used ONLY by the `prisma` CLI (generate / migrate / db),
// never by the running bot. Migrations run through Prisma's WebAssembly schema engine
// (`engine: "js"`) and a driver adapter, so no native schema-engine download is needed.
//
// DATABASE_URL selects the target:  file:./data/musubi.db (default)  |  postgresql://user:pw@host:5432/db
import { createRequire } from "node:module";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";

const url = process.env.DATABASE_URL ?? "file:./data/musubi.db";
const isPg = /^postgres(ql)?:\/\//.test(url);
const dir = isPg ? "prisma/postgres" : "prisma/sqlite";

// ---------------------------------------------------------------------------------------------
// Workarounds for bugs in the (experimental, removed in Prisma 7) JS schema-engine path.
// All are CLI-process-only; none affects the generated client or the app.
// ---------------------------------------------------------------------------------------------

// W1. The wasm engine arms long timeout timers (10 s PG advisory lock, 60 s on SQLite) and never
//     clears them, so `migrate dev` lingers 10-60 s after it has finished. Unref only those timers.
const realSetTimeout = globalThis.setTimeout;
globalThis.setTimeout = ((fn: (...a: unknown[]) => void, ms?: number, ...args: unknown[]) => {
  const t = realSetTimeout(fn, ms, ...args);
  if ((ms ?? 0) >= 10_000 && new Error().stack?.includes("wasm://")) t.unref();
  return t;
}) as typeof setTimeout;

// W2. prisma/orm#27403: adapter-pg 6.x cannot map PostgreSQL `"char"` (OID 18) and `name`
//     (OID 19), which the engine's catalog queries return. Report them as `text` (OID 25).
if (isPg) {
  const AS_TEXT = new Set([18, 19]);
  const Result = createRequire(import.meta.url)("pg/lib/result.js");
  const addFields = Result.prototype.addFields;
  Result.prototype.addFields = function (fields: Array<{ dataTypeID: number }>) {
    for (const f of fields) if (AS_TEXT.has(f.dataTypeID)) f.dataTypeID = 25;
    return addFields.call(this, fields);
  };
}

type PgCfg = {
  host: string; port: number; user: string; password: string; database: string;
  allowExitOnIdle: boolean;
};
function pgConfig(u: URL): PgCfg {
  return {
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: decodeURIComponent(u.pathname.slice(1)),
    allowExitOnIdle: true, // the CLI never ends the pool: don't wait 10 s for idle clients
  };
}

// W3. PrismaPg.connectToShadowDb() builds `{...config, database}` (a connectionString would win
//     over `database`, so the "shadow" DB would be the real one) and DROPs the shadow DB before
//     closing its pool ("database ... is being accessed by other users"). Re-implemented here.
//     The DB user needs CREATEDB for `migrate dev` (not for `migrate deploy`).
class PgForMigrate extends PrismaPg {
  constructor(private readonly cfg: PgCfg) {
    super(cfg);
  }
  override async connectToShadowDb() {
    const admin = await this.connect();
    const name = `prisma_migrate_shadow_db_${globalThis.crypto.randomUUID()}`;
    await admin.executeScript(`CREATE DATABASE "${name}"`);
    const shadow = await new PrismaPg({ ...this.cfg, database: name }).connect();
    const release = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await release();
      await admin.executeScript(`DROP DATABASE IF EXISTS "${name}"`);
      await admin.dispose();
    };
    return shadow;
  }
}

// W4. `migrate dev` replays each migration file into the (in-memory) SQLite shadow DB with
//     executeRaw(), i.e. better-sqlite3 prepare(): one statement only -> "External error id#0"
//     (P3006). Send parameterless executeRaw() on the shadow DB through executeScript() (exec()).
class SqliteForMigrate extends PrismaBetterSQLite3 {
  override async connectToShadowDb() {
    const shadow = await super.connectToShadowDb();
    const executeRaw = shadow.executeRaw.bind(shadow);
    shadow.executeRaw = async (q) =>
      q.args.length === 0 ? (await shadow.executeScript(q.sql), 0) : executeRaw(q);
    return shadow;
  }
}
// W5 (not code): on a brand-new SQLite file `migrate dev`/`migrate status` fail with P1014
//     ("_prisma_migrations does not exist"); `migrate deploy` creates that table, hence the
//     `db:migrate` script runs `prisma migrate deploy && prisma migrate dev`.

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: `${dir}/schema.prisma`,
  migrations: { path: `${dir}/migrations` },
  async adapter() {
    return isPg ? new PgForMigrate(pgConfig(new URL(url))) : new SqliteForMigrate({ url });
  },
});
