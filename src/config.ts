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

/** A range of shard ids as typed: "3" or "0-3". */
const SHARD_RANGE = /^(\d{1,5})(?:-(\d{1,5}))?$/;

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
  DISCORD_SHARDS: optional.pipe(z.union([
    z.literal("auto"),
    z.string().regex(/^[1-9]\d{0,4}$/).transform(Number),
  ], { error: "must be auto (the count Discord recommends) or the total number of shards, a whole number of at least 1" }).optional()),
  DISCORD_SHARD_IDS: optional.pipe(z.string()
    .transform((value) => value.split(",").map((part) => part.trim()))
    .refine((parts) => parts.every((part) => SHARD_RANGE.test(part)), { error: "must list shard ids and ranges, such as 0,1 or 0-3" })
    .optional()),

  SLACK_BOT_TOKEN: optional.pipe(z.string().startsWith("xoxb-", { error: "must start with xoxb-" }).optional()),
  SLACK_SIGNING_SECRET: optional,
  SLACK_APP_TOKEN: optional.pipe(z.string().startsWith("xapp-", { error: "must start with xapp-" }).optional()),
  HTTP_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HTTP_HOST: z.string().trim().min(1).default("0.0.0.0"),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(8000),
  // Renamed: one HTTP port serves Slack and the operations endpoints.
  SLACK_PORT: optional.pipe(z.undefined({ error: "renamed HTTP_PORT (one port serves Slack's events and /healthz, /readyz, /metrics)" }).optional()),
  SLACK_HOST: optional.pipe(z.undefined({ error: "renamed HTTP_HOST" }).optional()),
  SLACK_API_URL: url("Slack Web API").default("https://slack.com/api/"),
  SLACK_PUBLIC_URL: optional.pipe(url("bot's public address").optional()),
  PUBLIC_URL: optional.pipe(url("bot's public address (for calendar feeds)").optional()),
  // OAuth: the app distributed to many workspaces, each installing it through /slack/install.
  SLACK_CLIENT_ID: optional,
  SLACK_CLIENT_SECRET: optional,
  SLACK_STATE_SECRET: optional,
  SLACK_INSTALLATION_KEY: optional.pipe(z.string().transform(installationKey).optional()),
});

/**
 * The key that encrypts installations' tokens at rest: 32 bytes written as 64 hex digits or in
 * base64 (`openssl rand -base64 32`).
 */
function installationKey(text: string, ctx: z.RefinementCtx): Buffer {
  const key = /^[0-9a-f]{64}$/i.test(text) ? Buffer.from(text, "hex")
    : /^[A-Za-z0-9+/]{43}=?$/.test(text) ? Buffer.from(text, "base64") : undefined;
  if (key?.length === 32) return key;
  ctx.addIssue({ code: "custom", message: "must be 32 bytes written as 64 hex digits or in base64 (e.g. the output of `openssl rand -base64 32`)" });
  return z.NEVER;
}


/**
 * Which gateway shards this process runs: all of Discord's recommended count ("auto"), or some
 * (`ids`) of a fixed total (`count`). Several processes may split one total between them.
 */
export type DiscordShards = "auto" | { count: number; ids: number[] };

export interface DiscordConfig {
  token: string;
  applicationId: string;
  devGuildId?: string | undefined;
  apiUrl: string;
  /** Unset: one shard, which serves every guild. */
  shards?: DiscordShards | undefined;
}

/** Slack's install flow: many workspaces, each with its own bot token kept in the database. */
export interface SlackOAuthConfig {
  clientId: string;
  clientSecret: string;
  /** Signs the `state` of an install, so a redirect that did not start at /slack/install is refused. */
  stateSecret: string;
  /** AES-256-GCM key for the installations' tokens at rest (32 bytes). */
  installationKey: Buffer;
}

/** Slack in one of two modes: one workspace's `botToken`, or `oauth` installs in many workspaces. */
export interface SlackConfig {
  botToken?: string | undefined;
  oauth?: SlackOAuthConfig | undefined;
  signingSecret?: string | undefined;
  appToken?: string | undefined;
  apiUrl: string;
  publicUrl?: string | undefined;
}

