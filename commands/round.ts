import { z } from "zod";
import { form, handler, option, type CommandContext, type CommandDefinition } from "../src/app/command.js";
import { UserError } from "../src/app/errors.js";
import { privateReply, type Outcome } from "../src/app/reply.js";
import {
  calendarFile,
  cancelRound,
  createRound,
  editSeries,
  editSession,
  joinRound,
  leaveRound,
  loadView,
  type SeriesChange,
  type SessionChange,
} from "../src/app/rounds/service.js";
import { ROUND_ACTION, roundCard, roundTitle, seatsOf } from "../src/app/rounds/view.js";
import {
  CADENCES,
  FACILITATION_MODES,
  ROUND_KINDS,
  ROUND_LIMITS,
  START_FAILURE_MESSAGES,
  parseSessionStart,
  roundFormFields,
  roundFormSchema,
  type RoundDraft,
} from "../src/core/rounds/index.js";
import { communityTranslator, type MessageKey } from "../src/i18n/index.js";
import type { RoundRecord, SessionRecord } from "../src/store/rounds-repository.js";

// /round: reading clubs and study sessions. Organizers create, edit and cancel; members join and
// leave from the card or by command, get the calendar file, and answer after each session.

const TAKEAWAY_FORM = "round-takeaway";
const TAKEAWAY_LIMIT = 1000;
/** A takeaway can be shared for a week after the session. */
const TAKEAWAY_DAYS = 7;

const roundNumber = (required: true) => option.integer({ description: "rounds.option.round", required, min: 1, max: 1_000_000 });

async function roundByNumber(ctx: CommandContext, number: number): Promise<RoundRecord> {
  const round = await ctx.store.rounds.findByNumber(ctx.community.id, number);
  if (!round) throw new UserError("rounds.notFound", { number });
  return round;
}

async function roundById(ctx: CommandContext, roundId: string): Promise<RoundRecord> {
  const round = await ctx.store.rounds.find(ctx.community.id, roundId);
  if (!round) throw new UserError("common.unknownAction");
  return round;
}

async function join(ctx: CommandContext, round: RoundRecord): Promise<Outcome> {
  const answer = await joinRound(ctx, round, ctx.member);
  const { t } = ctx;
  switch (answer.outcome) {
    case "seated": return privateReply(t("rounds.joined", { title: round.title, number: round.number }));
    case "alreadySeated": return privateReply(t("rounds.alreadyJoined", { title: round.title }));
    case "waitlisted": return privateReply(t("rounds.waitlisted", { title: round.title, position: answer.position }));
    case "alreadyWaitlisted": return privateReply(t("rounds.alreadyWaitlisted", { title: round.title, position: answer.position }));
    case "closed": return privateReply(t("rounds.closed", { title: round.title }));
  }
}

async function leave(ctx: CommandContext, round: RoundRecord): Promise<Outcome> {
  const left = await leaveRound(ctx, round, ctx.member);
  return privateReply(ctx.t(left ? "rounds.left" : "rounds.notIn", { title: round.title }));
}

async function calendar(ctx: CommandContext, round: RoundRecord): Promise<Outcome> {
  return privateReply(ctx.t("rounds.calendar.here", { title: round.title }), { files: [await calendarFile(ctx, round)] });
}

/** The round's card as the member reads it, with its buttons. */
async function show(ctx: CommandContext, round: RoundRecord): Promise<Outcome> {
  const view = await loadView(ctx.store, ctx.community, round);
  const card = roundCard(ctx.t, ctx.port, view, ctx.now());
  const mine = view.participants.find((p) => p.memberId === ctx.member.id);
  const status = mine ? ctx.t(mine.status === "seat" ? "rounds.show.seated" : "rounds.show.waiting") : card.text;
  const cards = card.cards ?? [];
  // Its organizer also sees how the sessions held so far went.
  const attendance = round.organizerId === ctx.member.id || ctx.actor.isOrganizer ? await attendanceLines(ctx, view.sessions) : [];
  const withAttendance = attendance.length > 0 && cards[0]
    ? [{ ...cards[0], fields: [...cards[0].fields, { name: ctx.t("rounds.show.attendance"), value: attendance.join("\n") }] }, ...cards.slice(1)]
    : cards;
  return privateReply(status, { cards: withAttendance, ...(card.buttons ? { buttons: card.buttons } : {}) });
}

/** "1. 4 came · 1 could not · 2 takeaways" for each session held. */
async function attendanceLines(ctx: CommandContext, sessions: readonly SessionRecord[]): Promise<string[]> {
  const lines = [];
  for (const session of sessions.filter((s) => s.status === "scheduled" && s.startsAt.getTime() <= ctx.now().getTime())) {
    const answers = await ctx.store.rounds.attendance(ctx.community.id, session.id);
    lines.push(ctx.t("rounds.show.attendanceLine", {
      position: session.position,
      came: answers.filter((a) => a.attended === true).length,
      missed: answers.filter((a) => a.attended === false).length,
      takeaways: answers.filter((a) => a.takeaway).length,
    }));
  }
  return lines;
}

