import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig, runMode } from "../../src/config.js";

const problemsOf = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error("expected the configuration to be refused");
};

describe("configuration", () => {
  it("given no variables, then the console runs on the embedded SQLite file in Japanese", () => {
    const config = loadConfig({});
    expect(config.databaseUrl).toBe("file:./data/musubi.db");
    expect(config.discord).toBeUndefined();
    expect(config.slack).toBeUndefined();
    expect(config.defaultLocale).toBe("ja");
    expect(config.defaultTimeZone).toBe("Asia/Tokyo");
  });

  it("given complete Discord and Slack variables, then both platforms are enabled", () => {
    const config = loadConfig({
      DISCORD_TOKEN: "discord-token-value",
      DISCORD_APPLICATION_ID: "123456789012345678",
      SLACK_BOT_TOKEN: "xoxb-1-2-3",
      SLACK_SIGNING_SECRET: "signing-secret",
      DATABASE_URL: "postgresql://u:p4ssw0rd@db:5432/musubi",
    });
    expect(config.discord).toMatchObject({ applicationId: "123456789012345678", apiUrl: "https://discord.com/api" });
    expect(config.slack).toMatchObject({ apiUrl: "https://slack.com/api/" });
    expect(config.http).toEqual({ port: 3000, host: "0.0.0.0" });
    expect(config.shutdownTimeoutMs).toBe(8000);
    expect(config.secrets).toEqual(expect.arrayContaining(["discord-token-value", "xoxb-1-2-3", "signing-secret", "p4ssw0rd"]));
  });

  it("given half-set and malformed variables, then one error names every problem", () => {
    const problems = problemsOf({
      DISCORD_TOKEN: "abc",
      SLACK_BOT_TOKEN: "not-a-bot-token",
      DATABASE_URL: "mysql://x",
      DEFAULT_TIME_ZONE: "Tokyo",
    });
    expect(problems.join("\n")).toMatch(/SLACK_BOT_TOKEN: must start with xoxb-/);
    expect(problems.join("\n")).toMatch(/DATABASE_URL/);
    expect(problems.join("\n")).toMatch(/DEFAULT_TIME_ZONE/);
    const second = problemsOf({ DISCORD_TOKEN: "abc", SLACK_BOT_TOKEN: "xoxb-1" });
    expect(second).toContain("DISCORD_APPLICATION_ID: is required when DISCORD_TOKEN is set");
    expect(second.some((p) => p.startsWith("SLACK_SIGNING_SECRET"))).toBe(true);
  });

  it("given Socket Mode's app token, then no signing secret is needed", () => {
    const config = loadConfig({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_APP_TOKEN: "xapp-1" });
    expect(config.slack?.appToken).toBe("xapp-1");
  });

  it("given the old SLACK_PORT or SLACK_HOST, then start-up names their new names", () => {
    const problems = problemsOf({ SLACK_PORT: "3000", SLACK_HOST: "0.0.0.0" }).join("\n");
    expect(problems).toMatch(/SLACK_PORT: renamed HTTP_PORT/);
    expect(problems).toMatch(/SLACK_HOST: renamed HTTP_HOST/);
  });

  it("given no platform, then the console runs at a terminal and start-up is refused without one, unless --console or --script is asked for", () => {
    const none = loadConfig({});
    expect(runMode(none, { console: false }, true)).toBe("console");
    expect(() => runMode(none, { console: false }, false)).toThrow(/DISCORD_TOKEN and DISCORD_APPLICATION_ID.*SLACK_BOT_TOKEN/);
    expect(runMode(none, { console: true }, false)).toBe("console");
    expect(runMode(none, { console: false, script: "session.txt" }, false)).toBe("script");
    const slack = loadConfig({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_APP_TOKEN: "xapp-1" });
    expect(runMode(slack, { console: false }, false)).toBe("platforms");
  });

  describe("Discord shards", () => {
    const discord = { DISCORD_TOKEN: "discord-token-value", DISCORD_APPLICATION_ID: "123456789012345678" };

    it("given no DISCORD_SHARDS (or .env.example's empty ones), then one shard serves every guild as before", () => {
      expect(loadConfig(discord).discord?.shards).toBeUndefined();
      expect(loadConfig({ ...discord, DISCORD_SHARDS: "", DISCORD_SHARD_IDS: "" }).discord?.shards).toBeUndefined();
    });

    it("given auto or a count, then the process runs Discord's recommended count or every shard of that count", () => {
      expect(loadConfig({ ...discord, DISCORD_SHARDS: "auto" }).discord?.shards).toBe("auto");
      expect(loadConfig({ ...discord, DISCORD_SHARDS: "4" }).discord?.shards).toEqual({ count: 4, ids: [0, 1, 2, 3] });
    });

    it("given the ids this process runs, then it runs only those of the total (ids and ranges, in any order)", () => {
      expect(loadConfig({ ...discord, DISCORD_SHARDS: "8", DISCORD_SHARD_IDS: "6-7, 2,0-1" }).discord?.shards)
        .toEqual({ count: 8, ids: [0, 1, 2, 6, 7] });
    });

    it("given a count that is not a whole number of at least 1, then start-up names DISCORD_SHARDS and what it takes", () => {
      for (const bad of ["0", "abc", "-2", "1.5", "auto,2"]) {
        expect(problemsOf({ ...discord, DISCORD_SHARDS: bad }).join("\n"), bad)
          .toMatch(/^DISCORD_SHARDS: must be auto .* or the total number of shards, a whole number of at least 1$/);
      }
    });

    it("given shard ids that cannot be run, then start-up says why", () => {
      expect(problemsOf({ ...discord, DISCORD_SHARDS: "2", DISCORD_SHARD_IDS: "1,x" }))
        .toEqual(["DISCORD_SHARD_IDS: must list shard ids and ranges, such as 0,1 or 0-3"]);
      expect(problemsOf({ ...discord, DISCORD_SHARDS: "2", DISCORD_SHARD_IDS: "1-3" }))
        .toEqual(["DISCORD_SHARD_IDS: shards 2, 3 do not exist; with DISCORD_SHARDS=2 the ids are 0 to 1"]);
      expect(problemsOf({ ...discord, DISCORD_SHARDS: "4", DISCORD_SHARD_IDS: "3-1" }))
        .toEqual(["DISCORD_SHARD_IDS: the range 3-1 runs backwards (write 1-3)"]);
      for (const total of [{}, { DISCORD_SHARDS: "auto" }] as Record<string, string>[]) {
        expect(problemsOf({ ...discord, ...total, DISCORD_SHARD_IDS: "0" })[0]).toMatch(/^DISCORD_SHARD_IDS: needs DISCORD_SHARDS set to the total number of shards/);
      }
    });
  });

  describe("Slack installed in many workspaces (OAuth)", () => {
    const KEY_HEX = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
    const oauth = {
      SLACK_CLIENT_ID: "1234.5678",
      SLACK_CLIENT_SECRET: "client-secret-value",
      SLACK_STATE_SECRET: "state-secret-value",
      SLACK_INSTALLATION_KEY: KEY_HEX,
      SLACK_SIGNING_SECRET: "signing-secret",
    };

    it("given the client id and secret, the state secret, an installation key and the signing secret, then installs are served with no bot token", () => {
      const config = loadConfig(oauth);
      expect(config.slack?.botToken).toBeUndefined();
      expect(config.slack?.oauth).toMatchObject({ clientId: "1234.5678", clientSecret: "client-secret-value", stateSecret: "state-secret-value" });
      expect(config.slack?.oauth?.installationKey).toEqual(Buffer.from(KEY_HEX, "hex"));
      expect(config.secrets).toEqual(expect.arrayContaining(["client-secret-value", "state-secret-value", KEY_HEX, "signing-secret"]));
      expect(runMode(config, { console: false }, false)).toBe("platforms");
    });

    it("given the installation key in base64, then it is the same 32 bytes", () => {
      const base64 = Buffer.from(KEY_HEX, "hex").toString("base64");
      expect(loadConfig({ ...oauth, SLACK_INSTALLATION_KEY: base64 }).slack?.oauth?.installationKey).toEqual(Buffer.from(KEY_HEX, "hex"));
    });

    it("given an installation key that is not 32 bytes, then start-up says how to make one", () => {
      for (const key of ["too-short", KEY_HEX.slice(2), Buffer.alloc(16).toString("base64")]) {
        expect(problemsOf({ ...oauth, SLACK_INSTALLATION_KEY: key }).join("\n")).toMatch(/SLACK_INSTALLATION_KEY: must be 32 bytes .*openssl rand -base64 32/);
      }
    });

    it("given only some of the OAuth variables, then each missing one is named", () => {
      const problems = problemsOf({ SLACK_CLIENT_ID: "1234.5678" });
      for (const name of ["SLACK_CLIENT_SECRET", "SLACK_STATE_SECRET", "SLACK_INSTALLATION_KEY", "SLACK_SIGNING_SECRET"]) {
        expect(problems).toContain(`${name}: is required when SLACK_CLIENT_ID is set`);
      }
      expect(problemsOf({ SLACK_INSTALLATION_KEY: KEY_HEX })).toContain("SLACK_CLIENT_ID: is required when SLACK_INSTALLATION_KEY is set");
    });

    it("given a bot token or an app token beside the OAuth variables, then start-up says which mode each belongs to", () => {
      const problems = problemsOf({ ...oauth, SLACK_BOT_TOKEN: "xoxb-1", SLACK_APP_TOKEN: "xapp-1" }).join("\n");
      expect(problems).toMatch(/SLACK_BOT_TOKEN: serves one workspace; unset it when SLACK_CLIENT_ID turns on installs/);
      expect(problems).toMatch(/SLACK_APP_TOKEN: installs are served in HTTP mode/);
    });

    it("given a single bot token, then Slack runs as before, with no installs", () => {
      const config = loadConfig({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "signing-secret" });
      expect(config.slack).toEqual({ botToken: "xoxb-1", signingSecret: "signing-secret", apiUrl: "https://slack.com/api/" });
    });
  });
});
