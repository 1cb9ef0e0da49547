import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rankSearch, searchKeysOf, subjectOf } from "../../src/core/offers/fit.js";
import { subjectOfPost } from "../../src/app/offers/card.js";
import { createDb, type Db } from "../../src/store/db.js";
import type { NewOfferPost } from "../../src/store/offers-repository.js";
import { communityCache, createStore, type Store } from "../../src/store/repositories.js";
import { storeBackends, storesOn } from "../support/db.js";
import "../support/fast-check-seed.js";

// What every interaction reads (its community and member) and /offers' search index.

const defaults = { name: "Test community", locale: "ja", timeZone: "Asia/Tokyo" };
const NOW = new Date("2026-11-26T01:00:00Z");
const DAY = 86_400_000;
const days = (n: number) => new Date(NOW.getTime() + n * DAY);

const newPost = (text: { title: string; details?: string; tags: string[] }, overrides: Partial<NewOfferPost> = {}): NewOfferPost => {
  const full = { details: "", ...text };
  return { kind: "offer", ...full, terms: [...subjectOf(full).terms], contact: "dm", expiresAt: days(30), createdAt: NOW, ...overrides };
};

/** A store on `url` whose every database operation is recorded ("Member.update"). */
function recordedStore(url: string, cache = communityCache()): { store: Store; operations: string[]; db: Db } {
  const operations: string[] = [];
  const db = createDb(url);
  const recorded = db.$extends({
    query: { async $allOperations({ model, operation, args, query }) {
      operations.push(`${model ?? ""}.${operation}`);
      return query(args);
    } },
  }) as unknown as Db;
  return { store: createStore(recorded, cache), operations, db };
}

const WRITES = /\.(create|createMany|update|updateMany|upsert|delete|deleteMany)$/;

describe.each(storeBackends())("the hot path's reads on %s", (backend, url) => {
  const { open, skip } = storesOn(backend, url);

  it.skipIf(skip)("given a known community and member with the same name and locale, then ensuring them writes nothing; a new name or locale is written", async () => {
    const { store, operations, db } = recordedStore(url!);
    try {
      const externalId = randomUUID();
      const community = await store.communities.ensure("discord", externalId, defaults);
      await store.forCommunity(community.id).members.ensure({ platformUserId: "aiko", displayName: "Aiko", locale: "ja" });
      operations.length = 0;

      for (let i = 0; i < 3; i++) {
        const again = await store.communities.ensure("discord", externalId, defaults);
        await store.forCommunity(again.id).members.ensure({ platformUserId: "aiko", displayName: "Aiko", locale: "ja" });
        await store.forCommunity(again.id).members.ensure({ platformUserId: "aiko", displayName: "Aiko" });
      }
      expect(operations.filter((op) => WRITES.test(op))).toEqual([]);
      // The community came from the cache: only the member was read.
      expect(operations.filter((op) => op.startsWith("Community."))).toEqual([]);

      const renamed = await store.forCommunity(community.id).members.ensure({ platformUserId: "aiko", displayName: "Aiko T.", locale: "en-US" });
      expect(renamed).toMatchObject({ displayName: "Aiko T.", locale: "en-US" });
      const community2 = await store.communities.ensure("discord", externalId, { ...defaults, name: "Renamed" });
      expect(community2.name).toBe("Renamed");
      expect(operations.filter((op) => WRITES.test(op))).toEqual(["Member.update", "Community.upsert"]);
    } finally {
      await db.$disconnect();
    }
  });

  it.skipIf(skip)("given another process changes a community's settings, then this process sees it once its cache's few seconds are over; its own change at once", async () => {
    let clock = 0;
    const here = recordedStore(url!, communityCache(5_000, () => clock));
    const elsewhere = open();
    try {
      const externalId = randomUUID();
      const community = await here.store.communities.ensure("slack", externalId, defaults);
      await elsewhere.forCommunity(community.id).settings.update({ locale: "en", introChannelId: "C0INTROS" });

      clock = 4_000;
      expect((await here.store.communities.ensure("slack", externalId, defaults)).locale).toBe("ja");
      clock = 5_001;
      expect(await here.store.communities.ensure("slack", externalId, defaults)).toMatchObject({ locale: "en", introChannelId: "C0INTROS" });

      await here.store.forCommunity(community.id).settings.update({ timeZone: "Europe/Berlin" });
      expect((await here.store.communities.ensure("slack", externalId, defaults)).timeZone).toBe("Europe/Berlin");
      expect(here.store.communities.cached("slack", externalId)?.timeZone).toBe("Europe/Berlin");
    } finally {
      await here.db.$disconnect();
    }
  });
});

