import { chooseSlot, readTalkOrder, type TalkPlan } from "../../core/rounds/index.js";
import type { CommandContext } from "../context.js";
import { UserError } from "../errors.js";
import { privateReply, type Outcome } from "../reply.js";
import { roundByNumber } from "./participation.js";
import { refreshCard, tellMember } from "./service.js";
import { requireAhead, requireOrganizer, sessionOf, timetableLines } from "./study.js";

// Lightning talks: the organizer sets how many slots each session has and how long each is;
// members sign up with a title (one slot each); the organizer reorders and removes talks.

/** `/round lt-setup`: the slots of every session of the round. */
export async function planTalks(ctx: CommandContext, input: { round: number; slots: number; minutes: number; after?: number | undefined }): Promise<Outcome> {
  const round = await roundByNumber(ctx, input.round);
  requireOrganizer(ctx, round);
  const plan: TalkPlan = { slots: input.slots, minutes: input.minutes, startsAfter: input.after ?? 0 };
  await ctx.store.studySessions.setTalkPlan(round.id, plan);
  await refreshCard(ctx, round);
  return privateReply(plan.slots === 0
    ? ctx.t("sessions.talks.planOff", { title: round.title })
    : ctx.t("sessions.talks.planned", { title: round.title, slots: plan.slots, minutes: plan.minutes, after: plan.startsAfter }));
}

/** `/round lt`: a member's talk in a session, in the slot asked for or the first free one. */
export async function signUpTalk(ctx: CommandContext, input: { round: number; session: number; title: string; slot?: number | undefined }): Promise<Outcome> {
  const round = await roundByNumber(ctx, input.round);
  const session = await sessionOf(ctx, round, input.session);
  requireAhead(ctx, round, session);
  const participants = await ctx.store.rounds.participants(round.id);
  if (!participants.some((p) => p.memberId === ctx.member.id)) throw new UserError("sessions.talks.joinFirst", { title: round.title, number: round.number });
  const slot = await ctx.store.transaction(async (tx) => {
    await tx.rounds.lock(round.id);
    const plan = await tx.studySessions.talkPlan(round.id);
    const talks = await tx.studySessions.talks([session.id]);
    const chosen = chooseSlot(plan, talks, ctx.member.id, input.slot);
    if (!chosen.ok) {
      switch (chosen.reason) {
        case "noTalks": throw new UserError("sessions.talks.none", { title: round.title });
        case "alreadyHasSlot": throw new UserError("sessions.talks.alreadyHasSlot", { slot: chosen.slot ?? 0, position: session.position });
        case "slotTaken": {
          const holder = talks.find((t) => t.slot === chosen.slot);
          throw new UserError("sessions.talks.slotTaken", { slot: chosen.slot ?? 0, member: holder?.displayName ?? "" });
        }
        case "noSuchSlot": throw new UserError("sessions.talks.noSuchSlot", { slot: chosen.slot ?? 0, slots: plan?.slots ?? 0 });
        case "full": throw new UserError("sessions.talks.full", { position: session.position });
      }
    }
    await tx.studySessions.addTalk(session.id, ctx.member.id, chosen.slot, input.title);
    return chosen.slot;
  });
  await refreshCard(ctx, round);
  const plan = (await ctx.store.studySessions.talkPlan(round.id))!;
  const lines = timetableLines(ctx.t, ctx.port, round, session, plan, await ctx.store.studySessions.talks([session.id]));
  return privateReply([ctx.t("sessions.talks.signedUp", { slot, position: session.position, title: input.title }), ...lines].join("\n"));
}

/** `/round lt-edit`: the organizer's new order of a session's talks, or a talk taken out (its speaker is told). */
export async function editTalks(ctx: CommandContext, input: { round: number; session: number; order?: string | undefined; remove?: number | undefined }): Promise<Outcome> {
  const round = await roundByNumber(ctx, input.round);
  requireOrganizer(ctx, round);
  const session = await sessionOf(ctx, round, input.session);
  if (input.order === undefined && input.remove === undefined) throw new UserError("sessions.talks.editNothing");
  const talks = await ctx.store.studySessions.talks([session.id]);
  if (input.remove !== undefined) {
    const talk = talks.find((t) => t.slot === input.remove);
    if (!talk) throw new UserError("sessions.talks.noTalkInSlot", { slot: input.remove, position: session.position });
    await ctx.store.studySessions.removeTalk(session.id, talk.slot);
    const speaker = await ctx.store.members.find(talk.memberId);
    if (speaker) await tellMember(ctx, speaker, { text: ctx.memberT(speaker)("sessions.talks.removedNotice", { title: talk.title, round: round.title, position: session.position }) });
  } else if (input.order !== undefined) {
    const moves = readTalkOrder(input.order, talks.map((t) => t.slot));
    if (!moves) throw new UserError("sessions.talks.badOrder", { value: input.order, slots: talks.map((t) => t.slot).join(",") || "-" });
    await ctx.store.transaction((tx) => tx.studySessions.moveTalks(session.id, moves));
  }
  await refreshCard(ctx, round);
  const plan = await ctx.store.studySessions.talkPlan(round.id);
  const lines = plan ? timetableLines(ctx.t, ctx.port, round, session, plan, await ctx.store.studySessions.talks([session.id])) : [];
  return privateReply([ctx.t("sessions.talks.edited", { position: session.position }), ...lines].join("\n"));
}
