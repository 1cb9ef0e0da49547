// Set-up of the end-to-end tests of the platform ports: a command that answers with a file (as
// `/round calendar` will), run by the real dispatcher over the test bot's store.
import { handler, type CommandDefinition } from "../../src/app/command.js";
import { createMusubi, type Musubi } from "../../src/app/dispatcher.js";
import { replyOutcome } from "../../src/app/reply.js";
import type { ReplyFile } from "../../src/port/message.js";
import type { TestBot } from "../support/bot.js";
import { DEFAULTS } from "./support.js";

/** A round's calendar as a member would import it: CRLF lines and Japanese text (UTF-8 on the wire). */
export const ROUND_ICS: ReplyFile = {
  name: "reading-club.ics",
  contentType: "text/calendar",
  content: [
    "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//musubi//rounds//EN", "BEGIN:VEVENT", "UID:round-1-session-1@musubi",
    "DTSTART:20301104T100000Z", "DTEND:20301104T113000Z", "SUMMARY:読書会 第1回: リーダブルコード", "END:VEVENT", "END:VCALENDAR", "",
  ].join("\r\n"),
};

export const CALENDAR_TEXT = "Your reading club calendar";

/**
 * `/calendar now` answers at once with the file; `/calendar slow` only once `release` is called,
 * later than the platform waits for a first answer.
 */
export function calendarCommand(): { command: CommandDefinition; release(): void } {
  let release = () => {};
  const released = new Promise<void>((resolve) => { release = resolve; });
  const answer = () => replyOutcome({ text: CALENDAR_TEXT, ephemeral: true, files: [ROUND_ICS] });
  const command: CommandDefinition = {
    name: "calendar",
    description: "help.description",
    subcommands: {
      now: handler({ description: "help.description", permission: "member", options: {}, run: async () => answer() }),
      slow: handler({ description: "help.description", permission: "member", options: {}, run: async () => { await released; return answer(); } }),
    },
  };
  return { command, release: () => release() };
}

/** The real dispatcher with only the given commands, over the test bot's store and logger. */
export function musubiWith(bot: TestBot, commands: readonly CommandDefinition[]): Musubi {
  return createMusubi({
    jobs: { schedule: async () => undefined, runSoon: () => undefined }, store: bot.store, commands, log: bot.log, defaults: { ...DEFAULTS } });
}
