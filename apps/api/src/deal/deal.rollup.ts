import { Prisma, type PrismaClient } from "@dealgraph/db";
import type { TaxonomyCatalog } from "../taxonomy/taxonomy.catalog.ts";
import { dealWhere, parsePeriod, type DealCriteria } from "./deal.filter.ts";
import { DealGroupBy, type StatsRegionLevel } from "./deal.input.ts";
import type { RollupCache } from "./rollup.cache.ts";

// The dashboard's aggregates read the rollups that PostgreSQL triggers keep in the same transaction
// as every write (prisma/migrations/*_deal_rollups): `deal_rollup` (distinct deals per bucket,
// unfiltered or for one region or one sector), `deal_rollup_month` (per type, status and month, without a
// region or sector) and `deal_fact` (one flattened row per visible deal, for every other filter
// combination). A filter the rollups cannot answer (an entity, free text, the reporting period)
// returns null here, and the caller runs its query over the base tables. In the API, answers
// from the rollups are cached against the rollups' version (rollup.cache.ts).

/** The database, the taxonomy and, in the API, the request's view of the answer cache. */
export interface RollupDeps {
  prisma: PrismaClient;
  catalog: TaxonomyCatalog;
  rollups?: RollupCache | null;
}

/** The answer from the cache when `rollups` is there and the rollups have not moved since. */
const cached = <T>(deps: RollupDeps, key: unknown[], compute: () => Promise<T>): Promise<T> =>
  deps.rollups ? deps.rollups.answer(JSON.stringify(key), compute) : compute();

/** Rows of a grouped count, as the base-table query returns them. */
export interface BucketRow {
  key: string;
  count: bigint | number;
  total: Prisma.Decimal | null;
}

interface Plan {
  reviewStatuses: string[];
  regionCode: string | null;
  sectorCode: string | null;
  types: string[] | null;
  statuses: string[] | null;
  /** First day in, first day out (either may be missing). */
  start: string | null;
  end: string | null;
}

const LEVEL_KEYS: Record<StatsRegionLevel, { kind: string; column: Prisma.Sql }> = {
  CONTINENT: { kind: "continent", column: Prisma.sql`f.continent_keys` },
  SUB_REGION: { kind: "sub_region", column: Prisma.sql`f.sub_region_keys` },
  INTERMEDIATE_REGION: { kind: "intermediate_region", column: Prisma.sql`f.intermediate_region_keys` },
  COUNTRY: { kind: "country", column: Prisma.sql`f.country_keys` },
};

/** The filter as the rollups take it, or null when only the base tables can answer it. */
function planFor(criteria: DealCriteria, catalog: TaxonomyCatalog): Plan | null {
  // The same validation (unknown codes, malformed periods) and errors as the base-table query.
  dealWhere(criteria, catalog);
  if (criteria.entityId || criteria.search?.trim() || criteria.reportedFrom || criteria.reportedTo) return null;
  return {
    reviewStatuses: criteria.reviewStatuses?.length ? criteria.reviewStatuses : ["ACCEPTED"],
    regionCode: criteria.regionCode || null,
    sectorCode: criteria.sectorCode || null,
    types: criteria.types?.length ? criteria.types : null,
    statuses: criteria.statuses?.length ? criteria.statuses : null,
    start: criteria.from ? parsePeriod(criteria.from, "from").start : null,
    end: criteria.to ? parsePeriod(criteria.to, "to").end : null,
  };
}

const wholeMonths = (plan: Plan) => (plan.start ?? "-01").endsWith("-01") && (plan.end ?? "-01").endsWith("-01");
const coarse = (plan: Plan) => !plan.types && !plan.statuses && !plan.start && !plan.end;

/** First days of the months that overlap [start, end), when there are few enough to list. */
function monthsBetween(start: string, end: string): string[] | null {
  const months: string[] = [];
  const cursor = new Date(`${start.slice(0, 7)}-01T00:00:00Z`);
  const stop = new Date(`${end}T00:00:00Z`);
  while (cursor < stop) {
    if (months.length >= 240) return null;
    months.push(cursor.toISOString().slice(0, 7));
    cursor.setUTCMonth(cursor.getUTCMonth() + 1);
  }
  return months;
}

