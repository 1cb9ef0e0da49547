import { z } from "zod";
import { storableText } from "../core/text.js";
import type { Locale, MessageKeyWith, PlainMessageKey, Translate } from "../i18n/index.js";
import type { DraftValues } from "../store/repositories.js";
import { actionKind } from "./actions.js";
import type { CommandContext, Permission } from "./context.js";
import { UserError } from "./errors.js";
import { requirePermission } from "./permissions.js";
import { replyOutcome, type FieldKind, type FormFieldView, type FormView, type Outcome } from "./reply.js";
import { describeIssues, type FieldErrors } from "./validation.js";

// The form engine: a form is shown whole where a platform can (Slack, the console) and page by
// page where it holds few fields (a Discord modal: 5). Answers of finished pages are kept as a
// draft between pages and forgotten after a day; each page is checked with its fields' part of
// the schema, the whole form once every page is in. Opening, every page and the submission check
// the form's permission, so a submission sent without the command's right changes nothing.

/** Form answers kept between pages are forgotten after a day. */
const DRAFT_LIFETIME_MS = 24 * 60 * 60 * 1000;

/**
 * One page of a form: "form:<formId>:<page>", the id of the button that opens it (Discord's
 * "Continue", "Fix my answers") and of its modal, whose submission comes back with it.
 */
export const FORM_PAGE = actionKind("form", ["formId", "page"]);

/** The whole form as one view (a Slack modal): "form:<formId>". */
export const FORM_VIEW = actionKind("form", ["formId"]);

/** The form and page a modal's id names ("form:intro:1"; "form:intro" for a whole form), or nothing. */
export function readFormModalId(id: string): { formId: string; page: string | undefined } | undefined {
  const [prefix, formId, page, ...rest] = id.split(":");
  if (prefix !== FORM_PAGE.name || !formId || rest.length > 0) return undefined;
  return { formId, page };
}

export interface FieldDefinition {
  id: string;
  label: PlainMessageKey;
  kind: FieldKind;
  required: boolean;
  maxLength?: number;
  placeholder?: PlainMessageKey;
  choices?: readonly { value: string; label: PlainMessageKey }[];
}

export interface FormDefinition<S extends z.ZodObject = z.ZodObject, V = z.output<S>> {
  id: string;
  /** Who may open it, fill in any page and submit it: that of the command it belongs to. */
  permission: Permission;
  /** A further check of who may use it, beyond the permission (a community setting): refuses with a UserError. */
  allowed?: (ctx: CommandContext) => Promise<void>;
  title: PlainMessageKey;
  /** Title of one page of several, with {page} and {pages}. */
  pageTitle: MessageKeyWith<"page" | "pages">;
  /** Shown with the problems where a platform cannot mark fields inline: {problems}. */
  invalidMessage: MessageKeyWith<"problems">;
  /** A page holds at most 5 fields (a Discord modal's limit). */
  pages: readonly (readonly FieldDefinition[])[];
  /** Each field's own checks: a page of a longer form is checked with its fields' part of it. */
  schema: S;
  /**
   * The whole form once every page is in, where it has rules across fields or depends on the
   * moment (a date that must be ahead): `schema` otherwise.
   */
  wholeSchema?(ctx: CommandContext): z.ZodType<V>;
  initialValues(ctx: CommandContext): Promise<DraftValues>;
  submit(ctx: CommandContext, value: V): Promise<Outcome>;
}

export function form<S extends z.ZodObject, V = z.output<S>>(definition: FormDefinition<S, V>): FormDefinition {
  return definition as unknown as FormDefinition;
}

export interface FormSubmission {
  formId: string;
  /** The page submitted, or "all" where the platform shows the whole form at once. */
  page: number | "all";
  values: DraftValues;
}

export interface FormResult {
  /** Problems per field, for platforms that show them beside the fields (Slack). */
  errors?: FieldErrors;
  outcome: Outcome;
}

/** A field's answer longer than this is refused by its schema; a draft never keeps more of it. */
const DRAFT_VALUE_LIMIT = 4000;

/** What a draft may keep of a typed answer (cut first: a cut through a surrogate pair is then replaced, not kept broken). */
const storable = (text: string) => storableText(text.slice(0, DRAFT_VALUE_LIMIT));

