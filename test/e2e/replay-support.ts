// Recorded payloads (test/fixtures/) as the replay tests read them: each must name its source.
import { readFileSync } from "node:fs";
import { join } from "node:path";

/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = any;

const FIXTURES = join(import.meta.dirname, "..", "fixtures");

/** A recorded payload without its `_source` line (which it must have). */
export function recorded(platform: "slack" | "discord", name: string): Json {
  const { _source: source, ...payload } = JSON.parse(readFileSync(join(FIXTURES, platform, `${name}.json`), "utf8")) as Json;
  if (typeof source !== "string" || source === "") throw new Error(`test/fixtures/${platform}/${name}.json names no _source`);
  return payload;
}
