// A round that fails while matching (a crash, a busy database) is run again: what it wrote before
// failing must not be counted twice. In process, with a store that fails once.
import { afterEach, describe, expect, it } from "vitest";
import { PAIRING_JOBS, pairingJobHandlers, planNextPairingRound } from "../../src/app/pairing/pairing-round.js";
import { manualClock } from "../../src/clock.js";
import type { Intro } from "../../src/core/profile.js";
import { createOutbox } from "../../src/jobs/outbox.js";
import type { JobDeps, JobHandler } from "../../src/jobs/queue.js";
import { createScheduler } from "../../src/jobs/scheduler.js";
import { createLogger } from "../../src/logger.js";
import { createDb } from "../../src/store/db.js";
import { createStore, type Store } from "../../src/store/repositories.js";
import { freshSqliteUrl } from "../support/db.js";
import { recordingPort } from "../support/recording-port.js";

const intro = (industry: Intro["industry"]): Intro => ({
  industry, role: "Engineer", seniority: "3-7", interests: [], canOffer: ["code review"], lookingFor: ["mentoring"],
  languages: ["ja"], city: "", meetingPreference: "online", bio: "",
});

const open: Store[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((store) => store.disconnect()));
});

describe("a round run again after failing while matching", () => {
  it("given a member with one missed follow-up and a round that fails once while matching, then the miss is counted once", async () => {
    const db = createDb(freshSqliteUrl());
    const store = createStore(db);
    open.push(store);
    let failNext = false;
    // The engine's history is read after the misses are counted and before the groups are saved.
    const flaky: Store = {
      ...store,
      forCommunity(communityId) {
        const scoped = store.forCommunity(communityId);
        return {
          ...scoped,
          pairing: {
            ...scoped.pairing,
            async history() {
              if (failNext) {
                failNext = false;
                throw new Error("database is locked");
              }
              return scoped.pairing.history();
            },
          },
        };
      },
    };
    const clock = manualClock(new Date("2026-11-26T00:00:00Z"));
    const { port } = recordingPort();
    const log = createLogger({ level: "silent", secrets: [] });
    const handlers: Record<string, JobHandler> = {};
    const scheduler = createScheduler({ db, handlers, log, now: clock.now });
    const deps: JobDeps = { store: flaky, outbox: createOutbox(db), jobs: scheduler, portFor: async () => port, log, now: clock.now };
    Object.assign(handlers, pairingJobHandlers(deps));
    const community = await store.communities.ensure("console", "crash-retry", { name: "Test", locale: "en", timeZone: "Asia/Tokyo" });
    await store.forCommunity(community.id).pairing.updateSettings({ enabled: true, channelId: "pairing", headsUp: false, noRepeatWeeks: 0 });
    const ids: string[] = [];
    for (const [name, industry] of [["aiko", "it"], ["ken", "design"]] as const) {
      const member = await store.forCommunity(community.id).members.ensure({ platformUserId: name, displayName: name });
      await store.forCommunity(community.id).profiles.save(member.id, intro(industry));
      await store.forCommunity(community.id).pairing.setParticipation(member.id, { active: true });
      ids.push(member.id);
    }
    const at = (iso: string) => {
      clock.set(new Date(iso));
      return scheduler.runDue();
    };
    await planNextPairingRound({ community, store: store.forCommunity(community.id), jobs: scheduler }, clock.now());
    await at("2026-11-30T00:00:00Z");
    await at("2026-12-07T00:00:00Z");
    expect(await store.forCommunity(community.id).pairing.participant(ids[0]!)).toMatchObject({ missedFollowUps: 1 });

    failNext = true;
    await at("2026-12-14T00:00:00Z");
    const failed = await db.job.findFirstOrThrow({ where: { kind: PAIRING_JOBS.round, lastError: { not: null } } });
    expect(failed).toMatchObject({ status: "pending", lastError: "database is locked" });
    await at("2026-12-14T00:05:00Z");

    const round = await db.pairingRound.findFirstOrThrow({ where: { communityId: community.id, period: "2026-12-14" } });
    expect(round.status).toBe("announced");
    for (const id of ids) {
      expect(await store.forCommunity(community.id).pairing.participant(id)).toMatchObject({ missedFollowUps: 2, autoPaused: false });
    }
    expect(await store.forCommunity(community.id).pairing.groups(round.id)).toHaveLength(1);
  });
});