/** A member's own session: they had a seat in its round and it has ended, not long ago. */
async function ownEndedSession(ctx: CommandContext, sessionId: string) {
  const session = await ctx.store.rounds.session(ctx.community.id, sessionId);
  if (!session) throw new UserError("common.unknownAction");
  const round = await roundById(ctx, session.roundId);
  const participant = (await ctx.store.rounds.participants(ctx.community.id, round.id)).find((p) => p.memberId === ctx.member.id);
  if (!participant) throw new UserError("rounds.after.notYours");
  const endedAgo = ctx.now().getTime() - session.startsAt.getTime();
  if (endedAgo < 0) throw new UserError("rounds.after.notYet");
  if (endedAgo > TAKEAWAY_DAYS * 86_400_000) throw new UserError("rounds.after.tooLate");
  return { session, round };
}

const roundForm = form({
  id: "round-create",
  title: "rounds.form.title",
  pageTitle: "rounds.form.pageTitle",
  invalidMessage: "rounds.form.invalid",
  schema: roundFormFields({ defaultZone: "UTC" }),
  wholeSchema: (ctx) => roundFormSchema({ now: ctx.now(), defaultZone: ctx.community.timeZone }),
  pages: [
    [
      { id: "kind", label: "rounds.field.kind", kind: "select", required: true,
        choices: ROUND_KINDS.map((value) => ({ value, label: `rounds.kind.${value}` as const })) },
      { id: "title", label: "rounds.field.title", kind: "text", required: true, maxLength: ROUND_LIMITS.title,
        placeholder: "rounds.placeholder.title" },
      { id: "topic", label: "rounds.field.topic", kind: "text", required: false, maxLength: ROUND_LIMITS.topic,
        placeholder: "rounds.placeholder.topic" },
      { id: "start", label: "rounds.field.start", kind: "text", required: true, maxLength: ROUND_LIMITS.startText,
        placeholder: "rounds.placeholder.start" },
      { id: "cadence", label: "rounds.field.cadence", kind: "select", required: true,
        choices: CADENCES.map((value) => ({ value, label: `rounds.cadence.${value}` as const })) },
    ],
    [
      { id: "sessions", label: "rounds.field.sessions", kind: "text", required: false, maxLength: 10, placeholder: "rounds.placeholder.sessions" },
      { id: "duration", label: "rounds.field.duration", kind: "text", required: false, maxLength: 20, placeholder: "rounds.placeholder.duration" },
      { id: "capacity", label: "rounds.field.capacity", kind: "text", required: true, maxLength: 10, placeholder: "rounds.placeholder.capacity" },
      { id: "link", label: "rounds.field.link", kind: "text", required: false, maxLength: 500, placeholder: "rounds.placeholder.link" },
      { id: "venue", label: "rounds.field.venue", kind: "text", required: false, maxLength: ROUND_LIMITS.venue, placeholder: "rounds.placeholder.venue" },
    ],
    [
      { id: "facilitation", label: "rounds.field.facilitation", kind: "select", required: true,
        choices: FACILITATION_MODES.map((value) => ({ value, label: `rounds.facilitation.${value}` as const })) },
      { id: "chapters", label: "rounds.field.chapters", kind: "paragraph", required: false, maxLength: ROUND_LIMITS.chapters,
        placeholder: "rounds.placeholder.chapters" },
      { id: "description", label: "rounds.field.description", kind: "paragraph", required: false, maxLength: ROUND_LIMITS.description },
      { id: "zone", label: "rounds.field.zone", kind: "text", required: false, maxLength: 64, placeholder: "rounds.placeholder.zone" },
      { id: "reminders", label: "rounds.field.reminders", kind: "text", required: false, maxLength: 60, placeholder: "rounds.placeholder.reminders" },
    ],
  ],
  async initialValues(ctx) {
    return { kind: "reading", cadence: "weekly", facilitation: "organizer", duration: "60", zone: ctx.community.timeZone };
  },
  async submit(ctx, draft: RoundDraft) {
    const { round, cardPosted } = await createRound(ctx, ctx.member, draft, ctx.actor.channelId);
    const t = ctx.t;
    const first = (await ctx.store.rounds.sessions(ctx.community.id, round.id))[0];
    const text = t("rounds.created", {
      title: roundTitle(t, round),
      sessions: draft.sessions,
      time: first ? ctx.port.formatTime(first.startsAt, round.timeZone) : "",
      number: round.number,
    });
    return privateReply(cardPosted ? text : `${text}\n${t("rounds.cardNotPosted")}`);
  },
});

