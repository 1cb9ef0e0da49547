import { handler, handlersOf, type CommandDefinition } from "../src/app/command.js";

export const helpCommand: CommandDefinition = {
  name: "help",
  description: "help.description",
  handler: handler({
    description: "help.description",
    permission: "member",
    options: {},
    async run(ctx) {
      const { t } = ctx;
      const lines = ctx.commands.flatMap((command) =>
        handlersOf(command).map(({ path, handler: h }) =>
          `/${path} — ${t(h.description)}${h.permission === "organizer" ? ` ${t("help.organizerOnly")}` : ""}`));
      return { type: "reply", reply: { text: `**${t("help.title")}**\n${t("help.intro")}\n${lines.join("\n")}`, ephemeral: true } };
    },
  }),
};
