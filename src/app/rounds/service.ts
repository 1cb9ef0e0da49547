import { randomUUID } from "node:crypto";
import {
  assignFacilitators,
  capacitiesOf,
  changeCapacity,
  DEFAULT_REMINDER_LEADS,
  placeOfSeat,
  joinRound as takeSeat,
  leaveRound as giveUpSeat,
  reminderTimes,
  roundCalendar,
  sessionStarts,
  type CalendarSeries,
  type Cadence,
  type RoundDraft,
} from "../../core/rounds/index.js";
import type { Translate } from "../../i18n/index.js";
import { isPermanentRefusal } from "../../port/errors.js";
import type { Message, ReplyFile } from "../../port/message.js";
import type { MemberRecord } from "../../store/records.js";
import type { RoundFields, RoundOptions, RoundRecord, SessionRecord } from "../../store/rounds-repository.js";
import type { CommandContext, CommunityContext } from "../context.js";
import { joinsWaitingFirst } from "./no-shows.js";
import { withStudyFields } from "./study.js";
import { placeOf, roundCard, roundTitle, sessionEnd, sessionLine, type RoundView } from "./view.js";

// Rounds as use cases: creating, joining and leaving, editing and cancelling, shared by the
// commands and buttons (commands/round.ts) and the jobs (jobs.ts). Every change that members can
// see ends by refreshing the round's card and, where the platform has one, its calendar events.

export const ROUND_JOBS = {
  reminder: "rounds.reminder",
  after: "rounds.after",
  calendar: "rounds.calendar",
} as const;

export async function loadView(store: CommunityContext["store"], round: RoundRecord): Promise<RoundView> {
  const [sessions, participants, places] = await Promise.all([
    store.rounds.sessions(round.id),
    store.rounds.participants(round.id),
    store.rounds.places(round.id),
  ]);
  const ids = new Set([round.organizerId, ...sessions.flatMap((s) => (s.facilitatorId ? [s.facilitatorId] : []))]);
  const people = new Map<string, MemberRecord>();
  for (const id of ids) {
    const member = await store.members.find(id);
    if (member) people.set(id, member);
  }
  return { round, sessions, participants, places, people };
}

/** Re-renders the card where it was posted. A card deleted by hand is left deleted. */
export async function refreshCard(ctx: CommunityContext, round: RoundRecord): Promise<void> {
  if (!round.cardChannelId || !round.cardMessageId) return;
  const view = await loadView(ctx.store, round);
  try {
    const card = await withStudyFields(ctx, ctx.communityT, round, roundCard(ctx.communityT, ctx.port, view, ctx.now()));
    await ctx.port.editMessage({ channelId: round.cardChannelId, messageId: round.cardMessageId }, card);
  } catch (error) {
    if (!isPermanentRefusal(error)) throw error;
    ctx.log.warn({ round: round.id, code: error.code }, "round card could not be updated");
  }
}

/** Facilitators of the sessions still to come, as the round's mode and its seated members give them. */
async function reassignFacilitators(ctx: CommunityContext, round: RoundRecord): Promise<void> {
  const { store } = ctx;
  const sessions = await store.rounds.sessions(round.id);
  const seated = (await store.rounds.participants(round.id)).filter((p) => p.status === "seat").map((p) => p.memberId);
  const now = ctx.now().getTime();
  const chosen = assignFacilitators(
    sessions.map((s) => ({ held: s.startsAt.getTime() <= now || s.status === "cancelled", facilitatorId: s.facilitatorId })),
    seated, round.facilitation, round.organizerId,
  );
  for (const [i, session] of sessions.entries()) {
    if (session.status === "scheduled" && chosen[i] !== session.facilitatorId) {
      await store.rounds.setFacilitator(session.id, chosen[i] ?? null);
    }
  }
}

