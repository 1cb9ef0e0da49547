import type { Db } from "../../src/store/db.js";

// Every row of one community, read straight from the tables (not through the repositories under
// test), so a test can say "nothing of this community changed".

/** Tables of the platforms' installations and received requests: kept before any community row exists, and for none of them. */
const OUTSIDE_COMMUNITIES = new Set(["SlackInstallation", "SlackOrgWorkspace", "ReceivedRequest"]);

/** The tables and how a community's rows are found in each (by its id, by communityId, or by its members). */
async function tablesOf(db: Db, postgres: boolean): Promise<{ name: string; columns: string[] }[]> {
  const rows = postgres
    ? await db.$queryRawUnsafe<{ table_name: string; column_name: string }[]>(
      "SELECT table_name::text AS table_name, column_name::text AS column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name NOT LIKE '\\_prisma%'")
    : await db.$queryRawUnsafe<{ table_name: string; column_name: string }[]>(
      "SELECT m.name AS table_name, p.name AS column_name FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table' AND m.name NOT LIKE '\\_prisma%' ESCAPE '\\' AND m.name NOT LIKE 'sqlite%'");
  const tables = new Map<string, string[]>();
  for (const row of rows) tables.set(row.table_name, [...(tables.get(row.table_name) ?? []), row.column_name]);
  return [...tables].map(([name, columns]) => ({ name, columns }));
}

/** Every row of the community, table by table, without the columns that change on every call. */
export async function communityRows(db: Db, postgres: boolean, communityId: string): Promise<Record<string, unknown[]>> {
  const tables = await tablesOf(db, postgres);
  const param = (n: number) => (postgres ? `$${n}` : "?");
  const out: Record<string, unknown[]> = {};
  for (const { name, columns } of tables.sort((a, b) => a.name.localeCompare(b.name))) {
    if (OUTSIDE_COMMUNITIES.has(name)) continue;
    const where = name === "Community" ? `"id" = ${param(1)}`
      : columns.includes("communityId") ? `"communityId" = ${param(1)}`
        : columns.includes("memberId") ? `"memberId" IN (SELECT "id" FROM "Member" WHERE "communityId" = ${param(1)})`
          : undefined;
    if (!where) throw new Error(`the snapshot does not know how to find a community's rows in ${name}`);
    const rows = await db.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT * FROM "${name}" WHERE ${where}`, communityId);
    out[name] = rows
      .map((row) => Object.fromEntries(Object.entries(row).filter(([column]) => column !== "updatedAt")))
      .map((row) => JSON.stringify(row, (_k, v: unknown) => (typeof v === "bigint" ? String(v) : v)))
      .sort();
  }
  return out;
}

