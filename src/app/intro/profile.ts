import type { CommandContext } from "../context.js";
import { privateReply, type Outcome } from "../reply.js";
import { introCard } from "./card.js";

/** `/profile [member]`: a member's card (yours without one), shown only to you, in your language. */
export async function showProfile(ctx: CommandContext, platformUserId: string | undefined): Promise<Outcome> {
  const { store, t, port } = ctx;
  const self = !platformUserId || platformUserId === ctx.member.platformUserId;
  const member = self ? ctx.member : await store.members.findByPlatformUser(platformUserId);
  const profile = member && (await store.profiles.find(member.id));
  if (!member || !profile) {
    return privateReply(self ? t("profile.noneSelf") : t("profile.none", { name: port.mentionUser(platformUserId!) }));
  }
  const card = introCard(profile.intro, member.displayName, ctx.locale);
  // Giving first should feel noticed: the card says how often they helped and were thanked.
  const { helped, thanked } = await store.network.givingOf(member.id);
  const giving = helped + thanked > 0 ? [{ name: t("network.card.giving"), value: t("network.card.givingValue", { helped, thanked }), inline: true }] : [];
  return privateReply("", { cards: [{ ...card, fields: [...card.fields, ...giving] }] });
}
