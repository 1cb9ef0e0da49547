import { SENIORITY, type PairingInput, type Weights } from "./input.js";
import { programRule } from "./rules.js";

/** A reason is plain data so that the bot can render it in any language. */
export type Reason = (
  | { kind: "differentIndustries"; params: { a: string; b: string; industryA: string; industryB: string } }
  | { kind: "sameIndustry"; params: { industry: string } }
  | { kind: "seniorityGap"; params: { gap: number; senior: string; junior: string } }
  | { kind: "sameSeniority"; params: { level: string } }
  | { kind: "canOffer"; params: { giver: string; receiver: string; tags: string[] } }
  | { kind: "sameCityInPerson"; params: { city: string } }
  | { kind: "timeZoneOverlap"; params: { hours: number } }
  | { kind: "sharedInterests"; params: { interests: string[] } }
  | { kind: "sharedLanguages"; params: { languages: string[] } }
  | { kind: "metBefore"; params: { a: string; b: string; weeksAgo: number; withinNoRepeatWindow: boolean } }
  /** In place of "metBefore" when the `meetAgain` reduction applies (mutual, outside the window). */
  | { kind: "meetAgain"; params: { a: string; b: string; weeksAgo: number } })
  /** In a group of three or more: the two members a reason about a pair is about (names). */
  & { between?: [string, string] };
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

