import type { RequestListener } from "node:http";
import { z } from "zod";
import { App, HTTPReceiver, LogLevel, webApi, type Context, type Logger as BoltLogger } from "@slack/bolt";
import { readCommunityOfAction } from "../../app/action-community.js";
import { withCommunityButtons, type Actor } from "../../app/context.js";
import type { Musubi } from "../../app/dispatcher.js";
import { readFormModalId } from "../../app/forms.js";
import type { Outcome, Reply } from "../../app/reply.js";
import type { SlackConfig } from "../../config.js";
import { resolveLocale, translator } from "../../i18n/index.js";
import type { Logger } from "../../logger.js";
import type { HttpServer } from "../../ops/http.js";
import { createInflight } from "../../ops/inflight.js";
import type { Metrics } from "../../ops/metrics.js";
import type { PlatformConnection, PlatformPort } from "../../port/port.js";
import type { SlackInstallationRepository } from "../../store/slack-installations.js";
import { isValidTimeZone } from "../../core/time.js";
import { readTextInvocation, tokenize } from "../text-command.js";
import { sendFilesByDirectMessage, slackPort, waitedOutRateLimit } from "./port.js";
import { databaseInstallationStore } from "./installations.js";
import { SLACK_BOT_SCOPES, SLACK_OAUTH_REDIRECT_PATH } from "./manifest.js";
import { readViewState, renderHome, renderMessage, renderModal } from "./render.js";

// Slack wants ack() within 3 s: every listener acks before any database work (a busy database
// must not cost an answer), then works. A form submission's refusal travels in the ack itself:
// its answers are checked first, without the database where the form's rules allow it.

/** What users.info says of a member: asked once and remembered for a while. */
interface SlackUser {
  displayName: string;
  locale?: string | undefined;
  /** The member's zone as set in Slack (users.info tz), when it is one the runtime knows. */
  timeZone?: string | undefined;
  isOrganizer: boolean;
  /** The workspaces the member belongs to: their own, and on Enterprise Grid every one of the org they are in. */
  workspaces: ReadonlySet<string>;
}

/** The first of `candidates` that is a workspace's id (T…): never an Enterprise Grid org's id (E…) nor an empty id. */
export function firstWorkspaceId(...candidates: (string | null | undefined)[]): string | undefined {
  return candidates.find((id): id is string => typeof id === "string" && /^T[A-Z0-9]+$/.test(id));
}

/** What a form's modal keeps for its submission: where it was opened, and for which workspace. */
const viewMetadata = z.object({ channelId: z.string().nullish(), teamId: z.string().optional() });

/** A DM or group DM with the bot: no place for a community's cards. */
const isDirectConversation = (channelId: string | undefined, channelName?: string) =>
  Boolean(channelId && (channelId.startsWith("D") || channelName === "directmessage" || channelName?.startsWith("mpdm-")));
const USER_CACHE_MS = 10 * 60 * 1000;

/**
 * How long a request's key is remembered: Slack retries an event three times within about five
 * minutes, and Bolt refuses a request signed more than five minutes ago, so a replay after this
 * long is refused anyway.
 */
const REDELIVERY_WINDOW_MS = 60 * 60 * 1000;

/** Bolt refuses requests signed more than five minutes ago; one signed as far ahead is refused the same way. */
const MAX_FUTURE_SKEW_MS = 5 * 60 * 1000;

/** What a redelivery of a request shares with its first delivery: an event's id, an interaction's trigger. */
function deliveryKey(body: { type?: unknown; event_id?: unknown; trigger_id?: unknown }): string | undefined {
  if (body.type === "event_callback" && typeof body.event_id === "string") return `slack:event:${body.event_id}`;
  if (typeof body.trigger_id === "string" && body.trigger_id !== "") return `slack:trigger:${body.trigger_id}`;
  return undefined;
}

/** Answers 401 to a request whose signature timestamp lies in the future (Bolt checks only the past). */
function refusingFutureTimestamps(listener: RequestListener, log: Logger): RequestListener {
  return (req, res) => {
    const signedAt = Number(req.headers["x-slack-request-timestamp"]);
    if (Number.isFinite(signedAt) && signedAt * 1000 > Date.now() + MAX_FUTURE_SKEW_MS) {
      log.warn({ signedAt }, "Slack request refused: signed in the future");
      res.writeHead(401).end();
      return;
    }
    listener(req, res);
  };
}

