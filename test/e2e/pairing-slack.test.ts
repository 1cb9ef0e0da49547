// Weekly pairing end to end on Slack: a real Bolt app (HTTP receiver, signed requests) against the
// local fake of the Web API, the real dispatcher, commands, SQLite store, scheduler, outbox and
// round jobs, on a manual clock (see pairing-support.ts). Each scenario has a workspace of its own.
//
// The weekly round is one story told in order, like test/console/pairing-session.txt: the
// organizer turns pairing on, the clock reaches the heads-up, the round, the follow-up.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { sendBlockAction, sendSlashCommand } from "../fakes/slack-payloads.js";
import { slackHttp, type FakeSlack, type SlackCall } from "../fakes/slack.js";
import { type TestBot, type SlackBot, expectNoProblems, giveIntro, joinDirectly, startSlackBot, storedRound, unix, userIdsOf } from "../support/bot.js";
import { communityOf, describeProblems } from "./support.js";
import { readCommunityOfAction } from "../../src/app/action-community.js";

/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = any;

const SECRET = "pairing-e2e-signing-secret";

// Thursday 2026-11-26 10:00 in Tokyo. Rounds are on Mondays at 09:00 (the defaults): the next
// one is 2026-11-30 09:00 JST, its heads-up a day before, its follow-up three days after.
const START = "2026-11-26T01:00:00Z";
const HEADS_UP = "2026-11-29T00:00:00Z";
const ROUND = "2026-11-30T00:00:00Z";
const FOLLOW_UP = "2026-12-03T00:00:00Z";
/** The next round as Slack shows it: in each reader's zone, with the community's as fallback. */
const ROUND_DATE = `<!date^${unix(ROUND)}^{date_short_pretty} {time}|2026-11-30 09:00 (Asia/Tokyo)>`;

const teams = { join: "T0PJOIN01", weekly: "T0PWEEK01", limit: "T0PLIMIT1", groups: "T0PGROUP1", trios: "T0PTRIO01", ghost: "T0PGHOST1" } as const;
const ORGANIZER_GROUP = "S0ORGANIZE";
const PAIRING = "C0PAIRING";
const PAIRING_LIMIT = "C0PAIRLIM";
const PAIRING_TRIOS = "C0PAIRTRI";
const PAIRING_GHOST = "C0PAIRGHO";

const ADA = { id: "U0ADA0001", name: "ada", real_name: "Ada Sato", locale: "ja-JP", is_admin: true };
const AKI = { id: "U0AKI0001", name: "aki", locale: "ja-JP" };
const BEN = { id: "U0BEN0001", name: "ben", locale: "ja-JP" };
const CHI = { id: "U0CHI0001", name: "chi", locale: "ja-JP" };
const DAN = { id: "U0DAN0001", name: "dan", locale: "ja-JP" };
const EMI = { id: "U0EMI0001", name: "emi", locale: "ja-JP" };
const GEN = { id: "U0GEN0001", name: "gen", locale: "ja-JP" };
const HIRO = { id: "U0HIRO001", name: "hiro", locale: "ja-JP" };
const MEI = { id: "U0MEI0001", name: "mei", locale: "ja-JP" };
const NOA = { id: "U0NOA0001", name: "noa", locale: "en-US" };

let fake: FakeSlack;
let bot: TestBot;
let appUrl = "";

let running: SlackBot | undefined;

beforeAll(async () => {
  running = await startSlackBot(START, SECRET, {
    users: [ADA, AKI, BEN, CHI, DAN, EMI, GEN, HIRO, MEI, NOA],
    channels: [
      { id: "C0GENERAL", name: "general" }, { id: PAIRING, name: "pairing" }, { id: PAIRING_LIMIT, name: "pairing-lim" },
      { id: PAIRING_TRIOS, name: "pairing-trios" }, { id: PAIRING_GHOST, name: "pairing-ghost" },
    ],
    usergroups: { [ORGANIZER_GROUP]: [GEN.id] },
  });
  ({ fake, bot, appUrl } = running);
});

afterAll(() => running?.stop());

afterEach(() => expectNoProblems(bot));

// ---------------------------------------------------------------- helpers

