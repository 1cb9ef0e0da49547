import type { CommandContext } from "../context.js";
import { privateReply, type Outcome } from "../reply.js";

// The community's rules for rounds: members with repeated no-shows join the waiting list first
// (off by default; 0 turns it off).

export async function setNoShowRule(ctx: CommandContext, limit: number): Promise<Outcome> {
  await ctx.store.studySessions.setNoShowLimit(limit === 0 ? null : limit);
  return privateReply(limit === 0 ? ctx.t("sessions.rules.off") : ctx.t("sessions.rules.on", { count: limit }));
}
