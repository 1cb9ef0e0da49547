// `npm run db:reset`: drop everything and re-apply all migrations to the DB in DATABASE_URL.
// SQLite: `prisma migrate reset` is broken through the better-sqlite3 adapter in Prisma 6.19
// (it does not drop the user tables), so delete the file and run `migrate deploy` instead.
import { spawnSync } from "node:child_process";
import { rmSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";

const url = process.env.DATABASE_URL ?? "file:./data/musubi.db";
const run = (args) => {
  const r = spawnSync("npx", ["prisma", ...args], { stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
if (/^postgres(ql)?:\/\//.test(url)) {
  run(["migrate", "reset", "--force", "--skip-generate", "--skip-seed"]);
} else {
  const file = url.replace(/^file:/, "");
  for (const suffix of ["", "-journal", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
  mkdirSync(dirname(file), { recursive: true });
  run(["migrate", "deploy"]);
}
