import type pg from "pg";

/**
 * The hand-written side of the comparison: the same SQL the API sends for deal filters, written
 * against `pg` with positional parameters, and the taxonomy the plain server keeps in memory.
 */

export interface Taxonomy {
  regions: Map<string, { code: string; name: string; path: string }>;
  sectors: Map<string, { code: string; name: string; path: string }>;
}

export async function loadTaxonomy(pool: pg.Pool): Promise<Taxonomy> {
  const [regions, sectors] = await Promise.all([
    pool.query<{ code: string; name: string; path: string }>(`SELECT code, name, path FROM region`),
    pool.query<{ code: string; name: string; path: string }>(`SELECT code, name, path FROM sector`),
  ]);
  return {
    regions: new Map(regions.rows.map((r) => [r.code, r])),
    sectors: new Map(sectors.rows.map((s) => [s.code, s])),
  };
}

export interface DealFilter {
  regionCode?: string;
  sectorCode?: string;
  types?: string[];
  statuses?: string[];
  from?: string;
  to?: string;
}

/** Collects positional parameters while a statement is written. */
export class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

function descendants(all: Map<string, { code: string; path: string }>, code: string): string[] {
  const root = all.get(code);
  if (!root) throw new Error(`unknown code ${code}`);
  const prefix = `${root.path}/`;
  return [...all.values()].filter((r) => r.code === code || r.path.startsWith(prefix)).map((r) => r.code);
}

/** "2025", "2025-03" or "2025-03-25" → the first day of the period and the first day after it. */
export function period(value: string): { start: string; end: string } {
  const [y = "", m, d] = value.split("-");
  const start = new Date(Date.UTC(Number(y), m ? Number(m) - 1 : 0, d ? Number(d) : 1));
  const end = new Date(start);
  if (d) end.setUTCDate(end.getUTCDate() + 1);
  else if (m) end.setUTCMonth(end.getUTCMonth() + 1);
  else end.setUTCFullYear(end.getUTCFullYear() + 1);
  return { start: start.toISOString().slice(0, 10), end: end.toISOString().slice(0, 10) };
}

export const DEAL_DAY = `COALESCE(d.announced_at, (d.first_reported_at AT TIME ZONE 'UTC')::date)`;

/** The condition on `deal d` the API builds for the same filter (deal.filter.ts#dealWhere). */
export function dealWhere(filter: DealFilter, taxonomy: Taxonomy, p: Params): string {
  const parts = [
    `d.deleted_at IS NULL`,
    `d.merged_into_id IS NULL`,
    `d.review_status = ANY(${p.add(["ACCEPTED"])}::"ReviewStatus"[])`,
  ];
  if (filter.types?.length) parts.push(`d.type = ANY(${p.add(filter.types)}::"DealType"[])`);
  if (filter.statuses?.length) parts.push(`d.status = ANY(${p.add(filter.statuses)}::"DealStatus"[])`);
  if (filter.regionCode) {
    const codes = descendants(taxonomy.regions, filter.regionCode);
    parts.push(
      `EXISTS (SELECT 1 FROM deal_region dr WHERE dr.deal_id = d.id AND dr.region_code = ANY(${p.add(codes)}::text[]))`,
    );
  }
  if (filter.sectorCode) {
    const codes = descendants(taxonomy.sectors, filter.sectorCode);
    parts.push(
      `EXISTS (SELECT 1 FROM deal_sector ds WHERE ds.deal_id = d.id AND ds.sector_code = ANY(${p.add(codes)}::text[]))`,
    );
  }
  if (filter.from) parts.push(`${DEAL_DAY} >= ${p.add(period(filter.from).start)}::date`);
  if (filter.to) parts.push(`${DEAL_DAY} < ${p.add(period(filter.to).end)}::date`);
  return parts.join(" AND ");
}

export const LEVEL_COLUMN: Record<string, string> = {
  CONTINENT: `COALESCE(r.continent_code, '001')`,
  SUB_REGION: `COALESCE(r.sub_region_code, r.continent_code, '001')`,
  INTERMEDIATE_REGION: `COALESCE(r.intermediate_region_code, r.sub_region_code, r.continent_code, '001')`,
  COUNTRY: `COALESCE(r.country_code, r.intermediate_region_code, r.sub_region_code, r.continent_code, '001')`,
};

/** (deal, bucket) pairs, as deal.service.ts#bucketPairs writes them. */
export function bucketPairs(groupBy: string, regionLevel: string, where: string): string {
  if (groupBy === "REGION") {
    return `SELECT DISTINCT d.id, d.amount_usd, ${LEVEL_COLUMN[regionLevel] ?? LEVEL_COLUMN.CONTINENT} AS key
      FROM deal d JOIN deal_region dr ON dr.deal_id = d.id JOIN region r ON r.code = dr.region_code WHERE ${where}`;
  }
  if (groupBy === "SECTOR") {
    return `SELECT d.id, d.amount_usd, ds.sector_code AS key FROM deal d JOIN deal_sector ds ON ds.deal_id = d.id WHERE ${where}`;
  }
  const key = groupBy === "MONTH" ? `to_char(${DEAL_DAY}, 'YYYY-MM')` : `d.${groupBy.toLowerCase()}::text`;
  return `SELECT d.id, d.amount_usd, ${key} AS key FROM deal d WHERE ${where}`;
}

