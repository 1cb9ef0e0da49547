import { describe, expect, it } from "vitest";
import { communityFigures, networkGraph, type CommunityActivity, type CommunityFigures, type Period } from "../../../src/core/network/index.js";
import type { FollowUpAnswer } from "../../../src/core/pairing/settings.js";
import type { Seniority } from "../../../src/core/profile.js";

// The organizers' figures and network, checked against counts made here, in plain loops written
// from the definitions in CommunityFigures and NetworkGraph, on a generated community: 300 members
// of 8 industries and 5 seniority levels, 26 weekly pairing rounds of pairs and trios with answers
// and "meet again", posts (some answered), exchanges, thanks and sessions.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
/** A Wednesday. */
const NOW = new Date("2026-12-02T03:00:00Z");
/** The Monday of NOW's week, and of the first of 26 weekly rounds. */
const LAST_MONDAY = new Date("2026-11-30T00:00:00Z");
const FIRST_MONDAY = new Date(LAST_MONDAY.getTime() - 25 * WEEK);

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const INDUSTRIES = ["it", "finance", "consulting", "manufacturing", "medical", "education", "media", "retail"];
/** Seniority levels with their rank, written out here rather than read from the module. */
const LEVEL_RANK: Record<string, number> = { student: 0, "1-3": 1, "3-7": 2, "7-15": 3, "15+": 4 };
const LEVELS = Object.keys(LEVEL_RANK) as Seniority[];

function generatedCommunity(seed: number): CommunityActivity {
  const random = rng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const between = (from: number, to: number) => new Date(from + random() * (to - from));
  const members: CommunityActivity["members"] = Array.from({ length: 300 }, (_, i) => {
    const hasIntro = random() < 0.95;
    return {
      id: `m${String(i).padStart(3, "0")}`, name: `Member ${i}`, hasIntro, inPairing: hasIntro && random() < 0.8,
      industry: hasIntro ? pick(INDUSTRIES) : null, seniority: hasIntro ? pick(LEVELS) : null,
    };
  });
  const ids = members.map((m) => m.id);
  const otherThan = (id: string) => {
    let other = pick(ids);
    while (other === id) other = pick(ids);
    return other;
  };

  const answerOf = (): FollowUpAnswer | null => {
    const roll = random();
    return roll < 0.2 ? null : roll < 0.48 ? "in_person" : roll < 0.68 ? "online" : roll < 0.8 ? "scheduled" : "not_met";
  };
  const groups: CommunityActivity["groups"] = [];
  for (let round = 0; round < 26; round++) {
    // Rounds at 09:00 in Tokyo (Monday 00:00 UTC, the very start of the week) or later on Monday.
    const at = new Date(FIRST_MONDAY.getTime() + round * WEEK + (round % 3) * 5 * HOUR);
    // Most of those in pairing, a few skip; now and then someone without an intro (made before it was required).
    const pool = members.filter((m) => (m.inPairing && random() < 0.9) || (!m.hasIntro && random() < 0.1)).map((m) => m.id);
    for (let i = pool.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [pool[i], pool[j]] = [pool[j]!, pool[i]!];
    }
    const size = round % 5 === 4 ? 3 : 2;
    let position = 0;
    while (pool.length >= size) {
      // The remainder joins the last group (a trio of a pair round, a group of four or five).
      const take = pool.length < 2 * size ? pool.length : size;
      const memberIds = pool.splice(0, take);
      groups.push({
        id: `g${round}-${position++}`, at, size: memberIds.length,
        members: memberIds.map((memberId) => {
          const answer = answerOf();
          // "Meet again?" is asked of a member who answered that they met.
          const roll = random();
          const meetAgain = answer === "in_person" || answer === "online" ? (roll < 0.5 ? true : roll < 0.8 ? false : null) : null;
          return { memberId, answer, meetAgain };
        }),
      });
    }
  }

  const start = FIRST_MONDAY.getTime() - 2 * WEEK;
  const posts: CommunityActivity["posts"] = [];
  const exchanges: CommunityActivity["exchanges"] = [];
  for (let i = 0; i < 500; i++) {
    const kind = random() < 0.55 ? "offer" : "ask";
    const author = pick(ids);
    const createdAt = between(start, NOW.getTime());
    const answers = random() < 0.6 ? 1 + Math.floor(random() * 3) : 0;
    const times: Date[] = [];
    for (let k = 0; k < answers; k++) {
      const at = new Date(createdAt.getTime() + (0.5 + random() * 300) * HOUR);
      if (at > NOW) continue;
      times.push(at);
      const other = otherThan(author);
      exchanges.push(kind === "offer" ? { at, helperId: author, helpedId: other } : { at, helperId: other, helpedId: author });
    }
    const first = times.length > 0 ? new Date(Math.min(...times.map((t) => t.getTime()))) : null;
    posts.push({ id: `p${i}`, kind, createdAt, firstAnsweredAt: first });
  }
  const thanks = Array.from({ length: 600 }, () => {
    const fromId = pick(ids);
    return { at: between(start, NOW.getTime()), fromId, toId: otherThan(fromId) };
  });
  const sessions = Array.from({ length: 40 }, () => {
    const seated = 2 + Math.floor(random() * 11);
    const attended = Math.floor(random() * (seated + 1));
    const missed = Math.floor(random() * (seated - attended + 1));
    return { at: between(start, NOW.getTime()), seated, attended, missed, takeaways: Math.floor(random() * (attended + 1)) };
  });
  return { members, groups, posts, exchanges, thanks, sessions };
}

