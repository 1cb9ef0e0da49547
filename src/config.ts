import { z } from "zod";
import { isValidTimeZone } from "./core/time.js";
import { LOCALES } from "./i18n/index.js";

// Every environment variable the bot reads, checked once at start. A bad or half-set
// configuration stops start-up with one message that names every problem.

const optional = z
  .string()
  .trim()
  .transform((value) => value || undefined)
  .optional();

const url = (what: string) =>
  z.url({ protocol: /^https?$/, error: `must be an http(s) URL of the ${what}` });

const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .default("file:./data/musubi.db")
    .refine((value) => /^(file:|postgres(ql)?:\/\/)/.test(value), {
      error: "must start with file: (SQLite) or postgresql:// (PostgreSQL)",
    }),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  DEFAULT_LOCALE: z.enum(LOCALES).default("ja"),
  DEFAULT_TIME_ZONE: z
    .string()
    .default("Asia/Tokyo")
    .refine(isValidTimeZone, { error: "must be an IANA time zone such as Asia/Tokyo" }),

  DISCORD_TOKEN: optional,
  DISCORD_APPLICATION_ID: optional.pipe(
    z.string().regex(/^\d{17,20}$/, { error: "must be the numeric application id" }).optional(),
  ),
  DISCORD_DEV_GUILD_ID: optional.pipe(
    z.string().regex(/^\d{17,20}$/, { error: "must be a numeric guild id" }).optional(),
  ),
  DISCORD_API_URL: url("Discord REST API").default("https://discord.com/api"),

  SLACK_BOT_TOKEN: optional.pipe(z.string().startsWith("xoxb-", { error: "must start with xoxb-" }).optional()),
  SLACK_SIGNING_SECRET: optional,
  SLACK_APP_TOKEN: optional.pipe(z.string().startsWith("xapp-", { error: "must start with xapp-" }).optional()),
  SLACK_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  SLACK_HOST: z.string().trim().min(1).default("0.0.0.0"),
  SLACK_API_URL: url("Slack Web API").default("https://slack.com/api/"),
  SLACK_PUBLIC_URL: optional.pipe(url("bot's public address").optional()),
});


export interface DiscordConfig {
  token: string;
  applicationId: string;
  devGuildId?: string | undefined;
  apiUrl: string;
}

export interface SlackConfig {
  botToken: string;
  signingSecret?: string | undefined;
  appToken?: string | undefined;
  port: number;
  host: string;
  apiUrl: string;
  publicUrl?: string | undefined;
}

export interface Config {
  databaseUrl: string;
  logLevel: z.infer<typeof envSchema>["LOG_LEVEL"];
  defaultLocale: (typeof LOCALES)[number];
  defaultTimeZone: string;
  discord?: DiscordConfig;
  slack?: SlackConfig;
  /** Values that must never reach a log line. */
  secrets: string[];
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`musubi cannot start; fix these settings:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`));
  }
  const e = parsed.data;
  const problems: string[] = [];
  const requireWith = (present: string, needed: Record<string, unknown>) => {
    for (const [name, value] of Object.entries(needed)) {
      if (!value) problems.push(`${name}: is required when ${present} is set`);
    }
  };

  let discord: DiscordConfig | undefined;
  if (e.DISCORD_TOKEN || e.DISCORD_APPLICATION_ID) {
    requireWith(e.DISCORD_TOKEN ? "DISCORD_TOKEN" : "DISCORD_APPLICATION_ID", {
      DISCORD_TOKEN: e.DISCORD_TOKEN,
      DISCORD_APPLICATION_ID: e.DISCORD_APPLICATION_ID,
    });
    if (e.DISCORD_TOKEN && e.DISCORD_APPLICATION_ID) {
      discord = {
        token: e.DISCORD_TOKEN,
        applicationId: e.DISCORD_APPLICATION_ID,
        devGuildId: e.DISCORD_DEV_GUILD_ID,
        apiUrl: e.DISCORD_API_URL,
      };
    }
  }

  let slack: SlackConfig | undefined;
  if (e.SLACK_BOT_TOKEN || e.SLACK_SIGNING_SECRET || e.SLACK_APP_TOKEN) {
    const present = e.SLACK_BOT_TOKEN ? "SLACK_BOT_TOKEN" : e.SLACK_SIGNING_SECRET ? "SLACK_SIGNING_SECRET" : "SLACK_APP_TOKEN";
    requireWith(present, { SLACK_BOT_TOKEN: e.SLACK_BOT_TOKEN });
    // HTTP mode verifies each request with the signing secret; Socket Mode uses the app token instead.
    if (!e.SLACK_APP_TOKEN && !e.SLACK_SIGNING_SECRET) {
      problems.push("SLACK_SIGNING_SECRET: is required for HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)");
    }
    if (e.SLACK_BOT_TOKEN && (e.SLACK_SIGNING_SECRET || e.SLACK_APP_TOKEN)) {
      slack = {
        botToken: e.SLACK_BOT_TOKEN,
        signingSecret: e.SLACK_SIGNING_SECRET,
        appToken: e.SLACK_APP_TOKEN,
        port: e.SLACK_PORT,
        host: e.SLACK_HOST,
        apiUrl: e.SLACK_API_URL,
        publicUrl: e.SLACK_PUBLIC_URL,
      };
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);

  const secrets = [e.DISCORD_TOKEN, e.SLACK_BOT_TOKEN, e.SLACK_SIGNING_SECRET, e.SLACK_APP_TOKEN, databasePassword(e.DATABASE_URL)]
    .filter((value): value is string => Boolean(value));
  return {
    databaseUrl: e.DATABASE_URL,
    logLevel: e.LOG_LEVEL,
    defaultLocale: e.DEFAULT_LOCALE,
    defaultTimeZone: e.DEFAULT_TIME_ZONE,
    ...(discord ? { discord } : {}),
    ...(slack ? { slack } : {}),
    secrets,
  };
}

function databasePassword(databaseUrl: string): string | undefined {
  try {
    return decodeURIComponent(new URL(databaseUrl).password) || undefined;
  } catch {
    return undefined;
  }
}
