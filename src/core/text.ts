import { z } from "zod";

// Text shaping shared by every platform.

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/**
 * Text of at most `max` UTF-16 units (the platforms' limits: Discord's 2,000 characters, a 45-letter
 * modal title, Slack's 3,000): a longer text is cut after a whole character, so an emoji, a flag
 * or a letter with its accents is never split, and ends with "…".
 */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = 0;
  for (const { segment, index } of graphemes.segment(text)) {
    if (index + segment.length > max - 1) break;
    end = index + segment.length;
  }
  return `${text.slice(0, end)}…`;
}

/**
 * Packs lines into as few texts as possible, none longer than `limit` characters, keeping lines
 * whole and in order (a line longer than the limit alone is clipped with "…").
 */
export function packLines(lines: readonly string[], limit: number): string[] {
  const texts: string[] = [];
  let current = "";
  for (const raw of lines) {
    const line = clip(raw, limit);
    if (current && current.length + 1 + line.length > limit) {
      texts.push(current);
      current = line;
    } else {
      current = current ? `${current}\n${line}` : line;
    }
  }
  if (current) texts.push(current);
  return texts;
}

// The one rule for text a member types (every option and form field goes through it), and the
// same cleaning for names the platforms give us.

/** Controls that are never text: C0 and C1 controls and DEL (tab and newline decided per field), and the bidi embeddings, overrides and isolates that can make a card read in another order than it is stored. */
const CONTROL = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/u;
/** Characters that draw nothing: whitespace, format characters (zero-width, bidi marks), fillers that platforms show as blanks. */
const INVISIBLE = /^[\s\p{Cf}\p{Default_Ignorable_Code_Point}\p{Mn}\p{Me}\u2800\u3164\uFFA0\u115F\u1160]*$/u;

export const TEXT_ERRORS = {
  malformed: "error.textMalformed",
  control: "error.textControl",
  oneLine: "error.textOneLine",
  invisible: "error.textInvisible",
} as const;

/** Text that draws no character (made only of spaces, zero-width and other invisible characters). */
export const isInvisible = (text: string) => INVISIBLE.test(text);

/**
 * A member's text: well-formed Unicode (no lone surrogate), no control characters (newlines and
 * tabs only where `paragraphs` allows them), at least one visible character unless empty,
 * normalized to NFC with Windows and Unicode line breaks as "\n", trimmed. Chain `.min()`,
 * `.max()` and refinements after it: they see the normalized text.
 */
export function memberText(options: { paragraphs?: boolean } = {}): z.ZodString {
  const paragraphs = options.paragraphs ?? false;
  // Newlines are left to the one-line check, so a line break in a title is named as such.
  const allowed = paragraphs ? /[\n\t]/g : /\n/g;
  return z
    .string()
    .refine((text) => text.isWellFormed(), { error: TEXT_ERRORS.malformed, abort: true })
    .overwrite((text) => {
      const lines = text.normalize("NFC").replace(/\r\n?|[\u2028\u2029\u0085]/g, "\n");
      return paragraphs ? lines : lines.replace(/\t/g, " ");
    })
    .trim()
    .refine((text) => !CONTROL.test(text.replace(allowed, "")), { error: TEXT_ERRORS.control, abort: true })
    .refine((text) => paragraphs || !text.includes("\n"), { error: TEXT_ERRORS.oneLine, abort: true })
    .refine((text) => text === "" || !isInvisible(text), { error: TEXT_ERRORS.invisible, abort: true });
}

/**
 * Text as a database can keep it whatever it held (well-formed, NFC, no control characters but
 * newlines and tabs; PostgreSQL refuses NUL), for what is stored before the text rule has passed
 * it: a form's draft keeps even a refused answer, so the member need not type it again.
 */
export function storableText(text: string): string {
  return text.toWellFormed().normalize("NFC").replace(new RegExp(CONTROL.source, "gu"), (c) => (c === "\n" || c === "\t" ? c : ""));
}

/** The most of a platform's display name that is kept (Discord allows 32 characters, Slack 80). */
export const DISPLAY_NAME_LIMIT = 80;

/**
 * A name the platform gave, made safe to show and store: never refused, since a member cannot
 * always change it. Broken characters are replaced, controls become spaces, a long name is
 * clipped, and a name with nothing visible falls back to `fallback` (the platform's id).
 */
export function displayName(raw: string, fallback: string): string {
  const cleaned = raw.toWellFormed().normalize("NFC").replace(new RegExp(CONTROL.source, "gu"), " ").replace(/\s+/g, " ").trim();
  return cleaned === "" || isInvisible(cleaned) ? fallback : clip(cleaned, DISPLAY_NAME_LIMIT);
}
