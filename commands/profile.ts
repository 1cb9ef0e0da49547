import { handler, option, type CommandDefinition } from "../src/app/command.js";
import { showProfile } from "../src/app/intro/profile.js";

export const profileCommand: CommandDefinition = {
  name: "profile",
  description: "profile.description",
  handler: handler({
    description: "profile.description",
    permission: "member",
    options: { member: option.user({ label: "common.label.member", description: "profile.option.member" }) },
    run: (ctx, input) => showProfile(ctx, input.member),
  }),
};
