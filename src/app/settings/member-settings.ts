import { resolveLocale, toLocale, translator, type Locale } from "../../i18n/index.js";
import type { Button } from "../../port/message.js";
import type { MemberSettingsChange } from "../../store/repositories.js";
import { zoneOf, type CommandContext } from "../context.js";
import { pairingPart } from "../home/member-home.js";
import { privateReply, type Outcome } from "../reply.js";
import { settingsActions } from "./actions.js";

// A member's own settings in one place (/settings): their time zone and language, each with where
// it comes from (their choice, the platform, the community), their pairing state and the switches
// of notices, with a button for each change. Time zone and language are changed here; "auto"
// hands either back to the platform (Slack's zone, the client's locale), else the community.

export type LanguageChoice = Locale | "auto";
export type TimeZoneChoice = string;

/** What a member may change at once: a zone (or "auto") and a language (or "auto"). */
export interface SettingsInput {
  timeZone?: TimeZoneChoice | undefined;
  language?: LanguageChoice | undefined;
}

const PLATFORM_NAMES = { discord: "Discord", slack: "Slack", console: "console" } as const;

/** `/settings` without options, or after a change with the lines that say what changed. */
export async function showSettings(ctx: CommandContext, saved: readonly string[] = []): Promise<Outcome> {
  const { t, member, community, store } = ctx;
  const platform = PLATFORM_NAMES[ctx.actor.platform];
  const zone = member.timeZone
    ? t(member.timeZoneSource === "member" ? "settings.from.member" : "settings.from.platform", { value: member.timeZone, platform })
    : t("settings.from.community", { value: community.timeZone });
  const language = t(`language.${ctx.locale}`);
  const languageLine = member.localeSource === "member"
    ? t("settings.from.member", { value: language })
    : toLocale(member.locale) ? t("settings.from.platform", { value: language, platform }) : t("settings.from.community", { value: language });
  const [pairing, noticesOn, { suggestions }] = await Promise.all([
    pairingPart(ctx), store.offers.noticesOn(member.id), store.network.preference(member.id),
  ]);
  const onOff = (on: boolean) => t(on ? "settings.on" : "settings.off");
  const switches: Button[] = [
    { actionId: settingsActions.offerNotices.id(noticesOn ? "off" : "on"), label: t(noticesOn ? "settings.button.offerNotices.off" : "settings.button.offerNotices.on") },
    { actionId: settingsActions.suggestions.id(suggestions ? "off" : "on"), label: t(suggestions ? "settings.button.suggestions.off" : "settings.button.suggestions.on") },
  ];
  const hint = t(ctx.actor.platform === "discord" ? "settings.howToChange.discord" : "settings.howToChange.text");
  return privateReply([...saved, hint].join("\n"), {
    cards: [
      {
        title: t("settings.title"),
        fields: [
          { name: t("settings.label.timeZone"), value: zone, inline: true },
          { name: t("settings.label.language"), value: languageLine, inline: true },
          { name: t("settings.field.offerNotices"), value: onOff(noticesOn), inline: true },
          { name: t("settings.field.suggestions"), value: onOff(suggestions), inline: true },
        ],
      },
      pairing.card,
    ],
    buttons: [...pairing.buttons, ...switches],
  });
}

/**
 * `/settings time_zone:… language:…`: both saved in one write, then the settings shown in the
 * language now chosen. A refused value never reaches here (the options' schemas refuse it).
 */
export async function changeSettings(ctx: CommandContext, input: SettingsInput): Promise<Outcome> {
  if (input.timeZone === undefined && input.language === undefined) return showSettings(ctx);
  const { actor } = ctx;
  const change: MemberSettingsChange = {
    ...(input.language === "auto"
      ? { locale: actor.locale ?? null, localeSource: actor.locale ? "platform" : null }
      : input.language ? { locale: input.language, localeSource: "member" } : {}),
    ...(input.timeZone === "auto"
      ? { timeZone: actor.timeZone ?? null, timeZoneSource: actor.timeZone ? "platform" : null }
      : input.timeZone ? { timeZone: input.timeZone, timeZoneSource: "member" } : {}),
  };
  const member = await ctx.store.members.changeSettings(ctx.member.id, change);
  const locale = resolveLocale(member.locale, ctx.community.locale);
  const t = translator(locale);
  const updated: CommandContext = { ...ctx, member, locale, t };
  const languageName = t(`language.${locale}`);
  const saved = [
    ...(input.timeZone === undefined ? [] : [t(input.timeZone === "auto" ? "settings.saved.timeZoneAuto" : "settings.saved.timeZone", { zone: zoneOf(updated) })]),
    ...(input.language === undefined ? [] : [t(input.language === "auto" ? "settings.saved.languageAuto" : "settings.saved.language", { language: languageName })]),
  ];
  return showSettings(updated, saved);
}
