// A scheduler process for the multi-process test:
//   node --import tsx test/jobs/worker.ts <DATABASE_URL> <schema or ""> <workerId>
// Connects, prints "ready", waits for "go" on stdin, then runs due jobs until none is pending or
// running, and prints {"ran": [dedupeKey, …], "polls": n, "ms": n} as one JSON line on stdout.
import { createInterface } from "node:readline";
import { setTimeout as sleep } from "node:timers/promises";
import type { ClaimedJob } from "../../src/jobs/queue.js";
import { createScheduler } from "../../src/jobs/scheduler.js";
import { createLogger } from "../../src/logger.js";
import { openDb } from "./open-db.js";

const [url, schema, workerId] = process.argv.slice(2);
if (!url || workerId === undefined) {
  process.stderr.write("usage: worker.ts <DATABASE_URL> <schema> <workerId>\n");
  process.exit(64);
}

const db = openDb(url, schema || undefined);
const ran: string[] = [];
const scheduler = createScheduler({
  db,
  workerId,
  log: createLogger({ level: "silent", secrets: [] }),
  handlers: {
    record: async (job: ClaimedJob) => {
      ran.push(job.dedupeKey);
      await sleep(Math.random() < 0.5 ? 0 : 1);
    },
  },
});

const deadline = setTimeout(() => {
  process.stderr.write(`worker ${workerId}: gave up after 40 s with ${ran.length} jobs run\n`);
  process.exit(2);
}, 40_000);

await db.job.count(); // connect before reporting ready, so both workers start on equal terms
const lines = createInterface({ input: process.stdin });
process.stdout.write("ready\n");
for await (const line of lines) if (line.trim() === "go") break;
lines.close();

const began = Date.now();
let polls = 0;
for (;;) {
  polls++;
  if ((await scheduler.runDue()) > 0) continue;
  if ((await db.job.count({ where: { status: { in: ["pending", "running"] } } })) === 0) break;
  await sleep(5);
}
clearTimeout(deadline);
await db.$disconnect();
process.stdout.write(`${JSON.stringify({ ran, polls, ms: Date.now() - began })}\n`);
