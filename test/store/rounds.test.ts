import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { communityContext } from "../../src/app/context.js";
import { ROUND_JOBS, createRound, joinRound, leaveRound } from "../../src/app/rounds/service.js";
import type { NewJob } from "../../src/jobs/queue.js";
import { createLogger } from "../../src/logger.js";
import type { RoundFields } from "../../src/store/rounds-repository.js";
import { storeBackends, storesOn } from "../support/db.js";
import { recordingPort } from "../support/recording-port.js";

// Seats of a round on both databases, with the real use cases: members pressing Join at the same
// moment never take more seats than there are.

const NOW = new Date("2026-11-26T01:00:00Z");
const fields: RoundFields = {
  kind: "study", title: "TypeScript 勉強会", topic: "", description: "", timeZone: "Asia/Tokyo", cadence: "weekly",
  durationMinutes: 60, capacity: 3, onlineUrl: "https://meet.example.com/ts", venue: null, facilitation: "organizer",
  reminderMinutes: [1440, 60],
};

describe.each(storeBackends())("rounds on %s", (backend, url) => {
  const { open, skip } = storesOn(backend, url);

  async function world() {
    const store = open();
    const community = await store.communities.ensure("console", randomUUID(), { name: "Rounds", locale: "ja", timeZone: "Asia/Tokyo" });
    const organizer = await store.forCommunity(community.id).members.ensure({ platformUserId: "organizer", displayName: "organizer" });
    const round = await store.forCommunity(community.id).transaction((tx) => tx.rounds.create(organizer.id, fields, [
      { startsAt: new Date("2026-12-01T10:00:00Z"), label: "型の基礎", facilitatorId: organizer.id },
      { startsAt: new Date("2026-12-08T10:00:00Z"), label: "ジェネリクス", facilitatorId: organizer.id },
    ]));
    const { port, sent } = recordingPort();
    const ctx = communityContext(
      { store, jobs: { schedule: async () => undefined, runSoon: () => undefined }, now: () => NOW },
      community, port, createLogger({ level: "silent", secrets: [] }),
    );
    return { store, community, round, ctx, sent };
  }

  it.skipIf(skip)("given twelve members pressing Join at the same moment for three seats, then three are seated and nine wait in order", async () => {
    const { store, community, round, ctx } = await world();
    const members = await Promise.all(Array.from({ length: 12 }, (_, i) =>
      store.forCommunity(community.id).members.ensure({ platformUserId: `m${i}`, displayName: `member ${i}` })));
    const answers = await Promise.all(members.map((m) => joinRound(ctx, round, m)));
    expect(answers.filter((a) => a.outcome === "seated")).toHaveLength(3);
    const waiting = answers.flatMap((a) => (a.outcome === "waitlisted" ? [a.position] : []));
    expect(waiting.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const stored = await store.forCommunity(community.id).rounds.participants(round.id);
    expect(stored.filter((p) => p.status === "seat")).toHaveLength(3);
  });

  it.skipIf(skip)("given a round created with reminders 2 days and 30 minutes before, then each session's reminders are due then, and the facilitator's 3 days before", async () => {
    const { store, community, ctx } = await world();
    const jobs: NewJob[] = [];
    const organizer = await store.forCommunity(community.id).members.ensure({ platformUserId: "organizer", displayName: "organizer" });
    const first = new Date("2026-12-05T10:30:00Z");
    await createRound({ ...ctx, jobs: { schedule: async (job) => void jobs.push(job), runSoon: () => undefined } }, organizer, {
      kind: "reading", title: "輪読会", topic: "", description: "", firstStart: first, zone: "Asia/Tokyo", cadence: "once",
      sessions: 1, durationMinutes: 90, capacity: 5, venue: "渋谷", facilitation: "organizer", agenda: [""], reminderMinutes: [2880, 30],
    }, undefined);
    const reminders = jobs.filter((j) => j.kind === ROUND_JOBS.reminder).map((j) => [j.payload?.audience, (first.getTime() - j.dueAt.getTime()) / 60_000]);
    expect(reminders.sort()).toEqual([["facilitator", 4320], ["participants", 2880], ["participants", 30]].sort());
    expect(jobs.filter((j) => j.kind === ROUND_JOBS.after).map((j) => j.dueAt)).toEqual([new Date("2026-12-05T12:00:00Z")]);
  });

  it.skipIf(skip)("given a seated member leaves, then the first waiting gets the seat and a direct message, and the numbers start from 1 by round", async () => {
    const { store, community, round, ctx, sent } = await world();
    const [a, b, c, d] = await Promise.all(["a", "b", "c", "d"].map((id) => store.forCommunity(community.id).members.ensure({ platformUserId: id, displayName: id })));
    for (const m of [a!, b!, c!, d!]) await joinRound(ctx, round, m);
    expect(await leaveRound(ctx, round, b!)).toBe(true);
    expect(await leaveRound(ctx, round, b!)).toBe(false);
    const stored = await store.forCommunity(community.id).rounds.participants(round.id);
    expect(stored.map((p) => [p.platformUserId, p.status])).toEqual([["a", "seat"], ["c", "seat"], ["d", "seat"]]);
    expect(sent.filter((s) => s.kind === "dm").map((s) => s.channelId)).toEqual(["dm-d"]);
    expect(round.number).toBe(1);
  });
});
