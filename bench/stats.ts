/**
 * Figures benchmark: how long the organizers' /musubi stats and /musubi network take on a big
 * community, and where the time goes.
 *   npm run bench:stats [-- --keep]   (--keep leaves the generated SQLite file and prints its path)
 *
 * Generates 10,000 members with a year (52 weeks) of weekly pairing rounds of pairs (≈5,000
 * groups a week, with answers and "meet again"), a few thousand posts, exchanges and thanks, and
 * rounds with sessions and attendance, into a fresh migrated SQLite file (createMany in batches);
 * then times loading the activity, the figures, the graph, each picture, and both whole commands
 * through the bot with a console port. The platforms allow 3 s for a first answer (Discord's
 * adapter defers after 2 s, Slack acks first): a step over ~2.5 s is marked.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Actor } from "../src/app/context.js";
import { createBot } from "../src/bot.js";
import { createRng } from "../src/core/matching/random.js";
import { communityFigures, networkGraph, weekStart } from "../src/core/network/index.js";
import { createLogger } from "../src/logger.js";
import { consolePort } from "../src/platforms/console/port.js";
import { createDb, type Db } from "../src/store/db.js";
import { applyMigrations } from "../src/store/migrate.js";
import { createStore } from "../src/store/repositories.js";

const MEMBERS = 10_000;
const WEEKS = 52;
const POSTS = 4_000;
const THANKS = 5_000;
const ROUNDS = 40;
const SESSIONS_PER_ROUND = 6;
const SEATS = 12;
const STATS_WEEKS = 12;
const LIMIT_MS = 2_500;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
/** A Wednesday; the last round was on Monday. */
const NOW = new Date("2026-12-02T03:00:00Z");
const LAST_MONDAY = new Date("2026-11-30T00:00:00Z");
const FIRST_MONDAY = new Date(LAST_MONDAY.getTime() - (WEEKS - 1) * WEEK);
const EXTERNAL_ID = "bench-stats";

const INDUSTRIES = ["it", "finance", "consulting", "manufacturing", "medical", "education", "media", "retail", "public", "research", "design", "marketing", "realEstate", "logistics", "legal"];
const LEVELS = ["student", "1-3", "3-7", "7-15", "15+"];

const random = createRng(20261202).next;
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
/** Industries skewed like a real membership: a few large, a long tail. */
const industry = () => INDUSTRIES[Math.min(INDUSTRIES.length - 1, Math.floor(-Math.log(1 - random()) * 3))]!;

const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
const rssMb = () => process.memoryUsage().rss / 2 ** 20;
const progress = (line: string) => console.log(`[${elapsed().padStart(7)}] ${line}`);

/** createMany in batches small enough for SQLite's bound-parameter limit. */
async function inBatches<T>(rows: T[], size: number, write: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
}

