/**
 * Start-up to ready and idle memory (issue #16): starts the bot as a process of its own, serving
 * Slack (HTTP mode) against the local fake, on a SQLite file already migrated, and reports the
 * time until /readyz answers 200 and the process's RSS then and after 5 s idle.
 *
 *   npm run bench:startup [-- --runs 3 --command "node dist/src/main.js"]   (default: npm run build's output)
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { startFakeSlack } from "../test/fakes/slack.js";

const { values: args } = parseArgs({ options: { runs: { type: "string", default: "3" }, command: { type: "string", default: "node dist/src/main.js" } } });
const fake = await startFakeSlack({});
const databaseUrl = `file:${join(mkdtempSync(join(tmpdir(), "musubi-startup-")), "musubi.db")}`;
const rssOf = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;

for (let run = 0; run <= Number(args.runs); run++) {
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const [command, ...rest] = args.command!.split(" ");
  const started = performance.now();
  const child = spawn(command!, rest, {
    env: { ...process.env, DATABASE_URL: databaseUrl, SLACK_BOT_TOKEN: "xoxb-startup", SLACK_SIGNING_SECRET: "startup-secret", SLACK_API_URL: fake.apiUrl, HTTP_PORT: String(port), HTTP_HOST: "127.0.0.1", LOG_LEVEL: "warn" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  let ready = Number.NaN;
  for (;;) {
    const answer = await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.status, () => 0);
    if (answer === 200) {
      ready = performance.now() - started;
      break;
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  // The child of npm/tsx is the bot itself only with node: the RSS is of the process started.
  const rssReady = rssOf(child.pid!);
  await new Promise((r) => setTimeout(r, 5000));
  const rssIdle = rssOf(child.pid!);
  // The first run migrates a new file: shown, but not the start-up of a restart.
  console.log(`${run === 0 ? "first start (migrates)" : `restart ${run}`.padEnd(22)}  ready ${ready.toFixed(0)} ms  rss ${rssReady.toFixed(0)} MB, idle 5 s later ${rssIdle.toFixed(0)} MB  load ${loadavg().map((l) => l.toFixed(2)).join(" ")}`);
  child.kill("SIGTERM");
  await new Promise((r) => child.on("exit", r));
}
await fake.close();
