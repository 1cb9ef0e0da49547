import type { FormView, Reply } from "../../app/reply.js";
import type { Card, Message, ReplyFile } from "../../port/message.js";

// Plain-text rendering of replies for the console, stable enough to diff as a transcript.

function renderCard(card: Card): string[] {
  const lines = [`  ┃ ${card.title}`];
  if (card.description) lines.push(...card.description.split("\n").map((l) => `  ┃ ${l}`));
  for (const field of card.fields) lines.push(`  ┃ ${field.name}: ${field.value.replace(/\n/g, "\n  ┃   ")}`);
  if (card.footer) lines.push(`  ┃ — ${card.footer}`);
  return lines;
}

export function renderMessage(message: Message): string[] {
  const text = message.text.replace(/\*\*(.+?)\*\*/g, "$1");
  const lines = text ? text.split("\n").map((l) => `  ${l}`) : [];
  for (const card of message.cards ?? []) lines.push(...renderCard(card));
  if (message.buttons?.length) {
    lines.push(`  ${message.buttons.map((b) => `[${b.label}] (:press ${b.actionId})`).join("  ")}`);
  }
  return lines;
}

/** A text file (a calendar) is shown on the console as it is; any other is written to the data folder. */
export const shownInline = (file: ReplyFile): file is ReplyFile & { content: string } =>
  typeof file.content === "string" && file.contentType.startsWith("text/");

/** A file handed over on the console: its text, or the path the adapter wrote it to (`savedAt`). */
function renderFile(file: ReplyFile, savedAt: string | undefined): string[] {
  if (!shownInline(file)) return [`  📎 ${file.name} (${file.contentType}) → ${savedAt ?? "(not saved)"}`];
  const lines = file.content.split(/\r?\n/);
  if (lines.at(-1) === "") lines.pop();
  return [`  📎 ${file.name} (${file.contentType})`, ...lines.map((l) => `  ┆ ${l}`)];
}

export function renderReply(reply: Reply, savedAt: (file: ReplyFile) => string | undefined = () => undefined): string[] {
  return [reply.ephemeral ? "(only you)" : "(in channel)", ...renderMessage(reply), ...(reply.files ?? []).flatMap((f) => renderFile(f, savedAt(f)))];
}

export function renderForm(form: FormView): string[] {
  const lines = [`(form) ${form.title} — answer as key=value arguments:`];
  for (const field of form.pages.flat()) {
    const choices = field.choices ? ` {${field.choices.map((c) => `${c.value}=${c.label}`).join(", ")}}` : "";
    const current = field.value === undefined ? "" : ` (now: ${[field.value].flat().join(", ")})`;
    lines.push(`  ${field.id}${field.required ? "*" : ""}: ${field.label}${choices}${current}`);
  }
  return lines;
}

/**
 * Wraps the console's output so that every button printed is remembered by its label, with who
 * saw it: a member can then press a button by what it says, and gets the one shown to them most
 * recently (in a channel, a private space they are in, a direct message to them, or a reply only
 * they saw), else the most recent one of that label.
 */
export function rememberingButtons(print: (line: string) => void) {
  type Audience = { everyone: true } | { members: Set<string> };
  const shown: { label: string; actionId: string; audience: Audience }[] = [];
  const spaces = new Map<string, Set<string>>();
  let speaker = "";
  let audience: Audience = { everyone: true };
  const sees = (a: Audience, member: string) => "everyone" in a || a.members.has(member);
  return {
    print(line: string) {
      const opened = /^\[#(\S+) opened for ([^:]+):/.exec(line);
      if (opened) spaces.set(opened[1]!, new Set(opened[2]!.split(", ").map((m) => m.replace(/^@/, ""))));
      const header = /^\[(?:#(\S+)|DM to @(\S+))\] \(/.exec(line);
      if (header) audience = header[1] ? (spaces.has(header[1]) ? { members: spaces.get(header[1])! } : { everyone: true }) : { members: new Set([header[2]!]) };
      if (line === "(only you)") audience = { members: new Set([speaker]) };
      if (line === "(in channel)") audience = { everyone: true };
      for (const match of line.matchAll(/\[([^\]]+)\] \(:press ([^)\s]+)\)/g)) shown.push({ label: match[1]!, actionId: match[2]!, audience });
      print(line);
    },
    /** Who acts next: a reply "only you" see is theirs. */
    speaking(member: string) {
      speaker = member;
    },
    buttonAction(label: string, member: string): string | undefined {
      const withLabel = shown.filter((b) => b.label === label);
      return (withLabel.findLast((b) => sees(b.audience, member)) ?? withLabel.at(-1))?.actionId;
    },
  };
}
