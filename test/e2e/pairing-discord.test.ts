// Weekly pairing end to end on Discord: the real discord.js client against the local fake, the
// real dispatcher, commands, SQLite store, scheduler, outbox and round jobs, on a manual clock
// (see pairing-support.ts). Each scenario has a guild of its own.
//
// The weekly round is one story told in order, like test/console/pairing-session.txt: the
// organizer turns pairing on, the clock reaches the heads-up, the round, the follow-up.
import { PermissionFlagsBits } from "discord.js";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { MEMBER_PERMISSIONS, buttonPress, slashCommand, type RawCommandOption, type UserInput } from "../fakes/discord-payloads.js";
import type { FakeDiscord, RecordedRequest } from "../fakes/discord.js";
import { type DiscordBot, type TestBot, expectNoProblems, giveIntro, joinDirectly, startDiscordBot, storedRound, unix, userIdsOf } from "../support/bot.js";
import { communityOf } from "./support.js";
import { readCommunityOfAction } from "../../src/app/action-community.js";

/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = any;

const ORGANIZER_PERMISSIONS = String(BigInt(MEMBER_PERMISSIONS) | PermissionFlagsBits.ManageGuild);
const EPHEMERAL = 64;

// Thursday 2026-11-26 10:00 in Tokyo. Rounds are on Mondays at 09:00 (the defaults): the next
// one is 2026-11-30 09:00 JST, its heads-up a day before, its follow-up three days after.
const START = "2026-11-26T01:00:00Z";
const HEADS_UP = "2026-11-29T00:00:00Z";
const ROUND = "2026-11-30T00:00:00Z";
const FOLLOW_UP = "2026-12-03T00:00:00Z";

const guildIds = {
  join: "911000000000000001", weekly: "921000000000000001", noThreads: "931000000000000001", roles: "941000000000000001",
} as const;
const ORGANIZER_ROLE = "941000000000000090";
const channels = (guildId: string) => ({ general: `${guildId.slice(0, 3)}000000000000010`, pairing: `${guildId.slice(0, 3)}000000000000020` });

const OWNER = { id: "811000000000000001", username: "owner" };
const ALICE = { id: "811000000000000002", username: "alice" };
const BOB = { id: "811000000000000003", username: "bob" };
const CAROL = { id: "811000000000000004", username: "carol" };
const DAVE = { id: "811000000000000005", username: "dave" };
const ERIN = { id: "811000000000000006", username: "erin" };
const FRANK = { id: "811000000000000007", username: "frank" };
const GINA = { id: "811000000000000008", username: "gina" };
const HANA = { id: "811000000000000009", username: "hana" };
const IKU = { id: "811000000000000010", username: "iku" };
const MEI = { id: "811000000000000011", username: "mei" };
const everyone = [OWNER, ALICE, BOB, CAROL, DAVE, ERIN, FRANK, GINA, HANA, IKU, MEI];
const name = (u: { username: string }) => u.username;

let fake: FakeDiscord;
let bot: TestBot;

let running: DiscordBot | undefined;

beforeAll(async () => {
  running = await startDiscordBot(START, {
    guilds: Object.entries(guildIds).map(([key, id]) => ({
      id, name: `Meetup ${key}`, owner_id: OWNER.id,
      channels: [{ id: channels(id).general, name: "general" }, { id: channels(id).pairing, name: "pairing" }],
      members: everyone,
      roles: [{ id: ORGANIZER_ROLE, name: "organizers" }],
    })),
  });
  ({ fake, bot } = running);
});

afterAll(() => running?.stop());

afterEach(() => expectNoProblems(bot));

// ---------------------------------------------------------------- helpers

interface Who {
  guildId: string;
  user: UserInput;
  channelId?: string;
  permissions?: string;
}

const base = (who: Who) => ({
  guildId: who.guildId, channelId: who.channelId ?? channels(who.guildId).general, user: who.user, locale: "ja",
  permissions: who.permissions ?? MEMBER_PERMISSIONS,
});

const callbackOf = (p: { id: string; token: string }) =>
  fake.waitFor((r) => r.method === "POST" && r.path === `/interactions/${p.id}/${p.token}/callback`);

function command(who: Who, commandName: string, extra: { subcommandGroup?: string; subcommand?: string; options?: RawCommandOption[]; resolved?: Json } = {}) {
  return callbackOf(fake.sendInteraction(slashCommand({ ...base(who), name: commandName, ...extra })));
}

const matchJoin = (who: Who) => command(who, "match", { subcommand: "join" });

