// The console's line syntax:  [@member] /command [subcommand] [positional …] [key=value …]
// and the directives  [@member] :press ACTION_ID [key=value …] (the answers of a form the button
// opens),  :join @member  and  :time ISO_DATE_TIME
// (moves the simulated clock and runs whatever jobs are due by then).
// Values may be quoted with "…" or '…'; @name names a member, #name a channel.

import { tokenize } from "../text-command.js";

export type ConsoleLine =
  | { type: "empty" }
  | { type: "command"; speaker?: string; name: string; args: string[] }
  | { type: "press"; speaker?: string; actionId: string; answers: Record<string, string> }
  | { type: "join"; member: string }
  | { type: "time"; at: Date }
  | { type: "invalid"; reason: string };

export function parseLine(line: string): ConsoleLine {
  const trimmed = line.trim();
  if (trimmed === "" || trimmed.startsWith("#")) return { type: "empty" };
  const tokens = tokenize(trimmed);
  let speaker: string | undefined;
  if (tokens[0]?.startsWith("@")) speaker = tokens.shift()!.slice(1);
  const head = tokens.shift();
  if (!head) return { type: "invalid", reason: "nothing after the member's name" };
  if (head === ":press") {
    const [actionId, ...rest] = tokens;
    const answers = Object.fromEntries(rest.flatMap((token) => {
      const eq = token.indexOf("=");
      return eq > 0 ? [[token.slice(0, eq), token.slice(eq + 1)]] : [];
    }));
    return actionId ? { type: "press", ...(speaker ? { speaker } : {}), actionId, answers } : { type: "invalid", reason: ":press needs an action id" };
  }
  if (head === ":time") {
    const at = new Date(tokens[0] ?? "");
    return Number.isNaN(at.getTime())
      ? { type: "invalid", reason: ":time needs an ISO date and time, e.g. :time 2026-11-30T09:00+09:00" }
      : { type: "time", at };
  }
  if (head === ":join") {
    const member = tokens[0]?.replace(/^@/, "");
    return member ? { type: "join", member } : { type: "invalid", reason: ":join needs a member, e.g. :join @ken" };
  }
  if (!head.startsWith("/") || head.length < 2) {
    return { type: "invalid", reason: `expected a /command, got “${head}”` };
  }
  return { type: "command", ...(speaker ? { speaker } : {}), name: head.slice(1), args: tokens };
}