/**
 * How the WebClient retries. On a 429 it waits out `retry-after` itself (pausing its queue) and
 * then fails the attempt: the retry must follow at once, without a backoff of its own on top.
 * Nothing else is retried here: a job's failure is retried by the scheduler (with backoff, within
 * the job's lease; see toPlatformError for a 429 that outlasts these retries), and a member's
 * command answers now. The WebClient's default (ten retries over about 30 minutes, backoff added
 * to every retry-after) would hold a job past its lease and a listener for half an hour.
 */
const RETRY_CONFIG: webApi.RetryOptions & { onFailedAttempt(error: Error): void } = {
  retries: 3,
  minTimeout: 0,
  maxTimeout: 0,
  onFailedAttempt(error) {
    if (waitedOutRateLimit(error) === undefined) throw error;
  },
};

export interface SlackOptions {
  config: SlackConfig;
  musubi: Musubi;
  log: Logger;
  /** The process's HTTP server, on which HTTP mode serves Bolt's receiver (`/slack/events`). */
  http?: HttpServer | undefined;
  metrics?: Metrics | undefined;
}

/** Slack installed in many workspaces (`config.oauth`): where the installations are kept, and what follows an install. */
export interface SlackInstallsOptions extends SlackOptions {
  installations: SlackInstallationRepository;
  /** After a workspace installed the app (again): its recurring jobs are planned anew. */
  onInstalled(): Promise<void>;
}

