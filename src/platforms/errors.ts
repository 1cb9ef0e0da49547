import { PlatformError } from "../port/errors.js";

// What every adapter does with its client library's failures.

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