describe.each(storeBackends())("the offers search index on %s", (backend, url) => {
  const { open, skip } = storesOn(backend, url);

  async function community(store: Store) {
    const c = await store.communities.ensure("discord", randomUUID(), defaults);
    const scoped = store.forCommunity(c.id);
    const aiko = await scoped.members.ensure({ platformUserId: "aiko", displayName: "Aiko" });
    const ken = await scoped.members.ensure({ platformUserId: "ken", displayName: "Ken" });
    return { c, scoped, aiko, ken };
  }

  const titles = (posts: { title: string }[]) => posts.map((p) => p.title);

  it.skipIf(skip)("given open posts, then a search ranks them as rankSearch does over every open post (tags over words, then newest), and other communities' posts are never found", async () => {
    const store = open();
    const { scoped, aiko, ken } = await community(store);
    const other = await community(store);
    await other.scoped.offers.create(other.aiko.id, newPost({ title: "Excel elsewhere", tags: ["excel"] }));
    const words = ["excel", "python", "design", "review", "英語", "面接", "career"];
    const texts = fc.sample(fc.record({
      title: fc.subarray(words, { minLength: 1, maxLength: 3 }).map((w) => w.join(" ")),
      tags: fc.subarray(words, { maxLength: 2 }),
      minutes: fc.integer({ min: 0, max: 50 }),
    }), 40);
    const posts = [];
    for (const [i, text] of texts.entries()) {
      posts.push(await scoped.offers.create(i % 2 ? aiko.id : ken.id, newPost(
        { title: `${text.title} #${i}`, tags: text.tags },
        { createdAt: new Date(NOW.getTime() - text.minutes * 60_000), kind: i % 3 ? "offer" : "ask" },
      )));
    }
    // The newest first and, among posts of one instant, the greater id first: the order live() gives.
    const newestFirst = [...posts].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1));
    for (const query of ["excel", "python review", "英語 面接", "デザイン", "career excel design", "kubernetes"]) {
      const expected = rankSearch(query, newestFirst.map((post) => ({ post, subject: subjectOfPost(post), createdAt: post.createdAt })), 8).map((r) => r.post);
      expect(titles(await scoped.offers.search(searchKeysOf(query), NOW, 8)), query).toEqual(titles(expected));
    }
  });

  it.skipIf(skip)("given a post is closed, expires, is deleted or its author forgets their data, then search no longer finds it and its index rows are gone; extended, it is found again", async () => {
    const store = open();
    const db = (store as Store & { db: Db }).db;
    const { scoped, aiko, ken } = await community(store);
    const closed = await scoped.offers.create(aiko.id, newPost({ title: "Excel closed", tags: ["excel"] }));
    const expiring = await scoped.offers.create(aiko.id, newPost({ title: "Excel expiring", tags: ["excel"] }, { expiresAt: days(1) }));
    const removed = await scoped.offers.create(aiko.id, newPost({ title: "Excel removed", tags: ["excel"] }));
    const forgotten = await scoped.offers.create(ken.id, newPost({ title: "Excel of Ken", tags: ["excel"] }));
    const rowsOf = (postId: string) => db.offerTerm.count({ where: { postId } });
    expect(await rowsOf(closed.id)).toBeGreaterThan(0);

    await scoped.offers.close(closed.id, NOW);
    // Past its expiry it is not found even before its job marks it expired.
    expect(titles(await scoped.offers.search(["excel"], days(2), 8)).sort()).toEqual(["Excel of Ken", "Excel removed"]);
    expect(await scoped.offers.expire(expiring.id, days(2))).toBe(true);
    await scoped.offers.remove(removed.id);
    await scoped.members.remove(ken.id);

    expect(titles(await scoped.offers.search(["excel"], NOW, 8))).toEqual([]);
    for (const post of [closed, expiring, removed, forgotten]) expect(await rowsOf(post.id), post.title).toBe(0);

    await scoped.offers.extend(closed.id, days(10));
    expect(titles(await scoped.offers.search(["excel"], NOW, 8))).toEqual(["Excel closed"]);
  });

  it.skipIf(skip)("given open posts made before the index existed, then at start they are indexed and found", async () => {
    const store = open();
    const db = (store as Store & { db: Db }).db;
    const { scoped, aiko } = await community(store);
    const old = await scoped.offers.create(aiko.id, newPost({ title: "Python tutoring", tags: ["python"] }));
    await db.offerTerm.deleteMany({ where: { postId: old.id } });
    expect(await scoped.offers.search(["python"], NOW, 8)).toEqual([]);
    await store.indexOpenPosts(NOW);
    expect(titles(await scoped.offers.search(["python"], NOW, 8))).toEqual(["Python tutoring"]);
  });
});
