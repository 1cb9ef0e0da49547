import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Intro } from "../../src/core/profile.js";
import { storeBackends, storesOn } from "../support/db.js";

const intro: Intro = {
  industry: "it",
  role: "Backend engineer",
  seniority: "3-7",
  interests: ["Rust", "登山"],
  canOffer: ["面接練習"],
  lookingFor: ["design mentor"],
  languages: ["ja", "en"],
  city: "大阪",
  meetingPreference: "in_person",
  bio: "よろしくお願いします",
};

const defaults = { name: "Test community", locale: "ja", timeZone: "Asia/Tokyo" };

describe.each(storeBackends())("store on %s", (backend, url) => {
  const { open, skip } = storesOn(backend, url);

  it.skipIf(skip)("given a guild seen twice, then it is one community and keeps its settings", async () => {
    const store = open();
    const externalId = randomUUID();
    const first = await store.communities.ensure("discord", externalId, defaults);
    await store.forCommunity(first.id).settings.update({ introChannelId: "123", locale: "en" });
    const again = await store.communities.ensure("discord", externalId, { ...defaults, locale: "ja" });
    expect(again.id).toBe(first.id);
    expect(again.locale).toBe("en");
    expect(again.introChannelId).toBe("123");
  });

  it.skipIf(skip)("given the same user id in two communities, then each has its own member and profile", async () => {
    const store = open();
    const a = await store.communities.ensure("slack", randomUUID(), defaults);
    const b = await store.communities.ensure("slack", randomUUID(), defaults);
    const inA = await store.forCommunity(a.id).members.ensure({ platformUserId: "U1", displayName: "Aiko" });
    const inB = await store.forCommunity(b.id).members.ensure({ platformUserId: "U1", displayName: "Aiko B" });
    expect(inA.id).not.toBe(inB.id);
    await store.forCommunity(a.id).profiles.save(inA.id, intro);
    expect(await store.forCommunity(a.id).profiles.find(inA.id)).toMatchObject({ intro });
    expect(await store.forCommunity(b.id).profiles.find(inB.id)).toBeNull();
    // Another community's id never reaches a member's profile.
    expect(await store.forCommunity(b.id).profiles.find(inA.id)).toBeNull();
    expect(await store.forCommunity(b.id).members.findByPlatformUser("U1")).toMatchObject({ displayName: "Aiko B" });
  });

  it.skipIf(skip)("given a saved intro, when it is saved again, then it is updated and keeps its card", async () => {
    const store = open();
    const community = await store.communities.ensure("discord", randomUUID(), defaults);
    const member = await store.forCommunity(community.id).members.ensure({ platformUserId: "42", displayName: "Ken", locale: "en-US" });
    expect(member.locale).toBe("en-US");
    await store.forCommunity(community.id).profiles.save(member.id, intro);
    await store.forCommunity(community.id).profiles.setCard(member.id, { channelId: "c1", messageId: "m1" });
    await store.forCommunity(community.id).profiles.save(member.id, { ...intro, role: "CTO", languages: ["en"] });
    const profile = await store.forCommunity(community.id).profiles.find(member.id);
    expect(profile?.intro.role).toBe("CTO");
    expect(profile?.intro.languages).toEqual(["en"]);
    expect(profile?.intro.interests).toEqual(["Rust", "登山"]);
    expect(profile?.card).toEqual({ channelId: "c1", messageId: "m1" });
  });

  it.skipIf(skip)("given a form draft, then it is found until it is older than asked and is gone once removed", async () => {
    const store = open();
    const community = await store.communities.ensure("discord", randomUUID(), defaults);
    const member = await store.forCommunity(community.id).members.ensure({ platformUserId: "7", displayName: "Yui" });
    // Saved at a simulated time far from the machine's clock, as on the console: aged by that time.
    const savedAt = new Date("2030-01-01T00:00:00Z");
    await store.forCommunity(community.id).formDrafts.save(member.id, "intro", { role: "PM", languages: ["ja"] }, savedAt);
    const hourBefore = new Date(savedAt.getTime() - 3600_000);
    expect(await store.forCommunity(community.id).formDrafts.find(member.id, "intro", hourBefore)).toEqual({ role: "PM", languages: ["ja"] });
    expect(await store.forCommunity(community.id).formDrafts.find(member.id, "intro", new Date(savedAt.getTime() + 60_000))).toBeNull();
    await store.forCommunity(community.id).formDrafts.remove(member.id, "intro");
    expect(await store.forCommunity(community.id).formDrafts.find(member.id, "intro", hourBefore)).toBeNull();
  });

  it.skipIf(skip)("given a failing transaction, then none of its writes land", async () => {
    const store = open();
    const community = await store.communities.ensure("discord", randomUUID(), defaults);
    const member = await store.forCommunity(community.id).members.ensure({ platformUserId: "9", displayName: "Sho" });
    await expect(store.forCommunity(community.id).transaction(async (tx) => {
      await tx.profiles.save(member.id, intro);
      throw new Error("card could not be recorded");
    })).rejects.toThrow("card could not be recorded");
    expect(await store.forCommunity(community.id).profiles.find(member.id)).toBeNull();
  });
});
