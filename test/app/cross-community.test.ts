// Two communities on one database: whatever record id of community B a member of community A puts
// into a button (a crafted action id) or hands to a repository bound to A, nothing of B changes
// and nothing of B is shown to A. Generated with fast-check on SQLite and PostgreSQL.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commands } from "../../commands/index.js";
import type { Actor } from "../../src/app/context.js";
import type { Outcome } from "../../src/app/reply.js";
import { createBot, type Bot } from "../../src/bot.js";
import { FOLLOW_UP_ANSWERS } from "../../src/core/pairing/settings.js";
import { createLogger } from "../../src/logger.js";
import { createDb, isPostgresUrl } from "../../src/store/db.js";
import { THANKS_CONTEXTS } from "../../src/store/network-repository.js";
import { freshSqliteUrl, postgresUrl } from "../support/db.js";
import { recordingPort } from "../support/recording-port.js";
import { communityRows } from "../support/rows.js";

const NOW = new Date("2026-12-02T01:00:00Z");

/** Words that appear only in community B's rows: an answer to A that holds one shows B's data. */
const B_MARK = "ひみつB";

/** Every action a button can carry, with its arguments' names. */
const ACTION_KINDS = commands.flatMap((command) => command.actions ?? []).map(({ kind }) => ({ name: kind.name, params: kind.params }));

/** Arguments that are not record ids but that a real button carries. */
const LITERALS = [...FOLLOW_UP_ANSWERS, ...THANKS_CONTEXTS, "yes", "no", "0", "1", "2", "intro", "offer", "ask", "round-create", "thanks"];

/**
 * Every id in the rows by what it names: a table's own id as `<table>Id` ("offerPostId") and every
 * column ending in Id under its own name, so a button's argument ("postId") gets ids of its kind.
 */
function idsIn(rows: Record<string, unknown[]>): Map<string, string[]> {
  const ids = new Map<string, Set<string>>();
  const add = (name: string, value: unknown) => {
    if (typeof value !== "string" || value === "") return;
    const key = name.toLowerCase();
    ids.set(key, (ids.get(key) ?? new Set()).add(value));
  };
  for (const [table, tableRows] of Object.entries(rows)) {
    for (const row of tableRows) {
      for (const [column, value] of Object.entries(JSON.parse(row as string) as Record<string, unknown>)) {
        if (column === "id") add(`${table}Id`, value);
        else if (column.endsWith("Id")) add(column, value);
      }
    }
  }
  return new Map([...ids].map(([key, values]) => [key, [...values].sort()]));
}

/** B's ids an argument of this name may be given: ids of its kind first, any id, or a literal. */
function argumentFor(param: string, ids: Map<string, string[]>) {
  const all = [...new Set([...ids.values()].flat())];
  const ofKind = [...ids].filter(([key]) => key.endsWith(param.toLowerCase())).flatMap(([, values]) => values);
  return fc.oneof(
    ...(ofKind.length > 0 ? [{ weight: 6, arbitrary: fc.constantFrom(...ofKind) }] : []),
    { weight: 2, arbitrary: fc.constantFrom(...all) },
    { weight: 1, arbitrary: fc.constantFrom(...LITERALS) },
  );
}

