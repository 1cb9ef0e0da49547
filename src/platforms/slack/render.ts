import { FORM_VIEW } from "../../app/forms.js";
import type { FormFieldView, FormView } from "../../app/reply.js";
import { clip } from "../../core/text.js";
import type { Translate } from "../../i18n/index.js";
import type { Button, Card, HomeView, Message } from "../../port/message.js";

// Block Kit limits: section text 3,000, a section's fields 10 of 2,000, modal title 24 characters.

/**
 * Text as Slack mrkdwn: bold with single asterisks, struck through with single tildes, and `&`, `<`, `>` escaped so that what members
 * typed (a bio with <!channel>) cannot ping anyone. Only the user and channel mentions the bot
 * writes itself (<@U…>, <#C…>) and its date tokens (<!date^…|…>, see port.formatTime: shown in
 * each reader's own time zone, they ping no one) stay links.
 */
export function mrkdwn(text: string): string {
  return text
    .replace(/\*\*(.+?)\*\*/g, "*$1*")
    .replace(/~~(.+?)~~/g, "~$1~")
    .split(/(<[@#][A-Z0-9]+(?:\|[^<>]*)?>|<!date\^\d+\^[^<>|]*\|[^<>]*>)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")))
    .join("");
}

type Block = Record<string, unknown>;
const plain = (text: string, max: number) => ({ type: "plain_text", text: clip(text, max), emoji: true });

function cardBlocks(card: Card): Block[] {
  const blocks: Block[] = [
    { type: "section", text: { type: "mrkdwn", text: clip(`*${mrkdwn(card.title)}*${card.description ? `\n${mrkdwn(card.description)}` : ""}`, 3000) } },
  ];
  for (let i = 0; i < card.fields.length; i += 10) {
    blocks.push({
      type: "section",
      fields: card.fields.slice(i, i + 10).map((f) => ({ type: "mrkdwn", text: clip(`*${mrkdwn(f.name)}*\n${mrkdwn(f.value || "—")}`, 2000) })),
    });
  }
  if (card.footer) blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: clip(mrkdwn(card.footer), 3000) }] });
  return blocks;
}

/** Buttons as one actions block (up to 25 elements). */
const actionsBlock = (buttons: readonly Button[]): Block => ({
  type: "actions",
  elements: buttons.slice(0, 25).map((b) => ({
    type: "button",
    action_id: b.actionId,
    text: plain(b.label, 75),
    ...(b.style && b.style !== "secondary" ? { style: b.style } : {}),
  })),
});

/** A message as chat.postMessage arguments: `text` is the notification fallback, blocks the look. */
export function renderMessage(message: Message): { text: string; blocks: Block[] } {
  const blocks: Block[] = [];
  if (message.text) blocks.push({ type: "section", text: { type: "mrkdwn", text: clip(mrkdwn(message.text), 3000) } });
  for (const card of message.cards ?? []) blocks.push({ type: "divider" }, ...cardBlocks(card));
  if (message.buttons?.length) blocks.push(actionsBlock(message.buttons));
  const fallback = message.text || message.cards?.[0]?.title || "musubi";
  return { text: clip(mrkdwn(fallback), 3000), blocks: blocks.slice(0, 50) };
}

/**
 * A member's own page as the App Home view views.publish takes: a header, the buttons under it,
 * then each card as in a message (escaped the same way). A Home view holds up to 100 blocks.
 */
export function renderHome(home: HomeView): { type: "home"; blocks: Block[] } {
  const blocks: Block[] = [{ type: "header", text: plain(home.title, 150) }];
  if (home.buttons.length > 0) blocks.push(actionsBlock(home.buttons));
  for (const card of home.cards) blocks.push({ type: "divider" }, ...cardBlocks(card));
  return { type: "home", blocks: blocks.slice(0, 100) };
}

/** An answer the picker gave before (readViewState's form); a typed one is not an instant to preselect. */
const EXPLICIT_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

function inputBlock(field: FormFieldView): Block {
  const option = (value: string) => {
    const choice = field.choices?.find((c) => c.value === value);
    return choice && { text: plain(choice.label, 75), value: choice.value };
  };
  const selected = [field.value ?? []].flat().map(option).filter(Boolean);
  let element: Block;
  if (field.choices) {
    const options = field.choices.slice(0, 100).map((c) => ({ text: plain(c.label, 75), value: c.value }));
    element = field.kind === "multiselect"
      ? { type: "multi_static_select", action_id: field.id, options, ...(selected.length ? { initial_options: selected } : {}) }
      : { type: "static_select", action_id: field.id, options, ...(selected[0] ? { initial_option: selected[0] } : {}) };
  } else if (field.kind === "datetime") {
    const initial = typeof field.value === "string" && EXPLICIT_INSTANT.test(field.value) ? Date.parse(field.value) : Number.NaN;
    element = {
      type: "datetimepicker",
      action_id: field.id,
      ...(Number.isFinite(initial) ? { initial_date_time: Math.floor(initial / 1000) } : {}),
    };
  } else {
    const value = [field.value ?? []].flat().join(", ");
    element = {
      type: "plain_text_input",
      action_id: field.id,
      multiline: field.kind === "paragraph",
      ...(field.maxLength ? { max_length: field.maxLength } : {}),
      ...(field.placeholder ? { placeholder: plain(field.placeholder, 150) } : {}),
      ...(value ? { initial_value: value } : {}),
    };
  }
  return { type: "input", block_id: field.id, optional: !field.required, label: plain(field.label, 2000), element };
}

/** The whole form as one modal (Slack modals hold up to 100 blocks); the channel rides along. */
export function renderModal(form: FormView, t: Translate, privateMetadata: string): Block {
  return {
    type: "modal",
    callback_id: FORM_VIEW.id(form.formId),
    title: plain(form.title, 24),
    submit: plain(t("form.submit"), 24),
    close: plain(t("form.cancel"), 24),
    private_metadata: privateMetadata,
    blocks: form.pages.flat().map(inputBlock),
  };
}

interface ViewStateValue {
  type: string;
  value?: string | null;
  selected_option?: { value: string } | null;
  selected_options?: { value: string }[];
  /** A datetimepicker's choice: Unix seconds, picked in the member's own Slack time zone. */
  selected_date_time?: number | null;
}

/** "2026-12-05T10:30:00Z" for a picked moment: an instant the date reader takes exactly, whatever the round's zone. */
function pickedInstant(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return "";
  const at = new Date(seconds * 1000);
  // Not a moment (a forged payload): passed on as it is, so the form refuses it as unreadable.
  return Number.isNaN(at.getTime()) ? String(seconds) : at.toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** A submitted modal's answers, keyed by field id. */
export function readViewState(values: Record<string, Record<string, ViewStateValue>>): Record<string, string | string[]> {
  const answers: Record<string, string | string[]> = {};
  for (const block of Object.values(values)) {
    for (const [actionId, state] of Object.entries(block)) {
      if (state.type === "multi_static_select") answers[actionId] = (state.selected_options ?? []).map((o) => o.value);
      else if (state.type === "static_select") answers[actionId] = state.selected_option?.value ?? "";
      else if (state.type === "datetimepicker") answers[actionId] = pickedInstant(state.selected_date_time);
      else answers[actionId] = state.value ?? "";
    }
  }
  return answers;
}
