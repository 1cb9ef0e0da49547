// The platform's failures in terms a use case can act on. A leaf: the scheduler, the app and the
// adapters all import it, and it imports nothing.

/** `unsupported`: the platform has no such thing (a calendar event on Slack): ask it only where the port says it can. */
export type PlatformErrorCode = "not_found" | "forbidden" | "rate_limited" | "unavailable" | "unsupported";

/** A platform call that failed. Adapters translate their own errors into it. */
export class PlatformError extends Error {
  constructor(
    readonly code: PlatformErrorCode,
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = "PlatformError";
  }
}

/**
 * The platform refused for good: the member left or closed their DMs, the message or channel is
 * gone, access was taken away. Retrying does not help; the rest of the work goes on.
 */
export function isPermanentRefusal(error: unknown): error is PlatformError {
  return error instanceof PlatformError && (error.code === "not_found" || error.code === "forbidden");
}
