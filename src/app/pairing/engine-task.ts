import { makeGroups, parsePairingInput, unplacedReasons, type PairingResult, type UnplacedReason } from "../../core/matching/index.js";

// The engine's part of a round as one task on plain data, so that it can run in a worker thread
// (see pool.ts): the input checked, the groups made, and why anyone was left out.

export interface EngineTask {
  /** The engine's input as the store read it: checked here (see parsePairingInput). */
  document: unknown;
  seed: number;
}

export interface EngineAnswer {
  result: PairingResult;
  unplaced: [string, UnplacedReason][];
}

export function pairDocument({ document, seed }: EngineTask): EngineAnswer {
  const input = parsePairingInput(document);
  const result = makeGroups(input, seed);
  return { result, unplaced: [...unplacedReasons(input, result.unplaced)] };
}
