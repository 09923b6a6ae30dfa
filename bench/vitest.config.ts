import { defineConfig } from "vitest/config";

// The benchmark's own guard (statements per request and answers equal to the plain server's) on a
// tiny corpus in PostgreSQL. Run with `npm test -w @dealgraph/bench`.
export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
