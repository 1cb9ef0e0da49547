import { describe, expect, it } from "vitest";
import { MIN_FIT_SCORE, fitBetween, rankFits, rankSearch, subjectOf, subjectOfList } from "../../src/core/offers/fit.js";
import { postFormSchema } from "../../src/core/offers/post.js";
import { tagKeysOf, termsOf } from "../../src/core/offers/terms.js";

const post = (title: string, tags: string[], details = "") => subjectOf({ title, details, tags });
const at = (day: number) => new Date(Date.UTC(2026, 10, day));

describe("the words of offers and asks", () => {
  it("given Japanese text without spaces, then it is cut into words and particles are left out", () => {
    expect(termsOf("営業からプロダクトに移った人を探しています")).toEqual(["sales", "product"]);
    expect(termsOf("初めての登壇のフィードバックがほしい")).toEqual(["初めて", "talk", "feedback"]);
  });

  it("given English text, then stop words are left out and plurals meet their singular", () => {
    expect(termsOf("Someone who has moved from sales to product")).toEqual(["moved", "sales", "product"]);
    expect(termsOf("Feedback on my first talks")).toEqual(["feedback", "first", "talk"]);
  });

  it("given the same idea in katakana and in Latin letters, then both become one key", () => {
    expect(termsOf("エクセルの関数")).toEqual(["excel", "関数"]);
    expect(termsOf("EXCEL functions")).toEqual(["excel", "function"]);
    expect(tagKeysOf("エクセル")).toEqual(["excel"]);
    expect(tagKeysOf("#Excel")).toEqual(["excel"]);
    // A tag that names a known idea among other words stands for it too.
    expect(tagKeysOf("Excel関数")).toEqual(["excel関数", "excel"]);
    // Full-width letters are folded first.
    expect(tagKeysOf("ＥＸＣＥＬ")).toEqual(["excel"]);
  });
});

describe("fit between offers and asks", () => {
  it("given a Japanese ask for エクセル and an English offer tagged excel, then they fit through the shared tag", () => {
    const ask = post("エクセルで家計簿を作りたい", ["エクセル"], "関数がよくわかりません");
    const offer = post("Excel formulas and macros, 30 minutes online", ["excel", "vba"]);
    const fit = fitBetween(ask, offer);
    expect(fit.shared).toEqual(["excel"]);
    expect(fit.score).toBeGreaterThanOrEqual(MIN_FIT_SCORE);
  });

  it("given an English ask and a Japanese offer about moving from sales to product, then they fit through their words", () => {
    const ask = post("Someone who has moved from sales to product", ["career"]);
    const offer = post("営業からプロダクトマネージャーに転職した経験を話せます", ["キャリア", "転職"]);
    const fit = fitBetween(ask, offer);
    expect(fit.shared).toEqual(expect.arrayContaining(["career", "sales", "product"]));
    expect(fit.score).toBe(3 + 1 + 1);
  });

  it("given posts about different things, then they do not fit", () => {
    const ask = post("Feedback on my first talk", ["speaking"]);
    const offer = post("Excel のマクロを教えます", ["excel"]);
    expect(fitBetween(ask, offer)).toEqual({ score: 0, shared: [] });
    // One shared ordinary word is not enough for a notice.
    expect(fitBetween(post("Feedback on my slides design", ["design"]), post("feedback for first novels", ["writing"])).score).toBeLessThan(MIN_FIT_SCORE);
  });

  it("given an intro's 'can offer' list, then an ask can fit it without any offer posted", () => {
    const ask = post("初めての登壇のフィードバックがほしい", ["登壇"]);
    const intro = subjectOfList(["public speaking", "talk feedback", "面接練習"]);
    expect(fitBetween(ask, intro).score).toBeGreaterThanOrEqual(MIN_FIT_SCORE);
    expect(fitBetween(ask, intro).shared).toEqual(expect.arrayContaining(["talk", "feedback"]));
  });

  it("given several candidates, then the best fitting come first, the newest among equals, and poor fits are left out", () => {
    const ask = post("Excel と VBA を学びたい", ["excel", "vba"]);
    const candidates = [
      { name: "old excel", subject: post("Excel help", ["excel"]), createdAt: at(1) },
      { name: "excel and vba", subject: post("Excel VBA macros", ["excel", "vba"]), createdAt: at(2) },
      { name: "new excel", subject: post("エクセル相談", ["エクセル"]), createdAt: at(3) },
      { name: "unrelated", subject: post("英語の練習相手", ["english"]), createdAt: at(4) },
    ];
    expect(rankFits(ask, candidates, 10).map((r) => r.item.name)).toEqual(["excel and vba", "new excel", "old excel"]);
    expect(rankFits(ask, candidates, 1).map((r) => r.item.name)).toEqual(["excel and vba"]);
  });
});

