import { Prisma } from "@dealgraph/db";
import { AppError } from "../common/errors.ts";
import type { TaxonomyCatalog } from "../taxonomy/taxonomy.catalog.ts";
import type { DealStatus, DealType, ReviewStatus } from "../common/enums.ts";

/** What a deal list, a count, a chart or a matrix is filtered by; every part is optional. */
export interface DealCriteria {
  types?: DealType[] | null;
  statuses?: DealStatus[] | null;
  regionCode?: string | null;
  sectorCode?: string | null;
  entityId?: string | null;
  includeUnits?: boolean | null;
  from?: string | null;
  to?: string | null;
  search?: string | null;
  reviewStatuses?: ReviewStatus[] | null;
  reportedFrom?: string | null;
  reportedTo?: string | null;
}

/**
 * The day a deal counts on: its announcement, else the UTC day it was first reported (whatever the
 * session's time zone; cursors are written in UTC too). The same expression as the partial index
 * `deal_day_idx`, so lists and deep pages read it in order.
 */
export const DEAL_DAY = Prisma.sql`COALESCE(d.announced_at, (d.first_reported_at AT TIME ZONE 'UTC')::date)`;

/**
 * Parses "2025", "2025-03" or "2025-03-25" into the first day of that period and the first day
 * after it, so `from: "2025-01", to: "2025-03"` means January to March inclusive.
 */
export function parsePeriod(value: string, field: string): { start: string; end: string } {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  const [, y, m, d] = match ?? [];
  const year = Number(y);
  const month = m ? Number(m) : undefined;
  const day = d ? Number(d) : undefined;
  const start = new Date(Date.UTC(year, (month ?? 1) - 1, day ?? 1));
  const valid =
    match && (month === undefined || (month >= 1 && month <= 12)) && (day === undefined || start.getUTCDate() === day);
  if (!valid) throw new AppError("BAD_USER_INPUT", `"${field}" must be YYYY, YYYY-MM or YYYY-MM-DD, not "${value}".`);
  const end = new Date(start);
  if (day !== undefined) end.setUTCDate(end.getUTCDate() + 1);
  else if (month !== undefined) end.setUTCMonth(end.getUTCMonth() + 1);
  else end.setUTCFullYear(end.getUTCFullYear() + 1);
  return { start: start.toISOString().slice(0, 10), end: end.toISOString().slice(0, 10) };
}

/** Region and sector codes under (and including) a code, from the in-memory taxonomy. */
export function descendants<T extends { code: string; path: string }>(all: Iterable<T>, root: T): string[] {
  const prefix = `${root.path}/`;
  const codes: string[] = [];
  for (const item of all) if (item.code === root.code || item.path.startsWith(prefix)) codes.push(item.code);
  return codes;
}

/** Builds the SQL condition on `deal d` for the criteria. One builder for lists, counts and aggregates. */
export function dealWhere(criteria: DealCriteria, catalog: TaxonomyCatalog): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`d.deleted_at IS NULL`, Prisma.sql`d.merged_into_id IS NULL`];
  const reviewStatuses = criteria.reviewStatuses?.length ? criteria.reviewStatuses : ["ACCEPTED"];
  // Enums compared as enums: a ::text cast would hide the columns from the planner's statistics.
  parts.push(Prisma.sql`d.review_status = ANY(${reviewStatuses}::"ReviewStatus"[])`);
  if (criteria.types?.length) parts.push(Prisma.sql`d.type = ANY(${criteria.types}::"DealType"[])`);
  if (criteria.statuses?.length) parts.push(Prisma.sql`d.status = ANY(${criteria.statuses}::"DealStatus"[])`);
  if (criteria.regionCode) {
    const region = catalog.region(criteria.regionCode);
    if (!region) throw new AppError("BAD_USER_INPUT", `Unknown region code "${criteria.regionCode}".`);
    const codes = descendants(catalog.regions.values(), region);
    parts.push(
      Prisma.sql`EXISTS (SELECT 1 FROM deal_region dr WHERE dr.deal_id = d.id AND dr.region_code = ANY(${codes}::text[]))`,
    );
  }
  if (criteria.sectorCode) {
    const sector = catalog.sector(criteria.sectorCode);
    if (!sector) throw new AppError("BAD_USER_INPUT", `Unknown sector code "${criteria.sectorCode}".`);
    const codes = descendants(catalog.sectors.values(), sector);
    parts.push(
      Prisma.sql`EXISTS (SELECT 1 FROM deal_sector ds WHERE ds.deal_id = d.id AND ds.sector_code = ANY(${codes}::text[]))`,
    );
  }
  if (criteria.entityId) {
    parts.push(
      criteria.includeUnits
        ? Prisma.sql`EXISTS (SELECT 1 FROM deal_participant p WHERE p.deal_id = d.id AND p.entity_id IN (
            WITH RECURSIVE members(id) AS (
              SELECT ${criteria.entityId}::uuid
              UNION SELECT e.id FROM entity e JOIN members m ON e.parent_id = m.id WHERE e.deleted_at IS NULL
            ) SELECT id FROM members))`
        : Prisma.sql`EXISTS (SELECT 1 FROM deal_participant p WHERE p.deal_id = d.id AND p.entity_id = ${criteria.entityId}::uuid)`,
    );
  }
  if (criteria.from) parts.push(Prisma.sql`${DEAL_DAY} >= ${parsePeriod(criteria.from, "from").start}::date`);
  if (criteria.to) parts.push(Prisma.sql`${DEAL_DAY} < ${parsePeriod(criteria.to, "to").end}::date`);
  if (criteria.reportedFrom) {
    parts.push(Prisma.sql`d.first_reported_at >= ${parsePeriod(criteria.reportedFrom, "reportedFrom").start}::date`);
  }
  if (criteria.reportedTo) {
    parts.push(Prisma.sql`d.first_reported_at < ${parsePeriod(criteria.reportedTo, "reportedTo").end}::date`);
  }
  const search = criteria.search?.trim();
  if (search) {
    const pattern = `%${search.replace(/[\\%_]/g, "\\$&")}%`;
    parts.push(Prisma.sql`(d.title ILIKE ${pattern} OR d.summary ILIKE ${pattern} OR EXISTS (
      SELECT 1 FROM deal_participant p JOIN entity e ON e.id = p.entity_id
      WHERE p.deal_id = d.id AND (e.name ILIKE ${pattern}
        OR EXISTS (SELECT 1 FROM entity_alias a WHERE a.entity_id = e.id AND a.name ILIKE ${pattern}))))`);
  }
  return Prisma.join(parts, " AND ");
}