function pairingSettings(who: Who, options: Record<string, string> & { channel?: string }) {
  const { channel, ...rest } = options;
  return command(who, "musubi", {
    subcommandGroup: "pairing", subcommand: "settings",
    options: [
      ...(channel ? [{ name: "channel", type: 7, value: channel }] : []),
      ...Object.entries(rest).map(([key, value]) => ({ name: key, type: 3, value })),
    ],
    ...(channel ? { resolved: { channels: { [channel]: { id: channel, name: "pairing", type: 0, permissions: MEMBER_PERMISSIONS } } } } : {}),
  });
}

const press = (who: Who, customId: string, message: Json) =>
  callbackOf(fake.sendInteraction(buttonPress({ ...base(who), customId, message })));

const buttonsOf = (body: Json) =>
  ((body.components as Json[]) ?? []).flatMap((row) => row.components).map((b: Json) => ({ custom_id: readCommunityOfAction(b.custom_id).actionId, label: b.label }));

/** Requests recorded from index `from` on. */
const since = (from: number, predicate: (r: RecordedRequest) => boolean) => fake.requests.slice(from).filter(predicate);
const postsTo = (channelId: string) => (r: RecordedRequest) => r.method === "POST" && r.path === `/channels/${channelId}/messages`;
const threadCreations = (channelId: string) => (r: RecordedRequest) => r.method === "POST" && r.path === `/channels/${channelId}/threads`;
const threadMemberAdds = (r: RecordedRequest) => r.method === "PUT" && /^\/channels\/\d+\/thread-members\/\d+$/.test(r.path);
const dmOpens = (r: RecordedRequest) => r.method === "POST" && r.path === "/users/@me/channels";
const mentionsIn = (text: string) => [...text.matchAll(/<@(\d+)>/g)].map((m) => m[1]!).sort();

// ---------------------------------------------------------------- scenarios

