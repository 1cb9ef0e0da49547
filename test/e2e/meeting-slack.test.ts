// Helping pairs actually meet, end to end on Slack: a real Bolt app against the local fake of the
// Web API, on a manual clock. A group DM gets three proposed times as Slack dates; both members
// pick the same one and each gets the .ics uploaded to their DM, with a reminder an hour before.
// An opt-in round pairs only those who said yes.
import ICAL from "ical.js";
import { DateTime } from "luxon";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { sendBlockAction, sendSlashCommand } from "../fakes/slack-payloads.js";
import type { FakeSlack, SlackCall } from "../fakes/slack.js";
import { type SlackBot, type TestBot, expectNoProblems, giveIntro, joinDirectly, startSlackBot, storedRound, unix, userIdsOf } from "../support/bot.js";
import { communityOf } from "./support.js";
import { readCommunityOfAction } from "../../src/app/action-community.js";

/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = any;

const SECRET = "meeting-e2e-signing-secret";
// Thursday 2026-11-26 10:00 in Tokyo; the weekly round is Monday 2026-11-30 09:00 JST.
const START = "2026-11-26T01:00:00Z";
const HEADS_UP = "2026-11-29T00:00:00Z";
const ROUND = "2026-11-30T00:00:00Z";

const teams = { times: "T0MTIMES1", optIn: "T0MOPTIN1" } as const;
const PAIRING = "C0MPAIRNG";
const ADA = { id: "U0MADA001", name: "ada", locale: "en-US", is_admin: true };
const AKI = { id: "U0MAKI001", name: "aki", locale: "en-US" };
const BEN = { id: "U0MBEN001", name: "ben", locale: "en-US" };
const CHI = { id: "U0MCHI001", name: "chi", locale: "en-US" };

let fake: FakeSlack;
let bot: TestBot;
let appUrl = "";
let running: SlackBot | undefined;

beforeAll(async () => {
  running = await startSlackBot(START, SECRET, { users: [ADA, AKI, BEN, CHI], channels: [{ id: PAIRING, name: "pairing" }] });
  ({ fake, bot, appUrl } = running);
});

afterAll(() => running?.stop());

afterEach(() => expectNoProblems(bot));

async function slash(user: { id: string }, team_id: string, command: string, text: string): Promise<SlackCall> {
  const responseUrl = fake.responseUrl();
  const res = await sendSlashCommand(appUrl, SECRET, { command, text, user_id: user.id, team_id, response_url: responseUrl });
  expect(res.status).toBe(200);
  return fake.waitFor((c) => c.method === "response_url" && responseUrl.endsWith(`/${c.id}`));
}

async function press(user: { id: string }, team_id: string, post: SlackCall, action_id: string): Promise<SlackCall> {
  const responseUrl = fake.responseUrl();
  const res = await sendBlockAction(appUrl, SECRET, {
    user_id: user.id, team_id, action_id, channel_id: post.response.channel, response_url: responseUrl,
    message: { ts: post.response.ts, text: post.args.text, blocks: post.args.blocks },
  });
  expect(res.status).toBe(200);
  return fake.waitFor((c) => c.method === "response_url" && responseUrl.endsWith(`/${c.id}`));
}

const buttonsIn = (blocks: Json[]) =>
  blocks.filter((b) => b.type === "actions").flatMap((b) => b.elements).map((e: Json) => ({ action_id: readCommunityOfAction(e.action_id).actionId, text: e.text.text }));
const since = (from: number, predicate: (c: SlackCall) => boolean) => fake.calls.slice(from).filter(predicate);
const postsTo = (channel: string) => (c: SlackCall) => c.method === "chat.postMessage" && c.args.channel === channel;
const slackDate = (at: Date, zone: string) =>
  `<!date^${unix(at.toISOString())}^{date_short_pretty} {time}|${DateTime.fromJSDate(at, { zone }).toFormat("yyyy-LL-dd HH:mm")} (${zone})>`;