/** Reminders before the session and the check after it; jobs of an earlier revision find it changed and do nothing. */
export async function scheduleSessionJobs(ctx: Pick<CommunityContext, "jobs" | "community" | "now">, round: RoundRecord, session: SessionRecord): Promise<void> {
  if (session.status !== "scheduled") return;
  const base = { sessionId: session.id, roundId: round.id, revision: session.revision };
  const leads = { ...DEFAULT_REMINDER_LEADS, participantLeadMinutes: round.reminderMinutes };
  for (const reminder of reminderTimes(session.startsAt, leads, ctx.now())) {
    await ctx.jobs.schedule({
      kind: ROUND_JOBS.reminder,
      dedupeKey: `rounds:reminder:${session.id}:r${session.revision}:${reminder.audience}:${reminder.leadMinutes}`,
      dueAt: reminder.at, communityId: ctx.community.id,
      payload: { ...base, audience: reminder.audience, leadMinutes: reminder.leadMinutes },
    });
  }
  await ctx.jobs.schedule({
    kind: ROUND_JOBS.after,
    dedupeKey: `rounds:after:${session.id}:r${session.revision}`,
    dueAt: sessionEnd(round, session), communityId: ctx.community.id, payload: base,
  });
}

/** Brings the platform's calendar (Discord scheduled events) in line with the sessions, as a job. */
export async function syncCalendar(ctx: CommunityContext, round: RoundRecord): Promise<void> {
  if (!ctx.port.supportsCalendarEvents) return;
  await ctx.jobs.schedule({
    kind: ROUND_JOBS.calendar,
    // Every change asks for a pass of its own; a pass brings all sessions in line, so repeats are harmless.
    dedupeKey: `rounds:calendar:${round.id}:${randomUUID()}`,
    dueAt: ctx.now(), communityId: ctx.community.id, payload: { roundId: round.id },
  });
  ctx.jobs.runSoon();
}

export interface CreatedRound {
  round: RoundRecord;
  /** Where the card could not be posted (the bot is not in the channel): the organizer is told. */
  cardPosted: boolean;
}

/** Stores a round from its draft, posts its card and thread, and plans its reminders. */
export async function createRound(ctx: CommunityContext, organizer: MemberRecord, draft: RoundDraft, channelId: string | undefined): Promise<CreatedRound> {
  const { store, port } = ctx;
  const starts = sessionStarts({ first: draft.firstStart, zone: draft.zone, cadence: draft.cadence, count: draft.sessions });
  const fields: RoundFields = {
    kind: draft.kind, title: draft.title, topic: draft.topic, description: draft.description, timeZone: draft.zone,
    cadence: draft.cadence, durationMinutes: draft.durationMinutes, capacity: draft.capacity,
    onlineUrl: draft.link ?? null, venue: draft.venue ?? null, facilitation: draft.facilitation,
    reminderMinutes: draft.reminderMinutes,
  };
  const round = await store.transaction((tx) =>
    tx.rounds.create(organizer.id, fields, starts.map((startsAt, i) => ({
      startsAt, label: draft.agenda[i] ?? "", facilitatorId: organizer.id,
    }))));
  ctx.log.info({ round: round.id, sessions: starts.length }, "round created");
  for (const session of await store.rounds.sessions(round.id)) await scheduleSessionJobs(ctx, round, session);

  let cardPosted = false;
  if (channelId) {
    try {
      const view = await loadView(store, round);
      const card = await port.postMessage(channelId, roundCard(ctx.communityT, port, view, ctx.now()));
      await store.rounds.setCard(round.id, card);
      cardPosted = true;
      const discussion = await port.openDiscussion(card, round.title);
      await store.rounds.setDiscussion(round.id, discussion);
    } catch (error) {
      if (!isPermanentRefusal(error)) throw error;
      ctx.log.warn({ round: round.id, code: error.code }, "round card or thread not posted");
    }
  }
  await syncCalendar(ctx, round);
  const stored = await store.rounds.find(round.id);
  return { round: stored ?? round, cardPosted };
}

