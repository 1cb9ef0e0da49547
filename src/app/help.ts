import type { CommandContext } from "./context.js";
import { privateReply, type Outcome } from "./reply.js";

/** `/help`: every command with what it does; organizers' ones marked. */
export async function listCommands(ctx: CommandContext): Promise<Outcome> {
  const { t } = ctx;
  const lines = ctx.commandList.map(({ path, description, permission }) =>
    `/${path} — ${t(description)}${permission === "organizer" ? ` ${t("help.organizerOnly")}` : ""}`);
  return privateReply(`**${t("help.title")}**\n${t("help.intro")}\n${lines.join("\n")}`);
}
