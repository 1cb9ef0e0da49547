import type { MemberRecord } from "../../store/records.js";
import { actionKind } from "../actions.js";
import { deleteCards } from "../cards.js";
import type { CommandContext, CommunityContext } from "../context.js";
import { forgetOffers } from "../offers/forget.js";
import { privateReply, type Outcome } from "../reply.js";
import { cancelRound, leaveRound } from "../rounds/service.js";

// /forget-me: a member's data is deleted from every table. What others see changes first, while
// the rows still say where it is: seats are given up (the waitlist moves up), rounds they
// organize are cancelled (participants are told), their offer and intro cards are deleted. Then
// the member's row goes, and the schema's cascades take everything that hangs off it.

export interface ForgottenSummary {
  roundsLeft: number;
  roundsCancelled: number;
  posts: number;
}

export async function forgetMember(ctx: CommunityContext, member: MemberRecord): Promise<ForgottenSummary> {
  const { store, log } = ctx;
  const seats = await store.rounds.roundsOf(member.id);
  for (const { round } of seats) await leaveRound(ctx, round, member);
  const organized = await store.rounds.organizedBy(member.id);
  for (const round of organized) await cancelRound(ctx, round);
  const posts = await forgetOffers(ctx, member.id);
  const introCard = (await store.profiles.find(member.id))?.card;
  await deleteCards(ctx, introCard ? [introCard] : []);
  await store.members.remove(member.id);
  log.info({ roundsLeft: seats.length, roundsCancelled: organized.length, posts }, "member forgotten");
  return { roundsLeft: seats.length, roundsCancelled: organized.length, posts };
}

export const privacyActions = { confirm: actionKind("forget:confirm", []) };

/** `/forget-me`: what will be deleted, and the button that does it. */
export async function askToForget(ctx: CommandContext): Promise<Outcome> {
  return privateReply(ctx.t("forget.confirm"), {
    buttons: [{ actionId: privacyActions.confirm.id(), label: ctx.t("forget.button"), style: "danger" }],
  });
}

/** The confirmation's button: the member's data is deleted. */
export async function forgetMe(ctx: CommandContext): Promise<Outcome> {
  const summary = await forgetMember(ctx, ctx.member);
  return privateReply(ctx.t("forget.done", { posts: summary.posts, rounds: summary.roundsLeft + summary.roundsCancelled }));
}
