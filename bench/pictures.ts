/**
 * Picture benchmark: time and memory to draw each organizer picture.
 *   npm run bench:pictures [-- --out DIR]   (--out also writes each PNG there)
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { createRng } from "../src/core/matching/random.js";
import { funnelChart, trendChart } from "../src/pictures/charts.js";
import { networkPicture, type NetworkInput } from "../src/pictures/network.js";
import type { Picture } from "../src/pictures/picture.js";

const INDUSTRIES = ["IT・通信", "製造", "金融・保険", "医療・福祉", "教育", "小売・流通", "広告・メディア", "コンサルティング", "公務", "その他"];
const FAMILY = ["佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤", "吉田", "山田"];
const GIVEN = ["陽菜", "蓮", "結衣", "湊", "葵", "大翔", "美咲", "悠真", "さくら", "健太", "Alex", "Maria"];


/**
 * A community of `n` members with ~`perNode` edges each: most meetings inside circles of about 30
 * (a meetup, a channel), some within a chapter of 10 circles (a city, a track), a few anywhere;
 * industries skewed like a real membership.
 */
export function community(n: number, perNode = 5, seed = 1): NetworkInput {
  const random = createRng(seed).next;
  const circleSize = 30;
  const chapterSize = 10; // circles to a chapter (a city, a track)
  const circles = Math.max(1, Math.round(n / circleSize));
  const skewed = () => INDUSTRIES[Math.min(INDUSTRIES.length - 1, Math.floor(-Math.log(1 - random()) * 2.2))]!;
  // Half the members of a circle share its theme's industry.
  const themes = Array.from({ length: circles }, skewed);
  const nodes = Array.from({ length: n }, (_, i) => {
    const industry = random() < 0.5 ? themes[Math.floor((i * circles) / n)]! : skewed();
    const label = n <= 300 ? `${FAMILY[i % FAMILY.length]} ${GIVEN[Math.floor(i / FAMILY.length) % GIVEN.length]}` : undefined;
    return { id: `m${i}`, group: industry, ...(label ? { label } : {}) };
  });
  const circleOf = (i: number) => Math.floor((i * circles) / n);
  /** A random member of the `span` circles from `first * span` on. */
  const pick = (first: number, span: number) => {
    const start = Math.ceil((first * span * n) / circles);
    const end = Math.min(n, Math.ceil(((first + 1) * span * n) / circles));
    return start + Math.floor(random() * (end - start));
  };
  const edges: NetworkInput["edges"] = [];
  const target = Math.round(n * perNode);
  while (edges.length < target && n > 1) {
    const a = Math.floor(random() * n);
    let b: number;
    const roll = random();
    if (roll < 0.8) {
      b = pick(circleOf(a), 1);
    } else if (roll < 0.95) {
      b = pick(Math.floor(circleOf(a) / chapterSize), chapterSize);
    } else {
      b = Math.floor(random() * n);
    }
    if (a !== b) edges.push({ a: `m${a}`, b: `m${b}`, weight: 1 + Math.floor(random() * random() * 4) });
  }
  return { title: `つながりの地図（${n.toLocaleString("en-US")}人）`, nodes, edges, legendTitle: "業種", caption: "線は一度以上会ったペア。太い線ほど何度も会っています。" };
}

export function weeks(count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const d = new Date(Date.UTC(2025, 11, 1 + 7 * i));
    return `${d.getUTCMonth() + 1}/${d.getUTCDate()}`;
  });
}

export const FUNNEL = {
  title: "11月のつながり",
  steps: [
    { label: "組まれたペア", value: 120 },
    { label: "会えた", value: 84 },
    { label: "また会いたい", value: 51 },
    { label: "助け合った", value: 23 },
  ],
};

export function trendInput(weekCount: number, seriesCount: number) {
  const w = weeks(weekCount);
  const labels = ["組まれたペア", "会えた", "また会いたい", "助け合った（オファー経由）", "新しい参加者", "退会"];
  return {
    title: "週ごとの推移",
    weeks: w,
    series: labels.slice(0, seriesCount).map((label, k) => ({
      label,
      values: w.map((_, i) => Math.round((40 - k * 8) * (1 + 0.3 * Math.sin(i / 5 + k)) + i * 0.2)),
    })),
  };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const outDir = args.includes("--out") ? args[args.indexOf("--out") + 1] : undefined;
  if (outDir) mkdirSync(outDir, { recursive: true });

  const cases: { name: string; draw: () => Promise<Picture>; detail: string }[] = [
    { name: "funnel", draw: () => funnelChart(FUNNEL), detail: "4 steps" },
    { name: "trend", draw: () => trendChart(trendInput(52, 4)), detail: "52 weeks × 4 series" },
  ];
  for (const n of [100, 1000, 10_000]) {
    const input = community(n, 5);
    cases.push({ name: `network-${n}`, draw: () => networkPicture(input), detail: `${n} nodes, ${input.edges.length} edges` });
  }

  // One throwaway render first, so that loading vega and the font is not counted against the first case.
  await funnelChart(FUNNEL);

  const rows: string[][] = [];
  for (const c of cases) {
    const t0 = performance.now();
    const picture = await c.draw();
    const ms = performance.now() - t0;
    const rss = process.memoryUsage().rss / 2 ** 20;
    rows.push([
      c.name,
      c.detail,
      ms.toFixed(0),
      rss.toFixed(0),
      `${picture.width}×${picture.height}`,
      (picture.png.byteLength / 1024).toFixed(0),
      (picture.svg.length / 1024).toFixed(0),
    ]);
    if (outDir) writeFileSync(join(outDir, `${c.name}.png`), picture.png);
  }
  const head = ["picture", "input", "ms", "RSS MB", "PNG px", "PNG KB", "SVG KB"];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  ");
  console.log(line(head));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const r of rows) console.log(line(r));
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) await main();
