import { weekdayOfMonth, type Cadence } from "../../core/rounds/index.js";
import type { Translate } from "../../i18n/index.js";
import type { Button, Message } from "../../port/message.js";
import type { PlatformPort } from "../../port/port.js";
import type { MemberRecord } from "../../store/records.js";
import type { ParticipantRecord, PlaceRecord, RoundRecord, SessionRecord } from "../../store/rounds-repository.js";
import { roundActions } from "./actions.js";

// How a round looks: its card (posted where it was created, edited as seats and sessions
// change) and the lines other messages share. Times are platform timestamps: each reader sees
// them in their own zone.

/** Sessions listed on the card; a longer series shows the next ones and how many follow. */
const CARD_SESSIONS = 8;

export interface RoundView {
  round: RoundRecord;
  sessions: SessionRecord[];
  participants: ParticipantRecord[];
  /** Its kinds of places (参加枠); none for a round with one capacity. */
  places: PlaceRecord[];
  /** Members who lead sessions or organize, by member id, for their mentions. */
  people: Map<string, MemberRecord>;
}

export const seatsOf = (participants: readonly ParticipantRecord[]) => ({
  seated: participants.filter((p) => p.status === "seat"),
  waiting: participants.filter((p) => p.status === "waitlist"),
});

export const roundTitle = (t: Translate, round: RoundRecord) =>
  `${round.kind === "reading" ? "📖" : "💡"} ${t(`rounds.kind.${round.kind}`)} #${round.number} · ${round.title}`;

export const sessionEnd = (round: RoundRecord, session: SessionRecord) =>
  new Date(session.startsAt.getTime() + round.durationMinutes * 60_000);

/** "3. <time> · 第7–9章 · 進行 @aiko" (struck through when cancelled). */
export function sessionLine(t: Translate, port: PlatformPort, view: Pick<RoundView, "round" | "people">, session: SessionRecord): string {
  const facilitator = session.facilitatorId ? view.people.get(session.facilitatorId) : undefined;
  const parts = [
    port.formatTime(session.startsAt, view.round.timeZone),
    session.label,
    facilitator ? t("rounds.card.facilitator", { member: port.mentionUser(facilitator.platformUserId) }) : "",
  ].filter(Boolean);
  const line = `${session.position}. ${parts.join(" · ")}`;
  return session.status === "cancelled" ? `~~${line}~~ ${t("rounds.card.sessionCancelled")}` : line;
}

/** The place as everyone may read it: the online link is for seated members only, so it is only announced. */
export function placeOf(t: Translate, round: RoundRecord): string {
  return [round.venue, round.onlineUrl ? t("rounds.card.onlineForParticipants") : ""].filter(Boolean).join("\n") || t("common.none");
}

/** The place with the online link itself, for seated members. */
export function privatePlaceOf(t: Translate, round: RoundRecord): string {
  return [round.venue, round.onlineUrl].filter(Boolean).join("\n") || t("common.none");
}

/** "一般 3/20 · キャンセル待ち1人" per kind of place; members from before the round had kinds hold its first. */
function placesLines(t: Translate, places: readonly PlaceRecord[], participants: readonly ParticipantRecord[]): string {
  return places.map((place, i) => {
    const mine = participants.filter((p) => p.place === place.id || (i === 0 && !places.some((k) => k.id === p.place)));
    const taken = mine.filter((p) => p.status === "seat").length;
    const waiting = mine.length - taken;
    return t("rounds.card.placeLine", { place: place.label, taken, capacity: place.capacity })
      + (waiting > 0 ? ` · ${t("rounds.card.waiting", { count: waiting })}` : "");
  }).join("\n");
}

