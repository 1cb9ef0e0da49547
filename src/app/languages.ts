import { LOCALES, resolveLocale, type Locale } from "../i18n/index.js";
import type { Message } from "../port/message.js";

// What several members read together (a pair space, the pairing channel) is written in each of
// their languages: one version after the other, Japanese first, set apart by a rule.

/** The line between two languages of one message. */
export const LANGUAGE_RULE = "──────────";

/** The languages of members reading one message: each one's own, else the community's; Japanese first. */
export function languagesOf(members: readonly { locale: string | null }[], communityLocale: string): Locale[] {
  const used = new Set(members.map((m) => resolveLocale(m.locale, communityLocale)));
  const languages = LOCALES.filter((locale) => used.has(locale));
  return languages.length > 0 ? languages : [resolveLocale(null, communityLocale)];
}

/**
 * One message in each language: the texts one after the other with a rule between them, the
 * cards of each language in turn, and each button (the same in every version) labelled in all of
 * them ("対面で会えた / Met in person").
 */
export function inLanguages(languages: readonly Locale[], write: (locale: Locale) => Message): Message {
  const versions = languages.map(write);
  const [first] = versions;
  if (!first) throw new Error("a message needs at least one language");
  if (versions.length === 1) return first;
  const buttons = first.buttons?.map((button, i) => ({ ...button, label: versions.map((v) => v.buttons?.[i]?.label ?? button.label).join(" / ") }));
  return {
    text: versions.map((v) => v.text).filter(Boolean).join(`\n${LANGUAGE_RULE}\n`),
    ...(versions.some((v) => v.cards?.length) ? { cards: versions.flatMap((v) => v.cards ?? []) } : {}),
    ...(buttons ? { buttons } : {}),
  };
}

/** A text in each language, one after the other with a rule between them. */
export function textInLanguages(languages: readonly Locale[], write: (locale: Locale) => string): string {
  return inLanguages(languages, (locale) => ({ text: write(locale) })).text;
}
