import { onAction } from "../src/app/actions.js";
import { handler, type CommandDefinition } from "../src/app/command.js";
import { askToForget, forgetMe, privacyActions } from "../src/app/privacy/forget-member.js";

// /forget-me: asks once more, then deletes everything musubi keeps about the member here.

export const forgetMeCommand: CommandDefinition = {
  name: "forget-me",
  description: "forget.description",
  handler: handler({ description: "forget.description", permission: "member", options: {}, run: askToForget }),
  actions: [onAction(privacyActions.confirm, forgetMe)],
};
