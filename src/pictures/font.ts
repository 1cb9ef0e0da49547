/**
 * The one font every picture is drawn with, and its glyph widths.
 *
 * resvg draws text only with font files it is given (no system fonts, so a picture is the same on
 * every machine and in Docker). Noto Sans JP comes from `@expo-google-fonts/noto-sans-jp`: it covers
 * JIS X 0213 and more (名前の𠮷・髙・﨑 too), which smaller Japanese fonts on npm do not all do.
 *
 * The font files are read once per process. Widths come from the font's own `hmtx` table so that
 * layout (ours and vega's) knows how wide a label really is: vega's built-in estimate (0.8 em a
 * character) is too narrow for kana and kanji. For each render, subsetFont makes a small copy of
 * the font with only the characters drawn (resvg-js re-reads the whole file for every glyph).
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

export const FONT_FAMILY = "Noto Sans JP";

export type FontWeight = "regular" | "bold";

const FILES: Record<FontWeight, string> = {
  regular: "@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf",
  bold: "@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf",
};

let paths: readonly string[] | undefined;

/** Absolute paths of the font files (regular, bold), resolved once per process. */
export function fontFiles(): readonly string[] {
  if (!paths) {
    const require = createRequire(import.meta.url);
    paths = [require.resolve(FILES.regular), require.resolve(FILES.bold)];
  }
  return paths;
}

interface Metrics {
  unitsPerEm: number;
  /** Advance width in em of one code point (the .notdef glyph's for one the font lacks). */
  advance(codePoint: number): number;
}

interface LoadedFont {
  bytes: Buffer;
  tables: Map<string, { offset: number; length: number }>;
  metrics: Metrics;
  glyphOf(codePoint: number): number;
}

const loaded = new Map<FontWeight, LoadedFont>();

/** The font file read and its tables indexed, once per process and weight. */
function loadFont(weight: FontWeight): LoadedFont {
  let font = loaded.get(weight);
  if (!font) {
    const bytes = readFileSync(fontFiles()[weight === "bold" ? 1 : 0]!);
    const tables = tableDirectory(bytes);
    const glyphOf = cmapLookup(bytes, tableOffset(tables, "cmap"));
    font = { bytes, tables, glyphOf, metrics: parseMetrics(bytes, tables, glyphOf) };
    loaded.set(weight, font);
  }
  return font;
}

function fontMetrics(weight: FontWeight): Metrics {
  return loadFont(weight).metrics;
}

/** Width in px of `text` set in `fontSize` px (no kerning: a hair wider than drawn, never narrower by much). */
export function textWidth(text: string, fontSize: number, weight: FontWeight = "regular"): number {
  if (!text || fontSize <= 0) return 0;
  const m = fontMetrics(weight);
  let em = 0;
  for (const ch of text) em += m.advance(ch.codePointAt(0)!);
  return em * fontSize;
}

/** Cut `text` to at most `maxWidth` px, ending with "…" when cut. */
export function truncateText(text: string, maxWidth: number, fontSize: number, weight: FontWeight = "regular"): string {
  if (textWidth(text, fontSize, weight) <= maxWidth) return text;
  const chars = [...text];
  const ellipsis = textWidth("…", fontSize, weight);
  let width = 0;
  let end = 0;
  for (; end < chars.length; end++) {
    const w = textWidth(chars[end]!, fontSize, weight);
    if (width + w + ellipsis > maxWidth) break;
    width += w;
  }
  return chars.slice(0, end).join("") + "…";
}

function tableDirectory(buf: Buffer): Map<string, { offset: number; length: number }> {
  const tables = new Map<string, { offset: number; length: number }>();
  const numTables = buf.readUInt16BE(4);
  for (let i = 0; i < numTables; i++) {
    const rec = 12 + 16 * i;
    tables.set(buf.toString("latin1", rec, rec + 4), { offset: buf.readUInt32BE(rec + 8), length: buf.readUInt32BE(rec + 12) });
  }
  return tables;
}

function tableOffset(tables: Map<string, { offset: number; length: number }>, tag: string): number {
  const table = tables.get(tag);
  if (!table) throw new Error(`font has no ${tag} table`);
  return table.offset;
}

