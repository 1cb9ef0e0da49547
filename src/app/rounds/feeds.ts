import { randomBytes } from "node:crypto";
import { seriesCalendar } from "../../core/rounds/index.js";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "../../logger.js";
import type { Store } from "../../store/repositories.js";
import type { FeedOwner } from "../../store/study-sessions-repository.js";
import type { CommandContext } from "../context.js";
import { privateReply, type Outcome } from "../reply.js";
import { roundByNumber } from "./participation.js";
import { CALENDAR_PRODUCT_ID, calendarFile, calendarSeriesOf, seesParticipantDetails } from "./service.js";
import { requireOrganizer } from "./study.js";

// Calendar feeds: a secret URL per round and per member that calendar applications subscribe to.
// The bot's HTTP port serves it, built afresh on each request, so moved and cancelled sessions
// appear without anyone downloading a file again. Resetting a feed makes its old URL fail.

export const CALENDAR_FEED_PATH = "/calendar.ics";

const newToken = () => randomBytes(24).toString("base64url");

export const feedUrl = (publicUrl: string, token: string) => `${publicUrl.replace(/\/+$/, "")}${CALENDAR_FEED_PATH}?key=${token}`;

/** `/round feed`: the round's feed, or without a round the member's own sessions; reset gives a new URL. */
export async function feedReply(ctx: CommandContext, input: { round?: number | undefined; reset?: string | undefined }): Promise<Outcome> {
  const round = input.round === undefined ? undefined : await roundByNumber(ctx, input.round);
  if (round && input.reset === "yes") requireOrganizer(ctx, round);
  if (!ctx.publicUrl) {
    const files = round ? [await calendarFile(ctx, round)] : [];
    return privateReply(ctx.t("sessions.feed.off"), { files });
  }
  const owner: FeedOwner = round ? { roundId: round.id } : { memberId: ctx.member.id };
  const { studySessions } = ctx.store;
  let token = input.reset === "yes" ? null : await studySessions.feed(owner);
  if (!token) {
    token = newToken();
    await studySessions.setFeed(owner, token);
  }
  const url = feedUrl(ctx.publicUrl, token);
  const text = round
    ? ctx.t(input.reset === "yes" ? "sessions.feed.roundReset" : "sessions.feed.round", { title: round.title, url })
    : ctx.t(input.reset === "yes" ? "sessions.feed.mineReset" : "sessions.feed.mine", { url });
  return privateReply(text);
}

/** The calendar a feed token stands for, or nothing for a token never given or reset since. */
export async function feedCalendar(store: Store, token: string, now: Date): Promise<string | undefined> {
  const owner = await store.calendarFeed(token);
  if (!owner) return undefined;
  const community = store.forCommunity(owner.communityId);
  const roundIds = "roundId" in owner ? [owner.roundId] : await community.studySessions.roundIdsOf(owner.memberId);
  const series = [];
  let name = "";
  for (const roundId of roundIds) {
    const round = await community.rounds.find(roundId);
    if (!round) continue;
    name ||= round.title;
    // A round's feed may be passed around; a member's own feed has the link of the rounds they sit in or organize.
    const withLink = "memberId" in owner && await seesParticipantDetails({ store: community }, round, owner.memberId, false);
    series.push(calendarSeriesOf(round, await community.rounds.sessions(round.id), withLink));
  }
  if ("memberId" in owner) name = "musubi";
  return seriesCalendar({ name, series, productId: CALENDAR_PRODUCT_ID, generatedAt: now });
}

/** GET /calendar.ics?key=…: the feed, or 404 for a key that does not exist (never given, or reset). */
export function calendarFeedRoute(deps: { store: Store; now(): Date; log: Logger }) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const key = new URL(req.url ?? "/", "http://localhost").searchParams.get("key") ?? "";
    const calendar = /^[\w-]{16,64}$/.test(key) ? await feedCalendar(deps.store, key, deps.now()) : undefined;
    if (!calendar) {
      // The key is a secret: it never reaches the log.
      deps.log.info("calendar feed asked for with an unknown key");
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("Unknown calendar feed: it was never given or has been reset.\n");
      return;
    }
    res.writeHead(200, { "content-type": "text/calendar; charset=utf-8", "cache-control": "private, max-age=300" }).end(req.method === "HEAD" ? undefined : calendar);
  };
}

