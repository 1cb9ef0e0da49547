import type { Logger } from "../logger.js";

// Connecting to a platform at start: a platform that is down or refuses the token is tried again
// with back-off (1 s, 2 s, 4 s … at most 5 minutes) while the rest of the process serves.

export interface Backoff {
  initialMs: number;
  maxMs: number;
}

export const CONNECT_BACKOFF: Backoff = { initialMs: 1000, maxMs: 5 * 60_000 };

export interface RetryOptions {
  backoff: Backoff;
  log: Logger;
  /** Why an attempt failed, in words an operator can act on. */
  describe(error: unknown): string;
  /** Checked before every attempt: a stopping process gives up. */
  stopped(): boolean;
}

/** Runs `attempt` until it succeeds; resolves with its result, or undefined once stopped. */
export async function retryWithBackoff<T>(attempt: () => Promise<T>, options: RetryOptions): Promise<T | undefined> {
  const { backoff, log } = options;
  for (let failures = 0; !options.stopped(); failures++) {
    try {
      return await attempt();
    } catch (error) {
      const retryInMs = Math.min(backoff.initialMs * 2 ** failures, backoff.maxMs);
      log.warn({ err: error, attempt: failures + 1, retryInMs }, `${options.describe(error)}; retrying in ${formatMs(retryInMs)}`);
      await new Promise((resolve) => setTimeout(resolve, retryInMs).unref());
    }
  }
  return undefined;
}

const formatMs = (ms: number) => (ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`);