/** Conditions on `deal_fact f` for a plan: filter tokens through its GIN index, the rest on columns. */
function factWhere(plan: Plan): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`f.review_status = ANY(${plan.reviewStatuses}::"ReviewStatus"[])`];
  const tokens = [
    ...(plan.regionCode ? [`r:${plan.regionCode}`] : []),
    ...(plan.sectorCode ? [`s:${plan.sectorCode}`] : []),
  ];
  if (tokens.length) parts.push(Prisma.sql`f.tags @> ${tokens}::text[]`);
  // Types and statuses through the index too (the review status is too common to narrow anything).
  if (plan.types) {
    parts.push(Prisma.sql`f.tags && ${plan.types.map((t) => `t:${t}`)}::text[]`);
    parts.push(Prisma.sql`f.type = ANY(${plan.types}::"DealType"[])`);
  }
  if (plan.statuses) {
    parts.push(Prisma.sql`f.tags && ${plan.statuses.map((s) => `u:${s}`)}::text[]`);
    parts.push(Prisma.sql`f.status = ANY(${plan.statuses}::"DealStatus"[])`);
  }
  if (plan.start) parts.push(Prisma.sql`f.day >= ${plan.start}::date`);
  if (plan.end) parts.push(Prisma.sql`f.day < ${plan.end}::date`);
  const months = plan.start && plan.end ? monthsBetween(plan.start, plan.end) : null;
  if (months) parts.push(Prisma.sql`f.tags && ${months.map((m) => `m:${m}`)}::text[]`);
  return Prisma.join(parts, " AND ");
}

const PERIOD_OF_MONTH_KEY: Record<"MONTH" | "QUARTER" | "YEAR", Prisma.Sql> = {
  MONTH: Prisma.sql`key`,
  QUARTER: Prisma.sql`to_char(to_date(key, 'YYYY-MM'), 'YYYY-"Q"Q')`,
  YEAR: Prisma.sql`left(key, 4)`,
};

const PERIOD_OF_DATE = (column: Prisma.Sql): Record<"MONTH" | "QUARTER" | "YEAR", Prisma.Sql> => ({
  MONTH: Prisma.sql`to_char(${column}, 'YYYY-MM')`,
  QUARTER: Prisma.sql`to_char(${column}, 'YYYY-"Q"Q')`,
  YEAR: Prisma.sql`to_char(${column}, 'YYYY')`,
});

/** `dealStats` from the rollups; null when the filter needs the base tables. */
export async function statsFromRollups<T>(
  deps: RollupDeps,
  args: { groupBy: DealGroupBy; regionLevel: StatsRegionLevel; criteria: DealCriteria },
  /** Turns the rows into the answer (labels, order): cached with it. */
  shape: (rows: BucketRow[]) => T,
): Promise<T | null> {
  const plan = planFor(args.criteria, deps.catalog);
  if (!plan) return null;
  return cached(deps, ["stats", args.groupBy, args.regionLevel, plan], async () =>
    shape(await statsOf(deps.prisma, plan, args.groupBy, args.regionLevel)),
  );
}

