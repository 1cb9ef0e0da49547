// The message catalogues (src/i18n, issue #10): both languages of every key with the same
// placeholders, no key that no code uses, and every key that core names as an error present.
// Usage is read from the source with the TypeScript parser: string literals and template
// literals of src/ and commands/ (types and comments do not count).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { commands } from "../../commands/index.js";
import { handlersOf } from "../../src/app/command.js";
import { UserError } from "../../src/app/errors.js";
import { FORBIDDEN_VARIANTS } from "../../src/i18n/style.js";
import { isMessageKeyWith, LOCALES, localized, messages, placeholdersIn, translate, translator, type Locale, type MessageKey } from "../../src/i18n/index.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const I18N = "src/i18n";
const SCANNED = ["src", "commands"];
const SKIPPED = ["src/generated", I18N];
/** What validation.ts renders a custom zod message with: a key may use no other placeholder. */
const FIELD_MESSAGE_PARAMS = ["field", "value"];

type Catalogue = Record<string, Record<Locale, string>>;

// ---- pure functions ------------------------------------------------------------------------

/** Keys whose languages are missing or empty, or whose placeholders differ between languages. */
function placeholderProblems(catalogue: Catalogue): string[] {
  const problems: string[] = [];
  for (const [key, texts] of Object.entries(catalogue)) {
    const missing = LOCALES.filter((locale) => typeof texts[locale] !== "string" || texts[locale] === "");
    if (missing.length > 0) {
      problems.push(`${key}: no ${missing.join(", ")} text`);
      continue;
    }
    const names = LOCALES.map((locale) => [...new Set(placeholdersIn(texts[locale]))].sort().join(", "));
    if (new Set(names).size > 1) problems.push(`${key}: placeholders ${LOCALES.map((l, i) => `${l} {${names[i]}}`).join(" / ")}`);
    // A brace that is not a {name} placeholder would be a placeholder to the types and not to translate.
    for (const locale of LOCALES) {
      if (/[{}]/.test(texts[locale].replace(/\{\w+\}/g, ""))) problems.push(`${key}: a stray brace in ${locale}`);
    }
  }
  return problems;
}

/** What code writes that can name a key: every string literal, and every template literal as a pattern. */
interface KeyUses {
  literals: Set<string>;
  /**
   * `offers.status.${status}` -> /^offers\.status\.\S+$/, `${kind}.posted` -> /^\S+\.posted$/: templates
   * that start with a key's prefix, or with one dynamic part and then a key's tail.
   */
  patterns: RegExp[];
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Whether a node is a type (a literal type, `rounds.error.${string}`): types name no key at runtime. */
function inType(node: ts.Node): boolean {
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    if (ts.isTypeNode(n) && !ts.isExpressionWithTypeArguments(n)) return true;
    if (ts.isStatement(n) || ts.isSourceFile(n)) return false;
  }
  return false;
}