/**
 * The answers to the form's own fields, nothing else a submission carries; a single-choice
 * field's answer as one value (some platforms, Discord, send every select's choice as a list).
 */
function answersOf(definition: FormDefinition, values: DraftValues): DraftValues {
  const fields = new Map(definition.pages.flat().map((f) => [f.id, f]));
  return Object.fromEntries(Object.entries(values).flatMap(([id, value]) => {
    const field = fields.get(id);
    if (!field) return [];
    return [[id, field.kind === "select" && Array.isArray(value) ? value[0] ?? "" : value]];
  }));
}

/** Answers as a draft keeps them between pages (a refused page's too, so "fix my answers" shows what was typed). */
const asDraft = (values: DraftValues): DraftValues => Object.fromEntries(Object.entries(values).map(([id, value]) =>
  [id, Array.isArray(value) ? value.map(storable) : storable(value)]));

function formView(ctx: CommandContext, definition: FormDefinition, values: DraftValues, page: number): FormView {
  const field = (f: FieldDefinition): FormFieldView => ({
    id: f.id,
    label: ctx.t(f.label),
    kind: f.kind,
    required: f.required,
    ...(f.maxLength ? { maxLength: f.maxLength } : {}),
    ...(f.placeholder ? { placeholder: ctx.t(f.placeholder) } : {}),
    ...(f.choices ? { choices: f.choices.map((c) => ({ value: c.value, label: ctx.t(c.label) })) } : {}),
    ...(values[f.id] !== undefined ? { value: values[f.id] } : {}),
  });
  return {
    formId: definition.id,
    title: ctx.t(definition.title),
    pageTitles: definition.pages.map((_, i) =>
      ctx.t(definition.pageTitle, { page: i + 1, pages: definition.pages.length })),
    pages: definition.pages.map((fields) => fields.map(field)),
    page,
  };
}

function fieldNaming(ctx: { t: Translate }, definition: FormDefinition) {
  const fields = new Map(definition.pages.flat().map((f) => [f.id, f]));
  return {
    label: (id: string) => (fields.get(id) ? ctx.t(fields.get(id)!.label) : id),
    choices: (id: string) => fields.get(id)?.choices?.map((c) => ctx.t(c.label)),
  };
}

const wholeSchemaOf = (ctx: CommandContext, definition: FormDefinition): z.ZodType =>
  definition.wholeSchema?.(ctx) ?? definition.schema;

/** A page number the form has ("0", 1), else nothing: a page of another form or of none is refused. */
function pageOf(definition: FormDefinition, page: number | string): number | undefined {
  const number = typeof page === "number" ? page : /^\d+$/.test(page) ? Number(page) : Number.NaN;
  return Number.isInteger(number) && number >= 0 && number < definition.pages.length ? number : undefined;
}

