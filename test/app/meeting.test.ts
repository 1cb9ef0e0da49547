// Picking a meeting time through the whole bot on SQLite with console actors: picks that disagree,
// picks changed, a crash between the agreement and the invites (each invite still sent once), and
// buttons that are stale, foreign or pressed by someone outside the group (refused, nothing changed).
import { afterEach, describe, expect, it } from "vitest";
import type { Actor } from "../../src/app/context.js";
import type { Outcome } from "../../src/app/reply.js";
import { PlatformError } from "../../src/port/errors.js";
import { createTestBot, expectNoProblems, giveIntro, joinDirectly, storedRound, type TestBot } from "../support/bot.js";
import { recordingPort } from "../support/recording-port.js";

const START = "2026-11-26T01:00:00Z";
const ROUND = "2026-11-30T00:00:00Z";

const bots: TestBot[] = [];
afterEach(async () => {
  for (const bot of bots.splice(0)) await bot.disconnect();
});

type Shared = { bot: TestBot; recording: ReturnType<typeof recordingPort> };

/** A community whose round paired aiko and ken; `shared`: another community in the same bot and database. */
async function world(externalId = "meeting-app", shared?: Shared) {
  const bot = shared?.bot ?? createTestBot(START);
  if (!shared) bots.push(bot);
  const recording = shared?.recording ?? recordingPort();
  const { port } = recording;
  if (!shared) bot.connect(port);
  const community = { externalId, name: "Meeting" };
  const actor = (userId: string, externalIdOf = externalId): Actor => ({
    platform: "console", community: { ...community, externalId: externalIdOf }, userId, displayName: userId, locale: "en", isOrganizer: userId === "organizer", channelId: "general",
  });
  const text = (outcome: Outcome) => (outcome.type === "reply" ? outcome.reply.text : `(form ${outcome.form.formId})`);
  const press = async (userId: string, actionId: string, externalIdOf = externalId) => text(await bot.musubi.action(port, actor(userId, externalIdOf), actionId));
  await bot.musubi.command(port, actor("organizer"), { name: "musubi", subcommand: "setup", options: { language: "en" } });
  for (const [name, industry] of [["aiko", "it"], ["ken", "design"]] as const) {
    const member = await giveIntro(bot.store, "console", externalId, { id: name, name }, { industry });
    await joinDirectly(bot.store, "console", externalId, member);
  }
  await bot.musubi.command(port, actor("organizer"), { name: "musubi", subcommand: "pairing settings", options: { channel: "pairing", enabled: "on", heads_up: "off" } });
  // A second community is past its weekly round's time: it runs one now.
  if (shared) await bot.musubi.command(port, actor("organizer"), { name: "musubi", subcommand: "pairing run-now", options: {} });
  await bot.at(ROUND);
  const { groups, community: stored } = await storedRound(bot.store, "console", externalId);
  const group = groups[0]!;
  const proposals = await bot.store.forCommunity(stored.id).meetings.proposals(group.id);
  const picks = () => bot.db.pairingTimePick.findMany({ where: { groupId: group.id }, orderBy: { memberId: "asc" }, select: { memberId: true, proposalId: true } });
  const meetings = () => bot.db.pairingMeeting.findMany({ where: { communityId: stored.id } });
  return { bot, recording, ...recording, press, group, proposals, picks, meetings, community: stored };
}

