// The console's side of what rounds ask of a platform: a discussion channel on a card, files in a
// reply (printed, so transcripts stay stable), and no calendar events.
import { afterAll, describe, expect, it } from "vitest";
import { createConsoleAdapter } from "../../src/platforms/console/adapter.js";
import { consolePort } from "../../src/platforms/console/port.js";
import { ROUND_ICS, calendarCommand, musubiWith } from "../e2e/port-support.js";
import { createTestBot } from "../support/bot.js";

const bot = createTestBot();
afterAll(() => bot.store.disconnect());

function printingPort() {
  const lines: string[] = [];
  const print = (line: string) => { lines.push(line); };
  return { lines, port: consolePort(print), print };
}

describe("console port", () => {
  it("given a card, then its discussion is a channel of its own that opens once and takes posts", async () => {
    const { lines, port } = printingPort();
    const card = await port.postMessage("general", { text: "Reading club: Readable Code" });

    const discussion = await port.openDiscussion(card, "Reading club: Readable Code");
    expect(await port.openDiscussion(card, "Reading club: Readable Code")).toBe(discussion);
    await port.postMessage(discussion, { text: "Chapter 1 starts Monday" });

    expect(lines).toEqual([
      "[#general] (m1)",
      "  Reading club: Readable Code",
      "[#thread-m1 opened on m1 in #general: Reading club: Readable Code]",
      "[#thread-m1] (m2)",
      "  Chapter 1 starts Monday",
    ]);
  });

  it("given the console has no calendar, then it says so and refuses calendar calls", async () => {
    const { port } = printingPort();
    const event = { name: "Reading club #1", description: "", start: new Date(), end: new Date(), location: "here" };
    expect(port.supportsCalendarEvents).toBe(false);
    await expect(port.upsertCalendarEvent("local", event)).rejects.toMatchObject({ name: "PlatformError", code: "unsupported" });
    await expect(port.cancelCalendarEvent("local", "e1")).rejects.toMatchObject({ code: "unsupported" });
  });

  it("given a reply with a calendar file, then the member sees its name and every line of it", async () => {
    const { lines, port, print } = printingPort();
    const adapter = createConsoleAdapter({
      musubi: musubiWith(bot, [calendarCommand().command]), print, port, organizers: [], defaultSpeaker: "aki",
      clock: { set: () => undefined }, runDueJobs: async () => 0,
    });

    await adapter.handleLine("/calendar now");

    const file = lines.slice(lines.indexOf(`  📎 ${ROUND_ICS.name} (text/calendar)`));
    expect(file).toEqual([
      "  📎 reading-club.ics (text/calendar)",
      "  ┆ BEGIN:VCALENDAR",
      "  ┆ VERSION:2.0",
      "  ┆ PRODID:-//musubi//rounds//EN",
      "  ┆ BEGIN:VEVENT",
      "  ┆ UID:round-1-session-1@musubi",
      "  ┆ DTSTART:20301104T100000Z",
      "  ┆ DTEND:20301104T113000Z",
      "  ┆ SUMMARY:読書会 第1回: リーダブルコード",
      "  ┆ END:VEVENT",
      "  ┆ END:VCALENDAR",
    ]);
  });
});
