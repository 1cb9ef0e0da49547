import type { Intro } from "../../core/profile.js";
import { PlatformError } from "../../port/errors.js";
import type { Message } from "../../port/message.js";
import type { DraftValues } from "../../store/repositories.js";
import type { CommandContext } from "../context.js";
import { privateReply, type Outcome } from "../reply.js";
import { introCard } from "./card.js";

/**
 * Saves a member's introduction and posts its card in the intro channel (the channel where
 * /intro was used when none is set), editing the earlier card in place when there is one.
 */
export async function saveIntro(ctx: CommandContext, intro: Intro): Promise<Outcome> {
  const { community, member, port, store, t } = ctx;
  const previous = await store.transaction(async (tx) => {
    const before = await tx.profiles.find(member.id);
    await tx.profiles.save(member.id, intro);
    return before;
  });
  ctx.log.info({ updated: previous !== null }, "intro saved");

  const channelId = community.introChannelId ?? ctx.actor.channelId;
  if (!channelId) return privateReply(t("intro.noChannel"));

  const card: Message = {
    text: ctx.communityT("intro.cardText", { mention: port.mentionUser(member.platformUserId) }),
    cards: [introCard(intro, member.displayName, ctx.communityLocale)],
  };
  const channel = port.mentionChannel(channelId);
  try {
    if (previous?.card && previous.card.channelId === channelId) {
      try {
        await port.editMessage(previous.card, card);
        return privateReply(t("intro.updated", { channel }));
      } catch (error) {
        // The old card was deleted: post a new one below.
        if (!(error instanceof PlatformError && error.code === "not_found")) throw error;
      }
    }
    const posted = await port.postMessage(channelId, card);
    await store.profiles.setCard(member.id, posted);
    return privateReply(previous ? t("intro.updated", { channel }) : t("intro.saved", { name: member.displayName, channel }));
  } catch (error) {
    if (!(error instanceof PlatformError)) throw error;
    ctx.log.warn({ err: error, channelId }, "intro card not posted");
    return privateReply(t("intro.cardFailed", { channel }));
  }
}

/** The form prefilled with the member's intro, lists written back as they are typed. */
export async function currentIntroAnswers(ctx: CommandContext): Promise<DraftValues> {
  const profile = await ctx.store.profiles.find(ctx.member.id);
  if (!profile) return {};
  const { intro } = profile;
  return {
    ...intro,
    interests: intro.interests.join(", "),
    canOffer: intro.canOffer.join(", "),
    lookingFor: intro.lookingFor.join(", "),
  };
}
