// Pairing programs end to end on Slack: a real Bolt app (HTTP receiver, signed requests) against
// the local fake of the Web API, the real dispatcher, commands, SQLite store, scheduler and round
// jobs, on a manual clock. An organizer creates a mentoring program with its own channel in
// group DMs; members join it (one as a mentee); a round started by hand groups only members one
// or two seniority levels apart (or a mentor with a mentee), posted in its channel with
// mentoring starters. Bad input is refused clearly and changes nothing.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { sendSlashCommand } from "../fakes/slack-payloads.js";
import type { FakeSlack, SlackCall } from "../fakes/slack.js";
import { type TestBot, type SlackBot, expectNoProblems, giveIntro, startSlackBot } from "../support/bot.js";
import { communityOf } from "./support.js";
import { SENIORITY } from "../../src/core/matching/index.js";
import type { Intro } from "../../src/core/profile.js";

const SECRET = "programs-e2e-signing-secret";
const START = "2026-11-26T01:00:00Z";
const TEAM = "T0PROGRM1";
const MENTORING = "C0MENTOR1";

const ADA = { id: "U0ADA0001", name: "ada", locale: "ja-JP", is_admin: true };
const members: { user: { id: string; name: string; locale: string }; seniority: Intro["seniority"]; role?: string }[] = [
  { user: { id: "U0AKI0001", name: "aki", locale: "ja-JP" }, seniority: "student" },
  { user: { id: "U0BEN0001", name: "ben", locale: "ja-JP" }, seniority: "1-3" },
  { user: { id: "U0CHI0001", name: "chi", locale: "ja-JP" }, seniority: "3-7", role: "mentee" },
  { user: { id: "U0DAN0001", name: "dan", locale: "ja-JP" }, seniority: "7-15", role: "mentor" },
  { user: { id: "U0EMI0001", name: "emi", locale: "en-US" }, seniority: "15+" },
];
const memberOf = (userId: string) => members.find((m) => m.user.id === userId)!;
const level = (userId: string) => SENIORITY.indexOf(memberOf(userId).seniority);

let fake: FakeSlack;
let bot: TestBot;
let appUrl = "";
let running: SlackBot | undefined;

beforeAll(async () => {
  running = await startSlackBot(START, SECRET, {
    users: [ADA, ...members.map((m) => m.user)],
    channels: [{ id: "C0GENERAL", name: "general" }, { id: MENTORING, name: "mentoring" }],
  });
  ({ fake, bot, appUrl } = running);
});
afterAll(() => running?.stop());
afterEach(() => expectNoProblems(bot));

async function slash(user: { id: string }, command: string, text: string): Promise<SlackCall> {
  const responseUrl = fake.responseUrl();
  const res = await sendSlashCommand(appUrl, SECRET, { command, text, user_id: user.id, team_id: TEAM, response_url: responseUrl });
  expect(res.status).toBe(200);
  return fake.waitFor((c) => c.method === "response_url" && responseUrl.endsWith(`/${c.id}`));
}
const since = (from: number, predicate: (c: SlackCall) => boolean) => fake.calls.slice(from).filter(predicate);
const postsTo = (channel: string) => (c: SlackCall) => c.method === "chat.postMessage" && c.args.channel === channel;

async function scoped() {
  return bot.store.forCommunity((await communityOf(bot.store, "slack", TEAM)).id);
}

