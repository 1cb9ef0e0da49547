import { MEETING_MINUTES, proposeMeetingTimes } from "../../core/pairing/meeting-times.js";
import { roundCalendar } from "../../core/rounds/calendar.js";
import { listMembers, resolveLocale, translator, type Translate } from "../../i18n/index.js";
import type { ClaimedJob, JobDeps, JobHandlers, JobPayload } from "../../jobs/queue.js";
import { isPermanentRefusal } from "../../port/errors.js";
import type { Message } from "../../port/message.js";
import type { GroupRecord } from "../../store/pairing-repository.js";
import type { TimePickRecord, TimeProposalRecord } from "../../store/meeting-repository.js";
import { actionKind } from "../actions.js";
import { communityOfJob, type CommandContext, type CommunityContext } from "../context.js";
import { UserError } from "../errors.js";
import { privateReply, type Outcome } from "../reply.js";
import { inLanguages, languagesOf, textInLanguages } from "../languages.js";

// Helping a group actually meet. Its private space gets up to three proposed times (in the overlap
// of the members' working hours, each in their own zone); each member picks one, or "none of these
// work", and may change it until everyone has picked the same one. Then a job sends each member a
// calendar invite (.ics) by direct message and plans a reminder in the space an hour before; the
// follow-up knows the meeting was scheduled. Every message of the job goes through the outbox, so
// a crash between the agreement and the invites sends each invite once.

export const MEETING_JOBS = { invites: "pairing.meeting", reminder: "pairing.meeting-reminder" } as const;

/** The reminder goes out this long before the meeting. */
export const MEETING_REMINDER_MINUTES = 60;

export const meetingActions = {
  pick: actionKind("match:time", ["proposalId"]),
  none: actionKind("match:notime", ["groupId"]),
};

type Context = Pick<CommunityContext, "store" | "community" | "port">;

/** Each member's own zone, else the community's. */
async function zonesOf(ctx: Context, group: GroupRecord): Promise<Map<string, string>> {
  const zones = new Map<string, string>();
  for (const m of group.members) zones.set(m.memberId, (await ctx.store.members.find(m.memberId))?.timeZone ?? ctx.community.timeZone);
  return zones;
}

/** The zone a shared space writes times in where the platform cannot show each reader's own: the members' one zone, else the community's. */
function spaceZone(ctx: Context, zones: Map<string, string>): string {
  const distinct = new Set(zones.values());
  return distinct.size === 1 ? [...distinct][0]! : ctx.community.timeZone;
}

const optionLabel = (t: Translate, proposal: TimeProposalRecord, time: string) => t("pairTime.option", { number: proposal.position + 1, time });

function proposalsMessage(t: Translate, ctx: Context, proposals: readonly TimeProposalRecord[], zone: string, groupId: string): Message {
  return {
    text: t("pairTime.proposals", { times: proposals.map((p) => optionLabel(t, p, ctx.port.formatTime(p.startsAt, zone))).join("\n") }),
    buttons: [
      ...proposals.map((p) => ({ actionId: meetingActions.pick.id(p.id), label: t("pairTime.button.pick", { number: p.position + 1 }), style: "primary" as const })),
      { actionId: meetingActions.none.id(groupId), label: t("pairTime.button.none"), style: "secondary" as const },
    ],
  };
}

/**
 * Posts the group's proposed times in its space (each of its spaces, where every member has one),
 * once: the proposals are saved before they are posted, and a re-run posts the saved ones.
 */
export async function proposeMeetingTimesToGroup(deps: JobDeps, ctx: CommunityContext, group: GroupRecord, spaceIds: readonly string[], from: Date): Promise<void> {
  const zones = await zonesOf(ctx, group);
  const starts = proposeMeetingTimes({ zones: [...zones.values()], from, dayZone: ctx.community.timeZone });
  const proposals = await ctx.store.meetings.ensureProposals(group.id, starts);
  if (proposals.length === 0) return;
  // The space is read by every member of the group: in each of their languages.
  const message = inLanguages(languagesOf(group.members, ctx.community.locale), (locale) =>
    proposalsMessage(translator(locale), ctx, proposals, spaceZone(ctx, zones), group.id));
  for (const [i, channelId] of spaceIds.entries()) {
    const key = `round:${group.roundId}:group:${group.position}:times:${i}`;
    await deps.outbox.deliver({ key, communityId: ctx.community.id, send: (retrying) => ctx.port.postMessage(channelId, message, { idempotencyKey: key, retrying }) });
  }
}

