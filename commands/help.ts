import { handler, type CommandDefinition } from "../src/app/command.js";
import { listCommands } from "../src/app/help.js";

export const helpCommand: CommandDefinition = {
  name: "help",
  description: "help.description",
  handler: handler({ description: "help.description", permission: "member", options: {}, run: listCommands }),
};
