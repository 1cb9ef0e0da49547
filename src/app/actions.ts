import type { CommandContext, Permission } from "./context.js";
import type { Outcome } from "./reply.js";

// The action protocol: a button carries an action id, its kind's name followed by its arguments,
// colon-separated ("offer:respond:<postId>", "match:followup:<groupId>:<answer>"). Ids are built
// and read here only; a feature declares its kinds and a command binds each to its use case. The
// community a button carries in front of its id is added and read in action-community.ts.

export interface ActionKind<P extends readonly string[] = readonly string[]> {
  /** "offer:respond": one or two words, never an argument. */
  readonly name: string;
  /** The arguments' names, in the order the id carries them. */
  readonly params: P;
  /** The action id of one button: the name and these arguments. */
  id(...values: { [I in keyof P]: string }): string;
}

export type ActionArgs<P extends readonly string[]> = Record<P[number], string>;

export function actionKind<const P extends readonly string[]>(name: string, params: P): ActionKind<P> {
  return {
    name,
    params,
    id: (...values) => [name, ...(values as readonly string[])].join(":"),
  };
}

/** A pressed button's use case. */
export interface ActionDefinition {
  kind: ActionKind;
  permission: Permission;
  run(ctx: CommandContext, args: Record<string, string>): Promise<Outcome>;
}

/** Binds an action kind to the use case its button runs (members may press it unless told otherwise). */
export function onAction<const P extends readonly string[]>(
  kind: ActionKind<P>,
  run: (ctx: CommandContext, args: ActionArgs<P>) => Promise<Outcome>,
  permission: Permission = "member",
): ActionDefinition {
  return { kind, permission, run: run as ActionDefinition["run"] };
}

/** Every bound action by its kind's name; two bindings of one name are refused at start-up. */
export function actionRegistry(definitions: Iterable<ActionDefinition>): Map<string, ActionDefinition> {
  const registry = new Map<string, ActionDefinition>();
  for (const definition of definitions) {
    if (registry.has(definition.kind.name)) throw new Error(`two actions are registered as "${definition.kind.name}"`);
    registry.set(definition.kind.name, definition);
  }
  return registry;
}

/** The bound action an id names and its arguments; nothing for an id of no known kind or the wrong arguments. */
export function readActionId<T extends { kind: ActionKind }>(
  actionId: string,
  registry: ReadonlyMap<string, T>,
): { action: T; args: Record<string, string> } | undefined {
  const parts = actionId.split(":");
  // A kind's name has one or two words: the longer one that is registered wins.
  for (const words of [2, 1]) {
    const action = registry.get(parts.slice(0, words).join(":"));
    if (!action) continue;
    const values = parts.slice(words);
    if (values.length !== action.kind.params.length || values.some((v) => v === "")) return undefined;
    return { action, args: Object.fromEntries(action.kind.params.map((name, i) => [name, values[i]!])) };
  }
  return undefined;
}

