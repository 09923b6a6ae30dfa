// Soak: the API at half its measured capacity for a long stretch, watching its memory.
//
//   npm run bench:soak -- [--minutes 10] [--deals 5000]
//
// A database of its own (dealgraph_bench_soak: migrated, seeded, plus synthetic imported deals),
// the real API in a child process, and the dashboard's read mix: the overview's aggregates, a
// deal list page, an entity page and search. Capacity is measured first (unthrottled, c=10), then
// the soak runs at half that rate. Memory growth compares the API's live heap after a full
// collection in the second minute (after warm-up) with the last minute; the resident set is
// reported beside it (it also holds freed memory V8 has not returned, so it swings with load).
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import pg from "pg";
import { migratePostgres, openDatabase } from "@dealgraph/db";
import { seed } from "@dealgraph/db/seed";
import { importDeals } from "../../apps/api/src/import/import.service.ts";
import { syntheticAcquisitionsCsv } from "../../apps/api/src/import/import.generator.ts";
import { TaxonomyCatalog } from "../../apps/api/src/taxonomy/taxonomy.catalog.ts";
import { BENCH_PREFIX, recreateDatabase, serverUrl } from "./db.ts";
import { summarize } from "./measure.ts";
import { startChild } from "./processes.ts";

const { values } = parseArgs({
  options: {
    minutes: { type: "string", default: "10" },
    deals: { type: "string", default: "5000" },
    connections: { type: "string", default: "10" },
  },
});
const minutes = Number(values.minutes);
const dealCount = Number(values.deals);
const connections = Number(values.connections);
if (!(minutes >= 2)) throw new Error("--minutes must be at least 2 (the first minute is warm-up)");

const DATABASE = `${BENCH_PREFIX}_soak`;
const signed = (n: number) => `${n >= 0 ? "+" : ""}${n.toFixed(1)}`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const loadAverage = () => Number(readFileSync("/proc/loadavg", "utf8").split(" ")[0]);

async function prepare(url: string) {
  await recreateDatabase(DATABASE);
  await migratePostgres(url);
  const db = await openDatabase({ url });
  try {
    await seed(db.prisma);
    const catalog = await TaxonomyCatalog.load(db.prisma);
    const summary = await importDeals(
      { prisma: db.prisma, catalog, viewer: { actor: "system:soak" } },
      syntheticAcquisitionsCsv(dealCount, 7),
    );
    console.log(`prepared ${DATABASE}: ${summary.imported} imported deals, ${summary.companiesCreated} companies`);
  } finally {
    await db.close();
  }
}

/** The dashboard's reads, each a request autocannon cycles through. */
async function workload(url: string) {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  const [busiest] = (
    await pool.query<{ id: string }>(
      `SELECT entity_id AS id FROM deal_participant GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`,
    )
  ).rows;
  await pool.end();
  const entityId = Buffer.from(`Entity:${busiest?.id}`).toString("base64url");
  const bucket = "key label count totalAmountUsd";
  const bodies = [
    { query: `{ dealSummary { deals companies regions sectors totalAmountUsd } }` },
    { query: `{ dealStats(groupBy: REGION, regionLevel: CONTINENT) { ${bucket} } }` },
    { query: `{ dealStats(groupBy: SECTOR) { ${bucket} } }` },
    { query: `{ dealStats(groupBy: MONTH, filter: { from: "2015" }) { ${bucket} } }` },
    { query: `{ dealMatrix(regionLevel: SUB_REGION) { cells { regionKey sectorKey count } } }` },
    {
      query: `{ deals(first: 25, filter: { regionCode: "150", types: [ACQUISITION] }) {
        totalCount nodes { id title status participants { role entity { id name } } regions { code } } } }`,
    },
    {
      query: `query($id: ID!) { entity(id: $id) { id name aliases { name }
        deals(first: 10) { nodes { id title partners: participants { entity { name } } } } } }`,
      variables: { id: entityId },
    },
    { query: `{ search(query: "logistics", first: 10) { score node { __typename } } }` },
  ];
  return bodies.map((body) => ({ method: "POST" as const, body: JSON.stringify(body) }));
}

function run(options: autocannon.Options, onLatency?: (ms: number) => void) {
  return new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
    if (onLatency) instance.on("response", (_c: unknown, _s: number, _b: number, ms: number) => onLatency(ms));
  });
}

