import { nextReport } from "../../core/network/index.js";
import type { ClaimedJob, JobDeps, JobHandlers, JobPayload } from "../../jobs/queue.js";
import type { CommunityRecord } from "../../store/records.js";
import { communityOfJob, type CommandContext, type CommunityContext } from "../context.js";
import { privateReply, type Outcome } from "../reply.js";
import { dateOf, drawNetwork, statsReport } from "./stats.js";

// The monthly report (off unless an organizer names its channel): on the first of each month the
// figures and pictures of the month before are posted there, in the community's language. The
// network picture in it has no names: a channel is read by more than organizers.

export const REPORT_JOBS = { report: "network.report" } as const;

/** Plans the next report of a community that has one (a no-op for one planned already). */
export async function planReport(ctx: Pick<CommunityContext, "community" | "jobs">, after: Date): Promise<void> {
  if (!ctx.community.reportChannelId) return;
  const slot = nextReport(ctx.community.timeZone, after);
  await ctx.jobs.schedule({
    kind: REPORT_JOBS.report, dedupeKey: `network:report:${ctx.community.id}:${slot.month}`,
    dueAt: slot.at, communityId: ctx.community.id, payload: { month: slot.month },
  });
}

/** At start: every community with a report has its next one planned. */
export async function planAllReports(deps: JobDeps): Promise<void> {
  for (const communityId of await deps.store.communities.withReports()) {
    const community = await deps.store.communities.find(communityId);
    if (community) await planReport({ community, jobs: deps.jobs }, deps.now());
  }
}

/** `/musubi report [channel] [enabled]`: where the monthly report goes, or that there is none. */
export async function setMonthlyReport(ctx: CommandContext, input: { channel?: string | undefined; enabled?: "on" | "off" | undefined }): Promise<Outcome> {
  const { t, port } = ctx;
  let community: CommunityRecord = ctx.community;
  if (input.enabled === "off") community = await ctx.store.settings.update({ reportChannelId: null });
  else if (input.channel) community = await ctx.store.settings.update({ reportChannelId: input.channel });
  else if (input.enabled === "on" && !community.reportChannelId) return privateReply(t("report.needsChannel"));
  await planReport({ community, jobs: ctx.jobs }, ctx.now());
  if (!community.reportChannelId) return privateReply(t("report.off"));
  const next = nextReport(community.timeZone, ctx.now());
  return privateReply(t("report.on", { channel: port.mentionChannel(community.reportChannelId), time: port.formatTime(next.at, community.timeZone) }));
}

async function postReport(deps: JobDeps, job: ClaimedJob<JobPayload<"network.report">>): Promise<void> {
  const ctx = await communityOfJob(deps, job.communityId);
  const channelId = ctx?.community.reportChannelId;
  if (!ctx || !channelId) return;
  const slot = nextReport(ctx.community.timeZone, new Date(job.dueAt.getTime() - 1));
  if (slot.month !== job.payload.month) return;
  const { communityT: t, communityLocale: locale, community } = ctx;
  const heading = t("report.title", { month: dateOf(locale, slot.from, community.timeZone) });
  const stats = await statsReport(ctx, { t, locale, zone: community.timeZone }, { from: slot.from, to: slot.at }, heading);
  const { file } = await drawNetwork(ctx, t, false);
  const key = `network:report:${community.id}:${slot.month}`;
  await deps.outbox.deliver({
    key, communityId: community.id,
    send: (retrying) => ctx.port.postFiles
      ? ctx.port.postFiles(channelId, stats.text, [...stats.files, file])
      : ctx.port.postMessage(channelId, { text: stats.text }, { idempotencyKey: key, retrying }),
  });
  ctx.log.info({ month: slot.month }, "monthly report posted");
  await planReport(ctx, slot.at);
}

export function reportJobHandlers(deps: JobDeps): JobHandlers<(typeof REPORT_JOBS)[keyof typeof REPORT_JOBS]> {
  return { [REPORT_JOBS.report]: (job) => postReport(deps, job) };
}
