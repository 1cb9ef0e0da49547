import type { Reason } from "../../core/matching/index.js";
import { type FollowUpAnswer, FOLLOW_UP_ANSWERS } from "../../core/pairing/settings.js";
import { INDUSTRIES, type Intro } from "../../core/profile.js";
import { listMembers, translator, type Locale, type Translate } from "../../i18n/index.js";
import type { Message } from "../../port/message.js";
import { pairingActions } from "./actions.js";

// What members read of a round, in one language (see ../languages.ts for a space of several).

const industryLabel = (t: Translate, industry: string) =>
  (INDUSTRIES as readonly string[]).includes(industry) ? t(`industry.${industry as Intro["industry"]}`) : industry;

/** The engine's reasons as one line of text. */
export function renderReasons(reasons: readonly Reason[], t: Translate, groupSize = 2): string {
  const parts: string[] = [];
  for (const r of reasons) {
    const count = parts.length;
    switch (r.kind) {
      case "differentIndustries":
        parts.push(t("reason.differentIndustries", { a: industryLabel(t, r.params.industryA), b: industryLabel(t, r.params.industryB) }));
        break;
      case "sameIndustry":
        parts.push(t("reason.sameIndustry", { industry: industryLabel(t, r.params.industry) }));
        break;
      case "seniorityGap":
        parts.push(t(r.params.gap <= 2 ? "reason.seniorityGap" : "reason.seniorityFar", { senior: r.params.senior, junior: r.params.junior }));
        break;
      case "sameSeniority":
        parts.push(t("reason.sameSeniority"));
        break;
      case "canOffer":
        parts.push(t("reason.canOffer", { giver: r.params.giver, receiver: r.params.receiver, tags: r.params.tags.join(", ") }));
        break;
      case "sameCityInPerson":
        parts.push(t(groupSize > 2 && !r.between ? "reason.sameCityInPerson.group" : "reason.sameCityInPerson", { city: r.params.city }));
        break;
      case "timeZoneOverlap":
        if (r.params.hours > 0) parts.push(t("reason.timeZoneOverlap", { hours: r.params.hours }));
        break;
      case "sharedInterests":
        parts.push(t("reason.sharedInterests", { interests: r.params.interests.join(", ") }));
        break;
      case "metBefore":
        // Two programs can group the same pair within a week: "0 weeks ago" is not how anyone says it.
        parts.push(r.params.weeksAgo === 0 ? t("reason.metThisWeek") : t("reason.metBefore", { weeks: r.params.weeksAgo }));
        break;
      case "meetAgain":
        parts.push(t("reason.meetAgain", { a: r.params.a, b: r.params.b, weeks: r.params.weeksAgo }));
        break;
      case "sharedLanguages":
        break;
    }
    // In a group of three, a reason about two of them says which two.
    if (r.between && parts.length > count) parts[count] = t("reason.about", { reason: parts[count]!, a: r.between[0], b: r.between[1] });
  }
  return parts.join(" · ");
}

export interface GroupMemberView {
  platformUserId: string;
  displayName: string;
  intro: Intro | null;
}

/** Two or three openers drawn from both profiles: what one offers and another seeks, shared interests, work. */
export function conversationStarters(reasons: readonly Reason[], members: readonly GroupMemberView[], t: Translate): string[] {
  const starters: string[] = [];
  for (const r of reasons) {
    if (r.kind === "canOffer") starters.push(t("pairingRound.starter.offer", { giver: r.params.giver, receiver: r.params.receiver, tags: r.params.tags.join(", ") }));
    if (r.kind === "sharedInterests") {
      const interests = r.params.interests.join(", ");
      starters.push(r.between
        ? t("pairingRound.starter.interestsOf", { a: r.between[0], b: r.between[1], interests })
        : t("pairingRound.starter.interests", { interests }));
    }
  }
  for (const member of members) {
    if (member.intro) starters.push(t("pairingRound.starter.work", { name: member.displayName, role: member.intro.role }));
  }
  return starters.slice(0, 3);
}

export function groupIntroMessage(options: {
  locale: Locale;
  members: readonly GroupMemberView[];
  reasons: readonly Reason[];
  mention: (userId: string) => string;
  /** A program's own starters (mentoring), in place of those drawn from the intros. */
  starters?: readonly string[];
}): Message {
  const t = translator(options.locale);
  const { members } = options;
  const names = members.map((m) => m.displayName).join(" × ");
  // The honorific goes on every name: 「@aikoさん、@kenさん」.
  const mentions = listMembers(options.locale, members.map((m) => options.mention(m.platformUserId)));
  const pair = members.length === 2;
  // "You both prefer meeting in person" speaks to a pair; a trio's reasons may concern two of three.
  const inPerson = members.length === 2
    ? options.reasons.find((r): r is Extract<Reason, { kind: "sameCityInPerson" }> => r.kind === "sameCityInPerson")
    : undefined;
  const starters = options.starters ?? conversationStarters(options.reasons, members, t);
  const why = renderReasons(options.reasons, t, members.length);
  return {
    text: [
      pair ? t("pairingRound.intro.body", { mentions }) : t("pairingRound.intro.body.group", { mentions, count: members.length }),
      inPerson ? t("pairingRound.intro.inPerson", { city: inPerson.params.city }) : "",
    ].filter(Boolean).join("\n"),
    cards: [{
      title: t(pair ? "pairingRound.intro.title" : "pairingRound.intro.title.group", { names }),
      fields: [
        ...(why ? [{ name: t(pair ? "pairingRound.intro.why" : "pairingRound.intro.why.group"), value: why }] : []),
        ...(starters.length ? [{ name: t("pairingRound.intro.starters"), value: starters.map((s) => `• ${s}`).join("\n") }] : []),
      ],
    }],
  };
}

/** The follow-up; `meetingTime`: the time the group agreed on in its space, recalled. */
export function followUpMessage(locale: Locale, groupId: string, meetingTime?: string): Message {
  const t = translator(locale);
  return {
    text: meetingTime ? t("pairTime.followUp", { time: meetingTime }) : t("pairingRound.followUp"),
    buttons: FOLLOW_UP_ANSWERS.map((answer: FollowUpAnswer) => ({
      actionId: pairingActions.followUp.id(groupId, answer),
      label: t(`pairingRound.followUp.${answer}`),
      style: answer === "not_met" ? ("secondary" as const) : ("primary" as const),
    })),
  };
}
