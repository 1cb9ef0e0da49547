import { describe, expect, it } from "vitest";
import { packLines } from "../../src/core/text.js";

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