const takeawayForm = form({
  id: TAKEAWAY_FORM,
  title: "rounds.takeaway.title",
  pageTitle: "rounds.takeaway.title",
  invalidMessage: "rounds.form.invalid",
  schema: z.object({ takeaway: z.string().trim().min(1).max(TAKEAWAY_LIMIT) }),
  pages: [[
    { id: "takeaway", label: "rounds.takeaway.field", kind: "paragraph", required: true, maxLength: TAKEAWAY_LIMIT,
      placeholder: "rounds.takeaway.placeholder" },
  ]],
  async initialValues() {
    return {};
  },
  async submit(ctx, { takeaway }) {
    // The session was noted when the member pressed "share a takeaway" (see the action below).
    const draft = await ctx.store.formDrafts.find(ctx.community.id, ctx.member.id, TAKEAWAY_FORM, new Date(ctx.now().getTime() - 86_400_000));
    const sessionId = typeof draft?.sessionId === "string" ? draft.sessionId : undefined;
    if (!sessionId) throw new UserError("rounds.takeaway.expired");
    const { session, round } = await ownEndedSession(ctx, sessionId);
    await ctx.store.rounds.recordAttendance(ctx.community.id, session.id, ctx.member.id, { attended: true, takeaway });
    const where = round.discussionId ?? round.cardChannelId;
    if (where) {
      const t = communityTranslator(ctx.community);
      await ctx.port.postMessage(where, {
        text: t("rounds.takeaway.post", { member: ctx.port.mentionUser(ctx.member.platformUserId), position: session.position, takeaway }),
      });
    }
    return privateReply(ctx.t(where ? "rounds.takeaway.posted" : "rounds.takeaway.saved"));
  },
});

const sessionChangeOptions = {
  round: roundNumber(true),
  session: option.integer({ description: "rounds.option.session", min: 1, max: ROUND_LIMITS.sessions }),
  start: option.string({ description: "rounds.option.start", maxLength: ROUND_LIMITS.startText }),
  label: option.string({ description: "rounds.option.label", maxLength: 200 }),
  cancel_session: option.string({ description: "rounds.option.cancelSession", choices: [{ value: "yes", label: { ja: "はい", en: "yes" } }] }),
  title: option.string({ description: "rounds.option.title", maxLength: ROUND_LIMITS.title }),
  topic: option.string({ description: "rounds.option.topic", maxLength: ROUND_LIMITS.topic }),
  description: option.string({ description: "rounds.option.description", maxLength: ROUND_LIMITS.description }),
  capacity: option.integer({ description: "rounds.option.capacity", min: 1, max: ROUND_LIMITS.capacity }),
  link: option.custom({
    description: "rounds.option.link", required: false,
    schema: z.url({ protocol: /^https?$/, error: "rounds.error.link" }).optional(),
  }),
  venue: option.string({ description: "rounds.option.venue", maxLength: ROUND_LIMITS.venue }),
};