async function generate(db: Db, communityId: string) {
  const memberId = (i: number) => `bm${String(i).padStart(5, "0")}`;
  const created = new Date(FIRST_MONDAY.getTime() - 4 * WEEK);
  const members = Array.from({ length: MEMBERS }, (_, i) => ({
    id: memberId(i), communityId, platformUserId: `u${i}`, displayName: `Member ${i}`, createdAt: created,
  }));
  await inBatches(members, 5_000, (data) => db.member.createMany({ data }));
  const withIntro = members.filter(() => random() < 0.99).map((m) => m.id);
  await inBatches(withIntro.map((id) => ({
    communityId, memberId: id, industry: industry(), role: "Member", seniority: pick(LEVELS),
    interests: ["coffee"], canOffer: ["code review"], lookingFor: ["mentoring"], languages: ["ja"], meetingPreference: "either",
  })), 2_000, (data) => db.profile.createMany({ data }));
  await inBatches(withIntro.map((id) => ({ communityId, memberId: id, active: random() < 0.97 })), 5_000, (data) => db.pairingMember.createMany({ data }));
  progress(`${MEMBERS} members, ${withIntro.length} intros`);

  const answer = () => {
    const roll = random();
    return roll < 0.25 ? null : roll < 0.5 ? "in_person" : roll < 0.7 ? "online" : roll < 0.8 ? "scheduled" : "not_met";
  };
  let groupCount = 0;
  const metGroups: { id: string; members: string[] }[] = [];
  for (let week = 0; week < WEEKS; week++) {
    const at = new Date(FIRST_MONDAY.getTime() + week * WEEK);
    const roundId = `br${week}`;
    await db.pairingRound.create({ data: { id: roundId, communityId, period: at.toISOString().slice(0, 10), scheduledAt: at, status: "followed-up" } });
    const pool = withIntro.filter(() => random() < 0.99);
    for (let i = pool.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [pool[i], pool[j]] = [pool[j]!, pool[i]!];
    }
    const groups: { id: string; roundId: string; communityId: string; position: number; score: number; reasons: object; size: number }[] = [];
    const places: { groupId: string; memberId: string; answer: string | null; answeredAt: Date | null; meetAgain: boolean | null }[] = [];
    for (let position = 0; pool.length >= 2; position++) {
      const ids = pool.splice(0, pool.length === 3 ? 3 : 2);
      const id = `bg${week}-${position}`;
      groups.push({ id, roundId, communityId, position, score: 100, reasons: [], size: ids.length });
      let met = false;
      for (const member of ids) {
        const a = answer();
        met ||= a === "in_person" || a === "online";
        const roll = random();
        const meetAgain = a === "in_person" || a === "online" ? (roll < 0.5 ? true : roll < 0.8 ? false : null) : null;
        places.push({ groupId: id, memberId: member, answer: a, answeredAt: a ? new Date(at.getTime() + 3 * DAY) : null, meetAgain });
      }
      if (met && metGroups.length < 20_000) metGroups.push({ id, members: ids });
    }
    await inBatches(groups, 3_000, (data) => db.pairingGroup.createMany({ data }));
    await inBatches(places, 5_000, (data) => db.pairingGroupMember.createMany({ data }));
    groupCount += groups.length;
    if (week % 4 === 3 || week === WEEKS - 1) progress(`pairing rounds: ${week + 1}/${WEEKS} weeks, ${groupCount} groups`);
  }

  const start = FIRST_MONDAY.getTime();
  const posts: { id: string; communityId: string; memberId: string; kind: string; title: string; tags: string[]; terms: string[]; contact: string; status: string; expiresAt: Date; createdAt: Date }[] = [];
  const exchanges: { communityId: string; postId: string; helperId: string; helpedId: string; createdAt: Date }[] = [];
  for (let i = 0; i < POSTS; i++) {
    const kind = random() < 0.55 ? "offer" : "ask";
    const author = pick(withIntro);
    const createdAt = new Date(start + random() * (NOW.getTime() - start));
    const id = `bp${i}`;
    posts.push({ id, communityId, memberId: author, kind, title: `${kind} ${i}`, tags: ["excel"], terms: ["excel"], contact: "space", status: "open", expiresAt: new Date(createdAt.getTime() + 30 * DAY), createdAt });
    const answers = random() < 0.6 ? 1 + Math.floor(random() * 2) : 0;
    const seen = new Set<string>();
    for (let k = 0; k < answers; k++) {
      const at = new Date(createdAt.getTime() + (1 + random() * 200) * HOUR);
      const other = pick(withIntro);
      if (at > NOW || other === author || seen.has(other)) continue;
      seen.add(other);
      exchanges.push(kind === "offer"
        ? { communityId, postId: id, helperId: author, helpedId: other, createdAt: at }
        : { communityId, postId: id, helperId: other, helpedId: author, createdAt: at });
    }
  }
  await inBatches(posts, 2_000, (data) => db.offerPost.createMany({ data }));
  await inBatches(exchanges, 4_000, (data) => db.offerExchange.createMany({ data }));
  const thanks = Array.from({ length: THANKS }, (_, i) => {
    const group = metGroups[i % metGroups.length]!;
    const [fromId, toId] = random() < 0.5 ? [group.members[0]!, group.members[1]!] : [group.members[1]!, group.members[0]!];
    const week = Number(group.id.slice(2, group.id.indexOf("-")));
    return { communityId, fromId, toId, context: "pairing", contextId: group.id, message: "", createdAt: new Date(FIRST_MONDAY.getTime() + week * WEEK + 3 * DAY + random() * DAY) };
  }).filter((t) => t.createdAt <= NOW);
  await inBatches(thanks, 3_000, (data) => db.thanks.createMany({ data }));
  progress(`${posts.length} posts, ${exchanges.length} exchanges, ${thanks.length} thanks`);

  let sessions = 0;
  for (let r = 0; r < ROUNDS; r++) {
    const roundId = `bround${r}`;
    const first = start + random() * (NOW.getTime() - start - SESSIONS_PER_ROUND * WEEK);
    await db.round.create({
      data: {
        id: roundId, communityId, number: r + 1, kind: r % 2 ? "reading" : "study", title: `Round ${r + 1}`, timeZone: "Asia/Tokyo", cadence: "weekly",
        durationMinutes: 60, capacity: SEATS, facilitation: "organizer", organizerId: pick(withIntro),
        sessions: { create: Array.from({ length: SESSIONS_PER_ROUND }, (_, i) => ({ id: `bs${r}-${i}`, communityId, position: i + 1, startsAt: new Date(first + i * WEEK) })) },
      },
    });
    const seated = new Set<string>();
    while (seated.size < SEATS) seated.add(pick(withIntro));
    await db.roundParticipant.createMany({ data: [...seated].map((memberId) => ({ communityId, roundId, memberId, status: "seat", joinedAt: new Date(first - WEEK) })) });
    const attendance = Array.from({ length: SESSIONS_PER_ROUND }, (_, i) => [...seated].map((memberId) => {
      const attended = random() < 0.7 ? true : random() < 0.5 ? false : null;
      return { communityId, sessionId: `bs${r}-${i}`, memberId, attended, takeaway: attended && random() < 0.3 ? "A takeaway" : null };
    })).flat();
    await db.sessionAttendance.createMany({ data: attendance });
    sessions += SESSIONS_PER_ROUND;
  }
  progress(`${ROUNDS} rounds, ${sessions} sessions with attendance`);
  return { groups: groupCount };
}