function keyUses(sources: Iterable<{ path: string; text: string }>): KeyUses {
  const uses: KeyUses = { literals: new Set(), patterns: [] };
  for (const { path, text } of sources) {
    const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
    const visit = (node: ts.Node): void => {
      if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && !inType(node)) {
        uses.literals.add(node.text);
      } else if (ts.isTemplateExpression(node) && !inType(node)) {
        const parts = [node.head.text, ...node.templateSpans.map((span) => span.literal.text)];
        const keyLike = /^[A-Za-z]+\./.test(parts[0]!) || (parts[0] === "" && /^\.\w/.test(parts[1]!));
        if (keyLike) uses.patterns.push(new RegExp(`^${parts.map(escapeRegExp).join("\\S+")}$`));
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return uses;
}

function unusedKeys(keys: Iterable<string>, uses: KeyUses): string[] {
  return [...keys].filter((key) => !uses.literals.has(key) && !uses.patterns.some((pattern) => pattern.test(key)));
}

/** Keys named as errors ("rounds.error.*", "offers.error.*", "error.*") that the catalogue lacks or cannot fill. */
function errorKeyProblems(literals: Iterable<string>, catalogue: Catalogue): string[] {
  const problems: string[] = [];
  for (const literal of literals) {
    if (!/^(?:(?:rounds|offers)\.)?error\.\w+$/.test(literal)) continue;
    const texts = catalogue[literal];
    if (!texts) {
      problems.push(`${literal}: not in the catalogue`);
      continue;
    }
    const extra = LOCALES.flatMap((locale) => placeholdersIn(texts[locale])).filter((name) => !FIELD_MESSAGE_PARAMS.includes(name));
    if (extra.length > 0) problems.push(`${literal}: placeholders {${[...new Set(extra)].join("}, {")}} that a field error does not fill`);
  }
  return problems;
}

// ---- the project's files -------------------------------------------------------------------

function tsFiles(dir: string): string[] {
  const full = join(ROOT, dir);
  return readdirSync(full).flatMap((name) => {
    const path = `${dir}/${name}`;
    if (SKIPPED.includes(path)) return [];
    if (statSync(join(full, name)).isDirectory()) return tsFiles(path);
    return name.endsWith(".ts") ? [path] : [];
  });
}

const read = (paths: string[]) => paths.map((path) => ({ path, text: readFileSync(join(ROOT, path), "utf8") }));
const codeUses = keyUses(read(SCANNED.flatMap(tsFiles)));
const coreLiterals = keyUses(read(["src/core", "commands"].flatMap(tsFiles))).literals;
const catalogue: Catalogue = messages;

/** Each feature file of src/i18n and the catalogue it exports. */
async function featureCatalogues(): Promise<{ file: string; catalogue: Catalogue }[]> {
  const files = readdirSync(join(ROOT, I18N)).filter((name) => name.endsWith(".ts") && name !== "index.ts" && name !== "style.ts");
  return Promise.all(files.map(async (file) => {
    const module = (await import(join(ROOT, I18N, file))) as Record<string, Catalogue>;
    const exported = Object.values(module);
    expect(exported, `${file} exports one catalogue`).toHaveLength(1);
    return { file, catalogue: exported[0]! };
  }));
}

/** Texts that use a variant the style sheet replaces by one of its terms. */
function styleProblems(catalogue: Catalogue): string[] {
  const problems: string[] = [];
  for (const [key, texts] of Object.entries(catalogue)) {
    for (const locale of LOCALES) {
      // A placeholder stands for a word: "{member} さん" must read as "X さん".
      const text = texts[locale].replace(/\{\w+\}/g, "X");
      for (const { variant, use } of FORBIDDEN_VARIANTS[locale]) {
        if (variant.test(text)) problems.push(`${key}: ${locale} "${text.match(variant)![0]}" (use ${use})`);
      }
    }
  }
  return problems;
}

/** Every option name and form field id the commands declare. */
function optionAndFieldIds(): string[] {
  const ids = new Set<string>();
  for (const command of commands) {
    for (const { handler } of handlersOf(command)) for (const name of Object.keys(handler.options)) ids.add(name);
    for (const form of command.forms ?? []) for (const field of form.pages.flat()) ids.add(field.id);
  }
  return [...ids];
}

/** Japanese texts with an id written as a word (not a {placeholder}, not followed by ":" or "=" as typed). */
function rawIdProblems(catalogue: Catalogue, ids: readonly string[]): string[] {
  const problems: string[] = [];
  for (const [key, texts] of Object.entries(catalogue)) {
    const text = texts.ja.replace(/\{\w+\}/g, "");
    for (const id of ids) {
      if (new RegExp(`(?<![\\w/-])${escapeRegExp(id)}(?![\\w:=-])`).test(text)) problems.push(`${key}: ${id}`);
    }
  }
  return problems;
}

// ---- tests ---------------------------------------------------------------------------------

describe("the message catalogues", () => {
  it("every key has a Japanese and an English text with the same placeholders", () => {
    expect(placeholderProblems(catalogue)).toEqual([]);
  });

  it("the placeholder check finds a missing language, different placeholders and a stray brace", () => {
    expect(placeholderProblems({
      "a.ok": { ja: "{name}さん、{count}件", en: "{count} for {name}, {name}" },
      "a.noEn": { ja: "はい", en: "" },
      "a.differ": { ja: "{field}は必須です", en: "{label} is required" },
      "a.brace": { ja: "{ x }", en: "{ x }" },
    })).toEqual([
      "a.noEn: no en text",
      "a.differ: placeholders ja {field} / en {label}",
      "a.brace: a stray brace in ja",
      "a.brace: a stray brace in en",
    ]);
  });

  it("every feature file's keys are in the merged catalogue, each key in one file, each prefix in one file", async () => {
    const features = await featureCatalogues();
    const fileOfKey = new Map<string, string>();
    const fileOfPrefix = new Map<string, string>();
    const problems: string[] = [];
    for (const { file, catalogue: feature } of features) {
      for (const [key, texts] of Object.entries(feature)) {
        if (fileOfKey.has(key)) problems.push(`${key}: in ${fileOfKey.get(key)} and ${file}`);
        fileOfKey.set(key, file);
        if (catalogue[key] !== texts) problems.push(`${key} of ${file}: not in the merged catalogue`);
        const prefix = key.split(".")[0]!;
        if ((fileOfPrefix.get(prefix) ?? file) !== file) problems.push(`${key}: prefix ${prefix}. is also in ${fileOfPrefix.get(prefix)}`);
        fileOfPrefix.set(prefix, file);
      }
    }
    expect(problems).toEqual([]);
    expect(fileOfKey.size).toBe(Object.keys(catalogue).length);
  });

  it("no key is unused: each is written in src/ or commands/, or matches a template literal there", () => {
    expect(unusedKeys(Object.keys(catalogue), codeUses)).toEqual([]);
  });

  it("the usage scan reads literals and template patterns, not comments or types", () => {
    const uses = keyUses([{
      path: "x.ts",
      text: [
        "// t(\"a.comment\")",
        "type K = `a.typed.${string}` | \"a.typeLiteral\";",
        "const x = t(\"a.literal\") + t(`a.plain`) + t(`a.dynamic.${kind}`) + `${t(`a.nested.${n}.label`)}`;",
        "const y = t(`${kind}.tail`) + `${name}.${ext}` + `/${path} ${x}`;",
      ].join("\n"),
    }]);
    expect(unusedKeys(
      ["a.comment", "a.typed.x", "a.typeLiteral", "a.literal", "a.plain", "a.dynamic.one", "a.nested.1.label", "a.nested.1.other", "b.tail", "b.other"],
      uses,
    )).toEqual(["a.comment", "a.typed.x", "a.typeLiteral", "a.nested.1.other", "b.other"]);
  });

  it("the weekly pairing round's messages are pairingRound.*, not round.* (reading clubs' rounds are rounds.*)", () => {
    expect(Object.keys(catalogue).filter((key) => key.startsWith("round."))).toEqual([]);
    expect(catalogue["pairingRound.followUp.thanks"]).toBeDefined();
  });

  it("every key that core or a command names as a field error is in the catalogue and takes only {field} and {value}", () => {
    const named = [...coreLiterals].filter((literal) => /^(?:(?:rounds|offers)\.)?error\./.test(literal));
    expect(named).toEqual(expect.arrayContaining(["rounds.error.startPast", "offers.error.tag", "error.timeZone", "error.weights"]));
    expect(errorKeyProblems(coreLiterals, catalogue)).toEqual([]);
    for (const key of named) expect(isMessageKeyWith(key, FIELD_MESSAGE_PARAMS), key).toBe(true);
  });

  it("the zod message itemTooLong of core is rendered by validation.ts as error.itemTooLong", () => {
    expect([...coreLiterals]).toContain("itemTooLong");
    const validation = keyUses(read(["src/app/validation.ts"])).literals;
    expect(validation).toContain("itemTooLong");
    expect(validation).toContain("error.itemTooLong");
    expect(catalogue["error.itemTooLong"]).toBeDefined();
  });

  it("the error-key check finds a missing key and a placeholder a field error does not fill", () => {
    expect(errorKeyProblems(["rounds.error.nope", "error.tooLong", "error.timeZone", "not.an.error"], catalogue)).toEqual([
      "rounds.error.nope: not in the catalogue",
      "error.tooLong: placeholders {max} that a field error does not fill",
    ]);
  });
});

describe("translating", () => {
  it("fills the placeholders in the reader's language", () => {
    expect(translate("en", "common.apology", { ref: "abc" })).toBe("Sorry, something went wrong on our side. Please try again later. (ref: abc)");
    expect(translator("ja")("form.submit")).toBe("保存");
    expect(localized("pairingRound.followUp.thanks", { answer: "x" })).toEqual({
      ja: translate("ja", "pairingRound.followUp.thanks", { answer: "x" }),
      en: "Thanks! Noted: x.",
    });
    expect(new UserError("rounds.notFound", { number: 7 }).text(translator("en"))).toBe(
      "There is no round number 7. /round list shows the upcoming ones.",
    );
  });

  it("types the parameters by the key's placeholders (checked by tsc)", () => {
    const t = translator("en");
    const answer = "online" as "online" | "not_met";
    expect(t(`pairingRound.followUp.${answer}`)).toBe("Met online");
    // @ts-expect-error a placeholder ({ref}) is missing
    expect(t("common.apology")).toContain("{ref}");
    // Only compiled, never run: each line must be a type error.
    const typeErrors = () => [
      // @ts-expect-error a placeholder ({ref}) is missing
      t("common.apology", {}),
      // @ts-expect-error a parameter the text does not take
      t("common.apology", { ref: "x", extra: 1 }),
      // @ts-expect-error a key without placeholders takes no parameters
      t("form.submit", { ref: "x" }),
      t("pairingRound.headsUp.skip"),
      // @ts-expect-error UserError checks the parameters too
      new UserError("common.notOrganizer"),
      // @ts-expect-error so does localized
      localized("pairingRound.followUp.thanks"),
    ];
    expect(typeErrors).toBeTypeOf("function");
    // @ts-expect-error not a key: the weekly pairing round's keys are pairingRound.*
    const notAKey: MessageKey = "round.headsUp.skip";
    expect(notAKey in messages).toBe(false);
  });

  it("no text says a term of the style sheet another way (src/i18n/style.ts)", () => {
    expect(styleProblems(catalogue)).toEqual([]);
  });

  it("the style check finds each kind of variant: a word, a space before さん, half-width brackets, Japanese punctuation in English", () => {
    expect(styleProblems({
      "a.offer": { ja: "オファーを投稿しました。", en: "Posted." },
      "a.honorific": { ja: "{member} さん、ようこそ！", en: "Welcome, {member}!" },
      "a.brackets": { ja: "自己紹介 (1/2)", en: "Intro (1/2)" },
      "a.english": { ja: "ようこそ。", en: "Welcome、{member}。" },
      "a.fine": { ja: "{member}さん、ようこそ！（1/2）", en: "Welcome, {member}! (1/2)" },
    }).map((p) => p.split(":")[0])).toEqual(["a.offer", "a.honorific", "a.brackets", "a.english"]);
  });

  it("no Japanese text names an option or a form field by its id, except where it shows what to type (channel:#チャンネル)", () => {
    expect(rawIdProblems(catalogue, optionAndFieldIds())).toEqual([]);
    expect(rawIdProblems({
      "a.raw": { ja: "weeksは12以下にしてください。", en: "Weeks must be at most 12." },
      "a.typed": { ja: "/musubi report channel:#チャンネル で指定してください。", en: "Use channel:#channel." },
      "a.placeholder": { ja: "{weeks}週間", en: "{weeks} weeks" },
    }, ["weeks", "channel"])).toEqual(["a.raw: weeks"]);
  });
});
