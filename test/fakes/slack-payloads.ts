// Signed requests to a Bolt HTTP receiver, shaped like the ones Slack sends.
// Bolt checks `x-slack-signature` = "v0=" + HMAC-SHA256(secret, `v0:${ts}:${rawBody}`) over the
// exact bytes, and that `x-slack-request-timestamp` is within 5 minutes. `ack()` answers the
// HTTP request before the listener finishes, so tests should wait on the fake's recorded calls,
// not on these responses (except for view_submission errors, which live in the response body).

import { createHmac } from "node:crypto";

/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = any;

const FORM = "application/x-www-form-urlencoded";
const JSON_CT = "application/json";

export const DEFAULT_TEAM_ID = "T0000TEST";
export const DEFAULT_APP_ID = "A0APP0001";

let counter = 0;
const uniq = () => `${Date.now()}${++counter}`;

/** Headers Slack sends for `body` signed with `secret`. */
export function slackSignatureHeaders(secret: string, body: string, timestamp = Math.floor(Date.now() / 1000)) {
  const signature = "v0=" + createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex");
  return { "x-slack-request-timestamp": String(timestamp), "x-slack-signature": signature };
}

export interface SendOptions {
  /** Override the signing timestamp (e.g. 10 minutes ago to test replay protection). */
  timestamp?: number;
  /** Extra headers, e.g. { "x-slack-retry-num": "1" }. */
  headers?: Record<string, string>;
}

/** POSTs `body` with a valid signature. `appUrl` is the Bolt endpoint (…/slack/events). */
export function sendSigned(appUrl: string, secret: string, body: string, contentType: string, opts: SendOptions = {}) {
  return fetch(appUrl, {
    method: "POST",
    headers: { "content-type": contentType, ...slackSignatureHeaders(secret, body, opts.timestamp), ...opts.headers },
    body,
  });
}

/** POSTs without any signature headers (Bolt must answer 401 and run no listener). */
export function sendUnsigned(appUrl: string, body: string, contentType = FORM) {
  return fetch(appUrl, { method: "POST", headers: { "content-type": contentType }, body });
}

/** POSTs signed with the wrong secret. */
export function sendBadSignature(appUrl: string, body: string, contentType = FORM) {
  return sendSigned(appUrl, "not-the-signing-secret", body, contentType);
}

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
/** Interactive payloads travel as a form with one `payload` field holding JSON. */
export const interactivityBody = (payload: Json) => form({ payload: JSON.stringify(payload) });

// ---------------------------------------------------------------- slash commands

export interface SlashCommandParams {
  command: string;
  text?: string;
  user_id: string;
  user_name?: string;
  team_id?: string;
  channel_id?: string;
  channel_name?: string;
  trigger_id?: string;
  /** Mint one with `fakeSlack.responseUrl()` to record what the bot posts there. */
  response_url?: string;
  api_app_id?: string;
  /** An Enterprise Grid organization's id; with `is_enterprise_install`, the app is installed org-wide. */
  enterprise_id?: string;
  is_enterprise_install?: boolean;
}

export function slashCommandBody(p: SlashCommandParams): string {
  const teamId = p.team_id ?? DEFAULT_TEAM_ID;
  return form({
    token: "legacy-verification-token",
    team_id: teamId,
    team_domain: "musubi-test",
    channel_id: p.channel_id ?? "C0GENERAL",
    channel_name: p.channel_name ?? "general",
    user_id: p.user_id,
    user_name: p.user_name ?? p.user_id.toLowerCase(),
    command: p.command,
    text: p.text ?? "",
    api_app_id: p.api_app_id ?? DEFAULT_APP_ID,
    ...(p.enterprise_id ? { enterprise_id: p.enterprise_id } : {}),
    is_enterprise_install: String(p.is_enterprise_install ?? false),
    response_url: p.response_url ?? `https://hooks.slack.com/commands/${teamId}/${uniq()}/x`,
    trigger_id: p.trigger_id ?? `trigger-${uniq()}`,
  });
}

