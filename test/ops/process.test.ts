// The real process (src/main.ts as a child): it refuses to start with nothing to serve and no
// terminal, and on SIGTERM it takes no new work and lets the interaction under way finish, within
// SHUTDOWN_TIMEOUT_MS.
import { spawn, type ChildProcess } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { slashCommand } from "../fakes/discord-payloads.js";
import { startFakeDiscord, type FakeDiscord } from "../fakes/discord.js";
import { freshSqliteUrl } from "../support/db.js";

const GUILD = "910000000000000088";
const GENERAL = "910000000000000089";
const MEMBER = { id: "810000000000000088", username: "aki" };

/** The environment without any platform variable of the machine running the tests. */
const baseEnv = () => Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(DISCORD_|SLACK_|HTTP_|LOG_LEVEL|DATABASE_URL)/.test(k)));

interface Child {
  process: ChildProcess;
  lines: Array<Record<string, unknown>>;
  stderr: () => string;
  /** Resolves with the first log line matching (past or future). */
  line(predicate: (line: Record<string, unknown>) => boolean): Promise<Record<string, unknown>>;
  exited: Promise<number | null>;
}

function startMain(env: Record<string, string>): Child {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], { env: { ...baseEnv(), ...env }, stdio: ["pipe", "pipe", "pipe"] });
  const lines: Array<Record<string, unknown>> = [];
  const waiters = new Set<() => void>();
  let stderr = "";
  let partial = "";
  child.stdout!.on("data", (chunk: Buffer) => {
    const parts = (partial + chunk.toString("utf8")).split("\n");
    partial = parts.pop() ?? "";
    for (const part of parts) if (part.trim().startsWith("{")) lines.push(JSON.parse(part) as Record<string, unknown>);
    for (const w of [...waiters]) w();
  });
  child.stderr!.on("data", (chunk: Buffer) => { stderr += chunk.toString("utf8"); });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return {
    process: child, lines, stderr: () => stderr, exited,
    line: (predicate) => new Promise((resolve, reject) => {
      const check = () => {
        const found = lines.find(predicate);
        if (found) { waiters.delete(check); resolve(found); }
      };
      waiters.add(check);
      void exited.then(() => { if (!lines.find(predicate)) reject(new Error(`exited before the line; stderr: ${stderr}`)); });
      check();
    }),
  };
}

let fake: FakeDiscord | undefined;
const children: Child[] = [];
afterEach(async () => {
  for (const child of children.splice(0)) {
    if (child.process.exitCode === null) child.process.kill("SIGKILL");
    await child.exited;
  }
  await fake?.close();
  fake = undefined;
});

describe("with nothing to serve", () => {
  it("given no platform variable and no terminal on standard input, then start-up is refused naming the variables", async () => {
    const child = startMain({ DATABASE_URL: freshSqliteUrl() });
    children.push(child);
    child.process.stdin!.end();
    expect(await child.exited).toBe(1);
    expect(child.stderr()).toMatch(/standard input is not a terminal/);
    for (const name of ["DISCORD_TOKEN", "DISCORD_APPLICATION_ID", "SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN", "--console"]) {
      expect(child.stderr()).toContain(name);
    }
  });
});

describe("SIGTERM", () => {
  async function startOnDiscord(shutdownMs: number) {
    fake = await startFakeDiscord({ guilds: [{ id: GUILD, name: "Ops", owner_id: MEMBER.id, channels: [{ id: GENERAL, name: "general" }], members: [MEMBER] }] });
    const child = startMain({
      DISCORD_TOKEN: "test-token", DISCORD_APPLICATION_ID: fake.applicationId, DISCORD_API_URL: fake.apiUrl,
      DATABASE_URL: freshSqliteUrl(), HTTP_PORT: "0", HTTP_HOST: "127.0.0.1", SHUTDOWN_TIMEOUT_MS: String(shutdownMs), LOG_LEVEL: "info",
    });
    children.push(child);
    await child.line((l) => l.msg === "connected to Discord");
    const interaction = fake.sendInteraction(slashCommand({ guildId: GUILD, channelId: GENERAL, user: MEMBER, locale: "en-US", name: "help" }));
    return { child, fake, interaction };
  }

  it("given an interaction under way, then the process waits for its answer, then exits 0", async () => {
    const { child, fake, interaction } = await startOnDiscord(20_000);
    const callback = (r: { path: string }) => r.path === `/interactions/${interaction.id}/${interaction.token}/callback`;
    // The interaction is still sending its answer when SIGTERM arrives.
    const gate = fake.hold(callback);
    await gate.held;
    child.process.kill("SIGTERM");
    await child.line((l) => String(l.msg).startsWith("shutting down"));
    expect(child.process.exitCode).toBeNull();
    gate.release();

    expect(await child.exited).toBe(0);
    expect(child.lines.find((l) => l.msg === "stopped")).toMatchObject({ clean: true });
    expect(child.lines.some((l) => l.msg === "interaction failed")).toBe(false);
  });

  it("given an interaction that does not finish, then the process stops after SHUTDOWN_TIMEOUT_MS with exit 1", async () => {
    const { child, fake, interaction } = await startOnDiscord(300);
    const gate = fake.hold((r) => r.path === `/interactions/${interaction.id}/${interaction.token}/callback`);
    await gate.held;
    child.process.kill("SIGTERM");

    expect(await child.exited).toBe(1);
    expect(child.lines.some((l) => String(l.msg).startsWith("work under way did not finish in time"))).toBe(true);
    gate.release();
  });
});
