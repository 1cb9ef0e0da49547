import type { CommandContext, Permission } from "./context.js";
import { UserError } from "./errors.js";

type Asker = Pick<CommandContext, "actor" | "community">;

/**
 * Whether a member holds a right: organizers hold it by the platform (Discord Manage Server,
 * Slack admin) or by the community's organizer role or user group.
 */
export async function holdsPermission(ctx: Asker, permission: Permission): Promise<boolean> {
  if (permission !== "organizer" || ctx.actor.isOrganizer) return true;
  const groupId = ctx.community.organizerGroupId;
  return Boolean(groupId && (await ctx.actor.inGroup?.(groupId)));
}

/** Refuses a member without the right; `command` names what they tried. */
export async function requirePermission(ctx: Asker, permission: Permission, command: string): Promise<void> {
  if (!(await holdsPermission(ctx, permission))) throw new UserError("common.notOrganizer", { command: `/${command}` });
}
