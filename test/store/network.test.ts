import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { communityFigures, type Encounter } from "../../src/core/network/index.js";
import type { FollowUpAnswer } from "../../src/core/pairing/settings.js";
import type { Intro } from "../../src/core/profile.js";
import type { NewOfferPost } from "../../src/store/offers-repository.js";
import type { RoundFields } from "../../src/store/rounds-repository.js";
import type { CommunityStore, Store } from "../../src/store/repositories.js";
import { storeBackends, storesOn } from "../support/db.js";

// The network's rows on both databases: every encounter of a member (pairing groups, answered
// posts, sessions attended together, and the places of members who deleted their data), mutual
// wishes, thanks once per occasion, "not now", the suggestion switch, the community's activity
// for its figures, and /my-data's read-back.

const defaults = { name: "Network community", locale: "ja", timeZone: "Asia/Tokyo" };
const NOW = new Date("2026-12-02T03:00:00Z");
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const days = (n: number) => new Date(NOW.getTime() + n * DAY);

const intro = (overrides: Partial<Intro> = {}): Intro => ({
  industry: "it", role: "Engineer", seniority: "3-7", interests: [], canOffer: ["code review"], lookingFor: ["design"],
  languages: ["ja"], city: "", meetingPreference: "online", bio: "", ...overrides,
});
const newPost = (overrides: Partial<NewOfferPost> = {}): NewOfferPost => ({
  kind: "offer", title: "Excel の関数を教えます", details: "", tags: ["excel"], terms: ["excel"], contact: "space", expiresAt: days(30), createdAt: days(-20), ...overrides,
});
const roundFields: RoundFields = {
  kind: "study", title: "TypeScript study", topic: "", description: "", timeZone: "Asia/Tokyo", cadence: "weekly", durationMinutes: 60,
  capacity: 5, onlineUrl: "https://meet.example.com/ts", venue: null, facilitation: "organizer", reminderMinutes: [1440, 60],
};

/** Encounters in a stable order, to compare with what the test expects. */
const sorted = (encounters: Encounter[]) =>
  [...encounters].sort((a, b) => a.at.getTime() - b.at.getTime() || a.kind.localeCompare(b.kind) || String(a.otherId).localeCompare(String(b.otherId)));

