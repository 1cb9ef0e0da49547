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
  return privateReply("", { cards: [introCard(profile.intro, member.displayName, ctx.locale)] });
}
