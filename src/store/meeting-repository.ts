import type { DbClient } from "./db.js";

// Helping a group actually meet: the times proposed in its space, each member's pick, the time
// they all picked; and the answers to an opt-in round's "are you in this week?". One community's rows.

export interface TimeProposalRecord {
  id: string;
  groupId: string;
  position: number;
  startsAt: Date;
}

export interface TimePickRecord {
  memberId: string;
  /** Null: "none of these work". */
  proposalId: string | null;
}

export interface MeetingRecord {
  groupId: string;
  startsAt: Date;
  endsAt: Date;
  agreedAt: Date;
}

/** What a pick led to: the group's picks after it, and the meeting when this pick made everyone agree. */
export interface PickOutcome {
  picks: TimePickRecord[];
  agreed: MeetingRecord | null;
}

const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === "P2002";

export function meetingRepository(db: DbClient, communityId: string) {
  return {
    /**
     * The group's proposals, saved the first time (a re-run after a crash finds the same ones,
     * whatever time it is then).
     */
    async ensureProposals(groupId: string, starts: readonly Date[]): Promise<TimeProposalRecord[]> {
      const group = await db.pairingGroup.findFirst({ where: { communityId, id: groupId }, select: { id: true } });
      if (!group) return [];
      for (const [position, startsAt] of starts.entries()) {
        try {
          await db.pairingTimeProposal.upsert({
            where: { groupId_position: { groupId, position } },
            create: { groupId, communityId, position, startsAt },
            update: {},
          });
        } catch (error) {
          // PostgreSQL: another run inserted it between Prisma's look and its insert.
          if (!isUniqueViolation(error)) throw error;
        }
      }
      return this.proposals(groupId);
    },
    async proposals(groupId: string): Promise<TimeProposalRecord[]> {
      return db.pairingTimeProposal.findMany({
        where: { communityId, groupId }, orderBy: { position: "asc" },
        select: { id: true, groupId: true, position: true, startsAt: true },
      });
    },
    async proposal(proposalId: string): Promise<TimeProposalRecord | null> {
      return db.pairingTimeProposal.findFirst({
        where: { communityId, id: proposalId }, select: { id: true, groupId: true, position: true, startsAt: true },
      });
    },
    async picks(groupId: string): Promise<TimePickRecord[]> {
      return db.pairingTimePick.findMany({
        where: { groupId, group: { communityId } }, orderBy: { memberId: "asc" }, select: { memberId: true, proposalId: true },
      });
    },
    async meeting(groupId: string): Promise<MeetingRecord | null> {
      return db.pairingMeeting.findFirst({ where: { communityId, groupId }, select: { groupId: true, startsAt: true, endsAt: true, agreedAt: true } });
    },

    /**
     * Saves a member's pick (replacing their earlier one). When every member of the group has now
     * picked the same proposal, the meeting is saved, once per group: of two members agreeing at
     * the same moment, the one whose write lands second sees both picks, and a second insert of
     * the meeting is refused by its key. The caller checks first that no meeting exists yet.
     */
    async pick(input: { groupId: string; memberId: string; proposalId: string | null; at: Date; memberIds: readonly string[]; endsAfterMs: number }): Promise<PickOutcome> {
      const { groupId, memberId, proposalId, at } = input;
      await db.pairingTimePick.upsert({
        where: { groupId_memberId: { groupId, memberId } },
        create: { groupId, memberId, proposalId, pickedAt: at },
        update: { proposalId, pickedAt: at },
      });
      const picks = await this.picks(groupId);
      const picked = new Set(picks.map((p) => p.proposalId));
      const agreedOn = picks.length === input.memberIds.length && picked.size === 1 ? picks[0]!.proposalId : null;
      if (!agreedOn) return { picks, agreed: null };
      const proposal = await this.proposal(agreedOn);
      if (!proposal) return { picks, agreed: null };
      try {
        const meeting = await db.pairingMeeting.create({
          data: { groupId, communityId, startsAt: proposal.startsAt, endsAt: new Date(proposal.startsAt.getTime() + input.endsAfterMs), agreedAt: at },
          select: { groupId: true, startsAt: true, endsAt: true, agreedAt: true },
        });
        return { picks, agreed: meeting };
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        return { picks, agreed: null };
      }
    },

    /** A member's answer to "are you in this week?" (the latest counts). */
    async answerOptIn(roundId: string, memberId: string, inRound: boolean, at: Date): Promise<boolean> {
      const round = await db.pairingRound.findFirst({ where: { communityId, id: roundId }, select: { id: true } });
      if (!round) return false;
      await db.pairingOptIn.upsert({
        where: { roundId_memberId: { roundId, memberId } },
        create: { roundId, memberId, inRound, answeredAt: at },
        update: { inRound, answeredAt: at },
      });
      return true;
    },
    /** Who answered the round's question, yes and no. */
    async optIns(roundId: string): Promise<{ yes: Set<string>; no: Set<string> }> {
      const rows = await db.pairingOptIn.findMany({ where: { roundId, round: { communityId } }, select: { memberId: true, inRound: true } });
      return {
        yes: new Set(rows.filter((r) => r.inRound).map((r) => r.memberId)),
        no: new Set(rows.filter((r) => !r.inRound).map((r) => r.memberId)),
      };
    },
  };
}
