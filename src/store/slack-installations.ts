import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import type { Db } from "./db.js";

// The Slack workspaces (and Enterprise Grid organizations) that installed the app, with their bot
// tokens sealed by AES-256-GCM: a copy of the database alone gives no token. These rows belong to
// no community (an installation is what lets a community be served at all), so they are looked up
// by Slack's own ids.

/** One installation: a workspace's, or an organization's when `isEnterpriseInstall`. */
export interface SlackInstallationRecord {
  teamId: string | null;
  enterpriseId: string | null;
  isEnterpriseInstall: boolean;
  botToken: string;
  botUserId: string;
  botId: string;
  scopes: string[];
  installerUserId: string;
  installedAt: Date;
}

/** Which installation a request or a job needs, as Bolt names it. */
export interface SlackInstallationQuery {
  teamId?: string | undefined;
  enterpriseId?: string | undefined;
  isEnterpriseInstall: boolean;
}

const IV_BYTES = 12;
const TAG_BYTES = 16;

/** `iv.tag.ciphertext`, each base64: a fresh IV for every token. */
export function sealToken(key: Buffer, token: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const sealed = Buffer.concat([cipher.update(token, "utf8"), cipher.final()]);
  return [iv, cipher.getAuthTag(), sealed].map((part) => part.toString("base64")).join(".");
}

/** The token `sealToken` sealed; throws when the key is not the one it was sealed with (or the text was altered). */
export function openToken(key: Buffer, text: string): string {
  const [iv, tag, sealed] = text.split(".").map((part) => Buffer.from(part, "base64"));
  if (!iv || iv.length !== IV_BYTES || !tag || tag.length !== TAG_BYTES || !sealed) throw new Error("not a sealed token");
  const decipher = createDecipheriv("aes-256-gcm", key, iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(sealed), decipher.final()]).toString("utf8");
}

/** An org-wide installation is the enterprise's; any other is its workspace's. */
const keyOf = (q: SlackInstallationQuery): string | undefined => (q.isEnterpriseInstall ? q.enterpriseId : q.teamId) || undefined;

export function slackInstallationRepository(db: Db, key: Buffer) {
  type Row = NonNullable<Awaited<ReturnType<Db["slackInstallation"]["findUnique"]>>>;
  const toRecord = (row: Row): SlackInstallationRecord => ({
    teamId: row.teamId,
    enterpriseId: row.enterpriseId,
    isEnterpriseInstall: row.isEnterpriseInstall,
    botToken: openToken(key, row.botTokenEncrypted),
    botUserId: row.botUserId,
    botId: row.botId,
    scopes: row.scopes ? row.scopes.split(",") : [],
    installerUserId: row.installerUserId,
    installedAt: row.installedAt,
  });

  async function find(query: SlackInstallationQuery): Promise<SlackInstallationRecord | undefined> {
    const id = keyOf(query);
    const row = id ? await db.slackInstallation.findUnique({ where: { key: id } }) : null;
    return row ? toRecord(row) : undefined;
  }

  return {
    /** Keeps an installation; installing again (a new token, other scopes) replaces the earlier one. */
    async save(installation: Omit<SlackInstallationRecord, "installedAt">): Promise<void> {
      const id = keyOf({ teamId: installation.teamId ?? undefined, enterpriseId: installation.enterpriseId ?? undefined, isEnterpriseInstall: installation.isEnterpriseInstall });
      if (!id) throw new Error("an installation names its workspace, or its organization when org-wide");
      const data = {
        teamId: installation.teamId,
        enterpriseId: installation.enterpriseId,
        isEnterpriseInstall: installation.isEnterpriseInstall,
        botTokenEncrypted: sealToken(key, installation.botToken),
        botUserId: installation.botUserId,
        botId: installation.botId,
        scopes: installation.scopes.join(","),
        installerUserId: installation.installerUserId,
      };
      await db.slackInstallation.upsert({ where: { key: id }, create: { key: id, ...data }, update: { ...data, installedAt: new Date() } });
    },

    find,

    /**
     * The installation that serves a workspace: its own, else its organization's org-wide one
     * (known once a request from that workspace was seen, see `rememberOrgWorkspace`).
     */
    async findForTeam(teamId: string): Promise<SlackInstallationRecord | undefined> {
      const own = await db.slackInstallation.findUnique({ where: { key: teamId } });
      if (own) return toRecord(own);
      const org = await db.slackOrgWorkspace.findUnique({ where: { teamId } });
      return org ? find({ enterpriseId: org.enterpriseId, isEnterpriseInstall: true }) : undefined;
    },

    /** Notes that a workspace belongs to an organization whose org-wide installation serves it. */
    async rememberOrgWorkspace(teamId: string, enterpriseId: string): Promise<void> {
      await db.slackOrgWorkspace.upsert({ where: { teamId }, create: { teamId, enterpriseId }, update: { enterpriseId } });
    },

    /** Removes an installation (the app was uninstalled, its bot token revoked); an org-wide one with its workspaces. */
    async remove(query: SlackInstallationQuery): Promise<void> {
      const id = keyOf(query);
      if (!id) return;
      await db.$transaction([
        db.slackInstallation.deleteMany({ where: { key: id } }),
        ...(query.isEnterpriseInstall ? [db.slackOrgWorkspace.deleteMany({ where: { enterpriseId: id } })] : []),
      ]);
    },
  };
}

export type SlackInstallationRepository = ReturnType<typeof slackInstallationRepository>;
