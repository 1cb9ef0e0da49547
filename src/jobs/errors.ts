// What a job handler may throw besides its own failures. A leaf: the scheduler, the outbox and the
// app import it, and it imports nothing.
/**
 * Thrown by a handler that must wait for something outside it (another process's send under way):
 * the job runs again after `retryAfterMs`, and the wait does not count as one of its attempts.
 */
export class RetryLater extends Error {
  constructor(
    message: string,
    readonly retryAfterMs: number,
  ) {
    super(message);
    this.name = "RetryLater";
  }
}
