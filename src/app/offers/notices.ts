import { rankFits, subjectOfList, type FitSubject, type Ranked } from "../../core/offers/fit.js";
import type { Outbox } from "../../jobs/outbox.js";
import type { OfferPostRecord } from "../../store/offers-repository.js";
import type { CommunityStore } from "../../store/repositories.js";
import type { CommunityContext } from "../context.js";
import { respondButton, subjectOfPost } from "./card.js";

// When an ask is posted, the members who offer what it needs are told (and the reverse): the
// authors of fitting open posts, and members whose intro says they can offer (or look for) it.
// Each member is told once per post, at most NOTICES_PER_DAY times a day, and never after
// turning notices off.

/** Members told about one new post. */
export const NOTICES_PER_POST = 3;
/** Notices one member receives within 24 hours. */
export const NOTICES_PER_DAY = 3;
/** Open posts weighed for a fit: the newest ones. */
export const FIT_CANDIDATE_POSTS = 500;

const DAY_MS = 86_400_000;

export interface FitCandidate {
  memberId: string;
  platformUserId: string;
  locale: string | null;
  subject: FitSubject;
  createdAt: Date;
  /** The member's open post that fits, or none when the fit is their intro. */
  post: OfferPostRecord | null;
}

const opposite = (kind: OfferPostRecord["kind"]) => (kind === "ask" ? "offer" : "ask");

/** Open posts of the other kind by other members that fit `post`, best first. */
export async function fittingPosts(store: CommunityStore, post: OfferPostRecord, now: Date, limit: number): Promise<Ranked<FitCandidate>[]> {
  const posts = await store.offers.live(now, { kind: opposite(post.kind), limit: FIT_CANDIDATE_POSTS });
  const candidates = posts.filter((p) => p.memberId !== post.memberId).map((p): FitCandidate => ({
    memberId: p.memberId, platformUserId: p.author.platformUserId, locale: p.author.locale,
    subject: subjectOfPost(p), createdAt: p.createdAt, post: p,
  }));
  return rankFits(subjectOfPost(post), candidates, limit);
}

/** Fitting posts and intros, one per member (their best), best first. */
async function fittingMembers(store: CommunityStore, post: OfferPostRecord, now: Date): Promise<Ranked<FitCandidate>[]> {
  const intros = (await store.offers.introLists())
    .filter((intro) => intro.memberId !== post.memberId)
    .map((intro): FitCandidate => ({
      memberId: intro.memberId, platformUserId: intro.platformUserId, locale: intro.locale,
      subject: subjectOfList(post.kind === "ask" ? intro.canOffer : intro.lookingFor), createdAt: intro.updatedAt, post: null,
    }));
  const ranked = [
    ...(await fittingPosts(store, post, now, FIT_CANDIDATE_POSTS)),
    ...rankFits(subjectOfPost(post), intros, intros.length),
  ].sort((x, y) => y.fit.score - x.fit.score || Number(y.item.post !== null) - Number(x.item.post !== null));
  const seen = new Set<string>();
  return ranked.filter((r) => !seen.has(r.item.memberId) && seen.add(r.item.memberId));
}

export async function sendFitNotices(outbox: Outbox, ctx: CommunityContext, post: OfferPostRecord): Promise<void> {
  const { store, community, port } = ctx;
  const now = ctx.now();
  if (post.status !== "open" || post.expiresAt <= now) return;
  const since = new Date(now.getTime() - DAY_MS);
  let told = 0;
  for (const { item } of await fittingMembers(store, post, now)) {
    if (told >= NOTICES_PER_POST) break;
    // A re-run after a crash finds its notice recorded and lets the outbox decide whether it went out.
    if (!(await store.offers.noticeSent(post.id, item.memberId))) {
      if (!(await store.offers.noticesOn(item.memberId))) continue;
      if ((await store.offers.countNoticesSince(item.memberId, since)) >= NOTICES_PER_DAY) continue;
      await store.offers.recordNotice(post.id, item.memberId, now);
    }
    told++;
    const t = ctx.memberT(item);
    const via = item.post ? "post" : "intro";
    const message = {
      text: [
        t(`offers.notice.${post.kind}.${via}`, {
          author: port.mentionUser(post.author.platformUserId), title: post.title, yours: item.post?.title ?? "",
        }),
        t("offers.notice.turnOff"),
      ].join("\n"),
      buttons: [respondButton(post, t)],
    };
    const key = `offer:${post.id}:notice:${item.memberId}`;
    await outbox.deliver({
      key, communityId: community.id,
      send: (retrying) => port.sendDirectMessage(item.platformUserId, message, { idempotencyKey: key, retrying }),
    });
  }
  ctx.log.info({ post: post.id, told }, "fit notices sent");
}