/** unitsPerEm (head) and the horizontal advances (hhea, hmtx). */
function parseMetrics(buf: Buffer, tables: Map<string, { offset: number; length: number }>, glyphOf: (cp: number) => number): Metrics {
  const unitsPerEm = buf.readUInt16BE(tableOffset(tables, "head") + 18);
  const numberOfHMetrics = buf.readUInt16BE(tableOffset(tables, "hhea") + 34);
  const hmtx = tableOffset(tables, "hmtx");
  const glyphAdvance = (gid: number): number => buf.readUInt16BE(hmtx + 4 * Math.min(gid, numberOfHMetrics - 1)) / unitsPerEm;
  const cache = new Map<number, number>();
  return {
    unitsPerEm,
    advance(cp: number): number {
      let w = cache.get(cp);
      if (w === undefined) {
        w = glyphAdvance(glyphOf(cp));
        cache.set(cp, w);
      }
      return w;
    },
  };
}

/**
 * A copy of the font holding the outlines of only the characters of `text` (and printable ASCII),
 * glyph numbers and every other table kept, GSUB and vertical metrics left out.
 *
 * Why: resvg-js 2.6 re-reads a font file each time it takes a glyph from it, so with the 5 MB
 * Noto Sans JP every drawn character cost ~0.5 ms (300 names ≈ 1.5 s); from a copy of a few
 * hundred KB it costs next to nothing. GSUB goes because its substitutions could lead to glyphs
 * left out (horizontal Japanese and Latin text need none); GPOS (kerning) stays.
 */
export function subsetFont(weight: FontWeight, text: string): Buffer {
  const font = loadFont(weight);
  const { bytes, tables } = font;
  const head = tableOffset(tables, "head");
  const longLoca = bytes.readInt16BE(head + 50) === 1;
  const numGlyphs = bytes.readUInt16BE(tableOffset(tables, "maxp") + 4);
  const loca = tableOffset(tables, "loca");
  const glyf = tableOffset(tables, "glyf");
  const glyphStart = (gid: number) => (longLoca ? bytes.readUInt32BE(loca + 4 * gid) : 2 * bytes.readUInt16BE(loca + 2 * gid));

  // Glyphs wanted: .notdef, printable ASCII, every character of the text, and the parts of composites.
  const wanted = new Set<number>([0]);
  const want = (gid: number) => {
    if (gid >= numGlyphs || wanted.has(gid)) return;
    wanted.add(gid);
    const start = glyf + glyphStart(gid);
    if (glyphStart(gid + 1) === glyphStart(gid) || bytes.readInt16BE(start) >= 0) return;
    // A composite glyph: a list of components, each naming another glyph.
    let at = start + 10;
    for (;;) {
      const flags = bytes.readUInt16BE(at);
      want(bytes.readUInt16BE(at + 2));
      at += 4 + (flags & 0x0001 ? 4 : 2) + (flags & 0x0008 ? 2 : flags & 0x0040 ? 4 : flags & 0x0080 ? 8 : 0);
      if (!(flags & 0x0020)) break;
    }
  };
  for (let cp = 0x20; cp < 0x7f; cp++) want(font.glyphOf(cp));
  for (const ch of text) want(font.glyphOf(ch.codePointAt(0)!));

  // New glyf and (long) loca: the wanted glyphs' bytes, every other glyph empty.
  const newLoca = Buffer.alloc(4 * (numGlyphs + 1));
  const pieces: Buffer[] = [];
  let length = 0;
  for (let gid = 0; gid < numGlyphs; gid++) {
    newLoca.writeUInt32BE(length, 4 * gid);
    if (!wanted.has(gid)) continue;
    const piece = bytes.subarray(glyf + glyphStart(gid), glyf + glyphStart(gid + 1));
    const padded = piece.length % 4 === 0 ? piece : Buffer.concat([piece, Buffer.alloc(4 - (piece.length % 4))]);
    pieces.push(padded);
    length += padded.length;
  }
  newLoca.writeUInt32BE(length, 4 * numGlyphs);

  const out = new Map<string, Buffer>();
  for (const [tag, { offset, length: size }] of tables) {
    if (tag === "GSUB" || tag === "vhea" || tag === "vmtx" || tag === "DSIG") continue;
    out.set(tag, bytes.subarray(offset, offset + size));
  }
  const newHead = Buffer.from(out.get("head")!);
  newHead.writeInt16BE(1, 50); // indexToLocFormat: long
  newHead.writeUInt32BE(0, 8); // checkSumAdjustment, set below
  out.set("head", newHead);
  out.set("loca", newLoca);
  out.set("glyf", Buffer.concat(pieces, length));
  return writeFont(out, bytes.readUInt32BE(0));
}