describe("time proposals in a Slack group DM", () => {
  const team = teams.times;
  let space = "";
  let proposalsPost: SlackCall;
  let proposals: { id: string; startsAt: Date }[] = [];

  it("given a round makes a pair then its group DM gets three proposed times as Slack dates with a button each", async () => {
    for (const [i, user] of [AKI, BEN].entries()) {
      const member = await giveIntro(bot.store, "slack", team, user, { industry: (["it", "design"] as const)[i]! });
      await joinDirectly(bot.store, "slack", team, member);
    }
    await slash(ADA, team, "/musubi", "setup language=en");
    await slash(ADA, team, "/musubi", `pairing settings channel=<#${PAIRING}|pairing> enabled=on heads_up=off`);
    await slash(ADA, team, "/musubi", "pairing run-now");
    const from = fake.calls.length;
    expect(await bot.scheduler.runDue()).toBe(1);
    const { groups } = await storedRound(bot.store, "slack", team);
    space = groups[0]!.spaceId!;
    const posts = since(from, postsTo(space));
    expect(posts).toHaveLength(2);
    proposalsPost = posts[1]!;
    const community = await communityOf(bot.store, "slack", team);
    proposals = await bot.store.forCommunity(community.id).meetings.proposals(groups[0]!.id);
    expect(proposals).toHaveLength(3);
    expect(proposalsPost.args.text).toBe([
      "Times that fall within everyone's hours (weekdays 9:00–21:00 in each of your own time zones). Pick the one that suits you: when everyone picks the same one, it is settled and each of you gets a calendar invite.",
      ...proposals.map((p, i) => `Option ${i + 1}: ${slackDate(p.startsAt, "Asia/Tokyo")}`),
    ].join("\n"));
    expect(buttonsIn(proposalsPost.args.blocks)).toEqual([
      ...proposals.map((p, i) => ({ action_id: `match:time:${p.id}`, text: `Option ${i + 1}` })),
      { action_id: `match:notime:${groups[0]!.id}`, text: "None of these work" },
    ]);
  });

  it("given one says none of these work then the group DM says so, and a stale proposal button is refused", async () => {
    const from = fake.calls.length;
    const { groups } = await storedRound(bot.store, "slack", team);
    const none = await press(BEN, team, proposalsPost, `match:notime:${groups[0]!.id}`);
    expect(none.args.text).toBe("Your group now knows none of these times work for you. Suggest another time in your space.");
    expect(since(from, postsTo(space)).map((c) => c.args.text)).toEqual([
      `None of these times work for <@${BEN.id}>. Suggest another time here.\nPicks so far:\n<@${AKI.id}>: not picked yet\n<@${BEN.id}>: none of these work`,
    ]);
    const stale = await press(AKI, team, proposalsPost, "match:time:cl0000000000000000000000");
    expect(stale.args.text).toBe("That proposed time no longer exists. Pick one of the latest proposals in your space.");
  });

  it("given both then pick the same time then each gets the .ics uploaded to their DM and the reminder is planned", async () => {
    const first = await press(AKI, team, proposalsPost, `match:time:${proposals[2]!.id}`);
    expect(first.args.text).toBe(`You picked Option 3: ${slackDate(proposals[2]!.startsAt, "Asia/Tokyo")}. It is settled when everyone picks the same one; until then you can change your pick.`);
    const agreed = await press(BEN, team, proposalsPost, `match:time:${proposals[2]!.id}`);
    expect(agreed.args.text).toBe(`Everyone picked Option 3: ${slackDate(proposals[2]!.startsAt, "Asia/Tokyo")}. Your calendar invite is on its way by direct message.`);

    const from = fake.calls.length;
    expect(await bot.scheduler.runDue()).toBe(1);
    expect(since(from, postsTo(space)).map((c) => c.args.text)).toEqual([
      `It's settled: ${slackDate(proposals[2]!.startsAt, "Asia/Tokyo")}. Each of you gets a calendar invite by direct message, and a reminder here an hour before.`,
    ]);
    const completed = since(from, (c) => c.method === "files.completeUploadExternal");
    const uploads = since(from, (c) => c.method === "upload");
    expect(completed).toHaveLength(2);
    expect(uploads).toHaveLength(2);
    for (const [i, call] of completed.entries()) {
      const other = call.args.initial_comment.startsWith("Your 30 minutes with aki") ? "aki" : "ben";
      expect(call.args.initial_comment).toBe(`Your 30 minutes with ${other}: ${slackDate(proposals[2]!.startsAt, "Asia/Tokyo")}. The attached file adds it to your calendar.`);
      expect(call.args.files).toEqual([{ id: uploads[i]!.id, title: "musubi-meeting.ics" }]);
      const ics = (uploads[i]!.args as Json).body.data.toString("utf8") as string;
      const event = new ICAL.Event(new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent("vevent")!);
      expect(event.summary).toBe(`musubi: talk with ${other}`);
      expect(event.startDate.toJSDate().getTime()).toBe(proposals[2]!.startsAt.getTime());
    }
    const community = await communityOf(bot.store, "slack", team);
    const reminder = await bot.db.job.findFirstOrThrow({ where: { communityId: community.id, kind: "pairing.meeting-reminder" } });
    expect(reminder.dueAt.getTime()).toBe(proposals[2]!.startsAt.getTime() - 3_600_000);
  });
});

describe("a per-round opt-in on Slack", () => {
  const team = teams.optIn;

  it("given opt-in is on then only those who answer yes to the heads-up are paired", async () => {
    for (const [i, user] of [AKI, BEN, CHI].entries()) {
      const member = await giveIntro(bot.store, "slack", team, user, { industry: (["it", "design", "medical"] as const)[i]! });
      await joinDirectly(bot.store, "slack", team, member);
    }
    await slash(ADA, team, "/musubi", "setup language=en");
    const saved = await slash(ADA, team, "/musubi", `pairing settings channel=<#${PAIRING}|pairing> enabled=on opt_in=on`);
    expect(JSON.stringify(saved.args.blocks)).toContain("on (next round: 0 of 3 said yes)");
    const from = fake.calls.length;
    await bot.at(HEADS_UP);
    const [headsUp] = since(from, (c) => postsTo(PAIRING)(c) && String(c.args.text).startsWith("Heads-up"));
    expect(headsUp!.args.text).toBe(`Heads-up: the next pairing round is ${slackDate(new Date(ROUND), "Asia/Tokyo")}. Are you in this week? Only those who answer yes are paired.`);
    const roundId = (await storedRound(bot.store, "slack", team, "2026-11-30")).round.id;
    for (const user of [AKI, CHI]) {
      const yes = await press(user, team, headsUp!, `match:in:${roundId}:yes`);
      expect(yes.args.text).toBe(`You're in: you will be paired in the round of ${slackDate(new Date(ROUND), "Asia/Tokyo")}.`);
    }
    const unknown = await press(BEN, team, headsUp!, `match:in:${roundId}:maybe`);
    expect(unknown.args.text).not.toContain("You're in");
    await bot.at(ROUND);
    const { groups } = await storedRound(bot.store, "slack", team, "2026-11-30");
    expect(groups.map(userIdsOf)).toEqual([[AKI.id, CHI.id].sort()]);
  });
});
