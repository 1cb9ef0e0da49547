/**
 * SVG → PNG with resvg, text set in the bundled Japanese font only (no system fonts: the same
 * picture on every machine and in Docker). Rendering runs on libuv's thread pool, off the event loop.
 */
import { randomUUID } from "node:crypto";
import { rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { renderAsync } from "@resvg/resvg-js";
import { FONT_FAMILY, fontFiles, subsetFont, type FontWeight } from "./font.js";
import type { Picture } from "./picture.js";

export type { Picture } from "./picture.js";

/**
 * Writes, for one SVG, copies of the fonts that hold only the characters it uses (see subsetFont:
 * resvg-js re-reads a font file for every glyph it draws, so a small file makes text fast), in the
 * temporary directory; svgToPng removes them once drawn.
 */
async function fontsFor(svg: string): Promise<string[]> {
  const text = charactersOf(svg);
  const id = randomUUID();
  const files: string[] = [];
  try {
    for (const weight of ["regular", "bold"] as FontWeight[]) {
      const file = join(tmpdir(), `musubi-font-${id}-${weight}.ttf`);
      await writeFile(file, subsetFont(weight, text), { flag: "wx" }); // a new file, never one already there
      files.push(file);
    }
    return files;
  } catch (error) {
    await Promise.all(files.map((file) => rm(file, { force: true })));
    throw error;
  }
}

/** Every non-ASCII character of the SVG, also those written as character references. */
function charactersOf(svg: string): string {
  const chars = new Set<string>(svg.match(/[^\u0000-\u007f]/gu) ?? []);
  for (const ref of svg.matchAll(/&#(x[0-9a-fA-F]+|[0-9]+);/g)) {
    const code = ref[1]!.startsWith("x") ? parseInt(ref[1]!.slice(1), 16) : parseInt(ref[1]!, 10);
    if (code <= 0x10ffff) chars.add(String.fromCodePoint(code));
  }
  return [...chars].join("");
}

/** Renders `svg` scaled to `width` pixels wide (height keeps the SVG's aspect ratio), on white. */
export async function svgToPng(svg: string, width: number): Promise<Uint8Array> {
  // No writable temporary directory: draw from the whole font files (the same picture, slower).
  const subsets = await fontsFor(svg).catch(() => undefined);
  const files = subsets ?? [...fontFiles()];
  try {
    const image = await renderAsync(svg, {
      font: {
        fontFiles: files,
        loadSystemFonts: false,
        defaultFontFamily: FONT_FAMILY,
        sansSerifFamily: FONT_FAMILY,
        serifFamily: FONT_FAMILY,
        monospaceFamily: FONT_FAMILY,
        cursiveFamily: FONT_FAMILY,
        fantasyFamily: FONT_FAMILY,
      },
      fitTo: { mode: "width", value: Math.max(1, Math.round(width)) },
      background: "white",
      logLevel: "off",
    });
    const png = image.asPng();
    return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
  } finally {
    if (subsets) await Promise.all(subsets.map((file) => rm(file, { force: true })));
  }
}

/** Width and height of a PNG, read from its IHDR chunk. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** Renders `svg` at `scale` times its own size into a Picture. */
export async function pictureOf(svg: string, svgWidth: number, scale: number): Promise<Picture> {
  const png = await svgToPng(svg, svgWidth * scale);
  return { png, svg, ...pngSize(png) };
}
