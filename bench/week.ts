/**
 * A week at scale: the weekly pairing round (heads-up, pool, engine, store, announcement, one
 * private thread per group with its members and introduction, follow-ups) of many communities of
 * 50 members, through the real discord.js REST client against the Discord fake (test/fakes).
 *   npm run bench:week [-- --communities 1000 --members 50]
 *
 * The fake answers at once and sends no rate-limit headers: the run measures musubi's own time
 * and counts the API calls; the time Discord's limit of ~50 requests per second per bot imposes
 * is computed from the count (calls ÷ 50), and the week's length is the larger of the two.
 */
import { mkdtempSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { Client } from "discord.js";
import { pairingJobHandlers, planNextPairingRound } from "../src/app/pairing/pairing-round.js";
import { manualClock } from "../src/clock.js";
import { createOutbox } from "../src/jobs/outbox.js";
import type { JobDeps, JobHandler } from "../src/jobs/queue.js";
import { createScheduler } from "../src/jobs/scheduler.js";
import { createLogger } from "../src/logger.js";
import { discordPort } from "../src/platforms/discord/port.js";
import { createDb } from "../src/store/db.js";
import { applyMigrations } from "../src/store/migrate.js";
import { createStore } from "../src/store/repositories.js";
import { startFakeDiscord, type RecordedRequest } from "../test/fakes/discord.js";
import { seedPool } from "../test/support/pool-seed.js";

const { values: args } = parseArgs({ options: { communities: { type: "string", default: "1000" }, members: { type: "string", default: "50" } } });
const COMMUNITIES = Number(args.communities);
const MEMBERS = Number(args.members);
/** Discord's global limit per bot (requests per second). */
const DISCORD_LIMIT = 50;

const guildId = (c: number) => String(920000000000000000n + BigInt(c) * 1000n);
const channelId = (c: number) => String(930000000000000000n + BigInt(c));
const userId = (c: number, i: number) => String(840000000000000000n + BigInt(c) * 1000n + BigInt(i));
const OWNER = { id: "830000000000000000", username: "organizer" };

const guilds = Array.from({ length: COMMUNITIES }, (_, c) => ({
  id: guildId(c), name: `Meetup ${c + 1}`, owner_id: OWNER.id, channels: [{ id: channelId(c), name: "pairing" }],
  members: [OWNER, ...Array.from({ length: MEMBERS }, (_, i) => ({ id: userId(c, i), username: `m${c}-${i}` }))],
}));
const fake = await startFakeDiscord({ guilds });
const client = new Client({ intents: [], rest: { api: fake.apiUrl } });
client.rest.setToken("bench-token");
const port = discordPort(client);

const url = `file:${join(mkdtempSync(join(tmpdir(), "musubi-bench-week-")), "bench.db")}`;
await applyMigrations(url);
const db = createDb(url);
const store = createStore(db);
const clock = manualClock(new Date("2026-12-01T00:00:00Z"));
const log = createLogger({ level: "silent", secrets: [] });
const handlers: Record<string, JobHandler> = {};
const scheduler = createScheduler({ db, handlers, log, now: clock.now });
const deps: JobDeps = { store, outbox: createOutbox(db), jobs: scheduler, portFor: async () => port, log, now: clock.now };
Object.assign(handlers, pairingJobHandlers(deps));

for (let c = 0; c < COMMUNITIES; c++) {
  const community = await store.communities.ensure("discord", guildId(c), { name: `Meetup ${c + 1}`, locale: "ja", timeZone: "Asia/Tokyo" });
  await store.forCommunity(community.id).pairing.updateSettings({ enabled: true, channelId: channelId(c), headsUp: true, weekday: 1, hour: 9 });
  await seedPool(db, community.id, MEMBERS, (i) => userId(c, i));
  await planNextPairingRound({ community, store: store.forCommunity(community.id), jobs: scheduler }, clock.now());
}

/** Calls by kind: what one round asks of Discord. */
const kindOf = (req: RecordedRequest): string => {
  if (req.method === "POST" && /\/threads$/.test(req.path)) return "thread created";
  if (req.method === "PUT" && /thread-members/.test(req.path)) return "member added to a thread";
  if (req.method === "POST" && /\/messages$/.test(req.path)) return "message posted";
  if (req.method === "GET") return "read (retry check)";
  return `${req.method} other`;
};
const before = fake.requests.length;
const cpuBefore = process.cpuUsage();
const start = performance.now();
// The week: Sunday's heads-ups (24 h before), Monday's rounds at 09:00 JST, Thursday's follow-ups.
for (const at of ["2026-12-06T00:00:00Z", "2026-12-07T00:00:00Z", "2026-12-10T00:05:00Z"]) {
  clock.set(new Date(at));
  while ((await scheduler.runDue()) > 0);
}
const seconds = (performance.now() - start) / 1000;
const cpu = process.cpuUsage(cpuBefore);
const calls = fake.requests.slice(before);
const groups = await db.pairingGroup.count();
const byKind = new Map<string, number>();
for (const req of calls) byKind.set(kindOf(req), (byKind.get(kindOf(req)) ?? 0) + 1);

const limited = calls.length / DISCORD_LIMIT;
const perCommunity = calls.length / COMMUNITIES;
console.log(`bench:week — ${COMMUNITIES} communities × ${MEMBERS} members on Discord (SQLite; load average ${loadavg().map((x) => x.toFixed(1)).join(" ")})`);
console.log(`  groups: ${groups} (${(groups / COMMUNITIES).toFixed(1)} per community)`);
console.log(`  API calls: ${calls.length} — ${perCommunity.toFixed(1)} per community, ${(calls.length / groups).toFixed(2)} per group`);
for (const [kind, count] of [...byKind].sort((a, b) => b[1] - a[1])) console.log(`    ${kind}: ${count} (${(count / groups).toFixed(2)} per group)`);
console.log(`  musubi's own time: ${seconds.toFixed(1)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU (${(seconds / COMMUNITIES * 1000).toFixed(0)} ms per community); ${(calls.length / seconds).toFixed(0)} calls/s against the fake`);
console.log(`  at Discord's ${DISCORD_LIMIT} requests/s: ${limited.toFixed(0)} s (${(limited / 60).toFixed(1)} min) for these calls`);
const limit = limited > seconds ? `Discord's rate limit (${DISCORD_LIMIT}/s)` : "musubi's own time (CPU and database)";
console.log(`  the week's rounds take ${(Math.max(seconds, limited) / 60).toFixed(1)} min: limited by ${limit}`);
if (COMMUNITIES !== 1000) {
  const scale = 1000 / COMMUNITIES;
  console.log(`  scaled to 1,000 communities: ${((calls.length * scale) / DISCORD_LIMIT / 60).toFixed(1)} min at the rate limit, ${((seconds * scale) / 60).toFixed(1)} min of musubi's own time`);
}
await store.disconnect();
await client.destroy();
await fake.close();
