import { createHash } from "node:crypto";
import { capacitiesOf, changeCapacity, placeOfSeat, seatsLost, type PlaceDraft } from "../../core/rounds/index.js";
import type { ParticipantRecord, RoundCreators, RoundRecord } from "../../store/rounds-repository.js";
import type { CommandContext, CommunityContext } from "../context.js";
import { UserError } from "../errors.js";
import { holdsPermission } from "../permissions.js";
import { privateReply, type Outcome } from "../reply.js";
import { roundActions } from "./actions.js";
import { refreshCard, tellMember, tellPromoted } from "./service.js";

// Who may start and run a round, its kinds of places (参加枠), and lowering its capacity, which
// takes seats away and so is confirmed with a button first.

/** Starting a round: organizers, or as the community allows (a role or user group, or everyone). */
export async function requireRoundCreator(ctx: CommandContext): Promise<void> {
  if (await holdsPermission(ctx, "organizer")) return;
  const setting = await ctx.store.rounds.creatorSetting();
  const allowed = setting.creators === "everyone"
    || (setting.creators === "group" && setting.groupId !== null && Boolean(await ctx.actor.inGroup?.(setting.groupId)));
  if (!allowed) throw new UserError("common.notOrganizer", { command: "/round create" });
}

/** `/round settings`: who may start a round; without a choice, shows the setting as it is. */
export async function setRoundCreators(ctx: CommandContext, input: { creators?: RoundCreators | undefined; group?: string | undefined }): Promise<Outcome> {
  const current = await ctx.store.rounds.creatorSetting();
  const creators = input.creators ?? (input.group ? "group" : undefined);
  if (creators === undefined) return privateReply(creatorsText(ctx, current.creators, current.groupId));
  const groupId = creators === "group" ? (input.group ?? current.groupId) : null;
  if (creators === "group" && !groupId) throw new UserError("rounds.settings.whichGroup");
  await ctx.store.rounds.setCreatorSetting({ creators, groupId });
  ctx.log.info({ creators }, "round creators changed");
  return privateReply(`${ctx.t("rounds.settings.saved")}\n${creatorsText(ctx, creators, groupId)}`);
}

function creatorsText(ctx: CommandContext, creators: RoundCreators, groupId: string | null): string {
  return creators === "group" && groupId
    ? ctx.t("rounds.settings.creators.group", { group: ctx.port.mentionGroup(groupId) })
    : ctx.t(creators === "everyone" ? "rounds.settings.creators.everyone" : "rounds.settings.creators.organizers");
}

/** Changing or cancelling a round: the community's organizers, or the member who started it. */
export async function requireRoundOrganizer(ctx: CommandContext, round: RoundRecord): Promise<void> {
  if (round.organizerId === ctx.member.id || (await holdsPermission(ctx, "organizer"))) return;
  throw new UserError("rounds.notYourRound", { title: round.title, number: round.number });
}

/** The note for seated members (`/round edit note:`), in characters. */
export const PRIVATE_NOTE_LIMIT = 1000;

/** "Keep the seats": nothing changes. */
export async function keepCapacity(ctx: CommandContext, round: RoundRecord): Promise<Outcome> {
  await requireRoundOrganizer(ctx, round);
  return privateReply(ctx.t("rounds.capacity.kept", { title: round.title }));
}

/** Who was seated, in a few characters: a confirmation pressed after the seats changed is stale. */
export function seatedFingerprint(participants: readonly ParticipantRecord[]): string {
  const seated = participants.filter((p) => p.status === "seat").map((p) => p.memberId).sort();
  return createHash("sha256").update(seated.join(",")).digest("hex").slice(0, 12);
}

const mention = (ctx: CommunityContext, p: ParticipantRecord) => ctx.port.mentionUser(p.platformUserId);

/** A capacity below the seats taken: who would lose a seat, and buttons to confirm or keep the seats. */
export async function askToLowerCapacity(ctx: CommandContext, round: RoundRecord, capacity: number): Promise<Outcome | undefined> {
  const participants = await ctx.store.rounds.participants(round.id);
  const losing = seatsLost(participants, capacity);
  if (losing.length === 0) return undefined;
  const names = participants.filter((p) => losing.includes(p.memberId)).map((p) => mention(ctx, p));
  return privateReply(ctx.t("rounds.capacity.confirm", {
    title: round.title, capacity, seated: participants.filter((p) => p.status === "seat").length, count: names.length, members: names.join(", "),
  }), {
    buttons: [
      { actionId: roundActions.lowerCapacity.id(round.id, String(capacity), seatedFingerprint(participants)), label: ctx.t("rounds.capacity.lower", { capacity }), style: "danger" },
      { actionId: roundActions.keepCapacity.id(round.id), label: ctx.t("rounds.capacity.keep") },
    ],
  });
}

