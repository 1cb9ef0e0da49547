// What each session covers: chapters for a reading club, a topic or presenter for a study session.
// Labels are kept as written; a range of chapters split by the bot is labelled in the style it
// was typed ("第1〜3章", "Chapters 1–3", "1–3").

export type AgendaFailure = "tooManyItems" | "badRange";
export type AgendaSplit = { ok: true; labels: string[] } | { ok: false; reason: AgendaFailure };

const LIST_SEPARATOR = /[,，、;；]/;
const DASH = "[-~〜–—ー]";
const CHAPTER_RANGE = new RegExp(
  `^(?:chapters?|ch\\.?|第)?\\s*(\\d+)\\s*章?\\s*${DASH}\\s*第?\\s*(\\d+)\\s*(?:章|chapters?)?$`,
  "i",
);
const CHAPTER_COUNT = /^全?\s*(\d+)\s*(?:章|chapters?)?$/i;

type LabelStyle = "ja" | "en" | "plain";

/**
 * One label per session. A list ("1-3, 4-6, 7", or one item per line, where an empty line leaves
 * that session without one) gives each session its item in order. A single range or count of
 * chapters ("1-12", "第1章〜第12章", "12 chapters", "全12章", or a bare "12" meaning twelve
 * chapters) is split evenly, earlier sessions taking the remainder. Fewer items than sessions
 * leave the last sessions empty; more items than sessions is refused.
 */
export function splitChapters(text: string, sessionCount: number): AgendaSplit {
  const typed = text.normalize("NFKC").trim();
  if (!isList(typed)) {
    const range = readChapterRange(typed);
    if (range === "badRange") return { ok: false, reason: "badRange" };
    if (range) return { ok: true, labels: splitRange(range.first, range.last, sessionCount, range.style) };
  }
  return splitTopics(typed, sessionCount);
}

/** A study session's topics or presenters: the list form of `splitChapters`, without ranges. */
export function splitTopics(text: string, sessionCount: number): AgendaSplit {
  const typed = text.normalize("NFKC").trim();
  const items = !typed
    ? []
    : typed.includes("\n")
      ? typed.split("\n").map((line) => line.trim())
      : typed.split(LIST_SEPARATOR).map((item) => item.trim()).filter(Boolean);
  if (items.length > sessionCount) return { ok: false, reason: "tooManyItems" };
  return { ok: true, labels: Array.from({ length: sessionCount }, (_, index) => items[index] ?? "") };
}

function isList(typed: string): boolean {
  return typed.includes("\n") || LIST_SEPARATOR.test(typed);
}

function readChapterRange(typed: string): { first: number; last: number; style: LabelStyle } | "badRange" | undefined {
  const style: LabelStyle = typed.includes("章") ? "ja" : /ch/i.test(typed) ? "en" : "plain";
  const range = CHAPTER_RANGE.exec(typed);
  const count = CHAPTER_COUNT.exec(typed);
  const [first, last] = range ? [Number(range[1]), Number(range[2])] : count ? [1, Number(count[1])] : [];
  if (first === undefined || last === undefined) return undefined;
  if (last < first || last < 1) return "badRange";
  return { first, last, style };
}

function splitRange(first: number, last: number, sessionCount: number, style: LabelStyle): string[] {
  const chapters = last - first + 1;
  const base = Math.floor(chapters / sessionCount);
  const remainder = chapters % sessionCount;
  const labels: string[] = [];
  let next = first;
  for (let index = 0; index < sessionCount; index++) {
    const size = base + (index < remainder ? 1 : 0);
    labels.push(size === 0 ? "" : chapterLabel(next, next + size - 1, style));
    next += size;
  }
  return labels;
}

function chapterLabel(from: number, to: number, style: LabelStyle): string {
  switch (style) {
    case "ja":
      return from === to ? `第${from}章` : `第${from}〜${to}章`;
    case "en":
      return from === to ? `Chapter ${from}` : `Chapters ${from}–${to}`;
    case "plain":
      return from === to ? `${from}` : `${from}–${to}`;
  }
}
