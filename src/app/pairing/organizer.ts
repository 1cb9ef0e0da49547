import type { PAIRING_CADENCES } from "../../core/pairing/rhythm.js";
import type { PairingSettings } from "../../core/pairing/settings.js";
import type { CommandContext } from "../context.js";
import { UserError } from "../errors.js";
import { privateReply, type Outcome, type Reply } from "../reply.js";
import { renderReasons } from "./messages.js";
import { planNextPairingRound, scheduleManualPairingRound, upcomingPairingRound } from "./pairing-round.js";
import { leftOutOfRound, optInCount } from "./opt-in.js";
import { pairPool } from "./pool.js";

// Organizers' side of weekly pairing: its settings, a dry run, and a round started by hand.

/** Groups listed in a preview; the rest are counted. */
const PREVIEW_GROUPS = 15;

/** Saved settings hold a cadence and a weekday that /musubi pairing settings offered. */
type Cadence = (typeof PAIRING_CADENCES)[number];
type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

async function pairingSummary(ctx: CommandContext, settings: PairingSettings, text: string): Promise<Reply> {
  const { t, port, community } = ctx;
  const next = upcomingPairingRound(community, settings, ctx.now());
  const pool = (await ctx.store.pairing.pool(ctx.now())).length;
  const lastRound = await ctx.store.pairing.latestMadeRound();
  const unplaced = lastRound ? (await ctx.store.pairing.unplaced(lastRound.id)).length : 0;
  const paused = await ctx.store.pairing.autoPaused();
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
            cadence: t(`pairing.cadence.${settings.cadenceWeeks as Cadence}`),
            weekday: t(`pairing.weekday.${settings.weekday as IsoWeekday}`),
            hour: String(settings.hour).padStart(2, "0"),
            zone: community.timeZone,
          }),
        },
        { name: t("pairing.field.groupSize"), value: String(settings.groupSize), inline: true },
        { name: t("pairing.field.noRepeat"), value: t("pairing.field.noRepeat.value", { weeks: settings.noRepeatWeeks }), inline: true },
        { name: t("pairing.field.announce"), value: t(`pairing.announce.${settings.announceStyle}`), inline: true },
        { name: t("pairing.field.headsUp"), value: t(settings.headsUp ? "pairing.on" : "pairing.off"), inline: true },
        {
          name: t("optIn.field"),
          value: settings.optIn && next
            ? t("optIn.field.value", await optInCount(ctx.store, await ctx.store.pairing.roundOfPeriod(next.period), next.at))
            : t(settings.optIn ? "pairing.on" : "pairing.off"),
          inline: true,
        },
        ...(lastRound ? [{ name: t("pairing.field.unplaced"), value: t("pairing.field.unplaced.value", { count: unplaced }), inline: true }] : []),
        ...(paused.length ? [{
          name: t("pairing.field.autoPaused"),
          value: paused.map((p) => t("pairing.field.autoPaused.member", { member: port.mentionUser(p.platformUserId), misses: p.missedFollowUps })).join("\n"),
        }] : []),
        { name: t("pairing.field.next"), value: next ? port.formatTime(next.at, community.timeZone) : t("common.none") },
      ],
    }],
  };
}

/** The organizer's changes; `weights` are merged into the ones set before. */
export type PairingChanges = Partial<Omit<PairingSettings, "weights">> & { weights?: Record<string, number> };

/** `/musubi pairing settings`: saves the changes, replans the next round, and shows every setting. */
export async function changePairingSettings(ctx: CommandContext, input: PairingChanges): Promise<Outcome> {
  const { store } = ctx;
  const current = await store.pairing.settings();
  const changes: Partial<PairingSettings> = {
    ...input,
    ...(input.weights ? { weights: { ...current.weights, ...input.weights } } : {}),
  };
  if ((changes.enabled ?? current.enabled) && !(changes.channelId ?? current.channelId)) throw new UserError("pairing.needsChannel");
  const changed = Object.keys(changes).length > 0;
  const settings = changed ? await store.pairing.updateSettings(changes) : current;
  if (changed) {
    ctx.log.info({ changes: Object.keys(changes) }, "pairing settings changed");
    // Jobs planned under the old rhythm notice the change and do nothing (see pairing-round.ts).
    await planNextPairingRound(ctx, ctx.now());
  }
  return { type: "reply", reply: await pairingSummary(ctx, settings, ctx.t(changed ? "pairing.saved" : "pairing.summary")) };
}

/** `/musubi pairing preview`: the groups the next round would make, and why; nothing is sent. */
export async function previewPairing(ctx: CommandContext): Promise<Outcome> {
  const { store, community, t, port } = ctx;
  const settings = await store.pairing.settings();
  const next = upcomingPairingRound(community, settings, ctx.now());
  const at = next?.at ?? ctx.now();
  const round = await store.pairing.roundOfPeriod(next?.period ?? "");
  const { result, poolSize, unplaced } = await pairPool(store, community, settings, at, await leftOutOfRound(store, settings, round?.id, at));
  const names = new Map<string, string>();
  for (const id of [...result.groups.flatMap((g) => g.members), ...unplaced.keys()]) {
    const member = await store.members.find(id);
    if (member) names.set(id, port.mentionUser(member.platformUserId));
  }
  const lines = result.groups.slice(0, PREVIEW_GROUPS).map((g) => `• ${g.members.map((id) => names.get(id) ?? id).join(" × ")} — ${renderReasons(g.reasons, t, g.members.length)}`);
  if (result.groups.length > PREVIEW_GROUPS) lines.push(`… +${result.groups.length - PREVIEW_GROUPS}`);
  if (unplaced.size > 0) {
    const who = [...unplaced].map(([id, reason]) => t("pairing.preview.unplacedMember", { member: names.get(id) ?? id, reason: t(`pairing.unplacedReason.${reason}`) }));
    lines.push(t("pairing.preview.unplaced", { count: unplaced.size, members: who.join(ctx.locale === "ja" ? "、" : ", ") }));
  }
  if (settings.optIn) lines.push(t("optIn.preview", await optInCount(store, round, at)));
  const title = result.groups.length === 0 ? t("pairing.preview.empty", { members: poolSize }) : t("pairing.preview.title", { groups: result.groups.length, members: poolSize });
  return privateReply([title, ...lines].join("\n"));
}

/** `/musubi pairing run-now`: a round of its own now; the weekly rhythm is unchanged. */
export async function runPairingNow(ctx: CommandContext): Promise<Outcome> {
  const settings = await ctx.store.pairing.settings();
  if (!settings.channelId) throw new UserError("pairing.needsChannel");
  await scheduleManualPairingRound(ctx, ctx.now());
  ctx.jobs.runSoon();
  return privateReply(ctx.t("pairing.runNow.started", { channel: ctx.port.mentionChannel(settings.channelId) }));
}
