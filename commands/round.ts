import { z } from "zod";
import { onAction } from "../src/app/actions.js";
import { handler, option, type CommandDefinition } from "../src/app/command.js";
import { form } from "../src/app/forms.js";
import { roundActions } from "../src/app/rounds/actions.js";
import { cancelRoundByNumber, editRound, initialRoundAnswers, submitRound } from "../src/app/rounds/organize.js";
import { PRIVATE_NOTE_LIMIT, keepCapacity, lowerCapacity, requireRoundCreator, setRoundCreators } from "../src/app/rounds/places.js";
import {
  TAKEAWAY_FORM,
  TAKEAWAY_LIMIT,
  answerByNumber,
  answerSessionReply,
  calendarReply,
  joinRoundReply,
  leaveRoundReply,
  listRounds,
  openTakeaway,
  participantInfo,
  recordAttendance,
  roundById,
  roundByNumber,
  shareTakeaway,
  showRound,
  takeawaySchema,
} from "../src/app/rounds/participation.js";
import { checkInByButton, checkInByCode, openCheckIn } from "../src/app/rounds/checkin.js";
import { feedReply } from "../src/app/rounds/feeds.js";
import { joinParty, leaveParty, planParty } from "../src/app/rounds/party.js";
import { peopleReply } from "../src/app/rounds/people.js";
import { setNoShowRule } from "../src/app/rounds/rules.js";
import { editTalks, planTalks, signUpTalk } from "../src/app/rounds/talks.js";
import { FACILITATION_MODES, PLACE_LIMITS, ROUND_CADENCES, ROUND_KINDS, ROUND_LIMITS, TALK_LIMITS, roundFormFields, roundFormSchema } from "../src/core/rounds/index.js";
import { memberText } from "../src/core/text.js";

// /round: reading clubs and study sessions. Organizers create, edit and cancel
// (src/app/rounds/organize.ts); members join and leave from the card or by command, get the
// calendar file, and answer after each session (participation.ts).

const roundNumber = option.integer({ label: "rounds.label.round", description: "rounds.option.round", required: true, min: 1, max: 1_000_000 });

const roundForm = form({
  id: "round-create",
  // Who may start a round is the community's setting (/round settings), checked on every page.
  permission: "member",
  allowed: requireRoundCreator,
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
      { id: "start", label: "rounds.field.start", kind: "datetime", required: true, maxLength: ROUND_LIMITS.startText,
        placeholder: "rounds.placeholder.start" },
      { id: "cadence", label: "rounds.field.cadence", kind: "select", required: true,
        choices: ROUND_CADENCES.map((value) => ({ value, label: `rounds.cadence.${value}` as const })) },
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
  initialValues: initialRoundAnswers,
  submit: submitRound,
});

const takeawayForm = form({
  id: TAKEAWAY_FORM,
  permission: "member",
  title: "rounds.takeaway.title",
  pageTitle: "rounds.takeaway.title",
  invalidMessage: "rounds.form.invalid",
  schema: takeawaySchema,
  pages: [[
    { id: "takeaway", label: "rounds.takeaway.field", kind: "paragraph", required: true, maxLength: TAKEAWAY_LIMIT,
      placeholder: "rounds.takeaway.placeholder" },
  ]],
  initialValues: async () => ({}),
  submit: shareTakeaway,
});

const sessionChangeOptions = {
  round: roundNumber,
  session: option.integer({ label: "rounds.label.session", description: "rounds.option.session", min: 1, max: ROUND_LIMITS.sessions }),
  start: option.string({ label: "rounds.label.start", description: "rounds.option.start", maxLength: ROUND_LIMITS.startText }),
  label: option.string({ label: "rounds.label.label", description: "rounds.option.label", maxLength: 200 }),
  cancel_session: option.string({ label: "rounds.label.cancelSession", description: "rounds.option.cancelSession", choices: [{ value: "yes", label: { ja: "はい", en: "yes" } }] }),
  title: option.string({ label: "rounds.field.title", description: "rounds.option.title", maxLength: ROUND_LIMITS.title }),
  topic: option.string({ label: "rounds.field.topic", description: "rounds.option.topic", maxLength: ROUND_LIMITS.topic }),
  description: option.string({ label: "rounds.field.description", description: "rounds.option.description", maxLength: ROUND_LIMITS.description }),
  capacity: option.integer({ label: "rounds.field.capacity", description: "rounds.option.capacity", min: 1, max: ROUND_LIMITS.capacity }),
  link: option.custom({
    label: "rounds.field.link", description: "rounds.option.link", required: false,
    schema: memberText().pipe(z.url({ protocol: /^https?$/, error: "rounds.error.link" })).optional(),
  }),
  venue: option.string({ label: "rounds.field.venue", description: "rounds.option.venue", maxLength: ROUND_LIMITS.venue }),
  places: option.string({ label: "rounds.label.places", description: "rounds.option.places", maxLength: PLACE_LIMITS.kinds * (PLACE_LIMITS.label + 8) }),
  stop_promotions: option.string({ label: "rounds.label.stopPromotions", description: "rounds.option.stopPromotions", maxLength: 20 }),
  note: option.custom({
    label: "rounds.label.note", description: "rounds.option.note", required: false,
    schema: memberText({ paragraphs: true }).max(PRIVATE_NOTE_LIMIT).optional(),
  }),
};

