import { randomUUID } from "node:crypto";
import { z } from "zod";
import { joinSentences, resolveLocale, translator, type Locale } from "../i18n/index.js";
import type { JobQueue } from "../jobs/queue.js";
import type { Logger } from "../logger.js";
import type { HomeView } from "../port/message.js";
import type { MentionKind, PlatformPort } from "../port/port.js";
import type { Store } from "../store/repositories.js";
import { actionRegistry, readActionId } from "./actions.js";
import { handlersOf, type CommandDefinition, type CommandHandler, type OptionSpec } from "./command.js";
import { communityContext, type CommandSummary, type Actor, type CommandContext } from "./context.js";
import { UserError } from "./errors.js";
import { FORM_PAGE, createFormEngine, type FormResult, type FormSubmission } from "./forms.js";
import { memberHome } from "./home/member-home.js";
import { welcomeMember } from "./intro/welcome.js";
import { sessionInterest, type CalendarInterest } from "./rounds/event-interest.js";
import { requirePermission } from "./permissions.js";
import { replyOutcome, type Outcome, type Reply } from "./reply.js";
import { describeIssues, optionNaming, type FieldErrors } from "./validation.js";

// One runtime for every platform: it resolves who is acting and in which language, checks the
// permission, routes to the command's handler, the button's action or the form engine, and
// turns failures into localized replies.

export interface CommandCall {
  name: string;
  subcommand?: string | undefined;
  /** Raw option values as the platform gave them: strings, numbers, user and channel ids. */
  options: Record<string, unknown>;
}

export interface NewMember {
  platform: Actor["platform"];
  community: Actor["community"];
  userId: string;
  displayName: string;
  locale?: string | undefined;
  timeZone?: string | undefined;
}

export interface MusubiOptions {
  store: Store;
  commands: readonly CommandDefinition[];
  log: Logger;
  defaults: { locale: Locale; timeZone: string };
  jobs: JobQueue;
  now?: () => Date;
  /** Where the HTTP port is reached from outside (calendar feed URLs); none: feeds are off. */
  publicUrl?: string | undefined;
  /** Told of every command, button and form once its answer is ready (for metrics). */
  observe?(event: InteractionEvent): void;
}

/** `command` is a known command path, "action <kind>", "form <id>" or "unknown": never a raw id. */
export interface InteractionEvent {
  platform: Actor["platform"];
  command: string;
  outcome: "ok" | "refused" | "failed";
  seconds: number;
}

/**
 * A member, channel or group option: only a mention as the platform sends it names one (any
 * other text is refused, so nothing is stored for a member or channel that does not exist).
 */
const mentioned = (port: PlatformPort, kind: MentionKind, spec: OptionSpec) => {
  const read = z.unknown().transform((typed, zctx) => {
    if (typed === undefined || typed === "") return undefined;
    const id = port.readMention(kind, String(typed));
    if (id === undefined) zctx.addIssue({ code: "custom", message: `error.mention.${kind}`, input: typed });
    return id;
  }).pipe(spec.schema as z.ZodType<unknown, string | undefined>);
  return spec.required ? read : read.optional();
};

export type Musubi = ReturnType<typeof createMusubi>;

