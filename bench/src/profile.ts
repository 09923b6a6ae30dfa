// `npm run profile -w @dealgraph/bench -- <scenario> [--plain] [--scale 1] [--seconds 10] [--connections 10]`
// Runs one read scenario against the API (or, with --plain, the plain server) under --cpu-prof on
// an existing bench corpus, then prints how the machine's cores were shared during the run and
// where the server's time went: self time by package and by function. The .cpuprofile stays on
// disk for Chrome's DevTools.
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { benchDatabaseName, serverUrl } from "./db.ts";
import { load } from "./measure.ts";
import { startChild } from "./processes.ts";
import { buildScenarios, findScenarioData } from "./scenarios.ts";

/** CPU time (user and system, in clock ticks) of every process on the machine, from /proc. */
function cpuByProcess(): Map<number, { name: string; user: number; system: number }> {
  const processes = new Map<number, { name: string; user: number; system: number }>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const name = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      processes.set(Number(entry), { name, user: Number(fields[11]), system: Number(fields[12]) });
    } catch {
      // gone meanwhile
    }
  }
  return processes;
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    scale: { type: "string", default: "1" },
    seconds: { type: "string", default: "10" },
    connections: { type: "string", default: "10" },
    top: { type: "string", default: "25" },
    plain: { type: "boolean", default: false },
  },
});
const name = positionals[0];
if (!name) throw new Error("Name a scenario: npm run profile -w @dealgraph/bench -- entity.typical");

const url = serverUrl(benchDatabaseName(Number(values.scale)));
const pool = new pg.Pool({ connectionString: url, max: 2 });
const scenario = buildScenarios(await findScenarioData(pool)).find((s) => s.name === name);
await pool.end();
if (!scenario || scenario.nextVariables || scenario.authenticated)
  throw new Error(`${name}: not a read scenario of the benchmark (bench/src/scenarios.ts)`);
if (values.plain && !scenario.op) throw new Error(`${name}: the plain server has no operation for it`);

const folder = mkdtempSync(join(tmpdir(), "dealgraph-profile-"));
const server = await startChild(
  values.plain ? "plain" : "api",
  values.plain ? "./baseline-main.ts" : "./api-main.ts",
  { BENCH_DATABASE_URL: url },
  ["--cpu-prof", `--cpu-prof-dir=${folder}`],
);
const target = values.plain ? `${server.url}/op/${scenario.op}` : server.url;
const body = () =>
  values.plain
    ? { variables: scenario.opVariables ?? scenario.variables }
    : { query: scenario.query, variables: scenario.variables };
// A short warm-up, so that the profile shows the steady state rather than compilation.
await load({ url: target, body, connections: Number(values.connections), durationSeconds: 2 });
const cpuBefore = cpuByProcess();
const result = await load({
  url: target,
  body,
  connections: Number(values.connections),
  durationSeconds: Number(values.seconds),
});
const cpuAfter = cpuByProcess();
await server.stop();
const requests = result.requests;

const file = readdirSync(folder).find((f) => f.endsWith(".cpuprofile"));
if (!file) throw new Error(`no profile written to ${folder}`);
const profile = JSON.parse(readFileSync(join(folder, file), "utf8")) as CpuProfile;

// Self time per node: each sample's time delta goes to the node sampled. Only the measured run
// counts: the last seconds of the profile (it ends when the server stops, right after the load),
// not the start-up and warm-up before it.
const selfUs = new Map<number, number>();
const from = profile.endTime - (Number(values.seconds) + 0.5) * 1e6;
let at = profile.startTime;
profile.samples.forEach((id, i) => {
  const delta = profile.timeDeltas[i] ?? 0;
  at += delta;
  if (at >= from) selfUs.set(id, (selfUs.get(id) ?? 0) + delta);
});
const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
const packageOf = (frame: ProfileNode["callFrame"]) => {
  if (!frame.url) return frame.functionName || "(native)";
  if (frame.url.startsWith("node:")) return "node";
  const module = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(frame.url);
  if (module) return module[1] ?? "?";
  const workspace = /\/(apps\/[^/]+|prisma|bench|packages\/[^/]+)\//.exec(frame.url);
  return workspace?.[1] ?? frame.url;
};
const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
const idle = [...selfUs].filter(([id]) => byNode.get(id)?.callFrame.functionName === "(idle)");
const idleUs = idle.reduce((a, [, us]) => a + us, 0);
const busy = total - idleUs;
const sum = (key: (frame: ProfileNode["callFrame"]) => string) => {
  const totals = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const frame = byNode.get(id)?.callFrame;
    if (!frame || frame.functionName === "(idle)") continue;
    totals.set(key(frame), (totals.get(key(frame)) ?? 0) + us);
  }
  return [...totals].sort((a, b) => b[1] - a[1]).slice(0, Number(values.top));
};
const line = ([label, us]: [string, number]) =>
  `  ${((us / busy) * 100).toFixed(1).padStart(5)} %  ${(us / requests).toFixed(1).padStart(7)} µs/req  ${label}`;

console.log(
  `${name}: ${result.requests} requests in ${values.seconds} s at c=${values.connections} ` +
    `(${Math.round(result.rps)} req/s, p95 ${result.latency.p95.toFixed(1)} ms, ${result.statements} statements)`,
);
console.log(
  `${server.name} thread: ${(busy / 10_000 / (Number(values.seconds) + 0.5)).toFixed(0)} % of a core, ` +
    `${(busy / requests).toFixed(0)} µs per request`,
);
// Who used the machine's cores during the measured run (100 ticks a second).
const groups = new Map<string, number>();
const perRequest = (ticks: number) => `${((ticks * 10_000) / result.requests).toFixed(0)} µs/req`;
let serverUser = 0;
let serverSystem = 0;
for (const [pid, after] of cpuAfter) {
  const before = cpuBefore.get(pid);
  const ticks = after.user + after.system - (before ? before.user + before.system : 0);
  if (pid === server.pid) {
    serverUser = after.user - (before?.user ?? 0);
    serverSystem = after.system - (before?.system ?? 0);
  }
  const group =
    pid === server.pid
      ? server.name
      : pid === process.pid
        ? "load generator"
        : after.name.startsWith("postgres")
          ? "PostgreSQL"
          : "other";
  groups.set(group, (groups.get(group) ?? 0) + ticks);
}
const seconds = Number(values.seconds);
console.log(
  `CPU during the run (${availableParallelism()} cores): ` +
    [...groups]
      .sort((a, b) => b[1] - a[1])
      .map(([group, ticks]) => `${group} ${(ticks / seconds).toFixed(0)} % (${perRequest(ticks)})`)
      .join(", "),
);
console.log(`${server.name}: user ${perRequest(serverUser)}, system ${perRequest(serverSystem)}`);
console.log(
  "\nself time by package (wall-clock samples of the server's thread: time off the CPU inside a call counts too):",
);
sum(packageOf).forEach((entry) => console.log(line(entry)));
console.log("\nself time by function:");
sum((f) => `${f.functionName || "(anonymous)"} ${f.url.replace(/^.*node_modules\//, "")}:${f.lineNumber + 1}`).forEach(
  (entry) => console.log(line(entry)),
);
console.log(`\nprofile: ${join(folder, file)}`);
