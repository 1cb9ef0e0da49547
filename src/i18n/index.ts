import { en, type MessageKey } from "./en.js";
import { ja } from "./ja.js";

export type { MessageKey };
export const LOCALES = ["ja", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export type Localized = Record<Locale, string>;
export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

const catalogues: Record<Locale, Record<MessageKey, string>> = { en, ja };

export function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}

/** Maps a platform locale ("ja", "ja-JP", "en-US", "en_GB") to a supported one, if any. */
export function toLocale(platformLocale: string | null | undefined): Locale | undefined {
  const base = platformLocale?.toLowerCase().split(/[-_]/)[0];
  return base && isLocale(base) ? base : undefined;
}

/** The member's own language first, then the community's. */
export function resolveLocale(memberLocale: string | null | undefined, communityLocale: string): Locale {
  return toLocale(memberLocale) ?? toLocale(communityLocale) ?? "ja";
}

export function translate(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  return catalogues[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export function translator(locale: Locale): Translate {
  return (key, params) => translate(locale, key, params);
}

/** The community's language: for what everyone reads (cards, announcements, shared spaces). */
export function communityTranslator(community: { locale: string }): Translate {
  return translator(resolveLocale(null, community.locale));
}

/** A member's own language, else the community's: for what one member reads. */
export function memberTranslator(community: { locale: string }, member: { locale: string | null }): Translate {
  return translator(resolveLocale(member.locale, community.locale));
}

/** Both languages of one message, for platform fields that carry localizations (command descriptions). */
export function localized(key: MessageKey, params?: MessageParams): Localized {
  return { ja: translate("ja", key, params), en: translate("en", key, params) };
}