type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** "毎週", or for a monthly round by weekday the day itself ("毎月第2火曜日"), taken from its first session as the cadence was. */
function cadenceLabel(t: Translate, round: RoundRecord, sessions: readonly SessionRecord[]): string {
  const cadence = round.cadence as Cadence;
  const first = sessions[0];
  if (!first || (cadence !== "monthly_weekday" && cadence !== "monthly_last_weekday")) return t(`rounds.cadence.${cadence}`);
  const { week, weekday } = weekdayOfMonth(first.startsAt, round.timeZone);
  const weekdayName = t(`pairing.weekday.${weekday as IsoWeekday}`);
  return cadence === "monthly_last_weekday"
    ? t("rounds.card.cadence.monthly_last_weekday", { weekday: weekdayName })
    : t("rounds.card.cadence.monthly_weekday", { week: t(`rounds.week.${Math.min(week, 4) as 1 | 2 | 3 | 4}`), weekday: weekdayName });
}

/** The round's public card: what, when, where, seats, and the buttons to join, leave and save the dates. */
export function roundCard(t: Translate, port: PlatformPort, view: RoundView, now: Date): Message {
  const { round, sessions, participants, people, places } = view;
  const { seated, waiting } = seatsOf(participants);
  const ahead = sessions.filter((s) => s.startsAt.getTime() > now.getTime());
  const shown = (ahead.length > 0 ? ahead : sessions).slice(0, CARD_SESSIONS);
  const more = (ahead.length > 0 ? ahead : sessions).length - shown.length;
  const schedule = [
    ...shown.map((s) => sessionLine(t, port, view, s)),
    ...(more > 0 ? [t("rounds.card.more", { count: more, number: round.number })] : []),
  ].join("\n");
  const organizer = people.get(round.organizerId);
  const cancelled = round.status === "cancelled";
  // A round with kinds of places has one Join button per kind: the member chooses by pressing.
  const joins: Button[] = places.length > 0
    ? places.map((p) => ({ actionId: roundActions.joinAs.id(round.id, p.id), label: t("rounds.button.joinAs", { place: p.label }), style: "primary" }))
    : [{ actionId: roundActions.join.id(round.id), label: t("rounds.button.join"), style: "primary" }];
  const buttons: Button[] = cancelled ? [] : [
    ...joins,
    { actionId: roundActions.leave.id(round.id), label: t("rounds.button.leave") },
    { actionId: roundActions.calendar.id(round.id), label: t("rounds.button.calendar") },
    ...(round.onlineUrl || round.privateNote ? [{ actionId: roundActions.participantInfo.id(round.id), label: t("rounds.button.info") }] : []),
  ];
  return {
    text: cancelled ? t("rounds.card.cancelledText", { title: round.title }) : t("rounds.card.text", { title: round.title }),
    cards: [{
      title: roundTitle(t, round),
      ...(round.description || round.topic
        ? { description: [round.topic && `**${round.topic}**`, round.description].filter(Boolean).join("\n") }
        : {}),
      fields: [
        ...(cancelled ? [{ name: t("rounds.card.status"), value: t("rounds.card.cancelled") }] : []),
        { name: t("rounds.card.schedule"), value: schedule },
        { name: t("rounds.card.place"), value: placeOf(t, round), inline: true },
        {
          name: t("rounds.card.seats"),
          value: places.length > 0
            ? placesLines(t, places, participants)
            : t("rounds.card.seatsValue", { taken: seated.length, capacity: round.capacity, left: Math.max(round.capacity - seated.length, 0) })
              + (waiting.length > 0 ? `\n${t("rounds.card.waiting", { count: waiting.length })}` : ""),
          inline: true,
        },
        {
          name: t("rounds.card.details"),
          value: t("rounds.card.howItRuns", {
            cadence: cadenceLabel(t, round, sessions),
            minutes: round.durationMinutes,
            ledBy: t(`rounds.card.ledBy.${round.facilitation}`),
          }),
          inline: true,
        },
        ...(organizer ? [{ name: t("rounds.card.organizer"), value: port.mentionUser(organizer.platformUserId), inline: true }] : []),
      ],
      footer: t("rounds.card.footer", { number: round.number }),
    }],
    buttons,
  };
}
