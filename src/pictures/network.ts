/**
 * A drawing of who met whom, 1200×900: a force layout (see layout.ts: d3-force, multilevel, seeded,
 * so the same input gives the same picture), circles coloured by group with a legend of the groups,
 * a line per edge (wider for heavier edges), and names next to the circles when given and the
 * network has at most MAX_LABELED_NODES nodes (names that would overlap are left out).
 * The SVG is written here; every text in it is escaped.
 */
import { FONT_FAMILY, textWidth, truncateText } from "./font.js";
import { layoutNetwork, type LayoutEdge } from "./layout.js";
import { colourAt } from "./palette.js";
import type { Picture } from "./picture.js";
import { pngSize, svgToPng } from "./render.js";
import { escapeXml } from "./xml.js";

export interface NetworkInput {
  title: string;
  nodes: { id: string; label?: string; group: string }[];
  /** Edges whose ends are not both among the nodes are left out, and so are loops. */
  edges: { a: string; b: string; weight?: number }[];
  legendTitle: string;
  caption?: string;
}

/** Above this many nodes names are not drawn, even when given: they would only cover each other. */
export const MAX_LABELED_NODES = 300;

const WIDTH = 1200;
const HEIGHT = 900;
const MARGIN = 24;
const TITLE_SIZE = 22;
const LEGEND_SIZE = 14;
const LEGEND_ROW = 24;
const LABEL_SIZE = 11;
const CAPTION_SIZE = 13;
const MAX_LEGEND_WIDTH = 260;
/** PNG pixels per SVG pixel. */
const SCALE = 1;

export async function networkPicture(input: NetworkInput): Promise<Picture> {
  // The first node with an id counts; later ones with the same id are left out.
  const index = new Map<string, number>();
  const list: NetworkInput["nodes"] = [];
  for (const node of input.nodes) {
    if (index.has(node.id)) continue;
    index.set(node.id, list.length);
    list.push(node);
  }
  const edges = usableEdges(input.edges, index);
  const groups = groupOrder(list.map((n) => n.group));
  const rank = new Map(groups.map((g, i) => [g.name, i]));
  const ringOrder = list.map((_, i) => i).sort((x, y) => rank.get(list[x]!.group)! - rank.get(list[y]!.group)! || x - y);
  const named = list.length <= MAX_LABELED_NODES && list.some((node) => node.label);
  const positions = await layoutNetwork(list.length, edges, { order: ringOrder, spacing: named ? 1.2 : 0 });
  const svg = drawSvg(input, list, edges, positions, groups);
  const png = await svgToPng(svg, WIDTH * SCALE);
  return { png, svg, ...pngSize(png) };
}

type Edge = LayoutEdge;

function usableEdges(edges: NetworkInput["edges"], index: Map<string, number>): Edge[] {
  const out: Edge[] = [];
  for (const edge of edges) {
    const source = index.get(edge.a);
    const target = index.get(edge.b);
    if (source === undefined || target === undefined || source === target) continue;
    const weight = edge.weight !== undefined && Number.isFinite(edge.weight) && edge.weight > 0 ? edge.weight : 1;
    out.push({ source, target, weight });
  }
  return out;
}

const byName = new Intl.Collator("ja", { numeric: true });

/**
 * Groups by how many nodes they hold (most first, then by name): the order of colours and of the
 * legend. Past the palette's 20 colours, colours repeat.
 */
function groupOrder(groupOfNode: string[]): { name: string; count: number; colour: string }[] {
  const counts = new Map<string, number>();
  for (const g of groupOfNode) counts.set(g, (counts.get(g) ?? 0) + 1);
  return [...counts.entries()]
    .sort((x, y) => y[1] - x[1] || byName.compare(x[0], y[0]) || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0))
    .map(([name, count], i) => ({ name, count, colour: colourAt(i) }));
}

function fmt(v: number): string {
  return (Math.round(v * 10) / 10).toString();
}

