import { Routes, type REST, type RESTPostAPIChatInputApplicationCommandsJSONBody } from "discord.js";

// Registers the application commands, skipping the call when Discord already has them as
// generated (a bulk overwrite on every start would be noisy and counts against rate limits).

type Json = Record<string, unknown>;

/** The fields that matter, with Discord's omitted defaults filled in, so both sides compare alike. */
function comparable(command: Json): Json {
  const option = (o: Json): Json => ({
    type: o.type,
    name: o.name,
    description: o.description,
    description_localizations: o.description_localizations ?? {},
    required: Boolean(o.required),
    choices: ((o.choices as Json[] | undefined) ?? []).map((c) => ({ name: c.name, name_localizations: c.name_localizations ?? {}, value: c.value })),
    options: ((o.options as Json[] | undefined) ?? []).map(option),
  });
  return {
    ...option(command),
    default_member_permissions: command.default_member_permissions ?? null,
    contexts: command.contexts ?? null,
  };
}

export function commandsDiffer(current: Json[], desired: readonly RESTPostAPIChatInputApplicationCommandsJSONBody[]): boolean {
  const key = (list: readonly Json[]) => JSON.stringify(list.map(comparable).sort((a, b) => String(a.name).localeCompare(String(b.name))));
  return key(current) !== key(desired as unknown as Json[]);
}

export async function deployCommands(options: {
  rest: REST;
  applicationId: string;
  guildId?: string | undefined;
  commands: readonly RESTPostAPIChatInputApplicationCommandsJSONBody[];
}): Promise<"updated" | "unchanged"> {
  const route = options.guildId
    ? Routes.applicationGuildCommands(options.applicationId, options.guildId)
    : Routes.applicationCommands(options.applicationId);
  const current = (await options.rest.get(route)) as Json[];
  if (!commandsDiffer(current, options.commands)) return "unchanged";
  await options.rest.put(route, { body: options.commands });
  return "updated";
}
