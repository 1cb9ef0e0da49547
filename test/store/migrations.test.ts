import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { freshSqliteUrl, postgresUrl } from "../support/db.js";

// The migrations of each database, replayed from empty, give exactly the schema the client is
// generated from. Migrations are written on branches side by side; a SQLite migration that
// redefines a table copies it as its own branch saw it, and would silently drop a column another
// branch added: this is where such a loss shows.

const cli = createRequire(import.meta.url).resolve("prisma/build/index.js");

/** `prisma migrate diff` from the migrations folder to the schema: its exit code and output. */
function diffMigrationsToSchema(provider: "sqlite" | "postgres", databaseUrl: string): Promise<{ code: number | null; output: string }> {
  const args = [
    cli, "migrate", "diff",
    "--from-migrations", `prisma/${provider}/migrations`,
    "--to-schema-datamodel", `prisma/${provider}/schema.prisma`,
    "--exit-code",
  ];
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, args, { env: { ...process.env, DATABASE_URL: databaseUrl }, stdio: ["ignore", "pipe", "pipe"] });
    const output: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => output.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => output.push(chunk));
    child.on("error", fail);
    child.on("close", (code) => done({ code, output: Buffer.concat(output).toString("utf8") }));
  });
}

describe("migrations", () => {
  it("given the SQLite migrations replayed from empty then they give the SQLite schema exactly", async () => {
    const { code, output } = await diffMigrationsToSchema("sqlite", freshSqliteUrl());
    expect(output).toContain("No difference detected");
    expect(code).toBe(0);
  }, 60_000);

  const url = postgresUrl();
  it.skipIf(url === null)("given the PostgreSQL migrations replayed from empty then they give the PostgreSQL schema exactly", async () => {
    const { code, output } = await diffMigrationsToSchema("postgres", url!);
    expect(output).toContain("No difference detected");
    expect(code).toBe(0);
  }, 60_000);
});
