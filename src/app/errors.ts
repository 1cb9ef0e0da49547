import type { MessageKey, MessageParams } from "../i18n/index.js";

/** A problem the member can fix: shown to them in their language; not logged as a failure. */
export class UserError extends Error {
  constructor(
    readonly messageKey: MessageKey,
    readonly params: MessageParams = {},
  ) {
    super(messageKey);
    this.name = "UserError";
  }
}
