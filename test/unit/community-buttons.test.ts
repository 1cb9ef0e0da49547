import { describe, expect, it } from "vitest";
import { readCommunityOfAction, withCommunity } from "../../src/app/action-community.js";
import { communityContext } from "../../src/app/context.js";
import { networkActions } from "../../src/app/network/actions.js";
import { offerActions } from "../../src/app/offers/actions.js";
import { pairingActions } from "../../src/app/pairing/actions.js";
import { roundActions } from "../../src/app/rounds/actions.js";
import { FORM_PAGE } from "../../src/app/forms.js";
import { createLogger } from "../../src/logger.js";
import type { JobDeps } from "../../src/jobs/queue.js";
import type { CommunityRecord } from "../../src/store/records.js";
import { recordingPort } from "../support/recording-port.js";

// Every button a use case sends (to a channel, a DM or a pair space, by a command or a job) names
// its community where the platform may bring a press back without it (a Discord DM).

const GUILD = "12345678901234567890";
const community: CommunityRecord = {
  id: "c1", platform: "discord", externalId: GUILD, name: "Meetup", locale: "ja", timeZone: "Asia/Tokyo",
  introChannelId: null, welcomeChannelId: null, organizerGroupId: null, offersChannelId: null, reportChannelId: null,
};
const deps = { store: { forCommunity: () => ({}) }, jobs: {}, now: () => new Date() } as unknown as Pick<JobDeps, "store" | "jobs" | "now">;
const log = createLogger({ level: "silent", secrets: [] });
const CUID = "cmabcdefghijklmnopqrstuvw";

/** One button of every kind a DM carries, with the longest arguments they take. */
const dmButtons = [
  FORM_PAGE.id("intro", "0"), FORM_PAGE.id("round-create", "1"),
  pairingActions.skip.id(CUID), pairingActions.followUp.id(CUID, "in_person"),
  networkActions.meetAgain.id(CUID, "yes"), networkActions.thank.id("exchange", CUID, CUID),
  networkActions.hello.id(CUID), networkActions.notNow.id(CUID),
  offerActions.respond.id(CUID), offerActions.close.id(CUID), offerActions.extend.id(CUID),
  roundActions.attended.id(CUID), roundActions.missed.id(CUID), roundActions.takeaway.id(CUID), roundActions.calendar.id(CUID),
].map((actionId) => ({ actionId, label: actionId }));

describe("buttons carry their community", () => {
  it("given a platform that needs it then every message's buttons name the community, within Discord's 100 characters", async () => {
    const { port, sent } = recordingPort();
    const ctx = communityContext(deps, community, { ...port, buttonsCarryCommunity: true }, log);
    await ctx.port.sendDirectMessage("u1", { text: "dm", buttons: dmButtons });
    await ctx.port.postMessage("space", { text: "pair space", buttons: dmButtons });
    await ctx.port.editMessage({ channelId: "ch", messageId: "m1" }, { text: "card", buttons: dmButtons });
    for (const message of sent) {
      expect(message.message.buttons!.map((b) => readCommunityOfAction(b.actionId))).toEqual(
        dmButtons.map((b) => ({ community: GUILD, actionId: b.actionId })));
      for (const b of message.message.buttons!) expect(b.actionId.length).toBeLessThanOrEqual(100);
    }
  });

  it("given the console then buttons stay as they are (a press there always knows its community)", async () => {
    const { port, sent } = recordingPort();
    const ctx = communityContext(deps, community, port, log);
    await ctx.port.sendDirectMessage("u1", { text: "dm", buttons: dmButtons });
    expect(sent[0]!.message.buttons!.map((b) => b.actionId)).toEqual(dmButtons.map((b) => b.actionId));
  });

  it("given an id that names a community already then it is not named twice, and a crafted tag is read as a name only", () => {
    expect(withCommunity(GUILD, withCommunity("T0OTHER", "offer:respond:x"))).toBe("@T0OTHER:offer:respond:x");
    expect(readCommunityOfAction("@../etc:offer:respond:x")).toEqual({ community: undefined, actionId: "@../etc:offer:respond:x" });
  });
});
