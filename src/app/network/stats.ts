import { communityFigures, networkGraph, weekStart, type CommunityFigures, type Period } from "../../core/network/index.js";
import { INDUSTRIES, type Intro } from "../../core/profile.js";
import type { Locale, Translate } from "../../i18n/index.js";
import type { FunnelInput, TrendInput } from "../../pictures/charts.js";
import type { NetworkInput } from "../../pictures/network.js";
import type { Picture } from "../../pictures/picture.js";
import type { ReplyFile } from "../../port/message.js";
import { moduleBeside, runOffThread } from "../../workers/off-thread.js";
import type { CommandContext, CommunityContext } from "../context.js";
import { privateReply, type Outcome } from "../reply.js";

// For organizers: the community's figures over the last weeks with a funnel and a weekly trend as
// pictures (/musubi stats), and a drawing of who has met whom (/musubi network).

export const DEFAULT_STATS_WEEKS = 12;
/** Members without a connection named to the organizer, at most. */
const UNCONNECTED_NAMED = 20;

const percent = (t: Translate, value: number | null) => (value === null ? t("stats.none") : `${Math.round(value * 100)}%`);
const decimal = (t: Translate, value: number | null) => (value === null ? t("stats.none") : value.toFixed(1));

const industryLabel = (t: Translate, industry: string | null) =>
  industry === null ? t("stats.noIntro") : (INDUSTRIES as readonly string[]).includes(industry) ? t(`industry.${industry as Intro["industry"]}`) : industry;

/** The figures as lines of text, in the organizer's language. */
export function figureLines(t: Translate, f: CommunityFigures): string[] {
  return [
    t("stats.members", { intro: f.membersWithIntro, pairing: f.membersInPairing }),
    t("stats.pairing", { groups: f.groups, matched: f.matched, answered: percent(t, f.answerRate) }),
    t("stats.met", { rate: percent(t, f.metRate), inPerson: f.metInPerson, online: f.metOnline }),
    t("stats.meetAgain", { rate: percent(t, f.meetAgainRate), mutual: f.mutualConnections }),
    t("stats.mix", { cross: percent(t, f.crossIndustryShare), gap: decimal(t, f.meanSeniorityGap) }),
    t("stats.board", {
      offers: f.offers, asks: f.asks, answered: f.answered,
      hours: f.medianHoursToAnswer === null ? t("stats.none") : f.medianHoursToAnswer.toFixed(1),
    }),
    t("stats.thanks", { exchanges: f.exchanges, thanks: f.thanks }),
    t("stats.rounds", { sessions: f.sessions, seats: f.seatsFilled, attendance: percent(t, f.attendanceRate), takeaways: f.takeaways }),
  ];
}

const png = (name: string, content: Uint8Array): ReplyFile => ({ name, contentType: "image/png", content });

// Pictures are drawn in a worker thread (vega's layout and the SVG take hundreds of milliseconds
// that would hold every other answer), which loads the picture libraries (vega, resvg, a Japanese
// font) for the picture and frees them after it: no process pays for them at start or at rest.
const statsCharts = (input: { funnel: FunnelInput; trend: TrendInput }) =>
  runOffThread<typeof input, { funnel: Picture; trend: Picture }>(moduleBeside(import.meta.url, "../../pictures/stats-charts"), "statsCharts", input);
const networkPicture = (input: NetworkInput) =>
  runOffThread<NetworkInput, Picture>(moduleBeside(import.meta.url, "../../pictures/network"), "networkPicture", input);