const yes = [{ value: "yes", label: { ja: "はい", en: "yes" } }] as const;
const sessionNumber = <R extends boolean>(required: R) =>
  option.integer({ label: "rounds.label.session", description: "sessions.option.session", min: 1, max: ROUND_LIMITS.sessions, required });

/** Study sessions: lightning talks, the after-party, check-in, participant lists, calendar feeds (src/app/rounds/*). */
const studySubcommands = {
  lt: handler({
    description: "sessions.lt.description",
    permission: "member",
    options: {
      round: roundNumber,
      session: sessionNumber(true),
      title: option.string({ label: "sessions.label.talkTitle", description: "sessions.option.talkTitle", required: true, maxLength: TALK_LIMITS.title }),
      slot: option.integer({ label: "sessions.label.slot", description: "sessions.option.slot", min: 1, max: TALK_LIMITS.slots }),
    },
    run: signUpTalk,
  }),
  "lt-setup": handler({
    description: "sessions.ltSetup.description",
    permission: "member",
    options: {
      round: roundNumber,
      slots: option.integer({ label: "sessions.label.slots", description: "sessions.option.slots", required: true, min: 0, max: TALK_LIMITS.slots }),
      minutes: option.integer({ label: "sessions.label.minutes", description: "sessions.option.minutes", required: true, min: 1, max: TALK_LIMITS.minutes }),
      after: option.integer({ label: "sessions.label.after", description: "sessions.option.after", min: 0, max: TALK_LIMITS.startsAfter }),
    },
    run: planTalks,
  }),
  "lt-edit": handler({
    description: "sessions.ltEdit.description",
    permission: "member",
    options: {
      round: roundNumber,
      session: sessionNumber(true),
      order: option.string({ label: "sessions.label.order", description: "sessions.option.order", maxLength: 100 }),
      remove: option.integer({ label: "sessions.label.remove", description: "sessions.option.remove", min: 1, max: TALK_LIMITS.slots }),
    },
    run: editTalks,
  }),
  party: handler({
    description: "sessions.party.description",
    permission: "member",
    options: {
      round: roundNumber,
      session: sessionNumber(true),
      capacity: option.integer({ label: "rounds.field.capacity", description: "sessions.option.partyCapacity", min: 1, max: ROUND_LIMITS.capacity }),
      place: option.string({ label: "sessions.label.place", description: "sessions.option.place", maxLength: ROUND_LIMITS.venue }),
      fee: option.string({ label: "sessions.label.fee", description: "sessions.option.fee", maxLength: 100 }),
      cancel: option.string({ label: "sessions.label.cancelParty", description: "sessions.option.cancelParty", choices: yes }),
    },
    run: planParty,
  }),
  checkin: handler({
    description: "sessions.checkin.description",
    permission: "member",
    options: { code: option.string({ label: "sessions.label.code", description: "sessions.option.code", required: true, maxLength: 20 }) },
    run: (ctx, { code }) => checkInByCode(ctx, code),
  }),
  "checkin-open": handler({
    description: "sessions.checkinOpen.description",
    permission: "member",
    options: {
      round: roundNumber,
      session: sessionNumber(false),
      close: option.string({ label: "sessions.label.close", description: "sessions.option.close", choices: yes }),
    },
    run: openCheckIn,
  }),
  people: handler({
    description: "sessions.people.description",
    permission: "member",
    options: {
      round: roundNumber,
      session: sessionNumber(false),
      csv: option.string({ label: "sessions.label.csv", description: "sessions.option.csv", choices: yes }),
    },
    run: peopleReply,
  }),
  feed: handler({
    description: "sessions.feed.description",
    permission: "member",
    options: {
      round: option.integer({ label: "rounds.label.round", description: "sessions.option.feedRound", min: 1, max: 1_000_000 }),
      reset: option.string({ label: "sessions.label.reset", description: "sessions.option.reset", choices: yes }),
    },
    run: feedReply,
  }),
  rules: handler({
    description: "sessions.rules.description",
    permission: "organizer",
    options: {
      no_show_limit: option.integer({ label: "sessions.label.noShowLimit", description: "sessions.option.noShowLimit", required: true, min: 0, max: 20 }),
    },
    run: (ctx, { no_show_limit }) => setNoShowRule(ctx, no_show_limit),
  }),
};

