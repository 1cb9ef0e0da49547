import type { MemberRecord } from "../../store/records.js";
import { deleteCards } from "../cards.js";
import { forgetOffers } from "../offers/forget.js";
import { cancelRound, leaveRound, type RoundsContext } from "../rounds/service.js";

// /forget-me: a member's data is deleted from every table. What others see changes first, while
// the rows still say where it is: seats are given up (the waitlist moves up), rounds they
// organize are cancelled (participants are told), their offer and intro cards are deleted. Then
// the member's row goes, and the schema's cascades take everything that hangs off it.

export interface ForgottenSummary {
  roundsLeft: number;
  roundsCancelled: number;
  posts: number;
}

export async function forgetMember(ctx: RoundsContext, member: MemberRecord): Promise<ForgottenSummary> {
  const { store, community, log } = ctx;
  const seats = await store.rounds.roundsOf(community.id, member.id);
  for (const { round } of seats) await leaveRound(ctx, round, member);
  const organized = await store.rounds.organizedBy(community.id, member.id);
  for (const round of organized) await cancelRound(ctx, round);
  const posts = await forgetOffers(ctx, community.id, member.id);
  const introCard = (await store.profiles.find(community.id, member.id))?.card;
  await deleteCards(ctx, introCard ? [introCard] : []);
  await store.members.remove(community.id, member.id);
  log.info({ roundsLeft: seats.length, roundsCancelled: organized.length, posts }, "member forgotten");
  return { roundsLeft: seats.length, roundsCancelled: organized.length, posts };
}
