import { SENIORITY, type PairingInput, type Weights } from "./input.js";

/** A reason is plain data so that the bot can render it in any language. */
export type Reason =
  | { kind: "differentIndustries"; params: { a: string; b: string; industryA: string; industryB: string } }
  | { kind: "sameIndustry"; params: { industry: string } }
  | { kind: "seniorityGap"; params: { gap: number; senior: string; junior: string } }
  | { kind: "sameSeniority"; params: { level: string } }
  | { kind: "canOffer"; params: { giver: string; receiver: string; tags: string[] } }
  | { kind: "sameCityInPerson"; params: { city: string } }
  | { kind: "timeZoneOverlap"; params: { hours: number } }
  | { kind: "sharedInterests"; params: { interests: string[] } }
  | { kind: "sharedLanguages"; params: { languages: string[] } }
  | { kind: "metBefore"; params: { a: string; b: string; weeksAgo: number; withinNoRepeatWindow: boolean } };
export type ReasonKind = Reason["kind"];

const DAY = 86_400_000;

/** UTC offset in minutes of an IANA zone at an instant (pure Intl, no library). */
export function timeZoneOffsetMinutes(timeZone: string, at: Date): number {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" }).formatToParts(at);
  const name = parts.find((p) => p.type === "timeZoneName")?.value ?? "GMT";
  const m = /GMT([+-])(\d{1,2})(?::(\d{2}))?/.exec(name);
  if (!m) return 0;
  const sign = m[1] === "-" ? -1 : 1;
  return sign * (Number(m[2]) * 60 + Number(m[3] ?? 0));
}

/** Hours shared by two 9:00–18:00 local working days whose UTC offsets differ by diff minutes. */
export function workingHoursOverlap(diffMinutes: number): number {
  let d = Math.abs(diffMinutes) % 1440;
  if (d > 720) d = 1440 - d;
  return Math.max(0, 9 * 60 - d) / 60;
}

function normTag(t: string): string {
  return t.trim().toLowerCase().replace(/\s+/g, " ");
}

function intersectCount(a: Int32Array, b: Int32Array): number {
  let i = 0;
  let j = 0;
  let c = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      c++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return c;
}

function intersect(a: Int32Array, b: Int32Array): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      out.push(x);
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return out;
}

/**
 * Scores of candidate pairs, compiled from the input into flat arrays so that millions of
 * pairs can be evaluated. Members are addressed by their index in `input.members`.
 */
export interface PairScorer {
  readonly n: number;
  /** Shared language and no block in either direction. */
  allowed(i: number, j: number): boolean;
  /** Integer score (may be negative through the history penalty). Only meaningful if allowed. */
  score(i: number, j: number): number;
  /** Met within the no-repeat window. */
  recentRepeat(i: number, j: number): boolean;
  /** Weeks since the last meeting, or -1. */
  weeksSinceMet(i: number, j: number): number;
  /** Upper bound of any score. */
  readonly maxScore: number;
  /** Lower bound of any score. */
  readonly minScore: number;
  reasons(i: number, j: number): Reason[];
  displayName(i: number): string;
  /**
   * Members whose offers meet i's needs or whose needs meet i's offers (inverted index):
   * at most `perTag` per tag, starting at a rotating position so popular tags are spread.
   */
  complementary(i: number, perTag: number, rotate: number): number[];
}