/** The forms of every command; two forms with one id are refused at start-up. */
export function createFormEngine(definitions: Iterable<{ form: FormDefinition; command: string }>) {
  const forms = new Map<string, { form: FormDefinition; command: string }>();
  for (const entry of definitions) {
    if (forms.has(entry.form.id)) throw new Error(`two forms are registered as "${entry.form.id}"`);
    forms.set(entry.form.id, entry);
  }

  /** The form, once the member is known to hold its permission. */
  async function permitted(ctx: CommandContext, formId: string): Promise<FormDefinition> {
    const entry = forms.get(formId);
    if (!entry) throw new UserError("common.unknownAction");
    await requirePermission(ctx, entry.form.permission, entry.command);
    await entry.form.allowed?.(ctx);
    return entry.form;
  }

  const draftsSince = (ctx: CommandContext) => new Date(ctx.now().getTime() - DRAFT_LIFETIME_MS);

  async function open(ctx: CommandContext, formId: string, page: number | string = 0): Promise<Outcome> {
    const definition = await permitted(ctx, formId);
    const shown = pageOf(definition, page);
    if (shown === undefined) throw new UserError("common.unknownAction");
    const initial = await definition.initialValues(ctx);
    const draft = await ctx.store.formDrafts.find(ctx.member.id, formId, draftsSince(ctx));
    return { type: "form", form: formView(ctx, definition, { ...initial, ...draft }, shown) };
  }

  async function submit(ctx: CommandContext, submission: FormSubmission): Promise<FormResult> {
    const definition = await permitted(ctx, submission.formId);
    const page = submission.page === "all" ? "all" : pageOf(definition, submission.page);
    if (page === undefined) throw new UserError("common.unknownAction");
    const lastPage = definition.pages.length - 1;
    const draft = page === "all" || page === 0
      ? {}
      : await ctx.store.formDrafts.find(ctx.member.id, definition.id, draftsSince(ctx));
    if (draft === null) {
      const command = forms.get(definition.id)!.command;
      return { outcome: replyOutcome({ text: ctx.t("form.expired", { command: `/${command}` }), ephemeral: true }) };
    }
    const values = { ...draft, ...answersOf(definition, submission.values) };
    const submittedIds = page === "all" ? definition.pages.flat().map((f) => f.id) : definition.pages[page]!.map((f) => f.id);
    const checked = page === "all" || page === lastPage
      ? wholeSchemaOf(ctx, definition)
      : definition.schema.pick(Object.fromEntries(submittedIds.map((id) => [id, true])) as never);
    const parsed = checked.safeParse(values, { reportInput: true });

    if (!parsed.success) {
      const errors = describeIssues(parsed.error, ctx, fieldNaming(ctx, definition));
      ctx.log.info({ fields: Object.keys(errors) }, "form refused");
      // Keep what was typed so that "fix my answers" reopens the form as the member left it.
      if (page !== "all") await ctx.store.formDrafts.save(ctx.member.id, definition.id, asDraft(values), ctx.now());
      const firstBadPage = page === "all" ? 0 : definition.pages.findIndex((fields) => fields.some((f) => f.id in errors));
      return {
        errors,
        outcome: replyOutcome({
          text: ctx.t(definition.invalidMessage, { problems: Object.values(errors).map((e) => `• ${e}`).join("\n") }),
          ephemeral: true,
          ...(page === "all" ? {} : {
            buttons: [{ actionId: FORM_PAGE.id(definition.id, String(Math.max(firstBadPage, 0))), label: ctx.t("form.button.fix"), style: "primary" as const }],
          }),
        }),
      };
    }

    if (page !== "all" && page < lastPage) {
      await ctx.store.formDrafts.save(ctx.member.id, definition.id, asDraft(values), ctx.now());
      return {
        outcome: replyOutcome({
          text: ctx.t("form.pageSaved", { page: page + 1, pages: definition.pages.length }),
          ephemeral: true,
          buttons: [{ actionId: FORM_PAGE.id(definition.id, String(page + 1)), label: ctx.t("form.button.continue"), style: "primary" }],
        }),
      };
    }
    const outcome = await definition.submit(ctx, parsed.data as never);
    await ctx.store.formDrafts.remove(ctx.member.id, definition.id);
    return { outcome };
  }

  /**
   * Only checks a whole form's answers, for platforms that must refuse them in their first answer
   * (Slack's view_submission); submit then saves them.
   */
  async function check(ctx: CommandContext, submission: Omit<FormSubmission, "page">): Promise<FieldErrors | undefined> {
    if (!forms.has(submission.formId)) return undefined;
    const definition = await permitted(ctx, submission.formId);
    const parsed = wholeSchemaOf(ctx, definition).safeParse(answersOf(definition, submission.values), { reportInput: true });
    return parsed.success ? undefined : describeIssues(parsed.error, ctx, fieldNaming(ctx, definition));
  }

  /**
   * Checks a whole form's answers with its fields' own rules alone, which need neither the member
   * nor the community (no database): a platform that must refuse them in its first answer can
   * answer at once. Nothing for a form whose whole-form rules need its context (`wholeSchema`:
   * rules across fields, dates read in the community's zone): `check` decides those.
   */
  function checkFields(formId: string, values: DraftValues, reader: { t: Translate; locale: Locale }): { errors: FieldErrors | undefined } | undefined {
    const entry = forms.get(formId);
    if (!entry) return { errors: undefined };
    if (entry.form.wholeSchema) return undefined;
    const parsed = entry.form.schema.safeParse(answersOf(entry.form, values), { reportInput: true });
    return { errors: parsed.success ? undefined : describeIssues(parsed.error, reader, fieldNaming(reader, entry.form)) };
  }

  return { open, submit, check, checkFields };
}
