import { z } from "zod";
import type { ClaimedJob, JobHandler } from "../../jobs/scheduler.js";
import type { Outbox } from "../../jobs/outbox.js";
import type { Logger } from "../../logger.js";
import type { OfferPostRecord } from "../../store/offers-repository.js";
import type { CommunityRecord, Platform } from "../../store/records.js";
import type { Store } from "../../store/repositories.js";
import type { JobQueue } from "../pairing/rounds.js";
import type { PlatformPort } from "../port.js";
import { communityOfJob } from "../job-community.js";
import { refreshCard } from "./card.js";
import { sendFitNotices } from "./notices.js";

// Work that follows a post outside the member's 3 seconds: the fit notices right after it is
// posted, and marking its card expired when its time is up.

export const OFFER_JOB_KINDS = { notices: "offers.notices", expire: "offers.expire" } as const;

export interface OffersJobDeps {
  store: Store;
  outbox: Outbox;
  portFor(platform: Platform): PlatformPort | undefined;
  log: Logger;
  now(): Date;
}

const postPayload = z.object({ postId: z.string() });

/** Notices now; expiry at the post's end (an extended post gets a job for its new end). */
export async function scheduleOfferJobs(jobs: JobQueue, post: OfferPostRecord, options: { notices: boolean }): Promise<void> {
  if (options.notices) {
    await jobs.schedule({
      kind: OFFER_JOB_KINDS.notices, dedupeKey: `offers:notices:${post.id}`, dueAt: post.createdAt,
      communityId: post.communityId, payload: { postId: post.id },
    });
  }
  await jobs.schedule({
    kind: OFFER_JOB_KINDS.expire, dedupeKey: `offers:expire:${post.id}:${post.expiresAt.toISOString()}`, dueAt: post.expiresAt,
    communityId: post.communityId, payload: { postId: post.id },
  });
  jobs.runSoon();
}

export interface LoadedPost {
  community: CommunityRecord;
  post: OfferPostRecord;
  port: PlatformPort;
}

async function load(deps: OffersJobDeps, job: ClaimedJob): Promise<LoadedPost | undefined> {
  const { postId } = postPayload.parse(job.payload);
  const found = await communityOfJob(deps, job);
  // A post deleted meanwhile (its author's data forgotten) needs nothing more.
  const post = found && (await deps.store.offers.find(found.community.id, postId));
  return found && post ? { ...found, post } : undefined;
}

async function expire(deps: OffersJobDeps, job: ClaimedJob): Promise<void> {
  const loaded = await load(deps, job);
  if (!loaded) return;
  const { community, post, port } = loaded;
  // An extended post is not due yet: its own later job handles it.
  if (!(await deps.store.offers.expire(community.id, post.id, deps.now()))) return;
  await refreshCard({ ...post, status: "expired" }, community, port, deps.now(), deps.log);
  deps.log.info({ community: community.id, post: post.id }, "offer expired");
}

export function offersJobHandlers(deps: OffersJobDeps): Record<string, JobHandler> {
  return {
    [OFFER_JOB_KINDS.notices]: async (job) => {
      const loaded = await load(deps, job);
      if (loaded) await sendFitNotices(deps, loaded);
    },
    [OFFER_JOB_KINDS.expire]: (job) => expire(deps, job),
  };
}
