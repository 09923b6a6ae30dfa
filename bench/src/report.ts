import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type pg from "pg";
import type { GenerateReport } from "./generate.ts";
import type { Latency, LoadResult } from "./measure.ts";

export interface ScenarioResult {
  name: string;
  group: string;
  unavailable?: string;
  /** SQL statements the API sent for one request (x-sql-statements). */
  statements: number | null;
  /** Whether the API's answer equals the plain server's (null: not compared). */
  agrees: boolean | null;
  disagreement?: string;
  api?: LoadResult;
  plain?: LoadResult;
  apiSerial?: Latency;
  plainSerial?: Latency;
  raw?: Latency;
  targetP95Ms?: number;
  /** 1-minute load average before and after the scenario (the machine is shared). */
  loadAverage?: [number, number];
}

export interface Machine {
  /** The commit measured, and whether the API or database package had uncommitted changes. */
  revision: string;
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  postgres: string;
  postgresSettings: Record<string, string>;
}

export interface BenchReport {
  scale: number;
  startedAt: string;
  options: { connections: number; durationSeconds: number; repeats: number; serialRuns: number; rollupCache?: boolean };
  machine: Machine;
  corpus: GenerateReport;
  memory: { before: { rss: number; peak: number }; after: { rss: number; peak: number } };
  scenarios: ScenarioResult[];
}

function revision(): string {
  try {
    const root = fileURLToPath(new URL("../../", import.meta.url));
    const head = execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root, encoding: "utf8" }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain", "apps/api", "prisma"], { cwd: root, encoding: "utf8" });
    return dirty.trim() ? `${head} + uncommitted changes in apps/api or prisma` : head;
  } catch {
    return "unknown";
  }
}

export async function describeMachine(pool: pg.Pool): Promise<Machine> {
  const cpuinfo = readFileSync("/proc/cpuinfo", "utf8");
  const version = await pool.query<{ version: string }>(`SELECT version()`);
  const settings = await pool.query<{ name: string; setting: string; unit: string | null }>(
    `SELECT name, setting, unit FROM pg_settings
     WHERE name IN ('shared_buffers', 'work_mem', 'effective_cache_size', 'jit', 'max_parallel_workers_per_gather', 'random_page_cost')`,
  );
  return {
    revision: revision(),
    cpus: os.availableParallelism(),
    cpuModel: /^model name\s*:\s*(.*)$/m.exec(cpuinfo)?.[1] ?? os.cpus()[0]?.model ?? "unknown",
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    postgres: version.rows[0]?.version.split(" on ")[0] ?? "unknown",
    postgresSettings: Object.fromEntries(
      settings.rows.map((s) => [s.name, `${s.setting}${s.unit ? ` ${s.unit}` : ""}`]),
    ),
  };
}

const ms = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? "–" : n < 10 ? n.toFixed(2) : n.toFixed(1));
const rps = (n: number | undefined) => (n === undefined ? "–" : n.toFixed(0));
const ratio = (a: number | undefined, b: number | undefined) => (a === undefined || !b ? "–" : (a / b).toFixed(2));
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;

const HEADER = [
  "scenario",
  "stmts",
  "API req/s",
  "p50",
  "p95",
  "p99",
  "errors",
  "plain req/s",
  "plain p95",
  "API/plain req/s",
  "API c=1 p50",
  "plain c=1 p50",
  "raw SQL p50",
  "raw SQL p95",
  "API − raw p50",
  "target p95",
  "load 1m",
] as const;

function row(r: ScenarioResult): string[] {
  if (r.unavailable) return [r.name, r.unavailable, ...HEADER.slice(2).map(() => "")];
  const errors = r.api ? r.api.errors + r.api.non2xx + r.api.graphqlErrors : 0;
  const target =
    r.targetP95Ms === undefined
      ? ""
      : `${r.targetP95Ms} ${r.api && r.api.latency.p95 <= r.targetP95Ms ? "met" : "NOT met"}`;
  return [
    r.agrees === false ? `${r.name} (answers differ!)` : r.name,
    r.statements === null ? "–" : String(r.statements),
    rps(r.api?.rps),
    ms(r.api?.latency.p50),
    ms(r.api?.latency.p95),
    ms(r.api?.latency.p99),
    String(errors),
    rps(r.plain?.rps),
    ms(r.plain?.latency.p95),
    ratio(r.api?.rps, r.plain?.rps),
    ms(r.apiSerial?.p50),
    ms(r.plainSerial?.p50),
    ms(r.raw?.p50),
    ms(r.raw?.p95),
    r.apiSerial && r.raw ? ms(r.apiSerial.p50 - r.raw.p50) : "–",
    target,
    r.loadAverage ? r.loadAverage.map((x) => x.toFixed(1)).join("→") : "",
  ];
}

