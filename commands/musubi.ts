import { z } from "zod";
import { handler, option, type CommandContext, type CommandDefinition } from "../src/app/command.js";
import { UserError } from "../src/app/errors.js";
import { renderReasons } from "../src/app/pairing/messages.js";
import { pairPool } from "../src/app/pairing/pool.js";
import { planNextRound, scheduleManualRound, upcomingRound } from "../src/app/pairing/rounds.js";
import type { Reply } from "../src/app/reply.js";
import { weightsSchema } from "../src/core/matching/index.js";
import { CADENCES } from "../src/core/pairing/rhythm.js";
import type { CommunitySettings } from "../src/store/repositories.js";
import { ANNOUNCE_STYLES, type PairingSettingsRecord } from "../src/store/pairing-repository.js";
import { isValidTimeZone } from "../src/core/time.js";
import { LOCALES, localized, type MessageKey } from "../src/i18n/index.js";

const onOff = [{ value: "on", label: localized("pairing.on") }, { value: "off", label: localized("pairing.off") }] as const;
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const WEIGHT_NAMES = Object.keys(weightsSchema.shape);

/** "differentIndustry=300, offerSeek=200" → { differentIndustry: 300, offerSeek: 200 }. */
const weightsOption = z.string().trim().transform((text, ctx) => {
  const weights: Record<string, number> = {};
  for (const part of text.split(/[,\s]+/).filter(Boolean)) {
    const [name = "", value = ""] = part.split("=");
    const number = Number(value);
    if (!WEIGHT_NAMES.includes(name) || !/^\d+(\.\d+)?$/.test(value) || !Number.isFinite(number)) {
      ctx.addIssue({ code: "custom", message: "error.weights", input: part });
      return z.NEVER;
    }
    weights[name] = name === "historyHalfLifeWeeks" ? number : Math.round(number);
  }
  return weights;
});