/** The figures of a period, counted one by one from their definitions. `firstMonday`: the Monday of the period's first week. */
function countedFigures(activity: CommunityActivity, period: Period, firstMonday: Date) {
  const inPeriod = (at: Date) => at.getTime() >= period.from.getTime() && at.getTime() <= period.to.getTime();
  const member = new Map(activity.members.map((m) => [m.id, m]));
  const weekCount = Math.floor((period.to.getTime() - firstMonday.getTime()) / WEEK) + 1;
  const weeks = Array.from({ length: weekCount }, (_, i) => ({ start: new Date(firstMonday.getTime() + i * WEEK), groups: 0, met: 0, exchanges: 0, thanks: 0 }));
  const weekOf = (at: Date) => weeks[Math.floor((at.getTime() - firstMonday.getTime()) / WEEK)]!;

  let membersWithIntro = 0;
  let membersInPairing = 0;
  for (const m of activity.members) {
    if (m.hasIntro) membersWithIntro++;
    if (m.inPairing) membersInPairing++;
  }

  let groups = 0, places = 0, answeredPlaces = 0, metGroups = 0, metInPerson = 0, metOnline = 0, metPlaces = 0, wantAgain = 0, mutual = 0;
  let knownGroups = 0, crossGroups = 0, gapSum = 0, gapCount = 0;
  const wantedAgain = new Set<string>();
  const metMembers = new Set<string>();
  for (const group of activity.groups) {
    if (!inPeriod(group.at)) continue;
    groups++;
    weekOf(group.at).groups++;
    let inPerson = false;
    let online = false;
    for (const place of group.members) {
      places++;
      if (place.answer !== null) answeredPlaces++;
      if (place.answer === "in_person") inPerson = true;
      if (place.answer === "online") online = true;
    }
    if (inPerson || online) {
      metGroups++;
      weekOf(group.at).met++;
      if (inPerson) metInPerson++;
      else metOnline++;
      for (const place of group.members) {
        metPlaces++;
        metMembers.add(place.memberId);
        if (place.meetAgain === true) {
          wantAgain++;
          wantedAgain.add(place.memberId);
        }
      }
    }
    let known = true;
    const industries = new Set<string>();
    for (const place of group.members) {
      const industry = member.get(place.memberId)?.industry ?? null;
      if (industry === null) known = false;
      else industries.add(industry);
    }
    if (known) {
      knownGroups++;
      if (industries.size > 1) crossGroups++;
    }
    for (let i = 0; i < group.members.length; i++) {
      for (let j = i + 1; j < group.members.length; j++) {
        const a = group.members[i]!;
        const b = group.members[j]!;
        if (a.meetAgain === true && b.meetAgain === true) mutual++;
        const sa = member.get(a.memberId)?.seniority ?? null;
        const sb = member.get(b.memberId)?.seniority ?? null;
        if (sa !== null && sb !== null) {
          gapSum += Math.abs(LEVEL_RANK[sa]! - LEVEL_RANK[sb]!);
          gapCount++;
        }
      }
    }
  }

  let offers = 0, asks = 0, answered = 0;
  const hours: number[] = [];
  for (const post of activity.posts) {
    if (!inPeriod(post.createdAt)) continue;
    if (post.kind === "offer") offers++;
    else asks++;
    if (post.firstAnsweredAt !== null) {
      answered++;
      hours.push((post.firstAnsweredAt.getTime() - post.createdAt.getTime()) / HOUR);
    }
  }
  hours.sort((a, b) => a - b);
  const medianHoursToAnswer = hours.length === 0 ? null
    : hours.length % 2 === 1 ? hours[(hours.length - 1) / 2]! : (hours[hours.length / 2 - 1]! + hours[hours.length / 2]!) / 2;

  let exchanges = 0;
  const helpedOrHelping = new Set<string>();
  for (const exchange of activity.exchanges) {
    if (!inPeriod(exchange.at)) continue;
    exchanges++;
    weekOf(exchange.at).exchanges++;
    if (exchange.helperId) helpedOrHelping.add(exchange.helperId);
    if (exchange.helpedId) helpedOrHelping.add(exchange.helpedId);
  }
  let thanks = 0;
  for (const note of activity.thanks) {
    if (!inPeriod(note.at)) continue;
    thanks++;
    weekOf(note.at).thanks++;
  }
  let sessions = 0, seatsFilled = 0, attended = 0, missed = 0, takeaways = 0;
  for (const session of activity.sessions) {
    if (!inPeriod(session.at)) continue;
    sessions++;
    seatsFilled += session.seated;
    attended += session.attended;
    missed += session.missed;
    takeaways += session.takeaways;
  }
  // Onward from meeting: members whose group met and who wanted to meet again, or who helped or were helped.
  const onward = new Set(wantedAgain);
  for (const id of metMembers) if (helpedOrHelping.has(id)) onward.add(id);

  const rates = {
    answerRate: places > 0 ? answeredPlaces / places : null,
    metRate: groups > 0 ? metGroups / groups : null,
    meetAgainRate: metPlaces > 0 ? wantAgain / metPlaces : null,
    crossIndustryShare: knownGroups > 0 ? crossGroups / knownGroups : null,
    meanSeniorityGap: gapCount > 0 ? gapSum / gapCount : null,
    medianHoursToAnswer,
    attendanceRate: attended + missed > 0 ? attended / (attended + missed) : null,
  };
  const counts = {
    membersWithIntro, membersInPairing, groups, matched: places, metInPerson, metOnline, mutualConnections: mutual,
    offers, asks, answered, exchanges, thanks, sessions, seatsFilled, takeaways,
    funnel: { matched: places, met: metPlaces, metAgainOrHelped: onward.size },
    weeks,
  };
  return { rates, counts };
}

