import { describe, expect, it } from "vitest";
import { clip, packLines } from "../../src/core/text.js";

describe("packLines", () => {
  it("given lines that fit, then they make one text joined by newlines", () => {
    expect(packLines(["今回のペア", "• a × b", "挨拶しましょう"], 100)).toEqual(["今回のペア\n• a × b\n挨拶しましょう"]);
  });

  it("given 300 pairs, then every text is within the limit, no line is split, and all lines arrive in order", () => {
    const lines = ["This round's pairs are out!", ...Array.from({ length: 300 }, (_, i) => `• <@${100000000000000000 + i}> × <@${200000000000000000 + i}>`), "Say hello."];
    const texts = packLines(lines, 2000);
    expect(texts.length).toBeGreaterThan(1);
    for (const text of texts) expect(text.length).toBeLessThanOrEqual(2000);
    expect(texts.join("\n").split("\n")).toEqual(lines);
  });

  it("given a single line longer than the limit, then it is clipped with an ellipsis", () => {
    expect(packLines(["x".repeat(30)], 10)).toEqual([`${"x".repeat(9)}…`]);
  });
});

describe("clip", () => {
  it("given a text within the limit, then it is kept as it is", () => {
    expect(clip("勉強会のお知らせ", 8)).toBe("勉強会のお知らせ");
  });

  it("given emoji, a flag and a family across the cut, then none is split and the text fits with its ellipsis", () => {
    for (const tail of ["😀😀😀", "🇯🇵🇯🇵", "👨‍👩‍👧👨‍👩‍👧", "é́é́é́"]) {
      const text = `abcd${tail}`;
      for (let max = 2; max < text.length; max++) {
        const clipped = clip(text, max);
        expect(clipped.length).toBeLessThanOrEqual(max);
        expect(clipped.endsWith("…")).toBe(true);
        const kept = clipped.slice(0, -1);
        expect(text.startsWith(kept)).toBe(true);
        // What is kept ends on a whole character: no lone surrogate, no half of a sequence.
        expect([...new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(text)].some((g) => g.index === kept.length) || kept.length === 0).toBe(true);
      }
    }
  });
});
