import { z } from "zod";
import { MENTORING_ROLES, PROGRAM_RULES } from "../core/matching/index.js";
import type { ProgramAnswer, ProgramSettings } from "../core/pairing/programs.js";
import type { DbClient } from "./db.js";
import type { PoolMember } from "./pairing-repository.js";
import { storedIntroSchema } from "./stored-intro.js";

// Pairing programs of one community (besides the default one, kept in pairing-repository.ts)
// and who joined each, with the role or attribute they gave.

const programRowSchema = z.object({
  id: z.string(), name: z.string(), rule: z.enum(PROGRAM_RULES), question: z.string().nullable(), enabled: z.boolean(),
  channelId: z.string(), cadenceWeeks: z.number(), weekday: z.number(), hour: z.number(),
  groupSize: z.number().transform((size): 2 | 3 => (size === 3 ? 3 : 2)),
});
const roleSchema = z.enum(MENTORING_ROLES).nullable().catch(null);

export type NewProgram = Omit<ProgramSettings, "id">;

/** A member of a program's pool: the default pool's fields with the role or attribute they gave. */
export interface ProgramPoolMember extends PoolMember, ProgramAnswer {}

export interface ProgramMembership extends ProgramAnswer {
  program: ProgramSettings;
}

const toProgram = (row: unknown): ProgramSettings => programRowSchema.parse(row);
const toAnswer = (row: { role: string | null; attribute: string | null }): ProgramAnswer => {
  const role = roleSchema.parse(row.role);
  return { ...(role ? { role } : {}), ...(row.attribute ? { attribute: row.attribute } : {}) };
};

export function programsRepository(db: DbClient, communityId: string) {
  return {
    async list(): Promise<ProgramSettings[]> {
      return (await db.pairingProgram.findMany({ where: { communityId }, orderBy: { createdAt: "asc" } })).map(toProgram);
    },
    async count(): Promise<number> {
      return db.pairingProgram.count({ where: { communityId } });
    },
    async byKey(key: string): Promise<ProgramSettings | null> {
      const row = await db.pairingProgram.findFirst({ where: { communityId, key } });
      return row && toProgram(row);
    },
    async byId(programId: string): Promise<ProgramSettings | null> {
      const row = await db.pairingProgram.findFirst({ where: { communityId, id: programId } });
      return row && toProgram(row);
    },
    /** A new program, or null when its key is taken (checked by the unique key, so two organizers at once cannot both create it). */
    async create(key: string, program: NewProgram): Promise<ProgramSettings | null> {
      try {
        return toProgram(await db.pairingProgram.create({ data: { communityId, key, ...program } }));
      } catch (error) {
        if ((error as { code?: string } | null)?.code === "P2002") return null;
        throw error;
      }
    },
    async update(programId: string, changes: Partial<NewProgram>): Promise<ProgramSettings | null> {
      await db.pairingProgram.updateMany({ where: { communityId, id: programId }, data: changes });
      return this.byId(programId);
    },
    /** Removes the program and its members' places in it; its past rounds stay in everyone's history. */
    async remove(programId: string): Promise<boolean> {
      const { count } = await db.pairingProgram.deleteMany({ where: { communityId, id: programId } });
      return count > 0;
    },

    async join(programId: string, memberId: string, answer: ProgramAnswer): Promise<void> {
      const data = { role: answer.role ?? null, attribute: answer.attribute ?? null };
      await db.pairingProgramMember.upsert({
        where: { programId_memberId: { programId, memberId }, communityId },
        create: { programId, memberId, communityId, ...data },
        update: data,
      });
    },
    async leave(programId: string, memberId: string): Promise<boolean> {
      const { count } = await db.pairingProgramMember.deleteMany({ where: { communityId, programId, memberId } });
      return count > 0;
    },
    /** The programs the member joined, oldest program first. */
    async membershipsOf(memberId: string): Promise<ProgramMembership[]> {
      const rows = await db.pairingProgramMember.findMany({
        where: { communityId, memberId }, include: { program: true }, orderBy: { program: { createdAt: "asc" } },
      });
      return rows.map((row) => ({ program: toProgram(row.program), ...toAnswer(row) }));
    },
    async memberCount(programId: string): Promise<number> {
      return db.pairingProgramMember.count({ where: { communityId, programId } });
    },
    /** The roles the program's members chose, by their platform id (mentoring: who is the mentor of a group). */
    async roles(programId: string): Promise<Map<string, "mentor" | "mentee">> {
      const rows = await db.pairingProgramMember.findMany({
        where: { communityId, programId, role: { not: null } }, select: { role: true, member: { select: { platformUserId: true } } },
      });
      return new Map(rows.flatMap((r) => {
        const role = roleSchema.parse(r.role);
        return role ? [[r.member.platformUserId, role] as const] : [];
      }));
    },
    /** The program's members who have an intro, with what they gave when joining. */
    async pool(programId: string): Promise<ProgramPoolMember[]> {
      const rows = await db.pairingProgramMember.findMany({
        where: { communityId, programId, member: { profile: { isNot: null } } },
        include: { member: { include: { profile: true } } },
        orderBy: { memberId: "asc" },
      });
      return rows.flatMap((row) => row.member.profile
        ? [{ memberId: row.memberId, displayName: row.member.displayName, locale: row.member.locale, timeZone: row.member.timeZone, intro: storedIntroSchema.parse(row.member.profile), ...toAnswer(row) }]
        : []);
    },
  };
}

/** Every enabled program of every community: their next rounds are planned at start. */
export async function enabledPrograms(db: DbClient): Promise<{ communityId: string; programId: string }[]> {
  const rows = await db.pairingProgram.findMany({ where: { enabled: true }, select: { communityId: true, id: true } });
  return rows.map((r) => ({ communityId: r.communityId, programId: r.id }));
}