/**
 * The longest time the event loop could not run a timer: while a step holds it (better-sqlite3
 * and the picture layout are synchronous), nothing else in the process runs — not other members'
 * interactions, and not the Discord adapter's 2 s defer timer.
 */
let lastTick = performance.now();
let longestStall = 0;
const ticker = setInterval(() => {
  const now = performance.now();
  longestStall = Math.max(longestStall, now - lastTick);
  lastTick = now;
}, 5);
ticker.unref();
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

interface Row { step: string; detail: string; ms: number; rss: number; stall: number; deferAt: number | null }
const rows: Row[] = [];
/** `command`: also when a 2 s timer set at the start really fires (when Discord's adapter could defer). */
async function timed<T>(step: string, work: () => Promise<T> | T, detail: (result: T) => string = () => "", command = false): Promise<T> {
  await settle();
  longestStall = 0;
  lastTick = performance.now();
  const t0 = performance.now();
  let deferAt: number | null = null;
  const timer = command ? setTimeout(() => { deferAt = performance.now() - t0; }, 2_000) : undefined;
  const result = await work();
  const ms = performance.now() - t0;
  await settle();
  clearTimeout(timer);
  rows.push({ step, detail: detail(result), ms, rss: rssMb(), stall: longestStall, deferAt });
  progress(`${step}: ${ms.toFixed(0)} ms (longest stall ${longestStall.toFixed(0)} ms)`);
  return result;
}

