// The App Home view (renderHome): what views.publish is given for a member's own page.
import { describe, expect, it } from "vitest";
import type { HomeView } from "../../src/port/message.js";
import { renderHome } from "../../src/platforms/slack/render.js";

const home = (overrides: Partial<HomeView> = {}): HomeView => ({
  title: "akiさんのページ",
  cards: [{ title: "📌 あなたの提供と募集", description: "🎁 Code review <!channel> & more", fields: [{ name: "次の回", value: "<!date^1795996800^{date_short_pretty} {time}|2026-11-30 09:00>" }] }],
  buttons: [{ actionId: "home:skip", label: "次の回をお休みする" }, { actionId: "home:join", label: "マッチングに参加する", style: "primary" }],
  ...overrides,
});

describe("Slack rendering of a member's Home", () => {
  it("given a page, then it is a home view: a header, the buttons, then each card", () => {
    const view = renderHome(home());
    expect(view.type).toBe("home");
    expect(view.blocks.map((b) => b.type)).toEqual(["header", "actions", "divider", "section", "section"]);
    expect(view.blocks[0]).toEqual({ type: "header", text: { type: "plain_text", text: "akiさんのページ", emoji: true } });
    expect(view.blocks[1]).toEqual({
      type: "actions",
      elements: [
        { type: "button", action_id: "home:skip", text: { type: "plain_text", text: "次の回をお休みする", emoji: true } },
        { type: "button", action_id: "home:join", text: { type: "plain_text", text: "マッチングに参加する", emoji: true }, style: "primary" },
      ],
    });
  });

  it("given a member's text that tries to ping everyone, then it is escaped and the bot's date tokens stay", () => {
    const text = JSON.stringify(renderHome(home()).blocks);
    expect(text).toContain("Code review &lt;!channel&gt; &amp; more");
    expect(text).not.toContain("<!channel>");
    expect(text).toContain("<!date^1795996800^{date_short_pretty} {time}|2026-11-30 09:00>");
  });

  it("given no buttons and more cards than a Home holds, then there is no actions block and at most 100 blocks", () => {
    const cards = Array.from({ length: 60 }, (_, i) => ({ title: `card ${i}`, fields: [{ name: "n", value: String(i) }] }));
    const view = renderHome(home({ cards, buttons: [] }));
    expect(view.blocks).toHaveLength(100);
    expect(view.blocks.some((b) => b.type === "actions")).toBe(false);
  });
});
