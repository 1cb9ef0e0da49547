import { z } from "zod";
import { memberText } from "../core/text.js";
import type { Localized, PlainMessageKey } from "../i18n/index.js";
import type { ActionDefinition } from "./actions.js";
import type { CommandContext, Permission } from "./context.js";
import type { FormDefinition } from "./forms.js";
import type { Outcome } from "./reply.js";

// The shape of a command as data: commands/ holds one definition per command, and every
// platform (Discord slash commands, Slack slash commands, the console) is generated from it.

export type OptionKind = "string" | "integer" | "user" | "channel" | "group";

export interface OptionSpec<S extends z.ZodType = z.ZodType> {
  kind: OptionKind;
  /**
   * What the option is called in the member's language ("週数" for weeks): messages about the
   * option (a refusal, /help) name it by this, never by its id.
   */
  label: PlainMessageKey;
  description: PlainMessageKey;
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
  return <R extends boolean = false>(spec: { label: PlainMessageKey; description: PlainMessageKey; required?: R }):
    OptionSpec<z.ZodType<R extends true ? string : string | undefined>> => ({
    kind, label: spec.label, description: spec.description, required: spec.required ?? false,
    schema: maybe(z.string().min(1), spec.required ?? false) as never,
  });
}

/** Option builders: the kind tells the platforms how to ask, the schema how to read the answer. */
export const option = {
  string<R extends boolean = false>(spec: {
    label: PlainMessageKey;
    description: PlainMessageKey;
    required?: R;
    maxLength?: number;
    choices?: readonly { value: string; label: Localized }[];
    rest?: boolean;
  }): OptionSpec<z.ZodType<R extends true ? string : string | undefined>> {
    const base = spec.choices
      ? z.enum(spec.choices.map((c) => c.value) as [string, ...string[]])
      : memberText().min(1).max(spec.maxLength ?? 200);
    return { kind: "string", label: spec.label, description: spec.description, required: spec.required ?? false,
      ...(spec.choices ? { choices: spec.choices } : {}), ...(spec.rest ? { rest: true } : {}),
      schema: maybe(base, spec.required ?? false) as never };
  },
  user: idOption("user"),
  channel: idOption("channel"),
  /** A Discord role or a Slack user group. */
  group: idOption("group"),
  integer<R extends boolean = false>(spec: { label: PlainMessageKey; description: PlainMessageKey; required?: R; min: number; max: number }):
    OptionSpec<z.ZodType<R extends true ? number : number | undefined>> {
    // Text platforms hand over "3"; Discord hands over 3.
    const base = z.coerce.number().int().min(spec.min).max(spec.max);
    return { kind: "integer", label: spec.label, description: spec.description, required: spec.required ?? false, min: spec.min, max: spec.max,
      schema: maybe(base, spec.required ?? false) as never };
  },
  /** A string option with a schema of its own (time zones, durations …). */
  custom<S extends z.ZodType>(spec: { label: PlainMessageKey; description: PlainMessageKey; required: boolean; schema: S }): OptionSpec<S> {
    return { kind: "string", ...spec };
  },
};

export interface CommandHandler<O extends OptionSpecs = OptionSpecs> {
  description: PlainMessageKey;
  permission: Permission;
  options: O;
  /**
   * Its work can take seconds (a community's figures and pictures): platforms that must answer
   * within a limit acknowledge it at once instead of waiting to see (Discord defers first).
   */
  slow?: boolean;
  run(ctx: CommandContext, input: InputOf<O>): Promise<Outcome>;
}

export function handler<O extends OptionSpecs>(definition: CommandHandler<O>): CommandHandler {
  return definition as unknown as CommandHandler;
}

interface CommandBase {
  name: string;
  description: PlainMessageKey;
  /** Descriptions of subcommand groups ("pairing" of "pairing settings"), which Discord lists. */
  groups?: Record<string, PlainMessageKey>;
  forms?: readonly FormDefinition[];
  /** The buttons this command's messages carry, each bound to its use case. */
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