export function sendSlashCommand(appUrl: string, secret: string, p: SlashCommandParams, opts?: SendOptions) {
  return sendSigned(appUrl, secret, slashCommandBody(p), FORM, opts);
}

// ---------------------------------------------------------------- block actions

export interface BlockActionParams {
  user_id: string;
  team_id?: string;
  action_id: string;
  block_id?: string;
  value?: string;
  /** Action type; "button" (default), or e.g. "static_select" with `selected_option`. */
  type?: string;
  /** Extra fields merged into the action (selected_option, selected_users...). */
  action?: Json;
  trigger_id?: string;
  response_url?: string;
  /** Message container (default): channel + message the button was on. */
  channel_id?: string;
  message?: Json;
  /** If set, the action happened inside this view (modal / App Home) instead of a message. */
  view?: Json;
  state_values?: Json;
}

export function blockActionPayload(p: BlockActionParams): Json {
  const teamId = p.team_id ?? DEFAULT_TEAM_ID;
  const channelId = p.channel_id ?? "C0GENERAL";
  const actionTs = `${Date.now() / 1000}`;
  const action = {
    type: p.type ?? "button",
    action_id: p.action_id,
    block_id: p.block_id ?? "actions",
    ...(p.type === undefined || p.type === "button" ? { text: { type: "plain_text", text: p.action_id, emoji: true } } : {}),
    ...(p.value !== undefined ? { value: p.value } : {}),
    action_ts: actionTs,
    ...p.action,
  };
  const common = {
    type: "block_actions",
    user: { id: p.user_id, username: p.user_id.toLowerCase(), name: p.user_id.toLowerCase(), team_id: teamId },
    api_app_id: DEFAULT_APP_ID,
    token: "legacy-verification-token",
    trigger_id: p.trigger_id ?? `trigger-${uniq()}`,
    team: { id: teamId, domain: "musubi-test" },
    enterprise: null,
    is_enterprise_install: false,
    actions: [action],
  };
  if (p.view) {
    return {
      ...common,
      container: { type: "view", view_id: p.view.id ?? "V0VIEW", },
      view: { id: "V0VIEW", team_id: teamId, type: "modal", blocks: [], private_metadata: "", callback_id: "", state: { values: p.state_values ?? {} }, hash: "h", ...p.view },
      state: { values: p.state_values ?? {} },
    };
  }
  const message = { type: "message", user: "U0BOT0001", ts: "1700000000.000100", text: "", blocks: [], ...p.message };
  return {
    ...common,
    container: { type: "message", message_ts: message.ts, channel_id: channelId, is_ephemeral: false },
    channel: { id: channelId, name: "general" },
    message,
    state: { values: p.state_values ?? {} },
    response_url: p.response_url ?? `https://hooks.slack.com/actions/${teamId}/${uniq()}/x`,
  };
}

export function sendBlockAction(appUrl: string, secret: string, p: BlockActionParams, opts?: SendOptions) {
  return sendSigned(appUrl, secret, interactivityBody(blockActionPayload(p)), FORM, opts);
}

// ---------------------------------------------------------------- view submissions

export interface ViewSubmissionParams {
  user_id: string;
  team_id?: string;
  callback_id: string;
  /** Shorthand for plain-text inputs: block_id = action_id = key. */
  fields?: Record<string, string>;
  /** Raw `view.state.values` (merged over `fields`), e.g. { blk: { act: { type: "static_select", selected_option: {...} } } }. */
  values?: Json;
  private_metadata?: string;
  view_id?: string;
  external_id?: string;
  trigger_id?: string;
  /** For modals with response_url_enabled inputs. */
  response_urls?: Json[];
}

