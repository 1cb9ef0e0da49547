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

/** A file handed over on the console: its name, then its text (a calendar file is short and readable). */
function renderFile(file: ReplyFile): string[] {
  const lines = file.content.split(/\r?\n/);
  if (lines.at(-1) === "") lines.pop();
  return [`  📎 ${file.name} (${file.contentType})`, ...lines.map((l) => `  ┆ ${l}`)];
}

export function renderReply(reply: Reply): string[] {
  return [reply.ephemeral ? "(only you)" : "(in channel)", ...renderMessage(reply), ...(reply.files ?? []).flatMap(renderFile)];
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
 * Wraps the console's output so that every button printed is remembered by its label: a member
 * can then press it by what it says rather than by its action id.
 */
export function rememberingButtons(print: (line: string) => void) {
  const actions = new Map<string, string>();
  return {
    print(line: string) {
      for (const match of line.matchAll(/\[([^\]]+)\] \(:press ([^)\s]+)\)/g)) actions.set(match[1]!, match[2]!);
      print(line);
    },
    buttonAction: (label: string) => actions.get(label),
  };
}
