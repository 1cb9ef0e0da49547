import { resolveLocale, translator, type Locale, type PlainMessageKey, type Translate } from "../i18n/index.js";
import type { JobDeps, JobQueue } from "../jobs/queue.js";
import type { Logger } from "../logger.js";
import type { Message } from "../port/message.js";
import type { PlatformPort } from "../port/port.js";
import type { CommunityRecord, MemberRecord, Platform } from "../store/records.js";
import type { CommunityStore } from "../store/repositories.js";
import { withCommunity } from "./action-community.js";
import type { Outcome } from "./reply.js";

/**
 * What a use case on one community is given, whether a member's command or a job called it:
 * the community, its repositories (every query scoped by it), the platform it lives on, and its
 * languages, resolved once.
 */
export interface CommunityContext {
  community: CommunityRecord;
  store: CommunityStore;
  port: PlatformPort;
  /** The durable scheduler, for work that happens later (rounds, reminders). */
  jobs: JobQueue;
  log: Logger;
  now(): Date;
  /** The community's language: for what everyone reads (cards, announcements, shared spaces). */
  communityLocale: Locale;
  communityT: Translate;
  /** One member's own language, else the community's: for what that member alone reads. */
  memberT(member: { locale: string | null }): Translate;
}

export function communityContext(
  deps: Pick<JobDeps, "store" | "jobs" | "now">,
  community: CommunityRecord,
  port: PlatformPort,
  log: Logger,
): CommunityContext {
  const communityLocale = resolveLocale(null, community.locale);
  return {
    community, port: communityPort(port, community), log, jobs: deps.jobs, now: deps.now,
    store: deps.store.forCommunity(community.id),
    communityLocale,
    communityT: translator(communityLocale),
    memberT: (member) => translator(resolveLocale(member.locale, community.locale)),
  };
}

/** A message whose buttons carry the community's platform id (what every button a platform sends carries, where it needs to). */
export function withCommunityButtons<M extends { buttons?: Message["buttons"] }>(message: M, communityExternalId: string): M {
  if (!message.buttons?.length) return message;
  return { ...message, buttons: message.buttons.map((b) => ({ ...b, actionId: withCommunity(communityExternalId, b.actionId) })) };
}

/**
 * The port as one community's use cases see it: on a platform where a button may come back
 * without its community (a Discord direct message), every message's buttons carry it, whoever
 * sends it (a command, a job) and wherever it goes (a channel, a DM, a pair space that is a DM).
 */
function communityPort(port: PlatformPort, community: CommunityRecord): PlatformPort {
  if (!port.buttonsCarryCommunity) return port;
  const tagged = (message: Message) => withCommunityButtons(message, community.externalId);
  return {
    ...port,
    postMessage: (channelId, message, delivery) => port.postMessage(channelId, tagged(message), delivery),
    editMessage: (ref, message) => port.editMessage(ref, tagged(message)),
    sendDirectMessage: (userId, message, delivery) => port.sendDirectMessage(userId, tagged(message), delivery),
  };
}

/**
 * The community a job belongs to, as a use case's context on this process's connection to its
 * platform; nothing when the community is gone or its platform no longer serves it (a Slack
 * workspace that uninstalled the app): then the job does nothing. A process without that
 * connection cannot do the job: it fails, to be retried.
 */
export async function communityOfJob(deps: JobDeps, communityId: string | null): Promise<CommunityContext | undefined> {
  const community = communityId ? await deps.store.communities.find(communityId) : null;
  if (!community) return undefined;
  const port = await deps.portFor(community);
  if (!port) {
    deps.log.info({ community: community.id }, "job skipped: the platform no longer serves this community");
    return undefined;
  }
  return communityContext(deps, community, port, deps.log.child({ community: community.id }));
}

/** The zone a time is written in where a platform cannot show each reader's own: the member's, else the community's. */
export const zoneOf = (ctx: { member: { timeZone: string | null }; community: { timeZone: string } }): string =>
  ctx.member.timeZone ?? ctx.community.timeZone;

export type Permission = "member" | "organizer";

/** Who is acting, as the adapter saw them. */
export interface Actor {
  platform: Platform;
  community: {
    externalId: string;
    name: string;
    /** False when the bot is not in this guild or workspace (removed, or only its commands added): nothing is created or set there. */
    botIsMember?: boolean | undefined;
  };
  userId: string;
  displayName: string;
  /** The platform's locale for this member ("ja", "en-US"), when it tells. */
  locale?: string | undefined;
  /** The platform's IANA time zone for this member (Slack's users.info tz), when it tells. */
  timeZone?: string | undefined;
  /** Holds the organizer right on this platform (Discord Manage Server, Slack admin, console organizer). */
  isOrganizer: boolean;
  /**
   * Whether the member belongs to a Discord role or Slack user group: asked only when the
   * community names one as its organizers.
   */
  inGroup?: ((groupId: string) => Promise<boolean>) | undefined;
  /** Where the member acted, when that was a channel. */
  channelId?: string | undefined;
}

/** One command as /help lists and explains it. */
export interface CommandSummary {
  /** The command it belongs to: "musubi" of "musubi setup". */
  command: string;
  /** What a member types: "intro", "musubi setup". */
  path: string;
  description: PlainMessageKey;
  permission: Permission;
  /** Its options as /help explains them (the shape of command.ts's OptionSpec, which imports this file). */
  options: Record<string, { label: PlainMessageKey; description: PlainMessageKey; required: boolean; choices?: readonly { value: string; label: Record<Locale, string> }[] }>;
}

/** A member's command, button or form: the community's context, who acts, and in which language. */
export interface CommandContext extends CommunityContext {
  actor: Actor;
  member: MemberRecord;
  /** The member's language, resolved once for this invocation. */
  locale: Locale;
  t: Translate;
  /** Every command served, for /help. */
  commandList: readonly CommandSummary[];
  /** Where the bot's HTTP port is reached from outside, when it serves calendar feeds. */
  publicUrl?: string | undefined;
  /** Shows a form (prefilled with the member's current answers) as the answer to this invocation. */
  openForm(formId: string, page?: number): Promise<Outcome>;
}
