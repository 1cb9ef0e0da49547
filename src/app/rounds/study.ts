import { DateTime } from "luxon";
import { timetable, type TalkPlan } from "../../core/rounds/index.js";
import type { Translate } from "../../i18n/index.js";
import type { Message } from "../../port/message.js";
import type { PlatformPort } from "../../port/port.js";
import type { RoundRecord, SessionRecord } from "../../store/rounds-repository.js";
import type { PartyRecord, TalkRecord } from "../../store/study-sessions-repository.js";
import type { CommandContext, CommunityContext } from "../context.js";
import { UserError } from "../errors.js";
import { sessionEnd } from "./view.js";

// What the study-session features share: who may organize a round, finding a session by its
// number, and the lines of the timetable and the after-party that the card and reminders show.

/** The round's organizer, or an organizer of the community. */
export function requireOrganizer(ctx: CommandContext, round: RoundRecord): void {
  if (round.organizerId !== ctx.member.id && !ctx.actor.isOrganizer) throw new UserError("sessions.error.notOrganizer", { title: round.title });
}

/** Session `position` of the round; without it, the one under way or the next to come. */
export async function sessionOf(ctx: CommunityContext, round: RoundRecord, position: number | undefined): Promise<SessionRecord> {
  const sessions = await ctx.store.rounds.sessions(round.id);
  if (position !== undefined) {
    const session = sessions.find((s) => s.position === position);
    if (!session) throw new UserError("rounds.edit.noSession", { position, title: round.title });
    return session;
  }
  const now = ctx.now().getTime();
  const current = sessions.find((s) => s.status === "scheduled" && sessionEnd(round, s).getTime() > now);
  if (!current) throw new UserError("sessions.error.whichSession", { title: round.title });
  return current;
}

/** A session that is still to come and not cancelled, for sign-ups. */
export function requireAhead(ctx: CommunityContext, round: RoundRecord, session: SessionRecord): void {
  if (round.status === "cancelled" || session.status === "cancelled") throw new UserError("rounds.edit.sessionCancelled", { position: session.position });
  if (session.startsAt.getTime() <= ctx.now().getTime()) throw new UserError("rounds.edit.sessionHeld", { position: session.position });
}

/** "19:40" in the round's zone: the timetable is read at the venue. */
const clock = (at: Date, zone: string) => DateTime.fromJSDate(at, { zone }).toFormat("HH:mm");

/** "19:40–19:45 1. @aiko「Rust入門」" per slot, free slots said so. */
export function timetableLines(t: Translate, port: PlatformPort, round: RoundRecord, session: SessionRecord, plan: TalkPlan, talks: readonly TalkRecord[]): string[] {
  return timetable(session.startsAt, plan, talks.filter((talk) => talk.sessionId === session.id)).map((row) => {
    const time = `${clock(row.startsAt, round.timeZone)}–${clock(row.endsAt, round.timeZone)}`;
    return row.talk
      ? t("sessions.talks.line", { time, slot: row.slot, member: port.mentionUser(row.talk.platformUserId), title: row.talk.title })
      : t("sessions.talks.free", { time, slot: row.slot });
  });
}

/** "懇親会: 12/20人（空き8）· 3,000円 当日払い · 居酒屋まる" */
export function partyLine(t: Translate, party: PartyRecord): string {
  const taken = party.guests.length;
  const room = Math.max(party.capacity - taken, 0);
  const head = room > 0
    ? t("sessions.party.room", { taken, capacity: party.capacity, left: room })
    : t("sessions.party.full", { taken, capacity: party.capacity });
  return [head, party.fee, party.place].filter(Boolean).join(" · ");
}

/** The LT timetable and the after-party of one session, as card fields (none when it has neither). */
export async function studyFields(ctx: Pick<CommunityContext, "store" | "port">, t: Translate, round: RoundRecord, session: SessionRecord | undefined) {
  if (!session) return [];
  const { studySessions } = ctx.store;
  const [plan, talks, [party]] = await Promise.all([
    studySessions.talkPlan(round.id), studySessions.talks([session.id]), studySessions.parties([session.id]),
  ]);
  return [
    ...(plan && plan.slots > 0
      ? [{ name: t("sessions.talks.heading", { position: session.position }), value: timetableLines(t, ctx.port, round, session, plan, talks).join("\n") }]
      : []),
    ...(party ? [{ name: t("sessions.party.heading", { position: session.position }), value: partyLine(t, party) }] : []),
  ];
}

/** The card with the next session's timetable and after-party added (the card itself knows neither). */
export async function withStudyFields(ctx: Pick<CommunityContext, "store" | "port" | "now">, t: Translate, round: RoundRecord, card: Message): Promise<Message> {
  const [first, ...rest] = card.cards ?? [];
  if (!first || round.status === "cancelled") return card;
  const now = ctx.now().getTime();
  const next = (await ctx.store.rounds.sessions(round.id)).find((s) => s.status === "scheduled" && sessionEnd(round, s).getTime() > now);
  const fields = await studyFields(ctx, t, round, next);
  return fields.length === 0 ? card : { ...card, cards: [{ ...first, fields: [...first.fields, ...fields] }, ...rest] };
}
