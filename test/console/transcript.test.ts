import { execFile } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { freshSqliteUrl } from "../support/db.js";

const run = promisify(execFile);
const here = new URL(".", import.meta.url).pathname;

/** Row ids (cuids) and the run's data folder differ on every run; everything else in a transcript must not. */
const stable = (text: string, dataDir: string) => text.replace(/\bc[a-z0-9]{24}\b/g, "<id>").replaceAll(dataDir, "<data>");

describe("console script mode", () => {
  it.each(["intro-session", "pairing-session", "offers-session", "rounds-session", "network-session", "programs-session", "help-session", "help-session.en", "meeting-session", "meeting-session.en", "settings-session", "settings-session.en"])("given the checked-in %s, then `npm start -- --script` prints its transcript", async (name) => {
    const databaseUrl = freshSqliteUrl();
    const dataDir = dirname(databaseUrl.replace(/^file:/, ""));
    const { stdout } = await run(process.execPath, ["--import", "tsx", "src/main.ts", "--script", `${here}${name}.txt`], {
      env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: "warn", DISCORD_TOKEN: "", SLACK_BOT_TOKEN: "" },
    });
    const expectedFile = `${here}${name}.expected.txt`;
    if (process.env.UPDATE_TRANSCRIPTS) await writeFile(expectedFile, stable(stdout, dataDir));
    expect(stable(stdout, dataDir)).toBe(await readFile(expectedFile, "utf8"));
    // Every file the transcript says was written is there: a picture starts with PNG's signature.
    for (const [, path] of stdout.matchAll(/→ (\S+)$/gm)) {
      const bytes = await readFile(path!);
      if (path!.endsWith(".png")) expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      else expect(JSON.parse(bytes.toString("utf8"))).toHaveProperty("member");
    }
  }, 60_000);
});