/** The confirmation: the last seated go back to the head of the waitlist and are told; a stale button changes nothing. */
export async function lowerCapacity(ctx: CommandContext, round: RoundRecord, capacityText: string, fingerprint: string): Promise<Outcome> {
  await requireRoundOrganizer(ctx, round);
  const capacity = Number(capacityText);
  if (!Number.isInteger(capacity) || capacity < 1 || round.status !== "open") throw new UserError("rounds.capacity.stale", { number: round.number });
  if ((await ctx.store.rounds.places(round.id)).length > 0) throw new UserError("rounds.capacity.hasPlaces", { number: round.number });
  const demoted = await ctx.store.transaction(async (tx) => {
    await tx.rounds.lock(round.id);
    const participants = await tx.rounds.participants(round.id);
    if (seatedFingerprint(participants) !== fingerprint) throw new UserError("rounds.capacity.stale", { number: round.number });
    const losing = seatsLost(participants, capacity);
    await tx.rounds.update(round.id, { capacity });
    for (const memberId of losing) await tx.rounds.setParticipantStatus(round.id, memberId, "waitlist");
    return losing;
  });
  ctx.log.info({ round: round.id, capacity, demoted: demoted.length }, "round capacity lowered");
  for (const memberId of demoted) {
    const member = await ctx.store.members.find(memberId);
    if (member) await tellMember(ctx, member, { text: ctx.memberT(member)("rounds.capacity.lostSeat", { title: round.title, number: round.number }) });
  }
  const updated = (await ctx.store.rounds.find(round.id)) ?? round;
  await refreshCard(ctx, updated);
  return privateReply(ctx.t("rounds.capacity.lowered", { title: round.title, capacity, count: demoted.length }));
}

/**
 * New kinds of places, in order. A kind is never made smaller than its seats taken, nor removed
 * while members hold or wait for it: the organizer is told which and nothing changes.
 */
export async function setPlaces(ctx: CommandContext, round: RoundRecord, drafts: readonly PlaceDraft[]): Promise<void> {
  const promoted = await ctx.store.transaction(async (tx) => {
    await tx.rounds.lock(round.id);
    const current = await tx.rounds.places(round.id);
    const before = capacitiesOf(round.capacity, current);
    const participants = await tx.rounds.participants(round.id);
    const kindOf = (p: ParticipantRecord) => placeOfSeat(p.place, before);
    for (const [i, place] of before.entries()) {
      const members = participants.filter((p) => kindOf(p) === place.id);
      const label = current[i]?.label ?? drafts[0]?.label ?? "";
      const draft = drafts[i];
      if (!draft && members.length > 0) throw new UserError("rounds.places.inUse", { label, count: members.length });
      const seated = members.filter((p) => p.status === "seat").length;
      if (draft && seated > draft.capacity) throw new UserError("rounds.places.belowSeated", { label: draft.label, seated });
    }
    const places = await tx.rounds.setPlaces(round.id, drafts);
    await tx.rounds.update(round.id, { capacity: drafts.reduce((sum, p) => sum + p.capacity, 0) });
    // Members who joined before the round had kinds hold its first kind.
    const first = places[0]?.id ?? "";
    for (const p of participants.filter((p) => !places.some((place) => place.id === p.place))) {
      await tx.rounds.setPlace(round.id, p.memberId, first);
    }
    const promoted: string[] = [];
    for (const place of places) {
      const sameKind = participants.filter((p) => (places.some((k) => k.id === p.place) ? p.place : first) === place.id);
      const change = changeCapacity(sameKind, place.capacity);
      for (const memberId of change.promoted) await tx.rounds.setParticipantStatus(round.id, memberId, "seat");
      promoted.push(...change.promoted);
    }
    return promoted;
  });
  const updated = (await ctx.store.rounds.find(round.id)) ?? round;
  await tellPromoted(ctx, updated, promoted);
  await refreshCard(ctx, updated);
}

/** The kind a member asked for by its name ("学生", "student"); an unknown name lists the kinds there are. */
export async function placeByLabel(ctx: CommandContext, round: RoundRecord, label: string | undefined): Promise<string> {
  const places = await ctx.store.rounds.places(round.id);
  if (label === undefined || places.length === 0) return places[0]?.id ?? "";
  const wanted = label.normalize("NFKC").trim().toLowerCase();
  const found = places.find((p) => p.label.normalize("NFKC").toLowerCase() === wanted);
  if (!found) throw new UserError("rounds.places.unknown", { value: label, places: places.map((p) => p.label).join(", ") });
  return found.id;
}
