import type { PairingInputDocument } from "../src/core/matching/input.js";
import { createRng, type Rng } from "../src/core/matching/random.js";

const INDUSTRIES = ["it", "finance", "consulting", "manufacturing", "medical", "education", "media", "retail", "public", "research", "design", "marketing", "realEstate", "logistics", "legal"];
const TAGS = [
  "interview practice", "career change", "hiring", "startup funding", "product management", "data science", "machine learning",
  "public speaking", "english practice", "japanese practice", "leadership", "mentoring", "marketing strategy", "ux research",
  "accounting", "legal advice", "side projects", "freelancing", "study abroad", "management", "sales", "networking", "writing",
  "design review", "code review", "negotiation", "parental leave", "remote work", "team building", "visa",
];
const INTERESTS = ["running", "coffee", "anime", "hiking", "books", "cooking", "travel", "music", "games", "photography", "football", "baseball", "yoga", "wine", "cycling", "art"];
const ZONES: Array<[string, number]> = [["Asia/Tokyo", 50], ["Asia/Seoul", 6], ["Asia/Shanghai", 6], ["Asia/Singapore", 5], ["Europe/London", 6], ["Europe/Berlin", 6], ["America/New_York", 8], ["America/Los_Angeles", 7], ["Australia/Sydney", 3], ["Asia/Kolkata", 3]];
const CITIES = ["Tokyo", "Osaka", "Nagoya", "Fukuoka", "Sapporo", "Kyoto"];

function weighted<T>(rng: Rng, items: ReadonlyArray<readonly [T, number]>): T {
  let total = 0;
  for (const [, w] of items) total += w;
  let r = rng.next() * total;
  for (const [x, w] of items) {
    r -= w;
    if (r < 0) return x;
  }
  return items[items.length - 1]![0];
}

function sample<T>(rng: Rng, items: readonly T[], k: number, skew = 1.3): T[] {
  const out = new Set<T>();
  for (let tries = 0; out.size < k && tries < 50; tries++) {
    // Zipf-like: early items are more popular
    const idx = Math.min(items.length - 1, Math.floor(items.length * Math.pow(rng.next(), skew)));
    out.add(items[idx]!);
  }
  return [...out];
}

/**
 * A realistic community: ~15 industries of skewed sizes, 5 seniority levels, several time
 * zones and languages, offer/seek tags, `weeks` weeks of pairing history, a few blocks.
 */
export function generateCommunity(n: number, seed: number, weeks = 8): PairingInputDocument {
  const rng = createRng(seed);
  const industryWeights = INDUSTRIES.map((x, i) => [x, 1 / (i + 1.5)] as const);
  const members = Array.from({ length: n }, (_, i) => {
    const tz = weighted(rng, ZONES);
    const japan = tz === "Asia/Tokyo";
    const languages = japan ? (rng.next() < 0.35 ? ["ja", "en"] : ["ja"]) : rng.next() < 0.15 ? ["en", "ja"] : rng.next() < 0.85 ? ["en"] : ["en", "zh"];
    return {
      id: `m${i}`,
      name: `Member ${i}`,
      industry: weighted(rng, industryWeights),
      seniority: weighted(rng, [["student", 1], ["1-3", 3], ["3-7", 3], ["7-15", 2], ["15+", 1]] as const),
      canOffer: sample(rng, TAGS, 1 + rng.int(3)),
      lookingFor: sample(rng, TAGS, 1 + rng.int(3), 1.6),
      interests: sample(rng, INTERESTS, rng.int(4)),
      languages,
      timeZone: tz,
      ...(japan ? { city: CITIES[Math.min(CITIES.length - 1, Math.floor(CITIES.length * Math.pow(rng.next(), 2)))]! } : {}),
      meetingPreference: weighted(rng, [["online", 4], ["in_person", 3], ["either", 3]] as const),
    };
  });
  const now = Date.parse("2026-06-01T00:00:00Z");
  const history: { a: string; b: string; at: string }[] = [];
  for (let w = 1; w <= weeks; w++) {
    const at = new Date(now - w * 7 * 86_400_000).toISOString();
    const order = rng.shuffle(members.map((m) => m.id)).filter(() => rng.next() < 0.8);
    for (let k = 0; k + 1 < order.length; k += 2) history.push({ a: order[k]!, b: order[k + 1]!, at });
  }
  const blocks: { by: string; blocked: string }[] = [];
  for (let k = 0; k < Math.floor(n / 50); k++) {
    const a = rng.int(n);
    const b = rng.int(n);
    if (a !== b) blocks.push({ by: `m${a}`, blocked: `m${b}` });
  }
  return { members, history, blocks, settings: { groupSize: 2, noRepeatWeeks: 8, now: new Date(now).toISOString() } };
}
