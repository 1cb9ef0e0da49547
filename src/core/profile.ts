import { z } from "zod";
import { linksIn } from "./links.js";
import { memberText } from "./text.js";

// The vocabulary of an introduction. Keys are stored; labels live in the i18n catalogues.
export const INDUSTRIES = [
  "it", "finance", "consulting", "manufacturing", "medical", "education", "media", "retail",
  "public", "research", "design", "marketing", "realEstate", "logistics", "legal", "nonprofit",
  "other",
] as const;
export type Industry = (typeof INDUSTRIES)[number];

/** Ordered from least to most experienced: the pairing engine reads the gap between levels. */
export const SENIORITY_LEVELS = ["student", "1-3", "3-7", "7-15", "15+"] as const;
export type Seniority = (typeof SENIORITY_LEVELS)[number];

export const MEETING_PREFERENCES = ["online", "in_person", "either"] as const;

export const SPOKEN_LANGUAGES = ["ja", "en", "zh", "ko", "vi", "es", "fr", "de", "pt"] as const;
export type SpokenLanguage = (typeof SPOKEN_LANGUAGES)[number];

export const PROFILE_LIMITS = {
  role: 60,
  city: 40,
  bio: 300,
  tagList: 200,
  tag: 40,
  tags: 10,
} as const;

/** A list typed as free text: separated by commas (ASCII or Japanese), semicolons or new lines. */
export function splitList(text: string): string[] {
  const seen = new Set<string>();
  const items: string[] = [];
  for (const raw of text.split(/[,，、;；\n]/)) {
    const item = raw.trim().replace(/\s+/g, " ");
    const key = item.toLowerCase();
    if (item && !seen.has(key)) {
      seen.add(key);
      items.push(item);
    }
  }
  return items;
}

const text = (max: number, options: { paragraphs?: boolean } = {}) => memberText(options).max(max).default("");
/** One line, required, no link (a card's headline). */
const requiredText = (max: number) => memberText().min(1).max(max).refine((text) => linksIn(text).length === 0, { error: "error.linkNotAllowed" });
const tagList = (required: boolean) =>
  memberText({ paragraphs: true })
    .max(PROFILE_LIMITS.tagList)
    .default("")
    .transform(splitList)
    .pipe(
      z
        .array(z.string().max(PROFILE_LIMITS.tag, { error: "itemTooLong" }))
        .min(required ? 1 : 0)
        .max(PROFILE_LIMITS.tags),
    );

/**
 * The intro form as typed by a member: every field arrives as text (selects as their key,
 * multi-selects as a list). The output is what is stored.
 */
export const introFormSchema = z.object({
  industry: z.enum(INDUSTRIES),
  role: requiredText(PROFILE_LIMITS.role),
  seniority: z.enum(SENIORITY_LEVELS),
  interests: tagList(false),
  canOffer: tagList(true),
  lookingFor: tagList(true),
  languages: z
    .union([z.array(z.string()), z.string().transform(splitList)])
    .pipe(z.array(z.enum(SPOKEN_LANGUAGES)).min(1).max(SPOKEN_LANGUAGES.length)),
  city: text(PROFILE_LIMITS.city),
  meetingPreference: z.enum(MEETING_PREFERENCES),
  bio: text(PROFILE_LIMITS.bio, { paragraphs: true }),
});

export type Intro = z.output<typeof introFormSchema>;

/** What is read back from storage: the JSON columns are checked again rather than trusted. */
export const storedTagsSchema = z.array(z.string());
