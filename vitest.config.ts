import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// type-graphql has to be inlined (its decorators read metadata Vitest would otherwise not see),
// and inlined code would load graphql's ESM build while Apollo loads the CommonJS one: two
// "realms". Pointing every inlined import of graphql at the CommonJS entry keeps one instance.
const graphqlEntry = createRequire(import.meta.url).resolve("graphql");

// One Vitest run covers every package's unit and integration tests. The database kind comes from
// TEST_DB (pglite | postgres); `npm test` runs the suite once per kind (scripts/test.mjs).
export default defineConfig({
  resolve: {
    alias: [
      { find: /^graphql$/, replacement: graphqlEntry },
      // The dashboard's own import alias, for its unit tests.
      { find: /^@\//, replacement: fileURLToPath(new URL("./apps/dashboard/src/", import.meta.url)) },
    ],
  },
  test: {
    include: [
      "prisma/src/**/*.test.ts",
      "apps/api/src/**/*.test.ts",
      "packages/*/src/**/*.test.ts",
      "apps/dashboard/src/**/*.test.ts",
      "tests/api/**/*.test.ts",
      // The benchmark's guard on a tiny corpus: statements per request and answers equal to the
      // plain server's (PostgreSQL only; it skips itself in the PGlite run).
      "bench/src/**/*.test.ts",
    ],
    globalSetup: ["./tests/support/database-setup.ts"],
    setupFiles: ["reflect-metadata"],
    // Two cores: two workers, each with its own cloned database.
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 120_000,
    hookTimeout: 240_000,
    server: { deps: { inline: ["type-graphql", "graphql-scalars"] } },
  },
});
