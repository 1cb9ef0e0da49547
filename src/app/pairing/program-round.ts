import { makeGroups, parsePairingInput, SENIORITY, unplacedReasons, type MentoringRole } from "../../core/matching/index.js";
import { RULE_WEIGHTS, type ProgramSettings } from "../../core/pairing/programs.js";
import { nextPairingRound, type PairingSlot } from "../../core/pairing/rhythm.js";
import { listMembers, translator, type Locale } from "../../i18n/index.js";
import type { ClaimedJob, JobDeps, JobHandlers, JobPayload } from "../../jobs/queue.js";
import type { CommunityRecord } from "../../store/records.js";
import { communityOfJob, type CommunityContext } from "../context.js";
import type { GroupMemberView } from "./messages.js";
import { announceRound, type RoundVoice } from "./pairing-round.js";
import { engineMember } from "./pool.js";

// A pairing program's round as a job: its pool (the members who joined it), its rule and
// weights, its own channel and rhythm. Groups, announcement, private spaces and the follow-up are
// the default round's (pairing-round.ts), so a re-run after a crash sends nothing twice. The
// history and blocks given to the engine are the community's, whatever program made a group:
// a pair that met in one program is a recent repeat in every other.

export const PROGRAM_JOBS = { round: "program.round" } as const;

type ProgramPayload = JobPayload<"program.round">;

/**
 * A program's period: the round's local date first (the pair space's name shows it), then the
 * program, so that it never collides with the default program's period of the same date.
 */
const programPeriod = (date: string, programId: string) => `${date}:${programId}`;

export function upcomingProgramRound(community: CommunityRecord, program: ProgramSettings, after: Date): PairingSlot | undefined {
  if (!program.enabled) return undefined;
  const slot = nextPairingRound({ timeZone: community.timeZone, weekday: program.weekday, hour: program.hour, cadenceWeeks: program.cadenceWeeks }, after);
  return { period: programPeriod(slot.period, program.id), at: slot.at };
}

type Planning = Pick<CommunityContext, "community" | "jobs">;

/** Schedules the program's next round (a no-op when it is already scheduled or the program is off). */
export async function planNextProgramRound(ctx: Planning, program: ProgramSettings, after: Date): Promise<PairingSlot | undefined> {
  const slot = upcomingProgramRound(ctx.community, program, after);
  if (!slot) return undefined;
  await ctx.jobs.schedule({
    kind: PROGRAM_JOBS.round, dedupeKey: `program:round:${ctx.community.id}:${slot.period}`, dueAt: slot.at, communityId: ctx.community.id,
    payload: { programId: program.id, period: slot.period, at: slot.at.toISOString(), manual: false },
  });
  return slot;
}

/** At start: every enabled program has its next round planned. */
export async function planAllProgramRounds(deps: JobDeps): Promise<void> {
  for (const { communityId, programId } of await deps.store.communities.withPrograms()) {
    const community = await deps.store.communities.find(communityId);
    const program = community && (await deps.store.forCommunity(communityId).programs.byId(programId));
    if (community && program) await planNextProgramRound({ community, jobs: deps.jobs }, program, deps.now());
  }
}

/** A round of the program now, its rhythm unchanged. */
export async function scheduleManualProgramRound(ctx: Planning, program: ProgramSettings, at: Date): Promise<void> {
  const period = programPeriod(`manual-${at.toISOString().slice(0, 16)}`, program.id);
  await ctx.jobs.schedule({
    kind: PROGRAM_JOBS.round, dedupeKey: `program:round:${ctx.community.id}:${period}`, dueAt: at, communityId: ctx.community.id,
    payload: { programId: program.id, period, at: at.toISOString(), manual: true },
  });
}