const url = serverUrl(DATABASE);
console.log(`soak: ${minutes} min, ${dealCount} deals, load average ${loadAverage()}`);
await prepare(url);
const api = await startChild("api", "./api-main.ts", { BENCH_DATABASE_URL: url }, ["--expose-gc"]);
try {
  const requests = await workload(url);
  const base = {
    url: api.url,
    method: "POST" as const,
    headers: { "content-type": "application/json" },
    requests,
  };
  // Warm-up, then capacity: unthrottled at fixed concurrency.
  await run({ ...base, connections, duration: 10 });
  const capacity = await run({ ...base, connections, duration: 20 });
  const capacityRps = capacity.requests.average;
  const rate = Math.max(1, Math.floor(capacityRps / 2));
  console.log(`capacity ${capacityRps.toFixed(0)} req/s (c=${connections}); soaking at ${rate} req/s`);

  const samples: { second: number; rss: number; heapUsed: number; load: number }[] = [];
  const started = Date.now();
  const sampler = setInterval(() => {
    void api.heapAfterGc().then(
      ({ heapUsed, rss }) =>
        samples.push({ second: Math.round((Date.now() - started) / 1000), rss, heapUsed, load: loadAverage() }),
      () => {},
    );
  }, 10_000);
  const latencies: number[] = [];
  const soak = await run(
    { ...base, connections, overallRate: rate, duration: minutes * 60 },
    (ms) => latencies.length < 2_000_000 && latencies.push(ms),
  );
  clearInterval(sampler);

  // Medians over a minute: after warm-up (the second minute) and the last minute.
  const window = (field: "rss" | "heapUsed", from: number, to: number) => {
    const values = samples
      .filter((s) => s.second >= from && s.second < to)
      .map((s) => s[field])
      .sort((a, b) => a - b);
    return values[Math.floor(values.length / 2)] ?? NaN;
  };
  const last = [minutes * 60 - 60, minutes * 60 + 30] as const;
  const warm = window("heapUsed", 60, 120);
  const end = window("heapUsed", ...last);
  const growth = ((end - warm) / warm) * 100;
  const rssWarm = window("rss", 60, 120);
  const rssEnd = window("rss", ...last);
  const rssGrowth = ((rssEnd - rssWarm) / rssWarm) * 100;
  const latency = summarize(latencies);
  const errors = soak.errors + soak.timeouts + soak.non2xx;
  const report = {
    at: new Date().toISOString(),
    minutes,
    deals: dealCount,
    connections,
    capacityRps: Math.round(capacityRps),
    rate,
    achievedRps: Math.round(soak.requests.average),
    requests: soak.requests.total,
    errors,
    errorKinds: {
      connection: soak.errors,
      timeouts: soak.timeouts,
      non2xx: soak.non2xx,
      statusCodes: soak.statusCodeStats,
    },
    latencyMs: latency,
    heapAfterGc: { afterWarmUp: warm, atEnd: end, growthPercent: Number(growth.toFixed(1)) },
    rss: { afterWarmUp: rssWarm, atEnd: rssEnd, peak: api.memory().peak, growthPercent: Number(rssGrowth.toFixed(1)) },
    loadAverage: { min: Math.min(...samples.map((s) => s.load)), max: Math.max(...samples.map((s) => s.load)) },
    samples,
  };
  const lines = [
    `capacity ${report.capacityRps} req/s; soak at ${rate} req/s for ${minutes} min: ${report.requests} requests, ${errors} errors`,
    `latency p50 ${latency.p50.toFixed(1)} ms, p95 ${latency.p95.toFixed(1)} ms, p99 ${latency.p99.toFixed(1)} ms`,
    `live heap after GC: ${mb(warm)} after warm-up, ${mb(end)} at the end (${signed(growth)} %)`,
    `RSS: ${mb(rssWarm)} after warm-up, ${mb(rssEnd)} at the end (${signed(rssGrowth)} %), peak ${mb(report.rss.peak)}`,
    `load average ${report.loadAverage.min}–${report.loadAverage.max}`,
  ];
  console.log(lines.join("\n"));
  const dir = new URL("../results/", import.meta.url);
  mkdirSync(dir, { recursive: true });
  writeFileSync(new URL("soak.json", dir), `${JSON.stringify(report, null, 2)}\n`);
  if (errors > 0 || growth >= 10) {
    console.error(`soak FAILED: ${errors} errors, live heap growth ${growth.toFixed(1)} % (limit 10 %)`);
    process.exitCode = 1;
  }
} finally {
  await api.stop();
}
