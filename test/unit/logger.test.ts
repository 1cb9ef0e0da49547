import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "../../src/logger.js";

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString("utf8"));
      done();
    },
  });
  return { lines, destination };
}

describe("logging", () => {
  it("given secrets in fields, messages and errors, then no line contains them", async () => {
    const { lines, destination } = capture();
    const token = "MTIzNDU2Nzg5MDEy.discord.secret";
    const log = createLogger({ level: "info", secrets: [token, "xoxb-secret-bot-token"], destination });
    log.info({ token, config: { botToken: "xoxb-secret-bot-token" } }, "starting");
    log.error({ err: new Error(`login failed for ${token}`) }, "failed");
    log.warn(`request to https://example.test/?t=${token}`);
    log.info({ headers: { authorization: "Bot abc-secret-header" } }, "request");
    await new Promise((resolve) => setImmediate(resolve));
    const output = lines.join("");
    expect(output).toContain("starting");
    expect(output).toContain("login failed for [REDACTED]");
    expect(output).not.toContain(token);
    expect(output).not.toContain("xoxb-secret-bot-token");
    expect(output).not.toContain("abc-secret-header");
  });

  it("given secrets with a quote, a backslash or a line break, short ones and a URL-encoded database password, then no line holds them in any form", async () => {
    const { lines, destination } = capture();
    const quoted = 'pa"ss\\wo\nrd-1';
    const databasePassword = "p@ss/w:rd%";
    const log = createLogger({ level: "info", secrets: [quoted, databasePassword, "pw1"], destination });
    log.info({ detail: `connecting with ${quoted}` }, `secret in the message: ${quoted}`);
    log.error({ err: new Error(`no database at postgresql://musubi:${encodeURIComponent(databasePassword)}@db:5432/musubi`) }, "failed");
    log.warn(`the raw password ${databasePassword} and a short one in a URL: postgres://u:pw1@host/db`);
    log.warn({ url: "postgresql://other:another-pass@db/musubi" }, "a URL's password is blanked even when it is not configured");
    await new Promise((resolve) => setImmediate(resolve));
    const output = lines.join("");
    for (const form of [quoted, JSON.stringify(quoted).slice(1, -1), databasePassword, encodeURIComponent(databasePassword), ":pw1@", "another-pass"]) {
      expect(output, form).not.toContain(form);
    }
    expect(output).toContain("postgresql://musubi:[REDACTED]@db:5432/musubi");
    expect(output).toContain("postgres://u:[REDACTED]@host/db");
    expect(output).toContain("secret in the message: [REDACTED]");
  });

  it("given a Slack token that is no configured secret (a workspace's, from its installation), then no line contains it", async () => {
    const { lines, destination } = capture();
    const log = createLogger({ level: "info", secrets: [], destination });
    log.error({ err: new Error("an API call with xoxb-111-222-installedToken failed") }, "failed");
    log.info({ installation: { bot: { token: "xoxb-111-222-installedToken" } } }, "stored");
    await new Promise((resolve) => setImmediate(resolve));
    const output = lines.join("");
    expect(output).toContain("an API call with [REDACTED] failed");
    expect(output).not.toContain("installedToken");
  });

  it("given an invocation's child logger, then each line carries community, platform, command and invocation", () => {
    const { lines, destination } = capture();
    const log = createLogger({ level: "info", secrets: [], destination });
    log.child({ community: "c1", platform: "discord", command: "intro", invocation: "ab12cd34" }).info("invoked");
    expect(JSON.parse(lines[0]!)).toMatchObject({ community: "c1", platform: "discord", command: "intro", invocation: "ab12cd34", msg: "invoked" });
  });
});
