import { RECONNECT_AFTER_DAYS } from "../../core/network/index.js";
import { nextPairingRound } from "../../core/pairing/rhythm.js";
import { RetryLater } from "../../jobs/errors.js";
import type { ClaimedJob, JobDeps, JobHandlers, JobPayload } from "../../jobs/queue.js";
import type { MemberRecord } from "../../store/records.js";
import { communityOfJob, type CommandContext, type CommunityContext } from "../context.js";
import { UserError } from "../errors.js";
import { privateReply, type Outcome } from "../reply.js";
import { loadNetwork, nameOf, suggestionButtons, suggestionLine, suggestionsFor, wayLine } from "./show.js";

// Meeting again on a suggestion: "say hello" opens a private space for the two with a line on how
// they met; "not now" keeps that person out of the suggestions for a while. Once a week a job
// sends each member who takes them at most one gentle suggestion, never more than one every few weeks.

export const NETWORK_JOBS = { reconnect: "network.reconnect" } as const;

/** "Not now" holds for eight weeks. */
const SNOOZE_DAYS = 56;
/** A member hears a suggestion by direct message at most once in this many days. */
export const SUGGESTION_EVERY_DAYS = 28;

async function knownOther(ctx: CommandContext, memberId: string): Promise<MemberRecord> {
  const other = await ctx.store.members.find(memberId);
  if (!other || other.id === ctx.member.id) throw new UserError("common.unknownAction");
  return other;
}

/** "Say hello": a private space for the two, opened with how they met. */
export async function sayHello(ctx: CommandContext, memberId: string): Promise<Outcome> {
  const other = await knownOther(ctx, memberId);
  const { connections } = await loadNetwork(ctx, ctx.member);
  const connection = connections.find((c) => c.otherId === other.id);
  if (!connection) throw new UserError("network.hello.notMet");
  const t = ctx.communityT;
  const me = ctx.port.mentionUser(ctx.member.platformUserId);
  const them = ctx.port.mentionUser(other.platformUserId);
  const day = ctx.now().toISOString().slice(0, 10);
  const spaceIds = await ctx.port.openPairSpace({
    channelId: null,
    userIds: [ctx.member.platformUserId, other.platformUserId],
    name: `musubi · ${ctx.member.displayName} × ${other.displayName}`,
    delivery: { idempotencyKey: `network:hello:${ctx.member.id}:${other.id}:${day}`, retrying: false },
  });
  const how = wayLine(t, { port: ctx.port, community: ctx.community, zone: ctx.community.timeZone }, connection.encounters[0]!);
  for (const channelId of spaceIds) await ctx.port.postMessage(channelId, { text: t("network.hello.space", { from: me, to: them, how }) });
  ctx.log.info("reconnect hello");
  return privateReply(ctx.t(spaceIds.length === 1 ? "network.hello.opened" : "network.hello.openedDm", {
    member: them, space: ctx.port.mentionChannel(spaceIds[0] ?? ""),
  }));
}

export async function notNow(ctx: CommandContext, memberId: string): Promise<Outcome> {
  const other = await knownOther(ctx, memberId);
  await ctx.store.network.snooze(ctx.member.id, other.id, new Date(ctx.now().getTime() + SNOOZE_DAYS * 86_400_000));
  return privateReply(ctx.t("network.notNow.saved", { member: ctx.port.mentionUser(other.platformUserId) }));
}

export async function switchSuggestions(ctx: CommandContext, on: boolean): Promise<Outcome> {
  await ctx.store.network.setPreference(ctx.member.id, { suggestions: on });
  return privateReply(ctx.t(on ? "network.suggestions.on" : "network.suggestions.off"));
}

/** Suggestions go out on Tuesdays at 10:00 in the community's zone: a calm time of the week. */
const SUGGESTION_RHYTHM = { weekday: 2, hour: 10, cadenceWeeks: 1 };

/**
 * The suggestion job of a community: planned when people meet, for the week in which that meeting
 * can first be suggested (RECONNECT_AFTER_DAYS later), and by each run for the week after.
 */
export async function planReconnects(ctx: Pick<CommunityContext, "community" | "jobs" | "now">, after = new Date(ctx.now().getTime() + RECONNECT_AFTER_DAYS * 86_400_000)): Promise<void> {
  const slot = nextPairingRound({ ...SUGGESTION_RHYTHM, timeZone: ctx.community.timeZone }, after);
  await ctx.jobs.schedule({
    kind: NETWORK_JOBS.reconnect, dedupeKey: `network:reconnect:${ctx.community.id}:${slot.period}`,
    dueAt: slot.at, communityId: ctx.community.id, payload: {},
  });
}

async function sendSuggestions(deps: JobDeps, job: ClaimedJob<JobPayload<"network.reconnect">>): Promise<void> {
  const ctx = await communityOfJob(deps, job.communityId);
  if (!ctx) return;
  const now = ctx.now();
  const week = job.dueAt.toISOString().slice(0, 10);
  let sent = 0;
  for (const due of await ctx.store.network.membersDueSuggestion(new Date(now.getTime() - SUGGESTION_EVERY_DAYS * 86_400_000))) {
    const member = await ctx.store.members.find(due.id);
    if (!member) continue;
    const { connections, people } = await loadNetwork(ctx, member);
    const [suggestion] = await suggestionsFor(ctx, member, connections, 1);
    if (!suggestion) continue;
    const t = ctx.memberT(member);
    const line = suggestionLine(t, nameOf(t, ctx.port, people, suggestion.otherId), suggestion);
    const key = `network:reconnect:${member.id}:${week}`;
    // Marked first: a member who cannot be reached is not tried again every week.
    await ctx.store.network.setPreference(member.id, { lastSuggestedAt: now });
    try {
      await deps.outbox.deliver({
        key, communityId: ctx.community.id,
        send: (retrying) => ctx.port.sendDirectMessage(member.platformUserId, {
          text: [t("network.suggest.dm"), line, t("network.suggest.turnOff")].join("\n"),
          buttons: suggestionButtons(t, people, [suggestion]),
        }, { idempotencyKey: key, retrying }),
      });
      sent++;
    } catch (error) {
      // Another process is sending it: this job comes back to it rather than count it lost.
      if (error instanceof RetryLater) throw error;
      ctx.log.warn({ err: error, member: member.id }, "reconnect suggestion not delivered");
    }
  }
  ctx.log.info({ sent }, "reconnect suggestions sent");
  await planReconnects(ctx, job.dueAt);
}

export function networkJobHandlers(deps: JobDeps): JobHandlers<(typeof NETWORK_JOBS)[keyof typeof NETWORK_JOBS]> {
  return { [NETWORK_JOBS.reconnect]: (job) => sendSuggestions(deps, job) };
}