export function consoleTable(results: ScenarioResult[]): string {
  const rows = [HEADER.map(String), ...results.map(row)];
  const widths = HEADER.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length)));
  return rows
    .map((r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join("  "))
    .join("\n");
}

export function markdownTable(results: ScenarioResult[]): string {
  const lines = [`| ${HEADER.join(" | ")} |`, `| ${HEADER.map((_, i) => (i === 0 ? "---" : "---:")).join(" | ")} |`];
  for (const r of results) lines.push(`| ${row(r).join(" | ")} |`);
  return lines.join("\n");
}

export function corpusTable(corpus: GenerateReport): string {
  const lines = ["| table | rows | load s | keys + indexes s |", "| --- | ---: | ---: | ---: |"];
  for (const t of corpus.tables) {
    lines.push(
      `| ${t.table} | ${t.rows.toLocaleString("en")} | ${t.loadSeconds.toFixed(1)} | ${t.indexSeconds.toFixed(1)} |`,
    );
  }
  return lines.join("\n");
}

/** Written as Prettier would write them (the repository's lint checks every file). */
async function writeFormatted(file: string, text: string): Promise<void> {
  try {
    const prettier = await import("prettier");
    const config = (await prettier.resolveConfig(file)) ?? {};
    writeFileSync(file, await prettier.format(text, { ...config, filepath: file }));
  } catch {
    writeFileSync(file, text);
  }
}

/** The results' file name: the scale, and ".cold" for a run with the API's rollup answer cache off. */
export const reportName = (report: Pick<BenchReport, "scale" | "options">) =>
  `${report.scale}${report.options.rollupCache === false ? ".cold" : ""}`;

export async function writeReport(report: BenchReport): Promise<{ json: string; markdown: string }> {
  const dir = fileURLToPath(new URL("../results/", import.meta.url));
  mkdirSync(dir, { recursive: true });
  const json = `${dir}${reportName(report)}.json`;
  const markdown = `${dir}${reportName(report)}.md`;
  await writeFormatted(json, `${JSON.stringify(report, null, 2)}\n`);
  const c = report.corpus;
  await writeFormatted(
    markdown,
    [
      `# Benchmark at scale ${report.scale} (${report.startedAt})`,
      "",
      `API revision: ${report.machine.revision}.`,
      `Machine: ${report.machine.cpus} CPUs (${report.machine.cpuModel}), ${report.machine.memoryGiB} GiB, Node ${report.machine.node}, ${report.machine.postgres}.`,
      `Load: autocannon, ${report.options.connections} connections, ${report.options.repeats} × ${report.options.durationSeconds} s, medians; c=1 and raw SQL: up to ${report.options.serialRuns} sequential runs.`,
      `API rollup answer cache: ${report.options.rollupCache === false ? "off (every aggregate computed on every request)" : "on (answers kept against the rollups' version)"}.`,
      `API RSS: ${mb(report.memory.before.rss)} before, ${mb(report.memory.after.rss)} after (peak ${mb(report.memory.after.peak)}).`,
      c.skipped
        ? `Corpus: reused ${c.database} (${mb(c.sizeBytes)}).`
        : `Corpus: ${c.database}, ${mb(c.sizeBytes)}, generated in ${c.totalSeconds.toFixed(0)} s (VACUUM ANALYZE ${c.vacuumSeconds.toFixed(0)} s).`,
      "",
      markdownTable(report.scenarios),
      "",
      corpusTable(c),
      "",
    ].join("\n"),
  );
  return { json, markdown };
}

export { mb };
