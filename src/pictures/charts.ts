/**
 * Charts for organizers: vega-lite → vega → SVG (headless, renderer "none") → PNG.
 * Labels come already localized; this module only draws.
 */
import * as vega from "vega";
import { compile, type TopLevelSpec } from "vega-lite";
import { FONT_FAMILY, textWidth } from "./font.js";
import { PALETTE } from "./palette.js";
import type { Picture } from "./picture.js";
import { pictureOf } from "./render.js";

export interface FunnelInput {
  title: string;
  /** In order, widest first (e.g. 組まれたペア → 会えた → また会いたい). */
  steps: { label: string; value: number }[];
}

export interface TrendInput {
  title: string;
  /** Labels of the weeks, oldest first (e.g. "11/30"). */
  weeks: string[];
  /** One line each; `values[i]` belongs to `weeks[i]` (missing or non-finite values are left out). */
  series: { label: string; values: number[] }[];
}

/** PNG pixels per SVG pixel: sharp on high-density screens, still a small file. */
const SCALE = 2;
const BAR_COLOUR = PALETTE[0]!;
const MAX_WEEK_LABELS = 13;

/** Horizontal bars, one per step in the given order, each with its value (and its share of the first step). */
export async function funnelChart(input: FunnelInput): Promise<Picture> {
  const first = input.steps[0]?.value ?? 0;
  const rows = input.steps.map((step, i) => {
    const value = finite(step.value);
    const share = i > 0 && first > 0 ? ` (${Math.round((value / first) * 100)}%)` : "";
    return { i, value, text: formatNumber(value) + share };
  });
  const max = Math.max(0, ...rows.map((r) => r.value));
  const spec: TopLevelSpec = {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    ...base(input.title),
    params: [{ name: "stepLabels", value: input.steps.map((s) => s.label) }],
    width: 480,
    height: { step: 44 },
    data: { values: rows },
    encoding: {
      y: {
        field: "i",
        type: "ordinal",
        sort: "ascending",
        title: null,
        axis: {
          labelExpr: "stepLabels[datum.value]",
          labelFontSize: 14,
          labelLimit: 320,
          labelPadding: 8,
          ticks: false,
          domain: false,
        },
      },
      x: {
        field: "value",
        type: "quantitative",
        axis: null,
        scale: { domain: [0, max > 0 ? max : 1], nice: false },
      },
    },
    layer: [
      { mark: { type: "bar", color: BAR_COLOUR, cornerRadiusEnd: 3, height: { band: 0.72 } } },
      {
        mark: { type: "text", align: "left", baseline: "middle", dx: 6, fontSize: 14, color: "#333333" },
        encoding: { text: { field: "text", type: "nominal" } },
      },
    ],
  };
  return chartPicture(spec);
}

/** One line per series over the weeks, with a legend of the series. */
export async function trendChart(input: TrendInput): Promise<Picture> {
  const rows: { w: number; s: number; value: number }[] = [];
  input.series.forEach((series, s) => {
    input.weeks.forEach((_, w) => {
      const value = series.values[w];
      if (value !== undefined && Number.isFinite(value)) rows.push({ w, s, value });
    });
  });
  const every = Math.max(1, Math.ceil(input.weeks.length / MAX_WEEK_LABELS));
  const shownWeeks = input.weeks.map((_, w) => w).filter((w) => (input.weeks.length - 1 - w) % every === 0);
  const seriesLabels = input.series.map((s) => s.label);
  const legendWidth = Math.max(0, ...seriesLabels.map((l) => textWidth(l, 13)));
  const spec: TopLevelSpec = {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    ...base(input.title),
    params: [
      { name: "weekLabels", value: input.weeks },
      { name: "seriesLabels", value: seriesLabels },
    ],
    width: 720,
    height: 320,
    data: { values: rows },
    mark: { type: "line", strokeWidth: 2.5, point: input.weeks.length <= 16 ? { filled: true, size: 40 } : false },
    encoding: {
      x: {
        field: "w",
        type: "ordinal",
        title: null,
        scale: { domain: input.weeks.map((_, w) => w) },
        axis: { labelExpr: "weekLabels[datum.value]", values: shownWeeks, labelAngle: 0, labelFontSize: 12, grid: false },
      },
      y: {
        field: "value",
        type: "quantitative",
        title: null,
        axis: { labelFontSize: 12, tickMinStep: 1, format: ",~r", gridColor: "#e6e6e6" },
        scale: { zero: true },
      },
      color: {
        field: "s",
        type: "nominal",
        scale: { domain: seriesLabels.map((_, s) => s), range: seriesLabels.map((_, s) => PALETTE[s % PALETTE.length]!) },
        legend: {
          title: null,
          labelExpr: "seriesLabels[datum.value]",
          labelFontSize: 13,
          labelLimit: Math.ceil(legendWidth) + 8,
          symbolType: "stroke",
          symbolStrokeWidth: 3,
          symbolSize: 300,
          rowPadding: 8,
          orient: "right",
        },
      },
    },
  };
  return chartPicture(spec);
}

function base(title: string): Pick<TopLevelSpec, "title" | "background" | "padding" | "config"> {
  return {
    title: { text: title, anchor: "start", fontSize: 18, fontWeight: "bold", offset: 14, color: "#222222" },
    background: "white",
    padding: { left: 16, right: 24, top: 16, bottom: 16 },
    config: { font: FONT_FAMILY, view: { stroke: null }, axis: { labelColor: "#333333" }, legend: { labelColor: "#333333" } },
  };
}

function finite(value: number): number {
  return Number.isFinite(value) ? value : 0;
}

const numberFormat = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });

function formatNumber(value: number): string {
  return numberFormat.format(value);
}

interface VegaTextItem {
  fontSize?: number;
  fontWeight?: string | number;
}

/** vega's text width estimate (0.8 em a character, no canvas here) is too narrow for Japanese: use the font's widths. */
function measureWithFont(): void {
  const metrics = (vega as unknown as { textMetrics: { width: (item: VegaTextItem, text: string) => number } }).textMetrics;
  metrics.width = (item, text) => {
    const size = item.fontSize != null ? Number(item.fontSize) || 0 : 11;
    const weight = item.fontWeight === "bold" || Number(item.fontWeight) >= 600 ? "bold" : "regular";
    return textWidth(text == null ? "" : String(text).trim(), size, weight);
  };
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * vega numbers clip paths and gradients with process-wide counters: renders are run one at a time,
 * each from fresh counters, so the same input always gives the same SVG.
 */
function oneAtATime<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

async function chartPicture(spec: TopLevelSpec): Promise<Picture> {
  const svg = await oneAtATime(async () => {
    measureWithFont();
    vega.resetSVGDefIds();
    const view = new vega.View(vega.parse(compile(spec).spec), { renderer: "none" });
    try {
      return await view.toSVG();
    } finally {
      view.finalize();
    }
  });
  const width = Number(/<svg[^>]*?\swidth="([\d.]+)"/.exec(svg)?.[1] ?? 800);
  return pictureOf(svg, width, SCALE);
}