export function createMusubi(options: MusubiOptions) {
  const { store, commands, log: rootLog, defaults, jobs } = options;
  const now = options.now ?? (() => new Date());
  // A form is refused under the name of its command's handler with the same right ("round create").
  const forms = createFormEngine(commands.flatMap((command) => (command.forms ?? []).map((form) => ({
    form,
    command: handlersOf(command).find(({ handler }) => handler.permission === form.permission)?.path ?? command.name,
  }))));
  const formIds = new Set(commands.flatMap((command) => (command.forms ?? []).map((form) => form.id)));
  const actions = actionRegistry(commands.flatMap((command) => command.actions ?? []));
  const formPages = new Map([[FORM_PAGE.name, { kind: FORM_PAGE }]]);
  const commandList: CommandSummary[] = commands.flatMap((command) =>
    handlersOf(command).map(({ path, handler }) => ({
      command: command.name, path, description: handler.description, permission: handler.permission, options: handler.options,
    })));

  async function contextFor(port: PlatformPort, actor: Actor, what: string): Promise<CommandContext> {
    const community = await store.communities.ensure(actor.platform, actor.community.externalId, {
      name: actor.community.name,
      locale: defaults.locale,
      timeZone: defaults.timeZone,
    });
    const log = rootLog.child({
      community: community.id,
      platform: actor.platform,
      command: what,
      invocation: randomUUID().slice(0, 8),
    });
    const base = communityContext({ store, jobs, now }, community, port, log);
    const member = await base.store.members.ensure({
      platformUserId: actor.userId,
      displayName: actor.displayName,
      locale: actor.locale,
      timeZone: actor.timeZone,
    });
    // The member's own choice (/settings language), else the platform's locale just seen.
    const locale = resolveLocale(member.locale, community.locale);
    const ctx: CommandContext = {
      ...base, actor, member, locale, t: translator(locale), commandList, publicUrl: options.publicUrl,
      openForm: (formId, page = 0) => forms.open(ctx, formId, page),
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
    label?: string,
  ): Promise<T> {
    let ctx: CommandContext | undefined;
    const started = performance.now();
    const observed = (outcome: InteractionEvent["outcome"]) => {
      if (label) options.observe?.({ platform: actor.platform, command: label, outcome, seconds: (performance.now() - started) / 1000 });
    };
    try {
      // Checked before contextFor, which creates the community and the member on first sight.
      if (actor.community.botIsMember === false) throw new UserError("common.botNotInCommunity");
      ctx = await contextFor(port, actor, what);
      ctx.log.info("invoked");
      const result = await work(ctx);
      ctx.log.info("done");
      observed("ok");
      return result;
    } catch (error) {
      const t = ctx?.t ?? translator(resolveLocale(actor.locale, defaults.locale));
      if (error instanceof UserError) {
        (ctx?.log ?? rootLog).info({ reason: error.messageKey, command: what }, "refused");
        observed("refused");
        return onFailure({ text: error.text(t), ephemeral: true });
      }
      const ref = randomUUID().slice(0, 8);
      (ctx?.log ?? rootLog).error({ err: error, ref, command: what }, "failed");
      observed("failed");
      return onFailure({ text: t("common.apology", { ref }), ephemeral: true });
    }
  }

  /** The metrics name of a command call: its handler's path when there is one. */
  function commandLabel(call: CommandCall): string {
    const command = commands.find((c) => c.name === call.name);
    const match = command && handlersOf(command).find((h) => h.subcommand === call.subcommand);
    return match ? match.path : "unknown";
  }

  /** The metrics name of a button: its kind, without the arguments its id carries. */
  function actionLabel(actionId: string): string {
    if (readActionId(actionId, formPages)) return "action form";
    const pressed = readActionId(actionId, actions);
    return pressed ? `action ${pressed.action.kind.name}` : "unknown";
  }

  function findHandler(call: CommandCall): { handler: CommandHandler; path: string } {
    const command = commands.find((c) => c.name === call.name);
    if (!command) throw new UserError("common.unknownCommand", { command: `/${call.name}` });
    const handlers = handlersOf(command);
    const match = handlers.find((h) => h.subcommand === call.subcommand);
    if (match) return match;
    // "/musubi pairing stats" names the group typed and what it holds, not a command "/musubi pairing".
    const [group = "", ...rest] = (call.subcommand ?? "").split(" ");
    const inGroup = handlers.flatMap((h) => (h.subcommand?.startsWith(`${group} `) ? [h.subcommand.slice(group.length + 1)] : []));
    const [named, typed, listed] = inGroup.length > 0
      ? [`${command.name} ${group}`, rest.join(" "), inGroup]
      : [command.name, call.subcommand ?? "", handlers.map((h) => h.subcommand ?? "")];
    const params = { command: `/${named}`, subcommands: listed.join(", "), name: command.name };
    throw typed
      ? new UserError("common.unknownSubcommand", { ...params, subcommand: typed })
      : new UserError("common.missingSubcommand", params);
  }

  function parseOptions(ctx: CommandContext, handler: CommandHandler, raw: Record<string, unknown>) {
    const schema = z.object(Object.fromEntries(Object.entries(handler.options).map(([name, spec]) =>
      [name, spec.kind === "user" || spec.kind === "channel" || spec.kind === "group" ? mentioned(ctx.port, spec.kind, spec) : spec.schema])));
    const parsed = schema.safeParse(raw, { reportInput: true });
    if (parsed.success) return parsed.data;
    const problems = describeIssues(parsed.error, ctx, optionNaming(ctx, handler.options));
    throw new UserError("common.invalidOptions", { problems: joinSentences(ctx.locale, Object.values(problems)) });
  }

  return {
    commands,

    /**
     * Whether a platform request is seen for the first time by any process on this database (a
     * redelivered event, a replayed form): later deliveries within `keepForMs` are dropped.
     */
    firstDelivery(key: string, keepForMs: number): Promise<boolean> {
      const at = now();
      return store.receivedRequests.firstDelivery(key, at, new Date(at.getTime() + keepForMs));
    },

    /** Whether a command's handler is marked slow: its platform should acknowledge it before running it. */
    isSlow(call: Pick<CommandCall, "name" | "subcommand">): boolean {
      const command = commands.find((c) => c.name === call.name);
      return Boolean(command && handlersOf(command).find((h) => h.subcommand === call.subcommand)?.handler.slow);
    },

    /** A slash command (or its console line). */
    command(port: PlatformPort, actor: Actor, call: CommandCall): Promise<Outcome> {
      const what = [call.name, call.subcommand].filter(Boolean).join(" ");
      return guarded(port, actor, what, async (ctx) => {
        const { handler, path } = findHandler(call);
        await requirePermission(ctx, handler.permission, path);
        return handler.run(ctx, parseOptions(ctx, handler, call.options) as never);
      }, replyOutcome, commandLabel(call));
    },

    /** A button press: a form's page, or a command's action. */
    action(port: PlatformPort, actor: Actor, actionId: string): Promise<Outcome> {
      return guarded(port, actor, `action ${actionId}`, async (ctx) => {
        const page = readActionId(actionId, formPages);
        if (page) return forms.open(ctx, page.args.formId!, page.args.page!);
        const pressed = readActionId(actionId, actions);
        if (!pressed) throw new UserError("common.unknownAction");
        await requirePermission(ctx, pressed.action.permission, pressed.action.kind.name.split(":")[0]!);
        return pressed.action.run(ctx, pressed.args);
      }, replyOutcome, actionLabel(actionId));
    },

    /** A form's answers: validated first, so platforms can refuse them before anything changes. */
    submitForm(port: PlatformPort, actor: Actor, submission: FormSubmission): Promise<FormResult> {
      return guarded(port, actor, `form ${submission.formId}`, (ctx) => forms.submit(ctx, submission),
        (reply) => ({ outcome: replyOutcome(reply) }), formIds.has(submission.formId) ? `form ${submission.formId}` : "unknown");
    },

    /**
     * Only checks a whole form's answers, for platforms that must refuse them in their first
     * answer (Slack's view_submission, within 3 s); submitForm then saves them. A form checked by
     * its fields' own rules (the intro, an offer) is checked without the database, in the actor's
     * language (else the community's as this process last read it, else the default), so that
     * answer goes out at once however busy the database is; a form with rules that need the
     * community (the round form's dates, in its time zone) is checked with its context. A refusal
     * that is not about a field (no permission) is left to submitForm, which answers it.
     */
    async checkForm(port: PlatformPort, actor: Actor, submission: Omit<FormSubmission, "page">): Promise<FieldErrors | undefined> {
      const known = store.communities.cached(actor.platform, actor.community.externalId);
      const locale = resolveLocale(actor.locale, known?.locale ?? defaults.locale);
      const byFields = forms.checkFields(submission.formId, submission.values, { t: translator(locale), locale });
      if (byFields) return byFields.errors;
      return guarded(port, actor, `form ${submission.formId} check`, (ctx) => forms.check(ctx, submission), () => undefined);
    },

    /** The member's own page (Slack's App Home), as it is now; nothing when it could not be made (logged). */
    home(port: PlatformPort, actor: Actor): Promise<HomeView | undefined> {
      return guarded(port, actor, "home", memberHome, () => undefined);
    },

    /** A member marked a session's platform event "Interested", or took it back (Discord): they join or leave that session. */
    calendarInterest(port: PlatformPort, actor: Actor, interest: CalendarInterest): Promise<void> {
      return guarded(port, actor, "calendar interest", (ctx) => sessionInterest(ctx, interest), () => undefined);
    },

    /** A new member joined the guild or workspace: they are welcomed and invited to introduce themselves. */
    memberJoined(port: PlatformPort, joined: NewMember): Promise<void> {
      const actor: Actor = { ...joined, isOrganizer: false };
      return guarded(port, actor, "member joined", welcomeMember, () => undefined);
    },
  };
}