/** The figures as `countedFigures` shapes them: rates apart, to be compared with toBeCloseTo. */
function split(figures: CommunityFigures) {
  const { answerRate, metRate, meetAgainRate, crossIndustryShare, meanSeniorityGap, medianHoursToAnswer, attendanceRate, ...counts } = figures;
  return { rates: { answerRate, metRate, meetAgainRate, crossIndustryShare, meanSeniorityGap, medianHoursToAnswer, attendanceRate }, counts };
}

function expectSameFigures(actual: CommunityFigures, expected: ReturnType<typeof countedFigures>) {
  const { rates, counts } = split(actual);
  expect(counts).toEqual(expected.counts);
  for (const [name, value] of Object.entries(expected.rates)) {
    // The generated community has something of everything: no rate is empty.
    expect(value, name).not.toBeNull();
    expect(rates[name as keyof typeof rates], name).toBeCloseTo(value!, 9);
  }
}

describe("the community's figures on a generated community", () => {
  const activity = generatedCommunity(20261202);

  it("given the generated community, then it has what the figures need: groups that met and not, trios, repeats, answered and open posts", () => {
    expect(activity.groups.length).toBeGreaterThan(2500);
    expect(activity.groups.some((g) => g.members.length === 3)).toBe(true);
    expect(activity.groups.some((g) => g.members.some((m) => m.meetAgain === true))).toBe(true);
    expect(activity.posts.filter((p) => p.firstAnsweredAt !== null).length).toBeGreaterThan(100);
    expect(activity.posts.filter((p) => p.firstAnsweredAt === null).length).toBeGreaterThan(100);
    // Some groups hold a member without an intro, so "industries known" leaves groups out.
    const noIntro = new Set(activity.members.filter((m) => !m.hasIntro).map((m) => m.id));
    expect(activity.groups.some((g) => g.members.some((m) => noIntro.has(m.memberId)))).toBe(true);
  });

  it("given the last 12 weeks up to now, then every figure matches the counts made from the definitions", () => {
    const from = new Date("2026-09-14T00:00:00Z");
    expect(from.getUTCDay()).toBe(1);
    const figures = communityFigures(activity, { from, to: NOW });
    const expected = countedFigures(activity, { from, to: NOW }, from);
    expectSameFigures(figures, expected);
    expect(figures.weeks).toHaveLength(12);
    expect(figures.groups).toBeGreaterThan(1000);
  });

  it("given a period from a Wednesday to a Friday weeks later, then every figure matches, with weeks from the Monday before", () => {
    const period = { from: new Date("2026-10-07T12:00:00Z"), to: new Date("2026-11-13T18:00:00Z") };
    const figures = communityFigures(activity, period);
    expectSameFigures(figures, countedFigures(activity, period, new Date("2026-10-05T00:00:00Z")));
    expect(figures.weeks.map((w) => w.start.toISOString().slice(0, 10))).toEqual(["2026-10-05", "2026-10-12", "2026-10-19", "2026-10-26", "2026-11-02", "2026-11-09"]);
  });

  it("given the whole half year, then every figure matches too", () => {
    const from = new Date(FIRST_MONDAY.getTime() - 2 * WEEK);
    const figures = communityFigures(activity, { from, to: NOW });
    expectSameFigures(figures, countedFigures(activity, { from, to: NOW }, from));
    expect(figures.groups).toBe(activity.groups.length);
  });

  it("given a different community (another seed), then the figures still match", () => {
    const other = generatedCommunity(7);
    const from = new Date("2026-09-14T00:00:00Z");
    expectSameFigures(communityFigures(other, { from, to: NOW }), countedFigures(other, { from, to: NOW }, from));
  });
});

