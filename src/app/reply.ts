import type { Message, ReplyFile } from "../port/message.js";

// Platform-neutral replies and forms. Adapters render them: Discord embeds and components,
// Slack Block Kit, plain text on the console.

export interface Reply extends Message {
  /** Seen only by the member who asked. */
  ephemeral: boolean;
  /**
   * Attached to the reply where the platform can (Discord); else sent to the member by direct
   * message, and the reply says so (Slack: an ephemeral message holds no files).
   */
  files?: ReplyFile[];
}

export interface Choice {
  value: string;
  label: string;
}

/**
 * "datetime" is a moment: a date and time picker where the platform has one (Slack), whose
 * answer is the picked instant in ISO 8601 with its offset; typed text elsewhere (Discord, console).
 */
export type FieldKind = "text" | "paragraph" | "select" | "multiselect" | "datetime";

export interface FormFieldView {
  id: string;
  label: string;
  kind: FieldKind;
  required: boolean;
  maxLength?: number;
  placeholder?: string;
  choices?: Choice[];
  /** Prefilled: the member's current answer. */
  value?: string | string[];
}

/** A form shown to a member. `pages` exist for platforms whose forms hold few fields (Discord: 5). */
export interface FormView {
  formId: string;
  title: string;
  /** One title per page ("Introduce yourself (1/2)"), for platforms that show one page at a time. */
  pageTitles: string[];
  pages: FormFieldView[][];
  /** Which page to show first (Discord continues a form page by page). */
  page: number;
}

/** What a command or a button press leads to. */
export type Outcome = { type: "reply"; reply: Reply } | { type: "form"; form: FormView };

export const replyOutcome = (reply: Reply): Outcome => ({ type: "reply", reply });

/** An answer only the member who acted sees. */
export const privateReply = (text: string, extra: Partial<Omit<Reply, "text" | "ephemeral">> = {}): Outcome =>
  replyOutcome({ text, ephemeral: true, ...extra });