export function createScorer(input: PairingInput): PairScorer {
  const members = input.members;
  const n = members.length;
  const weights: Weights = input.settings.weights;
  const now = resolveNow(input);
  const index = new Map<string, number>();
  members.forEach((m, i) => index.set(m.id, i));

  const vocab = new Map<string, number>();
  const tagLabel: string[] = [];
  const ids = (list: string[]): Int32Array => {
    const set = new Set<number>();
    for (const raw of list) {
      const key = normTag(raw);
      if (!key) continue;
      let id = vocab.get(key);
      if (id === undefined) {
        id = tagLabel.length;
        vocab.set(key, id);
        tagLabel.push(raw.trim());
      }
      set.add(id);
    }
    return Int32Array.from([...set].sort((a, b) => a - b));
  };
  const industryIds = new Map<string, number>();
  const industry = new Int32Array(n);
  const seniority = new Int8Array(n);
  const offer: Int32Array[] = [];
  const seek: Int32Array[] = [];
  const interests: Int32Array[] = [];
  const langs: Int32Array[] = [];
  const tzOffset = new Int32Array(n);
  const city = new Int32Array(n).fill(-1);
  const inPerson = new Uint8Array(n);
  const cityIds = new Map<string, number>();
  const tzCache = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const m = members[i]!;
    const ind = m.industry.trim().toLowerCase();
    if (!industryIds.has(ind)) industryIds.set(ind, industryIds.size);
    industry[i] = industryIds.get(ind)!;
    seniority[i] = SENIORITY.indexOf(m.seniority);
    offer.push(ids(m.canOffer));
    seek.push(ids(m.lookingFor));
    interests.push(ids(m.interests));
    langs.push(ids(m.languages));
    let off = tzCache.get(m.timeZone);
    if (off === undefined) {
      off = timeZoneOffsetMinutes(m.timeZone, now);
      tzCache.set(m.timeZone, off);
    }
    tzOffset[i] = off;
    if (m.city) {
      const c = m.city.trim().toLowerCase();
      if (c) {
        if (!cityIds.has(c)) cityIds.set(c, cityIds.size);
        city[i] = cityIds.get(c)!;
      }
    }
    inPerson[i] = m.meetingPreference === "in_person" ? 1 : 0;
  }

  const offeredBy = new Map<number, number[]>();
  const soughtBy = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    for (const t of offer[i]!) {
      let l = offeredBy.get(t);
      if (!l) offeredBy.set(t, (l = []));
      l.push(i);
    }
    for (const t of seek[i]!) {
      let l = soughtBy.get(t);
      if (!l) soughtBy.set(t, (l = []));
      l.push(i);
    }
  }
  const complementary = (i: number, perTag: number, rotate: number): number[] => {
    const out: number[] = [];
    const take = (list: number[] | undefined): void => {
      if (!list || list.length === 0) return;
      const k = Math.min(perTag, list.length);
      const start = (rotate + i * 7919) % list.length;
      for (let q = 0; q < k; q++) {
        const j = list[(start + q) % list.length]!;
        if (j !== i) out.push(j);
      }
    };
    for (const t of seek[i]!) take(offeredBy.get(t));
    for (const t of offer[i]!) take(soughtBy.get(t));
    return out;
  };

  const pairKey = (i: number, j: number): number => (i < j ? i * n + j : j * n + i);
  const blocked = new Set<number>();
  for (const b of input.blocks) {
    const i = index.get(b.by);
    const j = index.get(b.blocked);
    if (i !== undefined && j !== undefined && i !== j) blocked.add(pairKey(i, j));
  }
  /** Age in days of the most recent meeting of each pair. */
  const lastMet = new Map<number, number>();
  for (const h of input.history) {
    const i = index.get(h.a);
    const j = index.get(h.b);
    if (i === undefined || j === undefined || i === j) continue;
    const age = Math.max(0, (now.getTime() - Date.parse(h.at)) / DAY);
    const key = pairKey(i, j);
    const prev = lastMet.get(key);
    if (prev === undefined || age < prev) lastMet.set(key, age);
  }
  const windowDays = input.settings.noRepeatWeeks * 7;

  const gapPoints = [weights.seniorityGap0, weights.seniorityGap1, weights.seniorityGap2, weights.seniorityGap3];
  const tzPoints = new Map<number, number>();
  const tzScore = (diff: number): number => {
    let p = tzPoints.get(diff);
    if (p === undefined) {
      p = Math.round((weights.timeZoneOverlap * workingHoursOverlap(diff)) / 9);
      tzPoints.set(diff, p);
    }
    return p;
  };
  const offerSeekPoints = (c: number): number => (c > 0 ? weights.offerSeek + weights.offerSeekExtraTag * Math.min(c - 1, 2) : 0);
  const historyPenalty = (ageDays: number): number =>
    Math.round(weights.metBefore * Math.pow(0.5, ageDays / 7 / weights.historyHalfLifeWeeks));

  const maxScore =
    weights.differentIndustry +
    Math.max(...gapPoints) +
    2 * offerSeekPoints(3) +
    weights.timeZoneOverlap +
    weights.sameCityInPerson +
    3 * weights.sharedInterest;
  const minScore = -weights.metBefore;

  const allowed = (i: number, j: number): boolean =>
    i !== j && intersectCount(langs[i]!, langs[j]!) > 0 && !blocked.has(pairKey(i, j));

  const score = (i: number, j: number): number => {
    let s = 0;
    if (industry[i] !== industry[j]) s += weights.differentIndustry;
    const gap = Math.abs(seniority[i]! - seniority[j]!);
    s += gapPoints[gap > 3 ? 3 : gap]!;
    s += offerSeekPoints(intersectCount(offer[i]!, seek[j]!));
    s += offerSeekPoints(intersectCount(offer[j]!, seek[i]!));
    s += tzScore(Math.abs(tzOffset[i]! - tzOffset[j]!));
    if (inPerson[i] && inPerson[j] && city[i]! >= 0 && city[i] === city[j]) s += weights.sameCityInPerson;
    const c = intersectCount(interests[i]!, interests[j]!);
    if (c > 0) s += weights.sharedInterest * (c > 3 ? 3 : c);
    if (lastMet.size > 0) {
      const age = lastMet.get(pairKey(i, j));
      if (age !== undefined) s -= historyPenalty(age);
    }
    return s;
  };

  const displayName = (i: number): string => members[i]!.name ?? members[i]!.id;

  const reasons = (i: number, j: number): Reason[] => {
    const out: Reason[] = [];
    const a = members[i]!;
    const b = members[j]!;
    const na = displayName(i);
    const nb = displayName(j);
    for (const [x, y] of [
      [i, j],
      [j, i],
    ] as const) {
      const common = intersect(offer[x]!, seek[y]!);
      if (common.length > 0) {
        // In the giver's own words.
        const own = new Map(members[x]!.canOffer.map((t) => [normTag(t), t.trim()] as const));
        const words = common.map((t) => own.get(normTag(tagLabel[t]!)) ?? tagLabel[t]!);
        out.push({ kind: "canOffer", params: { giver: displayName(x), receiver: displayName(y), tags: words } });
      }
    }
    if (industry[i] !== industry[j]) out.push({ kind: "differentIndustries", params: { a: na, b: nb, industryA: a.industry, industryB: b.industry } });
    else out.push({ kind: "sameIndustry", params: { industry: a.industry } });
    const gap = Math.abs(seniority[i]! - seniority[j]!);
    if (gap === 0) out.push({ kind: "sameSeniority", params: { level: a.seniority } });
    else {
      const senior = seniority[i]! > seniority[j]! ? na : nb;
      const junior = senior === na ? nb : na;
      out.push({ kind: "seniorityGap", params: { gap, senior, junior } });
    }
    if (inPerson[i] && inPerson[j] && city[i]! >= 0 && city[i] === city[j]) out.push({ kind: "sameCityInPerson", params: { city: a.city!.trim() } });
    const shared = intersect(interests[i]!, interests[j]!);
    if (shared.length > 0) out.push({ kind: "sharedInterests", params: { interests: shared.map((t) => tagLabel[t]!) } });
    const hours = workingHoursOverlap(tzOffset[i]! - tzOffset[j]!);
    if (tzOffset[i] !== tzOffset[j]) out.push({ kind: "timeZoneOverlap", params: { hours: Math.round(hours * 10) / 10 } });
    const sharedLangs = intersect(langs[i]!, langs[j]!).map((t) => tagLabel[t]!);
    if (sharedLangs.length > 0) out.push({ kind: "sharedLanguages", params: { languages: sharedLangs } });
    const age = lastMet.get(pairKey(i, j));
    if (age !== undefined) {
      out.push({ kind: "metBefore", params: { a: na, b: nb, weeksAgo: Math.round(age / 7), withinNoRepeatWindow: age < windowDays } });
    }
    return out;
  };

  return {
    n,
    allowed,
    score,
    recentRepeat: (i, j) => {
      const age = lastMet.get(pairKey(i, j));
      return age !== undefined && age < windowDays;
    },
    weeksSinceMet: (i, j) => {
      const age = lastMet.get(pairKey(i, j));
      return age === undefined ? -1 : age / 7;
    },
    maxScore,
    minScore,
    reasons,
    displayName,
    complementary,
  };
}

