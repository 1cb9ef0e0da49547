import type { CommandContext, Permission } from "./context.js";
import { UserError } from "./errors.js";

/**
 * Refuses a member without the right: organizers hold it by the platform (Discord Manage Server,
 * Slack admin) or by the community's organizer role or user group. `command` names what they tried.
 */
export async function requirePermission(ctx: Pick<CommandContext, "actor" | "community">, permission: Permission, command: string): Promise<void> {
  if (permission !== "organizer" || ctx.actor.isOrganizer) return;
  const groupId = ctx.community.organizerGroupId;
  if (!groupId || !(await ctx.actor.inGroup?.(groupId))) {
    throw new UserError("common.notOrganizer", { command: `/${command}` });
  }
}
