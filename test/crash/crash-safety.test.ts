// Crash safety of a pairing round: a child process runs the round of 215 members against the
// Discord fake and is killed with SIGKILL again and again (after a varying number of requests the
// fake has taken, or at a log line), then restarted; the last child runs to the end. Afterwards
// every group got its private thread, its members and its intro exactly once, the announcement
// went out once and the follow-up is scheduled once.
import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { createInterface } from "node:readline";
import { afterAll, describe, expect, it } from "vitest";
import { PAIRING_JOBS, scheduleManualPairingRound } from "../../src/app/pairing/pairing-round.js";
import { INDUSTRIES, SENIORITY_LEVELS, MEETING_PREFERENCES, type Intro, type SpokenLanguage } from "../../src/core/profile.js";
import { createScheduler } from "../../src/jobs/scheduler.js";
import { createLogger } from "../../src/logger.js";
import { createDb, type Db } from "../../src/store/db.js";
import { createStore, type Store } from "../../src/store/repositories.js";
import { startFakeDiscord, type FakeDiscord, type RecordedRequest } from "../fakes/discord.js";
import { freshSqliteUrl } from "../support/db.js";
import { ROOT, workerCommand } from "./harness.js";

const GUILD = "910000000000000001";
const PAIRING = "910000000000000010";
const OWNER = { id: "830000000000000000", username: "organizer" };
/** Odd, so the engine makes a trio besides the pairs. */
const MEMBERS = 215;
const KILLS = 58;
const RUN_TIMEOUT_MS = 30_000;

const userId = (i: number) => `8300000000000${String(i + 1).padStart(5, "0")}`;
const digest = (key: string, length: number) => createHash("sha256").update(key).digest("base64url").slice(0, length);

const TAGS = ["code review", "mentoring", "hiring", "design systems", "career change", "public speaking", "startups", "data", "english practice", "product"];
const LANGUAGE_SETS: SpokenLanguage[][] = [["ja"], ["en"], ["ja", "en"], ["zh", "en"], ["ko", "ja"], ["vi", "en"]];
function introOf(i: number): Intro {
  return {
    industry: INDUSTRIES[i % INDUSTRIES.length]!,
    role: ["Engineer", "Designer", "Founder", "Analyst", "Nurse", "Teacher"][i % 6]!,
    seniority: SENIORITY_LEVELS[(i * 3) % SENIORITY_LEVELS.length]!,
    interests: [TAGS[i % TAGS.length]!, TAGS[(i + 3) % TAGS.length]!],
    canOffer: [TAGS[(i * 7) % TAGS.length]!],
    lookingFor: [TAGS[(i * 7 + 1) % TAGS.length]!, TAGS[(i + 5) % TAGS.length]!],
    languages: LANGUAGE_SETS[i % LANGUAGE_SETS.length]!,
    city: ["Tokyo", "Osaka", "", "Fukuoka"][i % 4]!,
    meetingPreference: MEETING_PREFERENCES[i % MEETING_PREFERENCES.length]!,
    bio: `Member ${i + 1} of the crash test.`,
  };
}

type Trigger = { kind: "log"; text: string } | { kind: "requests"; n: number } | { kind: "none" };

interface Kill {
  trigger: Trigger;
  /** The request the fake had just taken when the child died (request triggers). */
  last?: Pick<RecordedRequest, "method" | "path" | "body" | "deduplicated">;
  round: string;
  groups: number;
  spaces: number;
  announce: string;
}

