// Text shaping shared by every platform.

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/**
 * Text of at most `max` UTF-16 units (the platforms' limits: Discord's 2,000 characters, a 45-letter
 * modal title, Slack's 3,000): a longer text is cut after a whole character, so an emoji, a flag
 * or a letter with its accents is never split, and ends with "…".
 */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = 0;
  for (const { segment, index } of graphemes.segment(text)) {
    if (index + segment.length > max - 1) break;
    end = index + segment.length;
  }
  return `${text.slice(0, end)}…`;
}

/**
 * Packs lines into as few texts as possible, none longer than `limit` characters, keeping lines
 * whole and in order (a line longer than the limit alone is clipped with "…").
 */
export function packLines(lines: readonly string[], limit: number): string[] {
  const texts: string[] = [];
  let current = "";
  for (const raw of lines) {
    const line = clip(raw, limit);
    if (current && current.length + 1 + line.length > limit) {
      texts.push(current);
      current = line;
    } else {
      current = current ? `${current}\n${line}` : line;
    }
  }
  if (current) texts.push(current);
  return texts;
}
