import { spawn } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, resolve } from "node:path";
import { isPostgresUrl } from "./db.js";

/** The folder of prisma.config.ts, above this file both in src/ (tsx) and in dist/src/ (the build). */
function findProjectRoot(): string {
  for (let dir = dirname(new URL(import.meta.url).pathname); dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(resolve(dir, "prisma.config.ts"))) return dir;
  }
  throw new Error("prisma.config.ts not found above src/store/migrate");
}
const projectRoot = findProjectRoot();

/**
 * Applies pending migrations with Prisma's own `migrate deploy` (its JavaScript engine path,
 * configured in prisma.config.ts), so the bot and the CLI share one migration history.
 */
export async function applyMigrations(databaseUrl: string): Promise<void> {
  if (!isPostgresUrl(databaseUrl)) {
    mkdirSync(dirname(resolve(projectRoot, databaseUrl.replace(/^file:/, ""))), { recursive: true });
  }
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
