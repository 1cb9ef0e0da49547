import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as childProcess from "node:child_process";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createDb } from "../../src/store/db.js";
import { applyMigrations } from "../../src/store/migrate.js";

// Start-up applies migrations with Prisma's CLI only when one is pending: a restart starts no subprocess.

vi.mock("node:child_process", async (original) => {
  const actual = await original<typeof import("node:child_process")>();
  return { ...actual, spawn: vi.fn(actual.spawn) };
});

afterEach(() => {
  vi.mocked(childProcess.spawn).mockClear();
});

describe("migrations at start-up", () => {
  it("given a new SQLite file, then Prisma's CLI migrates it; given it is up to date, then no CLI is started and it still works", async () => {
    const url = `file:${join(mkdtempSync(join(tmpdir(), "musubi-migrate-")), "musubi.db")}`;
    await applyMigrations(url);
    expect(childProcess.spawn).toHaveBeenCalledTimes(1);

    await applyMigrations(url);
    expect(childProcess.spawn).toHaveBeenCalledTimes(1);
    const db = createDb(url);
    try {
      expect(await db.community.count()).toBe(0);
      expect(await db.offerTerm.count()).toBe(0);
    } finally {
      await db.$disconnect();
    }
  }, 120_000);
});