export const toGlobalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString("base64url");
export const encodeCursor = (values: (string | number | null)[]) =>
  Buffer.from(JSON.stringify(values)).toString("base64url");
export function decodeCursor(cursor: string): (string | number | null)[] {
  return JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as (string | number | null)[];
}
export const fromGlobalId = (id: string) => Buffer.from(id, "base64url").toString("utf8").split(":")[1] ?? "";

// ─── the rollups, as apps/api/src/deal/deal.rollup.ts reads them (the bench's filters never need the base tables)

const ROLLUP_LEVEL: Record<string, { kind: string; column: string }> = {
  CONTINENT: { kind: "continent", column: "f.continent_keys" },
  SUB_REGION: { kind: "sub_region", column: "f.sub_region_keys" },
  INTERMEDIATE_REGION: { kind: "intermediate_region", column: "f.intermediate_region_keys" },
  COUNTRY: { kind: "country", column: "f.country_keys" },
};

export const rollupLevel = (regionLevel: string) =>
  ROLLUP_LEVEL[regionLevel] ?? { kind: "continent", column: "f.continent_keys" };

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

/** Conditions on `deal_fact f` (deal.rollup.ts#factWhere). */
export function factWhere(filter: DealFilter, p: Params): string {
  const parts = [`f.review_status = ANY(${p.add(["ACCEPTED"])}::"ReviewStatus"[])`];
  const tokens = [
    ...(filter.regionCode ? [`r:${filter.regionCode}`] : []),
    ...(filter.sectorCode ? [`s:${filter.sectorCode}`] : []),
  ];
  if (tokens.length) parts.push(`f.tags @> ${p.add(tokens)}::text[]`);
  if (filter.types?.length) {
    parts.push(`f.tags && ${p.add(filter.types.map((t) => `t:${t}`))}::text[]`);
    parts.push(`f.type = ANY(${p.add(filter.types)}::"DealType"[])`);
  }
  if (filter.statuses?.length) {
    parts.push(`f.tags && ${p.add(filter.statuses.map((s) => `u:${s}`))}::text[]`);
    parts.push(`f.status = ANY(${p.add(filter.statuses)}::"DealStatus"[])`);
  }
  const start = filter.from ? period(filter.from).start : null;
  const end = filter.to ? period(filter.to).end : null;
  if (start) parts.push(`f.day >= ${p.add(start)}::date`);
  if (end) parts.push(`f.day < ${p.add(end)}::date`);
  const months = start && end ? monthsBetween(start, end) : null;
  if (months) parts.push(`f.tags && ${p.add(months.map((m) => `m:${m}`))}::text[]`);
  return parts.join(" AND ");
}

/** The one statement behind `dealStats` for REGION, SECTOR or MONTH (deal.rollup.ts#statsFromRollups). */
export function rollupStats(filter: DealFilter, groupBy: string, regionLevel: string, p: Params): string {
  const level = rollupLevel(regionLevel);
  const coarse = !filter.types?.length && !filter.statuses?.length && !filter.from && !filter.to;
  if (coarse && !(filter.regionCode && filter.sectorCode)) {
    const kind = groupBy === "REGION" ? level.kind : groupBy === "SECTOR" ? "sector" : "month";
    return `SELECT key, sum(count)::bigint AS count, sum(total_usd) AS total FROM deal_rollup
      WHERE region = ${p.add(filter.regionCode ?? "")} AND sector = ${p.add(filter.sectorCode ?? "")}
        AND kind = ${p.add(kind)} AND review_status = ANY(${p.add(["ACCEPTED"])}::"ReviewStatus"[])
      GROUP BY 1 HAVING sum(count) > 0`;
  }
  const start = filter.from ? period(filter.from).start : "-01";
  const end = filter.to ? period(filter.to).end : "-01";
  if (!filter.regionCode && !filter.sectorCode && start.endsWith("-01") && end.endsWith("-01")) {
    const kind = groupBy === "REGION" ? level.kind : groupBy === "SECTOR" ? "sector" : "deal";
    const parts = [`kind = ${p.add(kind)}`, `review_status = ANY(${p.add(["ACCEPTED"])}::"ReviewStatus"[])`];
    if (filter.types?.length) parts.push(`type = ANY(${p.add(filter.types)}::"DealType"[])`);
    if (filter.statuses?.length) parts.push(`status = ANY(${p.add(filter.statuses)}::"DealStatus"[])`);
    if (filter.from) parts.push(`month >= ${p.add(period(filter.from).start)}::date`);
    if (filter.to) parts.push(`month < ${p.add(period(filter.to).end)}::date`);
    const key = groupBy === "MONTH" ? `to_char(month, 'YYYY-MM')` : "key";
    return `SELECT ${key} AS key, sum(count)::bigint AS count, sum(total_usd) AS total FROM deal_rollup_month
      WHERE ${parts.join(" AND ")} GROUP BY 1 HAVING sum(count) > 0`;
  }
  const where = factWhere(filter, p);
  if (groupBy === "MONTH") {
    return `SELECT to_char(f.day, 'YYYY-MM') AS key, count(*) AS count, sum(f.amount_usd) AS total
      FROM deal_fact f WHERE ${where} GROUP BY 1`;
  }
  const keys = groupBy === "REGION" ? level.column : "f.sector_keys";
  return `SELECT k AS key, count(*) AS count, sum(f.amount_usd) AS total
    FROM deal_fact f CROSS JOIN unnest(${keys}) k WHERE ${where} GROUP BY k`;
}
