import { onAction } from "../src/app/actions.js";
import { handler, option, type CommandDefinition } from "../src/app/command.js";
import { homeActions } from "../src/app/home/actions.js";
import { pairingActions } from "../src/app/pairing/actions.js";
import { meetingActions, pickMeetingTime, pickNoMeetingTime } from "../src/app/pairing/meeting.js";
import { answerOptIn, optInActions } from "../src/app/pairing/opt-in.js";
import {
  answerFollowUp,
  answerPauseNotice,
  blockMember,
  joinPairing,
  leavePairing,
  pairingStatus,
  pausePairing,
  skipFromHeadsUp,
  skipNextRound,
  unblockMember,
} from "../src/app/pairing/membership.js";
import { joinProgram, leaveProgram } from "../src/app/pairing/programs.js";
import { MENTORING_ROLES } from "../src/core/matching/index.js";
import { DEFAULT_PROGRAM_KEY, PROGRAM_ATTRIBUTE_MAX, PROGRAM_NAME_MAX, programKey } from "../src/core/pairing/programs.js";
import { localized } from "../src/i18n/index.js";

// /match: members' side of weekly pairing (src/app/pairing/membership.ts).

const member = option.user({ label: "common.label.member", description: "match.option.member", required: true });
/** A program's name; none (or the default program's, "weekly") is weekly pairing. */
const program = (description: "program.option.join" | "program.option.leave") =>
  option.string({ label: "program.label.name", description, maxLength: PROGRAM_NAME_MAX });
const isDefaultProgram = (name: string | undefined) => name === undefined || programKey(name) === DEFAULT_PROGRAM_KEY;

export const matchCommand: CommandDefinition = {
  name: "match",
  description: "match.description",
  subcommands: {
    join: handler({
      description: "match.join.description",
      permission: "member",
      options: {
        program: program("program.option.join"),
        role: option.string({
          label: "program.label.role", description: "program.option.role",
          choices: MENTORING_ROLES.map((role) => ({ value: role, label: localized(`program.role.${role}`) })),
        }),
        attribute: option.string({ label: "program.label.attribute", description: "program.option.attribute", maxLength: PROGRAM_ATTRIBUTE_MAX }),
      },
      run: (ctx, input) => isDefaultProgram(input.program) && !input.role && !input.attribute
        ? joinPairing(ctx)
        : joinProgram(ctx, input.program ?? DEFAULT_PROGRAM_KEY, { role: input.role as (typeof MENTORING_ROLES)[number] | undefined, attribute: input.attribute }),
    }),
    leave: handler({
      description: "match.leave.description",
      permission: "member",
      options: { program: program("program.option.leave") },
      run: (ctx, input) => (isDefaultProgram(input.program) ? leavePairing(ctx) : leaveProgram(ctx, input.program!)),
    }),
    pause: handler({
      description: "match.pause.description",
      permission: "member",
      options: { weeks: option.integer({ label: "match.pause.label.weeks", description: "match.pause.option.weeks", min: 1, max: 12 }) },
      run: (ctx, { weeks }) => pausePairing(ctx, weeks ?? 1),
    }),
    skip: handler({ description: "match.skip.description", permission: "member", options: {}, run: skipNextRound }),
    status: handler({ description: "match.status.description", permission: "member", options: {}, run: pairingStatus }),
    block: handler({
      description: "match.block.description", permission: "member", options: { member },
      run: (ctx, input) => blockMember(ctx, input.member),
    }),
    unblock: handler({
      description: "match.unblock.description", permission: "member", options: { member },
      run: (ctx, input) => unblockMember(ctx, input.member),
    }),
  },
  actions: [
    onAction(pairingActions.skip, (ctx, { roundId }) => skipFromHeadsUp(ctx, roundId)),
    onAction(pairingActions.followUp, (ctx, { groupId, answer }) => answerFollowUp(ctx, groupId, answer)),
    onAction(pairingActions.paused, (ctx, { choice }) => answerPauseNotice(ctx, choice)),
    onAction(meetingActions.pick, (ctx, { proposalId }) => pickMeetingTime(ctx, proposalId)),
    onAction(meetingActions.none, (ctx, { groupId }) => pickNoMeetingTime(ctx, groupId)),
    onAction(optInActions.answer, (ctx, { roundId, answer }) => answerOptIn(ctx, roundId, answer)),
    // The buttons of a member's own page (Slack's App Home, src/app/home/member-home.ts).
    onAction(homeActions.join, joinPairing),
    onAction(homeActions.skip, skipNextRound),
    onAction(homeActions.pause, (ctx) => pausePairing(ctx, 1)),
  ],
};
