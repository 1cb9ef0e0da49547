// Message catalogues. One file per feature, named by the keys' prefixes: common.ts (common.*,
// error.*, form.*, help.*, language.*), intro.ts (intro.*, profile.*, welcome.*, industry.*,
// seniority.*, meeting.*), setup.ts (setup.*), privacy.ts (forget.*), pairing.ts (match.*,
// pairing.*, pairingRound.*, reason.*), offers.ts (offer.*, ask.*, offers.*), rounds.ts (rounds.*),
// sessions.ts (sessions.*: talks, after-parties, check-in, lists and feeds of rounds),
// network.ts (network.*, myData.*, stats.*), home.ts (home.*), meeting.ts (pairTime.*, optIn.*),
// settings.ts (settings.*).
// Each key holds its Japanese and English text side by side. Placeholders are written {name};
// their names are read from the literal texts, so t(key, params) must be given exactly the
// placeholders of that key (no params for a key without any). test/unit/i18n.test.ts checks both
// languages have the same placeholders and that every key is used.
import { commonMessages } from "./common.js";
import { homeMessages } from "./home.js";
import { introMessages } from "./intro.js";
import { meetingMessages } from "./meeting.js";
import { networkMessages } from "./network.js";
import { offersMessages } from "./offers.js";
import { pairingMessages } from "./pairing.js";
import { privacyMessages } from "./privacy.js";
import { programsMessages } from "./programs.js";
import { roundsMessages } from "./rounds.js";
import { settingsMessages } from "./settings.js";
import { sessionsMessages } from "./sessions.js";
import { setupMessages } from "./setup.js";

export const LOCALES = ["ja", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export type Localized = Record<Locale, string>;

/** Every message in both languages. */
export const messages = {
  ...commonMessages,
  ...introMessages,
  ...setupMessages,
  ...privacyMessages,
  ...pairingMessages,
  ...programsMessages,
  ...meetingMessages,
  ...offersMessages,
  ...roundsMessages,
  ...sessionsMessages,
  ...networkMessages,
  ...homeMessages,
  ...settingsMessages,
} as const satisfies Record<string, Localized>;

export type MessageKey = keyof typeof messages;

/** The placeholder names of a text: "Hi {name}, {count} new" -> "name" | "count". */
export type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer R}` ? P | Placeholders<R> : never;
/** The placeholders of a key, over both languages (a union key: over all of its keys). */
type ParamNames = { [K in MessageKey]: Placeholders<(typeof messages)[K][Locale]> };
export type MessageParamName<K extends MessageKey> = ParamNames[K];
export type MessageParamValue = string | number;
/** Values of placeholders, untyped: what a translation fills in. */
export type MessageParams = Record<string, MessageParamValue>;
/** The arguments after the key: none for a key without placeholders, else a value for each placeholder. */
export type MessageArgs<K extends MessageKey> = [MessageParamName<K>] extends [never]
  ? []
  : [params: Record<MessageParamName<K>, MessageParamValue>];
/** The keys whose texts take no placeholder other than P (MessageKeyWith<never>: none at all). */
export type MessageKeyWith<P extends string> = { [K in MessageKey]: MessageParamName<K> extends P ? K : never }[MessageKey];
export type PlainMessageKey = MessageKeyWith<never>;

export type Translate = <K extends MessageKey>(key: K, ...params: MessageArgs<K>) => string;

/** Choices as the language lists alternatives: "A, B, or C"; 「A、B、またはC」. */
export function listAlternatives(locale: Locale, choices: readonly string[]): string {
  return new Intl.ListFormat(locale, { type: "disjunction" }).format(choices);
}

/** Members named together, each with the language's honorific: 「@aikoさん、@kenさん」; "@aiko and @ken". */
export function listMembers(locale: Locale, names: readonly string[]): string {
  return locale === "ja" ? names.map((name) => `${name}さん`).join("、") : new Intl.ListFormat(locale, { type: "conjunction" }).format(names);
}

/** Sentences one after another as the language writes them: Japanese without a space after "。". */
export function joinSentences(locale: Locale, sentences: readonly string[]): string {
  return sentences.join(locale === "ja" ? "" : " ");
}

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

/** The placeholder names of a text, in order, as translate fills them. */
export function placeholdersIn(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);
}

/**
 * Whether a string (a custom zod message, say) is a key whose texts take no placeholder other
 * than `names`.
 */
export function isMessageKeyWith<const P extends string>(key: string, names: readonly P[]): key is MessageKeyWith<P> {
  if (!Object.hasOwn(messages, key)) return false;
  const texts: Localized = messages[key as MessageKey];
  return LOCALES.every((locale) => placeholdersIn(texts[locale]).every((name) => (names as readonly string[]).includes(name)));
}

export function translate<K extends MessageKey>(locale: Locale, key: K, ...[params]: MessageArgs<K>): string {
  const values: MessageParams = params ?? {};
  const text: string = messages[key][locale];
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

export function translator(locale: Locale): Translate {
  return (key, ...params) => translate(locale, key, ...params);
}

/** Both languages of one message, for platform fields that carry localizations (command descriptions). */
export function localized<K extends MessageKey>(key: K, ...params: MessageArgs<K>): Localized {
  return { ja: translate("ja", key, ...params), en: translate("en", key, ...params) };
}