export interface Config {
  databaseUrl: string;
  logLevel: z.infer<typeof envSchema>["LOG_LEVEL"];
  defaultLocale: (typeof LOCALES)[number];
  defaultTimeZone: string;
  /** The one HTTP port: /healthz, /readyz, /metrics and Slack's HTTP mode. */
  http: { port: number; host: string };
  /** Where the HTTP port is reached from outside: calendar feed URLs start with it (PUBLIC_URL, else SLACK_PUBLIC_URL). */
  publicUrl?: string;
  /** How long a stopping process waits for interactions and jobs under way. */
  shutdownTimeoutMs: number;
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
        shards: discordShards(e.DISCORD_SHARDS, e.DISCORD_SHARD_IDS, problems),
      };
    }
  }

  let slack: SlackConfig | undefined;
  const oauthNamed = e.SLACK_CLIENT_ID || e.SLACK_CLIENT_SECRET || e.SLACK_STATE_SECRET || e.SLACK_INSTALLATION_KEY;
  if (oauthNamed) {
    const present = e.SLACK_CLIENT_ID ? "SLACK_CLIENT_ID" : e.SLACK_CLIENT_SECRET ? "SLACK_CLIENT_SECRET"
      : e.SLACK_STATE_SECRET ? "SLACK_STATE_SECRET" : "SLACK_INSTALLATION_KEY";
    requireWith(present, {
      SLACK_CLIENT_ID: e.SLACK_CLIENT_ID,
      SLACK_CLIENT_SECRET: e.SLACK_CLIENT_SECRET,
      SLACK_STATE_SECRET: e.SLACK_STATE_SECRET,
      SLACK_INSTALLATION_KEY: e.SLACK_INSTALLATION_KEY,
      SLACK_SIGNING_SECRET: e.SLACK_SIGNING_SECRET,
    });
    // Each workspace's token comes from its installation; the install pages are served on the HTTP port.
    if (e.SLACK_BOT_TOKEN) problems.push(`SLACK_BOT_TOKEN: serves one workspace; unset it when ${present} turns on installs (each workspace's token comes from its installation)`);
    if (e.SLACK_APP_TOKEN) problems.push(`SLACK_APP_TOKEN: installs are served in HTTP mode (/slack/install on HTTP_PORT); unset it when ${present} is set`);
    if (e.SLACK_CLIENT_ID && e.SLACK_CLIENT_SECRET && e.SLACK_STATE_SECRET && e.SLACK_INSTALLATION_KEY && e.SLACK_SIGNING_SECRET) {
      slack = {
        oauth: {
          clientId: e.SLACK_CLIENT_ID,
          clientSecret: e.SLACK_CLIENT_SECRET,
          stateSecret: e.SLACK_STATE_SECRET,
          installationKey: e.SLACK_INSTALLATION_KEY,
        },
        signingSecret: e.SLACK_SIGNING_SECRET,
        apiUrl: e.SLACK_API_URL,
        publicUrl: e.SLACK_PUBLIC_URL,
      };
    }
  } else if (e.SLACK_BOT_TOKEN || e.SLACK_SIGNING_SECRET || e.SLACK_APP_TOKEN) {
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
        apiUrl: e.SLACK_API_URL,
        publicUrl: e.SLACK_PUBLIC_URL,
      };
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);

  const secrets = [
    e.DISCORD_TOKEN, e.SLACK_BOT_TOKEN, e.SLACK_SIGNING_SECRET, e.SLACK_APP_TOKEN,
    e.SLACK_CLIENT_SECRET, e.SLACK_STATE_SECRET, env.SLACK_INSTALLATION_KEY?.trim(), databasePassword(e.DATABASE_URL),
  ]
    .filter((value): value is string => Boolean(value));
  return {
    databaseUrl: e.DATABASE_URL,
    logLevel: e.LOG_LEVEL,
    defaultLocale: e.DEFAULT_LOCALE,
    defaultTimeZone: e.DEFAULT_TIME_ZONE,
    http: { port: e.HTTP_PORT, host: e.HTTP_HOST },
    ...(e.PUBLIC_URL ?? e.SLACK_PUBLIC_URL ? { publicUrl: (e.PUBLIC_URL ?? e.SLACK_PUBLIC_URL)! } : {}),
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    ...(discord ? { discord } : {}),
    ...(slack ? { slack } : {}),
    secrets,
  };
}

export type RunMode = "platforms" | "console" | "script";

/**
 * What this start serves: the configured platforms; else the console, for a person at a terminal
 * (or asked for with --console / --script). With no platform and no terminal (a container whose
 * .env is mistyped) there is no one to talk to: start-up is refused, naming the variables.
 */
export function runMode(config: Config, args: { console: boolean; script?: string | undefined }, stdinIsTerminal: boolean): RunMode {
  if (args.script !== undefined) return "script";
  if (args.console) return "console";
  if (config.discord || config.slack) return "platforms";
  if (stdinIsTerminal) return "console";
  throw new ConfigError([
    "no platform is configured and standard input is not a terminal, so there is nothing to serve. " +
      "Set DISCORD_TOKEN and DISCORD_APPLICATION_ID (Discord), and/or SLACK_BOT_TOKEN with SLACK_SIGNING_SECRET " +
      "(Slack, HTTP mode) or SLACK_APP_TOKEN (Socket Mode), or SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET, " +
      "SLACK_INSTALLATION_KEY with SLACK_SIGNING_SECRET (Slack installs in many workspaces); or start with --console to read commands from standard input",
  ]);
}

/** The shards of DISCORD_SHARDS and DISCORD_SHARD_IDS; a problem is added for ids that cannot be run. */
function discordShards(total: number | "auto" | undefined, ranges: string[] | undefined, problems: string[]): DiscordShards | undefined {
  if (ranges && typeof total !== "number") {
    problems.push("DISCORD_SHARD_IDS: needs DISCORD_SHARDS set to the total number of shards (not auto), so that every process splits the same total");
    return undefined;
  }
  if (total === undefined || total === "auto") return total;
  if (!ranges) return { count: total, ids: Array.from({ length: total }, (_, id) => id) };
  const ids = new Set<number>();
  for (const range of ranges) {
    const [, from = "", to = from] = SHARD_RANGE.exec(range)!;
    if (Number(to) < Number(from)) {
      problems.push(`DISCORD_SHARD_IDS: the range ${range} runs backwards (write ${to}-${from})`);
      continue;
    }
    for (let id = Number(from); id <= Number(to); id++) ids.add(id);
  }
  const outside = [...ids].filter((id) => id >= total);
  if (outside.length > 0) {
    const named = outside.length === 1 ? `shard ${outside[0]} does not exist` : `shards ${outside.join(", ")} do not exist`;
    problems.push(`DISCORD_SHARD_IDS: ${named}; with DISCORD_SHARDS=${total} the ids are 0 to ${total - 1}`);
  }
  return { count: total, ids: [...ids].sort((a, b) => a - b) };
}

function databasePassword(databaseUrl: string): string | undefined {
  try {
    return decodeURIComponent(new URL(databaseUrl).password) || undefined;
  } catch {
    return undefined;
  }
}
