// `npm run lighthouse [-- <dashboard URL> [<reports folder>]]`: Lighthouse (desktop preset and mobile) on the
// overview and the deal list of a running dashboard, with Debian Chromium. Writes the JSON reports to
// docs/lighthouse/ (or the folder given, relative to the repository) and prints the performance and
// accessibility scores against the targets. Exit code 1 when one is under target.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));
const outDir = join(root, process.argv[3] ?? "docs/lighthouse");
const baseUrl = (process.argv[2] ?? "http://127.0.0.1:3000").replace(/\/$/, "");
const chromePath = "/usr/bin/chromium";
const CHROME_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const TARGETS = { performance: 90, accessibility: 95 } as const;

const PAGES = [
  { name: "overview", path: "/" },
  { name: "deals", path: "/deals" },
] as const;
const PRESETS = ["desktop", "mobile"] as const;

type Report = { categories: Record<string, { score: number | null } | undefined> };

function score(report: Report, category: keyof typeof TARGETS): number | null {
  const value = report.categories[category]?.score;
  return value == null ? null : Math.round(value * 100);
}

mkdirSync(outDir, { recursive: true });
const rows: Array<{ page: string; preset: string; performance: number | null; accessibility: number | null }> = [];

for (const page of PAGES) {
  for (const preset of PRESETS) {
    const output = join(outDir, `${page.name}-${preset}.json`);
    const args = [
      "lighthouse",
      `${baseUrl}${page.path}`,
      `--chrome-path=${chromePath}`,
      `--chrome-flags=${CHROME_FLAGS.join(" ")}`,
      "--only-categories=performance,accessibility,best-practices,seo",
      "--output=json",
      `--output-path=${output}`,
      "--quiet",
      ...(preset === "desktop" ? ["--preset=desktop"] : []),
    ];
    console.log(`lighthouse: ${page.path} (${preset})…`);
    const result = spawnSync("npx", args, { cwd: fileURLToPath(new URL("..", import.meta.url)), stdio: "inherit" });
    if (result.status !== 0) {
      console.error(`lighthouse failed on ${page.path} (${preset}); is the dashboard running at ${baseUrl}?`);
      process.exit(1);
    }
    const report = JSON.parse(readFileSync(output, "utf8")) as Report;
    rows.push({
      page: page.path,
      preset,
      performance: score(report, "performance"),
      accessibility: score(report, "accessibility"),
    });
  }
}

const show = (value: number | null, target: number) =>
  value == null ? "n/a" : `${value}${value < target ? ` (under ${target})` : ""}`;
console.log(`\nLighthouse scores for ${baseUrl} (reports in ${outDir}):`);
console.table(
  rows.map((row) => ({
    page: row.page,
    preset: row.preset,
    performance: show(row.performance, TARGETS.performance),
    accessibility: show(row.accessibility, TARGETS.accessibility),
  })),
);
const under = rows.some(
  (row) =>
    row.performance == null ||
    row.accessibility == null ||
    row.performance < TARGETS.performance ||
    row.accessibility < TARGETS.accessibility,
);
process.exit(under ? 1 : 0);