describe("weekly pairing on Discord", () => {
  it("given a member without an intro runs /match join then it is refused with a button that opens the intro form", async () => {
    const { pairing } = channels(guildIds.join);
    await bot.store.forCommunity((await communityOf(bot.store, "discord", guildIds.join)).id).pairing.updateSettings({ enabled: true, channelId: pairing });

    const cb = await matchJoin({ guildId: guildIds.join, user: MEI });
    expect(cb.body.type).toBe(4);
    expect(cb.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(cb.body.data.content).toBe("先に自己紹介をお願いします。マッチングは自己紹介をもとに相手を探します。");
    expect(buttonsOf(cb.body.data)).toEqual([{ custom_id: "form:intro:0", label: "自己紹介する" }]);
    const community = await communityOf(bot.store, "discord", guildIds.join);
    const member = await bot.store.forCommunity(community.id).members.findByPlatformUser(MEI.id);
    expect(await bot.store.forCommunity(community.id).pairing.participant(member!.id)).toBeNull();
  });

  it("given a member with an intro runs /match join then they are in and told the next round as a Discord timestamp", async () => {
    const member = await giveIntro(bot.store, "discord", guildIds.join, { id: ALICE.id, name: name(ALICE) });
    const cb = await matchJoin({ guildId: guildIds.join, user: ALICE });
    expect(cb.body.type).toBe(4);
    expect(cb.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(cb.body.data.content).toBe(`毎週のマッチングに参加しました。次の回は <t:${unix(ROUND)}:F> です。`);
    const community = await communityOf(bot.store, "discord", guildIds.join);
    expect(await bot.store.forCommunity(community.id).pairing.participant(member.id)).toMatchObject({ active: true, autoPaused: false });
  });

  it("given the owner names an organizer role then a member with that role may preview, and one without it is still refused", async () => {
    const guildId = guildIds.roles;
    const setup = await command({ guildId, user: OWNER, permissions: ORGANIZER_PERMISSIONS }, "musubi", {
      subcommand: "setup",
      options: [{ name: "organizers", type: 8, value: ORGANIZER_ROLE }],
      resolved: { roles: { [ORGANIZER_ROLE]: { id: ORGANIZER_ROLE, name: "organizers" } } },
    });
    expect(setup.body.data.embeds[0].fields).toContainEqual(expect.objectContaining({ name: "オーガナイザー", value: `<@&${ORGANIZER_ROLE}>` }));

    const preview = (roles: string[]) => callbackOf(fake.sendInteraction(slashCommand({
      ...base({ guildId, user: HANA }), roles, name: "musubi", subcommandGroup: "pairing", subcommand: "preview",
    })));
    const withRole = await preview([ORGANIZER_ROLE]);
    expect(withRole.body.data.content).toBe("まだマッチングできる人がいません。参加メンバーは0人です。");
    const withoutRole = await preview([]);
    expect(withoutRole.body.data.content).toBe("/musubi pairing preview はオーガナイザーだけが使えるコマンドです。必要なときは、このコミュニティのオーガナイザーに頼んでください。");
  });

  describe("a weekly round", () => {
    const guildId = guildIds.weekly;
    const ch = channels(guildId);
    const members = [ALICE, BOB, CAROL, DAVE, ERIN];
    let headsUp: RecordedRequest;

    it("given a member without Manage Server turns pairing on then it is refused and pairing stays off", async () => {
      const cb = await pairingSettings({ guildId, user: DAVE }, { channel: ch.pairing, enabled: "on" });
      expect(cb.body.type).toBe(4);
      expect(cb.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
      expect(cb.body.data.content).toBe("/musubi pairing settings はオーガナイザーだけが使えるコマンドです。必要なときは、このコミュニティのオーガナイザーに頼んでください。");
      const community = await communityOf(bot.store, "discord", guildId);
      expect(await bot.store.forCommunity(community.id).pairing.settings()).toMatchObject({ enabled: false, channelId: null });
    });

    it("given an organizer turns pairing on with a channel then it is saved and members who join are told the round's time", async () => {
      const cb = await pairingSettings({ guildId, user: OWNER, permissions: ORGANIZER_PERMISSIONS }, { channel: ch.pairing, enabled: "on" });
      expect(cb.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
      expect(cb.body.data.content).toBe("マッチングの設定を保存しました。");
      const fields = cb.body.data.embeds[0].fields as Json[];
      expect(fields).toContainEqual(expect.objectContaining({ name: "チャンネル", value: `<#${ch.pairing}>` }));
      expect(fields).toContainEqual(expect.objectContaining({ name: "次の回", value: `<t:${unix(ROUND)}:F>` }));
      const community = await communityOf(bot.store, "discord", guildId);
      expect(await bot.store.forCommunity(community.id).pairing.settings()).toMatchObject({ enabled: true, channelId: ch.pairing });

      const industries = ["it", "design", "medical", "finance", "education"] as const;
      for (const [i, user] of members.entries()) {
        await giveIntro(bot.store, "discord", guildId, { id: user.id, name: name(user) }, { industry: industries[i]! });
        const joined = await matchJoin({ guildId, user });
        expect(joined.body.data.content).toBe(`毎週のマッチングに参加しました。次の回は <t:${unix(ROUND)}:F> です。`);
      }
    });

    it("given the clock reaches the heads-up then it is posted in the pairing channel with a skip button, and a member who presses it sits the round out", async () => {
      const from = fake.requests.length;
      expect(await bot.at("2026-11-28T23:59:00Z")).toBe(0);
      expect(since(from, postsTo(ch.pairing))).toEqual([]);

      expect(await bot.at(HEADS_UP)).toBe(1);
      const posts = since(from, postsTo(ch.pairing));
      expect(posts).toHaveLength(1);
      headsUp = posts[0]!;
      expect(headsUp.status).toBe(200);
      expect(headsUp.body.content).toBe(
        `予告: 次のマッチングは <t:${unix(ROUND)}:F> です。参加メンバーは5人です。今回は都合が悪い方は、ボタンを押すとこの回だけお休みできます。`);
      const { community, round: planned, groups } = await storedRound(bot.store, "discord", guildId, "2026-11-30");
      expect(planned.status).toBe("planned");
      expect(groups).toEqual([]);
      expect(buttonsOf(headsUp.body)).toEqual([{ custom_id: `match:skip:${planned.id}`, label: "今回はお休みする" }]);

      const cb = await press({ guildId, user: ERIN, channelId: ch.pairing }, `match:skip:${planned.id}`, headsUp.body);
      expect(cb.body.type).toBe(4);
      expect(cb.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
      expect(cb.body.data.content).toBe("この回はお休みします。次の回から戻ります。");
      const erin = await bot.store.forCommunity(community.id).members.findByPlatformUser(ERIN.id);
      expect([...(await bot.store.forCommunity(planned.communityId).pairing.skips(planned.id))]).toEqual([erin!.id]);
      expect(since(from, postsTo(ch.pairing))).toHaveLength(1); // the press posts nothing in public

      const outsider = await press({ guildId, user: FRANK, channelId: ch.pairing }, `match:skip:${planned.id}`, headsUp.body);
      expect(outsider.body.data.content).toBe("毎週のマッチングに参加していません。/match join で参加できます。");
      expect([...(await bot.store.forCommunity(planned.communityId).pairing.skips(planned.id))]).toEqual([erin!.id]);
    });

    it("given the clock reaches the round then it is announced and each group gets a private thread of its own members with its intro", async () => {
      const from = fake.requests.length;
      expect(await bot.at(ROUND)).toBe(1);
      const { round, groups } = await storedRound(bot.store, "discord", guildId, "2026-11-30");
      expect(round.status).toBe("announced");

      // Four members take part (erin skips): two pairs, erin in neither.
      expect(groups).toHaveLength(2);
      expect(groups.flatMap(userIdsOf).sort()).toEqual([ALICE.id, BOB.id, CAROL.id, DAVE.id].sort());

      const announcements = since(from, postsTo(ch.pairing));
      expect(announcements).toHaveLength(1);
      const announcement = announcements[0]!.body.content as string;
      expect(announcement).toMatch(/^今回のペアが決まりました！🎉\n/);
      expect(announcement).toMatch(/\nプライベートスレッドかメッセージで挨拶してみましょう。$/);
      for (const group of groups) expect(announcement).toContain(`• ${group.members.map((m) => `<@${m.platformUserId}>`).join(" × ")}`);
      expect(announcement).not.toContain(ERIN.id);

      const created = since(from, threadCreations(ch.pairing));
      expect(created).toHaveLength(groups.length);
      for (const request of created) {
        expect(request.status).toBe(201);
        expect(request.body).toMatchObject({ type: 12, invitable: false });
      }
      const added = since(from, threadMemberAdds).map((r) => r.path.split("/"));
      for (const group of groups) {
        // One private thread per group, named after it, holding exactly the group's members.
        const threadId = group.spaceId!;
        expect(threadId).toMatch(/^\d+$/);
        expect(created.some((r) => String(r.body.name).startsWith(`musubi 2026-11-30 · ${group.members.map((m) => m.displayName).join(" × ")} · `))).toBe(true);
        expect(added.filter((p) => p[2] === threadId).map((p) => p[4]).sort()).toEqual(userIdsOf(group));

        // The intro, then the times proposed to the group (test/e2e/meeting-discord.test.ts).
        const intros = since(from, postsTo(threadId));
        expect(intros).toHaveLength(2);
        expect(intros[1]!.body.content).toMatch(/^それぞれの活動時間/);
        const intro = intros[0]!.body;
        expect(intro.content).toContain("さん、こんにちは！musubi が今回のペアにしました。");
        expect(mentionsIn(intro.content)).toEqual(userIdsOf(group));
        expect(intro.embeds[0].title).toBe(`今回のペア: ${group.members.map((m) => m.displayName).join(" × ")}`);
        expect(intro.embeds[0].fields.map((f: Json) => f.name)).toContain("このペアの理由");
      }
      expect(new Set(groups.map((g) => g.spaceId)).size).toBe(groups.length);
      expect(added).toHaveLength(4);
      expect(since(from, dmOpens)).toEqual([]);

      // Too late to skip now.
      const late = await press({ guildId, user: ALICE, channelId: ch.pairing }, `match:skip:${round.id}`, headsUp.body);
      expect(late.body.data.content).toBe("この回の組み合わせはすでに決まりました。");
    });

    it("given three days pass then each thread gets a follow-up with four buttons, and a member's answer is stored", async () => {
      const from = fake.requests.length;
      expect(await bot.at("2026-12-02T23:59:00Z")).toBe(0);
      expect(await bot.at(FOLLOW_UP)).toBe(1);
      const { round, groups } = await storedRound(bot.store, "discord", guildId, "2026-11-30");
      expect(round.status).toBe("followed-up");

      for (const group of groups) {
        const posts = since(from, postsTo(group.spaceId!));
        expect(posts).toHaveLength(1);
        expect(posts[0]!.body.content).toBe("話してみてどうでしたか？次のマッチングのために教えてください。");
        expect(buttonsOf(posts[0]!.body)).toEqual([
          { custom_id: `match:followup:${group.id}:in_person`, label: "対面で会えた" },
          { custom_id: `match:followup:${group.id}:online`, label: "オンラインで話した" },
          { custom_id: `match:followup:${group.id}:scheduled`, label: "日程を決めた" },
          { custom_id: `match:followup:${group.id}:not_met`, label: "会えなかった" },
        ]);
      }
      expect(since(from, postsTo(ch.pairing))).toEqual([]);

      const group = groups[0]!;
      const [first, second] = group.members;
      const followUp = since(from, postsTo(group.spaceId!))[0]!.body;
      const cb = await press({ guildId, user: { id: first!.platformUserId, username: first!.displayName }, channelId: group.spaceId! },
        `match:followup:${group.id}:in_person`, followUp);
      expect(cb.body.type).toBe(4);
      expect(cb.body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
      // After "met": would you like to meet again, and a thank-you for the other.
      expect(cb.body.data.content).toBe("ありがとうございます！記録しました: 対面で会えた\nこの人（たち）とまた会いたいですか？");
      expect(buttonsOf(cb.body.data)).toEqual([
        { custom_id: `network:again:${group.id}:yes`, label: "また会いたい" },
        { custom_id: `network:again:${group.id}:no`, label: "今回はいい" },
        { custom_id: `network:thank:pairing:${group.id}:${second!.memberId}`, label: `${second!.displayName}さんにお礼を送る` },
      ]);

      const after = await storedRound(bot.store, "discord", guildId, "2026-11-30");
      const stored = after.groups.find((g) => g.id === group.id)!;
      expect(stored.members.find((m) => m.memberId === first!.memberId)?.answer).toBe("in_person");
      expect(stored.members.find((m) => m.memberId === second!.memberId)?.answer).toBeNull();
      expect(after.groups.filter((g) => g.id !== group.id).flatMap((g) => g.members.map((m) => m.answer))).toEqual([null, null]);

      // A member of another group cannot answer for this one.
      const outsider = after.groups.find((g) => g.id !== group.id)!.members[0]!;
      const refused = await press({ guildId, user: { id: outsider.platformUserId, username: outsider.displayName }, channelId: group.spaceId! },
        `match:followup:${group.id}:not_met`, followUp);
      expect(refused.body.data.content).toBe("この質問はそのグループのメンバー向けです。");
    });
  });

  it("given the bot may not create threads in the pairing channel when a round runs then each member gets the intro by direct message", async () => {
    const guildId = guildIds.noThreads;
    const ch = channels(guildId);
    const users = [FRANK, GINA, HANA, IKU];
    for (const [i, user] of users.entries()) {
      const member = await giveIntro(bot.store, "discord", guildId, { id: user.id, name: name(user) }, { industry: (["it", "design", "medical", "finance"] as const)[i]! });
      await joinDirectly(bot.store, "discord", guildId, member);
    }
    const organizer: Who = { guildId, user: OWNER, permissions: ORGANIZER_PERMISSIONS };
    const saved = await pairingSettings(organizer, { channel: ch.pairing, enabled: "on", heads_up: "off" });
    expect(saved.body.data.content).toBe("マッチングの設定を保存しました。");

    const forbidden = fake.respond("POST", new RegExp(`^/channels/${ch.pairing}/threads$`),
      () => ({ status: 403, body: { message: "Missing Permissions", code: 50013 } }));
    try {
      const from = fake.requests.length;
      const started = await command(organizer, "musubi", { subcommandGroup: "pairing", subcommand: "run-now" });
      expect(started.body.data.content).toBe(`マッチングの回を今すぐ始めます。告知は <#${ch.pairing}> に投稿されます。`);
      expect(await bot.scheduler.runDue()).toBe(1);

      const { round, groups } = await storedRound(bot.store, "discord", guildId, `manual-${bot.clock.now().toISOString().slice(0, 16)}`);
      expect(round.status).toBe("announced");
      expect(groups).toHaveLength(2);
      expect(groups.flatMap(userIdsOf).sort()).toEqual(users.map((u) => u.id).sort());

      const attempts = since(from, threadCreations(ch.pairing));
      expect(attempts.map((r) => r.status)).toEqual([403, 403]);
      expect(since(from, threadMemberAdds)).toEqual([]);
      expect(since(from, postsTo(ch.pairing))).toHaveLength(1); // the announcement still goes to the channel

      // Each member's DM is opened, in the group's order, and gets the group's intro.
      expect(since(from, dmOpens).map((r) => r.body.recipient_id)).toEqual(groups.flatMap((g) => g.members.map((m) => m.platformUserId)));
      for (const group of groups) {
        const dms = group.spaceId!.split(",");
        expect(dms).toHaveLength(group.members.length);
        expect(new Set(dms).size).toBe(dms.length);
        for (const dm of dms) {
          expect([ch.general, ch.pairing]).not.toContain(dm);
          const intros = since(from, postsTo(dm));
          expect(intros).toHaveLength(2);
          expect(intros[0]!.status).toBe(200);
          expect(mentionsIn(intros[0]!.body.content)).toEqual(userIdsOf(group));
          expect(intros[0]!.body.embeds[0].title).toBe(`今回のペア: ${group.members.map((m) => m.displayName).join(" × ")}`);
        }
      }
    } finally {
      forbidden();
    }
  });
});
