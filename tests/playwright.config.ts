import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig } from "@playwright/test";

// The dashboard in Debian's Chromium against the real API and dashboard, started the way a user
// starts them (`npm start`), on their own ports and a fresh embedded database.
export const API_PORT = 4310;
export const DASHBOARD_PORT = 3310;
export const API_URL = `http://127.0.0.1:${API_PORT}/graphql`;

// One folder per run for the database and the tests' key. Workers load this file again and inherit the
// environment, so they find the same folder.
const RUN_DIR = (process.env.DEALGRAPH_BROWSER_RUN_DIR ??= mkdtempSync(join(tmpdir(), "dealgraph-browser-")));
/**
 * An ANALYST key for the tests' own writes through the API (deals that arrive on watchlists), made
 * before the servers start, as `npm start` makes the dashboard's. The dashboard's key stays unknown here.
 */
export const ANALYST_KEY_FILE = join(RUN_DIR, "analyst-key");

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
    command:
      `cd ../apps/api && npx tsx src/cli/keys.ts create --user browser-tests --role ANALYST --name "browser tests" ` +
      `--quiet > "${ANALYST_KEY_FILE}" && cd ../../tests && node ../scripts/start.mjs`,
    url: `http://127.0.0.1:${DASHBOARD_PORT}/`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      API_PORT: String(API_PORT),
      DASHBOARD_PORT: String(DASHBOARD_PORT),
      DATA_DIR: join(RUN_DIR, "pglite"),
      LOG_LEVEL: "warn",
      // The suite loads pages far faster than people do, all through the dashboard's one key: the
      // per-key cost budget (tested on its own in tests/api/security.test.ts) is off here, or the
      // run's speed would decide which test meets a 429.
      RATE_LIMIT_POINTS_PER_MINUTE: "0",
      // Webhooks to the tests' own receiver on loopback, retried quickly, given up after two attempts.
      WEBHOOK_ALLOWED_NETWORKS: "127.0.0.0/8,::1/128",
      WEBHOOK_MAX_ATTEMPTS: "2",
      WEBHOOK_RETRY_BASE_MS: "100",
      WEBHOOK_POLL_MS: "200",
    },
  },
});
