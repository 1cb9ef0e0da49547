// A small fake of the Slack Web API (+ response_url and file upload endpoints), for driving
// a REAL Bolt App / WebClient. Point Bolt at it with
//   clientOptions: { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } }
// Start the fake BEFORE constructing the App: with a `token`, Bolt calls auth.test at once.
//
// Every call is recorded as { method, args } in `calls`; response_url posts are recorded as
// method "response_url" and upload POSTs as method "upload", so one `waitFor` covers all.

import http from "node:http";
import type { AddressInfo } from "node:net";

/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = any;

export interface SlackUserFixture {
  id: string;
  name: string;
  real_name?: string;
  locale?: string;
  is_admin?: boolean;
  is_owner?: boolean;
  tz?: string;
  email?: string;
  /** The member's own workspace, when not the fake's (an Enterprise Grid member). */
  team_id?: string;
  /** Enterprise Grid: every workspace of the org the member belongs to (users.info's enterprise_user.teams). */
  enterprise_teams?: string[];
}

export interface SlackChannelFixture {
  id: string;
  name: string;
  is_private?: boolean;
  members?: string[];
  [k: string]: unknown;
}

/** What `oauth.v2.access` grants for one code: a workspace's (or, org-wide, an organization's) own bot token. */
export interface SlackGrantFixture {
  code: string;
  /** The workspace installed in; none for an org-wide install. */
  teamId?: string;
  enterpriseId?: string;
  isEnterpriseInstall?: boolean;
  botToken: string;
  botUserId?: string;
  botId?: string;
  /** The installing member. */
  userId?: string;
}

export interface FakeSlackOptions {
  /** Codes `oauth.v2.access` exchanges for a bot token (Slack's install flow); `auth.test` then names each token's own workspace. */
  grants?: SlackGrantFixture[];
  teamId?: string;
  teamDomain?: string;
  users?: SlackUserFixture[];
  channels?: SlackChannelFixture[];
  /** usergroup id -> user ids, for usergroups.users.list. */
  usergroups?: Record<string, string[]>;
  botUserId?: string;
  botId?: string;
  /** Milliseconds a method takes to answer once it has taken the call (a slow platform). */
  latencyMs?: Record<string, number>;
}

export interface SlackCall {
  /** Web API method ("chat.postMessage"), or "response_url" / "upload". */
  method: string;
  /** Parsed arguments; nested JSON values (view, blocks...) are already parsed. */
  args: Json;
  /** Bearer token from the Authorization header, or the `token` argument. */
  token: string | undefined;
  /** For "response_url": the id in /response/<id>; for "upload": the file id. */
  id?: string;
  /** The JSON the fake answered with. */
  response: Json;
  /** HTTP status the fake answered with. */
  status: number;
  /** When the request arrived (Date.now()), e.g. to check that a client waited out a 429. */
  at: number;
}

/** Returned by a `respond` handler to answer with a non-200 status (e.g. 429 + retry-after). */
export interface SlackHttpAnswer {
  __http: true;
  status: number;
  body?: Json;
  headers?: Record<string, string>;
}
export const slackHttp = (status: number, body?: Json, headers?: Record<string, string>): SlackHttpAnswer =>
  ({ __http: true, status, body, headers });

/** Return a JSON body (200), a `slackHttp(...)` answer, or undefined to use the default. */
export type SlackMethodHandler = (args: Json, call: SlackCall) => Json | SlackHttpAnswer | undefined;

