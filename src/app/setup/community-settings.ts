import type { CommunitySettings } from "../../store/repositories.js";
import type { CommandContext } from "../context.js";
import { privateReply, type Outcome } from "../reply.js";

/** `/musubi setup`: changes what the organizer gave and shows every setting of the community. */
export async function setUpCommunity(ctx: CommandContext, changes: CommunitySettings): Promise<Outcome> {
  const changed = Object.keys(changes).length > 0;
  const community = changed ? await ctx.store.settings.update(changes) : ctx.community;
  if (changed) ctx.log.info({ changes: Object.keys(changes) }, "settings changed");
  const { t, port } = ctx;
  const channel = (id: string | null, unset: string) => (id ? port.mentionChannel(id) : unset);
  return privateReply(changed ? t("setup.saved") : t("setup.summary"), {
    cards: [{
      title: t("setup.summary"),
      fields: [
        { name: t("setup.introChannel"), value: channel(community.introChannelId, t("setup.notSet")) },
        { name: t("setup.welcomeChannel"), value: channel(community.welcomeChannelId, t("setup.notSetWelcome")) },
        { name: t("offers.setup.channel"), value: channel(community.offersChannelId, t("offers.setup.notSet")) },
        {
          name: t("setup.organizers"),
          value: community.organizerGroupId ? port.mentionGroup(community.organizerGroupId) : t("setup.notSetOrganizers"),
        },
        { name: t("setup.language"), value: t(`language.${community.locale === "en" ? "en" : "ja"}`), inline: true },
        { name: t("setup.timeZone"), value: community.timeZone, inline: true },
      ],
    }],
  });
}
