import { START_FAILURE_MESSAGES, parseDurationMinutes, parsePlaces, parseSessionStart, type RoundDraft } from "../../core/rounds/index.js";
import type { DraftValues } from "../../store/repositories.js";
import type { CommandContext } from "../context.js";
import { UserError } from "../errors.js";
import { privateReply, type Outcome } from "../reply.js";
import { roundByNumber } from "./participation.js";
import { askToLowerCapacity, requireRoundOrganizer, setPlaces } from "./places.js";
import { cancelRound, createRound, editSeries, editSession, type SeriesChange, type SessionChange } from "./service.js";
import { roundTitle } from "./view.js";

// Organizers' side of rounds: creating one from its form, editing and cancelling.

/** `/round edit`'s options, as typed. */
export interface RoundEdit {
  round: number;
  session?: number | undefined;
  start?: string | undefined;
  label?: string | undefined;
  cancel_session?: string | undefined;
  title?: string | undefined;
  topic?: string | undefined;
  description?: string | undefined;
  capacity?: number | undefined;
  link?: string | undefined;
  venue?: string | undefined;
  places?: string | undefined;
  stop_promotions?: string | undefined;
  note?: string | undefined;
}

/** Promotions stop from 0 minutes to 7 days before a session. */
const PROMOTION_STOP_MAX_MINUTES = 7 * 24 * 60;

/** The round form opens with the usual choices and the community's zone. */
export async function initialRoundAnswers(ctx: CommandContext): Promise<DraftValues> {
  return { kind: "reading", cadence: "weekly", facilitation: "organizer", duration: "60", zone: ctx.community.timeZone };
}

const CREATED_DATES_SHOWN = 4;

/** The round form's submission: the round is created and its card posted where the command was used. */
export async function submitRound(ctx: CommandContext, draft: RoundDraft): Promise<Outcome> {
  const { round, cardPosted } = await createRound(ctx, ctx.member, draft, ctx.actor.channelId);
  const t = ctx.t;
  const sessions = await ctx.store.rounds.sessions(round.id);
  const first = sessions[0];
  // The first few dates, so the organizer sees at once how the start and cadence were understood.
  const shown = sessions.slice(0, CREATED_DATES_SHOWN).map((session) => ctx.port.formatTime(session.startsAt, round.timeZone));
  const more = sessions.length - shown.length;
  const text = t("rounds.created", {
    title: roundTitle(t, round),
    sessions: sessions.length,
    time: first ? ctx.port.formatTime(first.startsAt, round.timeZone) : "",
    number: round.number,
    dates: more > 0 ? `${shown.join(t("rounds.created.separator"))}${t("rounds.created.more", { count: more })}` : shown.join(t("rounds.created.separator")),
  });
  return privateReply(cardPosted ? text : `${text}\n${t("rounds.cardNotPosted")}`);
}

/** `/round edit`: one session (moved, relabelled, cancelled) or, without `session`, the whole round. */
export async function editRound(ctx: CommandContext, input: RoundEdit): Promise<Outcome> {
    const round = await roundByNumber(ctx, input.round);
    await requireRoundOrganizer(ctx, round);
    if (round.status === "cancelled") throw new UserError("rounds.edit.cancelled", { title: round.title });
    const { t } = ctx;
    const sessionFields = input.start !== undefined || input.label !== undefined || input.cancel_session !== undefined;
    if (input.session === undefined) {
      if (sessionFields) throw new UserError("rounds.edit.whichSession");
      const places = input.places === undefined ? undefined : parsePlaces(input.places);
      if (input.places !== undefined && !places) throw new UserError("rounds.places.invalid", { value: input.places });
      const stop = input.stop_promotions === undefined ? undefined : parseDurationMinutes(input.stop_promotions);
      if (input.stop_promotions !== undefined && (stop === undefined || stop > PROMOTION_STOP_MAX_MINUTES)) {
        throw new UserError("rounds.edit.stopPromotions", { value: input.stop_promotions });
      }
      if (input.capacity !== undefined && input.places === undefined && (await ctx.store.rounds.places(round.id)).length > 0) {
        throw new UserError("rounds.capacity.hasPlaces", { number: round.number });
      }
      // Seats are never taken away unasked: a lower capacity is confirmed first, and nothing else changes until then.
      const lowering = input.capacity !== undefined && input.places === undefined ? await askToLowerCapacity(ctx, round, input.capacity) : undefined;
      if (lowering) return lowering;
      const change: SeriesChange = {
        ...(input.title ? { title: input.title } : {}),
        ...(input.topic ? { topic: input.topic } : {}),
        ...(input.description ? { description: input.description } : {}),
        ...(input.capacity && !places ? { capacity: input.capacity } : {}),
        ...(input.link ? { onlineUrl: input.link } : {}),
        ...(input.venue ? { venue: input.venue } : {}),
        ...(stop !== undefined ? { promotionStopMinutes: stop } : {}),
        ...(input.note !== undefined ? { privateNote: input.note || null } : {}),
      };
      if (Object.keys(change).length === 0 && !places) throw new UserError("rounds.edit.nothing");
      if (places) await setPlaces(ctx, round, places);
      if (Object.keys(change).length > 0) await editSeries(ctx, round, change);
      return privateReply(t("rounds.edit.seriesSaved", { title: change.title ?? round.title }));
    }
    const session = (await ctx.store.rounds.sessions(round.id)).find((s) => s.position === input.session);
    if (!session) throw new UserError("rounds.edit.noSession", { position: input.session, title: round.title });
    if (session.status === "cancelled") throw new UserError("rounds.edit.sessionCancelled", { position: session.position });
    if (session.startsAt.getTime() <= ctx.now().getTime()) throw new UserError("rounds.edit.sessionHeld", { position: session.position });
    const change: SessionChange = {};
    if (input.start !== undefined) {
      const start = parseSessionStart(input.start, { zone: round.timeZone, now: ctx.now() });
      if (!start.ok) throw new UserError(START_FAILURE_MESSAGES[start.reason], { field: t("rounds.field.start"), value: input.start });
      // One session moves to one date; "毎月第2火曜" describes a series, not a date for it.
      if (start.monthly?.repeats) throw new UserError("rounds.edit.startRepeats", { value: input.start });
      change.startsAt = start.at;
    }
    if (input.label !== undefined) change.label = input.label;
    if (input.cancel_session === "yes") change.cancel = true;
    if (Object.keys(change).length === 0) throw new UserError("rounds.edit.nothing");
    const updated = await editSession(ctx, round, session, change);
    return privateReply(t(change.cancel ? "rounds.edit.sessionCancelledSaved" : "rounds.edit.sessionSaved", {
      position: updated.position, title: round.title, time: ctx.port.formatTime(updated.startsAt, round.timeZone),
    }));
  }

/** `/round cancel`: the sessions still to come are cancelled and everyone in the round told. */
export async function cancelRoundByNumber(ctx: CommandContext, number: number): Promise<Outcome> {
    const round = await roundByNumber(ctx, number);
    await requireRoundOrganizer(ctx, round);
    if (round.status === "cancelled") return privateReply(ctx.t("rounds.cancel.already", { title: round.title }));
    const participants = await ctx.store.rounds.participants(round.id);
    await cancelRound(ctx, round);
    return privateReply(ctx.t("rounds.cancel.done", {
      title: round.title,
      seated: participants.filter((p) => p.status === "seat").length,
      waiting: participants.filter((p) => p.status === "waitlist").length,
    }));
  }
