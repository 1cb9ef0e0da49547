import { searchKeysOf } from "../../core/offers/fit.js";
import { POST_LIMITS, expiryOf } from "../../core/offers/post.js";
import type { Button } from "../../port/message.js";
import type { OfferPostRecord } from "../../store/offers-repository.js";
import { zoneOf, type CommandContext } from "../context.js";
import { UserError } from "../errors.js";
import { privateReply, type Outcome } from "../reply.js";
import { offerActions } from "./actions.js";
import { postLine, refreshCard, respondButton, statusAt } from "./card.js";
import { scheduleOfferJobs } from "./jobs.js";

// A member's own posts (close, extend), search, and the notice switch.

/** Results of one search, and own posts listed at once (two buttons each: Discord holds 25). */
export const SEARCH_RESULTS = 8;
export const OWN_POSTS_LISTED = 10;

async function ownPost(ctx: CommandContext, postId: string): Promise<OfferPostRecord> {
  const post = await ctx.store.offers.find(postId);
  if (!post) throw new UserError("common.unknownAction");
  if (post.memberId !== ctx.member.id) throw new UserError("offers.notYours");
  return post;
}

export async function closePost(ctx: CommandContext, postId: string): Promise<Outcome> {
  const post = await ownPost(ctx, postId);
  if (post.status === "closed") return privateReply(ctx.t("offers.alreadyClosed", { title: post.title }));
  await ctx.store.offers.close(post.id, ctx.now());
  await refreshCard(ctx, { ...post, status: "closed" });
  return privateReply(ctx.t("offers.closed", { title: post.title }));
}

/** Open for another default period from now (or from its end, if later), at most the longest period ahead. */
export async function extendPost(ctx: CommandContext, postId: string): Promise<Outcome> {
  const post = await ownPost(ctx, postId);
  const now = ctx.now();
  const from = statusAt(post, now) === "open" ? post.expiresAt : now;
  const latest = expiryOf(now, POST_LIMITS.days);
  const expiresAt = new Date(Math.min(expiryOf(from, POST_LIMITS.defaultDays).getTime(), latest.getTime()));
  if (statusAt(post, now) === "open" && expiresAt.getTime() <= post.expiresAt.getTime()) {
    return privateReply(ctx.t("offers.extendedMax", { title: post.title, time: ctx.port.formatTime(post.expiresAt, zoneOf(ctx)) }));
  }
  await ctx.store.offers.extend(post.id, expiresAt);
  const extended = { ...post, status: "open" as const, expiresAt };
  await refreshCard(ctx, extended);
  await scheduleOfferJobs(ctx.jobs, extended, { notices: false });
  return privateReply(ctx.t("offers.extended", { title: post.title, time: ctx.port.formatTime(expiresAt, zoneOf(ctx)) }));
}

/** The member's posts, newest first, with buttons to close or extend each. */
export async function listOwnPosts(ctx: CommandContext): Promise<Outcome> {
  const { t, port } = ctx;
  const posts = await ctx.store.offers.ofMember(ctx.member.id, OWN_POSTS_LISTED);
  if (posts.length === 0) return privateReply(t("offers.mine.none"));
  const now = ctx.now();
  const lines = posts.map((post, i) => {
    const status = statusAt(post, now);
    const state = status === "open"
      ? t("offers.status.openUntil", { time: port.formatTime(post.expiresAt, zoneOf(ctx)) })
      : t(`offers.status.${status}`);
    return `${i + 1}. ${t(`${post.kind}.mark`)} ${post.title} — ${state}`;
  });
  const buttons = posts.flatMap((post, i): Button[] => [
    ...(statusAt(post, now) === "open" ? [{ actionId: offerActions.close.id(post.id), label: t("offers.mine.close", { n: i + 1 }), style: "danger" as const }] : []),
    { actionId: offerActions.extend.id(post.id), label: t("offers.mine.extend", { n: i + 1 }) },
  ]);
  return privateReply([t("offers.mine.title"), ...lines].join("\n"), buttons.length > 0 ? { buttons } : {});
}

/**
 * Open offers and asks matching the query (words or a tag), best-fitting then newest first, from
 * the search index (the same ranking as rankSearch); the newest for an empty query.
 */
export async function searchPosts(ctx: CommandContext, query: string): Promise<Outcome> {
  const { t, port } = ctx;
  const found = query.trim()
    ? await ctx.store.offers.search(searchKeysOf(query.trim()), ctx.now(), SEARCH_RESULTS)
    : await ctx.store.offers.live(ctx.now(), { limit: SEARCH_RESULTS });
  if (found.length === 0) return privateReply(query ? t("offers.search.none", { query }) : t("offers.search.empty"));
  const title = query ? t("offers.search.title", { query }) : t("offers.search.newest");
  const lines = found.map((post, i) => `${i + 1}. ${postLine(post, t, port)} · ${post.tags.join(", ")}`);
  const buttons = found.flatMap((post, i) =>
    post.memberId === ctx.member.id ? [] : [respondButton(post, t, `${i + 1}. ${t(`${post.kind}.respond`)}`)]);
  return privateReply([title, ...lines].join("\n"), buttons.length > 0 ? { buttons } : {});
}

export async function switchNotices(ctx: CommandContext, on: boolean): Promise<Outcome> {
  await ctx.store.offers.setNotices(ctx.member.id, on);
  return privateReply(ctx.t(on ? "offers.notices.on" : "offers.notices.off"));
}

/** `mine`, `notices on|off`, else words or a tag to search for (Japanese keywords too). */
const MINE = new Set(["mine", "自分"]);
const NOTICES = /^(?:notices|通知)\s+(on|off|オン|オフ)$/i;

/** `/offers [words | mine | notices on|off]`. */
export async function browsePosts(ctx: CommandContext, typed: string): Promise<Outcome> {
  const query = typed.replace(/\s+/g, " ");
  if (MINE.has(query.toLowerCase())) return listOwnPosts(ctx);
  const notices = NOTICES.exec(query);
  if (notices) return switchNotices(ctx, ["on", "オン"].includes(notices[1]!.toLowerCase()));
  return searchPosts(ctx, query);
}
