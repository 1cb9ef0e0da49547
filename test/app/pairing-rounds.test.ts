import { afterEach, describe, expect, it } from "vitest";
import { PAIRING_JOBS, pairingJobHandlers, planNextPairingRound, scheduleManualPairingRound } from "../../src/app/pairing/pairing-round.js";
import { manualClock } from "../../src/clock.js";
import type { Intro } from "../../src/core/profile.js";
import { createOutbox } from "../../src/jobs/outbox.js";
import type { JobDeps, JobHandler } from "../../src/jobs/queue.js";
import { createScheduler } from "../../src/jobs/scheduler.js";
import { createLogger } from "../../src/logger.js";
import { createDb, type Db } from "../../src/store/db.js";
import type { CommunityRecord } from "../../src/store/records.js";
import { createStore, type Store } from "../../src/store/repositories.js";
import { freshSqliteUrl } from "../support/db.js";
import { recordingPort } from "../support/recording-port.js";

const intro = (overrides: Partial<Intro>): Intro => ({
  industry: "it", role: "Engineer", seniority: "3-7", interests: [], canOffer: ["code review"], lookingFor: ["mentoring"],
  languages: ["ja"], city: "", meetingPreference: "online", bio: "", ...overrides,
});

const open: { store: Store; db: Db }[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map(({ store }) => store.disconnect()));
});

async function world(timeZone = "Asia/Tokyo", start = "2026-11-26T00:00:00Z") {
  const db = createDb(freshSqliteUrl());
  const store = createStore(db);
  open.push({ store, db });
  const clock = manualClock(new Date(start));
  const { port, sent } = recordingPort();
  const log = createLogger({ level: "silent", secrets: [] });
  const handlers: Record<string, JobHandler> = {};
  const scheduler = createScheduler({ db, handlers, log, now: clock.now });
  const deps: JobDeps = { store, outbox: createOutbox(db), jobs: scheduler, portFor: async () => port, log, now: clock.now };
  Object.assign(handlers, pairingJobHandlers(deps));
  const community = await store.communities.ensure("console", `c-${Math.random()}`, { name: "Test", locale: "en", timeZone });
  const addMember = async (name: string, overrides: Partial<Intro> = {}) => {
    const member = await store.forCommunity(community.id).members.ensure({ platformUserId: name, displayName: name });
    await store.forCommunity(community.id).profiles.save(member.id, intro(overrides));
    await store.forCommunity(community.id).pairing.setParticipation(member.id, { active: true });
    return member;
  };
  await store.forCommunity(community.id).pairing.updateSettings({ enabled: true, channelId: "pairing", weekday: 1, hour: 9 });
  const at = (iso: string) => {
    clock.set(new Date(iso));
    return scheduler.runDue();
  };
  const planning = { community, store: store.forCommunity(community.id), jobs: scheduler };
  return { db, store, community, clock, scheduler, deps, planning, sent, addMember, at };
}

/** The community's pairing jobs (a round also plans the week's reconnect suggestions: not these tests' subject). */
const jobsOf = (db: Db, communityId: CommunityRecord["id"]) =>
  db.job.findMany({ where: { communityId, kind: { startsWith: "pairing." } }, orderBy: { dueAt: "asc" }, select: { kind: true, dueAt: true, status: true } });

