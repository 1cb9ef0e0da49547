import type { MessageKey, MessageParams } from "../i18n/index.js";

/** A problem the member can fix: shown to them in their language; not logged as a failure. */
export class UserError extends Error {
  constructor(
    readonly messageKey: MessageKey,
    readonly params: MessageParams = {},
  ) {
    super(messageKey);
    this.name = "UserError";
  }
}

/** `unsupported`: the platform has no such thing (a calendar event on Slack): ask it only where the port says it can. */
export type PlatformErrorCode = "not_found" | "forbidden" | "rate_limited" | "unavailable" | "unsupported";

/** A platform call that failed, in terms a use case can act on. Adapters translate their own errors. */
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

/** The calendar-event methods of a port whose platform has no calendar (see supportsCalendarEvents). */
export function noCalendarEvents(platform: string): () => Promise<never> {
  return async () => {
    throw new PlatformError("unsupported", `${platform} has no calendar events`);
  };
}

/** Wraps a platform call so that its failures reach the use case as the adapter's PlatformError. */
export function translatingErrors(toPlatformError: (error: unknown) => unknown) {
  return async <T>(call: () => Promise<T>): Promise<T> => {
    try {
      return await call();
    } catch (error) {
      throw toPlatformError(error);
    }
  };
}
