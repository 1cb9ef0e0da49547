// `npm run slack:manifest`: writes slack-manifest.json from commands/. Set SLACK_PUBLIC_URL for
// HTTP mode (the request URLs), or SLACK_APP_TOKEN for Socket Mode (no public URL needed); with
// SLACK_CLIENT_ID too, the manifest of the app distributed by OAuth (its redirect URL, uninstall events).
import { writeFileSync } from "node:fs";
import { commands } from "../commands/index.js";
import { slackManifest } from "../src/platforms/slack/manifest.js";

const manifest = slackManifest(commands, {
  publicUrl: process.env.SLACK_PUBLIC_URL?.replace(/\/$/, "") || undefined,
  socketMode: Boolean(process.env.SLACK_APP_TOKEN),
  installs: Boolean(process.env.SLACK_CLIENT_ID),
});
writeFileSync("slack-manifest.json", `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`Wrote slack-manifest.json with ${manifest.features.slash_commands.length} slash commands.`);