/** The program's pool through its rule: groups saved with the round's new status, and who could not be placed, in one transaction. */
async function matchProgramRound(ctx: CommunityContext, program: ProgramSettings, roundId: string, at: Date): Promise<void> {
  const { store, community } = ctx;
  const pool = await store.programs.pool(program.id);
  const members = pool.map((p) => ({ ...engineMember(p, community), ...(p.role ? { mentoringRole: p.role } : {}), ...(p.attribute ? { group: p.attribute } : {}) }));
  const ids = new Set(members.map((m) => m.id));
  const settings = await store.pairing.settings();
  const input = parsePairingInput({
    members,
    history: (await store.pairing.history()).filter((h) => ids.has(h.a) && ids.has(h.b)),
    blocks: (await store.pairing.blocks())
      .filter((b) => ids.has(b.memberId) && ids.has(b.blockedMemberId))
      .map((b) => ({ by: b.memberId, blocked: b.blockedMemberId })),
    settings: { groupSize: program.groupSize, noRepeatWeeks: settings.noRepeatWeeks, rule: program.rule, weights: RULE_WEIGHTS[program.rule], now: at.toISOString() },
  });
  const result = makeGroups(input, Math.floor(at.getTime() / 1000) % 2_147_483_647);
  const unplaced = unplacedReasons(input, result.unplaced);
  await store.transaction(async (tx) => {
    await tx.pairing.saveGroups(roundId, result.groups.map((g) => ({ memberIds: g.members, score: g.score, reasons: g.reasons })));
    await tx.pairing.saveUnplaced(roundId, [...unplaced].map(([memberId, reason]) => ({ memberId, reason })));
    await tx.pairing.setRoundStatus(roundId, "matched");
  });
  ctx.log.info({ program: program.id, rule: program.rule, pool: members.length, groups: result.groups.length, unplaced: unplaced.size }, "program round matched");
}

/**
 * Starters for a mentor and their mentees: the mentor is the member who chose that role, else
 * the most senior (mentoring groups are one or two levels apart, see src/core/matching/rules.ts).
 */
export function mentoringStarters(locale: Locale, members: readonly GroupMemberView[], roles: ReadonlyMap<string, MentoringRole>): string[] | undefined {
  const level = (m: GroupMemberView) => (m.intro ? SENIORITY.indexOf(m.intro.seniority) : -1);
  const mentor = members.find((m) => roles.get(m.platformUserId) === "mentor")
    ?? [...members].filter((m) => roles.get(m.platformUserId) !== "mentee").sort((a, b) => level(b) - level(a))[0];
  if (!mentor) return undefined;
  const t = translator(locale);
  const names = { mentor: listMembers(locale, [mentor.displayName]), mentees: listMembers(locale, members.filter((m) => m !== mentor).map((m) => m.displayName)) };
  return [t("program.starter.advice", names), t("program.starter.challenge", names), t("program.starter.nextStep", names)];
}

async function voiceOf(ctx: CommunityContext, program: ProgramSettings): Promise<RoundVoice> {
  const heading = ctx.communityT("program.announce", { name: program.name });
  if (program.rule !== "mentoring") return { heading };
  const roles = await ctx.store.programs.roles(program.id);
  return { heading, starters: (members, locale) => mentoringStarters(locale, members, roles) };
}

async function runProgramRound(deps: JobDeps, job: ClaimedJob<ProgramPayload>): Promise<void> {
  const { programId, period, manual } = job.payload;
  const at = new Date(job.payload.at);
  const found = await communityOfJob(deps, job.communityId);
  const program = found && (await found.store.programs.byId(programId));
  // Removed since, or its rhythm changed (a job planned under the old one does nothing).
  if (!found || !program) return;
  if (!manual && upcomingProgramRound(found.community, program, new Date(at.getTime() - 1))?.period !== period) return;
  const ctx = { ...found, log: found.log.child({ period }) };
  let round = await ctx.store.pairing.ensureRound(period, at, program.id);
  if (round.status === "planned") {
    await matchProgramRound(ctx, program, round.id, at);
    round = { ...round, status: "matched" };
  }
  if (round.status === "matched") {
    const settings = { ...(await ctx.store.pairing.settings()), channelId: program.channelId, groupSize: program.groupSize };
    await announceRound(deps, ctx, settings, round.id, period, at, await voiceOf(ctx, program));
  }
  if (!manual) await planNextProgramRound(ctx, program, at);
}

export function programJobHandlers(deps: JobDeps): JobHandlers<(typeof PROGRAM_JOBS)[keyof typeof PROGRAM_JOBS]> {
  return { [PROGRAM_JOBS.round]: (job) => runProgramRound(deps, job) };
}
