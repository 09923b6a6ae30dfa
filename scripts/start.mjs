#!/usr/bin/env node
// `npm start`: the API and the dashboard together, on the embedded database unless DATABASE_URL
// is set. Builds the dashboard first when its sources changed since the last build.
import { spawn, spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ensureInstalled } from "./bootstrap.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const apiPort = Number(process.env.API_PORT ?? 4000);
const dashboardPort = Number(process.env.DASHBOARD_PORT ?? 3000);
const host = process.env.HOST ?? "127.0.0.1";
const apiUrl = `http://${host}:${apiPort}`;
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", TURBO_TELEMETRY_DISABLED: "1" };
const children = [];

function log(message) {
  console.log(`[dealgraph] ${message}`);
}

function sourceHash(dir) {
  const hash = createHash("sha256");
  const walk = (path) => {
    for (const name of readdirSync(path).sort()) {
      if (name === "node_modules" || name === ".next" || name.startsWith(".turbo")) continue;
      const full = join(path, name);
      if (statSync(full).isDirectory()) walk(full);
      else hash.update(full).update(readFileSync(full));
    }
  };
  walk(dir);
  hash.update(readFileSync(join(root, "packages/schema/schema.graphql")));
  return hash.digest("hex");
}

function buildDashboardIfStale() {
  const dir = join(root, "apps/dashboard");
  const stamp = join(dir, ".next/dealgraph-source-hash");
  const hash = sourceHash(dir);
  if (existsSync(join(dir, ".next/BUILD_ID")) && existsSync(stamp) && readFileSync(stamp, "utf8") === hash) return;
  log("building the dashboard (first start or changed sources; about a minute)…");
  const result = spawnSync("npx", ["next", "build"], { cwd: dir, env, stdio: "inherit" });
  if (result.status !== 0) {
    log("the dashboard build failed; see above.");
    process.exit(1);
  }
  writeFileSync(stamp, hash);
}

function run(name, command, args, options) {
  // Servers run as direct children (node itself, no npx or tsx wrapper in between), so a signal
  // to the child reaches the server, and a signal to this process group (Ctrl+C, a test runner
  // stopping its web server) reaches them all.
  const child = spawn(command, args, {
    ...options,
    env: { ...env, ...options.env },
    stdio: ["ignore", "inherit", "inherit"],
  });
  child.on("exit", (code, signal) => {
    if (stopping) return;
    log(`${name} stopped (${signal ?? `exit ${code}`}); stopping everything.`);
    stop(code ?? 1);
  });
  children.push(child);
  return child;
}

async function waitFor(url, what, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`${what} did not answer at ${url} within ${timeoutMs / 1000} s`);
}

/** Signals a child; quiet when it is already gone. */
function signal(child, name) {
  if (child.exitCode === null && child.signalCode === null) child.kill(name);
}

let stopping = false;
function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const child of children) signal(child, "SIGTERM");
  // A server that has not finished within 10 s is stopped hard.
  setTimeout(() => children.forEach((child) => signal(child, "SIGKILL")), 10_000).unref();
  Promise.all(
    children.map(
      (child) => new Promise((resolve) => (child.exitCode !== null ? resolve() : child.on("exit", resolve))),
    ),
  ).then(() => process.exit(code));
}
process.on("SIGINT", () => stop(0));
process.on("SIGTERM", () => stop(0));
process.on("SIGHUP", () => stop(0));
// However this process ends, its servers end with it.
process.on("exit", () => children.forEach((child) => signal(child, "SIGTERM")));

/**
 * The dashboard calls the API server-side with a key of its own, made fresh at each start (the
 * previous one is revoked). It never reaches the browser. Every visitor of the dashboard spends
 * that one key's rate budget, so it gets twenty times the budget of any other caller ("20x" of
 * the API's RATE_LIMIT_POINTS_PER_MINUTE or its default).
 */
function createDashboardKey() {
  const result = spawnSync(
    "npx",
    [
      "tsx",
      "src/cli/keys.ts",
      "create",
      "--user",
      "dashboard",
      "--role",
      "ANALYST",
      "--name",
      "dashboard (npm start)",
      "--rate-points",
      "20x",
      "--revoke-previous",
      "--quiet",
    ],
    { cwd: join(root, "apps/api"), env, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
  );
  const key = result.stdout.trim().split("\n").at(-1) ?? "";
  if (result.status !== 0 || !key.startsWith("dg_")) {
    log("could not create the dashboard's API key; see above.");
    process.exit(1);
  }
  return key;
}

ensureInstalled();
buildDashboardIfStale();
const dashboardKey = createDashboardKey();
log(
  process.env.DATABASE_URL
    ? "starting the API on PostgreSQL…"
    : `starting the API on the embedded database (${process.env.DATA_DIR ?? "./data/pglite"})…`,
);
run("API", process.execPath, ["--import", "tsx", "src/main.ts"], {
  cwd: join(root, "apps/api"),
  // graphql-js checks every type test for a second copy of itself unless NODE_ENV is production
  // (3 % of the API's CPU on large answers); nothing else here reads NODE_ENV.
  env: { PORT: String(apiPort), HOST: host, NODE_ENV: process.env.NODE_ENV ?? "production" },
});
await waitFor(`${apiUrl}/readyz`, "The API", 120_000);
const nextBin = createRequire(join(root, "apps/dashboard/package.json")).resolve("next/dist/bin/next");
run("dashboard", process.execPath, [nextBin, "start", "-p", String(dashboardPort), "-H", host], {
  cwd: join(root, "apps/dashboard"),
  env: { API_URL: `${apiUrl}/graphql`, API_KEY: dashboardKey },
});
await waitFor(`http://${host}:${dashboardPort}/`, "The dashboard", 60_000).catch((error) => log(String(error)));
log(`API and GraphQL playground: ${apiUrl}/graphql`);
log(`Dashboard:                  http://${host}:${dashboardPort}/`);
log("Press Ctrl+C to stop both.");
