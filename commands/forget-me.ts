import { handler, type CommandDefinition } from "../src/app/command.js";
import { UserError } from "../src/app/errors.js";
import { forgetMember } from "../src/app/privacy/forget-member.js";
import { privateReply } from "../src/app/reply.js";

// /forget-me: asks once more, then deletes everything musubi keeps about the member here.

export const forgetMeCommand: CommandDefinition = {
  name: "forget-me",
  description: "forget.description",
  handler: handler({
    description: "forget.description",
    permission: "member",
    options: {},
    run: async (ctx) => privateReply(ctx.t("forget.confirm"), {
      buttons: [{ actionId: "forget:confirm", label: ctx.t("forget.button"), style: "danger" as const }],
    }),
  }),
  actions: [{
    id: "forget",
    async run(ctx, argument) {
      if (argument !== "confirm") throw new UserError("common.unknownAction");
      const summary = await forgetMember(ctx, ctx.member);
      return privateReply(ctx.t("forget.done", { posts: summary.posts, rounds: summary.roundsLeft + summary.roundsCancelled }));
    },
  }],
};
