import DataLoader from "dataloader";
import {
  Prisma,
  type Database,
  type Deal,
  type DealParticipant,
  type Entity,
  type EntityAlias,
  type Evidence,
  type PrismaClient,
} from "@dealgraph/db";
import { groupLoader, rowLoader } from "./common/loader.ts";
import { DEAL_COLUMNS } from "./deal/deal.filter.ts";

export type Loaders = ReturnType<typeof createLoaders>;

const MEMBERS = (ids: string[], includeUnits: boolean) => Prisma.sql`
  WITH RECURSIVE members(root_id, id) AS (
    SELECT e.id, e.id FROM entity e WHERE e.id = ANY(${ids}::uuid[])
    UNION
    SELECT m.root_id, e.id FROM members m JOIN entity e ON e.parent_id = m.id
    WHERE ${includeUnits} AND e.deleted_at IS NULL
  )`;

const VISIBLE_DEAL = Prisma.sql`d.deleted_at IS NULL AND d.merged_into_id IS NULL AND d.review_status = 'ACCEPTED'`;

export interface DealsOfEntityKey {
  entityId: string;
  includeUnits: boolean;
  /** Rows wanted per entity (a page plus one, to know whether there is a next page). */
  limit: number;
}

// The loaders every entity and deal page runs read through the driver (`Database.read`), with the
// columns Prisma's models have: Prisma's own work per statement was most of such a page's cost
// (docs/benchmarks.md). Only text, uuid, enum, integer and timestamptz columns: both drivers parse
// them as Prisma does (strings, numbers, Dates).
const ENTITY_COLUMNS = Prisma.sql`id, kind, name, description, region_code AS "regionCode", parent_id AS "parentId",
  merged_into_id AS "mergedIntoId", review_status AS "reviewStatus", review_reason AS "reviewReason",
  created_at AS "createdAt", updated_at AS "updatedAt", deleted_at AS "deletedAt"`;

/**
 * Every loader the API uses, made fresh per request and keyed by what it loads. Each batches one
 * level of a query into a single SQL statement, so a nested query costs statements by its depth,
 * not by its page sizes.
 */
