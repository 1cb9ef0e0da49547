// The community in front of an action id ("@<community>:offer:respond:<postId>"). Apart from
// actions.ts, which imports the context's types, so that the context can tag what it sends.
/**
 * A button's id with the community it belongs to: "@<community's platform id>:<action id>". A
 * button pressed in a direct message arrives without a guild (Discord) or with a workspace that
 * may not be the community's (Slack Enterprise Grid), so every button a platform sends carries its
 * community. The tag only names where to look: the adapter checks that the presser is a member
 * there before anything runs. Discord's custom_id holds 100 characters: a guild id (at most 20
 * digits) and the longest action id (about 75) fit.
 */
export function withCommunity(communityExternalId: string, actionId: string): string {
  return actionId.startsWith("@") ? actionId : `@${communityExternalId}:${actionId}`;
}

/** The community a button's id names, if any, and the action id without it. */
export function readCommunityOfAction(id: string): { community: string | undefined; actionId: string } {
  const tagged = /^@([A-Za-z0-9]{1,32}):(.*)$/s.exec(id);
  return tagged ? { community: tagged[1]!, actionId: tagged[2]! } : { community: undefined, actionId: id };
}
