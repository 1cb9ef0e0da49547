// `npm run discord:deploy-commands`: registers musubi's slash commands with Discord, to the guild
// in DISCORD_DEV_GUILD_ID when set (updates at once) or globally; skips when nothing changed.
import { REST } from "discord.js";
import { commands } from "../commands/index.js";
import { ConfigError, loadConfig } from "../src/config.js";
import { discordCommands } from "../src/platforms/discord/command-json.js";
import { deployCommands } from "../src/platforms/discord/deploy-commands.js";

try {
  const { discord } = loadConfig();
  if (!discord) throw new ConfigError(["DISCORD_TOKEN and DISCORD_APPLICATION_ID: both are required to register commands"]);
  const rest = new REST({ api: discord.apiUrl }).setToken(discord.token);
  const result = await deployCommands({
    rest,
    applicationId: discord.applicationId,
    guildId: discord.devGuildId,
    commands: discordCommands(commands),
  });
  const where = discord.devGuildId ? `guild ${discord.devGuildId}` : "all guilds (global; may take up to an hour to show)";
  console.log(result === "updated" ? `Registered ${commands.length} commands for ${where}.` : `Commands for ${where} are up to date; nothing sent.`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