describe("search", () => {
  const posts = [
    { name: "excel offer", subject: post("Excel の関数を教えます", ["excel"]), createdAt: at(1) },
    { name: "career ask", subject: post("営業からプロダクトへ", ["キャリア"]), createdAt: at(2) },
    { name: "talk ask", subject: post("Feedback on my first talk", ["speaking"]), createdAt: at(3) },
  ];

  it("given a word in either script, then posts with it as a tag come before posts with it in the text", () => {
    expect(rankSearch("エクセル", posts, 10).map((p) => p.name)).toEqual(["excel offer"]);
    expect(rankSearch("career", posts, 10).map((p) => p.name)).toEqual(["career ask"]);
    expect(rankSearch("フィードバック", posts, 10).map((p) => p.name)).toEqual(["talk ask"]);
  });

  it("given no query, then every post comes newest first; given no match, then none", () => {
    expect(rankSearch("", posts, 10).map((p) => p.name)).toEqual(["talk ask", "career ask", "excel offer"]);
    expect(rankSearch("kubernetes", posts, 10)).toEqual([]);
  });
});

describe("the /offer and /ask form", () => {
  const valid = { title: "Excel の関数を教えます", details: "30分 https://example.com/slot", tags: "excel、VBA, C++", contact: "", days: "" };

  it("given good answers, then tags are split and contact and duration default", () => {
    expect(postFormSchema.parse(valid)).toEqual({
      title: "Excel の関数を教えます", details: "30分 https://example.com/slot", tags: ["excel", "VBA", "C++"], contact: "space", days: 30,
    });
  });

  it("given links where they do not belong, bad tags or a too long duration, then each is refused", () => {
    const issues = (answers: Record<string, string>) =>
      postFormSchema.safeParse({ ...valid, ...answers }).error?.issues.map((i) => [i.path[0], i.message]);
    expect(issues({ title: "See https://example.com" })).toEqual([["title", "offers.error.linkInTitle"]]);
    expect(issues({ title: "join discord.gg/abc" })).toEqual([["title", "offers.error.linkInTitle"]]);
    // Any ending of the public-suffix list, full-width letters and ideographic dots too.
    for (const title of ["claim at evil.xyz/claim", "ｅｖｉｌ．ｘｙｚ で受付", "evil。xyz/claim", "see 203.0.113.9/admin", "hello.world"]) {
      expect(issues({ title }), title).toEqual([["title", "offers.error.linkInTitle"]]);
    }
    for (const title of ["Node.js と TypeScript v5.9 のレビュー", "file.tsx を読む会"]) expect(issues({ title }), title).toBeUndefined();
    expect(issues({ details: "a https://a.example b https://b.example c https://c.example" })).toEqual([["details", "offers.error.tooManyLinks"]]);
    expect(issues({ details: "see www.example.com" })).toEqual([["details", "offers.error.badLink"]]);
    expect(issues({ tags: "excel, <script>" })).toEqual([["tags", "offers.error.tag"]]);
    expect(issues({ tags: "" })?.[0]?.[0]).toBe("tags");
    expect(issues({ days: "120" })?.[0]?.[0]).toBe("days");
    expect(issues({ contact: "email" })?.[0]?.[0]).toBe("contact");
  });
});
