import type { ClaimedJob } from "../jobs/scheduler.js";
import type { CommunityRecord, Platform } from "../store/records.js";
import type { Store } from "../store/repositories.js";
import type { PlatformPort } from "./port.js";

/**
 * The community a job belongs to and this process's connection to its platform; nothing when the
 * community is gone. A process without that connection cannot do the job: it fails, to be retried.
 */
export async function communityOfJob(
  deps: { store: Store; portFor(platform: Platform): PlatformPort | undefined },
  job: ClaimedJob,
): Promise<{ community: CommunityRecord; port: PlatformPort } | undefined> {
  const community = job.communityId ? await deps.store.communities.find(job.communityId) : null;
  if (!community) return undefined;
  const port = deps.portFor(community.platform);
  if (!port) throw new Error(`no ${community.platform} connection in this process`);
  return { community, port };
}