export function createLoaders(prisma: PrismaClient, read: Database["read"]) {
  const byIds = <T extends { id: string }>(fetch: (ids: string[]) => Promise<T[]>) =>
    rowLoader<string, T>(
      (ids) => fetch([...ids]),
      (row) => row.id,
    );

  /**
   * How many accepted deals each entity takes part in (for `totalCount`), in one statement per
   * flag; primed by `dealsOfEntity`, which counts them while ranking the first page.
   */
  const dealCountOfEntity = new DataLoader<Omit<DealsOfEntityKey, "limit">, number, string>(
    async (keys) => {
      const counts = new Map<string, number>();
      for (const includeUnits of [false, true]) {
        const ids = keys.filter((k) => k.includeUnits === includeUnits).map((k) => k.entityId);
        if (!ids.length) continue;
        const rows = await prisma.$queryRaw<{ rootId: string; count: bigint }[]>`
          ${MEMBERS(ids, includeUnits)}
          SELECT m.root_id AS "rootId", count(DISTINCT d.id) AS count
          FROM members m JOIN deal_participant p ON p.entity_id = m.id JOIN deal d ON d.id = p.deal_id
          WHERE ${VISIBLE_DEAL} GROUP BY m.root_id`;
        for (const row of rows) counts.set(`${row.rootId}:${includeUnits}`, Number(row.count));
      }
      return keys.map((k) => counts.get(`${k.entityId}:${k.includeUnits}`) ?? 0);
    },
    { cacheKeyFn: (key) => `${key.entityId}:${key.includeUnits}` },
  );

  return {
    entityById: byIds((ids) =>
      read<Entity>(Prisma.sql`SELECT ${ENTITY_COLUMNS} FROM entity WHERE id = ANY(${ids}::uuid[])`),
    ),
    articleById: byIds((ids) => prisma.article.findMany({ where: { id: { in: ids } } })),
    dealById: byIds((ids) => prisma.deal.findMany({ where: { id: { in: ids } } })),
    claimById: byIds((ids) => prisma.claim.findMany({ where: { id: { in: ids } } })),
    evidenceById: byIds((ids) => prisma.evidence.findMany({ where: { id: { in: ids } } })),
    mentionById: byIds((ids) => prisma.mention.findMany({ where: { id: { in: ids } } })),

    aliasesByEntityId: groupLoader(
      (ids) =>
        read<EntityAlias>(Prisma.sql`SELECT id, entity_id AS "entityId", name, type FROM entity_alias
          WHERE entity_id = ANY(${[...ids]}::uuid[]) ORDER BY name`),
      (row) => row.entityId,
    ),
    externalIdsByEntityId: groupLoader(
      (ids) => prisma.externalId.findMany({ where: { entityId: { in: [...ids] } }, orderBy: { scheme: "asc" } }),
      (row) => row.entityId,
    ),
    unitsByParentId: groupLoader(
      (ids) =>
        read<Entity>(Prisma.sql`SELECT ${ENTITY_COLUMNS} FROM entity
          WHERE parent_id = ANY(${[...ids]}::uuid[]) AND deleted_at IS NULL ORDER BY name`),
      (row) => row.parentId ?? "",
    ),
    participantsByDealId: groupLoader(
      (ids) =>
        read<DealParticipant>(Prisma.sql`SELECT deal_id AS "dealId", entity_id AS "entityId", role
          FROM deal_participant WHERE deal_id = ANY(${[...ids]}::uuid[]) ORDER BY role`),
      (row) => row.dealId,
    ),
    regionCodesByDealId: groupLoader(
      (ids) => prisma.dealRegion.findMany({ where: { dealId: { in: [...ids] } } }),
      (row) => row.dealId,
    ),
    sectorCodesByDealId: groupLoader(
      (ids) => prisma.dealSector.findMany({ where: { dealId: { in: [...ids] } } }),
      (row) => row.dealId,
    ),
    articleLinksByDealId: groupLoader(
      (ids) => prisma.dealArticle.findMany({ where: { dealId: { in: [...ids] } }, orderBy: { addedAt: "asc" } }),
      (row) => row.dealId,
    ),
    statusHistoryByDealId: groupLoader(
      (ids) => prisma.dealStatusChange.findMany({ where: { dealId: { in: [...ids] } }, orderBy: { changedAt: "asc" } }),
      (row) => row.dealId,
    ),
    claimsByDealId: groupLoader(
      (ids) =>
        prisma.claim.findMany({ where: { dealId: { in: [...ids] }, deletedAt: null }, orderBy: { createdAt: "asc" } }),
      (row) => row.dealId ?? "",
    ),
    evidenceByClaimId: groupLoader(
      (ids) =>
        read<Evidence>(Prisma.sql`SELECT id, claim_id AS "claimId", article_id AS "articleId", quote, start, "end",
          speaker_id AS "speakerId", speaker_role AS "speakerRole", created_at AS "createdAt"
          FROM evidence WHERE claim_id = ANY(${[...ids]}::uuid[]) ORDER BY start`),
      (row) => row.claimId,
    ),
    mentionsByArticleId: groupLoader(
      (ids) => prisma.mention.findMany({ where: { articleId: { in: [...ids] } }, orderBy: { start: "asc" } }),
      (row) => row.articleId,
    ),
    dealLinksByArticleId: groupLoader(
      (ids) => prisma.dealArticle.findMany({ where: { articleId: { in: [...ids] } } }),
      (row) => row.articleId,
    ),

    /** The first deals of many entities at once (newest first), with or without their units. */
    dealsOfEntity: new DataLoader<DealsOfEntityKey, Deal[], string>(
      async (keys) => {
        const groups = new Map<string, DealsOfEntityKey[]>();
        for (const key of keys) {
          const group = `${key.includeUnits}:${key.limit}`;
          groups.set(group, [...(groups.get(group) ?? []), key]);
        }
        const results = new Map<string, Deal[]>();
        for (const group of groups.values()) {
          const first = group[0];
          if (!first) continue;
          // Ranks (and counts) the deals by day and id alone, then reads the whole rows of the first
          // few: a busy company's thousands of deals never travel as whole rows.
          const rows = await prisma.$queryRaw<(Deal & { rootId: string; total: number })[]>`
            ${MEMBERS(
              group.map((k) => k.entityId),
              first.includeUnits,
            )},
            hits AS (
              SELECT DISTINCT m.root_id, p.deal_id FROM members m JOIN deal_participant p ON p.entity_id = m.id
            ),
            ranked AS (
              SELECT h.root_id, d.id,
                row_number() OVER (PARTITION BY h.root_id
                  ORDER BY COALESCE(d.announced_at, (d.first_reported_at AT TIME ZONE 'UTC')::date) DESC, d.id DESC) AS n,
                count(*) OVER (PARTITION BY h.root_id)::int AS total
              FROM hits h JOIN deal d ON d.id = h.deal_id
              WHERE ${VISIBLE_DEAL}
            )
            SELECT r.root_id AS "rootId", r.total, ${DEAL_COLUMNS}
            FROM ranked r JOIN deal d ON d.id = r.id
            WHERE r.n <= ${first.limit} ORDER BY r.root_id, r.n`;
          const totals = new Map<string, number>();
          for (const { rootId, total, ...deal } of rows) {
            const id = `${rootId}:${first.includeUnits}:${first.limit}`;
            results.set(id, [...(results.get(id) ?? []), deal]);
            totals.set(rootId, Number(total));
          }
          // The same statement answered `totalCount`: no second pass over the deals.
          for (const key of group) {
            dealCountOfEntity.prime(
              { entityId: key.entityId, includeUnits: key.includeUnits },
              totals.get(key.entityId) ?? 0,
            );
          }
        }
        return keys.map((key) => results.get(`${key.entityId}:${key.includeUnits}:${key.limit}`) ?? []);
      },
      { cacheKeyFn: (key) => `${key.entityId}:${key.includeUnits}:${key.limit}` },
    ),
    dealCountOfEntity,
  };
}

export { Prisma };
