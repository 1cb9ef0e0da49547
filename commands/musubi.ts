import { z } from "zod";
import { handler, option, type CommandDefinition } from "../src/app/command.js";
import type { CommunitySettings } from "../src/store/repositories.js";
import { isValidTimeZone } from "../src/core/time.js";
import { LOCALES, localized } from "../src/i18n/index.js";

/** Organizer settings of the community. */
export const musubiCommand: CommandDefinition = {
  name: "musubi",
  description: "setup.description",
  subcommands: {
    setup: handler({
      description: "setup.description",
      permission: "organizer",
      options: {
        intro_channel: option.channel({ description: "setup.option.introChannel" }),
        welcome_channel: option.channel({ description: "setup.option.welcomeChannel" }),
        language: option.string({
          description: "setup.option.language",
          choices: LOCALES.map((value) => ({ value, label: localized(`language.${value}`) })),
        }),
        time_zone: option.custom({
          description: "setup.option.timeZone",
          required: false,
          schema: z.string().trim().refine(isValidTimeZone, { error: "error.timeZone" }).optional(),
        }),
      },
      async run(ctx, input) {
        const changes: CommunitySettings = {
          ...(input.intro_channel ? { introChannelId: input.intro_channel } : {}),
          ...(input.welcome_channel ? { welcomeChannelId: input.welcome_channel } : {}),
          ...(input.language ? { locale: input.language } : {}),
          ...(input.time_zone ? { timeZone: input.time_zone } : {}),
        };
        const changed = Object.keys(changes).length > 0;
        const community = changed ? await ctx.store.communities.updateSettings(ctx.community.id, changes) : ctx.community;
        if (changed) ctx.log.info({ changes: Object.keys(changes) }, "settings changed");
        const { t, port } = ctx;
        const channel = (id: string | null, unset: string) => (id ? port.mentionChannel(id) : unset);
        return {
          type: "reply",
          reply: {
            text: changed ? t("setup.saved") : t("setup.summary"),
            ephemeral: true,
            cards: [{
              title: t("setup.summary"),
              fields: [
                { name: t("setup.introChannel"), value: channel(community.introChannelId, t("setup.notSet")) },
                { name: t("setup.welcomeChannel"), value: channel(community.welcomeChannelId, t("setup.notSetWelcome")) },
                { name: t("setup.language"), value: t(`language.${community.locale === "en" ? "en" : "ja"}`), inline: true },
                { name: t("setup.timeZone"), value: community.timeZone, inline: true },
              ],
            }],
          },
        };
      },
    }),
  },
};