async function statsOf(
  prisma: PrismaClient,
  plan: Plan,
  groupBy: DealGroupBy,
  regionLevel: StatsRegionLevel,
): Promise<BucketRow[]> {
  const level = LEVEL_KEYS[regionLevel];
  const periodic = groupBy === DealGroupBy.MONTH || groupBy === DealGroupBy.QUARTER || groupBy === DealGroupBy.YEAR;

  if (coarse(plan) && !(plan.regionCode && plan.sectorCode)) {
    const kind =
      groupBy === DealGroupBy.REGION
        ? level.kind
        : groupBy === DealGroupBy.SECTOR
          ? "sector"
          : groupBy === DealGroupBy.TYPE
            ? "type"
            : groupBy === DealGroupBy.STATUS
              ? "status"
              : "month";
    const key = periodic ? PERIOD_OF_MONTH_KEY[groupBy] : Prisma.sql`key`;
    return prisma.$queryRaw<BucketRow[]>`
      SELECT ${key} AS key, sum(count)::bigint AS count, sum(total_usd) AS total
      FROM deal_rollup
      WHERE region = ${plan.regionCode ?? ""} AND sector = ${plan.sectorCode ?? ""} AND kind = ${kind}
        AND review_status = ANY(${plan.reviewStatuses}::"ReviewStatus"[])
      GROUP BY 1 HAVING sum(count) > 0`;
  }

  if (!plan.regionCode && !plan.sectorCode && wholeMonths(plan)) {
    const kind = groupBy === DealGroupBy.REGION ? level.kind : groupBy === DealGroupBy.SECTOR ? "sector" : "deal";
    const key = periodic
      ? PERIOD_OF_DATE(Prisma.sql`month`)[groupBy]
      : groupBy === DealGroupBy.TYPE
        ? Prisma.sql`type::text`
        : groupBy === DealGroupBy.STATUS
          ? Prisma.sql`status::text`
          : Prisma.sql`key`;
    const parts: Prisma.Sql[] = [
      Prisma.sql`kind = ${kind}`,
      Prisma.sql`review_status = ANY(${plan.reviewStatuses}::"ReviewStatus"[])`,
    ];
    if (plan.types) parts.push(Prisma.sql`type = ANY(${plan.types}::"DealType"[])`);
    if (plan.statuses) parts.push(Prisma.sql`status = ANY(${plan.statuses}::"DealStatus"[])`);
    if (plan.start) parts.push(Prisma.sql`month >= ${plan.start}::date`);
    if (plan.end) parts.push(Prisma.sql`month < ${plan.end}::date`);
    return prisma.$queryRaw<BucketRow[]>`
      SELECT ${key} AS key, sum(count)::bigint AS count, sum(total_usd) AS total
      FROM deal_rollup_month WHERE ${Prisma.join(parts, " AND ")}
      GROUP BY 1 HAVING sum(count) > 0`;
  }

  const where = factWhere(plan);
  if (groupBy === DealGroupBy.REGION || groupBy === DealGroupBy.SECTOR) {
    const keys = groupBy === DealGroupBy.REGION ? level.column : Prisma.sql`f.sector_keys`;
    return prisma.$queryRaw<BucketRow[]>`
      SELECT k AS key, count(*) AS count, sum(f.amount_usd) AS total
      FROM deal_fact f CROSS JOIN unnest(${keys}) k WHERE ${where} GROUP BY k`;
  }
  const key = periodic
    ? PERIOD_OF_DATE(Prisma.sql`f.day`)[groupBy]
    : groupBy === DealGroupBy.TYPE
      ? Prisma.sql`f.type::text`
      : Prisma.sql`f.status::text`;
  return prisma.$queryRaw<BucketRow[]>`
    SELECT ${key} AS key, count(*) AS count, sum(f.amount_usd) AS total
    FROM deal_fact f WHERE ${where} GROUP BY 1`;
}

export interface SummaryRow {
  deals: bigint | number | null;
  total: Prisma.Decimal | null;
  priced: bigint | number | null;
  companies: bigint | number | null;
  regions: bigint | number | null;
  sectors: bigint | number | null;
}

/** `dealSummary` from the rollups; null when the filter needs the base tables. */
export async function summaryFromRollups(deps: RollupDeps, criteria: DealCriteria): Promise<SummaryRow | null> {
  const plan = planFor(criteria, deps.catalog);
  if (!plan) return null;
  return cached(deps, ["summary", plan], () => summaryOf(deps.prisma, plan));
}

async function summaryOf(prisma: PrismaClient, plan: Plan): Promise<SummaryRow | null> {
  if (coarse(plan) && !plan.regionCode && !plan.sectorCode) {
    const [row] = await prisma.$queryRaw<SummaryRow[]>`
      WITH r AS (
        SELECT kind, key, sum(count) AS count, sum(total_usd) AS total, sum(priced) AS priced FROM deal_rollup
        WHERE region = '' AND sector = '' AND kind IN ('deal', 'company', 'market', 'sector')
          AND review_status = ANY(${plan.reviewStatuses}::"ReviewStatus"[])
        GROUP BY kind, key HAVING sum(count) > 0
      )
      SELECT (SELECT sum(count) FROM r WHERE kind = 'deal')::bigint AS deals,
             (SELECT sum(total) FROM r WHERE kind = 'deal') AS total,
             (SELECT sum(priced) FROM r WHERE kind = 'deal')::bigint AS priced,
             (SELECT count(*) FROM r WHERE kind = 'company') AS companies,
             (SELECT count(*) FROM r WHERE kind = 'market') AS regions,
             (SELECT count(*) FROM r WHERE kind = 'sector') AS sectors`;
    return row ?? null;
  }
  const [row] = await prisma.$queryRaw<SummaryRow[]>`
    WITH f AS MATERIALIZED (
      SELECT f.amount_usd, f.entity_ids, f.markets, f.sector_keys FROM deal_fact f WHERE ${factWhere(plan)}
    )
    SELECT (SELECT count(*) FROM f) AS deals,
           (SELECT sum(amount_usd) FROM f) AS total,
           (SELECT count(amount_usd) FROM f) AS priced,
           (SELECT count(DISTINCT e) FROM f CROSS JOIN unnest(f.entity_ids) e) AS companies,
           (SELECT count(DISTINCT m) FROM f CROSS JOIN unnest(f.markets) m) AS regions,
           (SELECT count(DISTINCT s) FROM f CROSS JOIN unnest(f.sector_keys) s) AS sectors`;
  return row ?? null;
}

