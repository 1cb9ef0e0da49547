import { handler, option, type CommandDefinition } from "../src/app/command.js";
import { introCard } from "../src/app/intro/card.js";

export const profileCommand: CommandDefinition = {
  name: "profile",
  description: "profile.description",
  handler: handler({
    description: "profile.description",
    permission: "member",
    options: { member: option.user({ description: "profile.option.member" }) },
    async run(ctx, input) {
      const { community, store, t, port } = ctx;
      const self = !input.member || input.member === ctx.member.platformUserId;
      const member = self ? ctx.member : await store.members.findByPlatformUser(community.id, input.member!);
      const profile = member && (await store.profiles.find(community.id, member.id));
      if (!member || !profile) {
        const text = self ? t("profile.noneSelf") : t("profile.none", { name: port.mentionUser(input.member!) });
        return { type: "reply", reply: { text, ephemeral: true } };
      }
      return {
        type: "reply",
        reply: { text: "", cards: [introCard(profile.intro, member.displayName, ctx.locale)], ephemeral: true },
      };
    },
  }),
};