export interface FakeSlack {
  port: number;
  /** Pass as `clientOptions.slackApiUrl` (ends with "/"). */
  apiUrl: string;
  teamId: string;
  botUserId: string;
  botId: string;
  calls: SlackCall[];
  /** Resolves with the first recorded call (past or future) matching the predicate. */
  waitFor(predicate: (call: SlackCall) => boolean, timeoutMs?: number): Promise<SlackCall>;
  /** Overrides a method's answer (newest first). Returns a remover. */
  respond(method: string, handler: SlackMethodHandler): () => void;
  /** Mints a fresh response_url on the fake; posts to it are recorded as method "response_url". */
  responseUrl(): string;
  /** Views opened/updated/published, by view id. */
  views: Map<string, Json>;
  /** Messages the bot posted, by channel id, oldest first; a thread reply carries `thread_ts`. */
  messages: Map<string, Json[]>;
  /**
   * Calls `listener` for every call once it has been handled and recorded, synchronously and
   * before the answer is written: a test can stop the client between Slack's taking a call and
   * the client's seeing the answer. Returns a remover.
   */
  onRequest(listener: (call: SlackCall) => void): () => void;
  close(): Promise<void>;
}

// Values WebClient sends JSON-encoded inside form bodies. Only these are parsed back, so a
// `text` that happens to start with "[" stays a string.
const JSON_KEYS = new Set(["view", "blocks", "attachments", "metadata", "files", "unfurls", "user_auth_blocks", "options", "profile"]);