export type JoinAnswer =
  | { outcome: "seated" | "alreadySeated" }
  | { outcome: "waitlisted" | "alreadyWaitlisted"; position: number }
  | { outcome: "closed" };

/** A seat for the member, or a place on the waitlist of their kind of place when it is full. */
export async function joinRound(ctx: CommunityContext, round: RoundRecord, member: MemberRecord, placeId = ""): Promise<JoinAnswer> {
  const { store } = ctx;
  if (round.status !== "open" || !(await hasSessionAhead(ctx, round))) return { outcome: "closed" };
  const waitFirst = await joinsWaitingFirst(ctx, member.id);
  const result = await store.transaction(async (tx) => {
    await tx.rounds.lock(round.id);
    const places = capacitiesOf(round.capacity, await tx.rounds.places(round.id));
    const before = await tx.rounds.participants(round.id);
    const existing = before.find((p) => p.memberId === member.id);
    // Each kind of place has its own seats and its own line; a member already in keeps their kind.
    const place = placeOfSeat(existing?.place ?? placeId, places);
    const sameKind = before.filter((p) => placeOfSeat(p.place, places) === place);
    if (waitFirst && !existing) {
      // The community's no-show rule: this member waits even when a seat is free.
      await tx.rounds.addParticipant(round.id, member.id, "waitlist", ctx.now(), place);
      return { seats: [], promoted: [], outcome: "waitlisted" as const, waitlistPosition: sameKind.filter((p) => p.status === "waitlist").length + 1 };
    }
    const capacity = places.find((p) => p.id === place)?.capacity ?? round.capacity;
    const joined = takeSeat(sameKind, member.id, capacity, ctx.now());
    const mine = joined.seats.find((s) => s.memberId === member.id);
    if (mine && !existing) {
      await tx.rounds.addParticipant(round.id, member.id, mine.status, mine.joinedAt, place);
    }
    return joined;
  });
  if (result.outcome === "seated") {
    await reassignFacilitators(ctx, round);
    await refreshCard(ctx, round);
  } else if (result.outcome === "waitlisted") {
    await refreshCard(ctx, round);
  }
  return result.outcome === "waitlisted" || result.outcome === "alreadyWaitlisted"
    ? { outcome: result.outcome, position: result.waitlistPosition ?? 1 }
    : { outcome: result.outcome };
}

async function hasSessionAhead(ctx: CommunityContext, round: RoundRecord): Promise<boolean> {
  const now = ctx.now().getTime();
  return (await ctx.store.rounds.sessions(round.id)).some((s) => s.status === "scheduled" && s.startsAt.getTime() > now);
}

/** Takes the member out of the round; a freed seat goes to the first waiting, who is told. */
export async function leaveRound(ctx: CommunityContext, round: RoundRecord, member: MemberRecord): Promise<boolean> {
  const { store } = ctx;
  const change = await store.transaction(async (tx) => {
    await tx.rounds.lock(round.id);
    const places = capacitiesOf(round.capacity, await tx.rounds.places(round.id));
    const before = await tx.rounds.participants(round.id);
    const place = placeOfSeat(before.find((p) => p.memberId === member.id)?.place ?? "", places);
    const sameKind = before.filter((p) => placeOfSeat(p.place, places) === place);
    const left = giveUpSeat(sameKind, member.id, places.find((p) => p.id === place)?.capacity ?? round.capacity);
    if (!left.left) return left;
    await tx.rounds.removeParticipant(round.id, member.id);
    // A seat held for one session (given from the waitlist) goes with them.
    await tx.rounds.clearAnswersFrom(round.id, member.id, ctx.now());
    for (const promoted of left.promoted) await tx.rounds.setParticipantStatus(round.id, promoted, "seat");
    return left;
  });
  if (!change.left) return false;
  await tellPromoted(ctx, round, change.promoted);
  await reassignFacilitators(ctx, round);
  await refreshCard(ctx, round);
  return true;
}

