import { Writable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { commands } from "../../commands/index.js";
import type { CommandDefinition } from "../../src/app/command.js";
import type { Actor } from "../../src/app/context.js";
import { createMusubi } from "../../src/app/dispatcher.js";
import type { Outcome } from "../../src/app/reply.js";
import { createLogger } from "../../src/logger.js";
import type { Store } from "../../src/store/repositories.js";
import { sqliteStore } from "../support/db.js";
import { recordingPort } from "../support/recording-port.js";

const page0 = { industry: "it", role: "Backend engineer", seniority: "3-7", canOffer: "面接練習, code review", lookingFor: "デザインのメンター" };
const page1 = { interests: "Rust、登山", languages: ["ja", "en"], city: "大阪", meetingPreference: "in_person", bio: "" };

const broken: CommandDefinition = {
  name: "broken",
  description: "help.description",
  handler: {
    description: "help.description",
    permission: "member",
    options: {},
    run: async () => { throw new Error("database exploded"); },
  },
};

function setup(extraCommands: CommandDefinition[] = []) {
  const store = sqliteStore();
  stores.push(store);
  const logLines: string[] = [];
  const destination = new Writable({ write(chunk: Buffer, _e, done) { logLines.push(chunk.toString()); done(); } });
  const musubi = createMusubi({
    jobs: { schedule: async () => undefined, runSoon: () => undefined },
    store,
    commands: [...commands, ...extraCommands],
    log: createLogger({ level: "info", secrets: [], destination }),
    defaults: { locale: "ja", timeZone: "Asia/Tokyo" },
  });
  const { port, sent } = recordingPort();
  const actor = (userId: string, overrides: Partial<Actor> = {}): Actor => ({
    platform: "discord",
    community: { externalId: "guild-1", name: "Tokyo Devs" },
    userId,
    displayName: userId,
    isOrganizer: false,
    channelId: "general",
    ...overrides,
  });
  return { store, musubi, port, sent, actor, logLines };
}

const stores: Store[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((s) => s.disconnect()));
});

const textOf = (outcome: Outcome) => (outcome.type === "reply" ? outcome.reply.text : `form:${outcome.form.formId}`);

describe("the command runtime", () => {
  it("given a member without the organizer right, then an organizer command is refused and changes nothing", async () => {
    const { musubi, port, actor, store } = setup();
    const outcome = await musubi.command(port, actor("ken", { locale: "en-US" }), {
      name: "musubi", subcommand: "setup", options: { intro_channel: "intros" },
    });
    expect(textOf(outcome)).toBe("Only organizers can use /musubi setup. If you need it, ask one of this community's organizers.");
    const community = await store.communities.ensure("discord", "guild-1", { name: "", locale: "ja", timeZone: "UTC" });
    expect(community.introChannelId).toBeNull();
  });

  it("given an organizer and a bad time zone, then the reply names it in their language and nothing is saved", async () => {
    const { musubi, port, actor, store } = setup();
    const outcome = await musubi.command(port, actor("aiko", { isOrganizer: true, locale: "ja" }), {
      name: "musubi", subcommand: "setup", options: { intro_channel: "intros", time_zone: "Tokyo/Shibuya" },
    });
    expect(textOf(outcome)).toContain("「Tokyo/Shibuya」はタイムゾーンとして認識できません");
    const community = await store.communities.ensure("discord", "guild-1", { name: "", locale: "ja", timeZone: "UTC" });
    expect(community.introChannelId).toBeNull();
    expect(community.timeZone).toBe("Asia/Tokyo");
  });

  it("given an unknown command, then the member is pointed to /help", async () => {
    const { musubi, port, actor } = setup();
    expect(textOf(await musubi.command(port, actor("ken", { locale: "en-GB" }), { name: "nope", options: {} })))
      .toBe("There is no command /nope. /help lists what musubi can do.");
  });

  it("given a bug in a command, then the member gets an apology with a reference that the log line carries", async () => {
    const { musubi, port, actor, logLines } = setup([broken]);
    const text = textOf(await musubi.command(port, actor("ken", { locale: "en" }), { name: "broken", options: {} }));
    const ref = text.match(/ref: (\w+)/)?.[1];
    expect(ref).toBeDefined();
    const failure = logLines.map((l) => JSON.parse(l)).find((l) => l.msg === "failed");
    expect(failure).toMatchObject({ ref, platform: "discord", command: "broken", level: 50 });
    expect(failure.err.message).toBe("database exploded");
  });

  it("given no member locale, then replies follow the community's language (Japanese by default)", async () => {
    const { musubi, port, actor } = setup();
    expect(textOf(await musubi.command(port, actor("ken"), { name: "profile", options: {} })))
      .toBe("まだ自己紹介をしていません。/intro で自己紹介できます。");
  });
});

