import { describe, expect, it } from "vitest";
import { mrkdwn, renderMessage } from "../../src/platforms/slack/render.js";

describe("Slack rendering of members' text", () => {
  it("given a bio that tries to ping everyone, then it is shown as text and pings no one", () => {
    expect(mrkdwn("<!channel> R&D <b>hi</b>")).toBe("&lt;!channel&gt; R&amp;D &lt;b&gt;hi&lt;/b&gt;");
  });

  it("given the bot's own mentions, then they stay links", () => {
    expect(mrkdwn("Welcome <@U024BE7LH>! See <#C1234|intros> & **rules**")).toBe("Welcome <@U024BE7LH>! See <#C1234|intros> &amp; *rules*");
  });

  it("given a cancelled session struck through, then Slack shows it struck through", () => {
    expect(mrkdwn("~~2. 12月13日 10:00 · 4–6~~ (中止)")).toBe("~2. 12月13日 10:00 · 4–6~ (中止)");
  });

  it("given a card with a member's field, then its block text is escaped", () => {
    const { blocks } = renderMessage({ text: "", cards: [{ title: "Aki", fields: [{ name: "Bio", value: "<!here> hello" }] }] });
    expect(JSON.stringify(blocks)).toContain("&lt;!here&gt; hello");
    expect(JSON.stringify(blocks)).not.toContain("<!here>");
  });
});
