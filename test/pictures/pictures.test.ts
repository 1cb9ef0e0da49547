import { inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { funnelChart, trendChart } from "../../src/pictures/charts.js";
import { MAX_LABELED_NODES, networkPicture, type NetworkInput } from "../../src/pictures/network.js";
import { svgToPng } from "../../src/pictures/render.js";
import type { Picture } from "../../src/pictures/picture.js";

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Width and height from the IHDR chunk, which must come first. */
function ihdr(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  expect(new TextDecoder().decode(png.subarray(12, 16))).toBe("IHDR");
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

function expectPng(picture: Picture): void {
  expect([...picture.png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
  expect(ihdr(picture.png)).toEqual({ width: picture.width, height: picture.height });
  expect(picture.width).toBeGreaterThan(100);
  expect(picture.height).toBeGreaterThan(50);
}

/** RGBA pixels of an 8-bit, non-interlaced RGBA or RGB PNG (what resvg writes). */
function decodePng(png: Uint8Array): { width: number; height: number; rgba: Uint8Array } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const { width, height } = ihdr(png);
  const colourType = png[25]!;
  expect(png[24]).toBe(8);
  expect([2, 6]).toContain(colourType);
  const channels = colourType === 6 ? 4 : 3;
  const idat: Uint8Array[] = [];
  for (let at = 8; at < png.length; ) {
    const length = view.getUint32(at);
    const type = new TextDecoder().decode(png.subarray(at + 4, at + 8));
    if (type === "IDAT") idat.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const out = new Uint8Array(width * height * 4);
  const prev = new Uint8Array(stride);
  const line = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x]!;
      const a = x >= channels ? line[x - channels]! : 0;
      const b = prev[x]!;
      const c = x >= channels ? prev[x - channels]! : 0;
      const p = a + b - c;
      const pa = Math.abs(p - a);
      const pb = Math.abs(p - b);
      const pc = Math.abs(p - c);
      const paeth = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      line[x] = (v + [0, a, b, (a + b) >> 1, paeth][filter]!) & 0xff;
    }
    for (let x = 0; x < width; x++) {
      for (let k = 0; k < 3; k++) out[(y * width + x) * 4 + k] = line[x * channels + k]!;
      out[(y * width + x) * 4 + 3] = channels === 4 ? line[x * channels + 3]! : 255;
    }
    prev.set(line);
  }
  return { width, height, rgba: out };
}

/** Pixels clearly darker than the white background. */
function inked(rgba: Uint8Array): number {
  let count = 0;
  for (let i = 0; i < rgba.length; i += 4) if (rgba[i]! + rgba[i + 1]! + rgba[i + 2]! < 3 * 160) count++;
  return count;
}

const FUNNEL = {
  title: "11月のつながり",
  steps: [
    { label: "組まれたペア", value: 120 },
    { label: "会えた", value: 84 },
    { label: "また会いたい", value: 51 },
  ],
};

const TREND = {
  title: "週ごとの推移",
  weeks: ["11/2", "11/9", "11/16", "11/23", "11/30"],
  series: [
    { label: "会えた", values: [3, 5, 8, 6, 9] },
    { label: "助け合った（オファー経由）", values: [0, 1, 1, 2, 4] },
  ],
};

function smallNetwork(): NetworkInput {
  const groups = ["IT・通信", "製造", "金融・保険"];
  const nodes = Array.from({ length: 24 }, (_, i) => ({ id: `m${i}`, label: `メンバー${i}`, group: groups[i % 3]! }));
  const edges = nodes.slice(1).map((node, i) => ({ a: `m${Math.floor(i / 2)}`, b: node.id, weight: 1 + (i % 3) }));
  return { title: "つながりの地図", nodes, edges, legendTitle: "業種", caption: "線は会ったペア" };
}

const NASTY = `<b>&"`;

describe("pictures", () => {
  it("given funnel steps, then a PNG whose SVG holds the Japanese labels and the values", async () => {
    const picture = await funnelChart(FUNNEL);
    expectPng(picture);
    for (const text of ["11月のつながり", "組まれたペア", "会えた", "また会いたい", ">120<", "84 (70%)", "51 (43%)"]) {
      expect(picture.svg).toContain(text);
    }
  });

  it("given weekly series, then a PNG with a line per series and a legend of their labels", async () => {
    const picture = await trendChart(TREND);
    expectPng(picture);
    for (const text of ["週ごとの推移", "会えた", "助け合った（オファー経由）", "11/30"]) expect(picture.svg).toContain(text);
    expect(picture.svg.match(/class="mark-line/g)).toHaveLength(TREND.series.length);
  });

  it("given a network, then circles for its nodes, a legend of its groups and names next to the circles", async () => {
    const input = smallNetwork();
    const picture = await networkPicture(input);
    expectPng(picture);
    expect([picture.width, picture.height]).toEqual([1200, 900]);
    for (const text of ["つながりの地図", "業種", "IT・通信", "製造", "金融・保険", "線は会ったペア", "メンバー0"]) {
      expect(picture.svg).toContain(text);
    }
    // A legend dot per group and a circle per node.
    expect(picture.svg.match(/<circle /g)).toHaveLength(3 + input.nodes.length);
  });

  it("given nodes without labels, or too many nodes to name, then a drawing without names", async () => {
    const unnamed = smallNetwork();
    unnamed.nodes = unnamed.nodes.map(({ id, group }) => ({ id, group }));
    expect((await networkPicture(unnamed)).svg).not.toContain("メンバー");

    const many = MAX_LABELED_NODES + 1;
    const crowd = await networkPicture({
      title: "大きな地図",
      nodes: Array.from({ length: many }, (_, i) => ({ id: `n${i}`, label: `名前${i}`, group: "IT・通信" })),
      edges: Array.from({ length: many - 1 }, (_, i) => ({ a: `n${i}`, b: `n${i + 1}` })),
      legendTitle: "業種",
    });
    expectPng(crowd);
    expect(crowd.svg).not.toContain("名前");
  });

  it("given labels with XML-special characters, then they are escaped and every picture still renders", async () => {
    const funnel = await funnelChart({ title: NASTY, steps: [{ label: NASTY, value: 2 }] });
    const trend = await trendChart({ title: NASTY, weeks: [NASTY, "11/30"], series: [{ label: NASTY, values: [1, 2] }] });
    const network = await networkPicture({
      title: NASTY,
      nodes: [
        { id: NASTY, label: NASTY, group: NASTY },
        { id: "b", group: "IT・通信" },
      ],
      edges: [{ a: NASTY, b: "b" }],
      legendTitle: NASTY,
      caption: NASTY,
    });
    for (const picture of [funnel, trend, network]) {
      expect(picture.svg).toContain("&lt;b&gt;&amp;");
      expect(picture.svg).not.toContain("<b>");
      expectPng(picture);
      // resvg parses the SVG as XML: a broken document would not render again.
      const again = await svgToPng(picture.svg, 400);
      expect([...again.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
      expect(ihdr(again).width).toBe(400);
    }
  });

  it("given the same input twice, then the same PNG bytes, also when drawn at the same time", async () => {
    const [a, b] = await Promise.all([funnelChart(FUNNEL), funnelChart(FUNNEL)]);
    expect(Buffer.from(a.png).equals(Buffer.from(b.png))).toBe(true);
    const [c, d] = await Promise.all([trendChart(TREND), trendChart(TREND)]);
    expect(c.svg).toBe(d.svg);
    expect(Buffer.from(c.png).equals(Buffer.from(d.png))).toBe(true);
    const e = await networkPicture(smallNetwork());
    const f = await networkPicture(smallNetwork());
    expect(e.svg).toBe(f.svg);
    expect(Buffer.from(e.png).equals(Buffer.from(f.png))).toBe(true);
  });

  it("given nothing to show, then a 0-node network, a 0-value funnel and an empty trend still render", async () => {
    const empty = await networkPicture({ title: "まだ誰も会っていません", nodes: [], edges: [], legendTitle: "業種" });
    expectPng(empty);
    expect(empty.svg).toContain("まだ誰も会っていません");

    const zero = await funnelChart({ title: "今月", steps: FUNNEL.steps.map((s) => ({ ...s, value: 0 })) });
    expectPng(zero);
    expect(zero.svg).toContain("会えた");

    expectPng(await trendChart({ title: "推移", weeks: [], series: [] }));
  });

  it("given edges to unknown nodes, loops and lone nodes, then they are left out or drawn alone", async () => {
    const picture = await networkPicture({
      title: "地図",
      nodes: [
        { id: "a", group: "IT・通信" },
        { id: "b", group: "製造" },
        { id: "c", group: "製造" },
        { id: "a", group: "教育" },
      ],
      edges: [
        { a: "a", b: "b" },
        { a: "a", b: "a" },
        { a: "a", b: "nobody" },
      ],
      legendTitle: "業種",
    });
    expectPng(picture);
    // The first "a" counts: two groups in the legend, three nodes.
    expect(picture.svg).not.toContain("教育");
    expect(picture.svg.match(/<circle /g)).toHaveLength(2 + 3);
    expect(picture.svg.match(/M[\d.]+ [\d.]+L/g)).toHaveLength(1);
  });

  it("given Japanese text, then real glyphs are drawn: ink where the text is, and different for different characters", async () => {
    const svg = (text: string) =>
      `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="120"><text x="10" y="95" font-size="90">${text}</text></svg>`;
    const withText = decodePng(await svgToPng(svg("会"), 200));
    const other = decodePng(await svgToPng(svg("え"), 200));
    const without = decodePng(await svgToPng(svg(""), 200));
    expect(inked(without.rgba)).toBe(0);
    // 会 at 90 px covers a few thousand pixels; an empty box (tofu) would be the same for both.
    expect(inked(withText.rgba)).toBeGreaterThan(1000);
    expect(inked(other.rgba)).toBeGreaterThan(500);
    expect(Buffer.from(withText.rgba).equals(Buffer.from(other.rgba))).toBe(false);
    expect(inked(withText.rgba)).not.toBe(inked(other.rgba));

    // And inside a chart: the title's area holds ink only when the title is there.
    const titled = decodePng((await funnelChart({ title: "会えた人たち", steps: [] })).png);
    const untitled = decodePng((await funnelChart({ title: "", steps: [] })).png);
    const top = (p: { width: number; rgba: Uint8Array }) => p.rgba.subarray(0, p.width * 4 * 60);
    expect(inked(top(titled))).toBeGreaterThan(500);
    expect(inked(top(untitled))).toBe(0);
  });
});