/** Who picked what, one line per member. */
function picksText(t: Translate, ctx: CommandContext, group: GroupRecord, proposals: readonly TimeProposalRecord[], picks: readonly TimePickRecord[], zone: string): string {
  const byMember = new Map(picks.map((p) => [p.memberId, p.proposalId]));
  const lines = group.members.map((m) => {
    const picked = byMember.get(m.memberId);
    const proposal = proposals.find((p) => p.id === picked);
    const choice = picked === undefined
      ? t("pairTime.picks.notYet")
      : proposal ? optionLabel(t, proposal, ctx.port.formatTime(proposal.startsAt, zone)) : t("pairTime.picks.none");
    return t("pairTime.picks.member", { member: ctx.port.mentionUser(m.platformUserId), choice });
  });
  return t("pairTime.picks", { picks: lines.join("\n") });
}

/** Posts to every space of the group; a member's press is answered even where a space is gone. */
async function postToSpaces(ctx: CommandContext, group: GroupRecord, text: string): Promise<void> {
  for (const channelId of group.spaceId?.split(",") ?? []) {
    try {
      await ctx.port.postMessage(channelId, { text });
    } catch (error) {
      if (!isPermanentRefusal(error)) throw error;
      ctx.log.warn({ group: group.id, code: error.code }, "pair space not reachable");
    }
  }
}

async function scheduleInvites(ctx: CommandContext, groupId: string): Promise<void> {
  await ctx.jobs.schedule({ kind: MEETING_JOBS.invites, dedupeKey: `pairing:meeting:${groupId}`, dueAt: ctx.now(), communityId: ctx.community.id, payload: { groupId } });
  ctx.jobs.runSoon();
}

/** A press of a proposal or of "none of these work": checked, saved, and shown to the group. */
async function pick(ctx: CommandContext, groupId: string, proposal: TimeProposalRecord | null): Promise<Outcome> {
  const { store, t, port } = ctx;
  const group = await store.pairing.group(groupId);
  if (!group) throw new UserError("pairTime.unknown");
  if (!group.members.some((m) => m.memberId === ctx.member.id)) throw new UserError("pairTime.notYours");
  const zone = spaceZone(ctx, await zonesOf(ctx, group));
  const meeting = await store.meetings.meeting(groupId);
  if (meeting) {
    // Planned again in case the process stopped between the agreement and planning its invites.
    await scheduleInvites(ctx, groupId);
    throw new UserError("pairTime.alreadyAgreed", { time: port.formatTime(meeting.startsAt, zone) });
  }
  if (proposal && proposal.startsAt <= ctx.now()) throw new UserError("pairTime.passed");
  const proposals = await store.meetings.proposals(groupId);
  const outcome = await store.meetings.pick({
    groupId, memberId: ctx.member.id, proposalId: proposal?.id ?? null, at: ctx.now(),
    memberIds: group.members.map((m) => m.memberId), endsAfterMs: MEETING_MINUTES * 60_000,
  });
  const choice = proposal && optionLabel(t, proposal, port.formatTime(proposal.startsAt, zoneOfMember(ctx)));
  if (outcome.agreed) {
    await scheduleInvites(ctx, groupId);
    return privateReply(t("pairTime.pickedAgreed", { choice: choice! }));
  }
  await postToSpaces(ctx, group, textInLanguages(languagesOf(group.members, ctx.community.locale), (locale) => {
    const inSpace = translator(locale);
    const tally = picksText(inSpace, ctx, group, proposals, outcome.picks, zone);
    return proposal ? tally : `${inSpace("pairTime.none", { member: port.mentionUser(ctx.member.platformUserId) })}\n${tally}`;
  }));
  return privateReply(choice ? t("pairTime.picked", { choice }) : t("pairTime.pickedNone"));
}

const zoneOfMember = (ctx: CommandContext) => ctx.member.timeZone ?? ctx.community.timeZone;

/** A proposal's button. A proposal of another community, or one that no longer exists, is refused. */
export async function pickMeetingTime(ctx: CommandContext, proposalId: string): Promise<Outcome> {
  const proposal = await ctx.store.meetings.proposal(proposalId);
  if (!proposal) throw new UserError("pairTime.unknown");
  return pick(ctx, proposal.groupId, proposal);
}

/** "None of these work". */
export async function pickNoMeetingTime(ctx: CommandContext, groupId: string): Promise<Outcome> {
  return pick(ctx, groupId, null);
}

/** The time a follow-up recalls, as the space shows it: nothing when the group agreed on none. */
export async function agreedMeetingTime(ctx: CommunityContext, group: GroupRecord): Promise<string | undefined> {
  const meeting = await ctx.store.meetings.meeting(group.id);
  return meeting ? ctx.port.formatTime(meeting.startsAt, spaceZone(ctx, await zonesOf(ctx, group))) : undefined;
}

