import { connectionsOf, reconnectSuggestions, type Connection, type Encounter, type ReconnectSuggestion } from "../../core/network/index.js";
import { MIN_FIT_SCORE, fitBetween, subjectOfList } from "../../core/offers/fit.js";
import type { Translate } from "../../i18n/index.js";
import type { Button } from "../../port/message.js";
import type { MemberRecord } from "../../store/records.js";
import type { CommandContext, CommunityContext } from "../context.js";
import { subjectOfPost } from "../offers/card.js";
import { privateReply, type Outcome } from "../reply.js";
import { networkActions } from "./actions.js";

// /network: the people a member has met through musubi, the most recent first, how and how often;
// /network @member: the shared history with one person; and whom to reconnect with.

/** People per page of /network. */
export const NETWORK_PAGE = 10;
/** Ways of meeting shown per person in the list; /network @member shows them all. */
const WAYS_SHOWN = 3;
const SUGGESTIONS_SHOWN = 3;

/** The member's connections and the members they name, loaded once. */
export async function loadNetwork(ctx: Pick<CommunityContext, "store">, member: MemberRecord) {
  const { network } = ctx.store;
  const [encounters, thanks, mutual] = await Promise.all([
    network.encountersOf(member.id), network.thanksNotesOf(member.id), network.mutualWith(member.id),
  ]);
  const connections = connectionsOf(member.id, encounters, thanks, mutual);
  const people = new Map<string, MemberRecord>();
  for (const id of new Set(connections.flatMap((c) => (c.otherId ? [c.otherId] : [])))) {
    const other = await ctx.store.members.find(id);
    if (other) people.set(id, other);
  }
  return { connections, people };
}

/** Open offers of people the member has met that fit what the member is looking for (from the intro). */
async function offersThatFit(ctx: CommunityContext, member: MemberRecord, metIds: ReadonlySet<string>): Promise<Map<string, string>> {
  const intro = (await ctx.store.profiles.find(member.id))?.intro;
  const found = new Map<string, string>();
  if (!intro || intro.lookingFor.length === 0) return found;
  const seeking = subjectOfList(intro.lookingFor);
  for (const post of await ctx.store.offers.live(ctx.now(), { kind: "offer", limit: 500 })) {
    if (!metIds.has(post.memberId) || found.has(post.memberId)) continue;
    if (fitBetween(seeking, subjectOfPost(post)).score >= MIN_FIT_SCORE) found.set(post.memberId, post.title);
  }
  return found;
}

/** Whom the member might reconnect with now: never a former member, someone snoozed or a blocked pair. */
export async function suggestionsFor(
  ctx: CommunityContext, member: MemberRecord, connections: readonly Connection[], limit: number,
): Promise<ReconnectSuggestion[]> {
  const metIds = new Set(connections.flatMap((c) => (c.otherId ? [c.otherId] : [])));
  const blocked = (await ctx.store.pairing.blocks()).flatMap((b) =>
    b.memberId === member.id ? [b.blockedMemberId] : b.blockedMemberId === member.id ? [b.memberId] : []);
  const excluded = new Set([...await ctx.store.network.snoozedBy(member.id, ctx.now()), ...blocked]);
  return reconnectSuggestions(connections, { now: ctx.now(), excluded, offersThatFit: await offersThatFit(ctx, member, metIds), limit });
}

/** One way two members met, in a few words: "paired on <date> (met in person)". */
export function wayLine(t: Translate, ctx: Pick<CommandContext, "port" | "community"> & { zone: string }, encounter: Encounter): string {
  const time = ctx.port.formatTime(encounter.at, ctx.zone);
  switch (encounter.kind) {
    case "pairing":
      return t("network.way.pairing", { time, how: t(encounter.answer ? `network.how.${encounter.answer}` : "network.how.unknown") });
    case "exchange":
      return t(encounter.helpedBy === "you" ? "network.way.youHelped" : "network.way.helpedYou", { time, title: encounter.title });
    case "session":
      return t("network.way.session", { time, title: encounter.roundTitle, position: encounter.position });
  }
}

/** "@ken さん", or "a former member" for someone who deleted their data (never their name). */
export const nameOf = (t: Translate, port: CommandContext["port"], people: ReadonlyMap<string, MemberRecord>, otherId: string | null) => {
  const other = otherId ? people.get(otherId) : undefined;
  return other ? t("network.person", { member: port.mentionUser(other.platformUserId) }) : t("network.formerMember");
};

