// Text shaping shared by every platform.

/**
 * Packs lines into as few texts as possible, none longer than `limit` characters, keeping lines
 * whole and in order (a line longer than the limit alone is clipped with "…").
 */
export function packLines(lines: readonly string[], limit: number): string[] {
  const texts: string[] = [];
  let current = "";
  for (const raw of lines) {
    const line = raw.length > limit ? `${raw.slice(0, limit - 1)}…` : raw;
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