/** The figures of a period as text and its funnel and weekly trend as PNG files, in one language. */
export async function statsReport(
  ctx: Pick<CommunityContext, "store" | "now" | "log">,
  view: { t: Translate; locale: Locale; zone: string },
  period: Period,
  heading: string,
): Promise<{ text: string; files: ReplyFile[]; figures: CommunityFigures }> {
  const { t } = view;
  const figures = communityFigures(await ctx.store.network.activity(period.from), period);
  const day = new Intl.DateTimeFormat(view.locale === "ja" ? "ja-JP" : "en-GB", { month: "numeric", day: "numeric", timeZone: view.zone });
  const { funnel, trend } = await statsCharts({
    funnel: {
      title: t("stats.funnel.title"),
      steps: [
        { label: t("stats.funnel.matched"), value: figures.funnel.matched },
        { label: t("stats.funnel.met"), value: figures.funnel.met },
        { label: t("stats.funnel.onward"), value: figures.funnel.metAgainOrHelped },
      ],
    },
    trend: {
      title: t("stats.trend.title"),
      weeks: figures.weeks.map((w) => day.format(w.start)),
      series: [
        { label: t("stats.trend.groups"), values: figures.weeks.map((w) => w.groups) },
        { label: t("stats.trend.met"), values: figures.weeks.map((w) => w.met) },
        { label: t("stats.trend.exchanges"), values: figures.weeks.map((w) => w.exchanges) },
        { label: t("stats.trend.thanks"), values: figures.weeks.map((w) => w.thanks) },
      ],
    },
  });
  const date = period.to.toISOString().slice(0, 10);
  return {
    text: [heading, ...figureLines(t, figures)].join("\n"),
    files: [png(`musubi-funnel-${date}.png`, funnel.png), png(`musubi-trend-${date}.png`, trend.png)],
    figures,
  };
}

/** The first day of a period, as a date in the reader's language. */
export const dateOf = (locale: Locale, at: Date, zone: string) =>
  new Intl.DateTimeFormat(locale === "ja" ? "ja-JP" : "en-GB", { dateStyle: "medium", timeZone: zone }).format(at);

/** `/musubi stats [weeks]`: the figures of the last weeks, and two pictures. */
export async function communityStats(ctx: CommandContext, weeks: number): Promise<Outcome> {
  const to = ctx.now();
  const from = weekStart(new Date(to.getTime() - (weeks - 1) * 7 * 86_400_000));
  const zone = ctx.member.timeZone ?? ctx.community.timeZone;
  const heading = ctx.t("stats.title", { weeks, from: dateOf(ctx.locale, from, "UTC") });
  const report = await statsReport(ctx, { t: ctx.t, locale: ctx.locale, zone }, { from, to }, heading);
  ctx.log.info({ weeks, groups: report.figures.groups }, "stats shown");
  return privateReply(report.text, { files: report.files });
}

/** The drawing of who has met whom, with or without names, and the graph it was drawn from. */
export async function drawNetwork(ctx: Pick<CommunityContext, "store" | "now">, t: Translate, withNames: boolean) {
  const graph = networkGraph(await ctx.store.network.activity());
  const picture = await networkPicture({
    title: t("stats.network.title", { members: graph.nodes.length, connections: graph.edges.length }),
    nodes: graph.nodes.map((n) => ({ id: n.id, group: industryLabel(t, n.industry), ...(withNames ? { label: n.name } : {}) })),
    edges: graph.edges.map((e) => ({ a: e.a, b: e.b, weight: e.weight })),
    legendTitle: t("stats.network.legend"),
    caption: t("stats.network.caption", { wellConnected: percent(t, graph.wellConnectedShare), cross: percent(t, graph.crossIndustryShare) }),
  });
  const file = png(`musubi-network${withNames ? "" : "-anonymous"}-${ctx.now().toISOString().slice(0, 10)}.png`, picture.png);
  return { graph, file };
}

/** `/musubi network [names]`: who has met whom, coloured by industry, with the figures about it. */
export async function networkDrawing(ctx: CommandContext, withNames: boolean): Promise<Outcome> {
  const { t } = ctx;
  const { graph, file } = await drawNetwork(ctx, t, withNames);
  const unconnected = graph.unconnected.slice(0, UNCONNECTED_NAMED).map((m) => m.name);
  const lines = [
    t("stats.network.figures", { wellConnected: percent(t, graph.wellConnectedShare), cross: percent(t, graph.crossIndustryShare) }),
    graph.unconnected.length === 0
      ? t("stats.network.allConnected")
      : t("stats.network.unconnected", {
        count: graph.unconnected.length,
        names: new Intl.ListFormat(ctx.locale, { type: "conjunction" }).format(unconnected) + (graph.unconnected.length > unconnected.length ? " …" : ""),
      }),
  ];
  return privateReply(lines.join("\n"), { files: [file] });
}
