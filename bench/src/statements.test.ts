import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { canonical } from "./compare.ts";
import { generate, type GenerateReport } from "./generate.ts";
import { postJson } from "./measure.ts";
import { OPS } from "./ops.ts";
import { loadTaxonomy, type Taxonomy } from "./plain-sql.ts";
import { startChild, type ChildServer } from "./processes.ts";
import { DEEP_PAGE_QUERY, buildScenarios, findScenarioData, type Scenario } from "./scenarios.ts";

/**
 * CI guard on a tiny corpus (scale 0.001: 50 articles, 1,000 claims, 100 deals): every read
 * scenario of the benchmark answers without errors, with the same answer as the plain server,
 * and with a statement count bounded by the query's depth, not its page sizes. Times are not
 * checked here: that is the benchmark's job.
 */
const MAX_STATEMENTS: Record<string, number> = {
  // The rollups' version (for the answer cache), then the aggregate.
  aggregate: 2,
  // The version, the keys per side (ranked in the API, as the base-table path ranks them), then the
  // folded cells.
  matrix: 3,
  "matrix.filtered": 3,
  // The page, its total, the participants with their entities, the markets and sectors.
  "deals.page.filtered": 4,
  "deals.page.deep": 3,
  // The entity, its aliases, its units, the first deals with their total, the first claims (both
  // sides) with their total, the deals' participants with their entities, the claims' evidence
  // with its articles.
  entity: 7,
  search: 4,
};

async function postgresAnswers(): Promise<boolean> {
  const client = new pg.Client({ connectionString: "postgresql://postgres@127.0.0.1:5432/postgres" });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

// In `npm test` the PGlite run skips it and the PostgreSQL run (TEST_DB=postgres) runs it.
const available = process.env.TEST_DB !== "pglite" && (await postgresAnswers());

describe.skipIf(!available)("benchmark scenarios on a tiny corpus", () => {
  let corpus: GenerateReport;
  let api: ChildServer;
  let pool: pg.Pool;
  let taxonomy: Taxonomy;
  let scenarios: Scenario[];

  beforeAll(async () => {
    corpus = await generate({ scale: 0.001, log: () => {} });
    api = await startChild("api", "./api-main.ts", { BENCH_DATABASE_URL: corpus.url });
    pool = new pg.Pool({ connectionString: corpus.url, max: 4 });
    taxonomy = await loadTaxonomy(pool);
    const data = await findScenarioData(pool);
    const first = await postJson(api.url, { query: DEEP_PAGE_QUERY, variables: { first: 20 } });
    data.deepCursor = (
      first.body as { data: { deals: { pageInfo: { endCursor: string } } } }
    ).data.deals.pageInfo.endCursor;
    scenarios = buildScenarios(data).filter((s) => s.group !== "write" && s.group !== "ingest");
  });

  afterAll(async () => {
    await api?.stop();
    await pool?.end();
  });

  it("answers every read scenario like the plain server, in few statements", async () => {
    expect(scenarios.length).toBeGreaterThan(15);
    for (const scenario of scenarios) {
      const answer = await postJson(api.url, { query: scenario.query, variables: scenario.variables });
      expect(answer.status, scenario.name).toBe(200);
      expect((answer.body as { errors?: unknown }).errors, scenario.name).toBeUndefined();
      const bound = MAX_STATEMENTS[scenario.name] ?? MAX_STATEMENTS[scenario.group] ?? 0;
      expect(answer.statements, scenario.name).toBeLessThanOrEqual(bound);
      const op = scenario.op ? OPS[scenario.op] : undefined;
      if (op) {
        const plain = await op(pool, taxonomy, scenario.opVariables ?? scenario.variables);
        const shape = scenario.comparable ?? ((x: unknown) => x);
        expect(canonical(shape(answer.body)), scenario.name).toEqual(canonical(shape(plain)));
      }
    }
  });

  it("answers an aggregate asked again from the cache: the version alone, the same answer", async () => {
    const aggregates = scenarios.filter((s) => s.group === "aggregate");
    expect(aggregates.length).toBeGreaterThan(10);
    for (const scenario of aggregates) {
      const first = await postJson(api.url, { query: scenario.query, variables: scenario.variables });
      const again = await postJson(api.url, { query: scenario.query, variables: scenario.variables });
      expect(again.statements, scenario.name).toBe(1);
      expect(canonical(again.body), scenario.name).toEqual(canonical(first.body));
    }
  });

  it("costs the same statements for a page of 5 and a page of 50", async () => {
    const counts = [];
    for (const first of [5, 50]) {
      const answer = await postJson(api.url, { query: DEEP_PAGE_QUERY, variables: { first } });
      counts.push(answer.statements);
    }
    expect(counts[0]).toBe(counts[1]);
  });
});
