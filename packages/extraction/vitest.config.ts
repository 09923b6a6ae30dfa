import { defineConfig } from "vitest/config";

// Lets `npx vitest run` work inside this package (the root config's paths are root-relative).
// The extraction tests need no database. Vite only reads a config's default export: the one
// default export in the package, as in the root vitest.config.ts.
export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    environment: "node",
    // one process per test file: the speed test measures its own process's CPU time
    pool: "forks",
    maxWorkers: 2,
  },
});