/** The network counted from its definition: who met whom (a group that met) or helped whom, over all time. */
function countedGraph(activity: CommunityActivity) {
  const member = new Map(activity.members.map((m) => [m.id, m]));
  const weights = new Map<string, number>();
  const link = (x: string, y: string) => {
    if (x === y || !member.has(x) || !member.has(y)) return;
    const key = [x, y].sort().join("|");
    weights.set(key, (weights.get(key) ?? 0) + 1);
  };
  for (const group of activity.groups) {
    if (!group.members.some((m) => m.answer === "in_person" || m.answer === "online")) continue;
    for (let i = 0; i < group.members.length; i++) {
      for (let j = i + 1; j < group.members.length; j++) link(group.members[i]!.memberId, group.members[j]!.memberId);
    }
  }
  for (const exchange of activity.exchanges) if (exchange.helperId && exchange.helpedId) link(exchange.helperId, exchange.helpedId);
  const neighbours = new Map<string, Set<string>>();
  const edges: { a: string; b: string; weight: number; crossIndustry: boolean }[] = [];
  let known = 0, cross = 0;
  for (const [key, weight] of weights) {
    const [a, b] = key.split("|") as [string, string];
    for (const [x, y] of [[a, b], [b, a]] as const) {
      const set = neighbours.get(x) ?? new Set<string>();
      set.add(y);
      neighbours.set(x, set);
    }
    const ia = member.get(a)!.industry;
    const ib = member.get(b)!.industry;
    const crossIndustry = ia !== null && ib !== null && ia !== ib;
    if (ia !== null && ib !== null) {
      known++;
      if (crossIndustry) cross++;
    }
    edges.push({ a, b, weight, crossIndustry });
  }
  const degree = (id: string) => neighbours.get(id)?.size ?? 0;
  const introduced = activity.members.filter((m) => m.hasIntro);
  let wellConnected = 0;
  for (const m of introduced) if (degree(m.id) >= 3) wellConnected++;
  return {
    nodes: activity.members.filter((m) => m.hasIntro || degree(m.id) > 0).map((m) => ({ id: m.id, name: m.name, industry: m.industry, connections: degree(m.id) })),
    edges,
    wellConnectedShare: introduced.length > 0 ? wellConnected / introduced.length : null,
    unconnected: introduced.filter((m) => degree(m.id) === 0).map((m) => ({ id: m.id, name: m.name })),
    crossIndustryShare: known > 0 ? cross / known : null,
  };
}

