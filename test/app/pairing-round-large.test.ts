// A round of a large pool on SQLite and PostgreSQL: its groups are stored in batches (no
// transaction that grows with the pool and outlasts the database's time limit), the engine runs
// in a worker thread, and a round that stopped half-way through storing is made again without a
// group counted twice.
import { describe, expect, it } from "vitest";
import { PAIRING_JOBS, pairingJobHandlers, scheduleManualPairingRound } from "../../src/app/pairing/pairing-round.js";
import { OFF_THREAD_POOL } from "../../src/app/pairing/pool.js";
import { manualClock } from "../../src/clock.js";
import { createOutbox } from "../../src/jobs/outbox.js";
import type { JobDeps, JobHandler } from "../../src/jobs/queue.js";
import { createScheduler } from "../../src/jobs/scheduler.js";
import { createLogger } from "../../src/logger.js";
import type { PlatformPort } from "../../src/port/port.js";
import type { Store } from "../../src/store/repositories.js";
import { storeBackends, storesOn } from "../support/db.js";
import { seedPool } from "../support/pool-seed.js";
import { recordingPort } from "../support/recording-port.js";

/** Large enough for several write batches and the engine's worker thread; small enough for a quick test. */
const MEMBERS = 1_200;

/** Stops the round at its first private space: what these tests look at is stored before it. */
function stopAtFirstSpace(port: PlatformPort): PlatformPort {
  return { ...port, openPairSpace: async () => Promise.reject(new Error("stopped before the spaces")) };
}

async function largeRound(store: Store & { db: Parameters<typeof createScheduler>[0]["db"] }, saveGroupsFails?: { after: number }) {
  const { db } = store;
  const clock = manualClock(new Date("2026-12-01T00:00:00Z"));
  const { port, sent } = recordingPort();
  const log = createLogger({ level: "silent", secrets: [] });
  const handlers: Record<string, JobHandler> = {};
  const scheduler = createScheduler({ db, handlers, log, now: clock.now });
  let failing = saveGroupsFails;
  // A store whose first saveGroups writes the first groups only and then fails, like a process killed half-way.
  const stored: Store = {
    ...store,
    forCommunity(communityId) {
      const scoped = store.forCommunity(communityId);
      return {
        ...scoped,
        pairing: {
          ...scoped.pairing,
          async saveGroups(roundId, groups) {
            if (!failing) return scoped.pairing.saveGroups(roundId, groups);
            await scoped.pairing.saveGroups(roundId, groups.slice(0, failing.after));
            failing = undefined;
            throw new Error("stopped half-way");
          },
        },
      };
    },
  };
  const deps: JobDeps = { store: stored, outbox: createOutbox(db), jobs: scheduler, portFor: async () => stopAtFirstSpace(port), log, now: clock.now };
  Object.assign(handlers, pairingJobHandlers(deps));
  const community = await store.communities.ensure("console", `large-${Math.random()}`, { name: "Large", locale: "en", timeZone: "Asia/Tokyo" });
  await store.forCommunity(community.id).pairing.updateSettings({ enabled: true, channelId: "pairing", headsUp: false, announceStyle: "count" });
  const memberIds = await seedPool(db, community.id, MEMBERS, (i) => `user-${i}`);
  await scheduleManualPairingRound({ community, jobs: scheduler }, clock.now());
  /** Runs what is due, `minutes` after the start (a failed job is retried a few minutes later). */
  const run = (minutes = 0) => {
    clock.set(new Date(Date.parse("2026-12-01T00:00:00Z") + minutes * 60_000));
    return scheduler.runDue();
  };
  const round = () => db.pairingRound.findFirstOrThrow({ where: { communityId: community.id } });
  const groups = () => db.pairingGroup.findMany({ where: { communityId: community.id }, include: { members: true }, orderBy: { position: "asc" } });
  const roundJob = () => db.job.findFirstOrThrow({ where: { communityId: community.id, kind: PAIRING_JOBS.round } });
  return { run, round, groups, roundJob, memberIds, sent };
}

/** Every member of the pool in exactly one group, the positions 0, 1, 2 … in order. */
function expectEveryoneOnce(groups: { position: number; members: { memberId: string }[] }[], memberIds: string[]) {
  const placed = groups.flatMap((g) => g.members.map((m) => m.memberId));
  expect(placed).toHaveLength(memberIds.length);
  expect(new Set(placed)).toEqual(new Set(memberIds));
  expect(groups.map((g) => g.position)).toEqual(groups.map((_, i) => i));
}

describe.each(storeBackends())("a large round on %s", (backend, url) => {
  const stores = storesOn(backend, url);

  it.skipIf(stores.skip)(`given ${MEMBERS} members in the pool (over ${OFF_THREAD_POOL}: the engine in a worker thread), then the round stores every group and is matched`, async () => {
    const w = await largeRound(stores.open());
    await w.run();
    expect((await w.round()).status).toBe("matched");
    const groups = await w.groups();
    expect(groups).toHaveLength(MEMBERS / 2);
    expectEveryoneOnce(groups, w.memberIds);
    expect(w.sent.filter((s) => s.channelId === "pairing")).toHaveLength(1);
  }, 240_000);

  it.skipIf(stores.skip)("given the round stopped after storing part of its groups, then its re-run stores each group once and the first attempt's groups are gone", async () => {
    const w = await largeRound(stores.open(), { after: 550 });
    await w.run();
    expect((await w.round()).status).toBe("planned");
    expect(await w.groups()).toHaveLength(550);
    expect(w.sent).toHaveLength(0);
    expect((await w.roundJob()).lastError).toBe("stopped half-way");

    await w.run(30);
    expect((await w.round()).status).toBe("matched");
    const groups = await w.groups();
    expect(groups).toHaveLength(MEMBERS / 2);
    expectEveryoneOnce(groups, w.memberIds);
  }, 240_000);
});
