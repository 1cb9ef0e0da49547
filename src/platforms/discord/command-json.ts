import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionContextType,
  PermissionFlagsBits,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandSubcommandOption,
  type APIApplicationCommandSubcommandGroupOption,
} from "discord.js";
import type { CommandDefinition, CommandHandler, OptionKind } from "../../app/command.js";
import { localized, type PlainMessageKey } from "../../i18n/index.js";

// Discord's application commands, generated from commands/: English names and descriptions,
// with Japanese descriptions as localizations.

const OPTION_TYPES: Record<OptionKind, ApplicationCommandOptionType> = {
  string: ApplicationCommandOptionType.String,
  integer: ApplicationCommandOptionType.Integer,
  user: ApplicationCommandOptionType.User,
  channel: ApplicationCommandOptionType.Channel,
  group: ApplicationCommandOptionType.Role,
};

const describe = (key: PlainMessageKey) => {
  const text = localized(key);
  return { description: text.en.slice(0, 100), description_localizations: { ja: text.ja.slice(0, 100) } };
};

function options(handler: CommandHandler): APIApplicationCommandBasicOption[] {
  // Discord lists required options before optional ones.
  const entries = Object.entries(handler.options).sort(([, a], [, b]) => Number(b.required) - Number(a.required));
  return entries.map(([name, spec]) => ({
    type: OPTION_TYPES[spec.kind],
    name,
    ...describe(spec.description),
    required: spec.required,
    ...(spec.choices
      ? { choices: spec.choices.map((c) => ({ name: c.label.en, name_localizations: { ja: c.label.ja }, value: c.value })) }
      : {}),
    ...(spec.min !== undefined ? { min_value: spec.min } : {}),
    ...(spec.max !== undefined ? { max_value: spec.max } : {}),
  })) as APIApplicationCommandBasicOption[];
}

export function discordCommands(commands: readonly CommandDefinition[]): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return commands.map((command) => {
    const handlers = command.handler ? [command.handler] : Object.values(command.subcommands);
    const organizerOnly = handlers.every((h) => h.permission === "organizer");
    return {
      type: ApplicationCommandType.ChatInput,
      name: command.name,
      ...describe(command.description),
      contexts: [InteractionContextType.Guild],
      // Hidden from members by default; the bot checks the right itself on every call regardless.
      ...(organizerOnly ? { default_member_permissions: String(PermissionFlagsBits.ManageGuild) } : {}),
      options: command.handler ? options(command.handler) : subcommandOptions(command.subcommands, command.groups),
    };
  });
}

/** "setup" becomes a subcommand; "pairing settings" a subcommand of the group "pairing". */
function subcommandOptions(subcommands: Record<string, CommandHandler>, groups: Record<string, PlainMessageKey> = {}) {
  const subcommand = (name: string, h: CommandHandler): APIApplicationCommandSubcommandOption => ({
    type: ApplicationCommandOptionType.Subcommand, name, ...describe(h.description), options: options(h),
  });
  const result: (APIApplicationCommandSubcommandOption | APIApplicationCommandSubcommandGroupOption)[] = [];
  for (const [key, h] of Object.entries(subcommands)) {
    const [group, name] = key.split(" ");
    if (!name) {
      result.push(subcommand(key, h));
      continue;
    }
    let entry = result.find((o): o is APIApplicationCommandSubcommandGroupOption =>
      o.type === ApplicationCommandOptionType.SubcommandGroup && o.name === group);
    if (!entry) {
      entry = { type: ApplicationCommandOptionType.SubcommandGroup, name: group!, ...describe(groups[group!] ?? h.description), options: [] };
      result.push(entry);
    }
    entry.options!.push(subcommand(name, h));
  }
  return result;
}
