import type { FitSubject } from "../../core/offers/fit.js";
import type { PostStatus } from "../../core/offers/post.js";
import { tagKeysOf } from "../../core/offers/terms.js";
import type { Translate } from "../../i18n/index.js";
import { PlatformError } from "../../port/errors.js";
import type { Button, Message } from "../../port/message.js";
import type { PlatformPort } from "../../port/port.js";
import type { OfferPostRecord } from "../../store/offers-repository.js";
import type { CommunityContext } from "../context.js";
import { offerActions } from "./actions.js";

/** What a post is at `now`: an open post past its expiry is expired even before its job has run. */
export function statusAt(post: OfferPostRecord, now: Date): PostStatus {
  return post.status === "open" && post.expiresAt <= now ? "expired" : post.status;
}

/** A stored post as fit and search compare it. */
export function subjectOfPost(post: OfferPostRecord): FitSubject {
  return { tags: [...new Set(post.tags.flatMap(tagKeysOf))], terms: post.terms };
}

/** The button that answers a post: "I'm interested" under an offer, "I can help" under an ask. */
export function respondButton(post: OfferPostRecord, t: Translate, label?: string): Button {
  return { actionId: offerActions.respond.id(post.id), label: label ?? t(`${post.kind}.respond`), style: "primary" };
}

/** A post's one-line summary in lists: kind, title, author. */
export function postLine(post: OfferPostRecord, t: Translate, port: PlatformPort): string {
  return t(`${post.kind}.line`, { title: post.title, author: port.mentionUser(post.author.platformUserId) });
}

/**
 * The card in the offers channel, in the community's language: read by everyone. Only an open
 * card carries the button.
 */
export function postCard(ctx: Pick<CommunityContext, "community" | "communityT" | "port">, post: OfferPostRecord, now: Date): Message {
  const { community, port, communityT: t } = ctx;
  const status = statusAt(post, now);
  const statusText = status === "open"
    ? t("offers.status.openUntil", { time: port.formatTime(post.expiresAt, community.timeZone) })
    : t(`offers.status.${status}`);
  return {
    text: t(`${post.kind}.cardText`, { mention: port.mentionUser(post.author.platformUserId) }),
    cards: [{
      title: status === "open" ? post.title : `${t(`offers.status.${status}`)} · ${post.title}`,
      ...(post.details ? { description: post.details } : {}),
      fields: [
        { name: t("offers.field.tags"), value: post.tags.join(", "), inline: true },
        { name: t("offers.field.contact"), value: t(`offers.contact.${post.contact}`), inline: true },
        { name: t("offers.field.status"), value: statusText, inline: true },
      ],
      footer: t(`${post.kind}.cardFooter`),
    }],
    ...(status === "open" ? { buttons: [respondButton(post, t)] } : {}),
  };
}

/**
 * Shows the post's current state on its card. A card deleted by hand or a channel the bot lost
 * access to leaves the post as it is: the member's action has happened either way.
 */
export async function refreshCard(ctx: CommunityContext, post: OfferPostRecord): Promise<void> {
  if (!post.card) return;
  try {
    await ctx.port.editMessage(post.card, postCard(ctx, post, ctx.now()));
  } catch (error) {
    if (!(error instanceof PlatformError)) throw error;
    ctx.log.info({ err: error, post: post.id }, "offer card not updated");
  }
}