const byPair = (a: { a: string; b: string }, b: { a: string; b: string }) => `${a.a}|${a.b}`.localeCompare(`${b.a}|${b.b}`);

describe("the network of the community", () => {
  it("given the generated community, then its nodes, weighted edges, shares and unconnected members match the counts from the definition", () => {
    const activity = generatedCommunity(20261202);
    // A few members with an intro who never met anyone nor helped: the organizer may welcome them.
    for (let i = 0; i < 5; i++) {
      activity.members.push({ id: `new${i}`, name: `Newcomer ${i}`, hasIntro: true, inPairing: false, industry: "it", seniority: "1-3" });
    }
    const graph = networkGraph(activity);
    const expected = countedGraph(activity);
    expect(graph.nodes).toEqual(expected.nodes);
    expect([...graph.edges].sort(byPair)).toEqual([...expected.edges].sort(byPair));
    for (const edge of graph.edges) expect(edge.a < edge.b).toBe(true);
    expect(graph.unconnected).toEqual(expected.unconnected);
    expect(graph.unconnected.map((m) => m.id)).toEqual(expect.arrayContaining(["new0", "new4"]));
    expect(graph.wellConnectedShare).toBeCloseTo(expected.wellConnectedShare!, 9);
    expect(graph.crossIndustryShare).toBeCloseTo(expected.crossIndustryShare!, 9);
    // The community has repeat meetings and both kinds of edge, so weights and crossings are really checked.
    expect(Math.max(...graph.edges.map((e) => e.weight))).toBeGreaterThan(1);
    expect(graph.edges.some((e) => e.crossIndustry) && graph.edges.some((e) => !e.crossIndustry)).toBe(true);
    // Members without an intro are drawn once they have met someone.
    expect(graph.nodes.some((n) => n.industry === null)).toBe(true);
  });
});

