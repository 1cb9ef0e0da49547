// What a platform adapter is working on, so that a stopping process can let it finish.

export interface Inflight {
  /** Counts `work` until it settles. */
  track(work: Promise<unknown>): void;
  readonly size: number;
  /** Resolves once nothing is in flight (work tracked meanwhile included). */
  idle(): Promise<void>;
}

export function createInflight(): Inflight {
  const pending = new Set<Promise<unknown>>();
  return {
    track(work) {
      pending.add(work);
      work.then(() => pending.delete(work), () => pending.delete(work));
    },
    get size() {
      return pending.size;
    },
    async idle() {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
  };
}
