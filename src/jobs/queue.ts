import { z } from "zod";
import type { Logger } from "../logger.js";
import type { PlatformPort } from "../port/port.js";
import type { Platform } from "../store/records.js";
import type { Store } from "../store/repositories.js";
import type { Outbox } from "./outbox.js";

// Work that happens later, as every feature sees it.
//
// Terms (after graphile-worker's):
// - job: one piece of work due at a time, a row of the `Job` table, run once by one process.
// - kind: what a job does. Each kind has one payload schema here and one handler in its feature;
//   `schedule()` is type-checked against the schema where it is called and checked again at run
//   time, and a handler receives its payload already parsed.
// - dedupe key: names one planned job; scheduling the same key again changes nothing.
// - lease: how long a claimed job is its process's before another may take it over (scheduler.ts).
// - delivery: one message a job sends, recorded in the outbox so a re-run sends it once (outbox.ts).

const pairingRoundPayload = z.object({ period: z.string(), at: z.iso.datetime(), manual: z.boolean().default(false) });
const postPayload = z.object({ postId: z.string() });
const sessionPayload = z.object({ sessionId: z.string(), roundId: z.string(), revision: z.number().int() });

/** Every kind of job and the payload it carries. */
export const JOB_PAYLOADS = {
  "pairing.heads-up": pairingRoundPayload,
  "pairing.round": pairingRoundPayload,
  "pairing.follow-up": z.object({ roundId: z.string() }),
  "program.round": pairingRoundPayload.extend({ programId: z.string() }),
  "pairing.opt-in-reminder": pairingRoundPayload,
  "pairing.meeting": z.object({ groupId: z.string() }),
  "pairing.meeting-reminder": z.object({ groupId: z.string(), startsAt: z.iso.datetime() }),
  "offers.notices": postPayload,
  "offers.expire": postPayload,
  "rounds.reminder": sessionPayload.extend({ audience: z.enum(["participants", "facilitator"]), leadMinutes: z.number().int() }),
  "rounds.after": sessionPayload,
  "rounds.calendar": z.object({ roundId: z.string() }),
  "network.reconnect": z.object({}),
  "network.report": z.object({ month: z.string() }),
} as const;

export type JobKind = keyof typeof JOB_PAYLOADS;
export type JobPayload<K extends JobKind> = z.output<(typeof JOB_PAYLOADS)[K]>;

export interface NewJob<K extends string = string, P = Record<string, unknown>> {
  kind: K;
  /** Scheduling the same key again changes nothing: a job is planned once. */
  dedupeKey: string;
  dueAt: Date;
  communityId?: string | undefined;
  payload?: P;
}

export interface ClaimedJob<P = Record<string, unknown>> {
  id: string;
  kind: string;
  dedupeKey: string;
  communityId: string | null;
  payload: P;
  dueAt: Date;
  attempts: number;
}

export type JobHandler<P = Record<string, unknown>> = (job: ClaimedJob<P>) => Promise<void>;

/** One handler per kind, each given its kind's parsed payload. */
export type JobHandlers<K extends JobKind = JobKind> = { [Kind in K]: JobHandler<JobPayload<Kind>> };

/** What features use to plan work: payloads typed by their kind. */
export interface JobQueue {
  schedule<K extends JobKind>(job: NewJob<K, z.input<(typeof JOB_PAYLOADS)[K]>>): Promise<void>;
  /** Asks for due jobs to be run now rather than at the next poll. */
  runSoon(): void;
}

/** What every job handler is given. */
export interface JobDeps {
  store: Store;
  outbox: Outbox;
  jobs: JobQueue;
  /**
   * The port that acts in a community: nothing when its platform no longer serves it (a Slack
   * workspace that uninstalled the app), so its jobs do nothing. Rejects when this process has no
   * connection to that platform (the job is retried).
   */
  portFor(community: { platform: Platform; externalId: string }): Promise<PlatformPort | undefined>;
  log: Logger;
  now(): Date;
}