export function viewSubmissionPayload(p: ViewSubmissionParams): Json {
  const teamId = p.team_id ?? DEFAULT_TEAM_ID;
  const values: Json = {};
  for (const [key, value] of Object.entries(p.fields ?? {})) values[key] = { [key]: { type: "plain_text_input", value } };
  Object.assign(values, p.values);
  const viewId = p.view_id ?? `V${uniq()}`;
  return {
    type: "view_submission",
    team: { id: teamId, domain: "musubi-test" },
    user: { id: p.user_id, username: p.user_id.toLowerCase(), name: p.user_id.toLowerCase(), team_id: teamId },
    api_app_id: DEFAULT_APP_ID,
    token: "legacy-verification-token",
    trigger_id: p.trigger_id ?? `trigger-${uniq()}`,
    view: {
      id: viewId, team_id: teamId, type: "modal", blocks: [], private_metadata: p.private_metadata ?? "",
      callback_id: p.callback_id, state: { values }, hash: `hash-${uniq()}`,
      title: { type: "plain_text", text: "Modal", emoji: true }, clear_on_close: false, notify_on_close: false,
      close: null, submit: { type: "plain_text", text: "Submit", emoji: true }, previous_view_id: null,
      root_view_id: viewId, app_id: DEFAULT_APP_ID, external_id: p.external_id ?? "", app_installed_team_id: teamId,
      bot_id: "B0BOT0001",
    },
    response_urls: p.response_urls ?? [],
    is_enterprise_install: false,
    enterprise: null,
  };
}

/** The returned Response carries ack()'s body: `{"response_action":"errors",...}` for validation errors. */
export function sendViewSubmission(appUrl: string, secret: string, p: ViewSubmissionParams, opts?: SendOptions) {
  return sendSigned(appUrl, secret, interactivityBody(viewSubmissionPayload(p)), FORM, opts);
}

// ---------------------------------------------------------------- Events API

export interface EventParams {
  team_id?: string;
  /** The inner event, e.g. teamJoinEvent(...) or { type: "app_home_opened", user, ... }. */
  event: Json;
  event_id?: string;
  /** Bot user id Slack lists in `authorizations`. */
  bot_user_id?: string;
  /** An Enterprise Grid organization's id; with `is_enterprise_install`, the app is installed org-wide. */
  enterprise_id?: string;
  is_enterprise_install?: boolean;
}

export function eventBody(p: EventParams): string {
  const teamId = p.team_id ?? DEFAULT_TEAM_ID;
  const now = Math.floor(Date.now() / 1000);
  return JSON.stringify({
    token: "legacy-verification-token",
    team_id: teamId,
    api_app_id: DEFAULT_APP_ID,
    event: { event_ts: `${now}.000100`, ...p.event },
    type: "event_callback",
    event_id: p.event_id ?? `Ev${uniq()}`,
    event_time: now,
    ...(p.enterprise_id ? { enterprise_id: p.enterprise_id } : {}),
    authorizations: [{
      enterprise_id: p.enterprise_id ?? null, team_id: teamId, user_id: p.bot_user_id ?? "U0BOT0001", is_bot: true,
      is_enterprise_install: p.is_enterprise_install ?? false,
    }],
    is_ext_shared_channel: false,
    event_context: `ctx-${uniq()}`,
  });
}

export function sendEvent(appUrl: string, secret: string, p: EventParams, opts?: SendOptions) {
  return sendSigned(appUrl, secret, eventBody(p), JSON_CT, opts);
}

/** `team_join`: Slack sends the full user object in `event.user`. */
export function teamJoinEvent(user: { id: string; name: string; real_name?: string; team_id?: string; locale?: string }): Json {
  return {
    type: "team_join",
    user: {
      id: user.id, team_id: user.team_id ?? DEFAULT_TEAM_ID, name: user.name, real_name: user.real_name ?? user.name,
      deleted: false, is_admin: false, is_owner: false, is_bot: false, is_app_user: false, tz: "Asia/Tokyo",
      profile: { real_name: user.real_name ?? user.name, display_name: user.name },
      ...(user.locale ? { locale: user.locale } : {}),
    },
  };
}

/** Events API URL verification; Bolt answers with the challenge. */
export function sendUrlVerification(appUrl: string, secret: string, challenge: string) {
  return sendSigned(appUrl, secret, JSON.stringify({ token: "legacy-verification-token", challenge, type: "url_verification" }), JSON_CT);
}
