import { z } from "zod";
import { MEETING_PREFERENCES, SENIORITY_LEVELS } from "../profile.js";
import { isValidTimeZone } from "../time.js";
import { MENTORING_ROLES, PROGRAM_RULES } from "./rules.js";

/** The intro's vocabulary: the scorer reads the gap between seniority levels. */
export const SENIORITY = SENIORITY_LEVELS;
export const MEETING = MEETING_PREFERENCES;

const tags = z.array(z.string().trim().min(1).max(80)).max(50).default([]);

export const memberSchema = z.object({
  id: z.string().min(1).max(200),
  name: z.string().max(200).optional(),
  industry: z.string().trim().min(1).max(60),
  seniority: z.enum(SENIORITY),
  canOffer: tags,
  lookingFor: tags,
  interests: tags,
  languages: z.array(z.string().trim().min(1).max(20)).min(1).max(20),
  timeZone: z.string().refine(isValidTimeZone, { message: "unknown IANA time zone" }).default("UTC"),
  city: z.string().trim().max(80).optional(),
  meetingPreference: z.enum(MEETING).default("either"),
  /** Mentoring programs: the role the member chose (else seniority decides); not the intro's job role. */
  mentoringRole: z.enum(MENTORING_ROLES).optional(),
  /** Within-group programs: the attribute the member gave (a cohort, a school, a team). */
  group: z.string().trim().max(60).optional(),
});

const isoDate = z.string().refine((s) => !Number.isNaN(Date.parse(s)), { message: "not an ISO date" });

/** `mutual`: after this meeting both said they would like to meet again (see `weights.meetAgain`). */
export const historySchema = z.object({ a: z.string(), b: z.string(), at: isoDate, mutual: z.boolean().default(false) });
export const blockSchema = z.object({ by: z.string(), blocked: z.string() });

/**
 * The most points one weight may give: far above any sensible setting, and low enough that the
 * sum of every part of a pair's score stays an exact integer for the solver.
 */
export const MAX_WEIGHT = 100_000;
const points = () => z.number().int().min(0).max(MAX_WEIGHT);

/** Points (integers). A pair's score is the sum of the parts that apply. */
export const weightsSchema = z.object({
  /** The two members work in different industries. */
  differentIndustry: points().default(300),
  /** Seniority gap of 0, 1, 2, 3+ levels. */
  seniorityGap0: points().default(100),
  seniorityGap1: points().default(250),
  seniorityGap2: points().default(180),
  seniorityGap3: points().default(30),
  /** Per direction in which one member's canOffer meets the other's lookingFor. */
  offerSeek: points().default(200),
  /** Extra points per additional matching tag (up to 2 extra per direction). */
  offerSeekExtraTag: points().default(40),
  /** Full working-day overlap (9:00–18:00 local) of the two time zones; scaled by hours. */
  timeZoneOverlap: points().default(150),
  /** Both prefer meeting in person and live in the same city. */
  sameCityInPerson: points().default(200),
  /** Per shared interest (up to 3). */
  sharedInterest: points().default(40),
  /** Penalty for having met before, halved every `historyHalfLifeWeeks`. */
  metBefore: points().default(400),
  historyHalfLifeWeeks: z.number().min(1).max(520).default(12),
  /**
   * Taken off the `metBefore` penalty (never below zero) when the pair's most recent meeting
   * was mutual (both would like to meet again) and is at least `noRepeatWeeks` ago.
   */
  meetAgain: points().default(400),
});
export type Weights = z.output<typeof weightsSchema>;

/**
 * The weights the engine can take out of stored ones: a weight it would refuse (saved by an
 * older version, or edited in the database) is left out, so its default applies and the
 * community's rounds go on.
 */
export function usableWeights(weights: Readonly<Record<string, number>>): Partial<Weights> {
  const shape: Record<string, z.ZodType> = weightsSchema.shape;
  return Object.fromEntries(Object.entries(weights).filter(([name, value]) => shape[name]?.safeParse(value).success));
}

export const settingsSchema = z.object({
  groupSize: z.union([z.literal(2), z.literal(3)]).default(2),
  /** Pairs that met fewer than this many weeks ago are avoided whenever another grouping exists. */
  noRepeatWeeks: z.number().int().min(0).max(520).default(8),
  weights: weightsSchema.default(weightsSchema.parse({})),
  /** The program's rule: which pairs are allowed at all (see rules.ts). */
  rule: z.enum(PROGRAM_RULES).default("cross-industry"),
  /** Date of the round: ages of past meetings and time-zone offsets are taken at this instant. */
  now: isoDate.optional(),
});

export const pairingInputSchema = z
  .object({
    members: z.array(memberSchema),
    history: z.array(historySchema).default([]),
    blocks: z.array(blockSchema).default([]),
    settings: settingsSchema.default(settingsSchema.parse({})),
  })
  .superRefine((doc, ctx) => {
    const ids = new Set<string>();
    doc.members.forEach((m, i) => {
      if (ids.has(m.id)) ctx.addIssue({ code: "custom", path: ["members", i, "id"], message: `duplicate member id "${m.id}"` });
      ids.add(m.id);
    });
    doc.history.forEach((h, i) => {
      for (const key of ["a", "b"] as const) {
        if (!ids.has(h[key])) ctx.addIssue({ code: "custom", path: ["history", i, key], message: `unknown member "${h[key]}" in history` });
      }
      if (h.a === h.b) ctx.addIssue({ code: "custom", path: ["history", i], message: "a member cannot meet themselves" });
    });
    doc.blocks.forEach((b, i) => {
      for (const key of ["by", "blocked"] as const) {
        if (!ids.has(b[key])) ctx.addIssue({ code: "custom", path: ["blocks", i, key], message: `unknown member "${b[key]}" in blocks` });
      }
    });
  });

export type Member = z.output<typeof memberSchema>;
export type Block = z.output<typeof blockSchema>;
export type PairingSettings = z.output<typeof settingsSchema>;
export type PairingInput = z.output<typeof pairingInputSchema>;
/** The document as written (defaults not yet applied). */
export type PairingInputDocument = z.input<typeof pairingInputSchema>;

/** `{ n, edges: [[u, v, w], ...] }` for the solver CLI: integer, non-negative weights. */
export const graphInputSchema = z
  .object({
    n: z.number().int().min(0).max(10_000_000),
    edges: z.array(z.tuple([z.number().int(), z.number().int(), z.number().int().min(0).max(2 ** 40)])),
  })
  .superRefine((g, ctx) => {
    g.edges.forEach(([u, v], i) => {
      if (u < 0 || v < 0 || u >= g.n || v >= g.n) ctx.addIssue({ code: "custom", path: ["edges", i], message: `vertex out of range 0..${g.n - 1}` });
      else if (u === v) ctx.addIssue({ code: "custom", path: ["edges", i], message: "self-loop" });
    });
  });
export type GraphInput = z.output<typeof graphInputSchema>;

/** One line per issue: "path: message". */
export function formatIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 20)
    .map((i) => `${i.path.length ? i.path.join(".") : "(root)"}: ${i.message}`)
    .join("\n");
}