export const roundCommand: CommandDefinition = {
  name: "round",
  description: "rounds.description",
  forms: [roundForm, takeawayForm],
  subcommands: {
    create: handler({
      description: "rounds.create.description",
      permission: "member",
      options: {},
      run: async (ctx) => {
        await requireRoundCreator(ctx);
        return ctx.openForm("round-create");
      },
    }),
    list: handler({ description: "rounds.list.description", permission: "member", options: {}, run: listRounds }),
    show: handler({
      description: "rounds.show.description",
      permission: "member",
      options: { round: roundNumber },
      run: async (ctx, { round }) => showRound(ctx, await roundByNumber(ctx, round)),
    }),
    join: handler({
      description: "rounds.join.description",
      permission: "member",
      options: {
        round: roundNumber,
        place: option.string({ label: "rounds.label.place", description: "rounds.option.place", maxLength: PLACE_LIMITS.label }),
      },
      run: async (ctx, { round, place }) => joinRoundReply(ctx, await roundByNumber(ctx, round), { label: place }),
    }),
    answer: handler({
      description: "rounds.answer.description",
      permission: "member",
      options: {
        round: roundNumber,
        session: option.integer({ label: "rounds.label.session", description: "rounds.option.answerSession", required: true, min: 1, max: ROUND_LIMITS.sessions }),
        answer: option.string({
          label: "rounds.label.answer", description: "rounds.option.answer", required: true,
          choices: [{ value: "coming", label: { ja: "参加する", en: "I'm coming" } }, { value: "absent", label: { ja: "今回は欠席", en: "Not this time" } }],
        }),
      },
      run: (ctx, input) => answerByNumber(ctx, { round: input.round, session: input.session, answer: input.answer === "coming" ? "coming" : "absent" }),
    }),
    leave: handler({
      description: "rounds.leave.description",
      permission: "member",
      options: { round: roundNumber },
      run: async (ctx, { round }) => leaveRoundReply(ctx, await roundByNumber(ctx, round)),
    }),
    calendar: handler({
      description: "rounds.calendar.description",
      permission: "member",
      options: { round: roundNumber },
      run: async (ctx, { round }) => calendarReply(ctx, await roundByNumber(ctx, round)),
    }),
    // A round's own organizer may edit and cancel it: the use cases check who may.
    edit: handler({ description: "rounds.edit.description", permission: "member", options: sessionChangeOptions, run: editRound }),
    cancel: handler({
      description: "rounds.cancel.description",
      permission: "member",
      options: { round: roundNumber },
      run: (ctx, { round }) => cancelRoundByNumber(ctx, round),
    }),
    settings: handler({
      description: "rounds.settings.description",
      permission: "organizer",
      options: {
        creators: option.string({
          label: "rounds.label.creators", description: "rounds.option.creators",
          choices: [
            { value: "organizers", label: { ja: "オーガナイザーのみ", en: "Organizers only" } },
            { value: "group", label: { ja: "ロールまたはグループ", en: "A role or group" } },
            { value: "everyone", label: { ja: "全員", en: "Everyone" } },
          ],
        }),
        group: option.group({ label: "rounds.label.creatorGroup", description: "rounds.option.creatorGroup" }),
      },
      run: (ctx, input) => setRoundCreators(ctx, {
        creators: input.creators === "organizers" || input.creators === "group" || input.creators === "everyone" ? input.creators : undefined,
        group: input.group,
      }),
    }),
    ...studySubcommands,
  },
  actions: [
    onAction(roundActions.join, async (ctx, { roundId }) => joinRoundReply(ctx, await roundById(ctx, roundId))),
    onAction(roundActions.leave, async (ctx, { roundId }) => leaveRoundReply(ctx, await roundById(ctx, roundId))),
    onAction(roundActions.calendar, async (ctx, { roundId }) => calendarReply(ctx, await roundById(ctx, roundId))),
    onAction(roundActions.attended, (ctx, { sessionId }) => recordAttendance(ctx, sessionId, true)),
    onAction(roundActions.missed, (ctx, { sessionId }) => recordAttendance(ctx, sessionId, false)),
    onAction(roundActions.takeaway, (ctx, { sessionId }) => openTakeaway(ctx, sessionId)),
    onAction(roundActions.coming, (ctx, { sessionId }) => answerSessionReply(ctx, sessionId, "coming")),
    onAction(roundActions.absent, (ctx, { sessionId }) => answerSessionReply(ctx, sessionId, "absent")),
    onAction(roundActions.joinAs, async (ctx, { roundId, placeId }) => joinRoundReply(ctx, await roundById(ctx, roundId), { id: placeId })),
    onAction(roundActions.participantInfo, async (ctx, { roundId }) => participantInfo(ctx, await roundById(ctx, roundId))),
    onAction(roundActions.lowerCapacity, async (ctx, { roundId, capacity, seated }) => lowerCapacity(ctx, await roundById(ctx, roundId), capacity, seated)),
    onAction(roundActions.keepCapacity, async (ctx, { roundId }) => keepCapacity(ctx, await roundById(ctx, roundId))),
    onAction(roundActions.partyJoin, (ctx, { sessionId }) => joinParty(ctx, sessionId)),
    onAction(roundActions.partyLeave, (ctx, { sessionId }) => leaveParty(ctx, sessionId)),
    onAction(roundActions.here, (ctx, { sessionId }) => checkInByButton(ctx, sessionId)),
  ],
};
