import { PlatformError } from "../../port/errors.js";
import type { CommandContext } from "../context.js";
import { UserError } from "../errors.js";
import { networkActions } from "../network/actions.js";
import { planReconnects } from "../network/reconnect.js";
import { privateReply, type Outcome } from "../reply.js";
import { statusAt } from "./card.js";

/**
 * "I'm interested" / "I can help": records who helps whom with what, brings the two together
 * the way the author asked (a private space, or a direct message from the responder) and tells
 * the author.
 */
export async function respondToPost(ctx: CommandContext, postId: string): Promise<Outcome> {
  const { store, community, member, port, t } = ctx;
  const post = await store.offers.find(postId);
  if (!post) throw new UserError("common.unknownAction");
  const status = statusAt(post, ctx.now());
  if (status !== "open") return privateReply(t(`offers.respond.${status}`));
  if (post.memberId === member.id) return privateReply(t("offers.respond.own"));

  const author = port.mentionUser(post.author.platformUserId);
  const responder = port.mentionUser(member.platformUserId);
  const [helperId, helpedId] = post.kind === "offer" ? [post.memberId, member.id] : [member.id, post.memberId];
  const { exchange, created } = await store.offers.recordExchange({ postId: post.id, helperId, helpedId }, ctx.now());
  const spaceText = (ids: string[]) => (ids.length === 1 ? port.mentionChannel(ids[0]!) : t("offers.space.directMessages"));
  if (!created) {
    return privateReply(exchange.spaceId
      ? t("offers.respond.again.space", { space: spaceText(exchange.spaceId.split(",")) })
      : t("offers.respond.again.dm", { author }));
  }

  const authorT = ctx.memberT(post.author);
  let spaceIds: string[] = [];
  try {
    if (post.contact === "space") {
      spaceIds = await port.openPairSpace({
        channelId: community.offersChannelId ?? post.card?.channelId ?? null,
        userIds: [post.author.platformUserId, member.platformUserId],
        name: `musubi · ${post.title}`,
        delivery: { idempotencyKey: `offer:exchange:${exchange.id}:space`, retrying: false },
      });
      // The space is shared by both: it speaks the community's language.
      for (const channelId of spaceIds) {
        await port.postMessage(channelId, { text: ctx.communityT(`offers.space.${post.kind}`, { author, responder, title: post.title }) });
      }
      await store.offers.setExchangeSpace(exchange.id, spaceIds.join(","));
    }
  } catch (error) {
    if (!(error instanceof PlatformError)) throw error;
    // Nothing happened for the two: the press may be tried again.
    await store.offers.removeExchange(exchange.id);
    ctx.log.warn({ err: error, post: post.id }, "offer space not opened");
    return privateReply(t("offers.respond.failed"));
  }

  const where = spaceIds.length > 0
    ? authorT("offers.told.space", { space: spaceText(spaceIds) })
    : authorT("offers.told.dm", { responder });
  try {
    await port.sendDirectMessage(post.author.platformUserId, {
      text: `${authorT(`offers.told.${post.kind}`, { responder, title: post.title })}\n${where}`,
      buttons: [{ actionId: networkActions.thank.id("exchange", exchange.id, member.id), label: authorT("network.thanks.button", { name: member.displayName }) }],
    });
  } catch (error) {
    // The author may not take direct messages; the space (or the responder's message) still reaches them.
    if (!(error instanceof PlatformError)) throw error;
    ctx.log.info({ err: error, post: post.id }, "author not told by direct message");
  }
  await planReconnects(ctx);
  ctx.log.info({ post: post.id, exchange: exchange.id }, "offer answered");
  return privateReply(spaceIds.length > 0
    ? t("offers.respond.done.space", { author, space: spaceText(spaceIds) })
    : t("offers.respond.done.dm", { author }), {
    buttons: [{ actionId: networkActions.thank.id("exchange", exchange.id, post.memberId), label: t("network.thanks.button", { name: post.author.displayName }) }],
  });
}
