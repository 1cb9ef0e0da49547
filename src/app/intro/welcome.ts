import { resolveLocale, translator } from "../../i18n/index.js";
import type { CommandContext } from "../command.js";
import { FORM_ACTION_PREFIX } from "../command.js";
import type { Message } from "../reply.js";

/**
 * Greets a new member in the welcome channel (else the intro channel, else the platform's own
 * greeting channel) or, where there is none, by direct message; with a button that opens /intro.
 */
export async function welcomeMember(ctx: CommandContext): Promise<void> {
  const { community, member, port } = ctx;
  // A channel post is read by everyone: it speaks the community's language, a DM the member's.
  const channelId = community.welcomeChannelId ?? community.introChannelId ?? (await port.defaultWelcomeChannel(community.externalId));
  const locale = channelId ? resolveLocale(null, community.locale) : ctx.locale;
  const t = translator(locale);
  const message: Message = {
    text: t("welcome.message", { community: community.name || "musubi", mention: port.mentionUser(member.platformUserId) }),
    buttons: [{ actionId: `${FORM_ACTION_PREFIX}:intro:0`, label: t("intro.button.start"), style: "primary" }],
  };
  if (channelId) await port.postMessage(channelId, message);
  else await port.sendDirectMessage(member.platformUserId, message);
  ctx.log.info({ channelId: channelId ?? "dm" }, "welcomed");
}
