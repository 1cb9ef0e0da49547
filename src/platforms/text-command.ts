import { handlersOf, type CommandDefinition } from "../app/command.js";

// A command typed as text (the console, and Slack, whose slash commands carry one line of text):
// `[subcommand] [positional …] [key=value …]`, values quoted with "…" or '…'.

export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  for (const match of text.matchAll(/(?:[^\s"']+|"[^"]*"|'[^']*')+/g)) {
    tokens.push(match[0].replace(/"([^"]*)"|'([^']*)'/g, "$1$2"));
  }
  return tokens;
}

export interface TextInvocation {
  subcommand?: string | undefined;
  options: Record<string, unknown>;
  /** key=value pairs that are not options of the command: the answers of a form it opens. */
  formAnswers: Record<string, string>;
}

/**
 * Assigns typed arguments to a command's options: key=value by name, the rest in declared order.
 * Values stay as typed: mentions are read by the platform's port (see PlatformPort.readMention).
 */
export function readTextInvocation(command: CommandDefinition | undefined, tokens: readonly string[]): TextInvocation {
  const positional: string[] = [];
  const named: Record<string, string> = {};
  for (const token of tokens) {
    const eq = token.indexOf("=");
    if (eq > 0 && /^[a-zA-Z_]+$/.test(token.slice(0, eq))) named[token.slice(0, eq)] = token.slice(eq + 1);
    else positional.push(token);
  }
  let subcommand: string | undefined;
  if (command?.subcommands) {
    // A group's name ("pairing") takes the next word with it, so that an unknown one
    // ("pairing stats") is refused as a subcommand of the group, not taken for an argument.
    const first = positional[0] ?? "";
    const isGroup = Object.keys(command.subcommands).some((key) => key.startsWith(`${first} `));
    const words = isGroup ? Math.min(positional.length, 2) : 1;
    subcommand = positional.splice(0, words).join(" ") || undefined;
  }
  const handler = command && handlersOf(command).find((h) => h.subcommand === subcommand)?.handler;
  const optionNames = Object.keys(handler?.options ?? {});
  const options: Record<string, unknown> = {};
  const formAnswers: Record<string, string> = {};
  for (const [key, value] of Object.entries(named)) {
    if (optionNames.includes(key)) options[key] = value;
    else formAnswers[key] = value;
  }
  for (const name of optionNames.filter((n) => options[n] === undefined)) {
    const rest = handler?.options[name]?.rest;
    const next = rest ? positional.splice(0).join(" ") || undefined : positional.shift();
    if (next !== undefined) options[name] = next;
  }
  return { subcommand, options, formAnswers };
}
