import type { MentoringRole, ProgramRule } from "../../core/matching/index.js";
import type { PAIRING_CADENCES } from "../../core/pairing/rhythm.js";
import {
  DEFAULT_PROGRAM_KEY, PROGRAMS_MAX, programKey, type ProgramAnswer, type ProgramSettings,
} from "../../core/pairing/programs.js";
import type { Translate } from "../../i18n/index.js";
import { zoneOf, type CommandContext } from "../context.js";
import { UserError } from "../errors.js";
import { FORM_PAGE } from "../forms.js";
import { privateReply, type Outcome } from "../reply.js";
import { planNextProgramRound, scheduleManualProgramRound, upcomingProgramRound } from "./program-round.js";

// Pairing programs besides the default weekly pairing: organizers create, configure and remove
// them; members join one (with its question: a role or an attribute), leave it, and see theirs.

type Cadence = (typeof PAIRING_CADENCES)[number];
type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface ProgramChanges {
  channelId?: string;
  enabled?: boolean;
  cadenceWeeks?: number;
  weekday?: number;
  hour?: number;
  groupSize?: 2 | 3;
  question?: string;
}

export interface NewProgramInput extends ProgramChanges {
  name: string;
  rule: ProgramRule;
  channelId: string;
}

/** The program a member or an organizer named, or a clear refusal listing the programs there are. */
async function programNamed(ctx: CommandContext, name: string): Promise<ProgramSettings> {
  const program = await ctx.store.programs.byKey(programKey(name));
  if (program) return program;
  const names = (await ctx.store.programs.list()).map((p) => p.name);
  throw new UserError("program.unknown", { name, programs: names.length ? names.join(", ") : ctx.t("common.none") });
}

const whenOf = (t: Translate, program: ProgramSettings, zone: string) => t("pairing.field.when.value", {
  cadence: t(`pairing.cadence.${program.cadenceWeeks as Cadence}`),
  weekday: t(`pairing.weekday.${program.weekday as IsoWeekday}`),
  hour: String(program.hour).padStart(2, "0"),
  zone,
});

/** `/musubi pairing programs`, and the card every organizer change answers with. */
export async function listPrograms(ctx: CommandContext, text?: string): Promise<Outcome> {
  const { t, port, community, store } = ctx;
  const programs = await store.programs.list();
  if (programs.length === 0) return privateReply(text ? `${text}\n${t("program.none")}` : t("program.none"));
  const lines: string[] = [];
  for (const program of programs) {
    lines.push(`• ${t("program.list.line", {
      name: program.name, rule: t(`program.rule.${program.rule}`), channel: port.mentionChannel(program.channelId),
      when: whenOf(t, program, community.timeZone), members: await store.programs.memberCount(program.id),
      state: t(program.enabled ? "pairing.on" : "pairing.off"),
    })}${program.question ? t("program.list.question", { question: program.question }) : ""}`);
  }
  return privateReply(text ?? "", { cards: [{ title: t("program.list.title"), description: lines.join("\n"), fields: [] }] });
}

/** `/musubi pairing program-add`: a new program with its rule, channel and rhythm, its first round planned. */
export async function addProgram(ctx: CommandContext, input: NewProgramInput): Promise<Outcome> {
  const { store, t } = ctx;
  const key = programKey(input.name);
  if (key === DEFAULT_PROGRAM_KEY || (await store.programs.byKey(key))) throw new UserError("program.nameTaken", { name: input.name });
  if (input.rule === "within-group" && !input.question) throw new UserError("program.needsQuestion");
  if ((await store.programs.count()) >= PROGRAMS_MAX) throw new UserError("program.tooMany", { max: PROGRAMS_MAX });
  const program = await store.programs.create(key, {
    name: input.name, rule: input.rule, channelId: input.channelId, question: input.rule === "within-group" ? input.question! : null,
    enabled: input.enabled ?? true, cadenceWeeks: input.cadenceWeeks ?? 1, weekday: input.weekday ?? 1, hour: input.hour ?? 9, groupSize: input.groupSize ?? 2,
  });
  // Taken between the look-up and the insert (two organizers at once): the unique key refused it.
  if (!program) throw new UserError("program.nameTaken", { name: input.name });
  ctx.log.info({ program: program.id, rule: program.rule }, "pairing program created");
  await planNextProgramRound(ctx, program, ctx.now());
  return listPrograms(ctx, t("program.created", { name: program.name }));
}

/** `/musubi pairing program-set`: changes a program; its next round follows the new rhythm. */
export async function configureProgram(ctx: CommandContext, name: string, changes: ProgramChanges): Promise<Outcome> {
  const program = await programNamed(ctx, name);
  const { question, ...rest } = changes;
  const saved = await ctx.store.programs.update(program.id, { ...rest, ...(question && program.rule === "within-group" ? { question } : {}) });
  if (!saved) throw new UserError("program.unknown", { name, programs: program.name });
  // Jobs planned under the old rhythm notice the change and do nothing (see program-round.ts).
  await planNextProgramRound(ctx, saved, ctx.now());
  return listPrograms(ctx, ctx.t("program.saved", { name: saved.name }));
}

