/** The time as the bot sees it: the real clock, or one the console sets to replay a schedule. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that stands still until set: `:time` lines in console scripts move it. */
export function manualClock(start: Date) {
  let current = start;
  return {
    now: () => new Date(current.getTime()),
    set(at: Date) {
      current = at;
    },
  };
}
