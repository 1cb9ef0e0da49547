import { listAlternatives, type Localized, type PlainMessageKey } from "../i18n/index.js";
import type { CommandContext, CommandSummary } from "./context.js";
import { holdsPermission } from "./permissions.js";
import { privateReply, type Outcome } from "./reply.js";

// /help lists what a member can do, grouped by what they want; organizers' commands follow apart,
// shown only to organizers. /help <command> explains one command: each subcommand, each option
// by its localized name, an example line in the platform's own syntax, and what happens next.

/** What a member wants to do, and the commands for it, in the order /help lists them. */
export const HELP_SECTIONS: readonly { title: PlainMessageKey; commands: readonly string[] }[] = [
  { title: "help.section.introduce", commands: ["intro", "profile"] },
  { title: "help.section.meet", commands: ["match", "network"] },
  { title: "help.section.give", commands: ["offer", "ask", "offers"] },
  { title: "help.section.study", commands: ["round"] },
  { title: "help.section.you", commands: ["help", "settings", "my-data", "forget-me"] },
];

interface CommandHelp {
  /** What happens once the member has used it. */
  next: PlainMessageKey;
  /** An example: what is typed after the slash, with option values (a value may differ by language). */
  example: { path: string; options?: Record<string, string | Localized> };
}

/** Every command's explanation; test/unit/help.test.ts checks each command has one. */
export const COMMAND_HELP: Readonly<Record<string, CommandHelp>> = {
  intro: { next: "help.next.intro", example: { path: "intro" } },
  profile: { next: "help.next.profile", example: { path: "profile", options: { member: "@aiko" } } },
  offer: { next: "help.next.offer", example: { path: "offer" } },
  ask: { next: "help.next.ask", example: { path: "ask" } },
  offers: { next: "help.next.offers", example: { path: "offers", options: { query: { ja: "コードレビュー", en: "code review" } } } },
  match: { next: "help.next.match", example: { path: "match join" } },
  round: { next: "help.next.round", example: { path: "round join", options: { round: "1" } } },
  network: { next: "help.next.network", example: { path: "network", options: { member: "@aiko" } } },
  help: { next: "help.next.help", example: { path: "help", options: { command: "match" } } },
  settings: { next: "help.next.settings", example: { path: "settings", options: { time_zone: "Asia/Tokyo", language: { ja: "ja", en: "en" } } } },
  "my-data": { next: "help.next.myData", example: { path: "my-data" } },
  "forget-me": { next: "help.next.forgetMe", example: { path: "forget-me" } },
  musubi: { next: "help.next.musubi", example: { path: "musubi pairing settings", options: { channel: "#pairing", enabled: "on" } } },
};

const line = (ctx: CommandContext, summary: CommandSummary) => `/${summary.path} — ${ctx.t(summary.description)}`;

/** `/help`, or `/help <command>`. */
export async function showHelp(ctx: CommandContext, command: string | undefined): Promise<Outcome> {
  const organizer = await holdsPermission(ctx, "organizer");
  return privateReply(command ? explainCommand(ctx, command, organizer) : listCommands(ctx, organizer));
}

function listCommands(ctx: CommandContext, organizer: boolean): string {
  const { t, commandList } = ctx;
  const forMembers = commandList.filter((c) => c.permission === "member");
  const sections = HELP_SECTIONS.map(({ title, commands }) => {
    const lines = forMembers.filter((c) => commands.includes(c.command)).map((c) => line(ctx, c));
    return `**${t(title)}**\n${lines.join("\n")}`;
  });
  const organizers = commandList.filter((c) => c.permission === "organizer");
  if (organizer) sections.push(`**${t("help.section.organizers")}**\n${organizers.map((c) => line(ctx, c)).join("\n")}`);
  return [`**${t("help.title")}**\n${t("help.intro")}`, ...sections, t("help.more")].join("\n\n");
}

function explainCommand(ctx: CommandContext, command: string, organizer: boolean): string {
  const { t } = ctx;
  const all = ctx.commandList.filter((c) => c.command === command);
  const shown = all.filter((c) => organizer || c.permission === "member");
  if (shown.length === 0) return t("help.forOrganizers", { command: `/${command}` });
  const explain = (summary: CommandSummary) => [
    `${line(ctx, summary)}`,
    ...Object.entries(summary.options).map(([name, spec]) => `   ${describeOption(ctx, name, spec)}`),
  ].join("\n");
  const members = shown.filter((c) => c.permission === "member");
  const organizers = shown.filter((c) => c.permission === "organizer");
  const help = COMMAND_HELP[command]!;
  const takesOptions = shown.some((c) => Object.keys(c.options).length > 0);
  return [
    `**/${command}**`,
    members.map(explain).join("\n"),
    ...(organizers.length > 0 && members.length > 0 ? [`**${t("help.section.organizers")}**`] : []),
    organizers.map(explain).join("\n"),
    ...(takesOptions ? [t(ctx.actor.platform === "discord" ? "help.options.discord" : "help.options.text")] : []),
    t("help.example", { line: exampleLine(ctx, help.example) }),
    t("help.next", { next: t(help.next) }),
  ].filter(Boolean).join("\n");
}

function describeOption(ctx: CommandContext, name: string, spec: CommandSummary["options"][string]): string {
  const { t, locale } = ctx;
  const params = { name, label: t(spec.label), description: t(spec.description) };
  const text = spec.required ? t("help.option.required", params) : t("help.option", params);
  const choices = spec.choices?.map(({ value, label }) => (label[locale] === value ? value : t("common.choice", { label: label[locale], value })));
  return choices ? `${text} ${t("help.option.choices", { choices: listAlternatives(locale, choices) })}` : text;
}

/** "/match pause weeks:2" on Discord; "/match pause weeks=2" where commands are typed as text. */
function exampleLine(ctx: CommandContext, example: CommandHelp["example"]): string {
  const values = Object.entries(example.options ?? {}).map(([name, value]) => {
    const text = typeof value === "string" ? value : value[ctx.locale];
    if (ctx.actor.platform === "discord") return `${name}:${text}`;
    return `${name}=${/\s/.test(text) ? `"${text}"` : text}`;
  });
  return `/${[example.path, ...values].join(" ")}`;
}
