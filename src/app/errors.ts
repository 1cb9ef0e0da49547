import type { MessageArgs, MessageKey, MessageParams, Translate } from "../i18n/index.js";

/** A problem the member can fix: shown to them in their language; not logged as a failure. */
export class UserError<K extends MessageKey = MessageKey> extends Error {
  /** The placeholders' values, as given (untyped: what logs and tests read). */
  readonly params: MessageParams;
  private readonly args: MessageArgs<K>;

  constructor(
    readonly messageKey: K,
    ...args: MessageArgs<K>
  ) {
    super(messageKey);
    this.name = "UserError";
    this.args = args;
    this.params = args[0] ?? {};
  }

  /** The message in the language of `t`. */
  text(t: Translate): string {
    return t(this.messageKey, ...this.args);
  }
}
