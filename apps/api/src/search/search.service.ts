import type { PrismaClient } from "@dealgraph/db";
import { asNode } from "../common/relay.ts";
import { escapeLike } from "../entity/entity.service.ts";
import type { Loaders } from "../loaders.ts";

/**
 * Case-insensitive matching on entity names and aliases and on deal titles and summaries, scored
 * exact > prefix > word start > anywhere. Plain SQL that PGlite and PostgreSQL both run.
 */
export async function searchKnowledge(
  { prisma, loaders }: { prisma: PrismaClient; loaders: Loaders },
  query: string,
  first: number,
) {
  const q = query.trim();
  if (!q) return [];
  const contains = `%${escapeLike(q)}%`;
  const prefix = `${escapeLike(q)}%`;
  const wordPrefix = `% ${escapeLike(q)}%`;
  const [entities, deals] = await Promise.all([
    prisma.$queryRaw<{ id: string; matched: string; score: number }[]>`
      SELECT DISTINCT ON (e.id) e.id, m.name AS matched,
        CASE WHEN lower(m.name) = lower(${q}) THEN 1.0 WHEN m.name ILIKE ${prefix} THEN 0.8
             WHEN m.name ILIKE ${wordPrefix} THEN 0.6 ELSE 0.4 END::float8 AS score
      FROM entity e
      CROSS JOIN LATERAL (SELECT e.name UNION ALL SELECT a.name FROM entity_alias a WHERE a.entity_id = e.id) m(name)
      WHERE e.deleted_at IS NULL AND e.merged_into_id IS NULL AND m.name ILIKE ${contains}
      ORDER BY e.id, score DESC, length(m.name)
      LIMIT 500`,
    prisma.$queryRaw<{ id: string; matched: string; score: number }[]>`
      SELECT d.id, d.title AS matched,
        CASE WHEN lower(d.title) = lower(${q}) THEN 0.95 WHEN d.title ILIKE ${prefix} THEN 0.75
             WHEN d.title ILIKE ${contains} THEN 0.5 ELSE 0.3 END::float8 AS score
      FROM deal d
      WHERE d.deleted_at IS NULL AND d.merged_into_id IS NULL AND d.review_status = 'ACCEPTED'
        AND (d.title ILIKE ${contains} OR d.summary ILIKE ${contains})
      LIMIT 500`,
  ]);
  const ranked = [
    ...entities.map((hit) => ({ ...hit, type: "Entity" as const })),
    ...deals.map((hit) => ({ ...hit, type: "Deal" as const })),
  ]
    .sort((a, b) => b.score - a.score || a.matched.length - b.matched.length || a.matched.localeCompare(b.matched))
    .slice(0, first);
  return Promise.all(
    ranked.map(async (hit) => {
      const row = hit.type === "Entity" ? await loaders.entityById.load(hit.id) : await loaders.dealById.load(hit.id);
      return { node: asNode(hit.type, { ...row }), matched: hit.matched, score: hit.score };
    }),
  );
}
