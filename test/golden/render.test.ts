// Golden files of what members see: the intro card as Discord and Slack bodies, and the intro
// form as a Discord modal (page 1) and a Slack modal, in Japanese and English. A change of look
// shows up as a diff of the JSON beside this file; review it, then update with `vitest -u`.
import { afterAll, describe, expect, it } from "vitest";
import { commands } from "../../commands/index.js";
import type { Actor } from "../../src/app/context.js";
import { createMusubi } from "../../src/app/dispatcher.js";
import { introCard } from "../../src/app/intro/card.js";
import type { FormView } from "../../src/app/reply.js";
import type { Intro } from "../../src/core/profile.js";
import { translate, translator, type Locale } from "../../src/i18n/index.js";
import { createLogger } from "../../src/logger.js";
import * as discord from "../../src/platforms/discord/render.js";
import * as slack from "../../src/platforms/slack/render.js";
import type { Message } from "../../src/port/message.js";
import { sqliteStore } from "../support/db.js";
import { recordingPort } from "../support/recording-port.js";

const LOCALES: Locale[] = ["ja", "en"];

const intro: Intro = {
  industry: "it",
  role: "Backend engineer",
  seniority: "3-7",
  canOffer: ["code review", "面接練習"],
  lookingFor: ["デザインのメンター"],
  interests: ["Rust", "登山"],
  languages: ["ja", "en"],
  city: "大阪",
  meetingPreference: "in_person",
  bio: "Rust で決済基盤を作っています。**Coffee** chats welcome.",
};

/** The card message as saveIntro posts it (text + card in the community's language). */
const cardMessage = (locale: Locale): Message => ({
  text: translate(locale, "intro.cardText", { mention: "<@U0AKI0001>" }),
  cards: [introCard(intro, "Aki Tanaka", locale)],
});

const golden = (name: string) => `./${name}.json`;
const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

const store = sqliteStore();
afterAll(() => store.disconnect());

/** The intro form as the dispatcher builds it for /intro, for a member of `locale`. */
async function introForm(locale: Locale): Promise<FormView> {
  const musubi = createMusubi({
    jobs: { schedule: async () => undefined, runSoon: () => undefined },
    store, commands, log: createLogger({ level: "silent", secrets: [] }), defaults: { locale: "ja", timeZone: "Asia/Tokyo" },
  });
  const actor: Actor = {
    platform: "console", community: { externalId: `golden-${locale}`, name: "Golden" }, userId: `golden-${locale}`,
    displayName: "Aki Tanaka", locale, isOrganizer: false, channelId: "general",
  };
  const outcome = await musubi.command(recordingPort().port, actor, { name: "intro", options: {} });
  if (outcome.type !== "form") throw new Error(`expected a form, got ${JSON.stringify(outcome)}`);
  return outcome.form;
}

describe.each(LOCALES)("golden render (%s)", (locale) => {
  it(`given a fixed intro then the Discord card message matches discord-card.${locale}.json`, async () => {
    await expect(json(discord.renderMessage(cardMessage(locale)))).toMatchFileSnapshot(golden(`discord-card.${locale}`));
  });

  it(`given a fixed intro then the Slack card message matches slack-card.${locale}.json`, async () => {
    await expect(json(slack.renderMessage(cardMessage(locale)))).toMatchFileSnapshot(golden(`slack-card.${locale}`));
  });

  it(`given /intro then the Discord modal of page 1 matches discord-intro-modal.${locale}.json`, async () => {
    const form = await introForm(locale);
    expect(form.page).toBe(0);
    await expect(json(discord.renderModal(form, 0).toJSON())).toMatchFileSnapshot(golden(`discord-intro-modal.${locale}`));
  });

  it(`given /intro then the Slack modal matches slack-intro-modal.${locale}.json`, async () => {
    const form = await introForm(locale);
    const view = slack.renderModal(form, translator(locale), JSON.stringify({ channelId: "C0GENERAL" }));
    await expect(json(view)).toMatchFileSnapshot(golden(`slack-intro-modal.${locale}`));
  });
});
