import type { CommandContext } from "../context.js";
import { UserError } from "../errors.js";
import { privateReply, type Outcome } from "../reply.js";
import { roundActions } from "./actions.js";
import { roundById, roundByNumber } from "./participation.js";
import { refreshCard } from "./service.js";
import { partyLine, requireAhead, requireOrganizer, sessionOf } from "./study.js";
import type { Message } from "../../port/message.js";
import type { Translate } from "../../i18n/index.js";
import type { RoundRecord, SessionRecord } from "../../store/rounds-repository.js";
import type { PartyRecord } from "../../store/study-sessions-repository.js";

// The after-party (懇親会) of a session: its own answers (buttons), capacity, place and fee note.
// Members see whether there is room; organizers see who comes.

const partyButtons = (t: Translate, sessionId: string) => [
  { actionId: roundActions.partyJoin.id(sessionId), label: t("sessions.party.join"), style: "primary" as const },
  { actionId: roundActions.partyLeave.id(sessionId), label: t("sessions.party.leave") },
];

function announcement(t: Translate, round: RoundRecord, session: SessionRecord, party: PartyRecord): Message {
  return { text: t("sessions.party.announce", { title: round.title, position: session.position, line: partyLine(t, party) }), buttons: partyButtons(t, session.id) };
}

/** "3/20: @aiko, @ken, @mei" for organizers. */
function headCount(ctx: CommandContext, party: PartyRecord): string {
  const names = party.guests.map((g) => ctx.port.mentionUser(g.platformUserId));
  return ctx.t("sessions.party.headCount", { taken: party.guests.length, capacity: party.capacity, names: names.join(", ") || ctx.t("common.none") });
}

/** `/round party`: sets (or changes, or calls off) a session's after-party; the first setting is announced with its buttons. */
export async function planParty(ctx: CommandContext, input: {
  round: number; session: number; capacity?: number | undefined; place?: string | undefined; fee?: string | undefined; cancel?: string | undefined;
}): Promise<Outcome> {
  const round = await roundByNumber(ctx, input.round);
  requireOrganizer(ctx, round);
  const session = await sessionOf(ctx, round, input.session);
  const { studySessions } = ctx.store;
  const [existing] = await studySessions.parties([session.id]);
  if (input.cancel === "yes") {
    if (!existing) throw new UserError("sessions.party.noneYet", { position: session.position });
    await studySessions.removeParty(session.id);
    await refreshCard(ctx, round);
    return privateReply(ctx.t("sessions.party.cancelled", { position: session.position, guests: existing.guests.length }));
  }
  requireAhead(ctx, round, session);
  const capacity = input.capacity ?? existing?.capacity;
  if (capacity === undefined) throw new UserError("sessions.party.capacityNeeded");
  await studySessions.setParty(session.id, { capacity, place: input.place ?? existing?.place ?? "", fee: input.fee ?? existing?.fee ?? "" });
  const [party] = await studySessions.parties([session.id]);
  if (!existing) {
    const where = round.discussionId ?? round.cardChannelId;
    if (where) await ctx.port.postMessage(where, announcement(ctx.communityT, round, session, party!));
  }
  await refreshCard(ctx, round);
  return privateReply(`${ctx.t("sessions.party.saved", { position: session.position, title: round.title })}\n${headCount(ctx, party!)}`,
    { buttons: partyButtons(ctx.t, session.id) });
}

async function partyOf(ctx: CommandContext, sessionId: string) {
  const session = await ctx.store.rounds.session(sessionId);
  if (!session) throw new UserError("common.unknownAction");
  const round = await roundById(ctx, session.roundId);
  const [party] = await ctx.store.studySessions.parties([session.id]);
  if (!party) throw new UserError("sessions.party.noneYet", { position: session.position });
  return { round, session, party };
}

/** "I'll come to the after-party": a place while there is room. */
export async function joinParty(ctx: CommandContext, sessionId: string): Promise<Outcome> {
  const { round, session, party } = await partyOf(ctx, sessionId);
  requireAhead(ctx, round, session);
  const outcome = await ctx.store.transaction(async (tx) => {
    await tx.studySessions.lockParty(party.id);
    const [now] = await tx.studySessions.parties([session.id]);
    if (!now) return "gone" as const;
    if (now.guests.some((g) => g.memberId === ctx.member.id)) return "already" as const;
    if (now.guests.length >= now.capacity) return "full" as const;
    await tx.studySessions.addGuest(party.id, ctx.member.id, ctx.now());
    return "joined" as const;
  });
  if (outcome === "gone") throw new UserError("sessions.party.noneYet", { position: session.position });
  if (outcome === "full") throw new UserError("sessions.party.noRoom", { position: session.position, capacity: party.capacity });
  if (outcome === "joined") await refreshCard(ctx, round);
  const [after] = await ctx.store.studySessions.parties([session.id]);
  return privateReply(ctx.t(outcome === "joined" ? "sessions.party.joined" : "sessions.party.alreadyJoined", {
    position: session.position, line: partyLine(ctx.t, after ?? party),
  }));
}

export async function leaveParty(ctx: CommandContext, sessionId: string): Promise<Outcome> {
  const { round, session, party } = await partyOf(ctx, sessionId);
  const left = await ctx.store.studySessions.removeGuest(party.id, ctx.member.id);
  if (left) await refreshCard(ctx, round);
  return privateReply(ctx.t(left ? "sessions.party.left" : "sessions.party.notJoined", { position: session.position }));
}

/** The head count of a session's after-party, for the organizers' list. */
export async function partyHeadCount(ctx: CommandContext, session: SessionRecord): Promise<string | undefined> {
  const [party] = await ctx.store.studySessions.parties([session.id]);
  return party && headCount(ctx, party);
}
