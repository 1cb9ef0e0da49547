import type { Intro } from "../../core/profile.js";
import { translator, type Locale } from "../../i18n/index.js";
import type { Card } from "../../port/message.js";

/** The introduction card, in one language (the community's when posted, the reader's when shown). */
export function introCard(intro: Intro, name: string, locale: Locale): Card {
  const t = translator(locale);
  const list = (items: readonly string[]) => (items.length > 0 ? items.join(", ") : t("common.none"));
  return {
    title: t("intro.cardTitle", { name }),
    ...(intro.bio ? { description: intro.bio } : {}),
    fields: [
      { name: t("intro.field.industry"), value: t(`industry.${intro.industry}`), inline: true },
      { name: t("intro.field.role"), value: intro.role, inline: true },
      { name: t("intro.field.seniority"), value: t(`seniority.${intro.seniority}`), inline: true },
      { name: t("intro.field.canOffer"), value: list(intro.canOffer) },
      { name: t("intro.field.lookingFor"), value: list(intro.lookingFor) },
      { name: t("intro.field.interests"), value: list(intro.interests) },
      { name: t("intro.field.languages"), value: list(intro.languages.map((l) => t(`language.${l}`))), inline: true },
      { name: t("intro.field.city"), value: intro.city || t("common.none"), inline: true },
      { name: t("intro.field.meetingPreference"), value: t(`meeting.${intro.meetingPreference}`), inline: true },
    ],
    footer: t("intro.cardFooter"),
  };
}
