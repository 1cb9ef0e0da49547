import type { CommandContext } from "../context.js";
import { UserError } from "../errors.js";
import { privateReply, type Outcome } from "../reply.js";
import { tellMember } from "../rounds/service.js";

/**
 * "Would you like to meet again?" after a group met. When two members of the group have both said
 * yes, both are told: they are a mutual connection, and weekly pairing may bring them together
 * again once the no-repeat window has passed (the engine's meetAgain weight).
 */
export async function answerMeetAgain(ctx: CommandContext, groupId: string, answer: string): Promise<Outcome> {
  if (answer !== "yes" && answer !== "no") throw new UserError("common.unknownAction");
  const group = await ctx.store.pairing.group(groupId);
  const mine = group?.members.find((m) => m.memberId === ctx.member.id);
  if (!group || !mine) return privateReply(ctx.t("pairingRound.followUp.notYours"));
  const yes = answer === "yes";
  await ctx.store.pairing.answerMeetAgain(groupId, ctx.member.id, yes);
  if (!yes) return privateReply(ctx.t("network.meetAgain.noted"));
  // Told once: only when this "yes" is the one that completes the pair.
  const newlyMutual = mine.meetAgain === true ? [] : group.members.filter((m) => m.memberId !== ctx.member.id && m.meetAgain === true);
  for (const other of newlyMutual) {
    const member = await ctx.store.members.find(other.memberId);
    if (!member) continue;
    const t = ctx.memberT(member);
    await tellMember(ctx, member, { text: t("network.meetAgain.mutual", { member: ctx.port.mentionUser(ctx.member.platformUserId) }) });
  }
  ctx.log.info({ mutual: newlyMutual.length }, "meet again answered");
  if (newlyMutual.length === 0) return privateReply(ctx.t("network.meetAgain.saved"));
  const names = new Intl.ListFormat(ctx.locale, { type: "conjunction" }).format(newlyMutual.map((m) => ctx.port.mentionUser(m.platformUserId)));
  return privateReply(ctx.t("network.meetAgain.mutual", { member: names }));
}