function connectionLine(ctx: CommandContext, people: ReadonlyMap<string, MemberRecord>, connection: Connection, zone: string): string {
  const { t } = ctx;
  const ways = connection.encounters.slice(0, WAYS_SHOWN).map((e) => wayLine(t, { ...ctx, zone }, e));
  const more = connection.encounters.length - ways.length;
  const marks = [
    connection.mutual ? t("network.mark.mutual") : "",
    connection.thanksReceived + connection.thanksSent > 0 ? t("network.mark.thanks", { received: connection.thanksReceived, sent: connection.thanksSent }) : "",
  ].filter(Boolean).join(" · ");
  return [
    t("network.line", { member: nameOf(t, ctx.port, people, connection.otherId), count: connection.encounters.length, time: ctx.port.formatTime(connection.lastAt, zone) })
      + (marks ? ` · ${marks}` : ""),
    ...ways.map((w) => `   – ${w}`),
    ...(more > 0 ? [`   – ${t("network.moreWays", { count: more })}`] : []),
  ].join("\n");
}

/** Why someone is suggested, in the reader's language. */
export function suggestionLine(t: Translate, member: string, s: ReconnectSuggestion): string {
  return s.reason === "offersWhatYouSeek"
    ? t("network.suggest.offersWhatYouSeek", { member, title: s.offerTitle ?? "" })
    : t(`network.suggest.${s.reason}`, { member });
}

/** "Say hello to Ken" and "Not now" for each suggestion. */
export function suggestionButtons(t: Translate, people: ReadonlyMap<string, MemberRecord>, suggestions: readonly ReconnectSuggestion[]): Button[] {
  return suggestions.flatMap((s) => {
    const name = people.get(s.otherId)?.displayName ?? "";
    return [
      { actionId: networkActions.hello.id(s.otherId), label: t("network.suggest.hello", { name }), style: "primary" as const },
      { actionId: networkActions.notNow.id(s.otherId), label: t("network.suggest.notNow", { name }) },
    ];
  });
}

/** `/network [page]`: one page of the member's connections; the first also suggests whom to reconnect with. */
export async function showNetwork(ctx: CommandContext, page: number): Promise<Outcome> {
  const { t } = ctx;
  const zone = ctx.member.timeZone ?? ctx.community.timeZone;
  const { connections, people } = await loadNetwork(ctx, ctx.member);
  if (connections.length === 0) return privateReply(t("network.empty"));
  const pages = Math.ceil(connections.length / NETWORK_PAGE);
  const shown = Math.min(Math.max(page, 1), pages);
  const lines = connections.slice((shown - 1) * NETWORK_PAGE, shown * NETWORK_PAGE).map((c) => connectionLine(ctx, people, c, zone));
  const suggestions = shown === 1 ? await suggestionsFor(ctx, ctx.member, connections, SUGGESTIONS_SHOWN) : [];
  const { helped, thanked } = await ctx.store.network.givingOf(ctx.member.id);
  const text = [
    t("network.title", { people: connections.filter((c) => c.otherId !== null).length }),
    t("network.giving", { helped, thanked }),
    ...lines,
    ...(suggestions.length > 0 ? [t("network.suggest.title"), ...suggestions.map((s) => `• ${suggestionLine(t, nameOf(t, ctx.port, people, s.otherId), s)}`)] : []),
    ...(pages > 1 ? [t("network.page", { page: shown, pages })] : []),
  ].join("\n");
  const buttons: Button[] = [
    ...suggestionButtons(t, people, suggestions),
    ...(shown > 1 ? [{ actionId: networkActions.page.id(String(shown - 1)), label: t("network.previous") }] : []),
    ...(shown < pages ? [{ actionId: networkActions.page.id(String(shown + 1)), label: t("network.next") }] : []),
  ];
  return privateReply(text, buttons.length > 0 ? { buttons } : {});
}

/** `/network @member`: every way the two have met, newest first. */
export async function showSharedHistory(ctx: CommandContext, platformUserId: string): Promise<Outcome> {
  const { t } = ctx;
  const zone = ctx.member.timeZone ?? ctx.community.timeZone;
  const other = await ctx.store.members.findByPlatformUser(platformUserId);
  const mention = ctx.port.mentionUser(platformUserId);
  if (other?.id === ctx.member.id) return showNetwork(ctx, 1);
  const { connections } = await loadNetwork(ctx, ctx.member);
  const connection = other && connections.find((c) => c.otherId === other.id);
  if (!connection) return privateReply(t("network.with.none", { member: mention }));
  const marks = [
    connection.mutual ? t("network.mark.mutual") : "",
    t("network.mark.thanks", { received: connection.thanksReceived, sent: connection.thanksSent }),
  ].filter(Boolean).join(" · ");
  return privateReply([
    t("network.with.title", { member: mention, count: connection.encounters.length }),
    marks,
    ...connection.encounters.map((e) => `• ${wayLine(t, { ...ctx, zone }, e)}`),
  ].join("\n"));
}
