import { handler, option, zoneOf, type CommandContext, type CommandDefinition } from "../src/app/command.js";
import { UserError } from "../src/app/errors.js";
import { upcomingRound } from "../src/app/pairing/rounds.js";
import { privateReply } from "../src/app/reply.js";
import { FOLLOW_UP_ANSWERS, type FollowUpAnswer } from "../src/store/pairing-repository.js";

// Members' side of weekly pairing. Blocks are private: the blocked member is never told.

const WEEK_MS = 7 * 86_400_000;

async function nextRoundOf(ctx: CommandContext) {
  const settings = await ctx.store.pairing.settings(ctx.community.id);
  return upcomingRound(ctx.community, settings, ctx.now());
}

async function requireJoined(ctx: CommandContext) {
  const participant = await ctx.store.pairing.participant(ctx.community.id, ctx.member.id);
  if (!participant?.active) throw new UserError("match.notJoined");
  return participant;
}

async function blockTarget(ctx: CommandContext, platformUserId: string) {
  if (platformUserId === ctx.member.platformUserId) throw new UserError("match.blockSelf");
  return ctx.store.members.ensureKnown(ctx.community.id, platformUserId);
}

export const matchCommand: CommandDefinition = {
  name: "match",
  description: "match.description",
  subcommands: {
    join: handler({
      description: "match.join.description",
      permission: "member",
      options: {},
      async run(ctx) {
        const { store, community, member, t, port } = ctx;
        if (!(await store.profiles.find(community.id, member.id))) {
          return { type: "reply", reply: { text: t("match.needsIntro"), ephemeral: true,
            buttons: [{ actionId: "form:intro:0", label: t("match.needsIntroButton"), style: "primary" }] } };
        }
        const before = await store.pairing.participant(community.id, member.id);
        const already = before?.active && !before.autoPaused && (!before.pausedUntil || before.pausedUntil <= ctx.now());
        await store.pairing.setParticipation(community.id, member.id, { active: true, pausedUntil: null, autoPaused: false, missedFollowUps: 0 });
        const next = await nextRoundOf(ctx);
        if (!next) return privateReply(t("match.joinedNoRound"));
        const time = port.formatTime(next.at, zoneOf(ctx));
        return privateReply(already ? t("match.alreadyJoined", { time }) : t("match.joined", { time }));
      },
    }),
    leave: handler({
      description: "match.leave.description",
      permission: "member",
      options: {},
      async run(ctx) {
        await requireJoined(ctx);
        await ctx.store.pairing.setParticipation(ctx.community.id, ctx.member.id, { active: false });
        return privateReply(ctx.t("match.left"));
      },
    }),
    pause: handler({
      description: "match.pause.description",
      permission: "member",
      options: { weeks: option.integer({ description: "match.pause.option.weeks", min: 1, max: 12 }) },
      async run(ctx, input) {
        await requireJoined(ctx);
        const until = new Date(ctx.now().getTime() + (input.weeks ?? 1) * WEEK_MS);
        await ctx.store.pairing.setParticipation(ctx.community.id, ctx.member.id, { pausedUntil: until });
        return privateReply(ctx.t("match.paused", { time: ctx.port.formatTime(until, zoneOf(ctx)) }));
      },
    }),
    skip: handler({
      description: "match.skip.description",
      permission: "member",
      options: {},
      async run(ctx) {
        await requireJoined(ctx);
        const next = await nextRoundOf(ctx);
        if (!next) return privateReply(ctx.t("match.noNextRound"));
        const round = await ctx.store.pairing.ensureRound(ctx.community.id, next.period, next.at);
        await ctx.store.pairing.skip(ctx.community.id, round.id, ctx.member.id);
        return privateReply(ctx.t("match.skipped", { time: ctx.port.formatTime(next.at, zoneOf(ctx)) }));
      },
    }),
    status: handler({
      description: "match.status.description",
      permission: "member",
      options: {},
      async run(ctx) {
        const { store, community, member, t, port } = ctx;
        const participant = await store.pairing.participant(community.id, member.id);
        const next = await nextRoundOf(ctx);
        const round = next && (await store.pairing.roundOfPeriod(community.id, next.period));
        const skipping = round ? (await store.pairing.skips(round.id)).has(member.id) : false;
        const state = !participant?.active
          ? t("match.status.inactive")
          : participant.autoPaused
            ? t("match.status.autoPaused")
            : participant.pausedUntil && participant.pausedUntil > ctx.now()
              ? t("match.status.pausedUntil", { time: port.formatTime(participant.pausedUntil, zoneOf(ctx)) })
              : skipping ? t("match.status.skipping") : t("match.status.active");
        const partners = await store.pairing.lastPartners(community.id, member.id);
        return {
          type: "reply",
          reply: {
            text: "",
            ephemeral: true,
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
              ],
            }],
          },
        };
      },
    }),
    block: handler({
      description: "match.block.description",
      permission: "member",
      options: { member: option.user({ description: "match.option.member", required: true }) },
      async run(ctx, input) {
        const target = await blockTarget(ctx, input.member);
        await ctx.store.pairing.block(ctx.community.id, ctx.member.id, target.id);
        return privateReply(ctx.t("match.blocked", { member: ctx.port.mentionUser(input.member) }));
      },
    }),
    unblock: handler({
      description: "match.unblock.description",
      permission: "member",
      options: { member: option.user({ description: "match.option.member", required: true }) },
      async run(ctx, input) {
        const target = await blockTarget(ctx, input.member);
        const removed = await ctx.store.pairing.unblock(ctx.community.id, ctx.member.id, target.id);
        return privateReply(ctx.t(removed ? "match.unblocked" : "match.notBlocked", { member: ctx.port.mentionUser(input.member) }));
      },
    }),
  },
  actions: [{
    // match:skip:<roundId> (heads-up button) · match:followup:<groupId>:<answer> (follow-up buttons)
    id: "match",
    async run(ctx, argument) {
      const [verb, id = "", answer = ""] = (argument ?? "").split(":");
      const { store, community, member, t } = ctx;
      if (verb === "skip") {
        const round = await store.pairing.round(community.id, id);
        if (!round) throw new UserError("common.unknownAction");
        if (round.status !== "planned") return privateReply(t("round.tooLate"));
        await requireJoined(ctx);
        await store.pairing.skip(community.id, round.id, member.id);
        return privateReply(t("round.skipped"));
      }
      if (verb === "followup" && (FOLLOW_UP_ANSWERS as readonly string[]).includes(answer)) {
        const recorded = await store.pairing.answer(community.id, id, member.id, answer as FollowUpAnswer, ctx.now());
        if (!recorded) return privateReply(t("round.followUp.notYours"));
        await store.pairing.setParticipation(community.id, member.id, { missedFollowUps: 0 });
        return privateReply(t("round.followUp.thanks", { answer: t(`round.followUp.${answer as FollowUpAnswer}`) }));
      }
      throw new UserError("common.unknownAction");
    },
  }],
};