describe("pairing programs on Slack", () => {
  it("given an admin creates a mentoring program then a second one of the same name is refused and nothing changes", async () => {
    const created = await slash(ADA, "/musubi", `pairing program-add name=mentoring rule=mentoring channel=<#${MENTORING}|mentoring> cadence=2`);
    expect(created.args.text).toBe("プログラム「mentoring」を作りました。メンバーは /match join program:mentoring で参加できます。");
    const taken = await slash(ADA, "/musubi", `pairing program-add name=Mentoring rule=in-person channel=<#${MENTORING}|mentoring>`);
    expect(taken.args.text).toBe("「Mentoring」という名前はすでに使われています。別の名前にしてください。");
    const weekly = await slash(ADA, "/musubi", `pairing program-add name=weekly rule=cross-industry channel=<#${MENTORING}|mentoring>`);
    expect(weekly.args.text).toBe("「weekly」という名前はすでに使われています。別の名前にしてください。");
    const store = await scoped();
    expect(await store.programs.list()).toMatchObject([{ name: "mentoring", rule: "mentoring", cadenceWeeks: 2 }]);
  });

  it("given members join it, one with a role, then each is told so, and a role in a program that is not mentoring is refused", async () => {
    for (const { user, seniority, role } of members) {
      await giveIntro(bot.store, "slack", TEAM, { id: user.id, name: user.name }, { seniority });
      const answer = await slash(user, "/match", `join program=mentoring${role ? ` role=${role}` : ""}`);
      // Each in their own language (emi's Slack is in English).
      expect(answer.args.text).toMatch(/^(プログラム「mentoring」に参加しました|You joined the program “mentoring”)/);
    }
    expect((await slash(members[0]!.user, "/match", "join role=mentor")).args.text).toBe("役割を選べるのはメンタリングのプログラムだけです。");
    const noa = members[4]!.user;
    const status = await slash(noa, "/match", "status");
    expect(JSON.stringify(status.args.blocks)).toContain("• mentoring: mentoring (senior and junior), next round");
  });

  it("given an organizer runs the program now then its groups are a mentor with mentees, posted in its channel with mentoring starters", async () => {
    const started = await slash(ADA, "/musubi", "pairing run-now program=mentoring");
    expect(started.args.text).toBe(`プログラム「mentoring」の回を始めました。組み合わせは <#${MENTORING}> に届きます。`);
    const from = fake.calls.length;
    expect(await bot.scheduler.runDue()).toBe(1);

    const store = await scoped();
    const round = await store.pairing.latestMadeRound((await store.programs.byKey("mentoring"))!.id);
    expect(round?.status).toBe("announced");
    // The default program has no round: the program's is its own.
    expect(await store.pairing.latestMadeRound()).toBeNull();
    const groups = await store.pairing.groups(round!.id);
    // emi (15+) could only mentor chi, who is with dan: chi chose mentee and dan mentor, so dan is
    // nobody's junior; emi is left out this round (and told so).
    expect(groups.flatMap((g) => g.members.map((m) => m.displayName)).sort()).toEqual(["aki", "ben", "chi", "dan"]);
    expect((await store.pairing.unplaced(round!.id)).map((u) => u.displayName)).toEqual(["emi"]);
    for (const group of groups) {
      const ids = group.members.map((m) => m.platformUserId);
      for (const [i, a] of ids.entries()) {
        for (const b of ids.slice(i + 1)) {
          const roles = [memberOf(a).role, memberOf(b).role];
          if (roles[0] && roles[1]) expect(new Set(roles)).toEqual(new Set(["mentor", "mentee"]));
          else expect([1, 2]).toContain(Math.abs(level(a) - level(b)));
        }
      }
    }
    const [announcement] = since(from, postsTo(MENTORING));
    expect(announcement!.args.text).toMatch(/^【mentoring】\n/);
    for (const group of groups) {
      const [intro] = since(from, postsTo(group.spaceId!));
      const blocks = JSON.stringify(intro!.args.blocks);
      expect(blocks).toContain("*話のきっかけ*");
      expect(blocks).toContain("の年次のころに知っておきたかったことを聞いてみましょう。");
      // dan chose mentor: in his group he is the one asked.
      if (group.members.some((m) => m.displayName === "dan")) expect(blocks).toContain("• danさんに、");
    }
  });

  it("given a member leaves the program then they are out of it, and leaving again is refused", async () => {
    const aki = members[0]!.user;
    expect((await slash(aki, "/match", "leave program=mentoring")).args.text).toBe("プログラム「mentoring」から抜けました。");
    expect((await slash(aki, "/match", "leave program=mentoring")).args.text).toBe("プログラム「mentoring」に参加していません。");
    const store = await scoped();
    const member = await store.members.findByPlatformUser(aki.id);
    expect(await store.programs.membershipsOf(member!.id)).toEqual([]);
  });
});
