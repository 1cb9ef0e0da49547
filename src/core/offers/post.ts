import { z } from "zod";
import { isSafeLink, linksIn } from "../links.js";
import { splitList } from "../profile.js";
import { memberText } from "../text.js";

// An offer or an ask as a member writes it, checked before anything is stored or posted.

export const POST_KINDS = ["offer", "ask"] as const;
export type PostKind = (typeof POST_KINDS)[number];

/** How others reach the author: a private space the bot opens for the two, or a direct message. */
export const CONTACT_WAYS = ["space", "dm"] as const;
export type ContactWay = (typeof CONTACT_WAYS)[number];

export const POST_STATUSES = ["open", "closed", "expired"] as const;
export type PostStatus = (typeof POST_STATUSES)[number];

export const POST_LIMITS = {
  title: 80,
  titleMin: 3,
  details: 500,
  tagList: 200,
  tag: 30,
  tags: 8,
  /** Links in the details; the title holds none. */
  links: 2,
  days: 90,
  defaultDays: 30,
} as const;

/** Per member: posts open at once, and posts within a day. */
export const MEMBER_LIMITS = { open: 5, perDay: 3 } as const;

/** Letters of any script, digits, spaces and the marks of names like C++, C#, Node.js. */
const TAG_PATTERN = /^[\p{L}\p{N}\p{M}][\p{L}\p{N}\p{M} .+#&/'-]*$/u;

const emptyToUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);

/**
 * The /offer and /ask form. Every answer arrives as text; custom messages are catalogue keys
 * (see describeIssues).
 */
export const postFormSchema = z.object({
  title: memberText().min(POST_LIMITS.titleMin).max(POST_LIMITS.title)
    .refine((title) => linksIn(title).length === 0, { error: "offers.error.linkInTitle" }),
  details: memberText({ paragraphs: true }).max(POST_LIMITS.details)
    .refine((details) => linksIn(details).length <= POST_LIMITS.links, { error: "offers.error.tooManyLinks" })
    .refine((details) => linksIn(details).every(isSafeLink), { error: "offers.error.badLink" })
    .default(""),
  tags: memberText({ paragraphs: true }).max(POST_LIMITS.tagList).default("")
    .transform((text) => splitList(text).map((tag) => tag.replace(/^#/, "")))
    .pipe(z.array(
      z.string().max(POST_LIMITS.tag, { error: "itemTooLong" }).regex(TAG_PATTERN, { error: "offers.error.tag" }),
    ).min(1).max(POST_LIMITS.tags)),
  contact: z.preprocess(emptyToUndefined, z.enum(CONTACT_WAYS).default("space")),
  days: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(POST_LIMITS.days).default(POST_LIMITS.defaultDays)),
});

export type PostInput = z.output<typeof postFormSchema>;

const DAY_MS = 86_400_000;

/** When a post made at `from` for `days` days stops being open. */
export const expiryOf = (from: Date, days: number) => new Date(from.getTime() + days * DAY_MS);
