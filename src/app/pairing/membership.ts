import { met } from "../../core/network/index.js";
import { isFollowUpAnswer } from "../../core/pairing/settings.js";
import { zoneOf, type CommandContext } from "../context.js";
import { UserError } from "../errors.js";
import { FORM_PAGE } from "../forms.js";
import { networkActions } from "../network/actions.js";
import { thanksButtons } from "../network/thanks.js";
import { privateReply, type Outcome } from "../reply.js";
import { PAUSE_CHOICES, type PauseChoice } from "./actions.js";
import { upcomingPairingRound } from "./pairing-round.js";
import { programStatusFields } from "./programs.js";

// Members' side of weekly pairing: joining, pausing, skipping, status, blocks, and the buttons of
// the heads-up and the follow-up. Blocks are private: the blocked member is never told.

const WEEK_MS = 7 * 86_400_000;

async function nextRoundOf(ctx: CommandContext) {
  return upcomingPairingRound(ctx.community, await ctx.store.pairing.settings(), ctx.now());
}

async function requireJoined(ctx: CommandContext) {
  const participant = await ctx.store.pairing.participant(ctx.member.id);
  if (!participant?.active) throw new UserError("match.notJoined");
  return participant;
}

async function blockTarget(ctx: CommandContext, platformUserId: string) {
  if (platformUserId === ctx.member.platformUserId) throw new UserError("match.blockSelf");
  return ctx.store.members.ensureKnown(platformUserId);
}

export async function joinPairing(ctx: CommandContext): Promise<Outcome> {
  const { store, member, t, port } = ctx;
  if (!(await store.profiles.find(member.id))) {
    return privateReply(t("match.needsIntro"), {
      buttons: [{ actionId: FORM_PAGE.id("intro", "0"), label: t("match.needsIntroButton"), style: "primary" }],
    });
  }
  const before = await store.pairing.participant(member.id);
  const already = before?.active && !before.autoPaused && (!before.pausedUntil || before.pausedUntil <= ctx.now());
  await store.pairing.setParticipation(member.id, { active: true, pausedUntil: null, autoPaused: false, missedFollowUps: 0, resumedAt: ctx.now() });
  const next = await nextRoundOf(ctx);
  if (!next) return privateReply(t("match.joinedNoRound"));
  const time = port.formatTime(next.at, zoneOf(ctx));
  return privateReply(already ? t("match.alreadyJoined", { time }) : t("match.joined", { time }));
}

export async function leavePairing(ctx: CommandContext): Promise<Outcome> {
  await requireJoined(ctx);
  await ctx.store.pairing.setParticipation(ctx.member.id, { active: false });
  return privateReply(ctx.t("match.left"));
}

export async function pausePairing(ctx: CommandContext, weeks: number): Promise<Outcome> {
  await requireJoined(ctx);
  const until = new Date(ctx.now().getTime() + weeks * WEEK_MS);
  await ctx.store.pairing.setParticipation(ctx.member.id, { pausedUntil: until });
  return privateReply(ctx.t("match.paused", { time: ctx.port.formatTime(until, zoneOf(ctx)) }));
}

export async function skipNextRound(ctx: CommandContext): Promise<Outcome> {
  await requireJoined(ctx);
  const next = await nextRoundOf(ctx);
  if (!next) return privateReply(ctx.t("match.noNextRound"));
  const round = await ctx.store.pairing.ensureRound(next.period, next.at);
  await ctx.store.pairing.skip(round.id, ctx.member.id);
  return privateReply(ctx.t("match.skipped", { time: ctx.port.formatTime(next.at, zoneOf(ctx)) }));
}

