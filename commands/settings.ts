import { z } from "zod";
import { onAction } from "../src/app/actions.js";
import { handler, option, type CommandDefinition } from "../src/app/command.js";
import { UserError } from "../src/app/errors.js";
import { switchSuggestions } from "../src/app/network/reconnect.js";
import { switchNotices } from "../src/app/offers/manage.js";
import { settingsActions } from "../src/app/settings/actions.js";
import { changeSettings } from "../src/app/settings/member-settings.js";
import { memberText } from "../src/core/text.js";
import { readTimeZone } from "../src/core/time.js";
import { LOCALES, localized } from "../src/i18n/index.js";

// /settings: a member's own time zone and language, and their switches in one place (src/app/settings/).

/** "Asia/Tokyo", "asia/tokyo", "JST" or "auto" (back to the platform's zone, else the community's). */
const timeZoneOption = memberText().transform((typed, zctx) => {
  if (typed.trim().toLowerCase() === "auto") return "auto";
  const zone = readTimeZone(typed);
  if (zone) return zone;
  zctx.addIssue({ code: "custom", message: "settings.error.timeZone", input: typed });
  return z.NEVER;
});

/** A switch button's state: "on" or "off", any other id is refused and changes nothing. */
function switchState(state: string): boolean {
  const parsed = z.enum(["on", "off"]).safeParse(state);
  if (!parsed.success) throw new UserError("common.unknownAction");
  return parsed.data === "on";
}

export const settingsCommand: CommandDefinition = {
  name: "settings",
  description: "settings.description",
  handler: handler({
    description: "settings.description",
    permission: "member",
    options: {
      time_zone: option.custom({
        label: "settings.label.timeZone", description: "settings.option.timeZone", required: false, schema: timeZoneOption.optional(),
      }),
      language: option.string({
        label: "settings.label.language",
        description: "settings.option.language",
        choices: [
          ...LOCALES.map((value) => ({ value, label: localized(`language.${value}`) })),
          { value: "auto", label: localized("settings.language.auto") },
        ],
      }),
    },
    run: (ctx, input) => changeSettings(ctx, { timeZone: input.time_zone, language: input.language as "ja" | "en" | "auto" | undefined }),
  }),
  actions: [
    onAction(settingsActions.offerNotices, (ctx, { state }) => switchNotices(ctx, switchState(state))),
    onAction(settingsActions.suggestions, (ctx, { state }) => switchSuggestions(ctx, switchState(state))),
  ],
};
