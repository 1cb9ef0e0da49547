import { z } from "zod";
import type { Logger } from "../logger.js";
import type { Locale, Localized, MessageKey, Translate } from "../i18n/index.js";
import type { CommunityRecord, MemberRecord, Platform } from "../store/records.js";
import type { DraftValues, Store } from "../store/repositories.js";
import type { JobQueue } from "./pairing/rounds.js";
import type { PlatformPort } from "./port.js";
import type { Outcome } from "./reply.js";

// The shape of a command as data: commands/ holds one definition per command, and every
// platform (Discord slash commands, Slack slash commands, the console) is generated from it.

/** Who is acting, as the adapter saw them. */
export interface Actor {
  platform: Platform;
  community: { externalId: string; name: string };
  userId: string;
  displayName: string;
  /** The platform's locale for this member ("ja", "en-US"), when it tells. */
  locale?: string | undefined;
  /** Holds the organizer right on this platform (Discord Manage Server, Slack admin, console organizer). */
  isOrganizer: boolean;
  /**
   * Whether the member belongs to a Discord role or Slack user group: asked only when the
   * community names one as its organizers.
   */
  inGroup?: ((groupId: string) => Promise<boolean>) | undefined;
  /** Where the member acted, when that was a channel. */
  channelId?: string | undefined;
}

export interface CommandContext {
  actor: Actor;
  community: CommunityRecord;
  member: MemberRecord;
  locale: Locale;
  t: Translate;
  store: Store;
  port: PlatformPort;
  log: Logger;
  now(): Date;
  /** The durable scheduler, for work that happens later (rounds, reminders). */
  jobs: JobQueue;
  commands: readonly CommandDefinition[];
  /** Shows a form (prefilled with the member's current answers) as the answer to this invocation. */
  openForm(formId: string, page?: number): Promise<Outcome>;
}

/** The zone a time is written in where a platform cannot show each reader's own: the member's, else the community's. */
export const zoneOf = (ctx: Pick<CommandContext, "member" | "community">): string => ctx.member.timeZone ?? ctx.community.timeZone;

export type Permission = "member" | "organizer";

export type OptionKind = "string" | "integer" | "user" | "channel" | "group";

export interface OptionSpec<S extends z.ZodType = z.ZodType> {
  kind: OptionKind;
  description: MessageKey;
  required: boolean;
  choices?: readonly { value: string; label: Localized }[];
  /** Bounds of an integer option. */
  min?: number;
  max?: number;
  /** Where a command is typed as text (Slack, the console), this option takes every remaining word: `/offers code review`. */
  rest?: boolean;
  /** Parses the raw value the platform gave (undefined when the member left it out). */
  schema: S;
}

export type OptionSpecs = Record<string, OptionSpec>;
export type InputOf<O extends OptionSpecs> = { [K in keyof O]: z.output<O[K]["schema"]> };

const maybe = (schema: z.ZodType, required: boolean): z.ZodType => (required ? schema : schema.optional());

/** An option whose answer is a platform id (a member, a channel, a role or user group). */
function idOption(kind: "user" | "channel" | "group") {
  return <R extends boolean = false>(spec: { description: MessageKey; required?: R }):
    OptionSpec<z.ZodType<R extends true ? string : string | undefined>> => ({
    kind, description: spec.description, required: spec.required ?? false,
    schema: maybe(z.string().min(1), spec.required ?? false) as never,
  });
}

/** Option builders: the kind tells the platforms how to ask, the schema how to read the answer. */
export const option = {
  string<R extends boolean = false>(spec: {
    description: MessageKey;
    required?: R;
    maxLength?: number;
    choices?: readonly { value: string; label: Localized }[];
    rest?: boolean;
  }): OptionSpec<z.ZodType<R extends true ? string : string | undefined>> {
    const base = spec.choices
      ? z.enum(spec.choices.map((c) => c.value) as [string, ...string[]])
      : z.string().trim().min(1).max(spec.maxLength ?? 200);
    return { kind: "string", description: spec.description, required: spec.required ?? false,
      ...(spec.choices ? { choices: spec.choices } : {}), ...(spec.rest ? { rest: true } : {}),
      schema: maybe(base, spec.required ?? false) as never };
  },
  user: idOption("user"),
  channel: idOption("channel"),
  /** A Discord role or a Slack user group. */
  group: idOption("group"),
  integer<R extends boolean = false>(spec: { description: MessageKey; required?: R; min: number; max: number }):
    OptionSpec<z.ZodType<R extends true ? number : number | undefined>> {
    // Text platforms hand over "3"; Discord hands over 3.
    const base = z.coerce.number().int().min(spec.min).max(spec.max);
    return { kind: "integer", description: spec.description, required: spec.required ?? false, min: spec.min, max: spec.max,
      schema: maybe(base, spec.required ?? false) as never };
  },
  /** A string option with a schema of its own (time zones, durations …). */
  custom<S extends z.ZodType>(spec: { description: MessageKey; required: boolean; schema: S }): OptionSpec<S> {
    return { kind: "string", ...spec };
  },
};

export interface CommandHandler<O extends OptionSpecs = OptionSpecs> {
  description: MessageKey;
  permission: Permission;
  options: O;
  run(ctx: CommandContext, input: InputOf<O>): Promise<Outcome>;
}

export function handler<O extends OptionSpecs>(definition: CommandHandler<O>): CommandHandler {
  return definition as unknown as CommandHandler;
}

export type FieldKind = "text" | "paragraph" | "select" | "multiselect";

export interface FieldDefinition {
  id: string;
  label: MessageKey;
  kind: FieldKind;
  required: boolean;
  maxLength?: number;
  placeholder?: MessageKey;
  choices?: readonly { value: string; label: MessageKey }[];
}

export interface FormDefinition<S extends z.ZodObject = z.ZodObject, V = z.output<S>> {
  id: string;
  title: MessageKey;
  /** Title of one page of several, with {page} and {pages}. */
  pageTitle: MessageKey;
  /** Shown with the problems where a platform cannot mark fields inline: {problems}. */
  invalidMessage: MessageKey;
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

/** A button. Its action id is `id` or `id:argument`. */
export interface ActionDefinition {
  id: string;
  run(ctx: CommandContext, argument: string | undefined): Promise<Outcome>;
}

interface CommandBase {
  name: string;
  description: MessageKey;
  /** Descriptions of subcommand groups ("pairing" of "pairing settings"), which Discord lists. */
  groups?: Record<string, MessageKey>;
  forms?: readonly FormDefinition[];
  actions?: readonly ActionDefinition[];
}

/**
 * A command runs one handler, or has subcommands: "setup", or "pairing settings" for a
 * subcommand in a group (Discord's subcommand groups; typed as two words elsewhere).
 */
export type CommandDefinition = CommandBase &
  ({ handler: CommandHandler; subcommands?: never } | { subcommands: Record<string, CommandHandler>; handler?: never });

/** The handlers of a command with the name a member types for each ("intro", "musubi setup"). */
export function handlersOf(command: CommandDefinition): { path: string; subcommand?: string; handler: CommandHandler }[] {
  if (command.handler) return [{ path: command.name, handler: command.handler }];
  return Object.entries(command.subcommands).map(([subcommand, handler]) => ({
    path: `${command.name} ${subcommand}`,
    subcommand,
    handler,
  }));
}

/** Action ids of the form pages: `form:<formId>:<page>` opens that page (Discord's "Continue"). */
export const FORM_ACTION_PREFIX = "form";
