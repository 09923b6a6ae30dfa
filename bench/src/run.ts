import { createHash, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import pg from "pg";
import { canonical, difference } from "./compare.ts";
import { explainScenarios } from "./explain.ts";
import type { GenerateReport } from "./generate.ts";
import { load, medianOf, postJson, serial, type LoadResult } from "./measure.ts";
import { OPS } from "./ops.ts";
import { loadTaxonomy } from "./plain-sql.ts";
import { startChild, type ChildServer } from "./processes.ts";
import {
  consoleTable,
  describeMachine,
  mb,
  reportName,
  writeReport,
  type BenchReport,
  type ScenarioResult,
} from "./report.ts";
import { DEEP_PAGE_QUERY, buildScenarios, findScenarioData, type Scenario } from "./scenarios.ts";

export interface RunOptions {
  corpus: GenerateReport;
  only?: string[];
  connections: number;
  durationSeconds: number;
  repeats: number;
  serialRuns: number;
  /** The API's rollup answer cache on (its default) or off. */
  rollupCache: boolean;
}

const SERIAL_BUDGET_MS = 3_000;
const DEEP_PAGES = 50;
/** How many of the slowest scenarios get EXPLAIN ANALYZE in the results. */
const EXPLAINED = 6;

/** An API key with the ADMIN role, straight into the bench database, when the API has keys. */
async function benchApiKey(pool: pg.Pool): Promise<string | null> {
  const { rows } = await pool.query<{ t: string | null }>(`SELECT to_regclass('public.api_key')::text AS t`);
  if (!rows[0]?.t) return null;
  const prefix = `dg_${randomBytes(4).toString("hex")}`;
  const key = `${prefix}_${randomBytes(32).toString("base64url")}`;
  const user = await pool.query<{ id: string }>(
    `INSERT INTO app_user (name, role) VALUES ('bench', 'ADMIN')
     ON CONFLICT (name) DO UPDATE SET role = 'ADMIN', disabled_at = NULL RETURNING id`,
  );
  await pool.query(`INSERT INTO api_key (user_id, name, prefix, hash) VALUES ($1, 'benchmark', $2, $3)`, [
    user.rows[0]?.id,
    prefix,
    createHash("sha256").update(key).digest("hex"),
  ]);
  return key;
}

/** Follows `after` cursors through the API, as a user paging down the deal list would. */
async function deepCursor(apiUrl: string): Promise<string | undefined> {
  let after: string | undefined;
  for (let page = 0; page < DEEP_PAGES; page += 1) {
    const answer = await postJson(apiUrl, { query: DEEP_PAGE_QUERY, variables: { first: 20, after } });
    const info = (answer.body as { data?: { deals?: { pageInfo?: { endCursor?: string; hasNextPage?: boolean } } } })
      .data?.deals?.pageInfo;
    if (!info?.endCursor || !info.hasNextPage) break;
    after = info.endCursor;
  }
  return after;
}

/** The mutations the running API has: scenarios for mutations that have not landed yet are skipped. */
async function mutationNames(apiUrl: string): Promise<Set<string>> {
  const answer = await postJson(apiUrl, { query: `{ __type(name: "Mutation") { fields { name } } }` });
  const fields = (answer.body as { data?: { __type?: { fields?: { name: string }[] } } }).data?.__type?.fields ?? [];
  return new Set(fields.map((f) => f.name));
}

/** Waits (up to 60 s) until the API's /readyz answers 200. */
async function waitReady(graphqlUrl: string): Promise<void> {
  const url = graphqlUrl.replace(/\/graphql$/, "/readyz");
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

/** The 1-minute load average: the machine is shared, so every result carries it. */
function loadAverage(): number {
  return Number(readFileSync("/proc/loadavg", "utf8").split(" ")[0]);
}

export async function runBenchmark(options: RunOptions): Promise<BenchReport> {
  const { corpus } = options;
  const started = new Date().toISOString();
  const pool = new pg.Pool({ connectionString: corpus.url, max: 10 });
  pool.on("error", () => {});
  const children: ChildServer[] = [];
  try {
    const env = { BENCH_DATABASE_URL: corpus.url };
    const api = await startChild("api", "./api-main.ts", {
      ...env,
      ...(options.rollupCache ? {} : { ROLLUP_CACHE_ENTRIES: "0" }),
    });
    children.push(api);
    const plain = await startChild("plain", "./baseline-main.ts", env);
    children.push(plain);
    console.log(`api ${api.url} (pid ${api.pid}), plain ${plain.url} (pid ${plain.pid})`);

    const taxonomy = await loadTaxonomy(pool);
    const key = await benchApiKey(pool);
    const data = await findScenarioData(pool);
    data.deepCursor = await deepCursor(api.url);
    const mutations = await mutationNames(api.url);
    const scenarios = buildScenarios(data).filter(
      (s) => !options.only?.length || options.only.some((part) => s.name.includes(part)),
    );
    const memoryBefore = api.memory();
    console.log(`API RSS before: ${mb(memoryBefore.rss)}`);

    const results: ScenarioResult[] = [];
    for (const scenario of scenarios) {
      const missing = scenario.needsMutation && !mutations.has(scenario.needsMutation);
      if (scenario.unavailable || missing) {
        const note = scenario.unavailable ?? `not available: the API has no ${scenario.needsMutation} mutation yet`;
        console.log(`${scenario.name}: ${note}`);
        results.push({ name: scenario.name, group: scenario.group, unavailable: note, statements: null, agrees: null });
        continue;
      }
      const loadBefore = loadAverage();
      const result = await measureScenario(scenario, { ...options, pool, taxonomy, api, plain, key }).catch(
        (error: unknown): ScenarioResult => {
          const message = error instanceof Error ? error.message : String(error);
          console.warn(`  ! ${scenario.name} failed: ${message.slice(0, 300)}`);
          return {
            name: scenario.name,
            group: scenario.group,
            unavailable: `failed: ${message.slice(0, 200)}`,
            statements: null,
            agrees: null,
          };
        },
      );
      result.loadAverage = [loadBefore, loadAverage()];
      results.push(result);
      console.log(consoleTable([result]).split("\n")[1]);
    }
    const memoryAfter = api.memory();
    console.log(`API RSS after: ${mb(memoryAfter.rss)} (peak ${mb(memoryAfter.peak)})\n`);
    console.log(consoleTable(results));

    const report: BenchReport = {
      scale: corpus.scale,
      startedAt: started,
      options: {
        connections: options.connections,
        durationSeconds: options.durationSeconds,
        repeats: options.repeats,
        serialRuns: options.serialRuns,
        rollupCache: options.rollupCache,
      },
      machine: await describeMachine(pool),
      corpus,
      memory: { before: memoryBefore, after: memoryAfter },
      scenarios: results,
    };
    const files = await writeReport(report);
    const slowest = results
      .filter((r) => r.api && r.group !== "write" && r.group !== "ingest")
      .sort((a, b) => (b.api?.latency.p95 ?? 0) - (a.api?.latency.p95 ?? 0))
      .slice(0, EXPLAINED)
      .flatMap((r) => {
        const scenario = scenarios.find((s) => s.name === r.name);
        return scenario?.op
          ? [{ name: r.name, op: scenario.op, variables: scenario.opVariables ?? scenario.variables }]
          : [];
      });
    const explained = await explainScenarios(pool, taxonomy, reportName(report), slowest);
    console.log(`\nresults: ${files.json}\n         ${files.markdown}\n         ${explained}`);
    return report;
  } finally {
    for (const child of children.reverse()) await child.stop();
    await pool.end();
  }
}

interface MeasureContext extends RunOptions {
  pool: pg.Pool;
  taxonomy: Awaited<ReturnType<typeof loadTaxonomy>>;
  api: ChildServer;
  plain: ChildServer;
  key: string | null;
}

async function measureScenario(scenario: Scenario, ctx: MeasureContext): Promise<ScenarioResult> {
  const headers: Record<string, string> =
    scenario.authenticated && ctx.key ? { authorization: `Bearer ${ctx.key}` } : {};
  const op = scenario.op ? OPS[scenario.op] : undefined;
  const variables = () => (scenario.nextVariables ? scenario.nextVariables() : scenario.variables);
  const opVariables = (vars: Record<string, unknown>) =>
    scenario.nextVariables ? vars : (scenario.opVariables ?? scenario.variables);

  // A previous scenario may have saturated the API (its database watchdog then answers 503 for a
  // while): start each scenario on a ready API, and retry the first request a few times.
  await waitReady(ctx.api.url);
  // One request each way: the statement count, and whether both sides give the same answer.
  let first = await postJson(ctx.api.url, { query: scenario.query, variables: scenario.variables }, headers);
  for (let attempt = 0; attempt < 5 && first.status === 503; attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    await waitReady(ctx.api.url);
    first = await postJson(ctx.api.url, { query: scenario.query, variables: scenario.variables }, headers);
  }
  const graphqlErrors = (first.body as { errors?: unknown[] }).errors;
  if (first.status !== 200 || graphqlErrors?.length) {
    throw new Error(`${scenario.name}: the API answered ${first.status} ${JSON.stringify(first.body).slice(0, 500)}`);
  }
  let agrees: boolean | null = null;
  let disagreement: string | undefined;
  if (op && !scenario.nextVariables) {
    const plainAnswer = await op(ctx.pool, ctx.taxonomy, opVariables(scenario.variables));
    const shape = scenario.comparable ?? ((x: unknown) => x);
    disagreement = difference(canonical(shape(first.body)), canonical(shape(plainAnswer))) ?? undefined;
    agrees = !disagreement;
    if (disagreement) console.warn(`  ! ${scenario.name}: API and plain answers differ at ${disagreement}`);
  }

  const apiSerial = await serial(
    () => postJson(ctx.api.url, { query: scenario.query, variables: variables() }, headers),
    ctx.serialRuns,
    SERIAL_BUDGET_MS,
  );
  const raw = op
    ? await serial(() => op(ctx.pool, ctx.taxonomy, opVariables(variables())), ctx.serialRuns, SERIAL_BUDGET_MS)
    : undefined;
  const plainUrl = scenario.op ? `${ctx.plain.url}/op/${scenario.op}` : undefined;
  const plainSerial = plainUrl
    ? await serial(() => postJson(plainUrl, { variables: opVariables(variables()) }), ctx.serialRuns, SERIAL_BUDGET_MS)
    : undefined;

  // API and plain runs alternate, so both see the same background load on a shared machine.
  const once = (url: string, body: () => unknown) =>
    load({
      url,
      body,
      headers,
      connections: ctx.connections,
      durationSeconds: ctx.durationSeconds,
      varying: Boolean(scenario.nextVariables),
    });
  const apiRuns: LoadResult[] = [];
  const plainRuns: LoadResult[] = [];
  for (let i = 0; i < ctx.repeats; i += 1) {
    apiRuns.push(await once(ctx.api.url, () => ({ query: scenario.query, variables: variables() })));
    if (plainUrl) plainRuns.push(await once(plainUrl, () => ({ variables: opVariables(variables()) })));
  }
  const api = medianOf(apiRuns);
  const plain = plainUrl ? medianOf(plainRuns) : undefined;
  return {
    name: scenario.name,
    group: scenario.group,
    statements: first.statements,
    agrees,
    disagreement,
    api,
    plain,
    apiSerial,
    plainSerial,
    raw,
    targetP95Ms: scenario.targetP95Ms,
  };
}