function popcount(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

const OVERFLOW = 1 << 31;

/**
 * Bit sets of small tag lists: the 31 most frequent tags of a category get bits 0..30, bit 31
 * marks "has a rarer tag" (then `rare` counts them). popcount(a & b) is the exact size of
 * the intersection when neither has bit 31, and with `rare` an upper bound otherwise.
 */
function bitsets(lists: readonly Int32Array[]): { mask: Int32Array; rare: Int32Array } {
  const count = new Map<number, number>();
  for (const l of lists) for (const t of l) count.set(t, (count.get(t) ?? 0) + 1);
  const order = [...count.keys()].sort((a, b) => count.get(b)! - count.get(a)! || a - b);
  const bit = new Map<number, number>();
  order.slice(0, 31).forEach((t, k) => bit.set(t, k));
  const mask = new Int32Array(lists.length);
  const rare = new Int32Array(lists.length);
  lists.forEach((l, i) => {
    let m = 0;
    for (const t of l) {
      const b = bit.get(t);
      if (b === undefined) {
        m |= OVERFLOW;
        rare[i]!++;
      } else m |= 1 << b;
    }
    mask[i] = m;
  });
  return { mask, rare };
}

/**
 * Scores of candidate pairs, compiled from the input into flat arrays so that millions of
 * pairs can be evaluated. Members are addressed by their index in `input.members`.
 */
export interface PairScorer {
  readonly n: number;
  /** Shared language, no block in either direction, and the program's rule holds (rules.ts). */
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
   * Pricing filter: for every j > i that may be allowed (shares a language; blocks and
   * the program's rule not checked), push j to `out` when an upper bound of score(i, j) (history penalty ignored)
   * exceeds h[i] + h[j]. Never misses a pair whose score exceeds that threshold (the history
   * penalty, meetAgain included, is never negative: ignoring it can only raise the bound).
   */
  boundRow(i: number, h: Float64Array, out: number[]): void;
  /**
   * Row of the pairing objective: for each j in `cols`, out[k] = score(i, j) + (met within
   * the no-repeat window ? 0 : freshBonus), or -Infinity when the pair is not allowed.
   */
  row(i: number, cols: Int32Array, out: Float64Array, freshBonus: number): void;
  /**
   * Members whose offers meet i's needs or whose needs meet i's offers (inverted index):
   * at most `perTag` per tag, starting at a rotating position so popular tags are spread.
   */
  complementary(i: number, perTag: number, rotate: number): number[];
  /**
   * Members j that offer something i looks for AND look for something i offers (both
   * directions score): at most `perKey` per (offered, sought) tag pair, rotating.
   */
  mutual(i: number, perKey: number, rotate: number): number[];
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

  // offer and seek share one category (offer_i ∩ seek_j), interests and languages their own
  const tagBits = bitsets(offer.concat(seek));
  const offerMask = tagBits.mask.subarray(0, n);
  const seekMask = tagBits.mask.subarray(n);
  const offerRare = tagBits.rare.subarray(0, n);
  const seekRare = tagBits.rare.subarray(n);
  const { mask: interestMask, rare: interestRare } = bitsets(interests);
  const { mask: langMask } = bitsets(langs);
  const tzValues = [...new Set(tzOffset)].sort((a, b) => a - b);
  const tzClass = Int32Array.from(tzOffset, (o) => tzValues.indexOf(o));
  const nTz = tzValues.length;

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

  let mutualIndex: Map<number, number[]> | null = null;
  const mutual = (i: number, perKey: number, rotate: number): number[] => {
    const V = tagLabel.length;
    if (mutualIndex === null) {
      mutualIndex = new Map();
      for (let j = 0; j < n; j++) {
        for (const o of offer[j]!) {
          for (const t of seek[j]!) {
            const key = o * V + t;
            let l = mutualIndex.get(key);
            if (!l) mutualIndex.set(key, (l = []));
            l.push(j);
          }
        }
      }
    }
    const out: number[] = [];
    for (const o of seek[i]!) {
      for (const t of offer[i]!) {
        const list = mutualIndex.get(o * V + t);
        if (!list) continue;
        const k = Math.min(perKey, list.length);
        const start = (rotate + i * 7919) % list.length;
        for (let q = 0; q < k; q++) {
          const j = list[(start + q) % list.length]!;
          if (j !== i) out.push(j);
        }
      }
    }
    return out;
  };

  const pairKey = (i: number, j: number): number => (i < j ? i * n + j : j * n + i);
  const blocked = new Set<number>();
  const hasBlock = new Uint8Array(n);
  for (const b of input.blocks) {
    const i = index.get(b.by);
    const j = index.get(b.blocked);
    if (i !== undefined && j !== undefined && i !== j) {
      blocked.add(pairKey(i, j));
      hasBlock[i] = hasBlock[j] = 1;
    }
  }
  /** Age in days of the most recent meeting of each pair. */
  const lastMet = new Map<number, number>();
  /** Pairs whose most recent meeting was mutual (several entries on that date: any of them). */
  const lastMutual = new Set<number>();
  const hasHistory = new Uint8Array(n);
  for (const h of input.history) {
    const i = index.get(h.a);
    const j = index.get(h.b);
    if (i === undefined || j === undefined || i === j) continue;
    const age = Math.max(0, (now.getTime() - Date.parse(h.at)) / DAY);
    const key = pairKey(i, j);
    const prev = lastMet.get(key);
    if (prev === undefined || age < prev) {
      lastMet.set(key, age);
      if (h.mutual) lastMutual.add(key);
      else lastMutual.delete(key);
    } else if (age === prev && h.mutual) lastMutual.add(key);
    hasHistory[i] = hasHistory[j] = 1;
  }
  const windowDays = input.settings.noRepeatWeeks * 7;
  /** The meetAgain reduction applies: most recent meeting mutual and outside the no-repeat window. */
  const meetAgainApplies = (mutual: boolean, ageDays: number): boolean => mutual && ageDays >= windowDays && weights.meetAgain > 0;

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
  /**
   * Penalty of a past meeting, in [0, metBefore]: metBefore halved every half-life, less
   * meetAgain (never below zero) for a mutual pair outside the window. Never negative, so a
   * score with history is at most the score without it (the bounds below ignore history).
   */
  const historyPenalty = (ageDays: number, mutual: boolean): number => {
    const p = Math.round(weights.metBefore * Math.pow(0.5, ageDays / 7 / weights.historyHalfLifeWeeks));
    return meetAgainApplies(mutual, ageDays) ? Math.max(0, p - weights.meetAgain) : p;
  };

  const maxScore =
    weights.differentIndustry +
    Math.max(...gapPoints) +
    2 * offerSeekPoints(3) +
    weights.timeZoneOverlap +
    weights.sameCityInPerson +
    3 * weights.sharedInterest;
  // Every part is ≥ 0 and the history penalty is in [0, metBefore] (meetAgain only lowers it).
  const minScore = -weights.metBefore;

  const sharesLanguage = (i: number, j: number): boolean => {
    const m = langMask[i]! & langMask[j]!;
    if (m === 0) return false;
    if ((m & ~OVERFLOW) !== 0) return true;
    return intersectCount(langs[i]!, langs[j]!) > 0;
  };
  const ruleAllows = programRule(input.settings.rule, members);
  const allowed = (i: number, j: number): boolean =>
    i !== j && sharesLanguage(i, j) && !(hasBlock[i] && hasBlock[j] && blocked.has(pairKey(i, j))) && (ruleAllows === null || ruleAllows(i, j));

  // Score tables: seniority gap, time-zone classes, offer/seek tag counts.
  const gapTable = Int32Array.from({ length: SENIORITY.length }, (_, g) => gapPoints[g > 3 ? 3 : g]!);
  const tzTable = new Int32Array(nTz * nTz);
  for (let a = 0; a < nTz; a++) for (let b = 0; b < nTz; b++) tzTable[a * nTz + b] = tzScore(Math.abs(tzValues[a]! - tzValues[b]!));
  const osTable = Int32Array.from({ length: 64 }, (_, c) => offerSeekPoints(c));
  const siTable = Int32Array.from({ length: 64 }, (_, c) => weights.sharedInterest * (c > 3 ? 3 : c));
  const cityBonus = weights.sameCityInPerson;
  const indBonus = weights.differentIndustry;
  const cityIn = Int32Array.from({ length: n }, (_, i) => (inPerson[i] && city[i]! >= 0 ? city[i]! : -1 - i));

  const score = (i: number, j: number): number => {
    let s = gapTable[Math.abs(seniority[i]! - seniority[j]!)]! + tzTable[tzClass[i]! * nTz + tzClass[j]!]!;
    if (industry[i] !== industry[j]) s += indBonus;
    const oi = offerMask[i]!;
    const oj = offerMask[j]!;
    const si = seekMask[i]!;
    const sj = seekMask[j]!;
    s += osTable[(oi | sj) & OVERFLOW ? Math.min(63, intersectCount(offer[i]!, seek[j]!)) : popcount(oi & sj)]!;
    s += osTable[(oj | si) & OVERFLOW ? Math.min(63, intersectCount(offer[j]!, seek[i]!)) : popcount(oj & si)]!;
    if (cityIn[i] === cityIn[j]) s += cityBonus;
    const ii = interestMask[i]!;
    const ij = interestMask[j]!;
    s += siTable[(ii | ij) & OVERFLOW ? Math.min(63, intersectCount(interests[i]!, interests[j]!)) : popcount(ii & ij)]!;
    if (hasHistory[i] && hasHistory[j]) {
      const key = pairKey(i, j);
      const age = lastMet.get(key);
      if (age !== undefined) s -= historyPenalty(age, lastMutual.has(key));
    }
    return s;
  };

  // Per-member history and block partners, so that a row marks them in O(1) per partner.
  const histPartner: number[][] = Array.from({ length: n }, () => []);
  const histAge: number[][] = Array.from({ length: n }, () => []);
  const histPenalty: number[][] = Array.from({ length: n }, () => []);
  for (const [key, age] of lastMet) {
    const a = Math.floor(key / n);
    const b = key - a * n;
    const p = historyPenalty(age, lastMutual.has(key));
    histPartner[a]!.push(b);
    histAge[a]!.push(age);
    histPenalty[a]!.push(p);
    histPartner[b]!.push(a);
    histAge[b]!.push(age);
    histPenalty[b]!.push(p);
  }
  const blockPartner: number[][] = Array.from({ length: n }, () => []);
  for (const key of blocked) {
    const a = Math.floor(key / n);
    const b = key - a * n;
    blockPartner[a]!.push(b);
    blockPartner[b]!.push(a);
  }
  const rowMark = new Int32Array(n).fill(-1);
  const rowAdjust = new Float64Array(n);
  const row = (i: number, cols: Int32Array, out: Float64Array, freshBonus: number): void => {
    // adjustments: history penalty (and the fresh bonus withheld), blocks
    const hp = histPartner[i]!;
    const ha = histAge[i]!;
    const hpen = histPenalty[i]!;
    for (let q = 0; q < hp.length; q++) {
      const j = hp[q]!;
      rowMark[j] = i;
      rowAdjust[j] = -hpen[q]! - (ha[q]! < windowDays ? freshBonus : 0);
    }
    for (const j of blockPartner[i]!) {
      rowMark[j] = i;
      rowAdjust[j] = -Infinity;
    }
    rowMark[i] = i;
    rowAdjust[i] = -Infinity;
    const li = langMask[i]!;
    const si = seniority[i]!;
    const ti = tzClass[i]! * nTz;
    const ind = industry[i]!;
    const ci = cityIn[i]!;
    const oi = offerMask[i]!;
    const ski = seekMask[i]!;
    const ii = interestMask[i]!;
    for (let k = 0; k < cols.length; k++) {
      const j = cols[k]!;
      const lm = li & langMask[j]!;
      if (lm === 0 || (lm === OVERFLOW && intersectCount(langs[i]!, langs[j]!) === 0) || (ruleAllows !== null && !ruleAllows(i, j))) {
        out[k] = -Infinity;
        continue;
      }
      let s = gapTable[Math.abs(si - seniority[j]!)]! + tzTable[ti + tzClass[j]!]! + freshBonus;
      if (ind !== industry[j]) s += indBonus;
      if (ci === cityIn[j]) s += cityBonus;
      const oj = offerMask[j]!;
      const sj = seekMask[j]!;
      const ij = interestMask[j]!;
      s += osTable[(oi | sj) & OVERFLOW ? Math.min(63, intersectCount(offer[i]!, seek[j]!)) : popcount(oi & sj)]!;
      s += osTable[(oj | ski) & OVERFLOW ? Math.min(63, intersectCount(offer[j]!, seek[i]!)) : popcount(oj & ski)]!;
      s += siTable[(ii | ij) & OVERFLOW ? Math.min(63, intersectCount(interests[i]!, interests[j]!)) : popcount(ii & ij)]!;
      if (rowMark[j] === i) s += rowAdjust[j]!;
      out[k] = s;
    }
    for (const j of hp) rowMark[j] = -1;
    for (const j of blockPartner[i]!) rowMark[j] = -1;
    rowMark[i] = -1;
  };

  const boundRow = (i: number, h: Float64Array, out: number[]): void => {
    const li = langMask[i]!;
    const hi = h[i]!;
    const si = seniority[i]!;
    const ti = tzClass[i]! * nTz;
    const ind = industry[i]!;
    const ci = cityIn[i]!;
    const oi = offerMask[i]!;
    const ski = seekMask[i]!;
    const ii = interestMask[i]!;
    const oRare = offerRare[i]!;
    const sRare = seekRare[i]!;
    const iRare = interestRare[i]!;
    for (let j = i + 1; j < n; j++) {
      if ((li & langMask[j]!) === 0) continue;
      let s = gapTable[Math.abs(si - seniority[j]!)]! + tzTable[ti + tzClass[j]!]!;
      if (ind !== industry[j]) s += indBonus;
      if (ci === cityIn[j]) s += cityBonus;
      const oj = offerMask[j]!;
      const sj = seekMask[j]!;
      const ij = interestMask[j]!;
      let c1 = popcount(oi & sj & ~OVERFLOW);
      if (oi & sj & OVERFLOW) c1 += Math.min(oRare, seekRare[j]!);
      let c2 = popcount(oj & ski & ~OVERFLOW);
      if (oj & ski & OVERFLOW) c2 += Math.min(sRare, offerRare[j]!);
      let c3 = popcount(ii & ij & ~OVERFLOW);
      if (ii & ij & OVERFLOW) c3 += Math.min(iRare, interestRare[j]!);
      s += osTable[c1 > 63 ? 63 : c1]! + osTable[c2 > 63 ? 63 : c2]! + siTable[c3 > 63 ? 63 : c3]!;
      if (s > hi + h[j]!) out.push(j);
    }
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
    const key = pairKey(i, j);
    const age = lastMet.get(key);
    if (age !== undefined) {
      const weeksAgo = Math.round(age / 7);
      if (meetAgainApplies(lastMutual.has(key), age)) out.push({ kind: "meetAgain", params: { a: na, b: nb, weeksAgo } });
      else out.push({ kind: "metBefore", params: { a: na, b: nb, weeksAgo, withinNoRepeatWindow: age < windowDays } });
    }
    return out;
  };

  return {
    n,
    allowed,
    score,
    recentRepeat: (i, j) => {
      if (!hasHistory[i] || !hasHistory[j]) return false;
      const age = lastMet.get(pairKey(i, j));
      return age !== undefined && age < windowDays;
    },
    boundRow,
    row,
    weeksSinceMet: (i, j) => {
      const age = lastMet.get(pairKey(i, j));
      return age === undefined ? -1 : age / 7;
    },
    maxScore,
    minScore,
    reasons,
    displayName,
    complementary,
    mutual,
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
export function renderReasonsEnglish(reasons: readonly Reason[], groupSize = 2): string {
  const parts: string[] = [];
  for (const r of reasons) {
    const count = parts.length;
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
        parts.push(`${groupSize > 2 && !r.between ? "all" : "both"} in ${r.params.city}, prefer meeting in person`);
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
      case "meetAgain":
        parts.push(`${r.params.a} and ${r.params.b} both said they would like to meet again (met ${r.params.weeksAgo} weeks ago)`);
        break;
    }
    if (r.between && parts.length > count && r.kind !== "metBefore") parts[count] += ` (${r.between[0]} and ${r.between[1]})`;
  }
  return parts.join("; ");
}