const cleanup: Array<() => Promise<unknown>> = [];
afterAll(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

/** The round's state in the database, read while no child runs. */
async function stateOf(db: Db, communityId: string) {
  const round = await db.pairingRound.findFirst({ where: { communityId } });
  const groups = round ? await db.pairingGroup.findMany({ where: { roundId: round.id }, select: { spaceId: true } }) : [];
  const announce = round ? await db.delivery.findUnique({ where: { dedupeKey: `round:${round.id}:announce` } }) : null;
  return {
    round: round?.status ?? "none",
    groups: groups.length,
    spaces: groups.filter((g) => g.spaceId).length,
    announce: announce?.status ?? "none",
  };
}

interface Worker {
  child: ChildProcess;
  tail: string[];
  onLine?: (line: string) => void;
  exit: Promise<number | null>;
}

interface RunResult {
  killed: boolean;
  timedOut: boolean;
  code: number | null;
  /** The request the fake had just taken when the child was killed (request triggers). */
  last?: RecordedRequest;
  tail: string[];
}

/**
 * Runs workers one at a time. The next child is started (and loads its modules, waiting for
 * "go") while the current one runs, so a restart costs no module loading.
 */
function workers(fake: FakeDiscord, env: NodeJS.ProcessEnv, args: string[]) {
  const start = (): Worker => {
    const child = spawn(process.execPath, args, {
      cwd: ROOT, env: { ...env, WAIT_FOR_GO: "1" }, stdio: ["pipe", "ignore", "pipe"],
    });
    child.stdin!.on("error", () => undefined); // a child that died early: its exit code tells
    const worker: Worker = { child, tail: [], exit: new Promise((done) => child.once("exit", (code) => done(code))) };
    createInterface({ input: child.stderr! }).on("line", (line) => {
      worker.tail.push(line);
      if (worker.tail.length > 40) worker.tail.shift();
      worker.onLine?.(line);
    });
    return worker;
  };
  let spare: Worker | undefined;

  return {
    /** Starts a child and kills it with SIGKILL at the trigger; resolves how it ended. */
    async run(trigger: Trigger, options: { more: boolean }): Promise<RunResult> {
      const worker = spare ?? start();
      spare = options.more ? start() : undefined;
      const { child } = worker;
      const before = fake.requests.length;
      let killed = false;
      let timedOut = false;
      let last: RecordedRequest | undefined;
      const kill = () => {
        if (killed) return;
        killed = true;
        child.kill("SIGKILL");
      };
      // Synchronous, before the fake answers: the request has reached "Discord", the child never
      // sees the answer.
      const off = fake.onRequest((req) => {
        if (trigger.kind === "requests" && !killed && fake.requests.length - before >= trigger.n) {
          last = req;
          kill();
        }
      });
      worker.onLine = (line) => {
        if (trigger.kind === "log" && line.includes(`"msg":"${trigger.text}"`)) kill();
      };
      const timer = setTimeout(() => {
        timedOut = true;
        kill();
      }, RUN_TIMEOUT_MS);
      child.stdin!.end("go\n");
      const code = await worker.exit;
      off();
      clearTimeout(timer);
      return { killed, timedOut, code, ...(last ? { last } : {}), tail: worker.tail };
    },
    async stop() {
      if (!spare) return;
      spare.child.kill("SIGKILL");
      await spare.exit;
    },
  };
}

describe("crash safety of a pairing round", () => {
  it("given a child killed with SIGKILL at 50+ points of a 215-member round, then every group is notified exactly once", async () => {
    const t0 = performance.now();
    const members = Array.from({ length: MEMBERS }, (_, i) => ({ id: userId(i), username: `member${i + 1}` }));
    const fake = await startFakeDiscord({
      guilds: [{ id: GUILD, name: "Meetup", owner_id: OWNER.id, channels: [{ id: PAIRING, name: "pairing" }], members: [OWNER, ...members] }],
    });
    cleanup.push(() => fake.close());

    // ---- the database: members with intros, all joined, pairing on, one manual round due now
    const url = freshSqliteUrl();
    const db = createDb(url);
    const store: Store = createStore(db);
    cleanup.push(() => store.disconnect());
    const community = await store.communities.ensure("discord", GUILD, { name: "Meetup", locale: "en", timeZone: "Asia/Tokyo" });
    await store.forCommunity(community.id).transaction(async (tx) => {
      for (const [i, user] of members.entries()) {
        const member = await tx.members.ensure({ platformUserId: user.id, displayName: `Member ${i + 1}` });
        await tx.profiles.save(member.id, introOf(i));
        await tx.pairing.setParticipation(member.id, { active: true });
      }
    });
    await store.forCommunity(community.id).pairing.updateSettings({ enabled: true, channelId: PAIRING, headsUp: false });
    const log = createLogger({ level: "silent", secrets: [] });
    await scheduleManualPairingRound({ community, jobs: createScheduler({ db, handlers: {}, log }) }, new Date());

    // ---- kill, restart, kill …: first at log lines (before matching, after it), then after a
    // varying number of requests so the kills land all over the round; then a run to the end.
    const env = { ...process.env, DATABASE_URL: url, DISCORD_API_URL: fake.apiUrl, LOG_LEVEL: "info" };
    const triggers: Trigger[] = [
      { kind: "log", text: "job started" },
      { kind: "log", text: "round matched" },
      ...Array.from({ length: KILLS - 2 }, (_, i): Trigger => ({ kind: "requests", n: 1 + ((i * 7) % 12) })),
    ];
    const kills: Kill[] = [];
    const command = await workerCommand();
    cleanup.push(async () => command.remove());
    const runner = workers(fake, env, command.args);
    cleanup.push(() => runner.stop());
    let finished = false;
    let runs = 0;
    for (const [i, trigger] of [...triggers, { kind: "none" } as Trigger].entries()) {
      runs++;
      const run = await runner.run(trigger, { more: i < triggers.length });
      if (!run.killed) {
        if (run.code !== 0) throw new Error(`worker exited with ${run.code}:\n${run.tail.join("\n")}`);
        finished = true;
        break;
      }
      if (run.timedOut) throw new Error(`a worker neither finished nor reached its kill point in ${RUN_TIMEOUT_MS} ms:\n${run.tail.join("\n")}`);
      const last = run.last && { method: run.last.method, path: run.last.path, body: run.last.body, deduplicated: run.last.deduplicated };
      kills.push({ trigger, ...(last ? { last } : {}), ...(await stateOf(db, community.id)) });
    }
    expect(finished).toBe(true);

    // ---- what happened, from the fake's records and the database
    const round = await db.pairingRound.findFirstOrThrow({ where: { communityId: community.id } });
    const groups = await store.forCommunity(community.id).pairing.groups(round.id);
    const threadsAnswer = await fetch(`${fake.apiUrl}/v10/guilds/${GUILD}/threads/active`);
    const threads = ((await threadsAnswer.json()) as { threads: { id: string; name: string; parent_id: string }[] }).threads;
    const created = (channelId: string) => fake.messages.get(channelId)?.length ?? 0;
    const added = new Set(fake.requests
      .filter((r) => r.method === "PUT" && r.status === 204 && /^\/channels\/[^/]+\/thread-members\/[^/]+$/.test(r.path))
      .map((r) => r.path));

    const problems: string[] = [];
    let duplicates = 0;
    // The announcement names every pair, in as many posts as Discord's 2,000 characters need.
    const announcements = (fake.messages.get(PAIRING) ?? []).map((m) => String(m.content));
    const parts = await db.delivery.count({ where: { dedupeKey: { startsWith: `round:${round.id}:announce` } } });
    duplicates += announcements.length - new Set(announcements).size;
    if (new Set(announcements).size !== parts || parts < 2) problems.push(`${announcements.length} announcement posts of ${parts} parts`);
    const named = new Set(announcements.flatMap((text) => [...text.matchAll(/<@(\d+)>/g)].map((m) => m[1])));
    const unnamed = groups.flatMap((g) => g.members).filter((m) => !named.has(m.platformUserId));
    if (unnamed.length > 0) problems.push(`${unnamed.length} members missing from the announcement`);
    const groupOfThread = new Map<string, number>();
    const positionOfDigest = new Map<string, number>();
    for (const group of groups) {
      const suffix = ` · ${digest(`round:${round.id}:group:${group.position}:space`, 6)}`;
      positionOfDigest.set(suffix.slice(-6), group.position);
      const mine = threads.filter((t) => t.parent_id === PAIRING && t.name.endsWith(suffix));
      duplicates += Math.max(0, mine.length - 1);
      if (mine.length !== 1) problems.push(`group ${group.position}: ${mine.length} threads`);
      const spaceIds = group.spaceId?.split(",") ?? [];
      if (spaceIds.length !== 1 || spaceIds[0] !== mine[0]?.id) problems.push(`group ${group.position}: space ${group.spaceId} is not its thread`);
      for (const threadId of spaceIds) {
        groupOfThread.set(threadId, group.position);
        // Its introduction, then the proposed meeting times.
        const posts = created(threadId);
        duplicates += Math.max(0, posts - 2);
        if (posts !== 2) problems.push(`group ${group.position}: ${posts} messages instead of its intro and the proposed times`);
        for (const m of group.members) {
          if (!added.has(`/channels/${threadId}/thread-members/${m.platformUserId}`)) problems.push(`group ${group.position}: ${m.displayName} not added`);
        }
      }
    }
    const orphans = threads.filter((t) => !groupOfThread.has(t.id));
    duplicates += orphans.length;
    if (orphans.length) problems.push(`${orphans.length} threads of no group`);
    const followUps = await db.job.count({ where: { kind: PAIRING_JOBS.followUp } });
    duplicates += Math.max(0, followUps - 1);
    if (followUps !== 1) problems.push(`${followUps} follow-up jobs`);
    const roundJob = await db.job.findFirstOrThrow({ where: { kind: PAIRING_JOBS.round } });
    const unsent = await db.delivery.count({ where: { status: { not: "sent" } } });
    if (unsent) problems.push(`${unsent} deliveries not marked sent`);

    // ---- where the kills landed: one point per place in the round
    const pointOf = (k: Kill): { category: string; point: string } => {
      if (!k.last) {
        const category = k.groups === 0 ? "before the groups were saved"
          : k.announce === "none" || k.announce === "pending" ? "matched, before the announcement"
            : k.announce === "sending" ? "announcement under way, not marked" : `after the announcement (${k.spaces} spaces)`;
        return { category, point: `${category} | ${k.round} ${k.groups} groups ${k.spaces} spaces` };
      }
      const { method, path } = k.last;
      const dedup = k.last.deduplicated ? " (nonce repeated)" : "";
      const nextGroup = groups[k.spaces]?.position ?? k.spaces;
      let category: string;
      let at: string | number = nextGroup;
      let m: RegExpExecArray | null;
      if (method === "POST" && path === `/channels/${PAIRING}/messages`) {
        category = `announcement posted, not marked${dedup}`;
        at = "-";
      } else if (method === "POST" && path === `/channels/${PAIRING}/threads`) {
        category = "thread created, no member added yet";
        at = positionOfDigest.get(String(k.last.body?.name).slice(-6)) ?? "?";
      } else if (method === "PUT" && (m = /^\/channels\/([^/]+)\/thread-members\/([^/]+)$/.exec(path))) {
        const group = groups.find((g) => g.position === groupOfThread.get(m![1]!));
        const index = group?.members.findIndex((x) => x.platformUserId === m![2]) ?? -1;
        category = index === (group?.members.length ?? 0) - 1 ? "last member added, space not marked" : "thread created, some members added";
        at = `${group?.position ?? "?"}.${index + 1}`;
      } else if (method === "POST" && (m = /^\/channels\/([^/]+)\/messages$/.exec(path))) {
        // A space gets its intro, then the proposed meeting times (buttons match:time:…).
        const proposals = JSON.stringify(k.last.body?.components ?? []).includes("match:time");
        category = `${proposals ? "proposed times" : "intro"} posted, not marked${dedup}`;
        at = groupOfThread.get(m[1]!) ?? "?";
      } else if (method === "GET" && path === `/channels/${PAIRING}`) {
        category = "retry: channel looked up for its guild";
      } else if (method === "GET" && path === `/guilds/${GUILD}/threads/active`) {
        category = "retry: active threads listed";
      } else {
        category = `${method} ${path}`;
      }
      return { category, point: `${category} @ ${at}` };
    };
    const points = kills.map(pointOf);
    const distinct = new Set(points.map((p) => p.point));
    const byCategory = new Map<string, number>();
    for (const p of points) byCategory.set(p.category, (byCategory.get(p.category) ?? 0) + 1);

    const seconds = ((performance.now() - t0) / 1000).toFixed(1);
    const sizes = groups.map((g) => g.members.length);
    console.log(`crash-safety: ${distinct.size} kill points, ${duplicates} duplicates (${MEMBERS} members, ${groups.length} groups)`
      + ` — ${kills.length} kills in ${runs} runs, ${fake.requests.length} requests, ${fake.requests.filter((r) => r.method === "GET" && /^\/channels\/\d+\/messages$/.test(r.path)).length} resends that looked for their earlier post, ${fake.requests.filter((r) => r.deduplicated).length} repeated nonces answered with the earlier message,`
      + ` groups of ${[...new Set(sizes)].sort().join("/")}, ${seconds} s\n  `
      + [...byCategory].map(([c, n]) => `${n} × ${c}`).join("\n  "));

    expect(problems).toEqual([]);
    expect(duplicates).toBe(0);
    expect(distinct.size).toBeGreaterThanOrEqual(50);
    expect(kills.length).toBeGreaterThanOrEqual(50);
    expect(sizes.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(200);
    expect(round.status).toBe("announced");
    expect(roundJob.status).toBe("done");
  }, 240_000);
});