describe("the intro form across pages", () => {
  it("given two valid pages, then the intro is saved once and its card posted where /intro was used", async () => {
    const { musubi, port, sent, actor, store } = setup();
    const aiko = actor("aiko", { locale: "ja" });
    const opened = await musubi.command(port, aiko, { name: "intro", options: {} });
    expect(opened.type === "form" && opened.form.pages.map((p) => p.length)).toEqual([5, 5]);

    const first = await musubi.submitForm(port, aiko, { formId: "intro", page: 0, values: page0 });
    expect(first.outcome.type === "reply" && first.outcome.reply.buttons?.[0]?.actionId).toBe("form:intro:1");
    expect(sent).toHaveLength(0);

    const reopened = await musubi.action(port, aiko, "form:intro:1");
    expect(reopened.type === "form" && reopened.form.page).toBe(1);

    const second = await musubi.submitForm(port, aiko, { formId: "intro", page: 1, values: page1 });
    expect(textOf(second.outcome)).toBe("aikoさん、ありがとうございます！自己紹介を <#general> に投稿しました。次は /match join で毎週のマッチングに参加するか、/offers でメンバーの提供と募集をのぞいてみましょう。");
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ kind: "post", channelId: "general" });
    expect(sent[0]!.message.cards?.[0]?.fields).toEqual(expect.arrayContaining([
      { name: "提供できること", value: "面接練習, code review" },
      { name: "興味・関心", value: "Rust, 登山" },
    ]));
    const community = await store.communities.ensure("discord", "guild-1", { name: "", locale: "ja", timeZone: "UTC" });
    const member = await store.forCommunity(community.id).members.findByPlatformUser("aiko");
    const profile = await store.forCommunity(community.id).profiles.find(member!.id);
    expect(profile?.intro).toMatchObject({ role: "Backend engineer", languages: ["ja", "en"], interests: ["Rust", "登山"] });
    expect(profile?.card).toEqual({ channelId: "general", messageId: "m1" });
  });

  it("given a bad first page, then nothing is saved and the fix button reopens it with what was typed", async () => {
    const { musubi, port, sent, actor, store } = setup();
    const ken = actor("ken", { locale: "en-US" });
    const result = await musubi.submitForm(port, ken, {
      formId: "intro", page: 0, values: { ...page0, role: "   ", seniority: "20 years", canOffer: "x".repeat(41) },
    });
    expect(result.errors).toEqual({
      role: "Role: this cannot be left empty.",
      seniority: "Experience: choose Student, 1–3 years, 3–7 years, 7–15 years, or 15+ years.",
      canOffer: "What I can offer: each item must be at most 40 characters.",
    });
    expect(result.outcome.type === "reply" && result.outcome.reply.buttons?.[0]?.actionId).toBe("form:intro:0");
    const community = await store.communities.ensure("discord", "guild-1", { name: "", locale: "ja", timeZone: "UTC" });
    const member = await store.forCommunity(community.id).members.findByPlatformUser("ken");
    expect(await store.forCommunity(community.id).profiles.find(member!.id)).toBeNull();
    expect(sent).toHaveLength(0);
    const reopened = await musubi.action(port, ken, "form:intro:0");
    const role = reopened.type === "form" ? reopened.form.pages[0]!.find((f) => f.id === "role") : undefined;
    expect(role?.value).toBe("   ");
  });

  it("given a second page without the first, then the member is told the form expired and nothing is saved", async () => {
    const { musubi, port, sent, actor } = setup();
    const result = await musubi.submitForm(port, actor("yui", { locale: "en" }), { formId: "intro", page: 1, values: page1 });
    expect(textOf(result.outcome)).toBe("What you entered in this form was kept for a day and is gone now. Please start again with /intro.");
    expect(sent).toHaveLength(0);
  });

  it("given an intro channel and an earlier card there, then an update edits the card in place", async () => {
    const { musubi, port, sent, actor } = setup();
    const organizer = actor("org", { isOrganizer: true });
    await musubi.command(port, organizer, { name: "musubi", subcommand: "setup", options: { intro_channel: "intros" } });
    const aiko = actor("aiko", { locale: "en" });
    await musubi.submitForm(port, aiko, { formId: "intro", page: "all", values: { ...page0, ...page1 } });
    const update = await musubi.submitForm(port, aiko, { formId: "intro", page: "all", values: { ...page0, ...page1, role: "CTO" } });
    expect(textOf(update.outcome)).toBe("Your introduction is updated in <#intros>.");
    expect(sent.map((s) => [s.kind, s.channelId, s.messageId])).toEqual([["post", "intros", "m1"], ["edit", "intros", "m1"]]);
    // The card speaks the community's language (Japanese), whatever the author's.
    expect(sent[1]!.message.cards?.[0]?.fields).toContainEqual({ name: "職種・役割", value: "CTO", inline: true });
  });

  it("given the earlier card was deleted, then an update posts a new card", async () => {
    const { musubi, actor } = setup();
    const { port, sent } = recordingPort({ deleted: new Set(["m1"]) });
    const aiko = actor("aiko");
    const first = await musubi.submitForm(port, aiko, { formId: "intro", page: "all", values: { ...page0, ...page1 } });
    expect(first.errors).toBeUndefined();
    const again = await musubi.submitForm(port, aiko, { formId: "intro", page: "all", values: { ...page0, ...page1 } });
    expect(textOf(again.outcome)).toBe("<#general> の自己紹介を更新しました。");
    expect(sent.map((s) => [s.kind, s.messageId])).toEqual([["post", "m1"], ["post", "m2"]]);
  });
});

