import { describe, expect, it } from "vitest";
import { splitChapters, splitTopics } from "../../../src/core/rounds/index.js";

describe("splitting a book's chapters across sessions", () => {
  it("given a list separated by commas, then each item is one session's chapters, in order", () => {
    expect(splitChapters("1-3, 4-6, 7", 3)).toEqual({ ok: true, labels: ["1-3", "4-6", "7"] });
    expect(splitChapters("序章、第1章、第2章", 3)).toEqual({ ok: true, labels: ["序章", "第1章", "第2章"] });
  });

  it("given one item per line with an empty line, then that session has no chapters", () => {
    expect(splitChapters("Part 1\n\nPart 2", 3)).toEqual({ ok: true, labels: ["Part 1", "", "Part 2"] });
  });

  it("given fewer items than sessions, then the last sessions are empty", () => {
    expect(splitChapters("1-3, 4-6", 4)).toEqual({ ok: true, labels: ["1-3", "4-6", "", ""] });
  });

  it("given more items than sessions, then it is refused", () => {
    expect(splitChapters("1, 2, 3, 4, 5", 4)).toEqual({ ok: false, reason: "tooManyItems" });
  });

  it("given twelve chapters in Japanese over four sessions, then each session reads three", () => {
    expect(splitChapters("第1章〜第12章", 4)).toEqual({ ok: true, labels: ["第1〜3章", "第4〜6章", "第7〜9章", "第10〜12章"] });
    expect(splitChapters("全12章", 4)).toEqual({ ok: true, labels: ["第1〜3章", "第4〜6章", "第7〜9章", "第10〜12章"] });
  });

  it("given ten chapters over four sessions, then the earlier sessions take the extra chapters", () => {
    expect(splitChapters("1-10", 4)).toEqual({ ok: true, labels: ["1–3", "4–6", "7–8", "9–10"] });
  });

  it("given a count of chapters in English, then labels are in English", () => {
    expect(splitChapters("12 chapters", 5)).toEqual({
      ok: true,
      labels: ["Chapters 1–3", "Chapters 4–6", "Chapters 7–8", "Chapters 9–10", "Chapters 11–12"],
    });
  });

  it("given fewer chapters than sessions, then each chapter gets a session and the rest are empty", () => {
    expect(splitChapters("3", 5)).toEqual({ ok: true, labels: ["1", "2", "3", "", ""] });
  });

  it("given a range starting after chapter 1, then the split starts there", () => {
    expect(splitChapters("第5章〜第8章", 2)).toEqual({ ok: true, labels: ["第5〜6章", "第7〜8章"] });
  });

  it("given a backwards range or zero chapters, then it is refused as a bad range", () => {
    expect(splitChapters("12-1", 4)).toEqual({ ok: false, reason: "badRange" });
    expect(splitChapters("0 chapters", 4)).toEqual({ ok: false, reason: "badRange" });
  });

  it("given nothing, then every session is empty", () => {
    expect(splitChapters("  ", 2)).toEqual({ ok: true, labels: ["", ""] });
  });
});

describe("the topics or presenters of a study session", () => {
  it("given one per line, then each session gets its line, ranges included as written", () => {
    expect(splitTopics("TypeScript の型 (佐藤)\n1-12\nテスト設計 (田中)", 3)).toEqual({
      ok: true,
      labels: ["TypeScript の型 (佐藤)", "1-12", "テスト設計 (田中)"],
    });
  });

  it("given more topics than sessions, then it is refused", () => {
    expect(splitTopics("a\nb\nc", 2)).toEqual({ ok: false, reason: "tooManyItems" });
  });
});
