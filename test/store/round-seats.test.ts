import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { communityContext } from "../../src/app/context.js";
import { joinRound } from "../../src/app/rounds/service.js";
import { answerSession, loadRoll } from "../../src/app/rounds/session-seats.js";
import { createLogger } from "../../src/logger.js";
import type { RoundFields } from "../../src/store/rounds-repository.js";
import { storeBackends, storesOn } from "../support/db.js";
import { recordingPort } from "../support/recording-port.js";

// Seats of one session on both databases, with the real use cases: members giving up their seat
// of a session at the same moment each hand it to a different waiting member, never one twice.

const NOW = new Date("2026-11-26T01:00:00Z");
const fields: RoundFields = {
  kind: "study", title: "Go 勉強会", topic: "", description: "", timeZone: "Asia/Tokyo", cadence: "weekly",
  durationMinutes: 60, capacity: 4, onlineUrl: "https://meet.example.com/go", venue: null, facilitation: "organizer",
  reminderMinutes: [1440, 60],
};

describe.each(storeBackends())("seats per session on %s", (backend, url) => {
  const { open, skip } = storesOn(backend, url);

  async function world() {
    const store = open();
    const community = await store.communities.ensure("console", randomUUID(), { name: "Seats", locale: "ja", timeZone: "Asia/Tokyo" });
    const scoped = store.forCommunity(community.id);
    const organizer = await scoped.members.ensure({ platformUserId: "organizer", displayName: "organizer" });
    const round = await scoped.transaction((tx) => tx.rounds.create(organizer.id, fields, [
      { startsAt: new Date("2026-12-01T10:00:00Z"), label: "並行処理", facilitatorId: organizer.id },
      { startsAt: new Date("2026-12-08T10:00:00Z"), label: "ジェネリクス", facilitatorId: organizer.id },
    ]));
    const { port, sent } = recordingPort();
    const ctx = communityContext(
      { store, jobs: { schedule: async () => undefined, runSoon: () => undefined }, now: () => NOW },
      community, port, createLogger({ level: "silent", secrets: [] }),
    );
    const members = [];
    for (const name of ["s1", "s2", "s3", "s4", "w1", "w2", "w3", "w4", "w5"]) {
      const member = await scoped.members.ensure({ platformUserId: name, displayName: name });
      await joinRound(ctx, round, member);
      members.push(member);
    }
    const sessions = await scoped.rounds.sessions(round.id);
    return { scoped, round, ctx, sent, members, sessions };
  }

  it.skipIf(skip)("given four seated members say \"I can't make it\" at the same moment, then the first four waiting each get one seat of that session, and the fifth still waits", async () => {
    const { scoped, round, ctx, sent, members, sessions } = await world();
    const session = sessions[0]!;
    const answers = await Promise.all(members.slice(0, 4).map((m) => answerSession(ctx, round, session, m, "absent")));
    expect(answers.map((a) => a.outcome)).toEqual(["absent", "absent", "absent", "absent"]);
    const { roll } = await loadRoll(scoped, round, session);
    const coming = roll.coming.map((c) => members.find((m) => m.id === c.memberId)!.platformUserId);
    expect(coming.sort()).toEqual(["w1", "w2", "w3", "w4"]);
    expect(roll.waiting.map((w) => members.find((m) => m.id === w.memberId)!.platformUserId)).toEqual(["w5"]);
    // Each promoted member is told once; the other session is as it was.
    expect(sent.filter((s) => s.kind === "dm").map((s) => s.channelId).sort()).toEqual(["dm-w1", "dm-w2", "dm-w3", "dm-w4"]);
    const other = await loadRoll(scoped, round, sessions[1]!);
    expect(other.roll.coming.map((c) => members.find((m) => m.id === c.memberId)!.platformUserId)).toEqual(["s1", "s2", "s3", "s4"]);
  });

  it.skipIf(skip)("given the same member presses \"I can't make it\" twice at once, then one waiting member is promoted, not two", async () => {
    const { scoped, round, ctx, members, sessions } = await world();
    const session = sessions[0]!;
    const answers = await Promise.all([answerSession(ctx, round, session, members[0]!, "absent"), answerSession(ctx, round, session, members[0]!, "absent")]);
    expect(answers.map((a) => a.outcome).sort()).toEqual(["absent", "alreadyAbsent"]);
    const { roll } = await loadRoll(scoped, round, session);
    expect(roll.coming).toHaveLength(4);
    expect(roll.waiting).toHaveLength(4);
  });
});