describe("periods, weeks and empty communities", () => {
  const a = { id: "a", name: "Aiko", hasIntro: true, inPairing: true, industry: "it", seniority: "3-7" as const };
  const b = { id: "b", name: "Ken", hasIntro: true, inPairing: true, industry: "design", seniority: "7-15" as const };
  const empty: CommunityActivity = { members: [], groups: [], posts: [], exchanges: [], thanks: [], sessions: [] };
  const events = (at: Date, tag: string): Omit<CommunityActivity, "members"> => ({
    groups: [{ id: `g-${tag}`, at, size: 2, members: [{ memberId: "a", answer: "in_person", meetAgain: true }, { memberId: "b", answer: null, meetAgain: true }] }],
    posts: [{ id: `p-${tag}`, kind: "ask", createdAt: at, firstAnsweredAt: at }],
    exchanges: [{ at, helperId: "b", helpedId: "a" }],
    thanks: [{ at, fromId: "a", toId: "b" }],
    sessions: [{ at, seated: 4, attended: 3, missed: 1, takeaways: 2 }],
  });
  const merged = (...parts: Omit<CommunityActivity, "members">[]): CommunityActivity => ({
    members: [a, b],
    groups: parts.flatMap((p) => p.groups), posts: parts.flatMap((p) => p.posts), exchanges: parts.flatMap((p) => p.exchanges),
    thanks: parts.flatMap((p) => p.thanks), sessions: parts.flatMap((p) => p.sessions),
  });

  it("given a period that ends now, then what happened at exactly now counts, and what happens a moment later does not", () => {
    const from = new Date("2026-11-30T00:00:00Z");
    const activity = merged(events(NOW, "now"), events(new Date(NOW.getTime() + 1), "later"));
    const f = communityFigures(activity, { from, to: NOW });
    expect([f.groups, f.matched, f.asks, f.answered, f.exchanges, f.thanks, f.sessions, f.seatsFilled, f.takeaways, f.mutualConnections])
      .toEqual([1, 2, 1, 1, 1, 1, 1, 4, 2, 1]);
    expect(f.medianHoursToAnswer).toBe(0);
    expect(f.weeks).toEqual([{ start: from, groups: 1, met: 1, exchanges: 1, thanks: 1 }]);
  });

  it("given events at the start of a period and just before it, then the start counts and the moment before does not", () => {
    const from = new Date("2026-11-18T09:30:00Z");
    const activity = merged(events(from, "start"), events(new Date(from.getTime() - 1), "before"));
    const f = communityFigures(activity, { from, to: NOW });
    expect([f.groups, f.asks, f.exchanges, f.thanks, f.sessions]).toEqual([1, 1, 1, 1, 1]);
    // The week of the start holds the one at the start; the moment before, in the same week, is outside the period.
    expect(f.weeks[0]).toEqual({ start: new Date("2026-11-16T00:00:00Z"), groups: 1, met: 1, exchanges: 1, thanks: 1 });
  });

  it("given events around midnight between Sunday and Monday, then weeks start on Monday at 00:00 UTC, whatever the community's zone", () => {
    const period = { from: new Date("2026-11-04T00:00:00Z"), to: new Date("2026-11-17T12:00:00Z") };
    const activity = merged(
      events(new Date("2026-11-03T12:00:00Z"), "before the period"),
      events(new Date("2026-11-08T23:59:59.999Z"), "sunday night"),
      events(new Date("2026-11-09T00:00:00Z"), "monday midnight"),
      // Monday 08:00 in Tokyo is still Sunday in UTC.
      events(new Date("2026-11-16T08:00:00+09:00"), "tokyo monday morning"),
      events(new Date("2026-11-17T00:00:00Z"), "tuesday"),
    );
    const f = communityFigures(activity, period);
    expect(f.weeks.map((w) => w.start.toISOString())).toEqual(["2026-11-02T00:00:00.000Z", "2026-11-09T00:00:00.000Z", "2026-11-16T00:00:00.000Z"]);
    expect(f.weeks.map((w) => [w.groups, w.met, w.exchanges, w.thanks])).toEqual([[1, 1, 1, 1], [2, 2, 2, 2], [1, 1, 1, 1]]);
    expect(f.groups).toBe(4);
  });

  it("given an empty community, then the rates and shares are empty (null), never NaN, and every count is zero", () => {
    const period = { from: new Date("2026-11-30T00:00:00Z"), to: NOW };
    const f = communityFigures(empty, period);
    for (const rate of [f.answerRate, f.metRate, f.meetAgainRate, f.crossIndustryShare, f.meanSeniorityGap, f.medianHoursToAnswer, f.attendanceRate]) {
      expect(rate).toBeNull();
    }
    expect([f.membersWithIntro, f.membersInPairing, f.groups, f.matched, f.metInPerson, f.metOnline, f.mutualConnections, f.offers, f.asks,
      f.answered, f.exchanges, f.thanks, f.sessions, f.seatsFilled, f.takeaways]).toEqual(Array(15).fill(0));
    expect(f.funnel).toEqual({ matched: 0, met: 0, metAgainOrHelped: 0 });
    expect(f.weeks).toEqual([{ start: period.from, groups: 0, met: 0, exchanges: 0, thanks: 0 }]);
    expect(JSON.stringify(f)).not.toContain("NaN");

    expect(networkGraph(empty)).toEqual({ nodes: [], edges: [], wellConnectedShare: null, unconnected: [], crossIndustryShare: null });
  });

  it("given members with intros who have not met anyone, then nobody is well connected (0, not empty) and all of them are unconnected", () => {
    const graph = networkGraph({ ...empty, members: [a, b] });
    expect(graph.wellConnectedShare).toBe(0);
    expect(graph.crossIndustryShare).toBeNull();
    expect(graph.unconnected).toEqual([{ id: "a", name: "Aiko" }, { id: "b", name: "Ken" }]);
    // Groups that did not meet and sessions without answers leave the rates empty or zero, not NaN.
    const f = communityFigures({
      ...empty, members: [a, b],
      groups: [{ id: "g", at: NOW, size: 2, members: [{ memberId: "a", answer: "not_met", meetAgain: null }, { memberId: "b", answer: null, meetAgain: null }] }],
      sessions: [{ at: NOW, seated: 3, attended: 0, missed: 0, takeaways: 0 }],
    }, { from: new Date("2026-11-30T00:00:00Z"), to: NOW });
    expect([f.answerRate, f.metRate, f.meetAgainRate, f.attendanceRate, f.crossIndustryShare, f.meanSeniorityGap]).toEqual([0.5, 0, null, null, 1, 1]);
  });
});
