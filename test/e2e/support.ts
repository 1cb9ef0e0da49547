// Shared set-up of the end-to-end tests: the real dispatcher and commands over a fresh SQLite
// store, a logger that keeps what went wrong (so a test can fail on a swallowed error), and
// read-backs of what the store holds.
import { Writable } from "node:stream";
import { commands } from "../../commands/index.js";
import { createMusubi, type Musubi } from "../../src/app/dispatcher.js";
import { createLogger, type Logger } from "../../src/logger.js";
import type { CommunityRecord, Platform, ProfileRecord } from "../../src/store/records.js";
import type { Store } from "../../src/store/repositories.js";
import { sqliteStore } from "../support/db.js";

export const DEFAULTS = { locale: "ja", timeZone: "Asia/Tokyo" } as const;

export interface TestBot {
  store: Store;
  musubi: Musubi;
  log: Logger;
  /** Every log line at warn level or above (parsed), e.g. "interaction failed" or "listener failed". */
  problems: Array<Record<string, unknown>>;
}

export function createTestBot(): TestBot {
  const store = sqliteStore();
  const problems: Array<Record<string, unknown>> = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString("utf8").split("\n")) if (line.trim()) problems.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const log = createLogger({ level: "warn", secrets: [], destination });
  const musubi = createMusubi({
    jobs: { schedule: async () => undefined, runSoon: () => undefined }, store, commands, log, defaults: { ...DEFAULTS } });
  return { store, musubi, log, problems };
}

/** The community of a guild/workspace as stored (it exists once anyone there used the bot). */
export async function communityOf(store: Store, platform: Platform, externalId: string): Promise<CommunityRecord> {
  // `ensure` with an empty name changes nothing on an existing row.
  return store.communities.ensure(platform, externalId, { name: "", ...DEFAULTS });
}

/** The stored profile of a member, or null (also when the member was never seen). */
export async function profileOf(store: Store, platform: Platform, externalId: string, userId: string): Promise<ProfileRecord | null> {
  const community = await communityOf(store, platform, externalId);
  const member = await store.members.findByPlatformUser(community.id, userId);
  return member && store.profiles.find(community.id, member.id);
}

/** A short summary of logged problems, for an assertion message. */
export function describeProblems(problems: TestBot["problems"]): string {
  return problems.map((p) => `${String(p.msg)} ${JSON.stringify(p.err ?? p.bolt ?? "")}`).join("\n");
}