/** A direct message to each member who got a seat from the waitlist. */
export async function tellPromoted(ctx: CommunityContext, round: RoundRecord, memberIds: readonly string[]): Promise<void> {
  for (const memberId of memberIds) {
    const member = await ctx.store.members.find(memberId);
    if (!member) continue;
    const t = ctx.memberT(member);
    await tellMember(ctx, member, { text: t("rounds.promoted", { title: round.title, number: round.number }) });
  }
}

/** A direct message that may fail (the member left, closed their DMs) without failing the change. */
export async function tellMember(ctx: Pick<CommunityContext, "port" | "log">, member: MemberRecord, message: Message): Promise<void> {
  try {
    await ctx.port.sendDirectMessage(member.platformUserId, message);
  } catch (error) {
    if (!isPermanentRefusal(error)) throw error;
    ctx.log.warn({ member: member.id, code: error.code }, "direct message not delivered");
  }
}

/** Tells every participant (seated and waiting) of a change to the round, each in their language. */
async function tellParticipants(ctx: CommunityContext, round: RoundRecord, message: (t: Translate) => Message): Promise<void> {
  for (const p of await ctx.store.rounds.participants(round.id)) {
    const member = await ctx.store.members.find(p.memberId);
    if (member) await tellMember(ctx, member, message(ctx.memberT(member)));
  }
}

export interface SessionChange {
  startsAt?: Date;
  label?: string;
  cancel?: boolean;
}

/** Reschedules, relabels or cancels one session; the other sessions are left as they are. */
export async function editSession(ctx: CommunityContext, round: RoundRecord, session: SessionRecord, change: SessionChange): Promise<SessionRecord> {
  const { store, port } = ctx;
  const updated = await store.rounds.updateSession(session.id, {
    ...(change.startsAt ? { startsAt: change.startsAt } : {}),
    ...(change.label !== undefined ? { label: change.label } : {}),
    ...(change.cancel ? { status: "cancelled" as const } : {}),
  });
  await scheduleSessionJobs(ctx, round, updated);
  if (change.cancel || change.startsAt) {
    const view = { round, people: new Map<string, MemberRecord>() };
    await tellParticipants(ctx, round, (t) => ({
      text: change.cancel
        ? t("rounds.sessionCancelled", { title: round.title, position: session.position, time: port.formatTime(session.startsAt, round.timeZone) })
        : t("rounds.sessionMoved", { title: round.title, line: sessionLine(t, port, view, updated) }),
    }));
  }
  if (change.cancel) await reassignFacilitators(ctx, round);
  await refreshCard(ctx, round);
  await syncCalendar(ctx, round);
  return updated;
}

export type SeriesChange = Partial<Pick<RoundFields, "title" | "topic" | "description" | "capacity" | "onlineUrl" | "venue"> & RoundOptions>;

/** Changes what holds for every session: title, text, place, capacity (a larger one seats those waiting). */
export async function editSeries(ctx: CommunityContext, round: RoundRecord, change: SeriesChange): Promise<RoundRecord> {
  const { store } = ctx;
  const { updated, promoted } = await store.transaction(async (tx) => {
    // The update takes the round's row, as lock() does for joins.
    const updated = await tx.rounds.update(round.id, change);
    if (change.capacity === undefined) return { updated, promoted: [] as string[] };
    const seats = changeCapacity(await tx.rounds.participants(round.id), change.capacity);
    for (const memberId of seats.promoted) await tx.rounds.setParticipantStatus(round.id, memberId, "seat");
    return { updated, promoted: seats.promoted };
  });
  await tellPromoted(ctx, updated, promoted);
  if (promoted.length > 0) await reassignFacilitators(ctx, updated);
  await refreshCard(ctx, updated);
  await syncCalendar(ctx, updated);
  return updated;
}

