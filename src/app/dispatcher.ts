import { randomUUID } from "node:crypto";
import { z } from "zod";
import { resolveLocale, translator, type Locale } from "../i18n/index.js";
import type { Logger } from "../logger.js";
import type { DraftValues, Store } from "../store/repositories.js";
import {
  FORM_ACTION_PREFIX,
  handlersOf,
  type ActionDefinition,
  type Actor,
  type CommandContext,
  type CommandDefinition,
  type CommandHandler,
  type FieldDefinition,
  type FormDefinition,
} from "./command.js";
import { UserError } from "./errors.js";
import { welcomeMember } from "./intro/welcome.js";
import type { JobQueue } from "./pairing/rounds.js";
import type { PlatformPort } from "./port.js";
import { replyOutcome, type FormFieldView, type FormView, type Outcome, type Reply } from "./reply.js";
import { describeIssues, type FieldErrors } from "./validation.js";

// One runtime for every platform: it resolves who is acting, parses input with zod, checks the
// permission, runs the use case and turns failures into localized replies.

/** Form answers kept between pages are forgotten after a day. */
const DRAFT_LIFETIME_MS = 24 * 60 * 60 * 1000;

export interface CommandCall {
  name: string;
  subcommand?: string | undefined;
  /** Raw option values as the platform gave them: strings, numbers, user and channel ids. */
  options: Record<string, unknown>;
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

export interface NewMember {
  platform: Actor["platform"];
  community: Actor["community"];
  userId: string;
  displayName: string;
  locale?: string | undefined;
}

export interface MusubiOptions {
  store: Store;
  commands: readonly CommandDefinition[];
  log: Logger;
  defaults: { locale: Locale; timeZone: string };
  jobs: JobQueue;
  now?: () => Date;
}

export type Musubi = ReturnType<typeof createMusubi>;

/** A single-choice field's answer as one value: some platforms (Discord) send every select's choice as a list. */
function singleChoices(definition: FormDefinition, values: DraftValues): DraftValues {
  const single = new Set(definition.pages.flat().filter((f) => f.kind === "select").map((f) => f.id));
  return Object.fromEntries(Object.entries(values).map(([id, value]) =>
    [id, single.has(id) && Array.isArray(value) ? value[0] ?? "" : value]));
}

export function createMusubi(options: MusubiOptions) {
  const { store, commands, log: rootLog, defaults, jobs } = options;
  const now = options.now ?? (() => new Date());
  const forms = new Map<string, FormDefinition>();
  const actions = new Map<string, ActionDefinition>();
  for (const command of commands) {
    for (const definition of command.forms ?? []) forms.set(definition.id, definition);
    for (const action of command.actions ?? []) actions.set(action.id, action);
  }

  async function contextFor(port: PlatformPort, actor: Actor, what: string): Promise<CommandContext> {
    const community = await store.communities.ensure(actor.platform, actor.community.externalId, {
      name: actor.community.name,
      locale: defaults.locale,
      timeZone: defaults.timeZone,
    });
    const member = await store.members.ensure(community.id, {
      platformUserId: actor.userId,
      displayName: actor.displayName,
      locale: actor.locale,
    });
    const locale = resolveLocale(actor.locale ?? member.locale, community.locale);
    const log = rootLog.child({
      community: community.id,
      platform: actor.platform,
      command: what,
      invocation: randomUUID().slice(0, 8),
    });
    const ctx: CommandContext = {
      actor, community, member, locale, t: translator(locale), store, port, log, now, jobs, commands,
      openForm: (formId, page = 0) => openForm(ctx, formId, page),
    };
    return ctx;
  }

  /** Runs `work`, turning a member's mistake into their message and a bug into a logged apology. */
  async function guarded<T>(
    port: PlatformPort,
    actor: Actor,
    what: string,
    work: (ctx: CommandContext) => Promise<T>,
    onFailure: (reply: Reply) => T,
  ): Promise<T> {
    let ctx: CommandContext | undefined;
    try {
      ctx = await contextFor(port, actor, what);
      ctx.log.info("invoked");
      const result = await work(ctx);
      ctx.log.info("done");
      return result;
    } catch (error) {
      const t = ctx?.t ?? translator(resolveLocale(actor.locale, defaults.locale));
      if (error instanceof UserError) {
        ctx?.log.info({ reason: error.messageKey }, "refused");
        return onFailure({ text: t(error.messageKey, error.params), ephemeral: true });
      }
      const ref = randomUUID().slice(0, 8);
      (ctx?.log ?? rootLog).error({ err: error, ref, command: what }, "failed");
      return onFailure({ text: t("common.apology", { ref }), ephemeral: true });
    }
  }

  const asOutcome = (reply: Reply): Outcome => replyOutcome(reply);

  function findHandler(call: CommandCall): { handler: CommandHandler; path: string } {
    const command = commands.find((c) => c.name === call.name);
    if (!command) throw new UserError("common.unknownCommand", { command: `/${call.name}` });
    const match = handlersOf(command).find((h) => h.subcommand === call.subcommand);
    if (!match) {
      throw new UserError("common.unknownCommand", { command: `/${[call.name, call.subcommand].filter(Boolean).join(" ")}` });
    }
    return match;
  }

  async function requirePermission(ctx: CommandContext, permission: CommandHandler["permission"], what: string) {
    if (permission !== "organizer" || ctx.actor.isOrganizer) return;
    const groupId = ctx.community.organizerGroupId;
    if (!groupId || !(await ctx.actor.inGroup?.(groupId))) {
      throw new UserError("common.notOrganizer", { command: `/${what}` });
    }
  }

  function parseOptions(ctx: CommandContext, handler: CommandHandler, raw: Record<string, unknown>) {
    const schema = z.object(Object.fromEntries(Object.entries(handler.options).map(([name, spec]) => [name, spec.schema])));
    const parsed = schema.safeParse(raw, { reportInput: true });
    if (parsed.success) return parsed.data;
    const problems = describeIssues(parsed.error, ctx.t, {
      label: (name) => name,
      choices: (name) => handler.options[name]?.choices?.map((c) => c.value),
    });
    throw new UserError("common.invalidOptions", { problems: Object.values(problems).join(" ") });
  }

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

  async function openForm(ctx: CommandContext, formId: string, page: number): Promise<Outcome> {
    const definition = forms.get(formId);
    if (!definition || page < 0 || page >= definition.pages.length) throw new UserError("common.unknownAction");
    const initial = await definition.initialValues(ctx);
    const draft = await ctx.store.formDrafts.find(ctx.community.id, ctx.member.id, formId, new Date(now().getTime() - DRAFT_LIFETIME_MS));
    return { type: "form", form: formView(ctx, definition, { ...initial, ...draft }, page) };
  }

  function fieldNaming(ctx: CommandContext, definition: FormDefinition) {
    const fields = new Map(definition.pages.flat().map((f) => [f.id, f]));
    return {
      label: (id: string) => (fields.get(id) ? ctx.t(fields.get(id)!.label) : id),
      choices: (id: string) => fields.get(id)?.choices?.map((c) => ctx.t(c.label)),
    };
  }

  const wholeSchemaOf = (ctx: CommandContext, definition: FormDefinition): z.ZodType =>
    definition.wholeSchema?.(ctx) ?? definition.schema;

  async function submitForm(ctx: CommandContext, submission: FormSubmission): Promise<FormResult> {
    const definition = forms.get(submission.formId);
    if (!definition) throw new UserError("common.unknownAction");
    const { page } = submission;
    const lastPage = definition.pages.length - 1;
    const notBefore = new Date(now().getTime() - DRAFT_LIFETIME_MS);
    const draft = page === "all" || page === 0
      ? {}
      : await ctx.store.formDrafts.find(ctx.community.id, ctx.member.id, definition.id, notBefore);
    if (draft === null) {
      return { outcome: asOutcome({ text: ctx.t("intro.formExpired"), ephemeral: true }) };
    }
    const values = { ...draft, ...singleChoices(definition, submission.values) };
    const submittedIds = page === "all" ? definition.pages.flat().map((f) => f.id) : (definition.pages[page] ?? []).map((f) => f.id);
    const checked = page === "all" || page === lastPage
      ? wholeSchemaOf(ctx, definition)
      : definition.schema.pick(Object.fromEntries(submittedIds.map((id) => [id, true])) as never);
    const parsed = checked.safeParse(values, { reportInput: true });

    if (!parsed.success) {
      const errors = describeIssues(parsed.error, ctx.t, fieldNaming(ctx, definition));
      ctx.log.info({ fields: Object.keys(errors) }, "form refused");
      // Keep what was typed so that "fix my answers" reopens the form as the member left it.
      if (page !== "all") await ctx.store.formDrafts.save(ctx.community.id, ctx.member.id, definition.id, values, now());
      const firstBadPage = page === "all" ? 0 : definition.pages.findIndex((fields) => fields.some((f) => f.id in errors));
      return {
        errors,
        outcome: asOutcome({
          text: ctx.t(definition.invalidMessage, { problems: Object.values(errors).map((e) => `• ${e}`).join("\n") }),
          ephemeral: true,
          ...(page === "all" ? {} : {
            buttons: [{ actionId: `${FORM_ACTION_PREFIX}:${definition.id}:${Math.max(firstBadPage, 0)}`, label: ctx.t("intro.button.fix"), style: "primary" as const }],
          }),
        }),
      };
    }

    if (page !== "all" && page < lastPage) {
      await ctx.store.formDrafts.save(ctx.community.id, ctx.member.id, definition.id, values, now());
      return {
        outcome: asOutcome({
          text: ctx.t("intro.pageSaved", { page: page + 1, pages: definition.pages.length }),
          ephemeral: true,
          buttons: [{ actionId: `${FORM_ACTION_PREFIX}:${definition.id}:${page + 1}`, label: ctx.t("intro.button.continue"), style: "primary" }],
        }),
      };
    }
    const outcome = await definition.submit(ctx, parsed.data as never);
    await ctx.store.formDrafts.remove(ctx.community.id, ctx.member.id, definition.id);
    return { outcome };
  }

  return {
    commands,

    /** A slash command (or its console line). */
    command(port: PlatformPort, actor: Actor, call: CommandCall): Promise<Outcome> {
      const what = [call.name, call.subcommand].filter(Boolean).join(" ");
      return guarded(port, actor, what, async (ctx) => {
        const { handler, path } = findHandler(call);
        await requirePermission(ctx, handler.permission, path);
        return handler.run(ctx, parseOptions(ctx, handler, call.options) as never);
      }, asOutcome);
    },

    /** A button press. */
    action(port: PlatformPort, actor: Actor, actionId: string): Promise<Outcome> {
      return guarded(port, actor, `action ${actionId}`, async (ctx) => {
        const [id = "", ...rest] = actionId.split(":");
        if (id === FORM_ACTION_PREFIX) {
          const [formId = "", page = ""] = rest;
          return openForm(ctx, formId, Number.parseInt(page, 10));
        }
        const action = actions.get(id);
        if (!action) throw new UserError("common.unknownAction");
        return action.run(ctx, rest.length > 0 ? rest.join(":") : undefined);
      }, asOutcome);
    },

    /** A form's answers: validated first, so platforms can refuse them before anything changes. */
    submitForm(port: PlatformPort, actor: Actor, submission: FormSubmission): Promise<FormResult> {
      return guarded(port, actor, `form ${submission.formId}`, (ctx) => submitForm(ctx, submission),
        (reply) => ({ outcome: asOutcome(reply) }));
    },

    /**
     * Only checks a whole form's answers, for platforms that must refuse them in their first
     * answer (Slack's view_submission); submitForm then saves them.
     */
    checkForm(port: PlatformPort, actor: Actor, submission: Omit<FormSubmission, "page">): Promise<FieldErrors | undefined> {
      return guarded(port, actor, `form ${submission.formId} check`, async (ctx) => {
        const definition = forms.get(submission.formId);
        if (!definition) return undefined;
        const parsed = wholeSchemaOf(ctx, definition).safeParse(singleChoices(definition, submission.values), { reportInput: true });
        return parsed.success ? undefined : describeIssues(parsed.error, ctx.t, fieldNaming(ctx, definition));
      }, () => undefined);
    },

    /** A new member joined the guild or workspace: they are welcomed and invited to introduce themselves. */
    memberJoined(port: PlatformPort, joined: NewMember): Promise<void> {
      const actor: Actor = { ...joined, isOrganizer: false };
      return guarded(port, actor, "member joined", welcomeMember, () => undefined);
    },
  };
}
