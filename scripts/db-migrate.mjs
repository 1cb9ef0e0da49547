// `npm run db:migrate -- --name <name> [other prisma migrate dev flags]`
// Creates (if the schema changed) and applies migrations for the DB in DATABASE_URL
// (default file:./data/musubi.db), then regenerates both clients.
import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
mkdirSync("data", { recursive: true });
run("node", ["scripts/sync-pg-schema.mjs"]);
// migrate deploy first: creates _prisma_migrations on a brand-new SQLite file (see W5 in prisma.config.ts)
run("npx", ["prisma", "migrate", "deploy"]);
run("npx", ["prisma", "migrate", "dev", "--skip-generate", ...process.argv.slice(2)]);
run("npm", ["run", "-s", "db:generate"]);