function drawSvg(
  input: NetworkInput,
  nodes: NetworkInput["nodes"],
  edges: Edge[],
  positions: Float64Array,
  groups: { name: string; count: number; colour: string }[],
): string {
  const n = nodes.length;
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="${FONT_FAMILY}">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`,
  );
  const titleY = MARGIN + TITLE_SIZE;
  out.push(
    `<text x="${MARGIN}" y="${titleY}" font-size="${TITLE_SIZE}" font-weight="bold" fill="#222222">${escapeXml(truncateText(input.title, WIDTH - 2 * MARGIN, TITLE_SIZE, "bold"))}</text>`,
  );

  // Legend on the right: its title, then a dot and a name per group, as many rows as fit.
  const legendNames = groups.map((g) => truncateText(g.name, MAX_LEGEND_WIDTH, LEGEND_SIZE));
  const legendTitle = truncateText(input.legendTitle, MAX_LEGEND_WIDTH + 20, LEGEND_SIZE, "bold");
  const legendWidth = Math.ceil(
    Math.max(textWidth(legendTitle, LEGEND_SIZE, "bold"), ...legendNames.map((name) => 20 + textWidth(name, LEGEND_SIZE))),
  );
  const legendX = WIDTH - MARGIN - legendWidth;
  const top = titleY + 24;
  const captionLines = input.caption ? 1 : 0;
  const bottom = HEIGHT - MARGIN - captionLines * (CAPTION_SIZE + 10);
  out.push(
    `<text x="${legendX}" y="${top + LEGEND_SIZE}" font-size="${LEGEND_SIZE}" font-weight="bold" fill="#222222">${escapeXml(legendTitle)}</text>`,
  );
  const rowsFit = Math.max(0, Math.floor((bottom - top - LEGEND_ROW) / LEGEND_ROW));
  const shown = groups.length > rowsFit ? Math.max(0, rowsFit - 1) : groups.length;
  for (let i = 0; i < shown; i++) {
    const y = top + LEGEND_ROW * (i + 1) + LEGEND_SIZE;
    out.push(
      `<circle cx="${legendX + 6}" cy="${y - LEGEND_SIZE / 2 + 2}" r="6" fill="${groups[i]!.colour}"/>`,
      `<text x="${legendX + 20}" y="${y}" font-size="${LEGEND_SIZE}" fill="#333333">${escapeXml(legendNames[i]!)}</text>`,
    );
  }
  if (shown < groups.length) {
    const y = top + LEGEND_ROW * (shown + 1) + LEGEND_SIZE;
    out.push(`<text x="${legendX + 20}" y="${y}" font-size="${LEGEND_SIZE}" fill="#666666">+${groups.length - shown}</text>`);
  }

  if (input.caption) {
    out.push(
      `<text x="${MARGIN}" y="${HEIGHT - MARGIN}" font-size="${CAPTION_SIZE}" fill="#555555">${escapeXml(truncateText(input.caption, WIDTH - 2 * MARGIN, CAPTION_SIZE))}</text>`,
    );
  }

  // The drawing area: left of the legend, between title and caption; the layout is scaled to fit it.
  const labels = n <= MAX_LABELED_NODES;
  const labelRoom = labels && nodes.some((node) => node.label) ? 60 : 0;
  const area = { x: MARGIN, y: top, w: legendX - 24 - MARGIN, h: bottom - top };
  const radius = n <= 100 ? 6 : n <= 1000 ? 4 : n <= 5000 ? 2.5 : 1.8;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < n; i++) {
    const x = positions[2 * i]!;
    const y = positions[2 * i + 1]!;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  const spanX = Math.max(maxX - minX, 1e-9);
  const spanY = Math.max(maxY - minY, 1e-9);
  const innerW = area.w - 2 * radius - labelRoom;
  const innerH = area.h - 2 * radius;
  const scale = n <= 1 ? 0 : Math.min(innerW / spanX, innerH / spanY, n <= 20 ? 6 : Infinity);
  const offX = area.x + radius + labelRoom / 2 + (innerW - spanX * scale) / 2 - minX * scale;
  const offY = area.y + radius + (innerH - spanY * scale) / 2 - minY * scale;
  const px = new Float64Array(n);
  const py = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    px[i] = n === 1 ? area.x + area.w / 2 : positions[2 * i]! * scale + offX;
    py[i] = n === 1 ? area.y + area.h / 2 : positions[2 * i + 1]! * scale + offY;
  }

  // Edges first, thin and translucent so that dense parts read as darker.
  if (edges.length > 0) {
    const maxWeight = edges.reduce((m, e) => Math.max(m, e.weight), 1);
    const base = n <= 100 ? 1.4 : n <= 1000 ? 0.8 : 0.4;
    const opacity = n <= 100 ? 0.5 : n <= 1000 ? 0.3 : 0.12;
    // Edges in at most 3 widths (by log weight); each width is one path (fast to parse and draw at 50,000 edges).
    const buckets: string[][] = [[], [], []];
    for (const e of edges) {
      const b = e.weight > 1 && maxWeight > 1 ? Math.min(2, Math.floor((Math.log(e.weight) / Math.log(maxWeight)) * 3)) : 0;
      buckets[b]!.push(`M${fmt(px[e.source]!)} ${fmt(py[e.source]!)}L${fmt(px[e.target]!)} ${fmt(py[e.target]!)}`);
    }
    buckets.forEach((segments, b) => {
      if (segments.length === 0) return;
      out.push(
        `<path d="${segments.join("")}" fill="none" stroke="#8a8f98" stroke-opacity="${opacity}" stroke-width="${fmt(base * (1 + b))}" stroke-linecap="round"/>`,
      );
    });
  }

  // Nodes, one group element per colour.
  const byGroup = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    const g = nodes[i]!.group;
    let list = byGroup.get(g);
    if (!list) byGroup.set(g, (list = []));
    list.push(i);
  }
  for (const group of groups) {
    const members = byGroup.get(group.name) ?? [];
    out.push(`<g fill="${group.colour}" stroke="#ffffff" stroke-width="${n <= 1000 ? 1 : 0.3}">`);
    for (const i of members) out.push(`<circle cx="${fmt(px[i]!)}" cy="${fmt(py[i]!)}" r="${radius}"/>`);
    out.push("</g>");
  }

  if (labels) {
    const placed = placeLabels(nodes, edges, px, py, radius, { x: 4, y: top, w: legendX - 12, h: bottom - top });
    out.push(`<g font-size="${LABEL_SIZE}" fill="#222222" stroke="#ffffff" stroke-width="3" stroke-linejoin="round" paint-order="stroke">`);
    for (const label of placed) {
      out.push(`<text x="${fmt(label.x)}" y="${fmt(label.y)}"${label.anchorEnd ? ' text-anchor="end"' : ""}>${escapeXml(label.text)}</text>`);
    }
    out.push("</g>");
  }
  out.push("</svg>");
  return out.join("");
}

interface PlacedLabel {
  text: string;
  /** Where the text starts (its end, when anchorEnd), on its baseline. */
  x: number;
  y: number;
  anchorEnd: boolean;
}

/**
 * Names next to their circles, best connected first: right of the circle, else left, above or
 * below, wherever the name overlaps no name already placed; a name with no free place is left out.
 */
function placeLabels(
  nodes: NetworkInput["nodes"],
  edges: Edge[],
  px: Float64Array,
  py: Float64Array,
  radius: number,
  area: { x: number; y: number; w: number; h: number },
): PlacedLabel[] {
  const degree = new Int32Array(nodes.length);
  for (const e of edges) {
    degree[e.source]!++;
    degree[e.target]!++;
  }
  const order = nodes.map((_, i) => i).filter((i) => nodes[i]!.label);
  order.sort((x, y) => degree[y]! - degree[x]! || x - y);

  const CELL = 48;
  const grid = new Map<number, { x0: number; y0: number; x1: number; y1: number }[]>();
  const cells = (b: { x0: number; y0: number; x1: number; y1: number }) => {
    const keys: number[] = [];
    for (let cy = Math.floor(b.y0 / CELL); cy <= Math.floor(b.y1 / CELL); cy++)
      for (let cx = Math.floor(b.x0 / CELL); cx <= Math.floor(b.x1 / CELL); cx++) keys.push(cy * 10_000 + cx);
    return keys;
  };
  const free = (b: { x0: number; y0: number; x1: number; y1: number }) => {
    if (b.x0 < area.x || b.y0 < area.y || b.x1 > area.x + area.w || b.y1 > area.y + area.h) return false;
    for (const key of cells(b))
      for (const o of grid.get(key) ?? []) if (b.x0 < o.x1 && o.x0 < b.x1 && b.y0 < o.y1 && o.y0 < b.y1) return false;
    return true;
  };

  const placed: PlacedLabel[] = [];
  const ascent = LABEL_SIZE * 0.88;
  const descent = LABEL_SIZE * 0.24;
  for (const i of order) {
    const text = truncateText(nodes[i]!.label!, 140, LABEL_SIZE);
    const w = textWidth(text, LABEL_SIZE);
    const x = px[i]!;
    const y = py[i]!;
    const mid = y + LABEL_SIZE / 3;
    const gap = radius + 3;
    const tries: PlacedLabel[] = [
      { text, x: x + gap, y: mid, anchorEnd: false },
      { text, x: x - gap, y: mid, anchorEnd: true },
      { text, x: x - w / 2, y: y - gap - descent, anchorEnd: false },
      { text, x: x - w / 2, y: y + gap + ascent, anchorEnd: false },
    ];
    for (const t of tries) {
      const x0 = t.anchorEnd ? t.x - w : t.x;
      const box = { x0: x0 - 1, y0: t.y - ascent - 1, x1: x0 + w + 1, y1: t.y + descent + 1 };
      if (!free(box)) continue;
      for (const key of cells(box)) {
        let list = grid.get(key);
        if (!list) grid.set(key, (list = []));
        list.push(box);
      }
      placed.push(t);
      break;
    }
  }
  return placed;
}
