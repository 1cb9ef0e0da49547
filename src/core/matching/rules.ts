import { SENIORITY_LEVELS, type Seniority } from "../profile.js";

// A pairing program's rule as a hard constraint on the pairs the engine may make. Weights stay
// soft; a rule only says which pairs are allowed at all, so the solver is unchanged.

/** cross-industry: today's pairing, no constraint beyond languages and blocks. */
export const PROGRAM_RULES = ["cross-industry", "mentoring", "within-group", "in-person"] as const;
export type ProgramRule = (typeof PROGRAM_RULES)[number];

/** A role a member of a mentoring program may choose; without one, seniority decides. */
export const MENTORING_ROLES = ["mentor", "mentee"] as const;
export type MentoringRole = (typeof MENTORING_ROLES)[number];

/** What a rule reads of a member (input.ts's Member has it). */
export interface RuleMember {
  seniority: Seniority;
  mentoringRole?: MentoringRole | undefined;
  group?: string | undefined;
  city?: string | undefined;
  meetingPreference: string;
}

/**
 * Free text compared as the same value however it was typed: full-width and half-width forms,
 * case, and spaces do not matter ("Ｔｏｋｙｏ " = "tokyo", "2019 期" = "2019期").
 */
export function normalizeAttribute(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/\s+/g, "");
}

const level = (m: RuleMember) => SENIORITY_LEVELS.indexOf(m.seniority);

/**
 * Whether a mentor and a mentee: both chose a role (then the roles must differ), or seniority is
 * one or two levels apart and any role chosen agrees with it (the mentor is the more senior).
 */
function mentoringPair(a: RuleMember, b: RuleMember): boolean {
  if (a.mentoringRole && b.mentoringRole) return a.mentoringRole !== b.mentoringRole;
  const gap = level(a) - level(b);
  if (Math.abs(gap) < 1 || Math.abs(gap) > 2) return false;
  const seniorRole = gap > 0 ? a.mentoringRole : b.mentoringRole;
  const juniorRole = gap > 0 ? b.mentoringRole : a.mentoringRole;
  return seniorRole !== "mentee" && juniorRole !== "mentor";
}

/**
 * The rule's check on member indices, or null when the rule allows every pair. Keys are computed
 * once per member, so a check costs a comparison or two.
 */
export function programRule(rule: ProgramRule, members: readonly RuleMember[]): ((i: number, j: number) => boolean) | null {
  switch (rule) {
    case "cross-industry":
      return null;
    case "mentoring":
      return (i, j) => mentoringPair(members[i]!, members[j]!);
    case "within-group":
      return sameKey(members.map((m) => (m.group ? normalizeAttribute(m.group) : "")));
    case "in-person":
      return sameKey(members.map((m) => (m.meetingPreference === "in_person" && m.city ? normalizeAttribute(m.city) : "")));
  }
}

/** Allowed when both members have the same non-empty key. */
function sameKey(keys: readonly string[]): (i: number, j: number) => boolean {
  const ids = new Map<string, number>();
  const id = Int32Array.from(keys, (key) => {
    if (!key) return -1;
    if (!ids.has(key)) ids.set(key, ids.size);
    return ids.get(key)!;
  });
  return (i, j) => id[i]! >= 0 && id[i] === id[j];
}
