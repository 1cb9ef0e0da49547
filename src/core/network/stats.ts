import type { FollowUpAnswer } from "../pairing/settings.js";
import { SENIORITY_LEVELS, type Seniority } from "../profile.js";
import { bestAnswer, met } from "./connections.js";

// The community's figures over a period, for organizers: who takes part, how pairing rounds go
// (answered, met, met again), what the board gives, what rounds gather; a funnel and a weekly
// trend for the pictures; and who is connected to whom. Pure: the store loads the activity.

export interface ActivityMember {
  id: string;
  name: string;
  hasIntro: boolean;
  inPairing: boolean;
  industry: string | null;
  seniority: Seniority | null;
}

export interface ActivityGroup {
  id: string;
  at: Date;
  /** How many members it had when made (0: not recorded); fewer remain when one deleted their data. */
  size: number;
  members: { memberId: string; answer: FollowUpAnswer | null; meetAgain: boolean | null }[];
}

export interface ActivityPost {
  id: string;
  kind: "offer" | "ask";
  createdAt: Date;
  /** When it was first answered, if it was. */
  firstAnsweredAt: Date | null;
}

export interface ActivityExchange {
  at: Date;
  /** Null: that side has deleted their data. */
  helperId: string | null;
  helpedId: string | null;
}

export interface ActivitySession {
  at: Date;
  /** Members seated in the round now (the seats of a session held are not kept apart). */
  seated: number;
  attended: number;
  missed: number;
  takeaways: number;
}

export interface CommunityActivity {
  members: ActivityMember[];
  groups: ActivityGroup[];
  posts: ActivityPost[];
  exchanges: ActivityExchange[];
  thanks: { at: Date; fromId: string; toId: string }[];
  sessions: ActivitySession[];
}

export interface Period {
  from: Date;
  to: Date;
}

export interface CommunityFigures {
  membersWithIntro: number;
  membersInPairing: number;
  groups: number;
  /** Places in groups (a member in two rounds counts twice). */
  matched: number;
  /** Of the places, how many answered the follow-up. */
  answerRate: number | null;
  /** Of the groups, how many met (in person or online, by the better answer of their members). */
  metRate: number | null;
  metInPerson: number;
  metOnline: number;
  /** Of the places whose group met, how many said they would like to meet again. */
  meetAgainRate: number | null;
  /** Pairs in a group where both said they would like to meet again. */
  mutualConnections: number;
  /** Of the groups whose industries are known, how many mix industries. */
  crossIndustryShare: number | null;
  /** Mean gap in seniority levels between two members of a group. */
  meanSeniorityGap: number | null;
  offers: number;
  asks: number;
  /** Posts of the period answered at least once. */
  answered: number;
  medianHoursToAnswer: number | null;
  exchanges: number;
  thanks: number;
  sessions: number;
  seatsFilled: number;
  /** Of the answers after sessions, how many said "I was there". */
  attendanceRate: number | null;
  takeaways: number;
  /** matched → met → met again or helped: places, then members. */
  funnel: { matched: number; met: number; metAgainOrHelped: number };
  /** One entry per week of the period, oldest first (weeks start on Monday, UTC). */
  weeks: { start: Date; groups: number; met: number; exchanges: number; thanks: number }[];
}

/** A period holds its start and, so that "now" counts, its end. */
const within = (at: Date, period: Period) => at.getTime() >= period.from.getTime() && at.getTime() <= period.to.getTime();
/** A week holds its Monday, not the next one. */
const inWeek = (at: Date, start: Date) => at.getTime() >= start.getTime() && at.getTime() < start.getTime() + 7 * 86_400_000;
const ratio = (part: number, whole: number) => (whole > 0 ? part / whole : null);

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The Monday (00:00 UTC) of the week holding `at`. */
export function weekStart(at: Date): Date {
  const day = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  const weekday = (day.getUTCDay() + 6) % 7;
  return new Date(day.getTime() - weekday * 86_400_000);
}

/** Pairs of members within a group. */
function pairsOf<T>(items: readonly T[]): [T, T][] {
  return items.flatMap((a, i) => items.slice(i + 1).map((b): [T, T] => [a, b]));
}

