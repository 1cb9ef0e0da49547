import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Intro } from "../../src/core/profile.js";
import type { NewOfferPost } from "../../src/store/offers-repository.js";
import type { Store } from "../../src/store/repositories.js";
import { exchangesOf, storeBackends, storesOn } from "../support/db.js";

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
    const aiko = await store.forCommunity(c.id).members.ensure({ platformUserId: "aiko", displayName: "Aiko", locale: "ja" });
    const ken = await store.forCommunity(c.id).members.ensure({ platformUserId: "ken", displayName: "Ken" });
    return { c, aiko, ken };
  }

  it.skipIf(skip)("given a post, then it reads back with its tags, terms, author and card", async () => {
    const store = open();
    const { c, aiko } = await community(store);
    const post = await store.forCommunity(c.id).offers.create(aiko.id, newPost({ details: "VBA も", contact: "dm" }));
    await store.forCommunity(c.id).offers.setCard(post.id, { channelId: "offers", messageId: "m1" });
    expect(await store.forCommunity(c.id).offers.find(post.id)).toEqual({
      ...post, card: { channelId: "offers", messageId: "m1" },
    });
    expect(post).toMatchObject({
      kind: "offer", title: "Excel の関数を教えます", details: "VBA も", tags: ["excel"], terms: ["excel", "関数"], contact: "dm",
      status: "open", expiresAt: days(30), createdAt: NOW, author: { platformUserId: "aiko", displayName: "Aiko", locale: "ja" },
    });
    const other = await store.communities.ensure("discord", randomUUID(), defaults);
    expect(await store.forCommunity(other.id).offers.find(post.id)).toBeNull();
  });

  it.skipIf(skip)("given open, closed and expired posts, then only the open ones are live and counted, newest first", async () => {
    const store = open();
    const { c, aiko, ken } = await community(store);
    const older = await store.forCommunity(c.id).offers.create(aiko.id, newPost({ title: "older" }));
    const newer = await store.forCommunity(c.id).offers.create(aiko.id, newPost({ title: "newer", createdAt: days(1) }));
    const ask = await store.forCommunity(c.id).offers.create(ken.id, newPost({ kind: "ask", title: "ask", createdAt: days(1) }));
    const closed = await store.forCommunity(c.id).offers.create(aiko.id, newPost({ title: "closed" }));
    await store.forCommunity(c.id).offers.close(closed.id, NOW);
    const ending = await store.forCommunity(c.id).offers.create(aiko.id, newPost({ title: "ending", expiresAt: days(2) }));

    const at = days(3);
    expect((await store.forCommunity(c.id).offers.live(at, { limit: 10 })).map((p) => p.title)).toEqual(["ask", "newer", "older"]);
    expect((await store.forCommunity(c.id).offers.live(at, { kind: "offer", limit: 10 })).map((p) => p.id)).toEqual([newer.id, older.id]);
    expect(await store.forCommunity(c.id).offers.countLive(aiko.id, at)).toBe(2);
    expect(await store.forCommunity(c.id).offers.countCreatedSince(aiko.id, NOW)).toBe(4);
    expect(await store.forCommunity(c.id).offers.countCreatedSince(aiko.id, days(1))).toBe(1);

    // Expiring: only a post that is open and past its end.
    expect(await store.forCommunity(c.id).offers.expire(older.id, at)).toBe(false);
    expect(await store.forCommunity(c.id).offers.expire(ending.id, at)).toBe(true);
    expect((await store.forCommunity(c.id).offers.find(ending.id))?.status).toBe("expired");
    // Extending opens it again.
    await store.forCommunity(c.id).offers.extend(ending.id, days(40));
    expect(await store.forCommunity(c.id).offers.find(ending.id)).toMatchObject({ status: "open", expiresAt: days(40) });
    // A member's own posts in every state, newest first (the later one first within the same instant).
    expect((await store.forCommunity(c.id).offers.ofMember(aiko.id, 10)).map((p) => p.title)).toEqual(["newer", "ending", "closed", "older"]);
    expect((await store.forCommunity(c.id).offers.ofMember(ken.id, 10)).map((p) => p.id)).toEqual([ask.id]);
  });

  it.skipIf(skip)("given the same member answers a post twice, then one exchange is recorded and found for both members", async () => {
    const store = open();
    const { c, aiko, ken } = await community(store);
    const post = await store.forCommunity(c.id).offers.create(aiko.id, newPost());
    const first = await store.forCommunity(c.id).offers.recordExchange({ postId: post.id, helperId: aiko.id, helpedId: ken.id }, NOW);
    const again = await store.forCommunity(c.id).offers.recordExchange({ postId: post.id, helperId: aiko.id, helpedId: ken.id }, days(1));
    expect(first.created).toBe(true);
    expect(again).toEqual({ exchange: first.exchange, created: false });
    await store.forCommunity(c.id).offers.setExchangeSpace(first.exchange.id, "thread-1");
    const forKen = await exchangesOf(store.db, c.id, ken.id);
    expect(forKen).toEqual([expect.objectContaining({ helperId: aiko.id, helpedId: ken.id, spaceId: "thread-1", title: post.title, kind: "offer" })]);
    expect(await exchangesOf(store.db, c.id, aiko.id)).toEqual(forKen);
  });

  it.skipIf(skip)("given notices and a member's switch, then each post tells a member once and notices are counted per day", async () => {
    const store = open();
    const { c, aiko, ken } = await community(store);
    const post = await store.forCommunity(c.id).offers.create(ken.id, newPost({ kind: "ask" }));
    expect(await store.forCommunity(c.id).offers.noticesOn(aiko.id)).toBe(true);
    await store.forCommunity(c.id).offers.recordNotice(post.id, aiko.id, NOW);
    await store.forCommunity(c.id).offers.recordNotice(post.id, aiko.id, days(1));
    expect(await store.forCommunity(c.id).offers.noticeSent(post.id, aiko.id)).toBe(true);
    expect(await store.forCommunity(c.id).offers.noticeSent(post.id, ken.id)).toBe(false);
    expect(await store.forCommunity(c.id).offers.countNoticesSince(aiko.id, NOW)).toBe(1);
    expect(await store.forCommunity(c.id).offers.countNoticesSince(aiko.id, days(1))).toBe(0);
    await store.forCommunity(c.id).offers.setNotices(aiko.id, false);
    expect(await store.forCommunity(c.id).offers.noticesOn(aiko.id)).toBe(false);
    await store.forCommunity(c.id).offers.setNotices(aiko.id, true);
    expect(await store.forCommunity(c.id).offers.noticesOn(aiko.id)).toBe(true);
  });

  it.skipIf(skip)("given intros, then their lists are read for fit", async () => {
    const store = open();
    const { c, aiko } = await community(store);
    await store.forCommunity(c.id).profiles.save(aiko.id, intro);
    expect(await store.forCommunity(c.id).offers.introLists()).toEqual([expect.objectContaining({
      memberId: aiko.id, platformUserId: "aiko", locale: "ja", canOffer: ["エクセル"], lookingFor: ["英語"],
    })]);
  });

  it.skipIf(skip)("given a member's data is forgotten, then their posts, notices and switch are gone, others' posts stay, and their answers to those stay without them", async () => {
    const store = open();
    const { c, aiko, ken } = await community(store);
    const mine = await store.forCommunity(c.id).offers.create(aiko.id, newPost());
    await store.forCommunity(c.id).offers.setCard(mine.id, { channelId: "offers", messageId: "m1" });
    await store.forCommunity(c.id).offers.create(aiko.id, newPost({ kind: "ask" }));
    const kens = await store.forCommunity(c.id).offers.create(ken.id, newPost({ kind: "ask" }));
    await store.forCommunity(c.id).offers.recordExchange({ postId: kens.id, helperId: aiko.id, helpedId: ken.id }, NOW);
    await store.forCommunity(c.id).offers.recordExchange({ postId: mine.id, helperId: aiko.id, helpedId: ken.id }, NOW);
    await store.forCommunity(c.id).offers.recordNotice(kens.id, aiko.id, NOW);
    await store.forCommunity(c.id).offers.setNotices(aiko.id, false);

    expect(await store.forCommunity(c.id).offers.cardsOfMember(aiko.id)).toEqual([{ channelId: "offers", messageId: "m1" }]);
    expect(await store.forCommunity(c.id).transaction((tx) => tx.offers.removeOfMember(aiko.id))).toBe(2);
    expect(await store.forCommunity(c.id).offers.ofMember(aiko.id, 10)).toEqual([]);
    // The exchange on Aiko's own post went with it; the one on Ken's ask is his, with nobody named as its helper.
    expect(await exchangesOf(store.db, c.id, ken.id)).toEqual([expect.objectContaining({ postId: kens.id, helperId: null, helpedId: ken.id })]);
    expect(JSON.stringify(await store.db.offerExchange.findMany({ where: { communityId: c.id } }))).not.toContain(aiko.id);
    expect(await store.forCommunity(c.id).offers.noticeSent(kens.id, aiko.id)).toBe(false);
    expect(await store.forCommunity(c.id).offers.noticesOn(aiko.id)).toBe(true);
    expect((await store.forCommunity(c.id).offers.ofMember(ken.id, 10)).map((p) => p.id)).toEqual([kens.id]);
  });
});
