// What the bot says on a platform: text, cards and buttons, rendered by each adapter.

export interface CardField {
  name: string;
  value: string;
  inline?: boolean;
}

export interface Card {
  title: string;
  description?: string;
  fields: CardField[];
  footer?: string;
}

export interface Button {
  /** Routed back to the dispatcher when pressed (Discord custom_id, Slack action_id). */
  actionId: string;
  label: string;
  style?: "primary" | "secondary" | "danger";
}

/** The longest message text every platform takes whole (Discord's 2,000 characters). */
export const MESSAGE_TEXT_LIMIT = 2000;

export interface Message {
  text: string;
  cards?: Card[];
  buttons?: Button[];
}

/**
 * A member's own page (Slack's App Home): a title, then one card per part (pairing, network,
 * posts, rounds), then the buttons. Rendered whole each time it is shown.
 */
export interface HomeView {
  title: string;
  cards: Card[];
  buttons: Button[];
}

/** A file handed to the member, such as a round's iCalendar file. */
export interface ReplyFile {
  /** The file name the member sees and saves ("round.ics"). */
  name: string;
  /** "text/calendar"; Discord and Slack go by the name's extension, the console shows it. */
  contentType: string;
  /** Text (a calendar, JSON) or bytes (a PNG picture). */
  content: string | Uint8Array;
}

/** A file's content as bytes (text as UTF-8), as platforms upload it. */
export const bytesOf = (file: ReplyFile): Uint8Array =>
  typeof file.content === "string" ? new TextEncoder().encode(file.content) : file.content;
