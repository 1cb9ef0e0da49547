import { sessionWaitingPosition } from "../../core/rounds/index.js";
import { resolveLocale, translator, type Locale, type Translate } from "../../i18n/index.js";
import type { ClaimedJob, JobDeps, JobHandlers, JobPayload } from "../../jobs/queue.js";
import { PlatformError, isPermanentRefusal } from "../../port/errors.js";
import type { Message } from "../../port/message.js";
import type { RoundRecord, SessionRecord } from "../../store/rounds-repository.js";
import { communityOfJob, type CommunityContext } from "../context.js";
import { roundActions } from "./actions.js";
import { ROUND_JOBS, calendarEventOf } from "./service.js";
import { absentButton, loadRoll, privateDetails } from "./session-seats.js";
import { studyFields } from "./study.js";
import { roundTitle, sessionLine } from "./view.js";

// The timed side of rounds: reminders before each session, the attendance check after it, and
// keeping the platform's calendar in step. Each job carries the session's revision: a session
// moved or cancelled since it was planned makes the job a no-op (its replacement was planned
// with the change). Every message goes through the outbox, so a re-run sends nothing twice.

interface Loaded {
  ctx: CommunityContext;
  round: RoundRecord;
}

async function load(deps: JobDeps, job: ClaimedJob<{ roundId: string }>): Promise<Loaded | undefined> {
  const found = await communityOfJob(deps, job.communityId);
  const round = found && (await found.store.rounds.find(job.payload.roundId));
  return found && round ? { ctx: { ...found, log: found.log.child({ round: round.id }) }, round } : undefined;
}

/** The session as the job planned it, or nothing when it was moved, cancelled or the round called off. */
async function plannedSession(loaded: Loaded, payload: JobPayload<"rounds.after">): Promise<SessionRecord | undefined> {
  const session = await loaded.ctx.store.rounds.session(payload.sessionId);
  const current = session && session.revision === payload.revision && session.status === "scheduled" && loaded.round.status === "open";
  return current ? session : undefined;
}

/** A direct message on behalf of a job: once per key; a member who cannot be reached is skipped. */
/** A direct message in the member's language, with times written in their zone (else the round's) where the platform cannot show the reader's own. */
async function deliverToMember(deps: JobDeps, loaded: Loaded, memberId: string, key: string, message: (t: Translate, zone: string, locale: Locale) => Message) {
  const { ctx } = loaded;
  const member = await ctx.store.members.find(memberId);
  if (!member) return;
  try {
    await deps.outbox.deliver({
      key, communityId: ctx.community.id,
      send: (retrying) => ctx.port.sendDirectMessage(member.platformUserId, message(ctx.memberT(member), member.timeZone ?? loaded.round.timeZone, resolveLocale(member.locale, ctx.community.locale)), { idempotencyKey: key, retrying }),
    });
  } catch (error) {
    // Left the server, or closed their DMs: the others still hear from us.
    if (!isPermanentRefusal(error)) throw error;
    ctx.log.warn({ member: member.id, code: error.code, key }, "direct message not delivered");
  }
}

/** The session's lightning-talk timetable and after-party, as reminder paragraphs ("" when it has neither). */
async function studyText(ctx: CommunityContext, t: Translate, round: RoundRecord, session: SessionRecord): Promise<string> {
  return (await studyFields(ctx, t, round, session)).map((field) => `${field.name}\n${field.value}`).join("\n\n");
}

/** "1 day", "2 hours", "30 minutes" before the start, in the member's language. */
function leadText(t: Translate, minutes: number): string {
  if (minutes % 1440 === 0) return t("rounds.lead.days", { count: minutes / 1440 });
  if (minutes % 60 === 0) return t("rounds.lead.hours", { count: minutes / 60 });
  return t("rounds.lead.minutes", { count: minutes });
}