export interface MatrixKeyRow {
  side: "region" | "sector";
  key: string;
  count: bigint | number;
}

export interface MatrixCellRow {
  part: "cell" | "region" | "sector";
  region: string;
  sector: string;
  count: bigint | number;
  total: Prisma.Decimal | null;
}

/**
 * `dealMatrix` from the fact rows in two statements: the deals per region key and per sector key
 * (the caller ranks them), then the cells and margins with every key outside the top folded into
 * `otherKey`, each deal counted once per bucket. Null when the filter needs the base tables.
 */
export async function matrixFromRollups<T>(
  deps: RollupDeps,
  args: { regionLevel: StatsRegionLevel; criteria: DealCriteria; regionLimit: number; sectorLimit: number },
  rank: (keys: MatrixKeyRow[]) => { regions: string[]; sectors: string[] },
  otherKey: string,
  /** Turns the folded rows into the answer: cached with it. */
  shape: (rows: MatrixCellRow[]) => T,
): Promise<T | null> {
  const plan = planFor(args.criteria, deps.catalog);
  if (!plan) return null;
  return cached(deps, ["matrix", args.regionLevel, args.regionLimit, args.sectorLimit, otherKey, plan], async () =>
    shape(await matrixOf(deps.prisma, plan, args.regionLevel, rank, otherKey)),
  );
}

async function matrixOf(
  prisma: PrismaClient,
  plan: Plan,
  regionLevel: StatsRegionLevel,
  rank: (keys: MatrixKeyRow[]) => { regions: string[]; sectors: string[] },
  otherKey: string,
): Promise<MatrixCellRow[]> {
  // Unfiltered: the combinations of region keys and sector keys (a few thousand rows at 100,000
  // deals), each weighted by its deals; otherwise the matching fact rows, each weighing one.
  const signatures = coarse(plan) && !plan.regionCode && !plan.sectorCode;
  const regionKeys = signatures ? Prisma.sql`f.region_keys` : LEVEL_KEYS[regionLevel].column;
  const source = signatures
    ? Prisma.sql`SELECT f.region_keys AS r, f.sector_keys AS s, f.count AS n, f.total_usd AS amount
        FROM deal_rollup_signature f
        WHERE f.level = ${LEVEL_KEYS[regionLevel].kind}
          AND f.review_status = ANY(${plan.reviewStatuses}::"ReviewStatus"[])
          AND f.count <> 0 AND cardinality(f.region_keys) > 0 AND cardinality(f.sector_keys) > 0`
    : Prisma.sql`SELECT ${regionKeys} AS r, f.sector_keys AS s, 1 AS n, f.amount_usd AS amount
        FROM deal_fact f
        WHERE ${factWhere(plan)} AND cardinality(${regionKeys}) > 0 AND cardinality(f.sector_keys) > 0`;
  const keys = await prisma.$queryRaw<MatrixKeyRow[]>`
    WITH f AS MATERIALIZED (${source})
    SELECT 'region' AS side, k AS key, sum(f.n)::bigint AS count FROM f CROSS JOIN unnest(f.r) k GROUP BY k
    UNION ALL
    SELECT 'sector', k, sum(f.n)::bigint FROM f CROSS JOIN unnest(f.s) k GROUP BY k`;
  const top = rank(keys);
  return prisma.$queryRaw<MatrixCellRow[]>`
    WITH src AS MATERIALIZED (${source}),
    f AS (
      SELECT src.n, src.amount,
        ARRAY(SELECT DISTINCT CASE WHEN k = ANY(${top.regions}::text[]) THEN k ELSE ${otherKey} END
              FROM unnest(src.r) k) AS r,
        ARRAY(SELECT DISTINCT CASE WHEN k = ANY(${top.sectors}::text[]) THEN k ELSE ${otherKey} END
              FROM unnest(src.s) k) AS s
      FROM src
    )
    SELECT 'cell' AS part, rk AS region, sk AS sector, sum(n)::bigint AS count, sum(amount) AS total
      FROM f CROSS JOIN unnest(f.r) rk CROSS JOIN unnest(f.s) sk GROUP BY rk, sk
    UNION ALL
    SELECT 'region', rk, '', sum(n)::bigint, sum(amount) FROM f CROSS JOIN unnest(f.r) rk GROUP BY rk
    UNION ALL
    SELECT 'sector', '', sk, sum(n)::bigint, sum(amount) FROM f CROSS JOIN unnest(f.s) sk GROUP BY sk`;
}