export const roundCommand: CommandDefinition = {
  name: "round",
  description: "rounds.description",
  forms: [roundForm, takeawayForm],
  subcommands: {
    create: handler({
      description: "rounds.create.description",
      permission: "organizer",
      options: {},
      run: (ctx) => ctx.openForm("round-create"),
    }),
    list: handler({
      description: "rounds.list.description",
      permission: "member",
      options: {},
      async run(ctx) {
        const upcoming = await ctx.store.rounds.upcoming(ctx.community.id, ctx.now());
        if (upcoming.length === 0) return privateReply(ctx.t("rounds.list.none"));
        const mine = new Map((await ctx.store.rounds.roundsOf(ctx.community.id, ctx.member.id)).map((r) => [r.round.id, r.status]));
        const lines = [];
        for (const { round, next } of upcoming) {
          const { seated } = seatsOf(await ctx.store.rounds.participants(ctx.community.id, round.id));
          const status = mine.get(round.id);
          lines.push(ctx.t("rounds.list.line", {
            title: roundTitle(ctx.t, round),
            time: ctx.port.formatTime(next.startsAt, round.timeZone),
            left: Math.max(round.capacity - seated.length, 0),
            capacity: round.capacity,
          }) + (status ? ` · ${ctx.t(status === "seat" ? "rounds.show.seated" : "rounds.show.waiting")}` : ""));
        }
        return privateReply([ctx.t("rounds.list.title"), ...lines, ctx.t("rounds.list.hint")].join("\n"));
      },
    }),
    show: handler({
      description: "rounds.show.description",
      permission: "member",
      options: { round: roundNumber(true) },
      run: async (ctx, { round }) => show(ctx, await roundByNumber(ctx, round)),
    }),
    join: handler({
      description: "rounds.join.description",
      permission: "member",
      options: { round: roundNumber(true) },
      run: async (ctx, { round }) => join(ctx, await roundByNumber(ctx, round)),
    }),
    leave: handler({
      description: "rounds.leave.description",
      permission: "member",
      options: { round: roundNumber(true) },
      run: async (ctx, { round }) => leave(ctx, await roundByNumber(ctx, round)),
    }),
    calendar: handler({
      description: "rounds.calendar.description",
      permission: "member",
      options: { round: roundNumber(true) },
      run: async (ctx, { round }) => calendar(ctx, await roundByNumber(ctx, round)),
    }),
    edit: handler({
      description: "rounds.edit.description",
      permission: "organizer",
      options: sessionChangeOptions,
      async run(ctx, input) {
        const round = await roundByNumber(ctx, input.round);
        if (round.status === "cancelled") throw new UserError("rounds.edit.cancelled", { title: round.title });
        const { t } = ctx;
        const sessionFields = input.start !== undefined || input.label !== undefined || input.cancel_session !== undefined;
        if (input.session === undefined) {
          if (sessionFields) throw new UserError("rounds.edit.whichSession");
          const change: SeriesChange = {
            ...(input.title ? { title: input.title } : {}),
            ...(input.topic ? { topic: input.topic } : {}),
            ...(input.description ? { description: input.description } : {}),
            ...(input.capacity ? { capacity: input.capacity } : {}),
            ...(input.link ? { onlineUrl: input.link } : {}),
            ...(input.venue ? { venue: input.venue } : {}),
          };
          if (Object.keys(change).length === 0) throw new UserError("rounds.edit.nothing");
          await editSeries(ctx, round, change);
          return privateReply(t("rounds.edit.seriesSaved", { title: change.title ?? round.title }));
        }
        const session = (await ctx.store.rounds.sessions(ctx.community.id, round.id)).find((s) => s.position === input.session);
        if (!session) throw new UserError("rounds.edit.noSession", { position: input.session, title: round.title });
        if (session.status === "cancelled") throw new UserError("rounds.edit.sessionCancelled", { position: session.position });
        if (session.startsAt.getTime() <= ctx.now().getTime()) throw new UserError("rounds.edit.sessionHeld", { position: session.position });
        const change: SessionChange = {};
        if (input.start !== undefined) {
          const start = parseSessionStart(input.start, { zone: round.timeZone, now: ctx.now() });
          if (!start.ok) throw new UserError(START_FAILURE_MESSAGES[start.reason] as MessageKey, { field: t("rounds.field.start"), value: input.start });
          change.startsAt = start.at;
        }
        if (input.label !== undefined) change.label = input.label;
        if (input.cancel_session === "yes") change.cancel = true;
        if (Object.keys(change).length === 0) throw new UserError("rounds.edit.nothing");
        const updated = await editSession(ctx, round, session, change);
        return privateReply(t(change.cancel ? "rounds.edit.sessionCancelledSaved" : "rounds.edit.sessionSaved", {
          position: updated.position, title: round.title, time: ctx.port.formatTime(updated.startsAt, round.timeZone),
        }));
      },
    }),
    cancel: handler({
      description: "rounds.cancel.description",
      permission: "organizer",
      options: { round: roundNumber(true) },
      async run(ctx, input) {
        const round = await roundByNumber(ctx, input.round);
        if (round.status === "cancelled") return privateReply(ctx.t("rounds.cancel.already", { title: round.title }));
        const participants = (await ctx.store.rounds.participants(ctx.community.id, round.id)).length;
        await cancelRound(ctx, round);
        return privateReply(ctx.t("rounds.cancel.done", { title: round.title, participants }));
      },
    }),
  },
  actions: [{
    // rounds:join|leave|calendar:<roundId> (card) · rounds:attended|missed|takeaway:<sessionId> (after a session)
    id: ROUND_ACTION,
    async run(ctx, argument) {
      const [verb = "", id = ""] = (argument ?? "").split(":");
      switch (verb) {
        case "join": return join(ctx, await roundById(ctx, id));
        case "leave": return leave(ctx, await roundById(ctx, id));
        case "calendar": return calendar(ctx, await roundById(ctx, id));
        case "attended":
        case "missed": {
          const { session } = await ownEndedSession(ctx, id);
          await ctx.store.rounds.recordAttendance(ctx.community.id, session.id, ctx.member.id, { attended: verb === "attended" });
          return privateReply(ctx.t(verb === "attended" ? "rounds.after.thanksAttended" : "rounds.after.thanksMissed"));
        }
        case "takeaway": {
          const { session } = await ownEndedSession(ctx, id);
          await ctx.store.formDrafts.save(ctx.community.id, ctx.member.id, TAKEAWAY_FORM, { sessionId: session.id }, ctx.now());
          return ctx.openForm(TAKEAWAY_FORM);
        }
        default: throw new UserError("common.unknownAction");
      }
    },
  }],
};
