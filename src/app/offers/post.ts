import { subjectOf } from "../../core/offers/fit.js";
import { MEMBER_LIMITS, expiryOf, type PostInput, type PostKind } from "../../core/offers/post.js";
import { PlatformError } from "../../port/errors.js";
import { zoneOf, type CommandContext } from "../context.js";
import { UserError } from "../errors.js";
import { privateReply, type Outcome } from "../reply.js";
import { postCard, postLine, respondButton } from "./card.js";
import { scheduleOfferJobs } from "./jobs.js";
import { fittingPosts } from "./notices.js";

/** Fitting posts shown to the author of a new one. */
const FITS_SHOWN = 3;
const DAY_MS = 86_400_000;

/**
 * The offers channel, once the member may post another offer or ask: refuses (changing nothing)
 * when no channel is set or a limit is reached.
 */
export async function requireCanPost(ctx: CommandContext): Promise<string> {
  const { store, community, member } = ctx;
  const channelId = community.offersChannelId;
  if (!channelId) throw new UserError("offers.noChannel");
  const now = ctx.now();
  if ((await store.offers.countLive(member.id, now)) >= MEMBER_LIMITS.open) {
    throw new UserError("offers.limit.open", { max: MEMBER_LIMITS.open });
  }
  if ((await store.offers.countCreatedSince(member.id, new Date(now.getTime() - DAY_MS))) >= MEMBER_LIMITS.perDay) {
    throw new UserError("offers.limit.perDay", { max: MEMBER_LIMITS.perDay });
  }
  return channelId;
}

/**
 * Stores an offer or ask, posts its card in the offers channel, shows its author the open posts
 * that fit it, and leaves the notices to a job. A card that cannot be posted leaves nothing stored.
 */
export async function submitPost(ctx: CommandContext, kind: PostKind, input: PostInput): Promise<Outcome> {
  const { store, member, port, t } = ctx;
  const channelId = await requireCanPost(ctx);
  const now = ctx.now();
  const text = { title: input.title, details: input.details, tags: input.tags };
  const post = await store.offers.create(member.id, {
    kind, ...text, terms: [...subjectOf(text).terms], contact: input.contact, expiresAt: expiryOf(now, input.days), createdAt: now,
  });
  const channel = port.mentionChannel(channelId);
  try {
    const card = await port.postMessage(channelId, postCard(ctx, post, now));
    await store.offers.setCard(post.id, card);
  } catch (error) {
    if (!(error instanceof PlatformError)) throw error;
    await store.offers.remove(post.id);
    ctx.log.warn({ err: error, channelId }, "offer card not posted");
    return privateReply(t("offers.cardFailed", { channel }));
  }
  ctx.log.info({ post: post.id, kind }, "offer posted");
  await scheduleOfferJobs(ctx.jobs, post, { notices: true });

  const fits = await fittingPosts(store, post, now, FITS_SHOWN);
  const posted = t(`${kind}.posted`, { channel, time: port.formatTime(post.expiresAt, zoneOf(ctx)) });
  if (fits.length === 0) return privateReply(`${posted}\n${t(`${kind}.noFits`)}`);
  const found = fits.map(({ item }) => item.post!);
  return {
    type: "reply",
    reply: {
      text: [posted, t(`${kind}.fits`), ...found.map((p, i) => `${i + 1}. ${postLine(p, t, port)}`)].join("\n"),
      ephemeral: true,
      buttons: found.map((p, i) => respondButton(p, t, `${i + 1}. ${t(`${p.kind}.respond`)}`)),
    },
  };
}
