import { describe, expect, it } from "vitest";
import { commands } from "../../commands/index.js";
import { SLACK_BOT_SCOPES, slackManifest } from "../../src/platforms/slack/manifest.js";

describe("the manifest of the Slack app distributed by OAuth", () => {
  it("given installs, then Slack sends installers back to the bot's redirect path and tells it of uninstalls and revoked tokens", () => {
    const manifest = slackManifest(commands, { publicUrl: "https://musubi.example", socketMode: false, installs: true });
    expect(manifest.oauth_config).toEqual({
      redirect_urls: ["https://musubi.example/slack/oauth_redirect"],
      scopes: { bot: [...SLACK_BOT_SCOPES] },
    });
    expect(manifest.settings.event_subscriptions).toEqual({
      request_url: "https://musubi.example/slack/events",
      bot_events: ["team_join", "app_home_opened", "app_uninstalled", "tokens_revoked"],
    });
  });

  it("given one workspace's token, then the manifest names no redirect and no uninstall events", () => {
    const manifest = slackManifest(commands, { publicUrl: "https://musubi.example", socketMode: false });
    expect(manifest.oauth_config).not.toHaveProperty("redirect_urls");
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(["team_join", "app_home_opened"]);
  });
});