/** The agreement in the space, an invite to each member, the follow-up's "scheduled", and the reminder planned. */
async function sendInvites(deps: JobDeps, job: ClaimedJob<JobPayload<"pairing.meeting">>): Promise<void> {
  const ctx = await communityOfJob(deps, job.communityId);
  if (!ctx) return;
  const { store, community, port } = ctx;
  const { groupId } = job.payload;
  const [group, meeting] = [await store.pairing.group(groupId), await store.meetings.meeting(groupId)];
  if (!group || !meeting) return;
  const zones = await zonesOf(ctx, group);
  const agreed = textInLanguages(languagesOf(group.members, community.locale), (locale) =>
    translator(locale)("pairTime.agreed", { time: port.formatTime(meeting.startsAt, spaceZone(ctx, zones)) }));
  for (const [i, channelId] of (group.spaceId?.split(",") ?? []).entries()) {
    const key = `meeting:${groupId}:agreed:${i}`;
    await deps.outbox.deliver({ key, communityId: community.id, send: (retrying) => port.postMessage(channelId, { text: agreed }, { idempotencyKey: key, retrying }) });
  }
  for (const m of group.members) {
    const locale = resolveLocale(m.locale, community.locale);
    const t = translator(locale);
    const zone = zones.get(m.memberId) ?? community.timeZone;
    const others = group.members.filter((o) => o.memberId !== m.memberId).map((o) => o.displayName);
    const names = listMembers(locale, others);
    const text = t("pairTime.invite", { names, time: port.formatTime(meeting.startsAt, zone) });
    const ics = roundCalendar({
      round: { title: t("pairTime.invite.title", { names }), description: t("pairTime.invite.description") },
      sessions: [{ id: `pairing-${groupId}`, start: meeting.startsAt, end: meeting.endsAt }],
      zone, productId: "-//musubi//pairing//EN", generatedAt: meeting.agreedAt,
    });
    const file = { name: "musubi-meeting.ics", contentType: "text/calendar", content: ics };
    const key = `meeting:${groupId}:invite:${m.memberId}`;
    try {
      await deps.outbox.deliver({
        key, communityId: community.id,
        send: (retrying) => port.sendDirectFiles
          ? port.sendDirectFiles(m.platformUserId, text, [file], { idempotencyKey: key, retrying })
          : port.sendDirectMessage(m.platformUserId, { text }, { idempotencyKey: key, retrying }),
      });
    } catch (error) {
      // Left the server, or closed their direct messages: the others still get theirs.
      if (!isPermanentRefusal(error)) throw error;
      ctx.log.warn({ member: m.memberId, code: error.code }, "meeting invite not delivered");
    }
    // The follow-up's "scheduled", unless the member answered it already.
    if (m.answer === null) await store.pairing.answer(groupId, m.memberId, "scheduled", meeting.agreedAt);
  }
  const remindAt = new Date(meeting.startsAt.getTime() - MEETING_REMINDER_MINUTES * 60_000);
  if (meeting.startsAt > deps.now()) {
    await deps.jobs.schedule({
      kind: MEETING_JOBS.reminder, dedupeKey: `pairing:meeting-reminder:${groupId}`,
      dueAt: remindAt > deps.now() ? remindAt : deps.now(), communityId: community.id,
      payload: { groupId, startsAt: meeting.startsAt.toISOString() },
    });
  }
}

/** An hour before: a word in the group's space, with everyone mentioned. */
async function remind(deps: JobDeps, job: ClaimedJob<JobPayload<"pairing.meeting-reminder">>): Promise<void> {
  const ctx = await communityOfJob(deps, job.communityId);
  if (!ctx) return;
  const { store, community, port } = ctx;
  const { groupId, startsAt } = job.payload;
  const [group, meeting] = [await store.pairing.group(groupId), await store.meetings.meeting(groupId)];
  if (!group || !meeting || meeting.startsAt.toISOString() !== startsAt || meeting.startsAt <= deps.now()) return;
  const time = port.formatTime(meeting.startsAt, spaceZone(ctx, await zonesOf(ctx, group)));
  const text = textInLanguages(languagesOf(group.members, community.locale), (locale) =>
    translator(locale)("pairTime.reminder", { mentions: listMembers(locale, group.members.map((m) => port.mentionUser(m.platformUserId))), time }));
  for (const [i, channelId] of (group.spaceId?.split(",") ?? []).entries()) {
    const key = `meeting:${groupId}:reminder:${i}`;
    await deps.outbox.deliver({ key, communityId: community.id, send: (retrying) => port.postMessage(channelId, { text }, { idempotencyKey: key, retrying }) });
  }
}

export function meetingJobHandlers(deps: JobDeps): JobHandlers<(typeof MEETING_JOBS)[keyof typeof MEETING_JOBS]> {
  return {
    [MEETING_JOBS.invites]: (job) => sendInvites(deps, job),
    [MEETING_JOBS.reminder]: (job) => remind(deps, job),
  };
}
