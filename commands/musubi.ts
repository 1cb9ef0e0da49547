import { z } from "zod";
import { handler, option, type CommandDefinition } from "../src/app/command.js";
import { setMonthlyReport } from "../src/app/network/report.js";
import { DEFAULT_STATS_WEEKS, communityStats, networkDrawing } from "../src/app/network/stats.js";
import { changePairingSettings, previewPairing, runPairingNow } from "../src/app/pairing/organizer.js";
import { addProgram, configureProgram, listPrograms, removeProgram, runProgramNow, type ProgramChanges } from "../src/app/pairing/programs.js";
import { setUpCommunity } from "../src/app/setup/community-settings.js";
import { PROGRAM_RULES, weightsSchema, type ProgramRule } from "../src/core/matching/index.js";
import { PROGRAM_QUESTION_MAX, programNameSchema } from "../src/core/pairing/programs.js";

import { PAIRING_CADENCES } from "../src/core/pairing/rhythm.js";
import { ANNOUNCE_STYLES, type AnnounceStyle } from "../src/core/pairing/settings.js";
import { memberText } from "../src/core/text.js";
import { isValidTimeZone } from "../src/core/time.js";
import { LOCALES, localized } from "../src/i18n/index.js";

// /musubi: the organizers' settings of the community (setup) and of weekly pairing.

const onOff = [{ value: "on", label: localized("pairing.on") }, { value: "off", label: localized("pairing.off") }] as const;
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/**
 * "differentIndustry=300, offerSeek=200" → { differentIndustry: 300, offerSeek: 200 }, each
 * value checked with the engine's own rule for it (a weight the engine cannot take is never saved).
 */
const weightsOption = memberText().transform((text, ctx) => {
  const weights: Record<string, number> = {};
  const rules: Record<string, z.ZodType> = weightsSchema.shape;
  for (const part of text.split(/[,\s]+/).filter(Boolean)) {
    const [name = "", value = "", ...extra] = part.split("=");
    const rule = Object.hasOwn(rules, name) ? rules[name] : undefined;
    if (!rule || extra.length > 0 || !/^\d+(\.\d+)?$/.test(value)) {
      ctx.addIssue({ code: "custom", message: "error.weights", input: part });
      return z.NEVER;
    }
    const number = name === "historyHalfLifeWeeks" ? Number(value) : Math.round(Number(value));
    if (!rule.safeParse(number).success) {
      ctx.addIssue({ code: "custom", message: name === "historyHalfLifeWeeks" ? "error.halfLife" : "error.weightRange", input: part });
      return z.NEVER;
    }
    weights[name] = number;
  }
  return weights;
});

const cadence = option.string({
  label: "pairing.label.cadence",
  description: "pairing.option.cadence",
  choices: PAIRING_CADENCES.map((weeks) => ({ value: String(weeks), label: localized(`pairing.cadence.${weeks}`) })),
});
const weekday = option.string({
  label: "pairing.label.weekday",
  description: "pairing.option.weekday",
  choices: WEEKDAYS.map((day) => ({ value: String(day), label: localized(`pairing.weekday.${day}`) })),
});
const hour = option.integer({ label: "pairing.label.hour", description: "pairing.option.hour", min: 0, max: 23 });
const groupSize = option.string({
  label: "pairing.field.groupSize",
  description: "pairing.option.groupSize",
  choices: [{ value: "2", label: { ja: "2", en: "2" } }, { value: "3", label: { ja: "3", en: "3" } }],
});
const programName = option.custom({ label: "program.label.name", description: "program.option.name", required: true, schema: memberText().pipe(programNameSchema) });
/** The options a program shares with weekly pairing, and its question. */
const programOptions = {
  cadence, weekday, hour, group_size: groupSize,
  question: option.string({ label: "program.label.question", description: "program.option.question", maxLength: PROGRAM_QUESTION_MAX }),
};
const programChanges = (input: { cadence?: string | undefined; weekday?: string | undefined; hour?: number | undefined; group_size?: string | undefined; question?: string | undefined }): ProgramChanges => ({
  ...(input.cadence ? { cadenceWeeks: Number(input.cadence) } : {}),
  ...(input.weekday ? { weekday: Number(input.weekday) } : {}),
  ...(input.hour !== undefined ? { hour: input.hour } : {}),
  ...(input.group_size ? { groupSize: input.group_size === "3" ? 3 : 2 } : {}),
  ...(input.question ? { question: input.question } : {}),
});