async function remind(deps: JobDeps, job: ClaimedJob<JobPayload<"rounds.reminder">>): Promise<void> {
  const { payload } = job;
  const loaded = await load(deps, job);
  if (!loaded) return;
  const session = await plannedSession(loaded, payload);
  if (!session) return;
  const { round, ctx } = loaded;
  const details = (t: Translate, zone: string) => ({
    title: roundTitle(t, round),
    line: sessionLine(t, ctx.port, { round: { ...round, timeZone: zone }, people: new Map() }, session),
    time: ctx.port.formatTime(session.startsAt, zone),
  });
  const keyBase = `rounds:reminder:${session.id}:r${session.revision}:${payload.audience}:${payload.leadMinutes}`;
  if (payload.audience === "facilitator") {
    if (!session.facilitatorId) return;
    await deliverToMember(deps, loaded, session.facilitatorId, `${keyBase}:${session.facilitatorId}`, (t, zone) => ({
      text: t(session.label ? "rounds.reminder.facilitator" : "rounds.reminder.facilitatorNoLabel", { ...details(t, zone), label: session.label }),
    }));
    return;
  }
  // Those coming get the link and note, the talks and the after-party, and can give their seat
  // back; those waiting hear where they stand.
  const { roll } = await loadRoll(ctx.store, round, session);
  const study = { ja: await studyText(ctx, translator("ja"), round, session), en: await studyText(ctx, translator("en"), round, session) };
  for (const p of roll.coming) {
    await deliverToMember(deps, loaded, p.memberId, `${keyBase}:${p.memberId}`, (t, zone, locale) => ({
      text: [
        [t("rounds.reminder.participants", { ...details(t, zone), lead: leadText(t, payload.leadMinutes) }), privateDetails(t, round)].filter(Boolean).join("\n"),
        study[locale],
      ].filter(Boolean).join("\n\n"),
      buttons: [absentButton(t, session)],
    }));
  }
  for (const p of roll.waiting) {
    await deliverToMember(deps, loaded, p.memberId, `${keyBase}:${p.memberId}`, (t, zone) => ({
      text: t("rounds.reminder.waiting", { ...details(t, zone), lead: leadText(t, payload.leadMinutes), rank: sessionWaitingPosition(roll, p.memberId) ?? 1 }),
    }));
  }
}

async function afterSession(deps: JobDeps, job: ClaimedJob<JobPayload<"rounds.after">>): Promise<void> {
  const { payload } = job;
  const loaded = await load(deps, job);
  if (!loaded) return;
  const session = await plannedSession(loaded, payload);
  if (!session) return;
  const { round, ctx } = loaded;
  const { roll } = await loadRoll(ctx.store, round, session);
  // Those who checked in at the venue were there: the question is for the others.
  const checkedIn = new Set((await ctx.store.studySessions.attendance([session.id])).filter((a) => a.checkedInAt).map((a) => a.memberId));
  for (const p of roll.coming.filter((c) => !checkedIn.has(c.memberId))) {
    await deliverToMember(deps, loaded, p.memberId, `rounds:after:${session.id}:r${session.revision}:${p.memberId}`, (t) => ({
      text: t("rounds.after.question", { title: round.title, position: session.position }),
      buttons: [
        { actionId: roundActions.attended.id(session.id), label: t("rounds.after.attended"), style: "primary" },
        { actionId: roundActions.missed.id(session.id), label: t("rounds.after.missed") },
        { actionId: roundActions.takeaway.id(session.id), label: t("rounds.after.takeaway") },
      ],
    }));
  }
}

/** Creates, updates or cancels the platform's event of every session still to come. */
async function syncCalendar(deps: JobDeps, job: ClaimedJob<JobPayload<"rounds.calendar">>): Promise<void> {
  const loaded = await load(deps, job);
  if (!loaded || !loaded.ctx.port.supportsCalendarEvents) return;
  const { ctx } = loaded;
  const t = ctx.communityT;
  const now = ctx.now().getTime();
  try {
    await syncSessions(loaded, t, now, job.attempts > 1);
  } catch (error) {
    // Without the Manage Events permission retrying does not help; the round works without events.
    if (!(error instanceof PlatformError && error.code === "forbidden")) throw error;
    ctx.log.warn({ code: error.code }, "scheduled events not kept: the bot may not manage events here");
  }
}

async function syncSessions({ round, ctx }: Loaded, t: Translate, now: number, retrying: boolean): Promise<void> {
  const { store, community, port } = ctx;
  for (const session of await store.rounds.sessions(round.id)) {
    if (session.startsAt.getTime() <= now) continue;
    const wanted = session.status === "scheduled" && round.status === "open";
    if (wanted) {
      const eventId = await port.upsertCalendarEvent(community.externalId, {
        ...calendarEventOf(t, round, session),
        ...(session.calendarEventId ? { id: session.calendarEventId } : {}),
        retrying,
      });
      if (eventId !== session.calendarEventId) await store.rounds.setCalendarEvent(session.id, eventId);
    } else if (session.calendarEventId) {
      await port.cancelCalendarEvent(community.externalId, session.calendarEventId);
      await store.rounds.setCalendarEvent(session.id, null);
    }
  }
}

export function roundsJobHandlers(deps: JobDeps): JobHandlers<(typeof ROUND_JOBS)[keyof typeof ROUND_JOBS]> {
  return {
    [ROUND_JOBS.reminder]: (job) => remind(deps, job),
    [ROUND_JOBS.after]: (job) => afterSession(deps, job),
    [ROUND_JOBS.calendar]: (job) => syncCalendar(deps, job),
  };
}