for (const [backend, url] of [["SQLite", freshSqliteUrl()], ["PostgreSQL", postgresUrl()]] as const) {
  describe.skipIf(url === null)(`one community's ids in another's hands, on ${backend}`, () => {
    const postgres = url !== null && isPostgresUrl(url);
    const runs = postgres ? 60 : 200;
    const recorder = recordingPort();
    const suffix = `${process.pid}-${Date.now()}`;
    const communityA = { externalId: `cross-a-${suffix}`, name: "A" };
    const communityB = { externalId: `cross-b-${suffix}`, name: `${B_MARK} community` };
    const actor = (community: typeof communityA, userId: string, isOrganizer: boolean, displayName = userId): Actor => ({
      platform: "console", community, userId, displayName, locale: "ja", isOrganizer, channelId: "general",
    });
    const aMember = actor(communityA, "a-member", false);
    const aOrganizer = actor(communityA, "a-organizer", true);
    let bot: Bot;
    let bId: string;
    let bIds: Map<string, string[]>;

    const textOf = (outcome: Outcome) => JSON.stringify(outcome.type === "reply" ? outcome.reply : outcome.form);

    async function fill(community: typeof communityA, mark: string) {
      const organizer = actor(community, `${community.externalId}-organizer`, true, `${mark}organizer`);
      const members = ["aiko", "ken", "yui"].map((name) => actor(community, `${community.externalId}-${name}`, false, `${mark}${name}`));
      const run = (who: Actor, name: string, subcommand: string | undefined, options: Record<string, unknown> = {}) =>
        bot.musubi.command(recorder.port, who, { name, subcommand, options });
      await run(organizer, "musubi", "setup", { intro_channel: "intros", offers_channel: "offers" });
      await run(organizer, "musubi", "pairing settings", { channel: "pairing", enabled: "on" });
      for (const [i, who] of [organizer, ...members].entries()) {
        await bot.musubi.submitForm(recorder.port, who, { formId: "intro", page: "all", values: {
          industry: ["it", "finance", "medical", "education"][i]!, role: `${mark}role`, seniority: "3-7", canOffer: "review", lookingFor: "mentoring",
          languages: ["ja"], meetingPreference: "either",
        } });
        await run(who, "match", "join");
      }
      await bot.musubi.submitForm(recorder.port, members[0]!, { formId: "offer", page: "all", values: { title: `${mark} code review`, tags: "review" } });
      await bot.musubi.submitForm(recorder.port, members[1]!, { formId: "ask", page: "all", values: { title: `${mark} mentoring`, tags: "mentoring" } });
      await bot.musubi.submitForm(recorder.port, organizer, { formId: "round-create", page: "all", values: {
        kind: "reading", title: `${mark}輪読会`, start: "2026-12-10 19:30", cadence: "weekly", sessions: "4", capacity: "2", venue: "Shibuya", chapters: "1-4",
      } });
      for (const who of members) {
        const joined = await run(who, "round", "join", { round: "1" });
        if (joined.type === "reply" && !/参加|キャンセル待ち/.test(joined.reply.text)) throw new Error(joined.reply.text);
      }
      await run(organizer, "musubi", "pairing run-now");
      while ((await bot.scheduler.runDue()) > 0);
      // Whatever buttons community B's members were shown, they press them: groups, exchanges, thanks.
      for (const sent of recorder.sent.splice(0)) {
        for (const button of sent.message.buttons ?? []) {
          const presser = members.find((m) => sent.channelId.includes(m.userId)) ?? members[2]!;
          await bot.musubi.action(recorder.port, presser, button.actionId);
        }
      }
      return (await bot.store.communities.ensure("console", community.externalId, { name: community.name, locale: "ja", timeZone: "Asia/Tokyo" })).id;
    }

    beforeAll(async () => {
      bot = createBot({ db: createDb(url!), log: createLogger({ level: "silent", secrets: [] }), now: () => NOW, defaults: { locale: "ja", timeZone: "Asia/Tokyo" } });
      bot.connect(recorder.port);
      await fill(communityA, "A");
      bId = await fill(communityB, B_MARK);
      bIds = idsIn(await communityRows(bot.db, postgres, bId));
      recorder.sent.splice(0);
    }, 120_000);
    afterAll(async () => {
      await bot?.stop();
    });

    it("given community B with members, posts, exchanges, a round, seats and pairing groups, then it has ids of every kind to try", async () => {
      const rows = await communityRows(bot.db, postgres, bId);
      for (const table of ["Member", "Profile", "OfferPost", "Round", "RoundSession", "RoundParticipant", "PairingGroup", "OfferExchange"]) {
        expect(rows[table]?.length ?? 0, table).toBeGreaterThan(0);
      }
    });

    it("given any button carrying B's ids, pressed by a member or an organizer of A, then B is unchanged and A sees nothing of it", async () => {
      const crafted = fc.constantFrom(...ACTION_KINDS).chain((kind) => fc.record({
        kind: fc.constant(kind),
        args: fc.tuple(...kind.params.map((param) => argumentFor(param, bIds))),
        presser: fc.constantFrom(aMember, aOrganizer),
      }));
      const before = await communityRows(bot.db, postgres, bId);
      await fc.assert(fc.asyncProperty(crafted, async ({ kind, args, presser }) => {
        const actionId = [kind.name, ...args].join(":");
        const outcome = await bot.musubi.action(recorder.port, presser, actionId);
        expect(textOf(outcome), actionId).not.toContain(B_MARK);
        for (const sent of recorder.sent.splice(0)) expect(JSON.stringify(sent), actionId).not.toContain(B_MARK);
      }), { numRuns: runs });
      expect(await communityRows(bot.db, postgres, bId)).toEqual(before);
    }, 600_000);

    it("given every repository method bound to A, called with B's ids, then B is unchanged and nothing of B comes back", async () => {
      const before = await communityRows(bot.db, postgres, bId);
      const aId = (await bot.store.communities.ensure("console", communityA.externalId, { name: "A", locale: "ja", timeZone: "Asia/Tokyo" })).id;
      const repositories = bot.store.forCommunity(aId) as unknown as Record<string, Record<string, unknown>>;
      const methods = Object.entries(repositories)
        .filter(([, repository]) => repository && typeof repository === "object")
        .flatMap(([name, repository]) => Object.entries(repository)
          .filter(([, method]) => typeof method === "function")
          .map(([method, fn]) => ({ name: `${name}.${method}`, fn: fn as (...args: unknown[]) => Promise<unknown> })));
      expect(methods.length).toBeGreaterThan(50);
      const leaks = (result: unknown) => (JSON.stringify(result, (_k, v: unknown) => (typeof v === "bigint" ? String(v) : v)) ?? "").includes(B_MARK);
      // Every method with one id of every kind of B's, then generated mixes of ids and literals.
      for (const method of methods) {
        for (const [kind, values] of bIds) {
          const result = await method.fn(values[0]).catch((error: unknown) => ({ failed: String(error) }));
          expect(leaks(result), `${method.name}(${kind})`).toBe(false);
        }
      }
      const call = fc.record({
        method: fc.constantFrom(...methods),
        args: fc.array(argumentFor("id", bIds), { minLength: 1, maxLength: 3 }),
      });
      await fc.assert(fc.asyncProperty(call, async ({ method, args }) => {
        // A call whose arguments are of the wrong shape may fail; what it must never do is reach B.
        const result = await method.fn(...args).catch((error: unknown) => ({ failed: String(error) }));
        expect(leaks(result), method.name).toBe(false);
      }), { numRuns: runs * 2 });
      expect(await communityRows(bot.db, postgres, bId)).toEqual(before);
    }, 600_000);
  });
}