async function pairingSummary(ctx: CommandContext, settings: PairingSettingsRecord, text: string): Promise<Reply> {
  const { t, port, community } = ctx;
  const next = upcomingRound(community, settings, ctx.now());
  const pool = (await ctx.store.pairing.pool(community.id, ctx.now())).length;
  return {
    text,
    ephemeral: true,
    cards: [{
      title: t("pairing.summary"),
      fields: [
        { name: t("pairing.field.state"), value: t(settings.enabled ? "pairing.on" : "pairing.off"), inline: true },
        { name: t("pairing.field.channel"), value: settings.channelId ? port.mentionChannel(settings.channelId) : t("common.none"), inline: true },
        { name: t("pairing.field.pool"), value: String(pool), inline: true },
        {
          name: t("pairing.field.when"),
          value: t("pairing.field.when.value", {
            cadence: t(`pairing.cadence.${settings.cadenceWeeks}` as MessageKey),
            weekday: t(`pairing.weekday.${settings.weekday}` as MessageKey),
            hour: String(settings.hour).padStart(2, "0"),
            zone: community.timeZone,
          }),
        },
        { name: t("pairing.field.groupSize"), value: String(settings.groupSize), inline: true },
        { name: t("pairing.field.noRepeat"), value: t("pairing.field.noRepeat.value", { weeks: settings.noRepeatWeeks }), inline: true },
        { name: t("pairing.field.announce"), value: t(`pairing.announce.${settings.announceStyle}`), inline: true },
        { name: t("pairing.field.headsUp"), value: t(settings.headsUp ? "pairing.on" : "pairing.off"), inline: true },
        { name: t("pairing.field.next"), value: next ? port.formatTime(next.at, community.timeZone) : t("common.none") },
      ],
    }],
  };
}

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
        intro_channel: option.channel({ description: "setup.option.introChannel" }),
        welcome_channel: option.channel({ description: "setup.option.welcomeChannel" }),
        offers_channel: option.channel({ description: "offers.setup.option" }),
        organizers: option.group({ description: "setup.option.organizers" }),
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
          ...(input.offers_channel ? { offersChannelId: input.offers_channel } : {}),
          ...(input.organizers ? { organizerGroupId: input.organizers } : {}),
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
                { name: t("offers.setup.channel"), value: channel(community.offersChannelId, t("offers.setup.notSet")) },
                {
                  name: t("setup.organizers"),
                  value: community.organizerGroupId ? port.mentionGroup(community.organizerGroupId) : t("setup.notSetOrganizers"),
                },
                { name: t("setup.language"), value: t(`language.${community.locale === "en" ? "en" : "ja"}`), inline: true },
                { name: t("setup.timeZone"), value: community.timeZone, inline: true },
              ],
            }],
          },
        };
      },
    }),
    "pairing settings": handler({
      description: "pairing.settings.description",
      permission: "organizer",
      options: {
        channel: option.channel({ description: "pairing.option.channel" }),
        enabled: option.string({ description: "pairing.option.enabled", choices: onOff }),
        cadence: option.string({
          description: "pairing.option.cadence",
          choices: CADENCES.map((weeks) => ({ value: String(weeks), label: localized(`pairing.cadence.${weeks}`) })),
        }),
        weekday: option.string({
          description: "pairing.option.weekday",
          choices: WEEKDAYS.map((day) => ({ value: String(day), label: localized(`pairing.weekday.${day}`) })),
        }),
        hour: option.integer({ description: "pairing.option.hour", min: 0, max: 23 }),
        group_size: option.string({
          description: "pairing.option.groupSize",
          choices: [{ value: "2", label: { ja: "2", en: "2" } }, { value: "3", label: { ja: "3", en: "3" } }],
        }),
        no_repeat_weeks: option.integer({ description: "pairing.option.noRepeatWeeks", min: 0, max: 52 }),
        announce: option.string({
          description: "pairing.option.announce",
          choices: ANNOUNCE_STYLES.map((style) => ({ value: style, label: localized(`pairing.announce.${style}`) })),
        }),
        heads_up: option.string({ description: "pairing.option.headsUp", choices: onOff }),
        weights: option.custom({ description: "pairing.option.weights", required: false, schema: weightsOption.optional() }),
      },
      async run(ctx, input) {
        const { store, community } = ctx;
        const current = await store.pairing.settings(community.id);
        const changes: Partial<PairingSettingsRecord> = {
          ...(input.channel ? { channelId: input.channel } : {}),
          ...(input.enabled ? { enabled: input.enabled === "on" } : {}),
          ...(input.cadence ? { cadenceWeeks: Number(input.cadence) } : {}),
          ...(input.weekday ? { weekday: Number(input.weekday) } : {}),
          ...(input.hour !== undefined ? { hour: input.hour } : {}),
          ...(input.group_size ? { groupSize: Number(input.group_size) } : {}),
          ...(input.no_repeat_weeks !== undefined ? { noRepeatWeeks: input.no_repeat_weeks } : {}),
          ...(input.announce ? { announceStyle: input.announce as PairingSettingsRecord["announceStyle"] } : {}),
          ...(input.heads_up ? { headsUp: input.heads_up === "on" } : {}),
          ...(input.weights ? { weights: { ...current.weights, ...input.weights } } : {}),
        };
        if ((changes.enabled ?? current.enabled) && !(changes.channelId ?? current.channelId)) throw new UserError("pairing.needsChannel");
        const changed = Object.keys(changes).length > 0;
        const settings = changed ? await store.pairing.updateSettings(community.id, changes) : current;
        if (changed) {
          ctx.log.info({ changes: Object.keys(changes) }, "pairing settings changed");
          // Jobs planned under the old rhythm notice the change and do nothing (see rounds.ts).
          await planNextRound(ctx, community, ctx.now());
        }
        return { type: "reply", reply: await pairingSummary(ctx, settings, ctx.t(changed ? "pairing.saved" : "pairing.summary")) };
      },
    }),
    "pairing preview": handler({
      description: "pairing.preview.description",
      permission: "organizer",
      options: {},
      async run(ctx) {
        const { store, community, t, port } = ctx;
        const settings = await store.pairing.settings(community.id);
        const at = upcomingRound(community, settings, ctx.now())?.at ?? ctx.now();
        const round = await store.pairing.roundOfPeriod(community.id, upcomingRound(community, settings, ctx.now())?.period ?? "");
        const { result, poolSize } = await pairPool(store, community, settings, at, round ? await store.pairing.skips(round.id) : new Set());
        if (result.groups.length === 0) return { type: "reply", reply: { text: t("pairing.preview.empty", { members: poolSize }), ephemeral: true } };
        const names = new Map<string, string>();
        for (const id of result.groups.flatMap((g) => g.members)) {
          const member = await store.members.find(community.id, id);
          if (member) names.set(id, port.mentionUser(member.platformUserId));
        }
        const shown = 15;
        const lines = result.groups.slice(0, shown).map((g) => `• ${g.members.map((id) => names.get(id) ?? id).join(" × ")} — ${renderReasons(g.reasons, t)}`);
        if (result.groups.length > shown) lines.push(`… +${result.groups.length - shown}`);
        return {
          type: "reply",
          reply: { text: `${t("pairing.preview.title", { groups: result.groups.length, members: poolSize })}\n${lines.join("\n")}`, ephemeral: true },
        };
      },
    }),
    "pairing run-now": handler({
      description: "pairing.runNow.description",
      permission: "organizer",
      options: {},
      async run(ctx) {
        const settings = await ctx.store.pairing.settings(ctx.community.id);
        if (!settings.channelId) throw new UserError("pairing.needsChannel");
        await scheduleManualRound(ctx, ctx.community, ctx.now());
        ctx.jobs.runSoon();
        return { type: "reply", reply: { text: ctx.t("pairing.runNow.started", { channel: ctx.port.mentionChannel(settings.channelId) }), ephemeral: true } };
      },
    }),
  },
};