async function main() {
  const keep = process.argv.includes("--keep");
  const folder = mkdtempSync(join(tmpdir(), "musubi-bench-stats-"));
  const url = `file:${join(folder, "bench.db")}`;
  progress("migrating a fresh SQLite file");
  await applyMigrations(url);
  const db = createDb(url);
  // Generation only: the file is thrown away, so it need not survive a crash.
  await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await db.$queryRawUnsafe("PRAGMA synchronous = OFF");
  const store = createStore(db);
  const community = await store.communities.ensure("console", EXTERNAL_ID, { name: "Bench", locale: "en", timeZone: "Asia/Tokyo" });
  const generated = await generate(db, community.id);
  const generation = elapsed();

  // The steps of the two commands, one by one.
  const scoped = store.forCommunity(community.id);
  const activity = await timed("load activity()", () => scoped.network.activity(), (a) =>
    `${a.members.length} members, ${a.groups.length} groups, ${a.posts.length} posts, ${a.exchanges.length} exchanges, ${a.thanks.length} thanks, ${a.sessions.length} sessions`);
  // Where activity() spends its time: its pairing-groups query alone, with the same select.
  await timed("  of which: pairing groups query", () => db.pairingGroup.findMany({
    where: { communityId: community.id, round: { status: { not: "planned" } } },
    select: { id: true, round: { select: { scheduledAt: true } }, members: { select: { memberId: true, answer: true, meetAgain: true } } },
  }), (g) => `${g.length} groups with their members (Prisma, nested select)`);
  await timed("  the same rows in one SQL join", () => db.$queryRawUnsafe<unknown[]>(
    `SELECT g.id, r.scheduledAt, m.memberId, m.answer, m.meetAgain FROM PairingGroup g JOIN PairingRound r ON r.id = g.roundId
     JOIN PairingGroupMember m ON m.groupId = g.id WHERE g.communityId = ? AND r.status <> 'planned'`, community.id,
  ), (r) => `${r.length} rows (raw query, for comparison)`);
  const from = weekStart(new Date(NOW.getTime() - (STATS_WEEKS - 1) * WEEK));
  const figures = await timed(`communityFigures (${STATS_WEEKS} weeks)`, () => communityFigures(activity, { from, to: NOW }), (f) => `${f.groups} groups, ${f.matched} places`);
  const graph = await timed("networkGraph (all time)", () => networkGraph(activity), (g) => `${g.nodes.length} nodes, ${g.edges.length} edges`);
  const { funnelChart, trendChart } = await timed("import charts (vega, resvg, font)", () => import("../src/pictures/charts.js"));
  const { networkPicture } = await timed("import network picture", () => import("../src/pictures/network.js"));
  await timed("funnelChart", () => funnelChart({
    title: "Funnel", steps: [
      { label: "Matched", value: figures.funnel.matched }, { label: "Met", value: figures.funnel.met }, { label: "Onward", value: figures.funnel.metAgainOrHelped },
    ],
  }), (p) => `${(p.png.byteLength / 1024).toFixed(0)} KB PNG`);
  await timed("trendChart", () => trendChart({
    title: "Weeks", weeks: figures.weeks.map((w) => w.start.toISOString().slice(5, 10)),
    series: [
      { label: "Groups", values: figures.weeks.map((w) => w.groups) }, { label: "Met", values: figures.weeks.map((w) => w.met) },
      { label: "Exchanges", values: figures.weeks.map((w) => w.exchanges) }, { label: "Thanks", values: figures.weeks.map((w) => w.thanks) },
    ],
  }), (p) => `${figures.weeks.length} weeks, ${(p.png.byteLength / 1024).toFixed(0)} KB PNG`);
  await timed("networkPicture", () => networkPicture({
    title: "Network", legendTitle: "Industry",
    nodes: graph.nodes.map((n) => ({ id: n.id, group: n.industry ?? "none" })),
    edges: graph.edges.map((e) => ({ a: e.a, b: e.b, weight: e.weight })),
  }), (p) => `${graph.nodes.length} nodes, ${graph.edges.length} edges, ${(p.png.byteLength / 1024).toFixed(0)} KB PNG`);
  await store.disconnect();

  // The whole commands, as an organizer runs them (the picture modules are loaded by now: the
  // first command of a process also pays the imports above).
  const bot = createBot({
    db: createDb(url), log: createLogger({ level: "silent", secrets: [] }), now: () => NOW, defaults: { locale: "en", timeZone: "Asia/Tokyo" },
  });
  const port = consolePort(() => {});
  bot.connect(port);
  const organizer: Actor = {
    platform: "console", community: { externalId: EXTERNAL_ID, name: "Bench" }, userId: "organizer", displayName: "Organizer", locale: "en", isOrganizer: true,
  };
  const filesOf = (outcome: Awaited<ReturnType<typeof bot.musubi.command>>) =>
    outcome.type === "reply" ? `${outcome.reply.files?.length ?? 0} files: ${outcome.reply.text.split("\n")[0]}` : outcome.type;
  for (const round of ["1st", "2nd"]) {
    await timed(`/musubi stats (${round})`, () => bot.musubi.command(port, organizer, { name: "musubi", subcommand: "stats", options: {} }), filesOf, true);
  }
  await timed("/musubi network", () => bot.musubi.command(port, organizer, { name: "musubi", subcommand: "network", options: {} }), filesOf, true);
  await timed("/musubi network names=off", () => bot.musubi.command(port, organizer, { name: "musubi", subcommand: "network", options: { names: "off" } }), filesOf, true);
  await bot.stop();

  console.log(`\n${MEMBERS} members, ${generated.groups} pairing groups over ${WEEKS} weeks; generated in ${generation}, total ${elapsed()}.\n`);
  const head = ["step", "ms", "RSS MB", "stall ms", "2 s timer at", "", "detail"];
  const table = rows.map((r) => [
    r.step, r.ms.toFixed(0), r.rss.toFixed(0), r.stall.toFixed(0), r.deferAt === null ? "" : `${r.deferAt.toFixed(0)} ms${r.deferAt > 3_000 ? " (too late)" : ""}`,
    r.ms > LIMIT_MS ? "> 2.5 s" : "", r.detail,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...table.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i >= 1 && i <= 3 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join("  ").trimEnd();
  console.log(line(head));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const r of table) console.log(line(r));
  const over = rows.filter((r) => r.ms > LIMIT_MS);
  console.log(over.length === 0 ? "\nNo step over 2.5 s." : `\nOver 2.5 s (the platforms' 3 s): ${over.map((r) => r.step.trim()).join(", ")}.`);
  const late = rows.filter((r) => r.deferAt !== null && r.deferAt > 3_000);
  if (late.length > 0) {
    console.log(`The event loop was held so long that a 2 s defer timer fired after Discord's 3 s in: ${late.map((r) => r.step).join(", ")}.`);
  }

  if (keep) console.log(`\nKept ${url}`);
  else rmSync(folder, { recursive: true, force: true });
}

await main();