describe("pairing rounds as jobs", () => {
  it("given pairing turned on, then a heads-up, the round and its follow-up run at their times and nothing is sent twice", async () => {
    const w = await world();
    for (const [name, industry] of [["aiko", "it"], ["ken", "design"], ["yui", "medical"], ["sho", "finance"]] as const) {
      await w.addMember(name, { industry });
    }
    await planNextPairingRound(w.planning, w.clock.now());
    expect(await jobsOf(w.db, w.community.id)).toEqual([
      { kind: PAIRING_JOBS.headsUp, dueAt: new Date("2026-11-29T00:00:00Z"), status: "pending" },
      { kind: PAIRING_JOBS.round, dueAt: new Date("2026-11-30T00:00:00Z"), status: "pending" },
    ]);
    expect(await w.at("2026-11-28T23:59:00Z")).toBe(0);
    expect(await w.at("2026-11-29T00:00:00Z")).toBe(1);
    expect(w.sent.map((s) => s.channelId)).toEqual(["pairing"]);
    expect(w.sent[0]!.message.text).toContain("4 members are in the pool");

    await w.at("2026-11-30T00:00:00Z");
    const announcement = w.sent[1]!;
    expect(announcement.channelId).toBe("pairing");
    // Each group's space: its introduction, then the times proposed to it.
    const spaces = w.sent.slice(2);
    expect(spaces).toHaveLength(4);
    expect(new Set(spaces.map((s) => s.channelId)).size).toBe(2);
    expect(spaces.filter((s) => s.message.text.startsWith("Times that fall within"))).toHaveLength(2);

    // Running the same jobs again (a second process, a retry) sends nothing more.
    const round = await w.db.pairingRound.findFirstOrThrow({ where: { communityId: w.community.id } });
    await w.db.job.updateMany({ where: { communityId: w.community.id, kind: PAIRING_JOBS.round }, data: { status: "pending" } });
    await w.at("2026-11-30T00:01:00Z");
    expect(w.sent).toHaveLength(6);
    expect(round.status).toBe("announced");

    await w.at("2026-12-03T00:00:00Z");
    const followUps = w.sent.slice(6);
    expect(followUps).toHaveLength(2);
    expect(followUps[0]!.message.buttons?.map((b) => b.label)).toEqual(["Met in person", "Met online", "Scheduled", "Couldn't meet"]);
    // The next round is planned a week later.
    expect((await jobsOf(w.db, w.community.id)).filter((j) => j.status === "pending").map((j) => j.dueAt)).toEqual([
      new Date("2026-12-06T00:00:00Z"), new Date("2026-12-07T00:00:00Z"),
    ]);
  });

  it("given the organizer moved the round to another day, then the job planned under the old rhythm does nothing", async () => {
    const w = await world();
    await w.addMember("aiko");
    await w.addMember("ken", { industry: "design" });
    await planNextPairingRound(w.planning, w.clock.now());
    await w.store.forCommunity(w.community.id).pairing.updateSettings({ weekday: 3 });
    await planNextPairingRound(w.planning, w.clock.now());
    await w.at("2026-11-30T00:00:00Z");
    expect(w.sent).toEqual([]);
    await w.at("2026-12-02T00:00:00Z");
    expect(w.sent.some((s) => s.channelId === "pairing")).toBe(true);
  });

  it("given the heads-up turned off after it was planned, then the planned one is not sent and the round still runs", async () => {
    const w = await world();
    await w.addMember("aiko");
    await w.addMember("ken", { industry: "design" });
    await planNextPairingRound(w.planning, w.clock.now());
    expect((await jobsOf(w.db, w.community.id)).map((j) => j.kind)).toContain(PAIRING_JOBS.headsUp);
    await w.store.forCommunity(w.community.id).pairing.updateSettings({ headsUp: false });
    await w.at("2026-11-29T00:00:00Z");
    expect(w.sent).toEqual([]);
    await w.at("2026-11-30T00:00:00Z");
    expect(w.sent.map((s) => s.channelId)).toEqual(["pairing", "space-aiko-ken", "space-aiko-ken"]);
    expect(w.sent[0]!.message.text).not.toContain("Heads-up");
  });

  it("given the process was down when the heads-up was due, then a heads-up due after its round is skipped and the round runs", async () => {
    const w = await world();
    await w.addMember("aiko");
    await w.addMember("ken", { industry: "design" });
    await planNextPairingRound(w.planning, w.clock.now());
    // Back up two hours after the round's time: both jobs are due at once.
    await w.at("2026-11-30T02:00:00Z");
    expect(w.sent.some((s) => s.message.text.includes("Heads-up"))).toBe(false);
    expect(w.sent.map((s) => s.channelId)).toEqual(["pairing", "space-aiko-ken", "space-aiko-ken"]);
  });

  it("given a community in New York, then its 09:00 round stays at 09:00 local across the end of daylight saving", async () => {
    const w = await world("America/New_York", "2026-10-24T00:00:00Z");
    await w.store.forCommunity(w.community.id).pairing.updateSettings({ headsUp: false });
    await w.addMember("aiko");
    await w.addMember("ken", { industry: "design" });
    await planNextPairingRound(w.planning, w.clock.now());
    await w.at("2026-10-26T13:00:00Z");
    const pending = (await jobsOf(w.db, w.community.id)).filter((j) => j.status === "pending" && j.kind === PAIRING_JOBS.round);
    expect(pending.map((j) => j.dueAt)).toEqual([new Date("2026-11-02T14:00:00Z")]);
  });

  it("given a member who left three follow-ups unanswered, then they are paused and told how to resume", async () => {
    const w = await world();
    await w.store.forCommunity(w.community.id).pairing.updateSettings({ headsUp: false, noRepeatWeeks: 0 });
    const aiko = await w.addMember("aiko");
    const ken = await w.addMember("ken", { industry: "design" });
    await planNextPairingRound(w.planning, w.clock.now());
    for (const week of ["2026-11-30", "2026-12-07", "2026-12-14", "2026-12-21"]) await w.at(`${week}T00:00:00Z`);
    // The fourth round starts by counting the third miss: both are paused and get a direct message.
    expect(await w.store.forCommunity(w.community.id).pairing.participant(aiko.id)).toMatchObject({ autoPaused: true, missedFollowUps: 3 });
    expect(await w.store.forCommunity(w.community.id).pairing.participant(ken.id)).toMatchObject({ autoPaused: true });
    const notices = w.sent.filter((s) => s.kind === "dm");
    expect(notices.map((s) => s.channelId).sort()).toEqual(["dm-aiko", "dm-ken"]);
    expect(notices[0]!.message.text).toContain("/match join");
    const lastRound = await w.db.pairingRound.findFirstOrThrow({ where: { communityId: w.community.id, period: "2026-12-21" } });
    expect(await w.store.forCommunity(w.community.id).pairing.groups(lastRound.id)).toEqual([]);
  });

  it("given a member who sat out rounds in between, then misses are counted over their own rounds whose follow-up went out", async () => {
    const w = await world();
    await w.store.forCommunity(w.community.id).pairing.updateSettings({ headsUp: false, noRepeatWeeks: 0 });
    const aiko = await w.addMember("aiko");
    await w.addMember("ken", { industry: "design" });
    const pairing = w.store.forCommunity(w.community.id).pairing;
    await planNextPairingRound(w.planning, w.clock.now());
    await w.at("2026-11-30T00:00:00Z");
    // aiko sits out the round of 12-07: it is not a miss, and does not break the row.
    const second = await pairing.ensureRound("2026-12-07", new Date("2026-12-07T00:00:00Z"));
    await pairing.skip(second.id, aiko.id);
    await w.at("2026-12-07T00:00:00Z");
    await w.at("2026-12-14T00:00:00Z");
    expect(await pairing.participant(aiko.id)).toMatchObject({ missedFollowUps: 1, autoPaused: false });
    // A round run by hand the next day: the 12-14 round's follow-up has not gone out, so it is no miss yet.
    await scheduleManualPairingRound(w.planning, new Date("2026-12-15T00:00:00Z"));
    await w.at("2026-12-15T00:00:00Z");
    expect(await pairing.participant(aiko.id)).toMatchObject({ missedFollowUps: 1, autoPaused: false });
    // By 12-21 the follow-ups of 11-30, 12-14 and the hand-run round are out, all unanswered: paused.
    await w.at("2026-12-21T00:00:00Z");
    expect(await pairing.participant(aiko.id)).toMatchObject({ missedFollowUps: 3, autoPaused: true });
    const notice = w.sent.find((s) => s.kind === "dm" && s.channelId === "dm-aiko")!;
    expect(notice.message.buttons?.map((b) => [b.actionId, b.label])).toEqual([
      ["match:paused:keep", "Keep me in"], ["match:paused:skip", "Skip the next round"], ["match:paused:leave", "Leave pairing"],
    ]);
    // Another round later: the notice is not sent again.
    await w.at("2026-12-28T00:00:00Z");
    expect(w.sent.filter((s) => s.kind === "dm" && s.channelId === "dm-aiko")).toHaveLength(1);
  });

  it("given the round stopped after pausing members but before telling them, then its re-run tells each of them once", async () => {
    const w = await world();
    await w.store.forCommunity(w.community.id).pairing.updateSettings({ headsUp: false, noRepeatWeeks: 0 });
    await w.addMember("aiko");
    await w.addMember("ken", { industry: "design" });
    await planNextPairingRound(w.planning, w.clock.now());
    for (const week of ["2026-11-30", "2026-12-07", "2026-12-14"]) await w.at(`${week}T00:00:00Z`);
    const port = (await w.deps.portFor(w.community))!;
    let failures = 1;
    w.deps.portFor = async () => ({
      ...port,
      async sendDirectMessage(userId, message, delivery) {
        if (failures-- > 0) throw new Error("connection reset");
        return port.sendDirectMessage(userId, message, delivery);
      },
    });
    await w.at("2026-12-21T00:00:00Z");
    const lastRound = await w.db.pairingRound.findFirstOrThrow({ where: { communityId: w.community.id, period: "2026-12-21" } });
    expect(lastRound.status).toBe("matched");
    await w.at("2026-12-21T01:00:00Z");
    expect(w.sent.filter((s) => s.kind === "dm").map((s) => s.channelId).sort()).toEqual(["dm-aiko", "dm-ken"]);
    expect((await w.db.pairingRound.findUniqueOrThrow({ where: { id: lastRound.id } })).status).toBe("announced");
  });

  it("given a member who answers the follow-up, then their count of misses starts again", async () => {
    const w = await world();
    await w.store.forCommunity(w.community.id).pairing.updateSettings({ headsUp: false, noRepeatWeeks: 0 });
    const aiko = await w.addMember("aiko");
    await w.addMember("ken", { industry: "design" });
    await planNextPairingRound(w.planning, w.clock.now());
    await w.at("2026-11-30T00:00:00Z");
    await w.at("2026-12-07T00:00:00Z");
    expect(await w.store.forCommunity(w.community.id).pairing.participant(aiko.id)).toMatchObject({ missedFollowUps: 1 });
    const round = await w.db.pairingRound.findFirstOrThrow({ where: { communityId: w.community.id, period: "2026-12-07" } });
    const [group] = await w.store.forCommunity(w.community.id).pairing.groups(round.id);
    await w.store.forCommunity(w.community.id).pairing.answer(group!.id, aiko.id, "online", w.clock.now());
    await w.at("2026-12-14T00:00:00Z");
    expect(await w.store.forCommunity(w.community.id).pairing.participant(aiko.id)).toMatchObject({ missedFollowUps: 0, autoPaused: false });
  });

  it("given a manual round, then it runs now under its own period and does not move the weekly rhythm", async () => {
    const w = await world();
    await w.addMember("aiko");
    await w.addMember("ken", { industry: "design" });
    const period = await scheduleManualPairingRound(w.planning, w.clock.now());
    expect(await w.scheduler.runDue()).toBe(1);
    const round = await w.db.pairingRound.findFirstOrThrow({ where: { communityId: w.community.id, period } });
    expect(round.status).toBe("announced");
    expect(w.sent.map((s) => s.channelId)).toEqual(["pairing", "space-aiko-ken", "space-aiko-ken"]);
    expect((await jobsOf(w.db, w.community.id)).map((j) => j.kind)).toEqual([PAIRING_JOBS.round, PAIRING_JOBS.followUp]);
  });
});
