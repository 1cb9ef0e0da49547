// A large pairing pool written straight into the tables (a few statements for thousands of
// members): for the tests and benchmarks of rounds at scale, where seeding member by member
// through the repositories would take longer than the round itself.
import { INDUSTRIES, MEETING_PREFERENCES, SENIORITY_LEVELS, type Intro, type SpokenLanguage } from "../../src/core/profile.js";
import type { Db } from "../../src/store/db.js";

const TAGS = ["code review", "mentoring", "hiring", "design systems", "career change", "public speaking", "startups", "data", "english practice", "product"];
const LANGUAGE_SETS: SpokenLanguage[][] = [["ja"], ["en"], ["ja", "en"], ["ja", "en"], ["ja"], ["en", "ja"]];
const ZONES = ["Asia/Tokyo", "Asia/Tokyo", "Asia/Tokyo", "Europe/London", "America/New_York", null];

/** The intro of the i-th seeded member: varied industries, levels, tags and languages. */
export function seededIntro(i: number): Intro {
  return {
    industry: INDUSTRIES[i % INDUSTRIES.length]!,
    role: ["Engineer", "Designer", "Founder", "Analyst", "Nurse", "Teacher"][i % 6]!,
    seniority: SENIORITY_LEVELS[(i * 3) % SENIORITY_LEVELS.length]!,
    interests: [TAGS[i % TAGS.length]!, TAGS[(i + 3) % TAGS.length]!],
    canOffer: [TAGS[(i * 7) % TAGS.length]!],
    lookingFor: [TAGS[(i * 7 + 1) % TAGS.length]!, TAGS[(i + 5) % TAGS.length]!],
    languages: LANGUAGE_SETS[i % LANGUAGE_SETS.length]!,
    city: ["Tokyo", "Osaka", "", "Fukuoka"][i % 4]!,
    meetingPreference: MEETING_PREFERENCES[i % MEETING_PREFERENCES.length]!,
    bio: `Member ${i + 1}.`,
  };
}

const BATCH = 500;

/**
 * `count` members of the community with an intro, opted in to pairing; `userId(i)` is the i-th
 * member's platform user id. Returns the members' ids in order.
 */
export async function seedPool(db: Db, communityId: string, count: number, userId: (i: number) => string): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 0; start < count; start += BATCH) {
    const indexes = Array.from({ length: Math.min(BATCH, count - start) }, (_, k) => start + k);
    const members = await db.member.createManyAndReturn({
      data: indexes.map((i) => ({ communityId, platformUserId: userId(i), displayName: `member ${i + 1}`, timeZone: ZONES[i % ZONES.length] ?? null })),
      select: { id: true, platformUserId: true },
    });
    const idOf = new Map(members.map((m) => [m.platformUserId, m.id]));
    const memberIds = indexes.map((i) => idOf.get(userId(i))!);
    await db.profile.createMany({ data: memberIds.map((memberId, k) => ({ communityId, memberId, ...seededIntro(indexes[k]!) })) });
    await db.pairingMember.createMany({ data: memberIds.map((memberId) => ({ communityId, memberId, active: true })) });
    ids.push(...memberIds);
  }
  return ids;
}
