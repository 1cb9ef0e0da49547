import { readFileSync } from "node:fs";
import { REST } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commands } from "../../commands/index.js";
import { localized } from "../../src/i18n/index.js";
import { discordCommands } from "../../src/platforms/discord/command-json.js";
import { deployCommands } from "../../src/platforms/discord/deploy-commands.js";
import { slackManifest, usageWords } from "../../src/platforms/slack/manifest.js";
import { startFakeDiscord, type FakeDiscord } from "../fakes/discord.js";
import { DEFAULT_APPLICATION_ID } from "../fakes/discord-payloads.js";

describe("Discord application commands generated from commands/", () => {
  const json = discordCommands(commands);

  it("given the command list, then every command has an English description and a Japanese localization", () => {
    expect(json.map((c) => c.name)).toEqual(["intro", "profile", "offer", "ask", "offers", "match", "round", "network", "settings", "my-data", "forget-me", "musubi", "help"]);
    const intro = json.find((c) => c.name === "intro")!;
    expect(intro.description).toBe("Introduce yourself to the community (opens a form)");
    expect(intro.description_localizations).toEqual({ ja: "コミュニティに自己紹介する（フォームが開きます）" });
    for (const command of json) expect(command.name).toMatch(/^[-_a-z0-9]{1,32}$/);
  });

  it("given organizer-only commands, then Discord hides them from members by default", () => {
    const musubi = json.find((c) => c.name === "musubi")!;
    expect(musubi.default_member_permissions).toBe("32");
    expect(json.find((c) => c.name === "profile")!.default_member_permissions).toBeUndefined();
    const setup = musubi.options?.[0] as { type: number; name: string; options: { name: string; type: number; choices?: unknown[] }[] };
    expect(setup).toMatchObject({ type: 1, name: "setup" });
    expect(setup.options.map((o) => [o.name, o.type])).toEqual([["intro_channel", 7], ["welcome_channel", 7], ["offers_channel", 7], ["organizers", 8], ["language", 3], ["time_zone", 3]]);
    expect(setup.options.find((o) => o.name === "language")!.choices).toEqual([
      { name: "Japanese", name_localizations: { ja: "日本語" }, value: "ja" },
      { name: "English", name_localizations: { ja: "英語" }, value: "en" },
    ]);
  });

  it("given a subcommand group, then Discord shows the group's own description, not its first subcommand's", () => {
    const musubi = json.find((c) => c.name === "musubi")!;
    const pairing = musubi.options?.find((o) => o.name === "pairing") as { type: number; description: string; description_localizations: { ja: string } };
    expect(pairing).toMatchObject({ type: 2, description: "Weekly pairing settings", description_localizations: { ja: "毎週のマッチングの設定" } });
  });

  describe("registration", () => {
    let fake: FakeDiscord;
    beforeAll(async () => { fake = await startFakeDiscord({ guilds: [] }); });
    afterAll(async () => { await fake.close(); });

    it("given commands already registered as generated, then deploying again sends nothing", async () => {
      const rest = new REST({ api: fake.apiUrl, retries: 0 }).setToken("test-token");
      const deploy = () => deployCommands({ rest, applicationId: DEFAULT_APPLICATION_ID, guildId: "900000000000000001", commands: json });
      expect(await deploy()).toBe("updated");
      expect(await deploy()).toBe("unchanged");
      const puts = fake.requests.filter((r) => r.method === "PUT");
      expect(puts).toHaveLength(1);
      expect(puts[0]!.path).toBe(`/applications/${DEFAULT_APPLICATION_ID}/guilds/900000000000000001/commands`);
      const changed = json.map((c) => (c.name === "help" ? { ...c, description: "Changed" } : c));
      expect(await deployCommands({ rest, applicationId: DEFAULT_APPLICATION_ID, guildId: "900000000000000001", commands: changed })).toBe("updated");
    });
  });
});

describe("Slack app manifest generated from commands/", () => {
  it("given the checked-in slack-manifest.json, then it matches what npm run slack:manifest generates", () => {
    const checkedIn = JSON.parse(readFileSync("slack-manifest.json", "utf8"));
    expect(checkedIn).toEqual(slackManifest(commands, { socketMode: false }));
  });

  it("given Socket Mode, then no request URL is needed and the scopes cover what the bot calls", () => {
    const manifest = slackManifest(commands, { socketMode: true });
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(JSON.stringify(manifest)).not.toContain("request_url");
    expect(manifest.oauth_config.scopes.bot).toEqual([
      "commands", "chat:write", "users:read", "usergroups:read", "im:write", "mpim:write", "files:write", "channels:history", "groups:history", "im:history", "mpim:history",
    ]);
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(["team_join", "app_home_opened"]);
    expect(manifest.features.app_home).toMatchObject({ home_tab_enabled: true });
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual(["/intro", "/profile", "/offer", "/ask", "/offers", "/match", "/round", "/network", "/settings", "/my-data", "/forget-me", "/musubi", "/help"]);
  });

  it("given descriptions and usage hints longer than Slack's 100 characters, then they are shortened between words, never inside one", () => {
    const manifest = slackManifest(commands, { socketMode: true });
    for (const { command, description, usage_hint: usage } of manifest.features.slash_commands) {
      expect(description.length, command).toBeLessThanOrEqual(100);
      const own = commands.find((c) => `/${c.name}` === command)!;
      const text = localized(own.description);
      // Each half is the whole text, or the whole text without its bracketed aside.
      const withoutAsides = (s: string) => s.replace(/\s*[(（][^()（）]*[)）]/g, "");
      const [en, ja] = description.split(" / ");
      expect([text.en, withoutAsides(text.en)], command).toContain(en);
      if (ja !== undefined) expect([text.ja, withoutAsides(text.ja)], command).toContain(ja);
      if (usage === undefined) continue;
      expect(usage.length, command).toBeLessThanOrEqual(100);
      const words = usageWords(own);
      const shown = usage.split(" ");
      if (shown.at(-1) === "…") shown.pop();
      else expect(shown, command).toEqual(words);
      expect(words.slice(0, shown.length), `${command}: a word is cut`).toEqual(shown);
    }
    const musubi = manifest.features.slash_commands.find((c) => c.command === "/musubi")!;
    expect(musubi.usage_hint).toBe("setup [intro_channel=#channel] [welcome_channel=#channel] [offers_channel=#channel] …");
  });
});
