// The pairing engine in a worker thread: while it works on a large pool, the main thread keeps
// turning (a timer fires, another answer could be sent) and then receives the groups. Shown by the
// order of events, not by timing.
import { describe, expect, it } from "vitest";
import { pairDocument } from "../../src/app/pairing/engine-task.js";
import { OFF_THREAD_POOL } from "../../src/app/pairing/pool.js";
import { moduleBeside, runOffThread } from "../../src/workers/off-thread.js";
import { seededIntro } from "../support/pool-seed.js";
import type { HeldEngineTask } from "../support/held-engine-task.js";

const MEMBERS = 2 * OFF_THREAD_POOL;

function document(n: number) {
  const members = Array.from({ length: n }, (_, i) => {
    const intro = seededIntro(i);
    return { id: `m${i}`, ...intro, city: intro.city || undefined, timeZone: "Asia/Tokyo" };
  });
  return { members, history: [], blocks: [], settings: { groupSize: 2, noRepeatWeeks: 8, now: "2026-12-07T00:00:00Z" } };
}

describe("the pairing engine off the main thread", () => {
  it(`given a pool of ${MEMBERS} members drawn in a worker thread, then a timer of the main thread fires while the worker holds the engine, and the groups come after`, async () => {
    const events: string[] = [];
    const go = new Int32Array(new SharedArrayBuffer(4));
    const task: HeldEngineTask = { document: document(MEMBERS), seed: 42, go };
    const answer = runOffThread<HeldEngineTask, ReturnType<typeof pairDocument> & { letGo: boolean }>(
      moduleBeside(import.meta.url, "../support/held-engine-task"), "pairWhenLetGo", task,
    ).then((result) => {
      events.push("groups received");
      return result;
    });
    setTimeout(() => {
      events.push("main thread timer");
      Atomics.store(go, 0, 1);
      Atomics.notify(go, 0);
    }, 0);
    const { result, letGo } = await answer;
    expect(events).toEqual(["main thread timer", "groups received"]);
    expect(letGo).toBe(true);
    expect(result.groups.flatMap((g) => g.members)).toHaveLength(MEMBERS);
  }, 120_000);

  it("given a worker task that throws, then the caller gets its error", async () => {
    await expect(runOffThread(moduleBeside(import.meta.url, "../../src/app/pairing/engine-task"), "pairDocument", { document: { members: "none" }, seed: 1 }))
      .rejects.toThrow();
  }, 60_000);
});
