import { randomBytes, randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { openToken, sealToken, slackInstallationRepository } from "../../src/store/slack-installations.js";
import { storeBackends, storesOn } from "../support/db.js";

const installation = (teamId: string, botToken: string) => ({
  teamId, enterpriseId: null, isEnterpriseInstall: false, botToken,
  botUserId: "U0BOT", botId: "B0BOT", scopes: ["commands", "chat:write"], installerUserId: "U0ADMIN",
});

describe("sealed tokens", () => {
  it("given a token sealed twice, then each text differs, both open to the token, and another key opens neither", () => {
    const key = randomBytes(32);
    const first = sealToken(key, "xoxb-1-2-secret");
    const second = sealToken(key, "xoxb-1-2-secret");
    expect(first).not.toBe(second);
    expect(openToken(key, first)).toBe("xoxb-1-2-secret");
    expect(openToken(key, second)).toBe("xoxb-1-2-secret");
    expect(() => openToken(randomBytes(32), first)).toThrow();
    const [iv, tag, sealed] = first.split(".");
    const altered = Buffer.from(sealed!, "base64");
    altered[0]! ^= 1;
    expect(() => openToken(key, [iv, tag, altered.toString("base64")].join("."))).toThrow();
  });
});

describe.each(storeBackends())("Slack installations on %s", (backend, url) => {
  const { open, skip } = storesOn(backend, url);
  const key = randomBytes(32);

  it.skipIf(skip)("given a workspace installed, then its token is found by the workspace and the row holds it only sealed", async () => {
    const { db } = open();
    const installations = slackInstallationRepository(db, key);
    const teamId = `T${randomUUID()}`;
    await installations.save(installation(teamId, "xoxb-team-secret-token"));
    expect(await installations.find({ teamId, isEnterpriseInstall: false })).toMatchObject({
      teamId, botToken: "xoxb-team-secret-token", scopes: ["commands", "chat:write"], installerUserId: "U0ADMIN",
    });
    expect((await installations.findForTeam(teamId))?.botToken).toBe("xoxb-team-secret-token");
    const row = await db.slackInstallation.findUniqueOrThrow({ where: { key: teamId } });
    expect(JSON.stringify(row)).not.toContain("xoxb-team-secret-token");
    // Another key (a different deployment's) cannot read it.
    await expect(slackInstallationRepository(db, randomBytes(32)).findForTeam(teamId)).rejects.toThrow();
  });

  it.skipIf(skip)("given a workspace installed again, then the new token replaces the old one", async () => {
    const { db } = open();
    const installations = slackInstallationRepository(db, key);
    const teamId = `T${randomUUID()}`;
    await installations.save(installation(teamId, "xoxb-old"));
    await installations.save(installation(teamId, "xoxb-new"));
    expect(await db.slackInstallation.count({ where: { key: teamId } })).toBe(1);
    expect((await installations.findForTeam(teamId))?.botToken).toBe("xoxb-new");
  });

  it.skipIf(skip)("given an org-wide install, then a workspace of it finds the organization's token once seen, and not after the organization uninstalls", async () => {
    const { db } = open();
    const installations = slackInstallationRepository(db, key);
    const enterpriseId = `E${randomUUID()}`;
    const teamId = `T${randomUUID()}`;
    await installations.save({ ...installation("", "xoxb-org-token"), teamId: null, enterpriseId, isEnterpriseInstall: true });
    expect(await installations.find({ enterpriseId, isEnterpriseInstall: true })).toMatchObject({ botToken: "xoxb-org-token", teamId: null });
    expect(await installations.findForTeam(teamId)).toBeUndefined();
    await installations.rememberOrgWorkspace(teamId, enterpriseId);
    expect((await installations.findForTeam(teamId))?.botToken).toBe("xoxb-org-token");
    await installations.remove({ enterpriseId, isEnterpriseInstall: true });
    expect(await installations.findForTeam(teamId)).toBeUndefined();
    expect(await db.slackOrgWorkspace.count({ where: { enterpriseId } })).toBe(0);
  });

  it.skipIf(skip)("given a workspace uninstalled, then it has no installation and other workspaces keep theirs", async () => {
    const { db } = open();
    const installations = slackInstallationRepository(db, key);
    const [gone, kept] = [`T${randomUUID()}`, `T${randomUUID()}`];
    await installations.save(installation(gone, "xoxb-gone"));
    await installations.save(installation(kept, "xoxb-kept"));
    await installations.remove({ teamId: gone, isEnterpriseInstall: false });
    await installations.remove({ teamId: gone, isEnterpriseInstall: false });
    expect(await installations.findForTeam(gone)).toBeUndefined();
    expect((await installations.findForTeam(kept))?.botToken).toBe("xoxb-kept");
  });
});
