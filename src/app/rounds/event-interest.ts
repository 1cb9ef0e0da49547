import type { CommandContext } from "../context.js";
import { UserError } from "../errors.js";
import { answerSession, answerText, answerableSession } from "./session-seats.js";
import { tellMember } from "./service.js";

// "Interested" on a session's platform event (a Discord scheduled event) answers for that
// session: interest is "I'm coming", taking it back is "not this time" (or leaving its waitlist).
// The platform shows no answer to a click on Interested, so the member hears by direct message
// what it did, and why when it could do nothing (no intro yet, the session full or over).

export interface CalendarInterest {
  /** The platform's event id, as stored with the session. */
  eventId: string;
  interested: boolean;
}

export async function sessionInterest(ctx: CommandContext, interest: CalendarInterest): Promise<void> {
  const session = await ctx.store.rounds.sessionOfCalendarEvent(interest.eventId);
  // An event the bot did not create for a session: nothing to map.
  if (!session) return;
  const { t, member } = ctx;
  try {
    if (interest.interested && !(await ctx.store.profiles.find(member.id))) throw new UserError("rounds.interest.noIntro");
    const { round } = await answerableSession(ctx, session.id);
    const answer = await answerSession(ctx, round, session, member, interest.interested ? "coming" : "absent");
    ctx.log.info({ session: session.id, interested: interest.interested, outcome: answer.outcome }, "event interest mapped");
    // Taking back interest in a session one was not in needs no word.
    if (answer.outcome === "notIn") return;
    const text = answerText(t, round, session, answer);
    await tellMember(ctx, member, { text: answer.outcome === "full" ? `${text}\n${t("rounds.interest.full")}` : text });
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    ctx.log.info({ session: session.id, reason: error.messageKey }, "event interest not mapped");
    await tellMember(ctx, member, { text: error.text(t) });
  }
}
