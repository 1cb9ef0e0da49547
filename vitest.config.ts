import { configDefaults, defineConfig } from "vitest/config";

// Two projects (`vitest run` runs both; `npm run test:unit` only the first):
// - unit: no database, no network, no global setup. Pure logic and rendering, plus the match
//   CLI (a child process on files, no database).
// - integration: everything else under test/, SQLite/PostgreSQL migrated once by the global
//   setup, local HTTP/WebSocket fakes on 127.0.0.1.
// A test file is in exactly one project: integration takes every test/**/*.test.ts that unit
// does not list, so a new file nobody classified runs with the databases, never not at all.
// A file moved to unit must not import test/support/db.ts (inject("sqliteTemplate")), the
// store, or the fakes, directly or through test/e2e/support.ts.
const ALL_TESTS = "test/**/*.test.ts";
const UNIT_TESTS = [
  "test/core/**/*.test.ts",
  "test/matching/**/*.test.ts",
  "test/unit/config.test.ts",
  "test/unit/i18n.test.ts",
  "test/unit/layers.test.ts",
  "test/unit/logger.test.ts",
  "test/unit/slack-render.test.ts",
  "test/unit/slack-home-render.test.ts",
  "test/unit/text-command.test.ts",
  "test/pictures/**/*.test.ts",
];

export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: UNIT_TESTS,
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: [ALL_TESTS],
          exclude: [...configDefaults.exclude, ...UNIT_TESTS],
          globalSetup: ["test/support/global-setup.ts"],
          setupFiles: ["test/support/fast-check-seed.ts"],
          testTimeout: 20_000,
          hookTimeout: 30_000,
        },
      },
    ],
  },
});