/** Organizer settings of the community. */
export const musubiCommand: CommandDefinition = {
  name: "musubi",
  description: "setup.description",
  groups: { pairing: "pairing.description" },
  subcommands: {
    setup: handler({
      description: "setup.description",
      permission: "organizer",
      options: {
        intro_channel: option.channel({ label: "setup.introChannel", description: "setup.option.introChannel" }),
        welcome_channel: option.channel({ label: "setup.welcomeChannel", description: "setup.option.welcomeChannel" }),
        offers_channel: option.channel({ label: "offers.setup.channel", description: "offers.setup.option" }),
        organizers: option.group({ label: "setup.organizers", description: "setup.option.organizers" }),
        language: option.string({
          label: "setup.language",
          description: "setup.option.language",
          choices: LOCALES.map((value) => ({ value, label: localized(`language.${value}`) })),
        }),
        time_zone: option.custom({
          label: "setup.timeZone",
          description: "setup.option.timeZone",
          required: false,
          schema: memberText().refine(isValidTimeZone, { error: "error.timeZone" }).optional(),
        }),
      },
      run: (ctx, input) => setUpCommunity(ctx, {
        ...(input.intro_channel ? { introChannelId: input.intro_channel } : {}),
        ...(input.welcome_channel ? { welcomeChannelId: input.welcome_channel } : {}),
        ...(input.offers_channel ? { offersChannelId: input.offers_channel } : {}),
        ...(input.organizers ? { organizerGroupId: input.organizers } : {}),
        ...(input.language ? { locale: input.language } : {}),
        ...(input.time_zone ? { timeZone: input.time_zone } : {}),
      }),
    }),
    "pairing settings": handler({
      description: "pairing.settings.description",
      permission: "organizer",
      options: {
        channel: option.channel({ label: "pairing.label.channel", description: "pairing.option.channel" }),
        enabled: option.string({ label: "pairing.label.enabled", description: "pairing.option.enabled", choices: onOff }),
        cadence,
        weekday,
        hour,
        group_size: groupSize,
        no_repeat_weeks: option.integer({ label: "pairing.label.noRepeatWeeks", description: "pairing.option.noRepeatWeeks", min: 0, max: 52 }),
        announce: option.string({
          label: "pairing.field.announce",
          description: "pairing.option.announce",
          choices: ANNOUNCE_STYLES.map((style) => ({ value: style, label: localized(`pairing.announce.${style}`) })),
        }),
        heads_up: option.string({ label: "pairing.field.headsUp", description: "pairing.option.headsUp", choices: onOff }),
        opt_in: option.string({ label: "optIn.field", description: "optIn.option", choices: onOff }),
        weights: option.custom({ label: "pairing.label.weights", description: "pairing.option.weights", required: false, schema: weightsOption.optional() }),
      },
      run: (ctx, input) => changePairingSettings(ctx, {
        ...(input.channel ? { channelId: input.channel } : {}),
        ...(input.enabled ? { enabled: input.enabled === "on" } : {}),
        ...(input.cadence ? { cadenceWeeks: Number(input.cadence) } : {}),
        ...(input.weekday ? { weekday: Number(input.weekday) } : {}),
        ...(input.hour !== undefined ? { hour: input.hour } : {}),
        ...(input.group_size ? { groupSize: Number(input.group_size) } : {}),
        ...(input.no_repeat_weeks !== undefined ? { noRepeatWeeks: input.no_repeat_weeks } : {}),
        ...(input.announce ? { announceStyle: input.announce as AnnounceStyle } : {}),
        ...(input.heads_up ? { headsUp: input.heads_up === "on" } : {}),
        ...(input.opt_in ? { optIn: input.opt_in === "on" } : {}),
        ...(input.weights ? { weights: input.weights } : {}),
      }),
    }),
    "pairing preview": handler({ description: "pairing.preview.description", permission: "organizer", options: {}, run: previewPairing }),
    "pairing run-now": handler({
      description: "pairing.runNow.description",
      permission: "organizer",
      options: { program: option.string({ label: "program.label.name", description: "program.option.name", maxLength: 40 }) },
      run: (ctx, { program }) => (program ? runProgramNow(ctx, program) : runPairingNow(ctx)),
    }),
    "pairing programs": handler({ description: "program.list.description", permission: "organizer", options: {}, run: (ctx) => listPrograms(ctx) }),
    "pairing program-add": handler({
      description: "program.add.description",
      permission: "organizer",
      options: {
        name: programName,
        rule: option.string({
          label: "program.label.rule", description: "program.option.rule", required: true,
          choices: PROGRAM_RULES.map((rule) => ({ value: rule, label: localized(`program.rule.${rule}`) })),
        }),
        channel: option.channel({ label: "program.label.channel", description: "program.option.channel", required: true }),
        ...programOptions,
      },
      run: (ctx, input) => addProgram(ctx, { name: input.name, rule: input.rule as ProgramRule, channelId: input.channel, ...programChanges(input) }),
    }),
    "pairing program-set": handler({
      description: "program.set.description",
      permission: "organizer",
      options: {
        name: programName,
        channel: option.channel({ label: "program.label.channel", description: "program.option.channel" }),
        enabled: option.string({ label: "pairing.label.enabled", description: "pairing.option.enabled", choices: onOff }),
        ...programOptions,
      },
      run: (ctx, input) => configureProgram(ctx, input.name, {
        ...(input.channel ? { channelId: input.channel } : {}),
        ...(input.enabled ? { enabled: input.enabled === "on" } : {}),
        ...programChanges(input),
      }),
    }),
    "pairing program-remove": handler({
      description: "program.remove.description", permission: "organizer", options: { name: programName },
      run: (ctx, input) => removeProgram(ctx, input.name),
    }),
    stats: handler({
      description: "stats.description",
      permission: "organizer",
      slow: true,
      options: { weeks: option.integer({ label: "stats.label.weeks", description: "stats.option.weeks", min: 1, max: 104 }) },
      run: (ctx, { weeks }) => communityStats(ctx, weeks ?? DEFAULT_STATS_WEEKS),
    }),
    report: handler({
      description: "report.description",
      permission: "organizer",
      options: {
        channel: option.channel({ label: "report.label.channel", description: "report.option.channel" }),
        enabled: option.string({ label: "report.label.enabled", description: "report.option.enabled", choices: [
          { value: "on", label: localized("network.option.on") }, { value: "off", label: localized("network.option.off") },
        ] }),
      },
      run: (ctx, input) => setMonthlyReport(ctx, { channel: input.channel, enabled: input.enabled as "on" | "off" | undefined }),
    }),
    network: handler({
      description: "stats.network.description",
      permission: "organizer",
      slow: true,
      options: { names: option.string({ label: "stats.label.names", description: "stats.option.names", choices: [
        { value: "on", label: localized("network.option.on") }, { value: "off", label: localized("network.option.off") },
      ] }) },
      run: (ctx, { names }) => networkDrawing(ctx, names !== "off"),
    }),
  },
};
