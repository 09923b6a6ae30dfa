import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Unit tests of the dashboard's pure helpers (no API, no browser); the browser tests live in /tests.
export default defineConfig({
  resolve: { alias: { "@": fileURLToPath(new URL("./src", import.meta.url)) } },
  test: { include: ["src/**/*.test.ts"] },
});