/** `/musubi pairing program-remove`: the program and its members' places go; its past groups stay in the history. */
export async function removeProgram(ctx: CommandContext, name: string): Promise<Outcome> {
  const program = await programNamed(ctx, name);
  await ctx.store.programs.remove(program.id);
  ctx.log.info({ program: program.id }, "pairing program removed");
  return listPrograms(ctx, ctx.t("program.removed", { name: program.name }));
}

/** `/musubi pairing run-now program:...`: a round of the program now. */
export async function runProgramNow(ctx: CommandContext, name: string): Promise<Outcome> {
  const program = await programNamed(ctx, name);
  await scheduleManualProgramRound(ctx, program, ctx.now());
  ctx.jobs.runSoon();
  return privateReply(ctx.t("program.runNow.started", { name: program.name, channel: ctx.port.mentionChannel(program.channelId) }));
}

/** The answer a member gave, as a short aside: " as mentor", 「（期: 2019）」. */
function answerText(t: Translate, program: ProgramSettings, answer: ProgramAnswer): string {
  if (answer.role) return t("program.joined.role", { role: t(`program.role.${answer.role}`) });
  if (answer.attribute) return t("program.joined.attribute", { question: program.question ?? "", attribute: answer.attribute });
  return "";
}

/**
 * `/match join program:...`: joins the program with what its rule asks (a role for mentoring,
 * optional; an attribute within a group, required). Every refusal changes nothing.
 */
export async function joinProgram(ctx: CommandContext, name: string, answer: { role?: MentoringRole | undefined; attribute?: string | undefined }): Promise<Outcome> {
  const { store, member, t, port } = ctx;
  // Weekly pairing asks for neither a role nor an attribute.
  if (programKey(name) === DEFAULT_PROGRAM_KEY) throw new UserError(answer.role ? "program.roleOnlyMentoring" : "program.attributeOnlyWithinGroup");
  const program = await programNamed(ctx, name);
  if (answer.role && program.rule !== "mentoring") throw new UserError("program.roleOnlyMentoring");
  if (answer.attribute && program.rule !== "within-group") throw new UserError("program.attributeOnlyWithinGroup");
  if (program.rule === "within-group" && !answer.attribute) {
    throw new UserError("program.needsAttribute", { name: program.name, question: program.question ?? "" });
  }
  const profile = await store.profiles.find(member.id);
  if (!profile) {
    return privateReply(t("match.needsIntro"), {
      buttons: [{ actionId: FORM_PAGE.id("intro", "0"), label: t("match.needsIntroButton"), style: "primary" }],
    });
  }
  if (program.rule === "in-person" && (profile.intro.meetingPreference !== "in_person" || !profile.intro.city)) {
    throw new UserError("program.needsInPerson", { name: program.name });
  }
  const given: ProgramAnswer = { ...(answer.role ? { role: answer.role } : {}), ...(answer.attribute ? { attribute: answer.attribute } : {}) };
  await store.programs.join(program.id, member.id, given);
  const next = upcomingProgramRound(ctx.community, program, ctx.now());
  const params = { name: program.name, answer: answerText(t, program, given) };
  return privateReply(next ? t("program.joined", { ...params, time: port.formatTime(next.at, zoneOf(ctx)) }) : t("program.joinedNoRound", params));
}

/** `/match leave program:...`. */
export async function leaveProgram(ctx: CommandContext, name: string): Promise<Outcome> {
  const program = await programNamed(ctx, name);
  const left = await ctx.store.programs.leave(program.id, ctx.member.id);
  if (!left) throw new UserError("program.notJoined", { name: program.name });
  return privateReply(ctx.t("program.left", { name: program.name }));
}

/** `/match status`: the programs the member is in (with what they gave and the next round), and every program of the community. */
export async function programStatusFields(ctx: CommandContext): Promise<{ name: string; value: string }[]> {
  const { t, store, port, community } = ctx;
  const programs = await store.programs.list();
  if (programs.length === 0) return [];
  const mine = await store.programs.membershipsOf(ctx.member.id);
  const lines = mine.map(({ program, ...answer }) => {
    const next = upcomingProgramRound(community, program, ctx.now());
    const params = { name: program.name, rule: t(`program.rule.${program.rule}`) };
    return next
      ? t("program.status.line", { ...params, answer: answerText(t, program, answer), time: port.formatTime(next.at, zoneOf(ctx)) })
      : t("program.status.offLine", params);
  });
  return [
    { name: t("program.status.mine"), value: lines.length ? lines.map((l) => `• ${l}`).join("\n") : t("program.status.mineNone") },
    {
      name: t("program.status.all"),
      value: programs.map((p) => `• ${t("program.status.entry", {
        name: p.name, rule: t(`program.rule.${p.rule}`), channel: port.mentionChannel(p.channelId), when: whenOf(t, p, community.timeZone),
      })}`).join("\n"),
    },
  ];
}
