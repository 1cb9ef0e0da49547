import type { CommandDefinition } from "../src/app/command.js";
import { forgetMeCommand } from "./forget-me.js";
import { helpCommand } from "./help.js";
import { introCommand } from "./intro.js";
import { matchCommand } from "./match.js";
import { musubiCommand } from "./musubi.js";
import { myDataCommand } from "./my-data.js";
import { networkCommand } from "./network.js";
import { askCommand, offerCommand, offersCommand } from "./offer.js";
import { profileCommand } from "./profile.js";
import { roundCommand } from "./round.js";
import { settingsCommand } from "./settings.js";

/** Every command but /help, which explains each of them. */
const topics: readonly CommandDefinition[] = [
  introCommand, profileCommand, offerCommand, askCommand, offersCommand, matchCommand, roundCommand, networkCommand,
  settingsCommand, myDataCommand, forgetMeCommand, musubiCommand,
];

/** Every command musubi serves. One explicit list: no auto-loading. /help groups them by what a member wants. */
export const commands: readonly CommandDefinition[] = [...topics, helpCommand(topics)];
