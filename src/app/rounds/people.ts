import { DateTime } from "luxon";
import { SESSION_LIST_STATUSES, isNoShow, toCsv, type SessionListStatus } from "../../core/rounds/index.js";
import { noShowCounts } from "./no-shows.js";
import type { RoundRecord, SessionRecord } from "../../store/rounds-repository.js";
import type { CommandContext, CommunityContext } from "../context.js";
import { privateReply, type Outcome } from "../reply.js";
import { partyHeadCount } from "./party.js";
import { roundByNumber } from "./participation.js";
import { loadRoll } from "./session-seats.js";
import { requireOrganizer, sessionOf } from "./study.js";
import { sessionEnd } from "./view.js";
import type { ReplyFile } from "../../port/message.js";
import type { MessageKey } from "../../i18n/index.js";

// Who is in each session, by name: seated, waiting, came, did not show. Organizers read it, or
// download every session's list as CSV; no-shows are counted per member over all their sessions.

export interface ListedMember {
  memberId: string;
  platformUserId: string;
  displayName: string;
  status: SessionListStatus;
}

const STATUS_LABELS = {
  seated: "sessions.people.seated",
  waiting: "sessions.people.waiting",
  notComing: "sessions.people.notComing",
  came: "sessions.people.came",
  noShow: "sessions.people.noShow",
} as const satisfies Record<SessionListStatus, MessageKey>;

const CSV_STATUS = {
  seated: "sessions.csv.seated",
  waiting: "sessions.csv.waiting",
  notComing: "sessions.csv.notComing",
  came: "sessions.csv.came",
  noShow: "sessions.csv.noShow",
} as const satisfies Record<SessionListStatus, MessageKey>;

/**
 * Each member of the round in one session, with one status: seated for it (their series seat, or
 * one freed for them), waiting, not coming this time, and once it has ended came or no-show.
 */
export async function sessionList(ctx: Pick<CommunityContext, "store" | "now">, round: RoundRecord, session: SessionRecord): Promise<ListedMember[]> {
  const { store } = ctx;
  const [participants, attendance, held, { roll }] = await Promise.all([
    store.rounds.participants(round.id), store.studySessions.attendance([session.id]), store.studySessions.checkInsHeld([session.id]),
    loadRoll(store, round, session),
  ]);
  const ended = sessionEnd(round, session).getTime() <= ctx.now().getTime();
  const coming = new Set(roll.coming.map((c) => c.memberId));
  const notComing = new Set(roll.absent);
  const listed = participants.map((p): ListedMember => {
    const row = attendance.find((a) => a.memberId === p.memberId);
    const answer = row && { attended: row.attended, checkedIn: row.checkedInAt !== null };
    const seatedBefore = coming.has(p.memberId) && p.joinedAt.getTime() <= session.startsAt.getTime();
    const came = answer?.attended === true || answer?.checkedIn === true;
    const cancelled = notComing.has(p.memberId);
    const status: SessionListStatus = came ? "came"
      : cancelled ? "notComing"
        : isNoShow({ seatedBefore, ended, checkInHeld: held.has(session.id), ...(answer ? { answer } : {}) }) ? "noShow"
          : coming.has(p.memberId) ? "seated" : "waiting";
    return { memberId: p.memberId, platformUserId: p.platformUserId, displayName: p.displayName, status };
  });
  return listed.sort((a, b) => SESSION_LIST_STATUSES.indexOf(a.status) - SESSION_LIST_STATUSES.indexOf(b.status));
}

/** `/round people`: one session's lists by name (with each member's no-shows), or with csv every session as a file. */
export async function peopleReply(ctx: CommandContext, input: { round: number; session?: number | undefined; csv?: string | undefined }): Promise<Outcome> {
  const round = await roundByNumber(ctx, input.round);
  requireOrganizer(ctx, round);
  if (input.csv === "yes") {
    return privateReply(ctx.t("sessions.people.csvHere", { title: round.title }), { files: [await peopleCsv(ctx, round)] });
  }
  const session = await sessionOfList(ctx, round, input.session);
  const listed = await sessionList(ctx, round, session);
  const counts = await noShowCounts(ctx, listed.map((m) => m.memberId));
  const lines = SESSION_LIST_STATUSES.flatMap((status) => {
    const members = listed.filter((m) => m.status === status);
    if (members.length === 0) return [];
    const names = members.map((m) => {
      const noShows = counts.get(m.memberId) ?? 0;
      const name = ctx.port.mentionUser(m.platformUserId);
      return noShows > 0 ? ctx.t("sessions.people.withNoShows", { member: name, count: noShows }) : name;
    });
    return [`${ctx.t(STATUS_LABELS[status], { count: members.length })}: ${names.join(", ")}`];
  });
  const party = await partyHeadCount(ctx, session);
  return privateReply([
    ctx.t("sessions.people.title", { title: round.title, position: session.position, time: ctx.port.formatTime(session.startsAt, round.timeZone) }),
    ...(lines.length > 0 ? lines : [ctx.t("sessions.people.nobody")]),
    ...(party ? [party] : []),
  ].join("\n"));
}

/** The session asked for; else the latest that has started, or the first when none has. */
async function sessionOfList(ctx: CommandContext, round: RoundRecord, position: number | undefined): Promise<SessionRecord> {
  if (position !== undefined) return sessionOf(ctx, round, position);
  const sessions = await ctx.store.rounds.sessions(round.id);
  const started = sessions.filter((s) => s.status === "scheduled" && s.startsAt.getTime() <= ctx.now().getTime());
  return started.at(-1) ?? sessions.find((s) => s.status === "scheduled") ?? sessions[0]!;
}

/** Every session's list, one row per member and session, in the reader's language. */
async function peopleCsv(ctx: CommandContext, round: RoundRecord): Promise<ReplyFile> {
  const { t } = ctx;
  const rows: string[][] = [[t("sessions.csv.session"), t("sessions.csv.date"), t("sessions.csv.status"), t("sessions.csv.name"), t("sessions.csv.noShows")]];
  const sessions = (await ctx.store.rounds.sessions(round.id)).filter((s) => s.status === "scheduled");
  const lists = await Promise.all(sessions.map((s) => sessionList(ctx, round, s)));
  const counts = await noShowCounts(ctx, [...new Set(lists.flat().map((m) => m.memberId))]);
  for (const [i, session] of sessions.entries()) {
    const date = DateTime.fromJSDate(session.startsAt, { zone: round.timeZone }).toFormat("yyyy-MM-dd HH:mm");
    for (const member of lists[i]!) {
      rows.push([String(session.position), date, t(CSV_STATUS[member.status]), member.displayName, String(counts.get(member.memberId) ?? 0)]);
    }
  }
  return { name: `${t("sessions.csv.fileName", { number: round.number })}.csv`, contentType: "text/csv; charset=utf-8", content: toCsv(rows) };
}
