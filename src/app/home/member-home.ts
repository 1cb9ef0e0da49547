import { waitlistPosition } from "../../core/rounds/index.js";
import type { Button, Card, HomeView } from "../../port/message.js";
import { zoneOf, type CommandContext } from "../context.js";
import { FORM_PAGE } from "../forms.js";
import { loadNetwork, nameOf, suggestionLine, suggestionsFor } from "../network/show.js";
import { statusAt } from "../offers/card.js";
import { upcomingPairingRound } from "../pairing/pairing-round.js";
import { roundTitle } from "../rounds/view.js";
import { homeActions } from "./actions.js";

// A member's own page (Slack's App Home): the next pairing round and their place in it, their
// partners, their network in numbers and whom to reconnect with, their open posts and their
// rounds to come, with the buttons that change their pairing. Only what is theirs, in this community.

const SUGGESTIONS_SHOWN = 3;
/** Own posts looked at (a member has at most 5 open ones, see MEMBER_LIMITS). */
const POSTS_LOOKED_AT = 20;
/** Rounds listed (a Slack section holds 10 fields). */
const ROUNDS_SHOWN = 10;

/** The pairing card of a member's page with the buttons that change their pairing (also shown by /settings). */
export async function pairingPart(ctx: CommandContext) {
  const { t, port, store, member } = ctx;
  const zone = zoneOf(ctx);
  const now = ctx.now();
  const [participant, settings, profile, [latest]] = await Promise.all([
    store.pairing.participant(member.id), store.pairing.settings(), store.profiles.find(member.id), store.pairing.lastPartners(member.id, 1),
  ]);
  const next = upcomingPairingRound(ctx.community, settings, now);
  const round = next && (await store.pairing.roundOfPeriod(next.period));
  const skipping = round ? (await store.pairing.skips(round.id)).has(member.id) : false;
  const paused = Boolean(participant?.active && participant.pausedUntil && participant.pausedUntil > now);
  const joined = Boolean(participant?.active && !participant.autoPaused && !paused);
  const state = !participant?.active
    ? t("match.status.inactive")
    : participant.autoPaused
      ? t("match.status.autoPaused")
      : paused
        ? t("match.status.pausedUntil", { time: port.formatTime(participant.pausedUntil!, zone) })
        : skipping ? t("match.status.skipping") : t("match.status.active");
  const card: Card = {
    title: t("home.pairing.title"),
    ...(profile ? {} : { description: t("match.needsIntro") }),
    fields: [
      { name: t("match.status.next"), value: next ? port.formatTime(next.at, zone) : t("match.noNextRound"), inline: true },
      { name: t("match.status.state"), value: state, inline: true },
      {
        name: t("home.pairing.partners"),
        value: latest?.partners.length
          ? `${port.formatTime(latest.at, zone)}: ${latest.partners.map((id) => port.mentionUser(id)).join(", ")}`
          : t("match.status.noPartners"),
      },
    ],
  };
  const buttons: Button[] = !profile
    ? [{ actionId: FORM_PAGE.id("intro", "0"), label: t("match.needsIntroButton"), style: "primary" }]
    : [
      ...(joined ? [] : [{ actionId: homeActions.join.id(), label: t(participant?.active ? "home.button.resume" : "home.button.join"), style: "primary" as const }]),
      ...(joined && next && !skipping ? [{ actionId: homeActions.skip.id(), label: t("home.button.skip") }] : []),
      ...(joined ? [{ actionId: homeActions.pause.id(), label: t("home.button.pause") }] : []),
    ];
  return { card, buttons };
}

async function networkPart(ctx: CommandContext): Promise<Card> {
  const { t, port, member } = ctx;
  const { connections, people } = await loadNetwork(ctx, member);
  if (connections.length === 0) return { title: t("home.network.title"), description: t("home.network.empty"), fields: [] };
  const [suggestions, { thanked }] = await Promise.all([
    suggestionsFor(ctx, member, connections, SUGGESTIONS_SHOWN), ctx.store.network.givingOf(member.id),
  ]);
  return {
    title: t("home.network.title"),
    description: t("home.network.summary", {
      people: connections.filter((c) => c.otherId !== null).length,
      mutual: connections.filter((c) => c.mutual).length,
      thanks: thanked,
    }),
    fields: suggestions.length > 0
      ? [{ name: t("home.network.suggestions"), value: suggestions.map((s) => `• ${suggestionLine(t, nameOf(t, port, people, s.otherId), s)}`).join("\n") }]
      : [],
  };
}

async function postsPart(ctx: CommandContext): Promise<Card> {
  const { t, port } = ctx;
  const now = ctx.now();
  const open = (await ctx.store.offers.ofMember(ctx.member.id, POSTS_LOOKED_AT)).filter((post) => statusAt(post, now) === "open");
  const lines = open.map((post) =>
    `${t(`${post.kind}.mark`)} ${post.title} — ${t("offers.status.openUntil", { time: port.formatTime(post.expiresAt, zoneOf(ctx)) })}`);
  return { title: t("home.posts.title"), description: lines.length > 0 ? lines.join("\n") : t("home.posts.none"), fields: [] };
}

async function roundsPart(ctx: CommandContext): Promise<Card> {
  const { t, port, store, member } = ctx;
  const now = ctx.now();
  const fields = [];
  for (const { round, status } of await store.rounds.roundsOf(member.id)) {
    const sessions = await store.rounds.sessions(round.id);
    const next = sessions
      .filter((s) => s.status === "scheduled" && s.startsAt > now)
      .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())[0];
    if (!next) continue;
    const position = status === "waitlist" ? waitlistPosition(await store.rounds.participants(round.id), member.id) : undefined;
    const seat = position !== undefined ? t("home.rounds.waitlist", { position }) : t("home.rounds.seat");
    const when = [port.formatTime(next.startsAt, round.timeZone), next.label].filter(Boolean).join(" · ");
    fields.push({ name: roundTitle(t, round), value: `${t("home.rounds.next", { time: when })}\n${seat}` });
    if (fields.length === ROUNDS_SHOWN) break;
  }
  return { title: t("home.rounds.title"), ...(fields.length > 0 ? {} : { description: t("home.rounds.none") }), fields };
}

/** The member's own page, in their language, as it is now. */
export async function memberHome(ctx: CommandContext): Promise<HomeView> {
  const [pairing, network, posts, rounds] = await Promise.all([pairingPart(ctx), networkPart(ctx), postsPart(ctx), roundsPart(ctx)]);
  return {
    title: ctx.t("home.title", { member: ctx.member.displayName }),
    cards: [pairing.card, network, posts, rounds],
    buttons: pairing.buttons,
  };
}