function checksum(buf: Buffer): number {
  let sum = 0;
  const whole = buf.length - (buf.length % 4);
  for (let i = 0; i < whole; i += 4) sum = (sum + buf.readUInt32BE(i)) >>> 0;
  if (whole < buf.length) {
    const tail = Buffer.alloc(4);
    buf.copy(tail, 0, whole);
    sum = (sum + tail.readUInt32BE(0)) >>> 0;
  }
  return sum;
}

/** An sfnt file from its tables (sorted by tag, 4-byte aligned, with checksums). */
function writeFont(tables: Map<string, Buffer>, version: number): Buffer {
  const tags = [...tables.keys()].sort();
  const n = tags.length;
  const entrySelector = Math.floor(Math.log2(n));
  const header = Buffer.alloc(12 + 16 * n);
  header.writeUInt32BE(version, 0);
  header.writeUInt16BE(n, 4);
  header.writeUInt16BE(16 * 2 ** entrySelector, 6);
  header.writeUInt16BE(entrySelector, 8);
  header.writeUInt16BE(16 * n - 16 * 2 ** entrySelector, 10);
  const body: Buffer[] = [];
  let offset = header.length;
  let headAt = -1;
  tags.forEach((tag, i) => {
    const data = tables.get(tag)!;
    const rec = 12 + 16 * i;
    header.write(tag, rec, 4, "latin1");
    header.writeUInt32BE(checksum(data), rec + 4);
    header.writeUInt32BE(offset, rec + 8);
    header.writeUInt32BE(data.length, rec + 12);
    if (tag === "head") headAt = offset;
    const pad = (4 - (data.length % 4)) % 4;
    body.push(data, Buffer.alloc(pad));
    offset += data.length + pad;
  });
  const file = Buffer.concat([header, ...body]);
  if (headAt >= 0) file.writeUInt32BE((0xb1b0afba - checksum(file)) >>> 0, headAt + 8);
  return file;
}

function cmapLookup(buf: Buffer, cmap: number): (cp: number) => number {
  const count = buf.readUInt16BE(cmap + 2);
  let format4 = -1;
  for (let i = 0; i < count; i++) {
    const rec = cmap + 4 + 8 * i;
    const platform = buf.readUInt16BE(rec);
    const encoding = buf.readUInt16BE(rec + 2);
    const sub = cmap + buf.readUInt32BE(rec + 4);
    const format = buf.readUInt16BE(sub);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode) continue;
    if (format === 12) return format12(buf, sub);
    if (format === 4 && format4 < 0) format4 = sub;
  }
  if (format4 >= 0) return format4Lookup(buf, format4);
  throw new Error("font has no Unicode cmap");
}

function format12(buf: Buffer, sub: number): (cp: number) => number {
  const groups = buf.readUInt32BE(sub + 12);
  const base = sub + 16;
  return (cp) => {
    let lo = 0;
    let hi = groups - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const g = base + 12 * mid;
      const start = buf.readUInt32BE(g);
      const end = buf.readUInt32BE(g + 4);
      if (cp < start) hi = mid - 1;
      else if (cp > end) lo = mid + 1;
      else return buf.readUInt32BE(g + 8) + (cp - start);
    }
    return 0;
  };
}

function format4Lookup(buf: Buffer, sub: number): (cp: number) => number {
  const segX2 = buf.readUInt16BE(sub + 6);
  const ends = sub + 14;
  const starts = ends + segX2 + 2;
  const deltas = starts + segX2;
  const ranges = deltas + segX2;
  return (cp) => {
    if (cp > 0xffff) return 0;
    for (let s = 0; s < segX2; s += 2) {
      if (cp > buf.readUInt16BE(ends + s)) continue;
      const start = buf.readUInt16BE(starts + s);
      if (cp < start) return 0;
      const delta = buf.readInt16BE(deltas + s);
      const rangeOffset = buf.readUInt16BE(ranges + s);
      if (rangeOffset === 0) return (cp + delta) & 0xffff;
      const glyph = buf.readUInt16BE(ranges + s + rangeOffset + 2 * (cp - start));
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
    }
    return 0;
  };
}