async function readBody(req: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function parseArgs(raw: Buffer, contentType: string): Promise<Json> {
  if (raw.length === 0) return {};
  if (contentType.startsWith("application/json")) return JSON.parse(raw.toString("utf8"));
  if (contentType.startsWith("multipart/form-data")) {
    const form = await new Response(raw, { headers: { "content-type": contentType } }).formData();
    const out: Json = {};
    for (const [k, v] of form.entries()) {
      out[k] = typeof v === "string" ? v : { filename: v.name, size: v.size, data: Buffer.from(await v.arrayBuffer()) };
    }
    return out;
  }
  if (contentType.startsWith("application/x-www-form-urlencoded")) {
    const out: Json = {};
    for (const [k, v] of new URLSearchParams(raw.toString("utf8"))) {
      out[k] = JSON_KEYS.has(k) ? safeJson(v) : v;
    }
    return out;
  }
  return { raw: raw.toString("utf8") };
}

function safeJson(v: string): Json {
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}

export async function startFakeSlack(options: FakeSlackOptions = {}): Promise<FakeSlack> {
  const teamId = options.teamId ?? "T0000TEST";
  const teamDomain = options.teamDomain ?? "musubi-test";
  const botUserId = options.botUserId ?? "U0BOT0001";
  const botId = options.botId ?? "B0BOT0001";
  const users = new Map((options.users ?? []).map((u) => [u.id, u]));
  const channels = new Map((options.channels ?? []).map((c) => [c.id, c]));
  const usergroups = options.usergroups ?? {};
  const grants = options.grants ?? [];
  const grantedScopes = "commands,chat:write";
  const views = new Map<string, Json>();
  const calls: SlackCall[] = [];
  const waiters = new Set<(c: SlackCall) => void>();
  const overrides: Array<{ method: string; handler: SlackMethodHandler }> = [];
  let counter = 0;
  const nextId = (prefix: string) => `${prefix}${String(++counter).padStart(8, "0")}`;
  const nextTs = () => `${Math.floor(Date.now() / 1000)}.${String(++counter).padStart(6, "0")}`;
  const imByUser = new Map<string, string>();
  const mpims = new Map<string, string>();

  const imFor = (userId: string) => {
    let id = imByUser.get(userId);
    if (!id) imByUser.set(userId, (id = nextId("D")));
    return id;
  };

  const apiUser = (u: SlackUserFixture, withLocale: boolean) => ({
    id: u.id, team_id: u.team_id ?? teamId, name: u.name, real_name: u.real_name ?? u.name, deleted: false,
    is_admin: u.is_admin ?? false, is_owner: u.is_owner ?? false, is_bot: false, is_app_user: false,
    tz: u.tz ?? "Asia/Tokyo", tz_offset: 32400,
    profile: { real_name: u.real_name ?? u.name, display_name: u.name, email: u.email, team: teamId },
    ...(withLocale ? { locale: u.locale ?? "en-US" } : {}),
    ...(u.enterprise_teams ? { enterprise_user: { id: u.id, enterprise_id: "E0FAKEORG", enterprise_name: "Fake Org", is_admin: false, is_owner: false, teams: u.enterprise_teams } } : {}),
  });

  const viewFrom = (args: Json, id: string) => {
    const view = args.view ?? {};
    return {
      id, team_id: teamId, app_id: "A0APP0001", bot_id: botId, app_installed_team_id: teamId,
      type: view.type ?? "modal", blocks: view.blocks ?? [], private_metadata: view.private_metadata ?? "",
      callback_id: view.callback_id ?? "", external_id: view.external_id ?? args.external_id ?? "",
      state: { values: {} }, hash: `hash-${++counter}`, title: view.title, close: view.close ?? null,
      submit: view.submit ?? null, root_view_id: id, previous_view_id: null, clear_on_close: false,
      notify_on_close: false,
    };
  };

  const postedMessage = (args: Json, ts: string) => ({
    type: "message", user: botUserId, bot_id: botId, team: teamId, ts, text: args.text ?? "", blocks: args.blocks ?? [],
    ...(args.thread_ts ? { thread_ts: args.thread_ts } : {}),
    ...(args.metadata ? { metadata: args.metadata } : {}),
  });
  const messages = new Map<string, Json[]>();
  const isTrue = (v: unknown) => v === true || v === "true";
  /** Messages as conversations.history/replies show them: metadata only when asked for. */
  const listed = (list: Json[], a: Json) => list.map(({ metadata, ...m }) => (isTrue(a.include_all_metadata) && metadata ? { ...m, metadata } : m));
  /** One page of a list: `cursor` is the offset of its first item. */
  const page = (list: Json[], a: Json) => {
    const from = Number(a.cursor || 0);
    const to = from + Number(a.limit || 100);
    return { messages: list.slice(from, to), has_more: to < list.length, response_metadata: { next_cursor: to < list.length ? String(to) : "" } };
  };

  /** Default answers; anything missing -> unknown_method. */
  const methods: Record<string, (args: Json) => Json> = {
    "auth.test": (a) => {
      const grant = grants.find((g) => g.botToken === a.token);
      if (grant) {
        return {
          ok: true, url: `https://${grant.teamId ?? grant.enterpriseId}.slack.com/`, team: grant.teamId ?? "", user: "musubi",
          team_id: grant.teamId ?? "", enterprise_id: grant.enterpriseId, user_id: grant.botUserId ?? botUserId,
          bot_id: grant.botId ?? botId, is_enterprise_install: grant.isEnterpriseInstall ?? false,
        };
      }
      return {
        ok: true, url: `https://${teamDomain}.slack.com/`, team: "Musubi Test", user: "musubi", team_id: teamId,
        user_id: botUserId, bot_id: botId, is_enterprise_install: false,
      };
    },
    // The install flow's exchange of a code for a bot token (the client's id and secret are recorded with the call).
    "oauth.v2.access": (a) => {
      const grant = grants.find((g) => g.code === a.code);
      if (!grant) return { ok: false, error: "invalid_code" };
      return {
        ok: true, app_id: "A0APP0001", token_type: "bot", access_token: grant.botToken,
        scope: String(a.scope ?? grantedScopes), bot_user_id: grant.botUserId ?? botUserId,
        authed_user: { id: grant.userId ?? "U0INSTALLER" },
        team: grant.teamId ? { id: grant.teamId, name: grant.teamId } : null,
        enterprise: grant.enterpriseId ? { id: grant.enterpriseId, name: grant.enterpriseId } : null,
        is_enterprise_install: grant.isEnterpriseInstall ?? false,
      };
    },
    "chat.postMessage": (a) => {
      // Posting to a user id goes to the DM with that user, like Slack does.
      const channel = /^[UW]/.test(String(a.channel)) ? imFor(a.channel) : a.channel;
      const ts = nextTs();
      const message = postedMessage(a, ts);
      messages.set(channel, [...(messages.get(channel) ?? []), message]);
      return { ok: true, channel, ts, message };
    },
    // Top-level messages, newest first.
    "conversations.history": (a) => {
      const list = (messages.get(a.channel) ?? []).filter((m) => !m.thread_ts || m.thread_ts === m.ts).reverse();
      return { ok: true, ...page(listed(list, a), a) };
    },
    // A thread: its parent message, then its replies oldest first.
    "conversations.replies": (a) => {
      const all = messages.get(a.channel) ?? [];
      const parent = all.find((m) => m.ts === a.ts);
      if (!parent) return { ok: false, error: "thread_not_found" };
      return { ok: true, ...page(listed([parent, ...all.filter((m) => m.thread_ts === a.ts && m.ts !== a.ts)], a), a) };
    },
    "chat.update": (a) => ({ ok: true, channel: a.channel, ts: a.ts, text: a.text ?? "", message: postedMessage(a, a.ts) }),
    "chat.postEphemeral": () => ({ ok: true, message_ts: nextTs() }),
    "chat.delete": (a) => ({ ok: true, channel: a.channel, ts: a.ts }),
    "views.open": (a) => {
      const view = viewFrom(a, nextId("V"));
      views.set(view.id, view);
      return { ok: true, view };
    },
    "views.push": (a) => methods["views.open"]!(a),
    "views.update": (a) => {
      const existing = a.view_id ? views.get(a.view_id) : [...views.values()].find((v) => v.external_id === a.external_id);
      if (!existing && !a.view_id) return { ok: false, error: "not_found" };
      const view = viewFrom(a, existing?.id ?? a.view_id);
      views.set(view.id, view);
      return { ok: true, view };
    },
    "views.publish": (a) => {
      const view = viewFrom(a, nextId("V"));
      views.set(view.id, { ...view, user_id: a.user_id });
      return { ok: true, view };
    },
    "users.info": (a) => {
      const u = users.get(a.user);
      const withLocale = a.include_locale === true || a.include_locale === "true";
      return u ? { ok: true, user: apiUser(u, withLocale) } : { ok: false, error: "user_not_found" };
    },
    "users.list": () => ({ ok: true, members: [...users.values()].map((u) => apiUser(u, true)), response_metadata: { next_cursor: "" } }),
    "conversations.open": (a) => {
      if (a.channel) return { ok: true, channel: { id: a.channel } };
      const ids = String(a.users ?? "").split(",").map((s) => s.trim()).filter(Boolean);
      if (ids.length === 0) return { ok: false, error: "users_list_not_supplied" };
      if (ids.length === 1) return { ok: true, channel: { id: imFor(ids[0]!) } };
      // Several users: a multi-person DM (group DM ids start with G, newer ones with C).
      const key = [...ids].sort().join(",");
      let id = mpims.get(key);
      if (!id) mpims.set(key, (id = nextId("G")));
      return { ok: true, channel: { id } };
    },
    "conversations.info": (a) => {
      const c = channels.get(a.channel);
      if (!c) return { ok: false, error: "channel_not_found" };
      const { members: _m, ...rest } = c;
      return { ok: true, channel: { is_channel: !c.is_private, is_private: c.is_private ?? false, is_archived: false, ...rest } };
    },
    "conversations.members": (a) => {
      const c = channels.get(a.channel);
      return c ? { ok: true, members: c.members ?? [], response_metadata: { next_cursor: "" } } : { ok: false, error: "channel_not_found" };
    },
    "usergroups.users.list": (a) => {
      const members = usergroups[a.usergroup];
      return members ? { ok: true, users: members } : { ok: false, error: "no_such_subteam" };
    },
    "files.getUploadURLExternal": () => {
      const fileId = nextId("F");
      return { ok: true, upload_url: `http://127.0.0.1:${port}/upload/${fileId}`, file_id: fileId };
    },
    "files.completeUploadExternal": (a) => ({
      ok: true,
      files: (Array.isArray(a.files) ? a.files : []).map((f: Json) => ({ id: f.id, title: f.title ?? "", name: f.title ?? f.id })),
    }),
  };

  const requestListeners = new Set<(call: SlackCall) => void>();
  const record = (call: SlackCall) => {
    calls.push(call);
    for (const w of [...waiters]) w(call);
    for (const listener of [...requestListeners]) listener(call);
  };

  const server = http.createServer((req, res) => {
    void handle(req, res).catch((err) => {
      res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ ok: false, error: String(err) }));
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const at = Date.now();
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const args = await parseArgs(await readBody(req), String(req.headers["content-type"] ?? ""));
    const auth = String(req.headers.authorization ?? "");
    const token = auth.startsWith("Bearer ") ? auth.slice(7) : typeof args.token === "string" ? args.token : undefined;
    const send = (status: number, body: Json, headers: Record<string, string> = {}) => {
      res.writeHead(status, { "content-type": "application/json", ...headers });
      res.end(JSON.stringify(body));
    };

    let m: RegExpExecArray | null;
    if ((m = /^\/response\/([^/]+)$/.exec(url.pathname))) {
      // response_url: Slack answers a plain "ok"-ish JSON.
      const response = { ok: true };
      record({ method: "response_url", id: m[1]!, args, token, response, status: 200, at });
      return send(200, response);
    }
    if ((m = /^\/upload\/([^/]+)$/.exec(url.pathname))) {
      // files.uploadV2 step 2: WebClient POSTs the bytes here and only checks for HTTP 200.
      record({ method: "upload", id: m[1]!, args, token, response: "OK", status: 200, at });
      res.writeHead(200, { "content-type": "text/plain" });
      return res.end("OK - " + m[1]);
    }
    m = /^\/api\/([\w.]+)$/.exec(url.pathname);
    const method = m?.[1] ?? url.pathname;
    const call: SlackCall = { method, args, token, response: undefined, status: 200, at };
    let answer: Json | SlackHttpAnswer | undefined;
    for (const o of overrides) {
      if (o.method === method && (answer = o.handler(args, call)) !== undefined) break;
    }
    answer ??= methods[method]?.({ token, ...args }) ?? { ok: false, error: "unknown_method" };
    if (answer && answer.__http === true) {
      const a = answer as SlackHttpAnswer;
      call.status = a.status;
      call.response = a.body;
      record(call);
      return send(a.status, a.body ?? {}, a.headers);
    }
    call.response = answer;
    record(call);
    const latency = options.latencyMs?.[method];
    if (latency) await new Promise((resolve) => setTimeout(resolve, latency));
    send(200, answer);
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;

  return {
    port,
    apiUrl: `http://127.0.0.1:${port}/api/`,
    teamId,
    botUserId,
    botId,
    calls,
    views,
    messages,
    waitFor(predicate, timeoutMs = 5_000) {
      const hit = calls.find(predicate);
      if (hit) return Promise.resolve(hit);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(check);
          const seen = calls.map((c) => `${c.method} ${JSON.stringify(c.args).slice(0, 120)}`).join("\n  ");
          reject(new Error(`fake slack: no matching call within ${timeoutMs} ms; seen:\n  ${seen}`));
        }, timeoutMs);
        const check = (c: SlackCall) => {
          if (!predicate(c)) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(c);
        };
        waiters.add(check);
      });
    },
    respond(method, handler) {
      const entry = { method, handler };
      overrides.unshift(entry);
      return () => {
        const i = overrides.indexOf(entry);
        if (i >= 0) overrides.splice(i, 1);
      };
    },
    onRequest(listener) {
      requestListeners.add(listener);
      return () => requestListeners.delete(listener);
    },
    responseUrl() {
      return `http://127.0.0.1:${port}/response/${nextId("R")}`;
    },
    async close() {
      server.closeAllConnections(); // WebClient's fetch keeps sockets alive
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
