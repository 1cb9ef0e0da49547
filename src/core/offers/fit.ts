import { tagKeysOf, termsOf } from "./terms.js";

// How well what one member gives meets what another needs, from tags and text. A shared tag says
// more than a shared word, so it weighs more; scores are small integers that explain themselves.

export const FIT_WEIGHTS = { tag: 3, term: 1 } as const;

/** Below this a pair is not worth a notice: one shared tag, or two shared words. */
export const MIN_FIT_SCORE = 2;

/** What fit compares of an offer, an ask, or an intro's "can offer" / "looking for". */
export interface FitSubject {
  /** Keys of the tags (see tagKeysOf). */
  tags: readonly string[];
  /** Keys of the words of title, details and tags (see termsOf). */
  terms: readonly string[];
}

/** The subject of a post: its text and tags as keys. */
export function subjectOf(text: { title: string; details: string; tags: readonly string[] }): FitSubject {
  const tags = unique(text.tags.flatMap(tagKeysOf));
  const terms = unique([...termsOf(`${text.title}\n${text.details}`), ...text.tags.flatMap(termsOf), ...tags]);
  return { tags, terms };
}

/** The subject of an intro's list ("can offer" or "looking for"): each item is a tag. */
export function subjectOfList(items: readonly string[]): FitSubject {
  return subjectOf({ title: "", details: "", tags: items });
}

export interface Fit {
  score: number;
  /** The shared keys, tags first: what the two have in common. */
  shared: string[];
}

export function fitBetween(a: FitSubject, b: FitSubject): Fit {
  const bTags = new Set(b.tags);
  const bTerms = new Set(b.terms);
  const sharedTags = a.tags.filter((tag) => bTags.has(tag));
  const counted = new Set(sharedTags);
  const sharedTerms = a.terms.filter((term) => bTerms.has(term) && !counted.has(term));
  return {
    score: FIT_WEIGHTS.tag * sharedTags.length + FIT_WEIGHTS.term * sharedTerms.length,
    shared: [...sharedTags, ...sharedTerms],
  };
}

export interface Ranked<T> {
  item: T;
  fit: Fit;
}

/**
 * The candidates that fit `subject` (score at least MIN_FIT_SCORE), best first; among equals
 * the newest first.
 */
export function rankFits<T extends { subject: FitSubject; createdAt: Date }>(subject: FitSubject, candidates: readonly T[], limit: number): Ranked<T>[] {
  return candidates
    .map((item) => ({ item, fit: fitBetween(subject, item.subject) }))
    .filter((r) => r.fit.score >= MIN_FIT_SCORE)
    .sort((x, y) => y.fit.score - x.fit.score || y.item.createdAt.getTime() - x.item.createdAt.getTime())
    .slice(0, limit);
}

/**
 * How well a post answers a search: each word of the query found among its tags counts as a tag,
 * found in its text as a word. An empty query matches everything with score 0.
 */
export function searchScore(query: string, subject: FitSubject): number {
  const tags = new Set(subject.tags);
  const terms = new Set(subject.terms);
  let score = 0;
  for (const key of searchKeysOf(query)) {
    if (tags.has(key)) score += FIT_WEIGHTS.tag;
    else if (terms.has(key)) score += FIT_WEIGHTS.term;
  }
  return score;
}

/** The keys a search looks for: its words and the tag it may name, each once. */
export function searchKeysOf(query: string): string[] {
  return unique([...termsOf(query), ...tagKeysOf(query)]);
}

/** Posts matching a search, best-fitting then newest first; everything newest first for an empty query. */
export function rankSearch<T extends { subject: FitSubject; createdAt: Date }>(query: string, posts: readonly T[], limit: number): T[] {
  const trimmed = query.trim();
  return posts
    .map((item) => ({ item, score: trimmed ? searchScore(trimmed, item.subject) : 0 }))
    .filter((r) => !trimmed || r.score > 0)
    .sort((x, y) => y.score - x.score || y.item.createdAt.getTime() - x.item.createdAt.getTime())
    .map((r) => r.item)
    .slice(0, limit);
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
