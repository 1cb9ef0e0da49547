import type { Installation, InstallationQuery, InstallationStore } from "@slack/bolt";
import type { SlackInstallationRepository } from "../../store/slack-installations.js";

// Bolt's installation store on the database (src/store/slack-installations.ts): what the install
// flow stores, what Bolt's authorize reads for each request, what an uninstall removes.

export function databaseInstallationStore(
  installations: SlackInstallationRepository,
  onStored: (installation: { teamId?: string | undefined; enterpriseId?: string | undefined }) => Promise<void>,
): Required<InstallationStore> {
  return {
    async storeInstallation(installation) {
      const { bot } = installation;
      // Only the bot token is used: musubi asks for no user scope.
      if (!bot) throw new Error("the installation carries no bot token: the app asks for bot scopes only");
      const isEnterpriseInstall = Boolean(installation.isEnterpriseInstall);
      await installations.save({
        teamId: isEnterpriseInstall ? null : installation.team?.id ?? null,
        enterpriseId: installation.enterprise?.id ?? null,
        isEnterpriseInstall,
        botToken: bot.token,
        botUserId: bot.userId,
        botId: bot.id,
        scopes: bot.scopes,
        installerUserId: installation.user.id,
      });
      await onStored({ teamId: installation.team?.id, enterpriseId: installation.enterprise?.id });
    },

    async fetchInstallation(query: InstallationQuery<boolean>): Promise<Installation> {
      const found = await installations.find(query);
      if (!found) throw new Error(`no installation for ${query.isEnterpriseInstall ? `organization ${query.enterpriseId}` : `workspace ${query.teamId}`}`);
      return {
        team: found.teamId ? { id: found.teamId } : undefined,
        enterprise: found.enterpriseId ? { id: found.enterpriseId } : undefined,
        isEnterpriseInstall: found.isEnterpriseInstall,
        user: { id: found.installerUserId, token: undefined, scopes: undefined },
        bot: { token: found.botToken, userId: found.botUserId, id: found.botId, scopes: found.scopes },
        authVersion: "v2",
      };
    },

    async deleteInstallation(query: InstallationQuery<boolean>) {
      await installations.remove(query);
    },
  };
}
