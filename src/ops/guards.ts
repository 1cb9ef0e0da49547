import { randomUUID } from "node:crypto";
import type { Logger } from "../logger.js";

/**
 * Once start-up is done, an exception or rejection nothing caught is logged with a reference and
 * the process goes on serving: one bad packet or listener must not stop every community. Before
 * that, it is a failure of start-up itself, and the process ends.
 */
export function guardProcess(log: Logger, startedUp: () => boolean): void {
  const guard = (kind: string) => (error: unknown) => {
    const ref = randomUUID().slice(0, 8);
    if (!startedUp()) {
      console.error(error);
      process.exit(1);
    }
    log.error({ err: error, ref }, `${kind}: logged and dropped, the process goes on`);
  };
  process.on("uncaughtException", guard("uncaught exception"));
  process.on("unhandledRejection", guard("unhandled rejection"));
}
