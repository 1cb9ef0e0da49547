import type { PairingInput } from "./input.js";

/**
 * Why the engine left a member out, as far as the member may be told: `language` (nobody else in
 * the pool speaks one of their languages), `blocks` (their own blocks leave nobody who does), or
 * `round` (the groups this round could not take them: an odd one out, or others' blocks, which
 * stay private).
 */
export type UnplacedReason = "language" | "blocks" | "round";

export function unplacedReasons(input: PairingInput, unplaced: readonly string[]): Map<string, UnplacedReason> {
  const languages = new Map(input.members.map((m) => [m.id, new Set(m.languages.map((l) => l.trim().toLowerCase()))]));
  const blockedBy = new Map<string, Set<string>>();
  for (const b of input.blocks) blockedBy.set(b.by, (blockedBy.get(b.by) ?? new Set()).add(b.blocked));
  const reasons = new Map<string, UnplacedReason>();
  for (const id of unplaced) {
    const own = languages.get(id) ?? new Set<string>();
    const speakers = input.members.filter((m) => m.id !== id && [...languages.get(m.id)!].some((l) => own.has(l)));
    const mine = blockedBy.get(id) ?? new Set<string>();
    reasons.set(id, speakers.length === 0 ? "language" : speakers.every((m) => mine.has(m.id)) ? "blocks" : "round");
  }
  return reasons;
}