/** Runs a slash command and returns what the bot answered through its response_url. */
async function slash(user: { id: string }, team_id: string, command: string, text: string): Promise<SlackCall> {
  const responseUrl = fake.responseUrl();
  const res = await sendSlashCommand(appUrl, SECRET, { command, text, user_id: user.id, team_id, response_url: responseUrl });
  expect(res.status).toBe(200);
  return fake.waitFor((c) => c.method === "response_url" && responseUrl.endsWith(`/${c.id}`));
}

/** Presses a button of a message the bot posted and returns its answer through the response_url. */
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
/** Calls recorded from index `from` on. */
const since = (from: number, predicate: (c: SlackCall) => boolean) => fake.calls.slice(from).filter(predicate);
const postsTo = (channel: string) => (c: SlackCall) => c.method === "chat.postMessage" && c.args.channel === channel;
const opens = (c: SlackCall) => c.method === "conversations.open";
const mentionsIn = (text: string) => [...text.matchAll(/<@([A-Z0-9]+)>/g)].map((m) => m[1]!).sort();

// ---------------------------------------------------------------- scenarios

describe("weekly pairing on Slack", () => {
  it("given an admin names an organizer user group then its member may preview, and others are still refused", async () => {
    const team = teams.groups;
    const setup = await slash(ADA, team, "/musubi", `setup organizers=<!subteam^${ORGANIZER_GROUP}|@organizers>`);
    expect(JSON.stringify(setup.args.blocks)).toContain(`*オーガナイザー*\\n\`${ORGANIZER_GROUP}\``);

    const member = await slash(GEN, team, "/musubi", "pairing preview");
    expect(member.args.text).toBe("まだマッチングできる人がいません。参加メンバーは0人です。");
    const outsider = await slash(HIRO, team, "/musubi", "pairing preview");
    expect(outsider.args.text).toBe("/musubi pairing preview はオーガナイザーだけが使えるコマンドです。必要なときは、このコミュニティのオーガナイザーに頼んでください。");
  });

  it("given a member without an intro runs /match join then it is refused with a button that opens the intro form", async () => {
    const community = await communityOf(bot.store, "slack", teams.join);
    await bot.store.forCommunity(community.id).pairing.updateSettings({ enabled: true, channelId: PAIRING });

    const answer = await slash(MEI, teams.join, "/match", "join");
    expect(answer.args.response_type).toBe("ephemeral");
    expect(answer.args.text).toBe("先に自己紹介をお願いします。マッチングは自己紹介をもとに相手を探します。");
    expect(buttonsIn(answer.args.blocks)).toEqual([{ action_id: "form:intro:0", text: "自己紹介する" }]);
    const member = await bot.store.forCommunity(community.id).members.findByPlatformUser(MEI.id);
    expect(await bot.store.forCommunity(community.id).pairing.participant(member!.id)).toBeNull();
  });

  it("given a member with an intro runs /match join then they are in and told the next round as a Slack date", async () => {
    const member = await giveIntro(bot.store, "slack", teams.join, AKI);
    const answer = await slash(AKI, teams.join, "/match", "join");
    expect(answer.args.response_type).toBe("ephemeral");
    // The date token reaches Slack as a token (not escaped to &lt;!date…), in the text and the blocks.
    expect(answer.args.text).toBe(`毎週のマッチングに参加しました。次の回は ${ROUND_DATE} です。`);
    expect(JSON.stringify(answer.args.blocks)).toContain(JSON.stringify(ROUND_DATE).slice(1, -1));
    const community = await communityOf(bot.store, "slack", teams.join);
    expect(await bot.store.forCommunity(community.id).pairing.participant(member.id)).toMatchObject({ active: true, autoPaused: false });
  });

  describe("a weekly round", () => {
    const team = teams.weekly;
    const members = [AKI, BEN, CHI, DAN, EMI];
    let headsUp: SlackCall;

    it("given a member who is not an admin turns pairing on then it is refused and pairing stays off", async () => {
      const answer = await slash(DAN, team, "/musubi", `pairing settings channel=<#${PAIRING}|pairing> enabled=on`);
      expect(answer.args.response_type).toBe("ephemeral");
      expect(answer.args.text).toBe("/musubi pairing settings はオーガナイザーだけが使えるコマンドです。必要なときは、このコミュニティのオーガナイザーに頼んでください。");
      const community = await communityOf(bot.store, "slack", team);
      expect(await bot.store.forCommunity(community.id).pairing.settings()).toMatchObject({ enabled: false, channelId: null });
    });

    it("given an admin turns pairing on with a channel then it is saved and members who join are told the round's time", async () => {
      const answer = await slash(ADA, team, "/musubi", `pairing settings channel=<#${PAIRING}|pairing> enabled=on`);
      expect(answer.args.response_type).toBe("ephemeral");
      expect(answer.args.text).toBe("マッチングの設定を保存しました。");
      const blocks = JSON.stringify(answer.args.blocks);
      expect(blocks).toContain(`*チャンネル*\\n<#${PAIRING}>`);
      expect(blocks).toContain(`*次の回*\\n${JSON.stringify(ROUND_DATE).slice(1, -1)}`);
      const community = await communityOf(bot.store, "slack", team);
      expect(await bot.store.forCommunity(community.id).pairing.settings()).toMatchObject({ enabled: true, channelId: PAIRING });

      const industries = ["it", "design", "medical", "finance", "education"] as const;
      for (const [i, user] of members.entries()) {
        await giveIntro(bot.store, "slack", team, user, { industry: industries[i]! });
        const joined = await slash(user, team, "/match", "join");
        expect(joined.args.text).toBe(`毎週のマッチングに参加しました。次の回は ${ROUND_DATE} です。`);
      }
    });

    it("given the clock reaches the heads-up then it is posted in the pairing channel with a skip button, and a member who presses it sits the round out", async () => {
      const from = fake.calls.length;
      expect(await bot.at("2026-11-28T23:59:00Z")).toBe(0);
      expect(since(from, postsTo(PAIRING))).toEqual([]);

      expect(await bot.at(HEADS_UP)).toBe(1);
      const posts = since(from, postsTo(PAIRING));
      expect(posts).toHaveLength(1);
      headsUp = posts[0]!;
      expect(headsUp.status).toBe(200);
      expect(headsUp.args.text).toBe(
        `予告: 次のマッチングは ${ROUND_DATE} です。参加メンバーは5人です。今回は都合が悪い方は、ボタンを押すとこの回だけお休みできます。`);
      const { community, round, groups } = await storedRound(bot.store, "slack", team, "2026-11-30");
      expect(round.status).toBe("planned");
      expect(groups).toEqual([]);
      expect(buttonsIn(headsUp.args.blocks)).toEqual([{ action_id: `match:skip:${round.id}`, text: "今回はお休みする" }]);

      const answer = await press(EMI, team, headsUp, `match:skip:${round.id}`);
      expect(answer.args.response_type).toBe("ephemeral");
      expect(answer.args.replace_original).toBe(false); // the heads-up stays for everyone else
      expect(answer.args.text).toBe("この回はお休みします。次の回から戻ります。");
      const emi = await bot.store.forCommunity(community.id).members.findByPlatformUser(EMI.id);
      expect([...(await bot.store.forCommunity(round.communityId).pairing.skips(round.id))]).toEqual([emi!.id]);
      expect(since(from, postsTo(PAIRING))).toHaveLength(1);
    });

    it("given the clock reaches the round then it is announced and each group gets a group DM of its own members with its intro", async () => {
      const from = fake.calls.length;
      expect(await bot.at(ROUND)).toBe(1);
      const { round, groups } = await storedRound(bot.store, "slack", team, "2026-11-30");
      expect(round.status).toBe("announced");

      // Four members take part (emi skips): two pairs, emi in neither.
      expect(groups).toHaveLength(2);
      expect(groups.flatMap(userIdsOf).sort()).toEqual([AKI.id, BEN.id, CHI.id, DAN.id].sort());

      const announcements = since(from, postsTo(PAIRING));
      expect(announcements).toHaveLength(1);
      const announcement = announcements[0]!.args.text as string;
      expect(announcement).toMatch(/^今回のペアが決まりました！🎉\n/);
      expect(announcement).toMatch(/\nプライベートスレッドかメッセージで挨拶してみましょう。$/);
      for (const group of groups) expect(announcement).toContain(`• ${group.members.map((m) => `<@${m.platformUserId}>`).join(" × ")}`);
      expect(announcement).not.toContain(EMI.id);

      const opened = since(from, opens);
      expect(opened).toHaveLength(groups.length);
      for (const group of groups) {
        // One multi-person DM per group with exactly the group's members, and the intro in it.
        const open = opened.find((c) => c.response.channel.id === group.spaceId);
        expect(open, `conversations.open for ${group.spaceId}`).toBeDefined();
        expect(String(open!.args.users).split(",").sort()).toEqual(userIdsOf(group));

        const intros = since(from, postsTo(group.spaceId!));
        expect(intros).toHaveLength(2); // the intro, then the times proposed to the group
        const intro = intros[0]!.args;
        expect(intro.text).toContain("さん、こんにちは！musubi が今回のペアにしました。");
        expect(mentionsIn(intro.text)).toEqual(userIdsOf(group));
        const blocks = JSON.stringify(intro.blocks);
        expect(blocks).toContain(`*今回のペア: ${group.members.map((m) => m.displayName).join(" × ")}*`);
        expect(blocks).toContain("*このペアの理由*");
        expect(intro.metadata).toEqual({ event_type: "musubi_delivery", event_payload: { key: `round:${round.id}:group:${group.position}:intro:0` } });
      }
      expect(new Set(groups.map((g) => g.spaceId)).size).toBe(groups.length);

      const late = await press(AKI, team, headsUp, `match:skip:${round.id}`);
      expect(late.args.text).toBe("この回の組み合わせはすでに決まりました。");
    });

    it("given three days pass then each group DM gets a follow-up with four buttons, and a member's answer is stored", async () => {
      const from = fake.calls.length;
      expect(await bot.at("2026-12-02T23:59:00Z")).toBe(0);
      expect(await bot.at(FOLLOW_UP)).toBe(1);
      const { round, groups } = await storedRound(bot.store, "slack", team, "2026-11-30");
      expect(round.status).toBe("followed-up");

      for (const group of groups) {
        const posts = since(from, postsTo(group.spaceId!));
        expect(posts).toHaveLength(1);
        expect(posts[0]!.args.text).toBe("話してみてどうでしたか？次のマッチングのために教えてください。");
        expect(buttonsIn(posts[0]!.args.blocks)).toEqual([
          { action_id: `match:followup:${group.id}:in_person`, text: "対面で会えた" },
          { action_id: `match:followup:${group.id}:online`, text: "オンラインで話した" },
          { action_id: `match:followup:${group.id}:scheduled`, text: "日程を決めた" },
          { action_id: `match:followup:${group.id}:not_met`, text: "会えなかった" },
        ]);
      }
      expect(since(from, postsTo(PAIRING))).toEqual([]);

      const group = groups[0]!;
      const [first, second] = group.members;
      const followUp = since(from, postsTo(group.spaceId!))[0]!;
      const answer = await press({ id: first!.platformUserId }, team, followUp, `match:followup:${group.id}:in_person`);
      expect(answer.args.response_type).toBe("ephemeral");
      expect(answer.args.text).toBe("ありがとうございます！記録しました: 対面で会えた\nこの人（たち）とまた会いたいですか？");
      expect(buttonsIn(answer.args.blocks)).toEqual([
        { action_id: `network:again:${group.id}:yes`, text: "また会いたい" },
        { action_id: `network:again:${group.id}:no`, text: "今回はいい" },
        { action_id: `network:thank:pairing:${group.id}:${second!.memberId}`, text: `${second!.displayName}さんにお礼を送る` },
      ]);

      const after = await storedRound(bot.store, "slack", team, "2026-11-30");
      const stored = after.groups.find((g) => g.id === group.id)!;
      expect(stored.members.find((m) => m.memberId === first!.memberId)?.answer).toBe("in_person");
      expect(stored.members.find((m) => m.memberId === second!.memberId)?.answer).toBeNull();
      expect(after.groups.filter((g) => g.id !== group.id).flatMap((g) => g.members.map((m) => m.answer))).toEqual([null, null]);
    });
  });

  describe("groups of three, and nobody left in the dark", () => {
    const team = teams.trios;
    /** The direct messages the bot sent a user from call index `from` on. */
    const directMessagesTo = (from: number, user: { id: string }) => {
      const ims = new Set(since(from, (c) => opens(c) && c.args.users === user.id).map((c) => c.response.channel.id));
      return since(from, (c) => c.method === "chat.postMessage" && ims.has(c.args.channel));
    };

    it("given three who share Japanese, one who speaks only French and one who blocked all three, then the preview names the two left out and why", async () => {
      const saved = await slash(ADA, team, "/musubi", `pairing settings channel=<#${PAIRING_TRIOS}|pairing-trios> enabled=on group_size=3 heads_up=off cadence=2`);
      expect(saved.args.text).toBe("マッチングの設定を保存しました。");
      const card = JSON.stringify(saved.args.blocks);
      // The card says the real cadence, not "weekly".
      expect(card).toContain("*マッチングの設定*");
      expect(card).toContain("隔週・月曜日 09:00（Asia/Tokyo）");
      expect(card).not.toContain("毎週");

      const industries = { [AKI.id]: "it", [BEN.id]: "design", [CHI.id]: "medical", [NOA.id]: "finance", [MEI.id]: "education" } as const;
      for (const user of [AKI, BEN, CHI, NOA, MEI]) {
        await giveIntro(bot.store, "slack", team, user, { industry: industries[user.id]!, languages: user === NOA ? ["fr"] : ["ja"], city: "Osaka", meetingPreference: "in_person" });
        const joined = await slash(user, team, "/match", "join");
        expect(joined.args.response_type).toBe("ephemeral");
      }
      for (const other of [AKI, BEN, CHI]) {
        const blocked = await slash(MEI, team, "/match", `block <@${other.id}|${other.name}>`);
        expect(blocked.args.text).toBe(`<@${other.id}>さんとはマッチングしないようにしました。相手には伝わりません。`);
      }

      const preview = await slash(ADA, team, "/musubi", "pairing preview");
      const lines = String(preview.args.text).split("\n");
      expect(lines[0]).toBe("プレビュー: 5人から1グループ（何も送信していません）");
      expect(mentionsIn(lines[1]!)).toEqual([AKI.id, BEN.id, CHI.id].sort());
      expect(lines[2]).toMatch(/^グループに入れない人（2人）: /);
      expect(lines[2]!.replace(/^.*?: /, "").split("、").sort()).toEqual([
        `<@${MEI.id}>さん（共通の言語を話す人をすべてブロック中）`, `<@${NOA.id}>さん（共通の言語を話す人がいない）`,
      ]);
    });

    it("given the round runs then the three meet as a group spoken to as a group, and the two left out are each told why in their own language", async () => {
      const started = await slash(ADA, team, "/musubi", "pairing run-now");
      expect(started.args.text).toBe(`マッチングの回を今すぐ始めます。告知は <#${PAIRING_TRIOS}> に投稿されます。`);
      const from = fake.calls.length;
      expect(await bot.scheduler.runDue()).toBe(1);

      const { round, groups } = await storedRound(bot.store, "slack", team, `manual-${bot.clock.now().toISOString().slice(0, 16)}`);
      expect(round.status).toBe("announced");
      expect(groups.map(userIdsOf)).toEqual([[AKI.id, BEN.id, CHI.id].sort()]);
      const [announcement] = since(from, postsTo(PAIRING_TRIOS));
      expect(announcement!.args.text).toMatch(/^今回のグループが決まりました！🎉\n/);
      const [intro] = since(from, postsTo(groups[0]!.spaceId!));
      const text = String(intro!.args.text);
      // Every name with its honorific, the group addressed as みなさん, never as a pair (おふたり, ペア).
      const names = groups[0]!.members.map((m) => `<@${m.platformUserId}>さん`).join("、");
      expect(text).toBe(`${names}、こんにちは！musubi が今回この3人をグループにしました。今週みなさんで30分ほど話してみましょう。下で日時を相談してください。`);
      const blocks = JSON.stringify(intro!.args.blocks);
      expect(blocks).toContain(`*今回のグループ: ${groups[0]!.members.map((m) => m.displayName).join(" × ")}*`);
      expect(blocks).toContain("*このグループの理由*");
      expect(`${text}${blocks}`).not.toMatch(/おふたり|ふたり|ペア/);
      // A reason about two of the three says which two.
      expect(blocks).toMatch(/異なる業界: [^·]+（\w+さんと\w+さん）/);
      // What all three share is said once, about all of them.
      expect(blocks).toContain("みなさんOsakaで対面希望");

      const noa = directMessagesTo(from, NOA);
      expect(noa.map((c) => c.args.text)).toEqual([
        "This round could not place you in a group: nobody else in the pool speaks one of your languages. Adding a language to your intro (/intro) helps the next round find you a partner.",
      ]);
      const mei = directMessagesTo(from, MEI);
      expect(mei.map((c) => c.args.text)).toEqual([
        "今回のマッチングでは、あなたと共通の言語を話すメンバーがすべてブロック中だったため、グループに入れませんでした。/match unblock で解除するか、次の回をお待ちください。",
      ]);
      // The three who met are told nothing of the kind; the blocked ones never learn of the block.
      for (const user of [AKI, BEN, CHI]) expect(directMessagesTo(from, user)).toEqual([]);

      // Run again (a retry, a second process): nobody is told twice.
      await bot.db.job.updateMany({ where: { communityId: round.communityId, kind: "pairing.round" }, data: { status: "pending" } });
      const again = fake.calls.length;
      await bot.scheduler.runDue();
      expect(directMessagesTo(again, NOA)).toEqual([]);
      expect(directMessagesTo(again, MEI)).toEqual([]);

      // The organizer's settings card counts them.
      const card = await slash(ADA, team, "/musubi", "pairing settings");
      expect(JSON.stringify(card.args.blocks)).toContain("*前回グループに入れなかった人*\\n2人");
    });
  });

  it("given Slack rate-limits the announcement once then the bot waits out retry-after and it arrives exactly once", async () => {
    const team = teams.limit;
    for (const [i, user] of [GEN, HIRO].entries()) {
      const member = await giveIntro(bot.store, "slack", team, user, { industry: (["it", "design"] as const)[i]! });
      await joinDirectly(bot.store, "slack", team, member);
    }
    const saved = await slash(ADA, team, "/musubi", `pairing settings channel=<#${PAIRING_LIMIT}|pairing-lim> enabled=on heads_up=off`);
    expect(saved.args.text).toBe("マッチングの設定を保存しました。");
    const started = await slash(ADA, team, "/musubi", "pairing run-now");
    expect(started.args.text).toBe(`マッチングの回を今すぐ始めます。告知は <#${PAIRING_LIMIT}> に投稿されます。`);

    let limited = false;
    const stop = fake.respond("chat.postMessage", (args) => {
      if (args.channel !== PAIRING_LIMIT || limited) return undefined;
      limited = true;
      return slackHttp(429, { ok: false, error: "ratelimited" }, { "retry-after": "1" });
    });
    try {
      const from = fake.calls.length;
      expect(await bot.scheduler.runDue()).toBe(1);

      const posts = since(from, postsTo(PAIRING_LIMIT));
      expect(posts.map((c) => c.status)).toEqual([429, 200]);
      const [refused, accepted] = posts as [SlackCall, SlackCall];
      expect(accepted.args.text).toBe(`今回のペアが決まりました！🎉\n• <@${GEN.id}> × <@${HIRO.id}>\nプライベートスレッドかメッセージで挨拶してみましょう。`);
      expect(refused.args.text).toBe(accepted.args.text);
      // Not before retry-after (1 s; a few ms of timer rounding allowed), and without a backoff of its own on top.
      const waited = accepted.at - refused.at;
      expect(waited).toBeGreaterThanOrEqual(995);
      expect(waited).toBeLessThan(1_900);

      // The rest of the round went on: its group DM got the intro and the proposed times once, and the round is done.
      const { round, groups } = await storedRound(bot.store, "slack", team, `manual-${bot.clock.now().toISOString().slice(0, 16)}`);
      expect(round.status).toBe("announced");
      expect(groups.map(userIdsOf)).toEqual([[GEN.id, HIRO.id].sort()]);
      expect(since(from, postsTo(groups[0]!.spaceId!)).map((c) => c.status)).toEqual([200, 200]); // intro, times
      const community = await communityOf(bot.store, "slack", team);
      const job = await bot.db.job.findFirstOrThrow({ where: { communityId: community.id, kind: "pairing.round", dedupeKey: { contains: "manual-" } } });
      expect(job).toMatchObject({ status: "done", attempts: 1, lastError: null });

      // The WebClient reports the 429 it waited out, once; nothing failed.
      const problems = bot.problems.splice(0);
      expect(problems.map((p) => [p.level, String(p.bolt)]), describeProblems(problems)).toEqual([
        [40, `http request failed A rate limit was exceeded (url: ${fake.apiUrl}chat.postMessage, retry-after: 1)`],
      ]);
    } finally {
      stop();
    }
  });

  // Last in the file: it moves the shared clock four weeks on.
  it("given three follow-ups left unanswered then the pause notice's buttons keep a member in, skip the next round, or leave, and the organizer sees who was paused", async () => {
    const team = teams.ghost;
    const community = await communityOf(bot.store, "slack", team);
    const pairing = bot.store.forCommunity(community.id).pairing;
    await pairing.updateSettings({ noRepeatWeeks: 0 });
    const saved = await slash(ADA, team, "/musubi", `pairing settings channel=<#${PAIRING_GHOST}|pairing-ghost> enabled=on heads_up=off`);
    expect(saved.args.text).toBe("マッチングの設定を保存しました。");
    const members = [];
    for (const [i, user] of [AKI, BEN, CHI, DAN].entries()) {
      const member = await giveIntro(bot.store, "slack", team, user, { industry: (["it", "design", "medical", "finance"] as const)[i]! });
      await joinDirectly(bot.store, "slack", team, member);
      members.push(member);
    }
    const [aki, ben, chi] = members;
    const from = fake.calls.length;
    for (const week of ["2026-12-07", "2026-12-14", "2026-12-21", "2026-12-28"]) await bot.at(`${week}T00:00:00Z`);
    for (const member of members) expect(await pairing.participant(member.id)).toMatchObject({ autoPaused: true, missedFollowUps: 3 });

    const noticeTo = (user: { id: string }) => {
      const ims = new Set(since(from, (c) => opens(c) && c.args.users === user.id).map((c) => c.response.channel.id));
      // The same people are in other workspaces of this file: the notice is the one whose buttons carry this workspace.
      const ofTeam = (c: SlackCall) => JSON.stringify(c.args.blocks ?? []).includes(`"@${team}:match:paused:keep"`);
      const notices = since(from, (c) => c.method === "chat.postMessage" && ims.has(c.args.channel) && ofTeam(c));
      expect(notices).toHaveLength(1);
      return notices[0]!;
    };
    const notice = noticeTo(AKI);
    expect(notice.args.text).toContain("3回続けてフォローアップへの回答がなかったため");
    expect(buttonsIn(notice.args.blocks)).toEqual([
      { action_id: "match:paused:keep", text: "続ける" },
      { action_id: "match:paused:skip", text: "次の回だけお休みする" },
      { action_id: "match:paused:leave", text: "マッチングから抜ける" },
    ]);

    const card = await slash(ADA, team, "/musubi", "pairing settings");
    const fields = JSON.stringify(card.args.blocks);
    expect(fields).toContain("*フォローアップに回答がなくお休み中の人*");
    for (const user of [AKI, BEN, CHI, DAN]) expect(fields).toContain(`<@${user.id}>さん（回答なし3回）`);

    const next = `<!date^${unix("2027-01-04T00:00:00Z")}^{date_short_pretty} {time}|2027-01-04 09:00 (Asia/Tokyo)>`;
    const kept = await press(AKI, team, notice, "match:paused:keep");
    expect(kept.args.text).toBe(`毎週のマッチングに参加しました。次の回は ${next} です。`);
    expect(await pairing.participant(aki!.id)).toMatchObject({ active: true, autoPaused: false, missedFollowUps: 0 });

    const skipped = await press(BEN, team, noticeTo(BEN), "match:paused:skip");
    expect(skipped.args.text).toBe(`${next} の回はお休みします。その次の回から戻ります。`);
    expect(await pairing.participant(ben!.id)).toMatchObject({ active: true, autoPaused: false });
    const round = await pairing.roundOfPeriod("2027-01-04");
    expect([...(await pairing.skips(round!.id))]).toEqual([ben!.id]);

    const left = await press(CHI, team, noticeTo(CHI), "match:paused:leave");
    expect(left.args.text).toBe("毎週のマッチングから抜けました。/match join でいつでも戻れます。");
    expect(await pairing.participant(chi!.id)).toMatchObject({ active: false });

    // Resumed, aki's earlier misses no longer count: the next round does not pause them again.
    await bot.at("2027-01-04T00:00:00Z");
    expect(await pairing.participant(aki!.id)).toMatchObject({ autoPaused: false, missedFollowUps: 0 });
  });
});
