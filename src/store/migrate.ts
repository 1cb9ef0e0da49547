import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { isPostgresUrl } from "./db.js";

/** The folder of prisma.config.ts, above this file both in src/ (tsx) and in dist/src/ (the build). */
function findProjectRoot(): string {
  for (let dir = dirname(new URL(import.meta.url).pathname); dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(resolve(dir, "prisma.config.ts"))) return dir;
  }
  throw new Error("prisma.config.ts not found above src/store/migrate");
}
const projectRoot = findProjectRoot();

/** The migrations of the database's provider, by folder name (prisma/<provider>/migrations/<name>/migration.sql). */
function migrationNames(databaseUrl: string): string[] {
  const dir = join(projectRoot, "prisma", isPostgresUrl(databaseUrl) ? "postgres" : "sqlite", "migrations");
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name);
}

const APPLIED = `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;

/** Migrations Prisma recorded as applied; nothing when the database or its history does not exist yet. */
async function appliedMigrations(databaseUrl: string): Promise<Set<string>> {
  try {
    if (isPostgresUrl(databaseUrl)) {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      try {
        return new Set((await client.query<{ migration_name: string }>(APPLIED)).rows.map((row) => row.migration_name));
      } finally {
        await client.end();
      }
    }
    const file = resolve(projectRoot, databaseUrl.replace(/^file:/, ""));
    if (!existsSync(file)) return new Set();
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return new Set((db.prepare(APPLIED).all() as { migration_name: string }[]).map((row) => row.migration_name));
    } finally {
      db.close();
    }
  } catch {
    return new Set();
  }
}

/**
 * Applies pending migrations with Prisma's own `migrate deploy` (its JavaScript engine path,
 * configured in prisma.config.ts), so the bot and the CLI share one migration history. When
 * Prisma's history already holds every migration folder (a restart: nearly always), the CLI is
 * not started at all: spawning it was about half of start-up.
 */
export async function applyMigrations(databaseUrl: string): Promise<void> {
  if (!isPostgresUrl(databaseUrl)) {
    mkdirSync(dirname(resolve(projectRoot, databaseUrl.replace(/^file:/, ""))), { recursive: true });
  }
  const applied = await appliedMigrations(databaseUrl);
  if (migrationNames(databaseUrl).every((name) => applied.has(name))) return;
  const cli = createRequire(import.meta.url).resolve("prisma/build/index.js");
  const output: Buffer[] = [];
  const code = await new Promise<number | null>((done, fail) => {
    const child = spawn(process.execPath, [cli, "migrate", "deploy"], {
      cwd: projectRoot,
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout.on("data", (chunk: Buffer) => output.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => output.push(chunk));
    child.on("error", fail);
    child.on("close", done);
  });
  if (code !== 0) {
    throw new Error(`Database migration failed (exit ${code}):\n${Buffer.concat(output).toString("utf8")}`);
  }
}
