import { execFile } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { freshSqliteUrl } from "../support/db.js";

const run = promisify(execFile);
const here = new URL(".", import.meta.url).pathname;

/** Row ids (cuids) differ on every run; everything else in a transcript must not. */
const stable = (text: string) => text.replace(/\bc[a-z0-9]{24}\b/g, "<id>");

describe("console script mode", () => {
  it.each(["intro-session", "pairing-session", "offers-session", "rounds-session"])("given the checked-in %s, then `npm start -- --script` prints its transcript", async (name) => {
    const { stdout } = await run(process.execPath, ["--import", "tsx", "src/main.ts", "--script", `${here}${name}.txt`], {
      env: { ...process.env, DATABASE_URL: freshSqliteUrl(), LOG_LEVEL: "warn", DISCORD_TOKEN: "", SLACK_BOT_TOKEN: "" },
    });
    const expectedFile = `${here}${name}.expected.txt`;
    if (process.env.UPDATE_TRANSCRIPTS) await writeFile(expectedFile, stable(stdout));
    expect(stable(stdout)).toBe(await readFile(expectedFile, "utf8"));
  });
});
