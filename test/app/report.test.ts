import { afterEach, describe, expect, it } from "vitest";
import type { Actor } from "../../src/app/context.js";
import type { Outcome } from "../../src/app/reply.js";
import { createTestBot, type TestBot } from "../support/bot.js";
import { recordingPort } from "../support/recording-port.js";

// The monthly report: off until an organizer names its channel; then on the first of each month
// at 10:00 (Tokyo) the figures and three pictures of the month before are posted there, once.

const bots: TestBot[] = [];
afterEach(async () => {
  await Promise.all(bots.splice(0).map((bot) => bot.disconnect()));
});

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const organizer: Actor = {
  platform: "console", community: { externalId: "report", name: "Report" }, userId: "owner", displayName: "owner", isOrganizer: true, channelId: "general",
};
const text = (outcome: Outcome) => (outcome.type === "reply" ? outcome.reply.text : "(form)");

describe("the monthly report", () => {
  it("given a report channel, then on the 1st at 10:00 the month's figures and pictures are posted there once, and the next month is planned", async () => {
    const bot = createTestBot("2026-11-20T00:00:00Z");
    bots.push(bot);
    const { port, sent } = recordingPort();
    bot.connect(port);
    const run = (options: Record<string, unknown>) => bot.musubi.command(port, organizer, { name: "musubi", subcommand: "report", options });

    expect(text(await run({}))).toBe("毎月のレポートはオフです。");
    expect(text(await run({ enabled: "on" }))).toBe("レポートを投稿するチャンネルを指定してください: /musubi report channel:#チャンネル");
    expect(text(await run({ channel: "reports" }))).toBe("毎月のレポートを <#reports> に投稿します。次回は2026-12-01T01:00:00.000Zです。");

    expect(await bot.at("2026-12-01T00:59:00Z")).toBe(0);
    expect(await bot.at("2026-12-01T01:00:00Z")).toBe(1);
    const posts = sent.filter((s) => s.channelId === "reports");
    expect(posts).toHaveLength(1);
    expect(posts[0]!.kind).toBe("files");
    expect(posts[0]!.message.text.split("\n")[0]).toBe("📊 月次レポート（2026/11/01からの1か月）");
    expect(posts[0]!.files?.map((f) => f.name)).toEqual(["musubi-funnel-2026-12-01.png", "musubi-trend-2026-12-01.png", "musubi-network-anonymous-2026-12-01.png"]);
    for (const file of posts[0]!.files ?? []) expect([...(file.content as Uint8Array).subarray(0, 8)]).toEqual(PNG_SIGNATURE);

    // Run again (a retry, a second process): nothing is posted twice.
    await bot.db.job.updateMany({ where: { kind: "network.report", dueAt: new Date("2026-12-01T01:00:00Z") }, data: { status: "pending" } });
    await bot.at("2026-12-01T01:05:00Z");
    expect(sent.filter((s) => s.channelId === "reports")).toHaveLength(1);
    const planned = await bot.db.job.findMany({ where: { kind: "network.report", status: "pending" }, select: { dueAt: true } });
    expect(planned.map((j) => j.dueAt)).toEqual([new Date("2027-01-01T01:00:00Z")]);
  });

  it("given the report turned off, then the planned one posts nothing", async () => {
    const bot = createTestBot("2026-11-20T00:00:00Z");
    bots.push(bot);
    const { port, sent } = recordingPort();
    bot.connect(port);
    await bot.musubi.command(port, organizer, { name: "musubi", subcommand: "report", options: { channel: "reports" } });
    expect(text(await bot.musubi.command(port, organizer, { name: "musubi", subcommand: "report", options: { enabled: "off" } }))).toBe("毎月のレポートはオフです。");
    await bot.at("2026-12-01T01:00:00Z");
    expect(sent.filter((s) => s.channelId === "reports")).toEqual([]);
  });
});
