import { describe, expect, it } from "vitest";
import { linksIn } from "../../src/core/links.js";
import { DISPLAY_NAME_LIMIT, clip, displayName, memberText, packLines, storableText } from "../../src/core/text.js";

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

describe("the text rule for what members type", () => {
  const line = memberText().min(1).max(20);
  const paragraph = memberText({ paragraphs: true }).max(100);
  const refusal = (schema: typeof line, text: string) => schema.safeParse(text).error?.issues[0]?.message;

  it("given text that is not text, then each class is refused with its own message", () => {
    expect(refusal(line, "abc\uD800")).toBe("error.textMalformed");
    expect(refusal(line, "\uDC00abc")).toBe("error.textMalformed");
    expect(refusal(line, "ab\u0000c")).toBe("error.textControl");
    expect(refusal(line, "ab\u001Bc")).toBe("error.textControl");
    expect(refusal(line, "ab\u0085\u009Fc")).toBe("error.textControl");
    expect(refusal(line, "safe\u202Egnp.exe")).toBe("error.textControl");
    expect(refusal(line, "a\u2066b\u2069")).toBe("error.textControl");
    expect(refusal(line, "two\nlines")).toBe("error.textOneLine");
    expect(refusal(paragraph, "a\nb\u0007")).toBe("error.textControl");
  });

  it("given only invisible characters, then a required field and an optional one both say so", () => {
    for (const text of ["\u200B", "\u200B\u200D\u2060", "\u3164", "\u2800\u2800", "\uFE0F", "\u00AD", " \u3000 \u200E "]) {
      expect(refusal(line, text), JSON.stringify(text)).toBe("error.textInvisible");
      expect(refusal(paragraph, text), JSON.stringify(text)).toBe("error.textInvisible");
    }
    expect(memberText().safeParse("").success).toBe(true);
  });

  it("given text a member means, then it is kept, normalized to NFC, trimmed, with one kind of line break", () => {
    expect(line.parse("  Cafe\u0301  ")).toBe("Caf\u00E9");
    expect(line.parse("👨‍👩‍👧 家族")).toBe("👨‍👩‍👧 家族");
    expect(line.parse("a\tb")).toBe("a b");
    expect(paragraph.parse("一行目\r\n二行目\r三行目\u2028四行目")).toBe("一行目\n二行目\n三行目\n四行目");
    expect(paragraph.parse("a\tb")).toBe("a\tb");
  });

  it("given the limits, then they count the normalized text", () => {
    expect(memberText().max(1).safeParse("e\u0301").success).toBe(true);
    expect(memberText().max(3).safeParse("abcd").success).toBe(false);
  });
});

describe("text kept before the rule has passed it (a form's draft)", () => {
  it("given broken, control and decomposed characters, then what is kept is well-formed NFC with only newlines and tabs", () => {
    expect(storableText("a\u0000b\uD800c\u202Ed\u001B[31m")).toBe("ab\uFFFDcd[31m");
    expect(storableText("e\u0301")).toBe("é");
    expect(storableText("line one\n\tline two")).toBe("line one\n\tline two");
  });
});

describe("names the platforms give", () => {
  it("given a name of 300 characters, then it is clipped to the limit with an ellipsis", () => {
    const name = displayName("あ".repeat(300), "U1");
    expect(name.length).toBe(DISPLAY_NAME_LIMIT);
    expect(name.endsWith("…")).toBe(true);
  });

  it("given an empty or invisible name, then the platform's id stands in", () => {
    for (const raw of ["", "   ", "\u3164", "\u200B\u200B", "\u0000"]) expect(displayName(raw, "U123")).toBe("U123");
  });

  it("given controls and broken characters in a name, then they are replaced, never refused", () => {
    expect(displayName("ai\u0000ko\u202E", "U1")).toBe("ai ko");
    expect(displayName("ken\uD800", "U1")).toBe("ken\uFFFD");
  });
});

describe("links in a member's text", () => {
  it("given links with and without a scheme, on any public suffix, then each is found", () => {
    expect(linksIn("claim at evil.xyz/claim")).toEqual(["evil.xyz/claim"]);
    expect(linksIn("https://a.example/x and www.example.com")).toEqual(["https://a.example/x", "www.example.com"]);
    expect(linksIn("ｅｖｉｌ．ｘｙｚ")).toEqual(["evil.xyz"]);
    expect(linksIn("evil。shop/offer")).toEqual(["evil.shop/offer"]);
    expect(linksIn("see 203.0.113.9:8080/admin")).toEqual(["203.0.113.9:8080/admin"]);
  });

  it("given names with dots that are not hosts, then nothing is found", () => {
    expect(linksIn("Node.js と TypeScript 5.9、file.tsx、v1.2.3、e.g. this")).toEqual([]);
  });
});
