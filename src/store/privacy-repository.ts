import type { DbClient } from "./db.js";

// Everything musubi keeps about one member of one community, read for /my-data. Ids of other
// members are left out: the file names people by their display name, as the member saw them.

export function privacyRepository(db: DbClient, communityId: string) {
  const names = async (ids: Iterable<string | null>) => {
    const known = [...new Set(ids)].filter((id): id is string => id !== null);
    const rows = await db.member.findMany({ where: { communityId, id: { in: known } }, select: { id: true, displayName: true } });
    return new Map(rows.map((r) => [r.id, r.displayName]));
  };
  return {
    async dataOf(memberId: string) {
      const member = await db.member.findFirst({
        where: { communityId, id: memberId },
        select: {
          platformUserId: true, displayName: true, locale: true, localeSource: true, timeZone: true, timeZoneSource: true, createdAt: true,
          profile: {
            select: {
              industry: true, role: true, seniority: true, interests: true, canOffer: true, lookingFor: true, languages: true,
              city: true, meetingPreference: true, bio: true, createdAt: true, updatedAt: true,
            },
          },
          pairing: { select: { active: true, pausedUntil: true, autoPaused: true, missedFollowUps: true, resumedAt: true } },
          blocks: { select: { blockedMemberId: true, createdAt: true } },
          pairingSkips: { select: { round: { select: { scheduledAt: true } } } },
          pairingUnplaced: { select: { reason: true, round: { select: { scheduledAt: true } } } },
          programs: { select: { role: true, attribute: true, joinedAt: true, program: { select: { name: true } } } },
          pairingOptIns: { select: { inRound: true, answeredAt: true, round: { select: { scheduledAt: true } } } },
          pairingPicks: { select: { pickedAt: true, proposal: { select: { startsAt: true } } } },
          pairingGroups: {
            select: {
              answer: true, answeredAt: true, meetAgain: true,
              group: { select: { round: { select: { scheduledAt: true } }, members: { select: { memberId: true } } } },
            },
          },
          offerPosts: { select: { kind: true, title: true, details: true, tags: true, contact: true, status: true, createdAt: true, expiresAt: true } },
          helpedOthers: { select: { createdAt: true, helpedId: true, post: { select: { title: true } } } },
          helpedBy: { select: { createdAt: true, helperId: true, post: { select: { title: true } } } },
          offerChoice: { select: { notices: true } },
          networkChoice: { select: { suggestions: true, lastSuggestedAt: true } },
          thanksSent: { select: { toId: true, message: true, createdAt: true } },
          thanksReceived: { select: { fromId: true, message: true, createdAt: true } },
          snoozes: { select: { otherId: true, until: true } },
          roundSeats: { select: { status: true, joinedAt: true, round: { select: { number: true, title: true } } } },
          roundsOrganized: { select: { number: true, title: true, status: true } },
          attendance: { select: { attended: true, takeaway: true, checkedInAt: true, session: { select: { position: true, startsAt: true, round: { select: { title: true } } } } } },
          sessionAnswers: { select: { answer: true, answeredAt: true, session: { select: { position: true, startsAt: true, round: { select: { title: true } } } } } },
          talks: { select: { slot: true, title: true, createdAt: true, session: { select: { position: true, startsAt: true, round: { select: { title: true } } } } } },
          partyGuests: { select: { joinedAt: true, party: { select: { session: { select: { position: true, startsAt: true, round: { select: { title: true } } } } } } } },
          calendarFeeds: { select: { createdAt: true } },
        },
      });
      if (!member) return null;
      const who = await names([
        ...member.blocks.map((b) => b.blockedMemberId),
        ...member.pairingGroups.flatMap((g) => g.group.members.map((m) => m.memberId)),
        ...member.helpedOthers.map((e) => e.helpedId), ...member.helpedBy.map((e) => e.helperId),
        ...member.thanksSent.map((t) => t.toId), ...member.thanksReceived.map((t) => t.fromId),
        ...member.snoozes.map((s) => s.otherId),
      ]);
      /** Null: someone who has deleted their data. */
      const name = (id: string | null) => (id === null ? null : who.get(id) ?? null);
      return {
        member: {
          platformUserId: member.platformUserId, displayName: member.displayName,
          locale: member.locale, localeSource: member.localeSource, timeZone: member.timeZone, timeZoneSource: member.timeZoneSource, firstSeen: member.createdAt,
        },
        profile: member.profile,
        pairing: member.pairing,
        blocks: member.blocks.map((b) => ({ member: name(b.blockedMemberId), since: b.createdAt })),
        skippedRounds: member.pairingSkips.map((s) => s.round.scheduledAt),
        unplacedRounds: member.pairingUnplaced.map((u) => ({ round: u.round.scheduledAt, reason: u.reason })),
        programs: member.programs.map((p) => ({ program: p.program.name, role: p.role, attribute: p.attribute, since: p.joinedAt })),
        roundAnswers: member.pairingOptIns.map((a) => ({ round: a.round.scheduledAt, in: a.inRound, at: a.answeredAt })),
        // A pick of no proposal: "none of these work".
        meetingTimePicks: member.pairingPicks.map((p) => ({ time: p.proposal?.startsAt ?? null, at: p.pickedAt })),
        pairings: member.pairingGroups.map((g) => ({
          round: g.group.round.scheduledAt,
          with: g.group.members.filter((m) => m.memberId !== memberId).map((m) => name(m.memberId)),
          answer: g.answer, answeredAt: g.answeredAt, meetAgain: g.meetAgain,
        })),
        posts: member.offerPosts,
        helped: member.helpedOthers.map((e) => ({ member: name(e.helpedId), post: e.post.title, at: e.createdAt })),
        helpedBy: member.helpedBy.map((e) => ({ member: name(e.helperId), post: e.post.title, at: e.createdAt })),
        thanksSent: member.thanksSent.map((t) => ({ to: name(t.toId), message: t.message, at: t.createdAt })),
        thanksReceived: member.thanksReceived.map((t) => ({ from: name(t.fromId), message: t.message, at: t.createdAt })),
        notNow: member.snoozes.map((s) => ({ member: name(s.otherId), until: s.until })),
        notices: { fitNotices: member.offerChoice?.notices ?? true, reconnectSuggestions: member.networkChoice?.suggestions ?? true, lastSuggestion: member.networkChoice?.lastSuggestedAt ?? null },
        seats: member.roundSeats.map((s) => ({ round: s.round.number, title: s.round.title, status: s.status, since: s.joinedAt })),
        roundsOrganized: member.roundsOrganized,
        attendance: member.attendance.map((a) => ({
          round: a.session.round.title, session: a.session.position, at: a.session.startsAt, attended: a.attended, checkedInAt: a.checkedInAt, takeaway: a.takeaway,
        })),
        sessionAnswers: member.sessionAnswers.map((a) => ({ round: a.session.round.title, session: a.session.position, at: a.session.startsAt, answer: a.answer, answeredAt: a.answeredAt })),
        lightningTalks: member.talks.map((t) => ({ round: t.session.round.title, session: t.session.position, at: t.session.startsAt, slot: t.slot, title: t.title, since: t.createdAt })),
        afterParties: member.partyGuests.map((g) => ({ round: g.party.session.round.title, session: g.party.session.position, at: g.party.session.startsAt, since: g.joinedAt })),
        // The feed's secret URL is not written into a file that may be passed on: /round feed shows it.
        calendarFeed: member.calendarFeeds.length > 0,
      };
    },
  };
}

export type MemberData = NonNullable<Awaited<ReturnType<ReturnType<typeof privacyRepository>["dataOf"]>>>;