export async function pairingStatus(ctx: CommandContext): Promise<Outcome> {
  const { store, member, t, port } = ctx;
  const participant = await store.pairing.participant(member.id);
  const next = await nextRoundOf(ctx);
  const round = next && (await store.pairing.roundOfPeriod(next.period));
  const skipping = round ? (await store.pairing.skips(round.id)).has(member.id) : false;
  const state = !participant?.active
    ? t("match.status.inactive")
    : participant.autoPaused
      ? t("match.status.autoPaused")
      : participant.pausedUntil && participant.pausedUntil > ctx.now()
        ? t("match.status.pausedUntil", { time: port.formatTime(participant.pausedUntil, zoneOf(ctx)) })
        : skipping ? t("match.status.skipping") : t("match.status.active");
  const partners = await store.pairing.lastPartners(member.id);
  return privateReply("", {
    cards: [{
      title: t("match.status.title"),
      fields: [
        { name: t("match.status.state"), value: state },
        { name: t("match.status.next"), value: next ? port.formatTime(next.at, zoneOf(ctx)) : t("match.noNextRound") },
        {
          name: t("match.status.partners"),
          value: partners.length
            ? partners.map((p) => `${port.formatTime(p.at, zoneOf(ctx))}: ${p.partners.map((id) => port.mentionUser(id)).join(", ")}`).join("\n")
            : t("match.status.noPartners"),
        },
        ...(await programStatusFields(ctx)),
      ],
    }],
  });
}

export async function blockMember(ctx: CommandContext, platformUserId: string): Promise<Outcome> {
  const target = await blockTarget(ctx, platformUserId);
  await ctx.store.pairing.block(ctx.member.id, target.id);
  return privateReply(ctx.t("match.blocked", { member: ctx.port.mentionUser(platformUserId) }));
}

export async function unblockMember(ctx: CommandContext, platformUserId: string): Promise<Outcome> {
  const target = await blockTarget(ctx, platformUserId);
  const removed = await ctx.store.pairing.unblock(ctx.member.id, target.id);
  return privateReply(ctx.t(removed ? "match.unblocked" : "match.notBlocked", { member: ctx.port.mentionUser(platformUserId) }));
}

/** The heads-up's "skip this round" button. */
export async function skipFromHeadsUp(ctx: CommandContext, roundId: string): Promise<Outcome> {
  const round = await ctx.store.pairing.round(roundId);
  if (!round) throw new UserError("common.unknownAction");
  if (round.status !== "planned") return privateReply(ctx.t("pairingRound.tooLate"));
  await requireJoined(ctx);
  await ctx.store.pairing.skip(round.id, ctx.member.id);
  return privateReply(ctx.t("pairingRound.skipped"));
}

/**
 * A follow-up button: how the group met. After "met" the member is asked whether they would like
 * to meet again, and may thank each of the others.
 */
export async function answerFollowUp(ctx: CommandContext, groupId: string, answer: string): Promise<Outcome> {
  if (!isFollowUpAnswer(answer)) throw new UserError("common.unknownAction");
  const recorded = await ctx.store.pairing.answer(groupId, ctx.member.id, answer, ctx.now());
  if (!recorded) return privateReply(ctx.t("pairingRound.followUp.notYours"));
  await ctx.store.pairing.setParticipation(ctx.member.id, { missedFollowUps: 0 });
  const thanks = ctx.t("pairingRound.followUp.thanks", { answer: ctx.t(`pairingRound.followUp.${answer}`) });
  if (!met(answer)) return privateReply(thanks);
  const group = await ctx.store.pairing.group(groupId);
  const others = [];
  for (const m of group?.members ?? []) {
    if (m.memberId === ctx.member.id) continue;
    const other = await ctx.store.members.find(m.memberId);
    if (other) others.push(other);
  }
  return privateReply(`${thanks}\n${ctx.t("network.meetAgain.question")}`, {
    buttons: [
      { actionId: networkActions.meetAgain.id(groupId, "yes"), label: ctx.t("network.meetAgain.yes"), style: "primary" },
      { actionId: networkActions.meetAgain.id(groupId, "no"), label: ctx.t("network.meetAgain.no") },
      ...thanksButtons(ctx, "pairing", groupId, others),
    ],
  });
}

/**
 * A button of the notice sent to a member paused for unanswered follow-ups: keep me in (back in
 * the pool), skip the next round (back after it), or leave pairing.
 */
export async function answerPauseNotice(ctx: CommandContext, choice: string): Promise<Outcome> {
  if (!(PAUSE_CHOICES as readonly string[]).includes(choice)) throw new UserError("common.unknownAction");
  switch (choice as PauseChoice) {
    case "keep":
      return joinPairing(ctx);
    case "skip":
      await requireJoined(ctx);
      await ctx.store.pairing.setParticipation(ctx.member.id, { autoPaused: false, missedFollowUps: 0, resumedAt: ctx.now() });
      return skipNextRound(ctx);
    case "leave":
      return leavePairing(ctx);
  }
}
