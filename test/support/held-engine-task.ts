// A worker task for test/app/engine-off-thread.test.ts: the engine's task, started only once the
// main thread has said so through shared memory. Were the task run on the main thread, the main
// thread could not say so while it waits: the wait ends at its limit and the order shows it.
import { pairDocument, type EngineAnswer, type EngineTask } from "../../src/app/pairing/engine-task.js";

export interface HeldEngineTask extends EngineTask {
  /** Int32Array over a SharedArrayBuffer: 0 until the main thread lets the engine start. */
  go: Int32Array;
}

/** Longest wait for the main thread's go: the test fails by order of events, never by hanging. */
const WAIT_LIMIT_MS = 20_000;

export function pairWhenLetGo({ go, ...task }: HeldEngineTask): EngineAnswer & { letGo: boolean } {
  const letGo = Atomics.wait(go, 0, 0, WAIT_LIMIT_MS) !== "timed-out";
  return { ...pairDocument(task), letGo };
}
