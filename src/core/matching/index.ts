export { maxWeightMatching, edgesFromTriples, type WeightedEdges, type MatchingOptions, type MatchingResult } from "./blossom.js";
export {
  pairingInputSchema,
  graphInputSchema,
  memberSchema,
  settingsSchema,
  weightsSchema,
  usableWeights,
  MAX_WEIGHT,
  formatIssues,
  SENIORITY,
  type PairingInput,
  type PairingInputDocument,
  type Member,
  type Weights,
  type GraphInput,
} from "./input.js";
export { createScorer, renderReasonsEnglish, timeZoneOffsetMinutes, workingHoursOverlap, type Reason, type ReasonKind, type PairScorer } from "./score.js";
export { makeGroups, parsePairingInput, objective, type Group, type PairingResult, type PairingStats, type PairingOptions, type SolverStats } from "./pairing.js";
export { candidatePairs, DEFAULT_SPARSE, type SparseOptions } from "./sparse.js";
export { createRng, hashString, type Rng } from "./random.js";
export { unplacedReasons, type UnplacedReason } from "./unplaced.js";
export { PROGRAM_RULES, MENTORING_ROLES, normalizeAttribute, programRule, type ProgramRule, type MentoringRole } from "./rules.js";
