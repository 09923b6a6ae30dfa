import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig } from "@playwright/test";

// The dashboard in Debian's Chromium against the real API and dashboard, started the way a user
// starts them (`npm start`), on their own ports and a fresh embedded database.
export const API_PORT = 4310;
export const DASHBOARD_PORT = 3310;
export const API_URL = `http://127.0.0.1:${API_PORT}/graphql`;

export default defineConfig({
  testDir: "./browser",
  outputDir: "./test-results/artifacts",
  reporter: [["list"], ["json", { outputFile: "test-results/results.json" }]],
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://127.0.0.1:${DASHBOARD_PORT}`,
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    command: "node ../scripts/start.mjs",
    url: `http://127.0.0.1:${DASHBOARD_PORT}/`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      API_PORT: String(API_PORT),
      DASHBOARD_PORT: String(DASHBOARD_PORT),
      DATA_DIR: join(mkdtempSync(join(tmpdir(), "dealgraph-browser-")), "pglite"),
      LOG_LEVEL: "warn",
    },
  },
});