export function communityFigures(activity: CommunityActivity, period: Period): CommunityFigures {
  const members = new Map(activity.members.map((m) => [m.id, m]));
  const groups = activity.groups.filter((g) => within(g.at, period));
  const places = groups.flatMap((g) => g.members);
  const metGroups = groups.filter((g) => met(bestAnswer(g.members.map((m) => m.answer))));
  const metPlaces = metGroups.flatMap((g) => g.members);
  const wantAgain = metPlaces.filter((m) => m.meetAgain === true);
  const mutual = metGroups.flatMap((g) => pairsOf(g.members)).filter(([a, b]) => a.meetAgain === true && b.meetAgain === true);

  // A group whose member has since deleted their data has an unknown industry mix.
  const complete = (g: ActivityGroup) => g.size === 0 || g.members.length === g.size;
  const withIndustries = groups.filter((g) => complete(g) && g.members.every((m) => members.get(m.memberId)?.industry));
  const crossIndustry = withIndustries.filter((g) => new Set(g.members.map((m) => members.get(m.memberId)!.industry)).size > 1);
  const gaps = groups.flatMap((g) => pairsOf(g.members)).flatMap(([a, b]) => {
    const sa = members.get(a.memberId)?.seniority;
    const sb = members.get(b.memberId)?.seniority;
    return sa && sb ? [Math.abs(SENIORITY_LEVELS.indexOf(sa) - SENIORITY_LEVELS.indexOf(sb))] : [];
  });

  const posts = activity.posts.filter((p) => within(p.createdAt, period));
  const answered = posts.filter((p) => p.firstAnsweredAt !== null);
  const exchanges = activity.exchanges.filter((e) => within(e.at, period));
  const thanks = activity.thanks.filter((t) => within(t.at, period));
  const sessions = activity.sessions.filter((s) => within(s.at, period));
  const attended = sessions.reduce((sum, s) => sum + s.attended, 0);
  const missed = sessions.reduce((sum, s) => sum + s.missed, 0);

  // Members whose group met and who then wanted to meet again, or who helped or were helped.
  const helpedMembers = new Set(exchanges.flatMap((e) => [e.helperId, e.helpedId].filter((id): id is string => id !== null)));
  const metMembers = new Set(metPlaces.map((m) => m.memberId));
  const onward = new Set([...wantAgain.map((m) => m.memberId), ...[...helpedMembers].filter((id) => metMembers.has(id))]);

  const weeks: CommunityFigures["weeks"] = [];
  for (let start = weekStart(period.from); start.getTime() <= period.to.getTime(); start = new Date(start.getTime() + 7 * 86_400_000)) {
    weeks.push({
      start,
      groups: groups.filter((g) => inWeek(g.at, start)).length,
      met: metGroups.filter((g) => inWeek(g.at, start)).length,
      exchanges: exchanges.filter((e) => inWeek(e.at, start)).length,
      thanks: thanks.filter((t) => inWeek(t.at, start)).length,
    });
  }

  return {
    membersWithIntro: activity.members.filter((m) => m.hasIntro).length,
    membersInPairing: activity.members.filter((m) => m.inPairing).length,
    groups: groups.length,
    matched: places.length,
    answerRate: ratio(places.filter((m) => m.answer !== null).length, places.length),
    metRate: ratio(metGroups.length, groups.length),
    metInPerson: metGroups.filter((g) => bestAnswer(g.members.map((m) => m.answer)) === "in_person").length,
    metOnline: metGroups.filter((g) => bestAnswer(g.members.map((m) => m.answer)) === "online").length,
    meetAgainRate: ratio(wantAgain.length, metPlaces.length),
    mutualConnections: mutual.length,
    crossIndustryShare: ratio(crossIndustry.length, withIndustries.length),
    meanSeniorityGap: gaps.length > 0 ? gaps.reduce((a, b) => a + b, 0) / gaps.length : null,
    offers: posts.filter((p) => p.kind === "offer").length,
    asks: posts.filter((p) => p.kind === "ask").length,
    answered: answered.length,
    medianHoursToAnswer: median(answered.map((p) => (p.firstAnsweredAt!.getTime() - p.createdAt.getTime()) / 3_600_000)),
    exchanges: exchanges.length,
    thanks: thanks.length,
    sessions: sessions.length,
    seatsFilled: sessions.reduce((sum, s) => sum + s.seated, 0),
    attendanceRate: ratio(attended, attended + missed),
    takeaways: sessions.reduce((sum, s) => sum + s.takeaways, 0),
    funnel: { matched: places.length, met: metPlaces.length, metAgainOrHelped: onward.size },
    weeks,
  };
}

export interface NetworkGraph {
  nodes: { id: string; name: string; industry: string | null; connections: number }[];
  /** One per pair that met in a pairing round or helped each other, with how many times. */
  edges: { a: string; b: string; weight: number; crossIndustry: boolean }[];
  /** Of the members with an intro, how many have at least three connections. */
  wellConnectedShare: number | null;
  /** Members with an intro and no connection yet: the organizer may welcome them. */
  unconnected: { id: string; name: string }[];
  /** Of the connections between members whose industries are known, how many cross industries. */
  crossIndustryShare: number | null;
}

/** Who has met whom (a pairing whose group met) or helped whom (an answered post), over all time. */
export function networkGraph(activity: CommunityActivity): NetworkGraph {
  const members = new Map(activity.members.map((m) => [m.id, m]));
  const weights = new Map<string, { a: string; b: string; weight: number }>();
  const link = (x: string, y: string) => {
    if (x === y || !members.has(x) || !members.has(y)) return;
    const [a, b] = x < y ? [x, y] : [y, x];
    const key = `${a} ${b}`;
    const edge = weights.get(key) ?? { a, b, weight: 0 };
    edge.weight++;
    weights.set(key, edge);
  };
  for (const group of activity.groups) {
    if (!met(bestAnswer(group.members.map((m) => m.answer)))) continue;
    for (const [a, b] of pairsOf(group.members)) link(a.memberId, b.memberId);
  }
  for (const { helperId, helpedId } of activity.exchanges) if (helperId && helpedId) link(helperId, helpedId);
  const degree = new Map<string, number>();
  const edges = [...weights.values()].map((edge) => {
    degree.set(edge.a, (degree.get(edge.a) ?? 0) + 1);
    degree.set(edge.b, (degree.get(edge.b) ?? 0) + 1);
    const ia = members.get(edge.a)!.industry;
    const ib = members.get(edge.b)!.industry;
    return { ...edge, crossIndustry: Boolean(ia && ib && ia !== ib) };
  });
  const introduced = activity.members.filter((m) => m.hasIntro);
  const known = edges.filter((e) => members.get(e.a)!.industry && members.get(e.b)!.industry);
  return {
    nodes: activity.members
      .filter((m) => m.hasIntro || degree.has(m.id))
      .map((m) => ({ id: m.id, name: m.name, industry: m.industry, connections: degree.get(m.id) ?? 0 })),
    edges,
    wellConnectedShare: ratio(introduced.filter((m) => (degree.get(m.id) ?? 0) >= 3).length, introduced.length),
    unconnected: introduced.filter((m) => !degree.has(m.id)).map((m) => ({ id: m.id, name: m.name })),
    crossIndustryShare: ratio(known.filter((e) => e.crossIndustry).length, known.length),
  };
}
