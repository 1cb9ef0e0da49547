import type { ClaimedJob, JobDeps, JobHandlers, JobPayload, JobQueue } from "../../jobs/queue.js";
import type { OfferPostRecord } from "../../store/offers-repository.js";
import { communityOfJob, type CommunityContext } from "../context.js";
import { refreshCard } from "./card.js";
import { sendFitNotices } from "./notices.js";

// Work that follows a post outside the member's 3 seconds: the fit notices right after it is
// posted, and marking its card expired when its time is up.

export const OFFER_JOBS = { notices: "offers.notices", expire: "offers.expire" } as const;

/** Notices now; expiry at the post's end (an extended post gets a job for its new end). */
export async function scheduleOfferJobs(jobs: JobQueue, post: OfferPostRecord, options: { notices: boolean }): Promise<void> {
  if (options.notices) {
    await jobs.schedule({
      kind: OFFER_JOBS.notices, dedupeKey: `offers:notices:${post.id}`, dueAt: post.createdAt,
      communityId: post.communityId, payload: { postId: post.id },
    });
  }
  await jobs.schedule({
    kind: OFFER_JOBS.expire, dedupeKey: `offers:expire:${post.id}:${post.expiresAt.toISOString()}`, dueAt: post.expiresAt,
    communityId: post.communityId, payload: { postId: post.id },
  });
  jobs.runSoon();
}

async function load(deps: JobDeps, job: ClaimedJob<JobPayload<"offers.expire">>): Promise<{ ctx: CommunityContext; post: OfferPostRecord } | undefined> {
  const ctx = await communityOfJob(deps, job.communityId);
  // A post deleted meanwhile (its author's data forgotten) needs nothing more.
  const post = ctx && (await ctx.store.offers.find(job.payload.postId));
  return ctx && post ? { ctx, post } : undefined;
}

async function expire(deps: JobDeps, job: ClaimedJob<JobPayload<"offers.expire">>): Promise<void> {
  const loaded = await load(deps, job);
  if (!loaded) return;
  const { ctx, post } = loaded;
  // An extended post is not due yet: its own later job handles it.
  if (!(await ctx.store.offers.expire(post.id, ctx.now()))) return;
  await refreshCard(ctx, { ...post, status: "expired" });
  ctx.log.info({ post: post.id }, "offer expired");
}

export function offersJobHandlers(deps: JobDeps): JobHandlers<(typeof OFFER_JOBS)[keyof typeof OFFER_JOBS]> {
  return {
    [OFFER_JOBS.notices]: async (job) => {
      const loaded = await load(deps, job);
      if (loaded) await sendFitNotices(deps.outbox, loaded.ctx, loaded.post);
    },
    [OFFER_JOBS.expire]: (job) => expire(deps, job),
  };
}