/** `settings.now`, else the latest meeting in the history, else the Unix epoch (deterministic). */
export function resolveNow(input: PairingInput): Date {
  if (input.settings.now) return new Date(input.settings.now);
  let latest = 0;
  for (const h of input.history) latest = Math.max(latest, Date.parse(h.at));
  return new Date(latest);
}

/** English plain text of a list of reasons ("different industries: IT × medical; …"). */
export function renderReasonsEnglish(reasons: readonly Reason[]): string {
  const parts: string[] = [];
  for (const r of reasons) {
    switch (r.kind) {
      case "differentIndustries":
        parts.push(`different industries: ${r.params.industryA} × ${r.params.industryB}`);
        break;
      case "sameIndustry":
        parts.push(`both in ${r.params.industry}`);
        break;
      case "seniorityGap":
        parts.push(
          r.params.gap <= 2
            ? `${r.params.senior} is ${r.params.gap} level${r.params.gap > 1 ? "s" : ""} ahead of ${r.params.junior}`
            : `${r.params.senior} is far ahead of ${r.params.junior}`,
        );
        break;
      case "sameSeniority":
        parts.push(`same career stage (${r.params.level} years)`);
        break;
      case "canOffer":
        parts.push(`${r.params.giver} can offer ${r.params.tags.join(", ")}, ${r.params.receiver} is looking for it`);
        break;
      case "sameCityInPerson":
        parts.push(`both in ${r.params.city}, prefer meeting in person`);
        break;
      case "timeZoneOverlap":
        parts.push(r.params.hours > 0 ? `${r.params.hours} h of shared working hours` : "no shared working hours");
        break;
      case "sharedInterests":
        parts.push(`shared interests: ${r.params.interests.join(", ")}`);
        break;
      case "sharedLanguages":
        break; // implied by every pairing; kept in the data for the bot
      case "metBefore":
        parts.push(
          r.params.withinNoRepeatWindow
            ? `${r.params.a} and ${r.params.b} met ${r.params.weeksAgo} weeks ago (no better option)`
            : `${r.params.a} and ${r.params.b} met ${r.params.weeksAgo} weeks ago`,
        );
        break;
    }
  }
  return parts.join("; ");
}
