import { execFile } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { freshSqliteUrl } from "../support/db.js";

const run = promisify(execFile);
const here = new URL(".", import.meta.url).pathname;

describe("console script mode", () => {
  it("given the checked-in session, then `npm start -- --script` prints the checked-in transcript", async () => {
    const { stdout } = await run(process.execPath, ["--import", "tsx", "src/main.ts", "--script", `${here}intro-session.txt`], {
      env: { ...process.env, DATABASE_URL: freshSqliteUrl(), LOG_LEVEL: "warn", DISCORD_TOKEN: "", SLACK_BOT_TOKEN: "" },
    });
    const expectedFile = `${here}intro-session.expected.txt`;
    if (process.env.UPDATE_TRANSCRIPTS) await writeFile(expectedFile, stdout);
    expect(stdout).toBe(await readFile(expectedFile, "utf8"));
  });
});