describe("picking a meeting time", () => {
  it("given the two pick different times and change their picks, then nothing is settled until both pick the same one", async () => {
    const w = await world();
    expect(w.proposals).toHaveLength(3);
    expect(await w.press("aiko", `match:time:${w.proposals[0]!.id}`)).toMatch(/^You picked Option 1: /);
    expect(await w.press("ken", `match:time:${w.proposals[1]!.id}`)).toMatch(/^You picked Option 2: /);
    expect(await w.meetings()).toEqual([]);
    expect(await w.press("ken", `match:notime:${w.group.id}`)).toBe("Your group now knows none of these times work for you. Suggest another time in your space.");
    expect(w.sent.at(-1)!.message.text).toBe([
      "None of these times work for <@ken>. Suggest another time here.",
      "Picks so far:",
      `<@aiko>: Option 1: ${w.proposals[0]!.startsAt.toISOString()}`,
      "<@ken>: none of these work",
    ].join("\n"));
    expect(await w.press("aiko", `match:time:${w.proposals[1]!.id}`)).toMatch(/^You picked Option 2: /);
    expect(await w.meetings()).toEqual([]);
    expect(await w.press("ken", `match:time:${w.proposals[1]!.id}`)).toMatch(/^Everyone picked Option 2: /);
    const [meeting] = await w.meetings();
    expect(meeting!.startsAt).toEqual(w.proposals[1]!.startsAt);
    expect(meeting!.endsAt.getTime() - meeting!.startsAt.getTime()).toBe(30 * 60_000);
    expect(await w.press("aiko", `match:time:${w.proposals[0]!.id}`)).toBe(`The time is already settled: ${w.proposals[1]!.startsAt.toISOString()}.`);
    expect(await w.meetings()).toEqual([meeting]);

    // The follow-up recalls the time, and both count as having answered "scheduled".
    await w.bot.at("2026-12-03T00:00:00Z");
    const followUp = w.sent.filter((s) => s.message.buttons?.some((b) => b.actionId.startsWith("match:followup:"))).at(-1)!;
    expect(followUp.message.text).toBe(`You planned to meet ${w.proposals[1]!.startsAt.toISOString()}. How did it go? Let musubi know — it helps the next pairing.`);
    expect((await w.bot.db.pairingGroupMember.findMany({ where: { groupId: w.group.id } })).map((m) => m.answer)).toEqual(["scheduled", "scheduled"]);
    expectNoProblems(w.bot);
  });

  it("given the process stops after one invite, and again before the invites were planned, then each member still gets exactly one invite", async () => {
    const w = await world();
    const send = w.port.sendDirectFiles!.bind(w.port);
    let failKen = true;
    w.port.sendDirectFiles = async (userId, text, files, delivery) => {
      if (userId === "ken" && failKen) throw new PlatformError("unavailable", "the process stopped mid-send");
      return send(userId, text, files, delivery);
    };
    await w.press("aiko", `match:time:${w.proposals[0]!.id}`);
    await w.press("ken", `match:time:${w.proposals[0]!.id}`);
    await w.bot.scheduler.runDue();
    const invites = () => w.sent.filter((s) => s.kind === "files").map((s) => s.channelId).sort();
    expect(invites()).toEqual(["dm-aiko"]);

    failKen = false;
    // The job's retry comes after its backoff; by then aiko's invite is marked sent.
    await w.bot.at("2026-11-30T00:10:00Z");
    expect(invites()).toEqual(["dm-aiko", "dm-ken"]);

    // A process that stopped between the agreement and planning the invites: the job is gone, and
    // the next press plans it again; the invites already sent are not sent again.
    await w.bot.db.job.deleteMany({ where: { communityId: w.community.id, kind: "pairing.meeting" } });
    expect(await w.press("ken", `match:time:${w.proposals[1]!.id}`)).toMatch(/^The time is already settled: /);
    await w.bot.scheduler.runDue();
    expect(invites()).toEqual(["dm-aiko", "dm-ken"]);
    expect(await w.bot.db.job.count({ where: { communityId: w.community.id, kind: "pairing.meeting-reminder" } })).toBe(1);
    const ics = w.sent.find((s) => s.kind === "files" && s.channelId === "dm-ken")!.files![0]!;
    expect(ics).toMatchObject({ name: "musubi-meeting.ics", contentType: "text/calendar" });
    // The only problem logged is the stopped send.
    expect(w.bot.problems.map((p) => JSON.stringify(p).includes("the process stopped mid-send"))).toEqual([true]);
  });

  it("given a stale, foreign or outsider's press, then it is refused clearly and nothing changes", async () => {
    const w = await world();
    const other = await world("meeting-other", { bot: w.bot, recording: w.recording });
    await w.press("aiko", `match:time:${w.proposals[2]!.id}`);
    const before = { picks: await w.picks(), meetings: await w.meetings() };

    // Another community's proposal, pressed here.
    expect(await w.press("ken", `match:time:${other.proposals[0]!.id}`)).toBe("That proposed time no longer exists. Pick one of the latest proposals in your space.");
    expect(await w.press("ken", `match:notime:${other.group.id}`)).toBe("That proposed time no longer exists. Pick one of the latest proposals in your space.");
    // Someone outside the group.
    expect(await w.press("organizer", `match:time:${w.proposals[0]!.id}`)).toBe("These proposed times are for the members of that group.");
    // A time that has passed.
    await w.bot.at(new Date(w.proposals[0]!.startsAt.getTime() + 60_000).toISOString());
    expect(await w.press("ken", `match:time:${w.proposals[0]!.id}`)).toBe("That time has already passed. Suggest another time in your space.");
    // A made-up answer to an opt-in question.
    const { round } = await storedRound(w.bot.store, "console", "meeting-app", "2026-11-30");
    expect(await w.press("ken", `match:in:${round.id}:maybe`)).not.toMatch(/You're in/);

    expect({ picks: await w.picks(), meetings: await w.meetings() }).toEqual(before);
    expect(await other.picks()).toEqual([]);
  });
});
