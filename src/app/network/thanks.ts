import { z } from "zod";
import { memberText } from "../../core/text.js";
import type { MemberRecord } from "../../store/records.js";
import { THANKS_CONTEXTS, type ThanksContext } from "../../store/network-repository.js";
import type { Button } from "../../port/message.js";
import type { CommandContext } from "../context.js";
import { UserError } from "../errors.js";
import { privateReply, type Outcome } from "../reply.js";
import { tellMember } from "../rounds/service.js";
import { THANKS_FORM, THANKS_LIMIT, networkActions } from "./actions.js";

// A short thank-you after a pairing group met or a post was answered: the other gets it by
// direct message, both networks keep it, and the receiver's card counts it.

/** What the thanks form's draft holds: whom it is for and on what occasion. */
const thanksTarget = z.object({ context: z.enum(THANKS_CONTEXTS), contextId: z.string().min(1), memberId: z.string().min(1) });
type ThanksTarget = z.infer<typeof thanksTarget>;

export const thanksSchema = z.object({ message: memberText({ paragraphs: true }).max(THANKS_LIMIT).default("") });

/** "Thank @ken": one button per person the member can thank for this occasion. */
export function thanksButtons(ctx: Pick<CommandContext, "t" | "port">, context: ThanksContext, contextId: string, others: readonly MemberRecord[]): Button[] {
  return others.map((other) => ({
    actionId: networkActions.thank.id(context, contextId, other.id),
    label: ctx.t("network.thanks.button", { name: other.displayName }),
  }));
}

/** The two really shared the occasion: the same pairing group, or the two sides of one exchange. */
async function sharedOccasion(ctx: CommandContext, target: ThanksTarget): Promise<MemberRecord> {
  const other = await ctx.store.members.find(target.memberId);
  if (!other || other.id === ctx.member.id) throw new UserError("common.unknownAction");
  if (target.context === "pairing") {
    const group = await ctx.store.pairing.group(target.contextId);
    const ids = new Set(group?.members.map((m) => m.memberId));
    if (!ids.has(ctx.member.id) || !ids.has(other.id)) throw new UserError("network.thanks.notShared");
  } else {
    const exchange = await ctx.store.offers.exchange(target.contextId);
    const sides = new Set([exchange?.helperId, exchange?.helpedId]);
    if (!sides.has(ctx.member.id) || !sides.has(other.id)) throw new UserError("network.thanks.notShared");
  }
  return other;
}

/** The button: the one-line form, with the occasion noted for its submission (forms carry no argument). */
export async function openThanks(ctx: CommandContext, args: Record<string, string>): Promise<Outcome> {
  const target = thanksTarget.safeParse(args);
  if (!target.success) throw new UserError("common.unknownAction");
  await sharedOccasion(ctx, target.data);
  await ctx.store.formDrafts.save(ctx.member.id, THANKS_FORM, target.data, ctx.now());
  return ctx.openForm(THANKS_FORM);
}

/** The form: the thanks is kept once per occasion and sent to the other by direct message. */
export async function sendThanks(ctx: CommandContext, { message }: { message: string }): Promise<Outcome> {
  const draft = await ctx.store.formDrafts.find(ctx.member.id, THANKS_FORM, new Date(ctx.now().getTime() - 86_400_000));
  const target = thanksTarget.safeParse(draft);
  if (!target.success) throw new UserError("network.thanks.expired");
  const other = await sharedOccasion(ctx, target.data);
  const recorded = await ctx.store.network.recordThanks({
    fromId: ctx.member.id, toId: other.id, context: target.data.context, contextId: target.data.contextId, message,
  }, ctx.now());
  const name = ctx.port.mentionUser(other.platformUserId);
  if (!recorded) return privateReply(ctx.t("network.thanks.already", { member: name }));
  const otherT = ctx.memberT(other);
  const from = ctx.port.mentionUser(ctx.member.platformUserId);
  await tellMember(ctx, other, {
    text: message ? otherT("network.thanks.received", { member: from, message }) : otherT("network.thanks.receivedPlain", { member: from }),
  });
  ctx.log.info({ context: target.data.context }, "thanks sent");
  return privateReply(ctx.t("network.thanks.sent", { member: name }));
}