describe.each(storeBackends())("network store on %s", (backend, url) => {
  const { open, skip } = storesOn(backend, url);

  async function community(store: Store) {
    const c = await store.communities.ensure("discord", randomUUID(), defaults);
    const s = store.forCommunity(c.id);
    const member = async (name: string, withIntro: Partial<Intro> | null = {}) => {
      const m = await s.members.ensure({ platformUserId: name.toLowerCase(), displayName: name });
      if (withIntro) await s.profiles.save(m.id, intro(withIntro));
      return m;
    };
    return { c, s, member };
  }

  /** A pairing round of `status` with its groups, answers and "meet again" as given (members by id). */
  async function pairingRound(
    s: CommunityStore, period: string, at: Date,
    groups: { memberId: string; answer?: FollowUpAnswer; meetAgain?: boolean }[][], status = "followed-up",
  ) {
    const round = await s.pairing.ensureRound(period, at);
    await s.pairing.saveGroups(round.id, groups.map((g) => ({ memberIds: g.map((m) => m.memberId), score: 1, reasons: [] })));
    await s.pairing.setRoundStatus(round.id, status);
    const saved = await s.pairing.groups(round.id);
    for (const [i, group] of groups.entries()) {
      for (const place of group) {
        if (place.answer) await s.pairing.answer(saved[i]!.id, place.memberId, place.answer, new Date(at.getTime() + 3 * DAY));
        if (place.meetAgain !== undefined) await s.pairing.answerMeetAgain(saved[i]!.id, place.memberId, place.meetAgain);
      }
    }
    return saved;
  }

  it.skipIf(skip)("given a pairing group, answered posts and sessions, then a member's encounters hold each with its answer, title, who helped, and only sessions both attended", async () => {
    const store = open();
    const { c, s, member } = await community(store);
    const [aiko, ken, yui, sho, rin] = [await member("Aiko"), await member("Ken"), await member("Yui"), await member("Sho"), await member("Rin")];

    const [group] = await pairingRound(s, "2026-10-05", days(-58), [[{ memberId: aiko.id, answer: "not_met" }, { memberId: ken.id, answer: "online" }]]);
    // A round still planned is nobody's encounter yet.
    await pairingRound(s, "2026-12-07", days(5), [[{ memberId: aiko.id }, { memberId: yui.id }]], "planned");

    const offer = await s.offers.create(yui.id, newPost({ title: "Excel の関数を教えます" }));
    const helpedAiko = await s.offers.recordExchange({ postId: offer.id, helperId: yui.id, helpedId: aiko.id }, days(-19));
    const ask = await s.offers.create(sho.id, newPost({ kind: "ask", title: "Feedback on my first talk", createdAt: days(-15) }));
    const aikoHelped = await s.offers.recordExchange({ postId: ask.id, helperId: aiko.id, helpedId: sho.id }, days(-14));

    const round = await s.rounds.create(rin.id, roundFields, [
      { startsAt: days(-10), label: "", facilitatorId: null }, { startsAt: days(-3), label: "", facilitatorId: null },
    ]);
    const [first, second] = await s.rounds.sessions(round.id);
    await s.rounds.recordAttendance(first!.id, aiko.id, { attended: true, takeaway: "Generics" });
    await s.rounds.recordAttendance(first!.id, ken.id, { attended: true });
    await s.rounds.recordAttendance(first!.id, yui.id, { attended: false });
    await s.rounds.recordAttendance(first!.id, sho.id, { takeaway: "said nothing about coming" });
    // Only Ken came to the second: Aiko did not, so it is no encounter of hers.
    await s.rounds.recordAttendance(second!.id, aiko.id, { attended: false });
    await s.rounds.recordAttendance(second!.id, ken.id, { attended: true });
    await s.rounds.recordAttendance(second!.id, rin.id, { attended: true });

    expect(sorted(await s.network.encountersOf(aiko.id))).toEqual([
      { kind: "pairing", at: days(-58), otherId: ken.id, contextId: group!.id, answer: "online" },
      { kind: "exchange", at: days(-19), otherId: yui.id, contextId: helpedAiko.exchange.id, title: "Excel の関数を教えます", postKind: "offer", helpedBy: "them" },
      { kind: "exchange", at: days(-14), otherId: sho.id, contextId: aikoHelped.exchange.id, title: "Feedback on my first talk", postKind: "ask", helpedBy: "you" },
      { kind: "session", at: days(-10), otherId: ken.id, contextId: first!.id, roundTitle: "TypeScript study", position: 1 },
    ]);
    expect(sorted(await s.network.encountersOf(ken.id)).map((e) => [e.kind, e.otherId, e.kind === "session" ? e.position : null])).toEqual([
      ["pairing", aiko.id, null], ["session", aiko.id, 1], ["session", rin.id, 2],
    ]);
    // Yui said she did not come, Sho did not say: neither met anyone at the session.
    expect((await s.network.encountersOf(yui.id)).map((e) => e.kind)).toEqual(["exchange"]);
    expect((await s.network.encountersOf(sho.id)).map((e) => e.kind)).toEqual(["exchange"]);
    // Another community's repositories see none of it.
    const other = await store.communities.ensure("discord", randomUUID(), defaults);
    expect(await store.forCommunity(other.id).network.encountersOf(aiko.id)).toEqual([]);
    expect(c.id).not.toBe(other.id);
  });

  it.skipIf(skip)("given groups whose members have since deleted their data, then their places stay as former-member encounters, never named", async () => {
    const store = open();
    const { s, member } = await community(store);
    const [aiko, ken, yui, sho] = [await member("Aiko"), await member("Ken"), await member("Yui"), await member("Sho")];
    const [trio, pair] = await pairingRound(s, "2026-10-05", days(-58), [
      [{ memberId: aiko.id, answer: "in_person" }, { memberId: ken.id }, { memberId: yui.id, answer: "online" }],
      [{ memberId: sho.id, answer: "online" }, { memberId: (await member("Rin")).id }],
    ]);
    const [later] = await pairingRound(s, "2026-10-12", days(-51), [[{ memberId: aiko.id }, { memberId: sho.id, answer: "scheduled" }]]);
    await s.members.remove(yui.id);
    await s.members.remove(sho.id);

    expect(sorted(await s.network.encountersOf(aiko.id))).toEqual(sorted([
      { kind: "pairing", at: days(-58), otherId: ken.id, contextId: trio!.id, answer: "in_person" },
      { kind: "pairing", at: days(-58), otherId: null, contextId: trio!.id, answer: "in_person" },
      // Sho's answer went with Sho's data.
      { kind: "pairing", at: days(-51), otherId: null, contextId: later!.id, answer: null },
    ]));
    expect((await s.network.encountersOf(ken.id)).map((e) => e.otherId).sort()).toEqual([aiko.id, null].sort());
    const rin = await s.members.findByPlatformUser("rin");
    expect(await s.network.encountersOf(rin!.id)).toEqual([{ kind: "pairing", at: days(-58), otherId: null, contextId: pair!.id, answer: null }]);
  });

  it.skipIf(skip)("given a member who answered others' posts then deleted their data, then the authors keep those exchanges with a former member, and the deleted member's own posts are gone", async () => {
    const store = open();
    const { s, member } = await community(store);
    const [aiko, ken] = [await member("Aiko"), await member("Ken")];
    const aikosOffer = await s.offers.create(aiko.id, newPost({ title: "Excel のマクロを教えます", createdAt: days(-20) }));
    const kensAsk = await s.offers.create(ken.id, newPost({ kind: "ask", title: "転職の相談", createdAt: days(-18) }));
    await s.offers.recordExchange({ postId: aikosOffer.id, helperId: aiko.id, helpedId: ken.id }, days(-19));
    await s.offers.recordExchange({ postId: kensAsk.id, helperId: aiko.id, helpedId: ken.id }, days(-17));
    await s.offers.removeOfMember(ken.id);
    await s.members.remove(ken.id);

    // Ken's answer to Aiko's offer stays hers, without him; his own ask went with his data.
    expect(await s.network.encountersOf(aiko.id)).toEqual([{
      kind: "exchange", at: days(-19), contextId: expect.any(String), title: "Excel のマクロを教えます", postKind: "offer", otherId: null, helpedBy: "you",
    }]);
    expect(JSON.stringify(await store.db.offerExchange.findMany())).not.toContain(ken.id);
  });

  it.skipIf(skip)("given answers to 'meet again', then only those with whom both said yes are mutual", async () => {
    const store = open();
    const { s, member } = await community(store);
    const [aiko, ken, yui, sho, rin] = [await member("Aiko"), await member("Ken"), await member("Yui"), await member("Sho"), await member("Rin")];
    await pairingRound(s, "2026-10-05", days(-58), [
      [{ memberId: aiko.id, answer: "in_person", meetAgain: true }, { memberId: ken.id, answer: "in_person", meetAgain: true }],
      [{ memberId: yui.id, answer: "online", meetAgain: true }, { memberId: sho.id, answer: "online", meetAgain: true }],
    ]);
    await pairingRound(s, "2026-10-12", days(-51), [
      [{ memberId: aiko.id, answer: "online", meetAgain: true }, { memberId: yui.id, answer: "online", meetAgain: false }],
      [{ memberId: sho.id, answer: "online", meetAgain: false }, { memberId: ken.id, answer: "online", meetAgain: true }],
    ]);
    await pairingRound(s, "2026-10-19", days(-44), [
      [{ memberId: aiko.id, answer: "online", meetAgain: false }, { memberId: sho.id, answer: "online", meetAgain: true }, { memberId: rin.id, answer: "online" }],
    ]);
    expect([...await s.network.mutualWith(aiko.id)]).toEqual([ken.id]);
    expect([...await s.network.mutualWith(ken.id)]).toEqual([aiko.id]);
    expect([...await s.network.mutualWith(yui.id)]).toEqual([sho.id]);
    expect([...await s.network.mutualWith(sho.id)]).toEqual([yui.id]);
    expect([...await s.network.mutualWith(rin.id)]).toEqual([]);
  });

  it.skipIf(skip)("given thanks, then each is kept once per sender, receiver and occasion, and a member's giving counts what they helped and received", async () => {
    const store = open();
    const { s, member } = await community(store);
    const [aiko, ken, yui] = [await member("Aiko"), await member("Ken"), await member("Yui")];
    const [group] = await pairingRound(s, "2026-10-05", days(-58), [[{ memberId: aiko.id, answer: "online" }, { memberId: ken.id, answer: "online" }]]);
    const post = await s.offers.create(aiko.id, newPost());
    const { exchange } = await s.offers.recordExchange({ postId: post.id, helperId: aiko.id, helpedId: ken.id }, days(-10));
    await s.offers.recordExchange({ postId: post.id, helperId: aiko.id, helpedId: yui.id }, days(-9));

    const thanks = (fromId: string, toId: string, context: "pairing" | "exchange", contextId: string, message: string, at: Date) =>
      s.network.recordThanks({ fromId, toId, context, contextId, message }, at);
    expect(await thanks(ken.id, aiko.id, "pairing", group!.id, "楽しかったです", days(-55))).toBe(true);
    expect(await thanks(ken.id, aiko.id, "pairing", group!.id, "もう一度", days(-54))).toBe(false);
    expect(await thanks(ken.id, aiko.id, "exchange", exchange.id, "助かりました", days(-8))).toBe(true);
    expect(await thanks(aiko.id, ken.id, "pairing", group!.id, "", days(-53))).toBe(true);

    expect((await s.network.thanksOf(aiko.id)).map((t) => ({ from: t.fromId, to: t.toId, context: t.context, message: t.message, at: t.createdAt }))).toEqual([
      { from: ken.id, to: aiko.id, context: "exchange", message: "助かりました", at: days(-8) },
      { from: aiko.id, to: ken.id, context: "pairing", message: "", at: days(-53) },
      { from: ken.id, to: aiko.id, context: "pairing", message: "楽しかったです", at: days(-55) },
    ]);
    expect(await s.network.thanksNotesOf(yui.id)).toEqual([]);
    expect(await s.network.thanksNotesOf(ken.id)).toHaveLength(3);
    expect(await s.network.givingOf(aiko.id)).toEqual({ helped: 2, thanked: 2 });
    expect(await s.network.givingOf(ken.id)).toEqual({ helped: 0, thanked: 1 });
    expect(await s.network.givingOf(yui.id)).toEqual({ helped: 0, thanked: 0 });
  });

  it.skipIf(skip)("given 'not now', then that person is left out until the snooze ends, and saying it again moves the end", async () => {
    const store = open();
    const { s, member } = await community(store);
    const [aiko, ken, yui] = [await member("Aiko"), await member("Ken"), await member("Yui")];
    await s.network.snooze(aiko.id, ken.id, days(14));
    await s.network.snooze(aiko.id, yui.id, days(1));
    expect([...await s.network.snoozedBy(aiko.id, NOW)].sort()).toEqual([ken.id, yui.id].sort());
    // It holds up to its end, not at it.
    expect([...await s.network.snoozedBy(aiko.id, new Date(days(1).getTime() - 1))].sort()).toEqual([ken.id, yui.id].sort());
    expect([...await s.network.snoozedBy(aiko.id, days(1))]).toEqual([ken.id]);
    expect([...await s.network.snoozedBy(aiko.id, days(14))]).toEqual([]);
    // Snoozes are the member's own: Ken has not snoozed anyone.
    expect([...await s.network.snoozedBy(ken.id, NOW)]).toEqual([]);
    await s.network.snooze(aiko.id, ken.id, days(60));
    expect([...await s.network.snoozedBy(aiko.id, days(30))]).toEqual([ken.id]);
  });

  it.skipIf(skip)("given members' switches and last suggestions, then only those with an intro who take suggestions and had none lately are due", async () => {
    const store = open();
    const { s, member } = await community(store);
    const aiko = await member("Aiko");
    const ken = await member("Ken");
    const yui = await member("Yui");
    const sho = await member("Sho");
    const mio = await member("Mio");
    await member("Rin", null);
    await s.network.setPreference(ken.id, { suggestions: false });
    await s.network.setPreference(yui.id, { lastSuggestedAt: days(-10) });
    await s.network.setPreference(sho.id, { lastSuggestedAt: days(-40) });
    await s.network.setPreference(mio.id, { suggestions: true });
    // Another community's member is never due here.
    const other = await community(store);
    await other.member("Aiko");

    const notSince = days(-28);
    const due = await s.network.membersDueSuggestion(notSince);
    expect(due.map((d) => d.platformUserId).sort()).toEqual(["aiko", "mio", "sho"]);
    expect(due.map((d) => d.id)).toEqual([...due.map((d) => d.id)].sort());
    expect(due.find((d) => d.id === aiko.id)).toEqual({ id: aiko.id, platformUserId: "aiko", locale: null });

    expect(await s.network.preference(aiko.id)).toEqual({ suggestions: true, lastSuggestedAt: null });
    await s.network.setPreference(aiko.id, { lastSuggestedAt: NOW });
    expect(await s.network.preference(aiko.id)).toEqual({ suggestions: true, lastSuggestedAt: NOW });
    expect(await s.network.preference(ken.id)).toEqual({ suggestions: false, lastSuggestedAt: null });
    expect((await s.network.membersDueSuggestion(notSince)).map((d) => d.platformUserId).sort()).toEqual(["mio", "sho"]);
    // Turned back on, Ken is due again; four weeks later, so is Aiko.
    await s.network.setPreference(ken.id, { suggestions: true });
    expect((await s.network.membersDueSuggestion(days(1))).map((d) => d.platformUserId).sort()).toEqual(["aiko", "ken", "mio", "sho", "yui"]);
  });

  it.skipIf(skip)("given a community's rounds, posts, thanks and sessions, then activity() holds what the figures are made from, and nothing of another community", async () => {
    const store = open();
    const { s, member } = await community(store);
    const aiko = await member("Aiko", { industry: "it", seniority: "3-7" });
    const ken = await member("Ken", { industry: "design", seniority: "7-15" });
    const yui = await member("Yui", { industry: "medical", seniority: "student" });
    const rin = await member("Rin", null);
    await s.pairing.setParticipation(aiko.id, { active: true });
    await s.pairing.setParticipation(ken.id, { active: false });

    const [met, silent] = await pairingRound(s, "2026-11-23", days(-9), [
      [{ memberId: aiko.id, answer: "in_person", meetAgain: true }, { memberId: ken.id, answer: "online", meetAgain: false }],
      [{ memberId: yui.id }, { memberId: rin.id }],
    ]);
    await pairingRound(s, "2026-12-07", days(5), [[{ memberId: aiko.id }, { memberId: yui.id }]], "planned");

    const offer = await s.offers.create(yui.id, newPost({ createdAt: days(-8) }));
    await s.offers.recordExchange({ postId: offer.id, helperId: yui.id, helpedId: aiko.id }, new Date(days(-8).getTime() + 5 * HOUR));
    await s.offers.recordExchange({ postId: offer.id, helperId: yui.id, helpedId: ken.id }, new Date(days(-8).getTime() + 2 * HOUR));
    const ask = await s.offers.create(ken.id, newPost({ kind: "ask", title: "Design review", createdAt: days(-2) }));
    await s.network.recordThanks({ fromId: aiko.id, toId: yui.id, context: "exchange", contextId: "x", message: "" }, days(-7));

    const round = await s.rounds.create(aiko.id, roundFields, [
      { startsAt: days(-4), label: "", facilitatorId: null }, { startsAt: days(-1), label: "", facilitatorId: null }, { startsAt: days(3), label: "", facilitatorId: null },
    ]);
    await s.rounds.addParticipant(round.id, aiko.id, "seat", days(-20));
    await s.rounds.addParticipant(round.id, ken.id, "seat", days(-19));
    await s.rounds.addParticipant(round.id, yui.id, "waitlist", days(-18));
    const [held, cancelled] = await s.rounds.sessions(round.id);
    await s.rounds.recordAttendance(held!.id, aiko.id, { attended: true, takeaway: "Generics" });
    await s.rounds.recordAttendance(held!.id, ken.id, { attended: false });
    await s.rounds.updateSession(cancelled!.id, { status: "cancelled" });
    await s.rounds.recordAttendance(cancelled!.id, aiko.id, { attended: true });

    // Another community with rows of its own.
    const other = await community(store);
    const stranger = await other.member("Stranger");
    await other.s.offers.create(stranger.id, newPost());
    await pairingRound(other.s, "2026-11-23", days(-9), [[{ memberId: stranger.id, answer: "online" }, { memberId: (await other.member("Friend")).id }]]);

    const activity = await s.network.activity();
    const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(activity.members)).toEqual(byId([
      { id: aiko.id, name: "Aiko", hasIntro: true, inPairing: true, industry: "it", seniority: "3-7" },
      { id: ken.id, name: "Ken", hasIntro: true, inPairing: false, industry: "design", seniority: "7-15" },
      { id: yui.id, name: "Yui", hasIntro: true, inPairing: false, industry: "medical", seniority: "student" },
      { id: rin.id, name: "Rin", hasIntro: false, inPairing: false, industry: null, seniority: null },
    ]));
    const places = <T extends { memberId: string }>(rows: T[]) => [...rows].sort((a, b) => a.memberId.localeCompare(b.memberId));
    expect(byId(activity.groups).map((g) => ({ ...g, members: places(g.members) }))).toEqual(byId([
      { id: met!.id, at: days(-9), size: 2, members: places([{ memberId: aiko.id, answer: "in_person", meetAgain: true }, { memberId: ken.id, answer: "online", meetAgain: false }]) },
      { id: silent!.id, at: days(-9), size: 2, members: places([{ memberId: yui.id, answer: null, meetAgain: null }, { memberId: rin.id, answer: null, meetAgain: null }]) },
    ]));
    expect(byId(activity.posts)).toEqual(byId([
      { id: offer.id, kind: "offer", createdAt: days(-8), firstAnsweredAt: new Date(days(-8).getTime() + 2 * HOUR) },
      { id: ask.id, kind: "ask", createdAt: days(-2), firstAnsweredAt: null },
    ]));
    expect([...activity.exchanges].sort((a, b) => a.at.getTime() - b.at.getTime())).toEqual([
      { at: new Date(days(-8).getTime() + 2 * HOUR), helperId: yui.id, helpedId: ken.id },
      { at: new Date(days(-8).getTime() + 5 * HOUR), helperId: yui.id, helpedId: aiko.id },
    ]);
    expect(activity.thanks).toEqual([{ at: days(-7), fromId: aiko.id, toId: yui.id }]);
    // The cancelled session is left out; each session counts the round's seats (not the waitlist).
    expect([...activity.sessions].sort((a, b) => a.at.getTime() - b.at.getTime())).toEqual([
      { at: days(-4), seated: 2, attended: 1, missed: 1, takeaways: 1 },
      { at: days(3), seated: 2, attended: 0, missed: 0, takeaways: 0 },
    ]);

    // And the figures of the last two weeks read from it.
    const f = communityFigures(activity, { from: new Date("2026-11-23T00:00:00Z"), to: NOW });
    expect(f).toMatchObject({
      membersWithIntro: 3, membersInPairing: 1, groups: 2, matched: 4, answerRate: 0.5, metRate: 0.5, metInPerson: 1, metOnline: 0,
      meetAgainRate: 0.5, mutualConnections: 0, crossIndustryShare: 1, offers: 1, asks: 1, answered: 1, medianHoursToAnswer: 2,
      exchanges: 2, thanks: 1, sessions: 1, seatsFilled: 2, attendanceRate: 0.5, takeaways: 1,
      funnel: { matched: 4, met: 2, metAgainOrHelped: 2 },
    });
    // Only Aiko and Ken's pair has both levels known (Rin has no intro): 3-7 and 7-15 are one level apart.
    expect(f.meanSeniorityGap).toBe(1);
  });

  it.skipIf(skip)("given a group of two industries whose member then deleted their data, then it no longer counts as a group with known industries", async () => {
    const store = open();
    const c = await store.communities.ensure("discord", randomUUID(), { name: "x", locale: "ja", timeZone: "Asia/Tokyo" });
    const s = store.forCommunity(c.id);
    const aiko = await s.members.ensure({ platformUserId: "aiko", displayName: "Aiko" });
    const ken = await s.members.ensure({ platformUserId: "ken", displayName: "Ken" });
    await s.profiles.save(aiko.id, intro({ industry: "it" }));
    await s.profiles.save(ken.id, intro({ industry: "design" }));
    const round = await s.pairing.ensureRound("2026-11-23", new Date("2026-11-23T00:00:00Z"));
    await s.pairing.saveGroups(round.id, [{ memberIds: [aiko.id, ken.id], score: 1, reasons: [] }]);
    await s.pairing.setRoundStatus(round.id, "followed-up");
    const period = { from: new Date("2026-11-23T00:00:00Z"), to: new Date("2026-12-02T03:00:00Z") };
    expect(communityFigures(await s.network.activity(), period).crossIndustryShare).toBe(1);
    await s.members.remove(aiko.id);
    expect(communityFigures(await s.network.activity(), period).crossIndustryShare).toBeNull();
  });

  it.skipIf(skip)("given a member's network rows, then /my-data's read-back holds them with names, and another community reads nothing of them", async () => {
    const store = open();
    const { s, member } = await community(store);
    const aiko = await member("Aiko");
    const ken = await member("Ken");
    const [group] = await pairingRound(s, "2026-10-05", days(-58), [[{ memberId: aiko.id, answer: "in_person", meetAgain: true }, { memberId: ken.id, answer: "online", meetAgain: true }]]);
    const post = await s.offers.create(ken.id, newPost({ title: "Design review" }));
    await s.offers.recordExchange({ postId: post.id, helperId: ken.id, helpedId: aiko.id }, days(-10));
    await s.network.recordThanks({ fromId: aiko.id, toId: ken.id, context: "pairing", contextId: group!.id, message: "ありがとう" }, days(-55));
    await s.network.recordThanks({ fromId: ken.id, toId: aiko.id, context: "pairing", contextId: group!.id, message: "こちらこそ" }, days(-54));
    await s.network.snooze(aiko.id, ken.id, days(40));
    await s.network.setPreference(aiko.id, { suggestions: false, lastSuggestedAt: days(-30) });
    // The same person in another community, with rows of their own there.
    const other = await community(store);
    const aikoThere = await other.member("Aiko");
    const friend = await other.member("Friend");
    await other.s.network.recordThanks({ fromId: aikoThere.id, toId: friend.id, context: "pairing", contextId: "elsewhere", message: "別の場所" }, days(-1));

    const data = await s.privacy.dataOf(aiko.id);
    expect(data).toMatchObject({
      member: { platformUserId: "aiko", displayName: "Aiko" },
      pairings: [{ round: days(-58), with: ["Ken"], answer: "in_person", meetAgain: true }],
      helpedBy: [{ member: "Ken", post: "Design review", at: days(-10) }],
      helped: [],
      thanksSent: [{ to: "Ken", message: "ありがとう", at: days(-55) }],
      thanksReceived: [{ from: "Ken", message: "こちらこそ", at: days(-54) }],
      notNow: [{ member: "Ken", until: days(40) }],
      notices: { fitNotices: true, reconnectSuggestions: false, lastSuggestion: days(-30) },
    });
    expect(JSON.stringify(data)).not.toContain(ken.id);
    expect(JSON.stringify(data)).not.toContain("別の場所");
    // Another community's repositories do not find the member at all; its own Aiko has only her rows there.
    expect(await other.s.privacy.dataOf(aiko.id)).toBeNull();
    expect(await other.s.privacy.dataOf(aikoThere.id)).toMatchObject({
      pairings: [], helpedBy: [], thanksReceived: [], notNow: [], thanksSent: [{ to: "Friend", message: "別の場所" }],
      notices: { reconnectSuggestions: true, lastSuggestion: null },
    });
  });
});
