import { handlersOf, type CommandDefinition, type OptionSpec } from "../../app/command.js";
import { localized } from "../../i18n/index.js";

// The Slack app manifest, generated from commands/ (paste it at api.slack.com/apps → "From a manifest").

/** Bolt's HTTP receiver serves commands, interactivity and events on this one path. */
export const SLACK_EVENTS_PATH = "/slack/events";

/** Where Slack sends an installer back with a code, when the app is installed by OAuth (Bolt's default path). */
export const SLACK_OAUTH_REDIRECT_PATH = "/slack/oauth_redirect";

export const SLACK_BOT_SCOPES = [
  "commands", // slash commands
  "chat:write", // cards, replies, welcomes
  "users:read", // a member's locale (users.info include_locale) and admin right
  "usergroups:read", // members of the user group named as organizers (/musubi setup organizers=…)
  "im:write", // welcome and notices by direct message
  "mpim:write", // a group DM for each pairing group
  "files:write", // files for a member (a round's calendar), sent by direct message
  "channels:history", // a retried delivery looks for its own earlier post (src/jobs/outbox.ts)
  "groups:history",
  "im:history",
  "mpim:history",
] as const;

/** Slack's limit for a slash command's description and its usage hint. */
const SLACK_TEXT_LIMIT = 100;

function hint(name: string, spec: OptionSpec): string {
  const mentions: Partial<Record<OptionSpec["kind"], string>> = { user: "@member", channel: "#channel", group: "@group" };
  const choices = spec.choices?.map((c) => c.value).join("|");
  const written = (value: string) => (spec.required ? `${name}=${value}` : `[${name}=${value}]`);
  // Choices too many for a hint of their own (/help's list of commands) are left to the command to explain.
  const value = mentions[spec.kind] ?? (choices && written(choices).length <= SLACK_TEXT_LIMIT - 2 ? choices : "…");
  return written(value);
}

/**
 * The command's description in both languages within Slack's limit, never cut inside a word: what
 * is in brackets goes first (an aside such as "(only you see it)"), then the Japanese half.
 */
function description(text: { ja: string; en: string }): string {
  const withoutAsides = (s: string) => s.replace(/\s*[(（][^()（）]*[)）]/g, "");
  const candidates = [`${text.en} / ${text.ja}`, `${withoutAsides(text.en)} / ${withoutAsides(text.ja)}`, text.en, withoutAsides(text.en)];
  const fitting = candidates.find((c) => c.length <= SLACK_TEXT_LIMIT);
  if (fitting === undefined) throw new Error(`the description "${text.en}" is longer than Slack's ${SLACK_TEXT_LIMIT} characters`);
  return fitting;
}

/** A command's whole usage, word by word: each subcommand with its options, separated by "|". */
export function usageWords(command: CommandDefinition): string[] {
  const parts = handlersOf(command).map(({ subcommand, handler }) =>
    [...(subcommand ? [subcommand] : []), ...Object.entries(handler.options).map(([name, spec]) => hint(name, spec))]).filter((p) => p.length > 0);
  return parts.flatMap((part, i) => (i === 0 ? part : ["|", ...part]));
}

/** The usage hint of a command within Slack's limit: whole words only, "…" where more would not fit. */
function usageHint(command: CommandDefinition): string | undefined {
  const tokens = usageWords(command);
  if (tokens.length === 0) return undefined;
  let usage = "";
  for (const token of tokens) {
    const next = usage ? `${usage} ${token}` : token;
    if (next.length > SLACK_TEXT_LIMIT - 2) return `${usage.replace(/ \|$/, "")} …`;
    usage = next;
  }
  return usage;
}

/**
 * `installs`: the app is distributed by OAuth (SLACK_CLIENT_ID …): Slack sends installers back to
 * the redirect URL, and tells the app when a workspace uninstalls it or revokes its token.
 */
export function slackManifest(
  commands: readonly CommandDefinition[],
  options: { publicUrl?: string | undefined; socketMode: boolean; installs?: boolean | undefined },
) {
  const host = options.publicUrl ?? "https://YOUR-PUBLIC-HOST";
  const url = `${host}${SLACK_EVENTS_PATH}`;
  const requestUrl = options.socketMode ? {} : { request_url: url };
  return {
    display_information: {
      name: "musubi",
      description: "Turns encounters into a network / 出会いをつながりに",
      background_color: "#8c2f39",
    },
    features: {
      bot_user: { display_name: "musubi", always_online: true },
      // The Home tab is each member's own page (views.publish on app_home_opened); the Messages tab stays as it was.
      app_home: { home_tab_enabled: true, messages_tab_enabled: true, messages_tab_read_only_enabled: false },
      slash_commands: commands.map((command) => {
        const usage = usageHint(command);
        return {
          command: `/${command.name}`,
          description: description(localized(command.description)),
          ...(usage ? { usage_hint: usage } : {}),
          should_escape: true,
          ...(options.socketMode ? {} : { url }),
        };
      }),
    },
    oauth_config: {
      ...(options.installs ? { redirect_urls: [`${host}${SLACK_OAUTH_REDIRECT_PATH}`] } : {}),
      scopes: { bot: [...SLACK_BOT_SCOPES] },
    },
    settings: {
      event_subscriptions: {
        ...requestUrl,
        bot_events: ["team_join", "app_home_opened", ...(options.installs ? ["app_uninstalled", "tokens_revoked"] : [])],
      },
      interactivity: { is_enabled: true, ...requestUrl },
      org_deploy_enabled: false,
      socket_mode_enabled: options.socketMode,
      token_rotation_enabled: false,
    },
  };
}
