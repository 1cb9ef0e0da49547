// A member's own language and time zone in the store (SQLite and PostgreSQL): what the platform
// says follows the platform until the member chooses, a choice outlives what the platform says,
// a change is scoped to its community, and the pairing pool hands each member's zone to the engine.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { pairPool } from "../../src/app/pairing/pool.js";
import { DEFAULT_PAIRING_SETTINGS } from "../../src/core/pairing/settings.js";
import { intro } from "../support/bot.js";
import { storeBackends, storesOn } from "../support/db.js";

const defaults = { name: "Test community", locale: "ja", timeZone: "Asia/Tokyo" };

describe.each(storeBackends())("member settings on %s", (backend, url) => {
  const { open, skip } = storesOn(backend, url);

  it.skipIf(skip)("given the platform's locale and zone, then they follow the platform until the member sets their own, which then stays", async () => {
    const store = open();
    const community = await store.communities.ensure("slack", randomUUID(), defaults);
    const members = store.forCommunity(community.id).members;
    const seen = await members.ensure({ platformUserId: "U1", displayName: "Aiko", locale: "en-US", timeZone: "America/New_York" });
    expect(seen).toMatchObject({ locale: "en-US", localeSource: "platform", timeZone: "America/New_York", timeZoneSource: "platform" });
    const moved = await members.ensure({ platformUserId: "U1", displayName: "Aiko", locale: "en-GB", timeZone: "Europe/London" });
    expect(moved).toMatchObject({ locale: "en-GB", localeSource: "platform", timeZone: "Europe/London", timeZoneSource: "platform" });

    await members.changeSettings(seen.id, { locale: "ja", localeSource: "member", timeZone: "Asia/Tokyo", timeZoneSource: "member" });
    const after = await members.ensure({ platformUserId: "U1", displayName: "Aiko S", locale: "en-US", timeZone: "America/New_York" });
    expect(after).toMatchObject({ displayName: "Aiko S", locale: "ja", localeSource: "member", timeZone: "Asia/Tokyo", timeZoneSource: "member" });
  });

  it.skipIf(skip)("given a member id of another community, then a change there changes nothing", async () => {
    const store = open();
    const a = await store.communities.ensure("discord", randomUUID(), defaults);
    const b = await store.communities.ensure("discord", randomUUID(), defaults);
    const inA = await store.forCommunity(a.id).members.ensure({ platformUserId: "1", displayName: "Aiko" });
    await expect(store.forCommunity(b.id).members.changeSettings(inA.id, { timeZone: "Europe/Paris", timeZoneSource: "member" })).rejects.toThrow();
    expect(await store.forCommunity(a.id).members.find(inA.id)).toMatchObject({ timeZone: null, timeZoneSource: null });
  });

  it.skipIf(skip)("given members with their own zones, then the engine weighs each one's zone and the others get the community's", async () => {
    const store = open();
    const community = await store.communities.ensure("console", randomUUID(), defaults);
    const scoped = store.forCommunity(community.id);
    for (const [name, industry, zone] of [["aiko", "it", "Asia/Singapore"], ["ken", "design", null]] as const) {
      const member = await scoped.members.ensure({ platformUserId: name, displayName: name });
      if (zone) await scoped.members.changeSettings(member.id, { timeZone: zone, timeZoneSource: "member" });
      await scoped.profiles.save(member.id, intro({ industry }));
      await scoped.pairing.setParticipation(member.id, { active: true });
    }
    const { result } = await pairPool(scoped, community, DEFAULT_PAIRING_SETTINGS, new Date("2026-11-30T00:00:00Z"));
    // Singapore and Tokyo are an hour apart: eight working hours shared.
    expect(result.groups[0]!.reasons).toContainEqual({ kind: "timeZoneOverlap", params: { hours: 8 } });
  });
});
