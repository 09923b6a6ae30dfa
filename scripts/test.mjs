#!/usr/bin/env node
// `npm test`: every check and test of the repository, in order, with one summary at the end.
//   static checks  lint, format, typecheck, schema drift, migration drift
//   unit + integration (Vitest) on the embedded database (PGlite)
//   the same on PostgreSQL, when a server answers (required when CI=true or REQUIRE_POSTGRES=1)
//   browser tests (Playwright + Debian Chromium) against the API and the dashboard
// Flags: --skip-static, --skip-browser.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { ensureChromium, ensureInstalled } from "./bootstrap.mjs";

ensureInstalled();
const { default: pg } = await import("pg");

const root = fileURLToPath(new URL("..", import.meta.url));
const args = new Set(process.argv.slice(2));
const requirePostgres = process.env.CI === "true" || process.env.REQUIRE_POSTGRES === "1";
const postgresUrl = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const results = [];
let passed = 0;
let failed = 0;
let skipped = 0;

function step(name, command, commandArgs, env = {}) {
  console.log(`\n━━ ${name} ━━ ${command} ${commandArgs.join(" ")}`);
  const started = Date.now();
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  const ok = result.status === 0;
  results.push({ name, ok, seconds: Math.round((Date.now() - started) / 1000) });
  return ok;
}

// The second run only needs the tests that touch a database.
const DATABASE_TESTS = ["prisma/src", "apps/api/src", "tests/api", "bench/src"];

function vitest(kind, filters = []) {
  const report = `/tmp/dealgraph-vitest-${kind}-${process.pid}.json`;
  const ok = step(
    `tests on ${kind}`,
    "npx",
    ["vitest", "run", ...filters, "--reporter=default", "--reporter=json", `--outputFile.json=${report}`],
    { TEST_DB: kind },
  );
  try {
    const json = JSON.parse(readFileSync(report, "utf8"));
    passed += json.numPassedTests;
    failed += json.numFailedTests + (json.numFailedTestSuites ?? 0);
    skipped += json.numPendingTests + json.numTodoTests;
  } catch {
    failed += 1;
  }
  return ok;
}

async function postgresAnswers() {
  const client = new pg.Client({ connectionString: postgresUrl, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

if (!args.has("--skip-static")) {
  step("lint and format", "npm", ["run", "lint"]);
  step("typecheck", "npx", ["turbo", "run", "typecheck", "--continue", "--output-logs=errors-only"]);
  step("schema drift", "npm", ["run", "schema:check"]);
  step("migration drift", "npm", ["run", "db:migration:create", "--", "--check"]);
}

vitest("pglite");

if (await postgresAnswers()) {
  vitest("postgres", DATABASE_TESTS);
} else if (requirePostgres) {
  console.error(
    `\nPostgreSQL does not answer at ${postgresUrl}, and this run requires it (CI=true or REQUIRE_POSTGRES=1).`,
  );
  results.push({ name: "tests on postgres", ok: false, seconds: 0 });
  failed += 1;
} else {
  console.warn(
    `\n!! SKIPPED the PostgreSQL run: no server answers at ${postgresUrl}. The embedded database run above passed or failed on its own.`,
  );
  results.push({ name: "tests on postgres", ok: true, seconds: 0, note: "SKIPPED: no PostgreSQL server" });
}

if (!args.has("--skip-browser")) {
  if (!ensureChromium()) {
    results.push({ name: "browser tests", ok: false, seconds: 0, note: "no Chromium" });
    failed += 1;
  }
  const ok = step("browser tests", "npm", ["run", "test:browser", "-w", "@dealgraph/tests"]);
  try {
    const json = JSON.parse(readFileSync(`${root}tests/test-results/results.json`, "utf8"));
    passed += json.stats.expected;
    failed += json.stats.unexpected;
    skipped += json.stats.skipped;
  } catch {
    if (!ok) failed += 1;
  }
}

console.log("\n━━ summary ━━");
for (const r of results)
  console.log(`${r.ok ? "ok  " : "FAIL"}  ${r.name} (${r.seconds} s)${r.note ? ` — ${r.note}` : ""}`);
const allOk = results.every((r) => r.ok);
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(allOk && failed === 0 ? 0 : 1);
