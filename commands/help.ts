import { handler, option, type CommandDefinition } from "../src/app/command.js";
import { showHelp } from "../src/app/help.js";

// /help, and /help <command> for any of the commands served (Discord offers them as choices).

export function helpCommand(topics: readonly CommandDefinition[]): CommandDefinition {
  const names = ["help", ...topics.map((c) => c.name)];
  return {
    name: "help",
    description: "help.description",
    handler: handler({
      description: "help.description",
      permission: "member",
      options: {
        command: option.string({
          label: "help.label.command",
          description: "help.option.command",
          choices: names.map((name) => ({ value: name, label: { ja: name, en: name } })),
        }),
      },
      run: (ctx, { command }) => showHelp(ctx, command),
    }),
  };
}
