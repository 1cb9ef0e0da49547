import type { Message } from "../../port/message.js";
import type { CommandContext } from "../context.js";
import { FORM_PAGE } from "../forms.js";

/**
 * Greets a new member in the welcome channel (else the intro channel, else the platform's own
 * greeting channel) or, where there is none, by direct message; with a button that opens /intro.
 */
export async function welcomeMember(ctx: CommandContext): Promise<void> {
  const { community, member, port } = ctx;
  // A channel post is read by everyone: it speaks the community's language, a DM the member's.
  const channelId = community.welcomeChannelId ?? community.introChannelId ?? (await port.defaultWelcomeChannel(community.externalId));
  const t = channelId ? ctx.communityT : ctx.t;
  const message: Message = {
    text: t("welcome.message", { community: community.name || "musubi", mention: port.mentionUser(member.platformUserId) }),
    buttons: [{ actionId: FORM_PAGE.id("intro", "0"), label: t("intro.button.start"), style: "primary" }],
  };
  if (channelId) await port.postMessage(channelId, message);
  else await port.sendDirectMessage(member.platformUserId, message);
  ctx.log.info({ channelId: channelId ?? "dm" }, "welcomed");
}
