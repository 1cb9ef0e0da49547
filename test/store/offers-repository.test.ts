import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Intro } from "../../src/core/profile.js";
import type { NewOfferPost } from "../../src/store/offers-repository.js";
import type { Store } from "../../src/store/repositories.js";
import { storeBackends, storesOn } from "../support/db.js";

const defaults = { name: "Test community", locale: "ja", timeZone: "Asia/Tokyo" };
const NOW = new Date("2026-11-26T01:00:00Z");
const DAY = 86_400_000;
const days = (n: number) => new Date(NOW.getTime() + n * DAY);

const newPost = (overrides: Partial<NewOfferPost> = {}): NewOfferPost => ({
  kind: "offer", title: "Excel の関数を教えます", details: "", tags: ["excel"], terms: ["excel", "関数"],
  contact: "space", expiresAt: days(30), createdAt: NOW, ...overrides,
});

const intro: Intro = {
  industry: "finance", role: "Analyst", seniority: "7-15", interests: [], canOffer: ["エクセル"], lookingFor: ["英語"],
  languages: ["ja"], city: "", meetingPreference: "either", bio: "",
};

describe.each(storeBackends())("offers store on %s", (backend, url) => {
  const { open, skip } = storesOn(backend, url);

  async function community(store: Store) {
    const c = await store.communities.ensure("discord", randomUUID(), defaults);
    const aiko = await store.members.ensure(c.id, { platformUserId: "aiko", displayName: "Aiko", locale: "ja" });
    const ken = await store.members.ensure(c.id, { platformUserId: "ken", displayName: "Ken" });
    return { c, aiko, ken };
  }

  it.skipIf(skip)("given a post, then it reads back with its tags, terms, author and card", async () => {
    const store = open();
    const { c, aiko } = await community(store);
    const post = await store.offers.create(c.id, aiko.id, newPost({ details: "VBA も", contact: "dm" }));
    await store.offers.setCard(c.id, post.id, { channelId: "offers", messageId: "m1" });
    expect(await store.offers.find(c.id, post.id)).toEqual({
      ...post, card: { channelId: "offers", messageId: "m1" },
    });
    expect(post).toMatchObject({
      kind: "offer", title: "Excel の関数を教えます", details: "VBA も", tags: ["excel"], terms: ["excel", "関数"], contact: "dm",
      status: "open", expiresAt: days(30), createdAt: NOW, author: { platformUserId: "aiko", displayName: "Aiko", locale: "ja" },
    });
    const other = await store.communities.ensure("discord", randomUUID(), defaults);
    expect(await store.offers.find(other.id, post.id)).toBeNull();
  });

  it.skipIf(skip)("given open, closed and expired posts, then only the open ones are live and counted, newest first", async () => {
    const store = open();
    const { c, aiko, ken } = await community(store);
    const older = await store.offers.create(c.id, aiko.id, newPost({ title: "older" }));
    const newer = await store.offers.create(c.id, aiko.id, newPost({ title: "newer", createdAt: days(1) }));
    const ask = await store.offers.create(c.id, ken.id, newPost({ kind: "ask", title: "ask", createdAt: days(1) }));
    const closed = await store.offers.create(c.id, aiko.id, newPost({ title: "closed" }));
    await store.offers.close(c.id, closed.id, NOW);
    const ending = await store.offers.create(c.id, aiko.id, newPost({ title: "ending", expiresAt: days(2) }));

    const at = days(3);
    expect((await store.offers.live(c.id, at, { limit: 10 })).map((p) => p.title)).toEqual(["ask", "newer", "older"]);
    expect((await store.offers.live(c.id, at, { kind: "offer", limit: 10 })).map((p) => p.id)).toEqual([newer.id, older.id]);
    expect(await store.offers.countLive(c.id, aiko.id, at)).toBe(2);
    expect(await store.offers.countCreatedSince(c.id, aiko.id, NOW)).toBe(4);
    expect(await store.offers.countCreatedSince(c.id, aiko.id, days(1))).toBe(1);

    // Expiring: only a post that is open and past its end.
    expect(await store.offers.expire(c.id, older.id, at)).toBe(false);
    expect(await store.offers.expire(c.id, ending.id, at)).toBe(true);
    expect((await store.offers.find(c.id, ending.id))?.status).toBe("expired");
    // Extending opens it again.
    await store.offers.extend(c.id, ending.id, days(40));
    expect(await store.offers.find(c.id, ending.id)).toMatchObject({ status: "open", expiresAt: days(40) });
    // A member's own posts in every state, newest first (the later one first within the same instant).
    expect((await store.offers.ofMember(c.id, aiko.id, 10)).map((p) => p.title)).toEqual(["newer", "ending", "closed", "older"]);
    expect((await store.offers.ofMember(c.id, ken.id, 10)).map((p) => p.id)).toEqual([ask.id]);
  });

  it.skipIf(skip)("given the same member answers a post twice, then one exchange is recorded and found for both members", async () => {
    const store = open();
    const { c, aiko, ken } = await community(store);
    const post = await store.offers.create(c.id, aiko.id, newPost());
    const first = await store.offers.recordExchange(c.id, { postId: post.id, helperId: aiko.id, helpedId: ken.id }, NOW);
    const again = await store.offers.recordExchange(c.id, { postId: post.id, helperId: aiko.id, helpedId: ken.id }, days(1));
    expect(first.created).toBe(true);
    expect(again).toEqual({ exchange: first.exchange, created: false });
    await store.offers.setExchangeSpace(c.id, first.exchange.id, "thread-1");
    const forKen = await store.offers.exchangesOf(c.id, ken.id);
    expect(forKen).toEqual([expect.objectContaining({ helperId: aiko.id, helpedId: ken.id, spaceId: "thread-1", title: post.title, kind: "offer" })]);
    expect(await store.offers.exchangesOf(c.id, aiko.id)).toEqual(forKen);
  });

  it.skipIf(skip)("given notices and a member's switch, then each post tells a member once and notices are counted per day", async () => {
    const store = open();
    const { c, aiko, ken } = await community(store);
    const post = await store.offers.create(c.id, ken.id, newPost({ kind: "ask" }));
    expect(await store.offers.noticesOn(c.id, aiko.id)).toBe(true);
    await store.offers.recordNotice(c.id, post.id, aiko.id, NOW);
    await store.offers.recordNotice(c.id, post.id, aiko.id, days(1));
    expect(await store.offers.noticeSent(c.id, post.id, aiko.id)).toBe(true);
    expect(await store.offers.noticeSent(c.id, post.id, ken.id)).toBe(false);
    expect(await store.offers.countNoticesSince(c.id, aiko.id, NOW)).toBe(1);
    expect(await store.offers.countNoticesSince(c.id, aiko.id, days(1))).toBe(0);
    await store.offers.setNotices(c.id, aiko.id, false);
    expect(await store.offers.noticesOn(c.id, aiko.id)).toBe(false);
    await store.offers.setNotices(c.id, aiko.id, true);
    expect(await store.offers.noticesOn(c.id, aiko.id)).toBe(true);
  });

  it.skipIf(skip)("given intros, then their lists are read for fit", async () => {
    const store = open();
    const { c, aiko } = await community(store);
    await store.profiles.save(c.id, aiko.id, intro);
    expect(await store.offers.introLists(c.id)).toEqual([expect.objectContaining({
      memberId: aiko.id, platformUserId: "aiko", locale: "ja", canOffer: ["エクセル"], lookingFor: ["英語"],
    })]);
  });

  it.skipIf(skip)("given a member's data is forgotten, then their posts, exchanges, notices and switch are gone and others' posts stay", async () => {
    const store = open();
    const { c, aiko, ken } = await community(store);
    const mine = await store.offers.create(c.id, aiko.id, newPost());
    await store.offers.setCard(c.id, mine.id, { channelId: "offers", messageId: "m1" });
    await store.offers.create(c.id, aiko.id, newPost({ kind: "ask" }));
    const kens = await store.offers.create(c.id, ken.id, newPost({ kind: "ask" }));
    await store.offers.recordExchange(c.id, { postId: kens.id, helperId: aiko.id, helpedId: ken.id }, NOW);
    await store.offers.recordExchange(c.id, { postId: mine.id, helperId: aiko.id, helpedId: ken.id }, NOW);
    await store.offers.recordNotice(c.id, kens.id, aiko.id, NOW);
    await store.offers.setNotices(c.id, aiko.id, false);

    expect(await store.offers.cardsOfMember(c.id, aiko.id)).toEqual([{ channelId: "offers", messageId: "m1" }]);
    expect(await store.transaction((tx) => tx.offers.removeOfMember(c.id, aiko.id))).toBe(2);
    expect(await store.offers.ofMember(c.id, aiko.id, 10)).toEqual([]);
    expect(await store.offers.exchangesOf(c.id, ken.id)).toEqual([]);
    expect(await store.offers.noticeSent(c.id, kens.id, aiko.id)).toBe(false);
    expect(await store.offers.noticesOn(c.id, aiko.id)).toBe(true);
    expect((await store.offers.ofMember(c.id, ken.id, 10)).map((p) => p.id)).toEqual([kens.id]);
  });
});
