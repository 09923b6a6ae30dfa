import DataLoader from "dataloader";
import {
  Prisma,
  type Article,
  type Claim,
  type Database,
  type Deal,
  type DealParticipant,
  type Entity,
  type EntityAlias,
  type Evidence,
  type PrismaClient,
  type ReadQuery,
} from "@dealgraph/db";
import {
  ARTICLE_HEAD_COLUMNS,
  CLAIM_COLUMNS,
  DEAL_COLUMNS,
  ENTITY_COLUMNS,
  JOINED_ARTICLE_HEAD_COLUMNS,
  JOINED_ENTITY_COLUMNS,
  splitRow,
} from "./common/columns.ts";
import { groupLoader, rowLoader } from "./common/loader.ts";

export type Loaders = ReturnType<typeof createLoaders>;

/** An article as loaders give it: without its text, which only the `text` field loads. */
export type ArticleHead = Omit<Article, "text"> & { text?: string };

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

/**
 * Every loader the API uses, made fresh per request and keyed by what it loads. Each batches one
 * level of a query into a single SQL statement, so a nested query costs statements by its depth,
 * not by its page sizes.
 */
export function createLoaders(prisma: PrismaClient, database: Pick<Database, "read">) {
  // The loaders every entity and deal page runs read through the driver, with the columns and value
  // types of Prisma's models (common/columns.ts): Prisma's own work per statement was most of such
  // a page's cost (docs/benchmarks.md). Their texts are fixed (ids travel as one array parameter),
  // so each is a prepared statement, planned once per connection.
  const read = <T = Record<string, unknown>>(query: ReadQuery) => database.read<T>(query, { prepared: true });
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
        const rows = await read<{ rootId: string; count: bigint }>(Prisma.sql`
          ${MEMBERS(ids, includeUnits)}
          SELECT m.root_id AS "rootId", count(DISTINCT d.id) AS count
          FROM members m JOIN deal_participant p ON p.entity_id = m.id JOIN deal d ON d.id = p.deal_id
          WHERE ${VISIBLE_DEAL} GROUP BY m.root_id`);
        for (const row of rows) counts.set(`${row.rootId}:${includeUnits}`, Number(row.count));
      }
      return keys.map((k) => counts.get(`${k.entityId}:${k.includeUnits}`) ?? 0);
    },
    { cacheKeyFn: (key) => `${key.entityId}:${key.includeUnits}` },
  );

  const entityById = byIds((ids) =>
    read<Entity>(Prisma.sql`SELECT ${ENTITY_COLUMNS} FROM entity e WHERE e.id = ANY(${ids}::uuid[])`),
  );
  const articleById = byIds((ids) =>
    read<ArticleHead>(Prisma.sql`SELECT ${ARTICLE_HEAD_COLUMNS} FROM article a WHERE a.id = ANY(${ids}::uuid[])`),
  );

  /**
   * Rows joined to the entity or article they point at (participants, evidence): the joined half
   * primes `entityById` / `articleById`, so the next level of the query costs no statement.
   */
  const primed = <Own, Joined extends { id: string }>(
    rows: Record<string, unknown>[],
    prefix: string,
    loader: DataLoader<string, Joined | null>,
  ): Own[] =>
    rows.map((row) => {
      const [own, joined] = splitRow<Own, Joined>(row, prefix);
      loader.prime(joined.id, joined);
      return own;
    });

  return {
    entityById,
    articleById,
    articleTextById: rowLoader(
      (ids) =>
        read<{ id: string; text: string }>(Prisma.sql`SELECT id, text FROM article WHERE id = ANY(${ids}::uuid[])`),
      (row) => row.id,
    ),
    dealById: byIds((ids) =>
      read<Deal>(Prisma.sql`SELECT ${DEAL_COLUMNS} FROM deal d WHERE d.id = ANY(${ids}::uuid[])`),
    ),
    claimById: byIds((ids) =>
      read<Claim>(Prisma.sql`SELECT ${CLAIM_COLUMNS} FROM claim c WHERE c.id = ANY(${ids}::uuid[])`),
    ),
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
        read<Entity>(Prisma.sql`SELECT ${ENTITY_COLUMNS} FROM entity e
          WHERE e.parent_id = ANY(${[...ids]}::uuid[]) AND e.deleted_at IS NULL ORDER BY e.name`),
      (row) => row.parentId ?? "",
    ),
    participantsByDealId: groupLoader(
      async (ids) =>
        primed<DealParticipant, Entity>(
          await read(Prisma.sql`SELECT p.deal_id AS "dealId", p.entity_id AS "entityId", p.role, ${JOINED_ENTITY_COLUMNS}
            FROM deal_participant p JOIN entity e ON e.id = p.entity_id
            WHERE p.deal_id = ANY(${[...ids]}::uuid[]) ORDER BY p.role`),
          "entity.",
          entityById,
        ),
      (row) => row.dealId,
    ),
    /** The markets (regions) and sectors of deals, in one statement. */
    classificationByDealId: groupLoader(
      (ids) =>
        read<{ dealId: string; kind: "region" | "sector"; code: string }>(Prisma.sql`
          SELECT deal_id AS "dealId", 'region' AS kind, region_code AS code FROM deal_region
          WHERE deal_id = ANY(${[...ids]}::uuid[])
          UNION ALL
          SELECT deal_id, 'sector', sector_code FROM deal_sector WHERE deal_id = ANY(${[...ids]}::uuid[])`),
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
      async (ids) =>
        primed<Evidence, ArticleHead>(
          await read(Prisma.sql`SELECT v.id, v.claim_id AS "claimId", v.article_id AS "articleId", v.quote, v.start,
              v."end", v.speaker_id AS "speakerId", v.speaker_role AS "speakerRole", v.created_at AS "createdAt",
              ${JOINED_ARTICLE_HEAD_COLUMNS}
            FROM evidence v JOIN article a ON a.id = v.article_id
            WHERE v.claim_id = ANY(${[...ids]}::uuid[]) ORDER BY v.start`),
          "article.",
          articleById,
        ),
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
          const rows = await read<Deal & { rootId: string; total: number }>(Prisma.sql`
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
            WHERE r.n <= ${first.limit} ORDER BY r.root_id, r.n`);
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