/** Cancels every session still to come and tells the participants. */
export async function cancelRound(ctx: CommunityContext, round: RoundRecord): Promise<RoundRecord> {
  const { store } = ctx;
  const now = ctx.now().getTime();
  const cancelled = await store.transaction(async (tx) => {
    for (const session of await tx.rounds.sessions(round.id)) {
      if (session.status === "scheduled" && session.startsAt.getTime() > now) {
        await tx.rounds.updateSession(session.id, { status: "cancelled" });
      }
    }
    return tx.rounds.update(round.id, { status: "cancelled" });
  });
  ctx.log.info({ round: round.id }, "round cancelled");
  await tellParticipants(ctx, cancelled, (t) => ({ text: t("rounds.cancelledNotice", { title: round.title, number: round.number }) }));
  await refreshCard(ctx, cancelled);
  await syncCalendar(ctx, cancelled);
  return cancelled;
}

/** A round as a calendar series: its sessions in its zone, with the cadence they were planned by. */
/**
 * The round's series for a calendar. The online link is for participants only (like the card's
 * "for participants" view): it is in the calendar only `withLink`, for a reader who may see it.
 */
export function calendarSeriesOf(round: RoundRecord, sessions: readonly SessionRecord[], withLink: boolean): CalendarSeries {
  return {
    seriesId: round.id,
    round: {
      title: round.title,
      description: [round.topic, round.description].filter(Boolean).join("\n\n"),
      ...(withLink && round.onlineUrl ? { link: round.onlineUrl } : {}),
      ...(round.venue ? { venue: round.venue } : {}),
    },
    sessions: sessions.map((s) => ({
      id: s.id, start: s.startsAt, end: sessionEnd(round, s), label: s.label, sequence: s.revision,
      cancelled: s.status === "cancelled" || round.status === "cancelled",
      ...(s.plannedAt ? { plannedStart: s.plannedAt } : {}),
    })),
    zone: round.timeZone,
    cadence: round.cadence as Cadence,
  };
}

export const CALENDAR_PRODUCT_ID = "-//musubi//rounds//EN";

/** Whether the member may read the round's participants-only details (its online link): seated, or organizing it. */
export async function seesParticipantDetails(ctx: Pick<CommunityContext, "store">, round: RoundRecord, memberId: string, isOrganizer: boolean): Promise<boolean> {
  if (isOrganizer || round.organizerId === memberId) return true;
  const mine = (await ctx.store.rounds.participants(round.id)).find((p) => p.memberId === memberId);
  return mine?.status === "seat";
}

/** The round's iCalendar file for the member who asks: the series in the round's zone, cancelled sessions as exceptions. */
export async function calendarFile(ctx: Pick<CommandContext, "store" | "communityT" | "now" | "member" | "actor">, round: RoundRecord): Promise<ReplyFile> {
  const t = ctx.communityT;
  const sessions = await ctx.store.rounds.sessions(round.id);
  const withLink = await seesParticipantDetails(ctx, round, ctx.member.id, ctx.actor.isOrganizer);
  const content = roundCalendar({ ...calendarSeriesOf(round, sessions, withLink), productId: CALENDAR_PRODUCT_ID, generatedAt: ctx.now() });
  return { name: `${t("rounds.calendar.fileName", { number: round.number })}.ics`, contentType: "text/calendar; charset=utf-8", content };
}

/** The name, text and place of a session in the platform's calendar. */
export function calendarEventOf(t: Translate, round: RoundRecord, session: SessionRecord) {
  return {
    name: `${round.title} #${session.position}${session.label ? ` · ${session.label}` : ""}`,
    description: [round.topic, round.description, t("rounds.event.interest"), t("rounds.card.footer", { number: round.number })].filter(Boolean).join("\n\n"),
    start: session.startsAt,
    end: sessionEnd(round, session),
    location: placeOf(t, round).replace(/\n/g, " · "),
  };
}

export { roundTitle };