describe("forms keep the right and the pages of their command", () => {
  // A round that the organizer's form would create: the answers are valid.
  const roundAnswers = {
    kind: "study", title: "TypeScript study", topic: "", start: "2027-01-09 19:30", cadence: "weekly", sessions: "2",
    duration: "60", capacity: "5", link: "https://meet.example.com/ts", venue: "", facilitation: "organizer",
    chapters: "", description: "", zone: "", reminders: "",
  };
  const refusal = "Only organizers can use /round create. If you need it, ask one of this community's organizers.";

  async function storedRounds(store: Store) {
    const community = await store.communities.ensure("discord", "guild-1", { name: "", locale: "ja", timeZone: "UTC" });
    return store.forCommunity(community.id).rounds.findByNumber(1);
  }

  it("given a plain member who sends the organizer's round form whole, then it is refused and no round exists", async () => {
    const { musubi, port, sent, actor, store } = setup();
    const member = actor("ken", { locale: "en" });
    expect(await musubi.checkForm(port, member, { formId: "round-create", values: roundAnswers })).toBeUndefined();
    const result = await musubi.submitForm(port, member, { formId: "round-create", page: "all", values: roundAnswers });
    expect(textOf(result.outcome)).toBe(refusal);
    expect(await storedRounds(store)).toBeNull();
    expect(sent).toHaveLength(0);
  });

  it("given a plain member who sends each page of the round form or presses its page button, then every step is refused and nothing is kept", async () => {
    const { musubi, port, actor, store } = setup();
    const member = actor("ken", { locale: "en" });
    for (const page of [0, 1, 2]) {
      const result = await musubi.submitForm(port, member, { formId: "round-create", page, values: roundAnswers });
      expect(textOf(result.outcome)).toBe(refusal);
    }
    expect(textOf(await musubi.action(port, member, "form:round-create:0"))).toBe(refusal);
    expect(await storedRounds(store)).toBeNull();
    const community = await store.communities.ensure("discord", "guild-1", { name: "", locale: "ja", timeZone: "UTC" });
    const ken = await store.forCommunity(community.id).members.findByPlatformUser("ken");
    expect(await store.forCommunity(community.id).formDrafts.find(ken!.id, "round-create", new Date(0))).toBeNull();
  });

  it("given the organizer, then the same whole form creates the round", async () => {
    const { musubi, port, actor, store } = setup();
    const result = await musubi.submitForm(port, actor("aiko", { locale: "en", isOrganizer: true }), { formId: "round-create", page: "all", values: roundAnswers });
    expect(textOf(result.outcome)).toMatch(/^Created 💡 Study session #1 · TypeScript study/);
    expect((await storedRounds(store))?.title).toBe("TypeScript study");
  });

  it("given a page the form does not have (page 2 of two, a negative or not-a-number page), then it is refused and nothing is saved", async () => {
    const { musubi, port, sent, actor, store } = setup();
    const yui = actor("yui", { locale: "en" });
    const unknown = "This button is no longer active. Please run the command again.";
    for (const page of [2, -1, Number.NaN, 0.5]) {
      const result = await musubi.submitForm(port, yui, { formId: "intro", page, values: { ...page0, ...page1 } });
      expect(textOf(result.outcome)).toBe(unknown);
    }
    for (const id of ["form:intro:2", "form:intro:x", "form:intro:", "form:intro:1:2"]) {
      expect(textOf(await musubi.action(port, yui, id))).toBe(unknown);
    }
    const community = await store.communities.ensure("discord", "guild-1", { name: "", locale: "ja", timeZone: "UTC" });
    const member = await store.forCommunity(community.id).members.findByPlatformUser("yui");
    expect(await store.forCommunity(community.id).profiles.find(member!.id)).toBeNull();
    expect(await store.forCommunity(community.id).formDrafts.find(member!.id, "intro", new Date(0))).toBeNull();
    expect(sent).toHaveLength(0);
  });

  it("given two commands that register the same form or action, then the dispatcher refuses to start", () => {
    const intro = commands.find((c) => c.name === "intro")!;
    const match = commands.find((c) => c.name === "match")!;
    const base = { jobs: { schedule: async () => undefined, runSoon: () => undefined }, store: sqliteStore(), log: createLogger({ level: "silent", secrets: [] }), defaults: { locale: "ja" as const, timeZone: "UTC" } };
    stores.push(base.store);
    expect(() => createMusubi({ ...base, commands: [...commands, { ...intro, name: "intro-again" }] })).toThrow('two forms are registered as "intro"');
    expect(() => createMusubi({ ...base, commands: [...commands, { ...match, name: "match-again" }] })).toThrow('two actions are registered as "match:skip"');
  });
});

describe("welcoming new members", () => {
  it("given no welcome channel anywhere, then the newcomer gets a direct message with the intro button", async () => {
    const { musubi, port, sent } = setup();
    await musubi.memberJoined(port, { platform: "slack", community: { externalId: "T1", name: "Osaka PMs" }, userId: "U9", displayName: "Mei", locale: "en-US" });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ kind: "dm", channelId: "dm-U9" });
    expect(sent[0]!.message.text).toBe("Welcome to Osaka PMs, <@U9>! Start by introducing yourself with the button below or /intro. Once that is done, /match join puts you in weekly pairing.");
    expect(sent[0]!.message.buttons).toEqual([{ actionId: "form:intro:0", label: "Introduce yourself", style: "primary" }]);
  });

  it("given the platform's greeting channel, then the welcome is posted there in the community's language", async () => {
    const { musubi, actor } = setup();
    const { port, sent } = recordingPort({ welcomeChannel: "lobby" });
    await musubi.memberJoined(port, { ...actor("new"), userId: "new", displayName: "New", locale: "en-US" });
    expect(sent[0]).toMatchObject({ kind: "post", channelId: "lobby" });
    expect(sent[0]!.message.text).toContain("Tokyo Devs へようこそ");
  });
});
