import { z } from "zod";
import { normalizeAttribute, PROGRAM_RULES, type MentoringRole, type ProgramRule, type Weights } from "../matching/index.js";

// Pairing programs: besides the community's default program (weekly cross-industry pairing, its
// settings in PairingSettings), organizers may run others, each with its own channel, rhythm,
// pool and rule. A program's name is what members type in `/match join program:...`.

export const PROGRAM_NAME_MAX = 32;
/** A program's question (within a group) and a member's answer to it. */
export const PROGRAM_QUESTION_MAX = 40;
export const PROGRAM_ATTRIBUTE_MAX = 40;
/** Programs one community may run besides its default one. */
export const PROGRAMS_MAX = 10;

/** Letters (any script), digits, "-" and "_": a name that reads the same in a command. */
export const programNameSchema = z.string().trim().min(1).max(PROGRAM_NAME_MAX).regex(/^[\p{L}\p{N}_-]+$/u, { error: "error.programName" });

/** The key two names are compared by: "Mentoring" and "ｍｅｎｔｏｒｉｎｇ" are one program. */
export const programKey = (name: string): string => normalizeAttribute(name);

/** The name members use for the default program, reserved so that no other program takes it. */
export const DEFAULT_PROGRAM_KEY = "weekly";

export interface ProgramSettings {
  id: string;
  name: string;
  rule: ProgramRule;
  /** Within-group programs: what members are asked to give, e.g. "cohort" or 「期」. */
  question: string | null;
  enabled: boolean;
  channelId: string;
  cadenceWeeks: number;
  /** ISO weekday in the community's time zone. */
  weekday: number;
  hour: number;
  groupSize: 2 | 3;
}

export const isProgramRule = (value: string): value is ProgramRule => (PROGRAM_RULES as readonly string[]).includes(value);

/**
 * Weights each rule starts from (the engine's defaults otherwise): mentoring prefers one level
 * apart and cares less for different industries (a 先輩 of the same trade helps most); within a
 * group and in person the shared attribute or city is the point, and a different industry still
 * widens the view.
 */
export const RULE_WEIGHTS: Record<ProgramRule, Partial<Weights>> = {
  "cross-industry": {},
  mentoring: { seniorityGap1: 400, seniorityGap2: 300, differentIndustry: 100, offerSeek: 300 },
  "within-group": {},
  "in-person": { sameCityInPerson: 0 },
};

/** What a member gives when joining a program: a role for mentoring, an attribute within a group. */
export interface ProgramAnswer {
  role?: MentoringRole;
  attribute?: string;
}