interface ServingSlack {
  app: App;
  /** The port of each workspace served. */
  connection: PlatformConnection;
  /** Whether Slack accepted the token and events are being received. */
  connected(): boolean;
  /** Resolves once the listeners under way have finished (HTTP mode: the HTTP server refuses new requests meanwhile). */
  drain(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Asks Slack who the bot is (auth.test), once, without retries: the caller retries with back-off.
 * Bolt would otherwise call it in its constructor and keep a refusal as an unhandled rejection,
 * which ends the process, and as the answer to every later request.
 */
async function whoAmI(config: SlackConfig, logger: BoltLogger): Promise<{ botId: string; botUserId: string }> {
  if (!config.botToken) throw new Error("Slack with one workspace's token needs SLACK_BOT_TOKEN (installs in many workspaces start with startSlackInstalls)");
  const client = new webApi.WebClient(config.botToken, { slackApiUrl: config.apiUrl, retryConfig: { retries: 0 }, logger });
  const auth = await client.auth.test();
  if (!auth.bot_id || !auth.user_id) throw new Error("auth.test did not name the bot: is SLACK_BOT_TOKEN a bot token (xoxb-)?");
  return { botId: auth.bot_id, botUserId: auth.user_id };
}

/** What an operator should hear when Slack cannot be reached or refuses the token at start. */
export function describeSlackStartFailure(error: unknown): string {
  const code = (error as { data?: { error?: string } }).data?.error;
  if (code === "invalid_auth" || code === "not_authed" || code === "account_inactive" || code === "token_revoked") {
    return `Slack refused the bot token (${code}): check SLACK_BOT_TOKEN`;
  }
  return `Slack could not be reached (${error instanceof Error ? error.message : String(error)})`;
}

function boltLogger(log: Logger): BoltLogger {
  let level = LogLevel.INFO;
  return {
    debug: (...msg) => log.debug({ bolt: msg.map(String).join(" ") }, "bolt"),
    info: (...msg) => log.info({ bolt: msg.map(String).join(" ") }, "bolt"),
    warn: (...msg) => log.warn({ bolt: msg.map(String).join(" ") }, "bolt"),
    error: (...msg) => log.error({ bolt: msg.map(String).join(" ") }, "bolt"),
    setLevel: (next) => { level = next; },
    getLevel: () => level,
    setName: () => undefined,
  };
}

export interface RunningSlack extends Omit<ServingSlack, "connection"> {
  /** The one workspace's port. */
  port: PlatformPort;
}

export type RunningSlackInstalls = ServingSlack;

/** A workspace a request came from: its community's id, and the client and port that act there with its token. */
interface Workspace {
  teamId: string;
  client: webApi.WebClient;
  port: PlatformPort;
}

/** How each request finds its workspace and the token to act there with. */
interface Workspaces {
  /**
   * The workspace of a request: Bolt's context, or the teams the payload names (`candidates`, most
   * specific first; with one workspace's token Bolt's context names the token's own team).
   */
  of(context: Context, ...candidates: (string | null | undefined)[]): Promise<Workspace | undefined>;
  /** A workspace by its id, for a button or form that names another one than the request's (a DM on Enterprise Grid). */
  named(teamId: string): Promise<Workspace | undefined>;
}

/** One workspace's token (SLACK_BOT_TOKEN): asks Slack who the bot is, then serves it over HTTP or Socket Mode. Rejects if Slack cannot be reached. */
export async function startSlack(options: SlackOptions): Promise<RunningSlack> {
  const { config, log } = options;
  const logger = boltLogger(log.child({ platform: "slack" }));
  const bot = await whoAmI(config, logger);
  const socketMode = Boolean(config.appToken);
  const receiver = socketMode ? undefined : new HTTPReceiver({ signingSecret: config.signingSecret ?? "", logger });
  const app = new App({
    token: config.botToken,
    ...bot,
    ...(receiver ? { receiver } : { socketMode: true, appToken: config.appToken }),
    logger,
    clientOptions: { slackApiUrl: config.apiUrl, retryConfig: RETRY_CONFIG },
  });
  const port = slackPort(app.client);
  const serving = await serveSlack(options, app, receiver, {
    workspaces: {
      async of(context, ...candidates) {
        const teamId = firstWorkspaceId(...candidates, context.teamId);
        return teamId ? { teamId, client: app.client, port } : undefined;
      },
      async named(teamId) {
        return { teamId, client: app.client, port };
      },
    },
    botUserId: bot.botUserId,
  });
  return { ...serving, port };
}

/**
 * The app distributed by OAuth (`config.oauth`): `/slack/install` and `/slack/oauth_redirect` on
 * the HTTP port beside `/slack/events`, an installation per workspace (or per organization, when
 * installed org-wide) in the database, and each request and job acting with its own workspace's token.
 */
export async function startSlackInstalls(options: SlackInstallsOptions): Promise<RunningSlackInstalls> {
  const { config, log, installations, onInstalled } = options;
  const oauth = config.oauth;
  if (!oauth) throw new Error("Slack installs need config.oauth");
  const slackLog = log.child({ platform: "slack" });
  const logger = boltLogger(slackLog);
  const installationStore = databaseInstallationStore(installations, async (installed) => {
    slackLog.info(installed, "Slack installation stored");
    await onInstalled();
  });
  const receiver = new HTTPReceiver({
    signingSecret: config.signingSecret ?? "",
    logger,
    clientId: oauth.clientId,
    clientSecret: oauth.clientSecret,
    stateSecret: oauth.stateSecret,
    // The scopes the manifest asks for: an install grants exactly what the app is declared with.
    scopes: [...SLACK_BOT_SCOPES],
    installationStore,
    // Slack checks it against the app's redirect URLs (the manifest's); without it, Slack uses the app's one.
    ...(config.publicUrl ? { redirectUri: `${config.publicUrl.replace(/\/$/, "")}${SLACK_OAUTH_REDIRECT_PATH}` } : {}),
    installerOptions: {
      // /slack/install sends the installer straight to Slack's consent page.
      directInstall: true,
      redirectUriPath: SLACK_OAUTH_REDIRECT_PATH,
      clientOptions: { slackApiUrl: config.apiUrl, retryConfig: { retries: 0 } },
    },
  });
  const app = new App({ receiver, logger, clientOptions: { slackApiUrl: config.apiUrl, retryConfig: RETRY_CONFIG } });

  // One client per token (and, for an org-wide token, per workspace: it names the workspace in each call).
  const clients = new Map<string, Workspace>();
  const workspaceFor = (token: string, teamId: string, orgWide: boolean): Workspace => {
    const id = `${token}\n${orgWide ? teamId : ""}`;
    let workspace = clients.get(id);
    if (!workspace) {
      // An org-wide token acts in many workspaces: each call names the one meant.
      const client = new webApi.WebClient(token, {
        slackApiUrl: config.apiUrl, retryConfig: RETRY_CONFIG, logger, ...(orgWide ? { teamId } : {}),
      });
      serving.observe(client);
      clients.set(id, (workspace = { teamId, client, port: slackPort(client) }));
    }
    return workspace;
  };
  const remembered = new Set<string>();

  const serving = await serveSlack(options, app, receiver, {
    workspaces: {
      async of(context, ...candidates) {
        // The workspace Bolt resolved for the request (for an org-wide install, the one acted in).
        const teamId = firstWorkspaceId(context.teamId, ...candidates);
        if (!teamId || !context.botToken) return undefined;
        if (context.isEnterpriseInstall && context.enterpriseId && !remembered.has(teamId)) {
          await installations.rememberOrgWorkspace(teamId, context.enterpriseId);
          remembered.add(teamId);
        }
        return workspaceFor(context.botToken, teamId, context.isEnterpriseInstall);
      },
      async named(teamId) {
        const installation = await installations.findForTeam(teamId);
        return installation && workspaceFor(installation.botToken, teamId, installation.isEnterpriseInstall);
      },
    },
  });

  const uninstalled = (what: string) => async ({ context }: { context: Context }) => {
    const query = { teamId: context.teamId, enterpriseId: context.enterpriseId, isEnterpriseInstall: context.isEnterpriseInstall };
    await installations.remove(query);
    // An organization's workspaces are recorded again when it installs the app again.
    if (query.isEnterpriseInstall) remembered.clear();
    slackLog.info({ ...query, what }, "Slack installation removed: that workspace's jobs no longer run");
  };
  app.event("app_uninstalled", uninstalled("app_uninstalled"));
  app.event("tokens_revoked", async (args) => {
    // Only the bot's token matters: musubi holds no user token.
    if (args.event.tokens.bot?.length) await uninstalled("tokens_revoked")(args);
  });

  return {
    ...serving,
    connection: {
      platform: "slack",
      async portFor(teamId) {
        return (await serving.workspaces.named(teamId))?.port;
      },
    },
  };
}

interface Serving {
  workspaces: Workspaces;
  botUserId?: string;
}

/** The listeners, the same in both modes: each request acts in its own workspace. */
async function serveSlack(
  { config, musubi, log, http, metrics }: SlackOptions,
  app: App,
  receiver: HTTPReceiver | undefined,
  { workspaces, botUserId }: Serving,
): Promise<Omit<ServingSlack, "connection"> & { observe(client: webApi.WebClient): void; workspaces: Workspaces }> {
  const slackLog = log.child({ platform: "slack" });
  const socketMode = !receiver;
  if (!socketMode && !http) throw new Error("Slack's HTTP mode needs the process's HTTP server");
  const inflight = createInflight();
  const observeRateLimits = (client: webApi.WebClient) =>
    void client.on(webApi.WebClientEvent.RATE_LIMITED, (seconds: number, { url }: { url: string }) => {
      slackLog.info({ url, retryInMs: seconds * 1000 }, "waiting out a rate limit");
      metrics?.rateLimited("slack", seconds);
    });
  observeRateLimits(app.client);
  // A request Slack delivers again (an event retried, an interaction replayed) is handled once,
  // whichever process received it first; later deliveries are acknowledged and dropped. Events
  // are looked up here; a command, button or form by its listener once it has acknowledged it.
  const firstDelivery = async (body: Parameters<typeof deliveryKey>[0], retry?: number): Promise<boolean> => {
    const key = deliveryKey(body);
    if (!key || (await musubi.firstDelivery(key, REDELIVERY_WINDOW_MS))) return true;
    slackLog.info({ key, retry }, "Slack redelivery dropped");
    return false;
  };
  app.use(async (args) => {
    const body = args.body as Parameters<typeof deliveryKey>[0];
    if (body.type === "event_callback" && !(await firstDelivery(body, args.context.retryNum))) {
      if ("ack" in args && typeof args.ack === "function") await (args.ack as () => Promise<void>)();
      return;
    }
    await args.next();
  });
  // Every listener runs inside this middleware: a stopping process waits for them.
  app.use(async ({ next }) => {
    const work = next();
    inflight.track(work);
    await work;
  });
  const users = new Map<string, { user: SlackUser; until: number }>();

  async function userOf(workspace: Workspace, userId: string): Promise<SlackUser> {
    const id = `${workspace.teamId}:${userId}`;
    const cached = users.get(id);
    if (cached && cached.until > Date.now()) return cached.user;
    const info = await workspace.client.users.info({ user: userId, include_locale: true });
    const u = info.user;
    const user: SlackUser = {
      displayName: u?.profile?.display_name || u?.real_name || u?.name || userId,
      locale: u?.locale,
      timeZone: u?.tz && isValidTimeZone(u.tz) ? u.tz : undefined,
      isOrganizer: Boolean(u?.is_admin || u?.is_owner || u?.is_primary_owner),
      workspaces: new Set([u?.team_id, ...(u?.enterprise_user?.teams ?? [])].filter((id): id is string => Boolean(id))),
    };
    users.set(id, { user, until: Date.now() + USER_CACHE_MS });
    return user;
  }

  const groups = new Map<string, { userIds: ReadonlySet<string>; until: number }>();

  /** Members of a user group (scope usergroups:read), cached like users are. */
  async function inUserGroup(workspace: Workspace, groupId: string, userId: string): Promise<boolean> {
    const id = `${workspace.teamId}:${groupId}`;
    let cached = groups.get(id);
    if (!cached || cached.until <= Date.now()) {
      const list = await workspace.client.usergroups.users.list({ usergroup: groupId });
      cached = { userIds: new Set(list.users ?? []), until: Date.now() + USER_CACHE_MS };
      groups.set(id, cached);
    }
    return cached.userIds.has(userId);
  }

  async function actorOf(workspace: Workspace, teamName: string, userId: string, channelId?: string): Promise<Actor> {
    const user = await userOf(workspace, userId);
    return {
      platform: "slack",
      community: { externalId: workspace.teamId, name: teamName },
      userId,
      displayName: user.displayName,
      locale: user.locale,
      timeZone: user.timeZone,
      isOrganizer: user.isOrganizer,
      inGroup: (groupId) => inUserGroup(workspace, groupId, userId),
      channelId,
    };
  }

  /** The workspace of a request; a request Bolt resolves to no workspace (an organization-level event) concerns no community. */
  async function workspaceOf(context: Context, what: string, ...candidates: (string | null | undefined)[]): Promise<Workspace | undefined> {
    const workspace = await workspaces.of(context, ...candidates);
    if (!workspace) slackLog.warn({ what, enterprise: context.enterpriseId }, "a request names no workspace: ignored");
    return workspace;
  }

  /**
   * The workspace a button or form is for: the one its id names (every button musubi sends carries
   * it) when the presser belongs to it, else nothing; without a name, the request's own.
   */
  async function workspaceNamed(named: string | undefined, request: Workspace, userId: string): Promise<Workspace | undefined> {
    if (named === undefined || named === request.teamId) return request;
    return (await userOf(request, userId)).workspaces.has(named) ? workspaces.named(named) : undefined;
  }

  /** Tells a member that what they pressed belongs to a workspace they are not in. */
  async function refuseOutsider(request: Workspace, userId: string, named: string | undefined, respond?: (reply: Reply) => Promise<unknown>) {
    slackLog.info({ user: userId, named }, "refused: not a member of the workspace the request names");
    const t = translator(resolveLocale((await userOf(request, userId)).locale, "ja"));
    const reply: Reply = { text: t("common.notInCommunity"), ephemeral: true };
    await (respond ? respond(reply) : request.port.sendDirectMessage(userId, reply));
  }

  /** Shows an outcome: a form as a modal, a reply through the response_url or as an ephemeral message. */
  async function show(
    workspace: Workspace,
    actor: Actor,
    outcome: Outcome,
    via: { triggerId?: string | undefined; respond?: ((reply: Reply) => Promise<unknown>) | undefined },
  ) {
    const { client, port } = workspace;
    if (outcome.type === "form") {
      const t = translator(resolveLocale(actor.locale, "ja"));
      if (!via.triggerId) return;
      await client.views.open({
        trigger_id: via.triggerId,
        // The form's submission carries the workspace it was opened for (a DM's may be another).
        view: renderModal(outcome.form, t, JSON.stringify({ channelId: actor.channelId ?? null, teamId: actor.community.externalId })) as never,
      });
      return;
    }
    // Its buttons name the workspace, as every button musubi sends does (it may land in a DM).
    const tagged = withCommunityButtons(outcome.reply, actor.community.externalId);
    const reply = tagged.files?.length ? await withFilesSent(workspace, actor, tagged) : tagged;
    if (via.respond) await via.respond(reply);
    else if (actor.channelId && reply.ephemeral) {
      // The bot may not be in that channel: then the member hears back by direct message.
      await client.chat.postEphemeral({ channel: actor.channelId, user: actor.userId, ...renderMessage(reply) })
        .catch(() => port.sendDirectMessage(actor.userId, reply));
    } else if (actor.channelId) await client.chat.postMessage({ channel: actor.channelId, ...renderMessage(reply) });
    else await port.sendDirectMessage(actor.userId, reply);
  }

  /** Sends a reply's files to the member by direct message (no Slack reply holds files) and says so in the reply. */
  async function withFilesSent(workspace: Workspace, actor: Actor, { files = [], ...reply }: Reply): Promise<Reply> {
    const t = translator(resolveLocale(actor.locale, "ja"));
    const names = files.map((f) => f.name).join(", ");
    const note = await sendFilesByDirectMessage(workspace.client, actor.userId, files).then(
      () => t("common.filesSentByDirectMessage", { files: names }),
      (error: unknown) => {
        slackLog.error({ err: error, files: names }, "files not sent");
        return t("common.filesNotSent", { files: names });
      },
    );
    return { ...reply, text: reply.text ? `${reply.text}\n${note}` : note };
  }

  const failed = (what: string) => (error: unknown) => {
    slackLog.error({ err: error, what }, "listener failed");
    metrics?.platformError("slack", "listener");
  };

  // Members who opened their Home tab in this process, by workspace. After each of their
  // commands, buttons and forms their Home is published again: cheap (one views.publish for a
  // member who looks at it) and enough, as every open of the tab publishes it afresh anyway, so
  // what jobs change (a pairing round, a freed seat) or a restart forgot shows on the next open.
  const homeOpened = new Map<string, Set<string>>();
  const rememberHome = (actor: Actor) => {
    const team = actor.community.externalId;
    homeOpened.set(team, (homeOpened.get(team) ?? new Set()).add(actor.userId));
  };

  /** Publishes the member's own page (views.publish needs no scope beyond the bot token). */
  async function publishHome(workspace: Workspace, actor: Actor) {
    const home = await musubi.home(workspace.port, actor);
    if (home) await workspace.client.views.publish({ user_id: actor.userId, view: renderHome(home) as never });
  }

  /** Publishes the member's Home again if they have opened it in this process. */
  async function refreshHome(workspace: Workspace, actor: Actor) {
    if (homeOpened.get(actor.community.externalId)?.has(actor.userId)) await publishHome(workspace, actor).catch(failed("home refresh"));
  }

  for (const command of musubi.commands) {
    app.command(`/${command.name}`, async ({ command: slash, body, ack, respond, context }) => {
      await ack();
      try {
        if (!(await firstDelivery(body))) return;
        const workspace = await workspaceOf(context, `/${command.name}`, slash.team_id);
        if (!workspace) return;
        // Typed in a DM: the answer comes there (response_url), a card goes to the community's channel.
        const channelId = isDirectConversation(slash.channel_id, slash.channel_name) ? undefined : slash.channel_id;
        const actor = await actorOf(workspace, slash.team_domain, slash.user_id, channelId);
        const { subcommand, options } = readTextInvocation(command, tokenize(slash.text ?? ""));
        const outcome = await musubi.command(workspace.port, actor, { name: command.name, subcommand, options });
        await show(workspace, actor, outcome, {
          triggerId: slash.trigger_id,
          respond: (reply) => respond({ response_type: reply.ephemeral ? "ephemeral" : "in_channel", ...renderMessage(reply) }),
        });
        await refreshHome(workspace, actor);
      } catch (error) {
        failed(`/${command.name}`)(error);
      }
    });
  }

  app.action(/.*/, async ({ ack, body, respond, context }) => {
    await ack();
    if (body.type !== "block_actions") return;
    if (!(await firstDelivery(body).catch((error: unknown) => { failed("action")(error); return false; }))) return;
    const action = body.actions[0];
    if (!action || !("action_id" in action)) return;
    const respondPrivately = body.response_url
      ? (reply: Reply) => respond({ response_type: "ephemeral", replace_original: false, ...renderMessage(reply) })
      : undefined;
    try {
      const request = await workspaceOf(context, `action ${action.action_id}`, body.team?.id, body.user.team_id);
      if (!request) return;
      const { community: named, actionId } = readCommunityOfAction(action.action_id);
      const workspace = await workspaceNamed(named, request, body.user.id);
      if (!workspace) {
        await refuseOutsider(request, body.user.id, named, respondPrivately);
        return;
      }
      // A button in the bot's direct messages is no channel to post cards in.
      const channelId = isDirectConversation(body.channel?.id, body.channel?.name) ? undefined : body.channel?.id;
      const actor = await actorOf(workspace, workspace.teamId === body.team?.id ? body.team.domain ?? "" : "", body.user.id, channelId);
      // A button of the Home tab (no channel, no response_url: its answer comes by direct message).
      if (body.view?.type === "home") rememberHome(actor);
      const outcome = await musubi.action(workspace.port, actor, actionId);
      await show(workspace, actor, outcome, { triggerId: body.trigger_id, respond: respondPrivately });
      await refreshHome(workspace, actor);
    } catch (error) {
      failed(`action ${action.action_id}`)(error);
    }
  });

  app.view(/^form:/, async ({ ack, body, view, context }) => {
    const formId = readFormModalId(view.callback_id)?.formId ?? "";
    const request = await workspaceOf(context, `form ${formId}`, body.team?.id, body.user.team_id);
    if (!request) {
      await ack();
      return;
    }
    const metadata = viewMetadata.safeParse(JSON.parse(view.private_metadata || "{}")).data ?? {};
    const workspace = await workspaceNamed(metadata.teamId, request, body.user.id);
    if (!workspace) {
      await ack();
      await refuseOutsider(request, body.user.id, metadata.teamId);
      return;
    }
    const values = readViewState(view.state.values as never);
    const actor = await actorOf(workspace, body.team?.domain ?? "", body.user.id, metadata.channelId ?? undefined);
    const errors = await musubi.checkForm(workspace.port, actor, { formId, values });
    if (errors) {
      await ack({ response_action: "errors", errors });
      return;
    }
    await ack();
    if (!(await firstDelivery(body))) return;
    const result = await musubi.submitForm(workspace.port, actor, { formId, page: "all", values });
    await show(workspace, actor, result.outcome, {}).catch(failed(`form ${formId}`));
    await refreshHome(workspace, actor);
  });

  app.event("app_home_opened", async ({ event, body, context }) => {
    // The Messages and About tabs are Slack's own: only the Home tab is musubi's page.
    if (event.tab !== "home") return;
    try {
      const workspace = await workspaceOf(context, "app_home_opened", body.team_id);
      if (!workspace) return;
      const actor = await actorOf(workspace, "", event.user);
      rememberHome(actor);
      await publishHome(workspace, actor);
    } catch (error) {
      failed("app_home_opened")(error);
    }
  });

  app.event("team_join", async ({ event, body, context }) => {
    const joined = event.user as { id: string; team_id?: string; real_name?: string; name?: string; is_bot?: boolean };
    if (joined.is_bot) return;
    // On Enterprise Grid the event's team may be the org: the member's own workspace is the one they joined.
    const workspace = await workspaceOf(context, "team_join", joined.team_id, body.team_id);
    if (!workspace) return;
    // team_join carries no locale in real traffic: users.info (include_locale) tells the newcomer's
    // language. Should it fail, the newcomer is still welcomed, in the community's language.
    const user = await userOf(workspace, joined.id).catch((error: unknown) => {
      slackLog.warn({ err: error, user: joined.id }, "users.info failed: welcoming in the community's language");
      return undefined;
    });
    await musubi.memberJoined(workspace.port, {
      platform: "slack",
      community: { externalId: workspace.teamId, name: "" },
      userId: joined.id,
      displayName: user?.displayName ?? (joined.real_name || joined.name || joined.id),
      locale: user?.locale,
      timeZone: user?.timeZone,
    });
  });

  app.error(async (error) => {
    slackLog.error({ err: error }, "bolt error");
    metrics?.platformError("slack", "listener");
  });

  let connected = false;
  if (receiver) http!.mount(refusingFutureTimestamps(receiver.requestListener, slackLog));
  else await app.start();
  connected = true;
  slackLog.info({ mode: socketMode ? "socket" : "http", installs: Boolean(config.oauth), bot: botUserId }, "serving Slack");
  return {
    app,
    observe: observeRateLimits,
    workspaces,
    connected: () => connected,
    async drain() {
      // Socket Mode: the socket is closed so no event arrives; the listeners under way go on.
      if (socketMode) await app.stop();
      await inflight.idle();
    },
    async stop() {
      connected = false;
      if (socketMode) await app.stop().catch(() => undefined);
    },
  };
}
