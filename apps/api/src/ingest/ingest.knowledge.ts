import type { PrismaClient } from "@dealgraph/db";
import type { KnownEntity } from "./ingest.extractor.ts";

interface Cached {
  fingerprint: string;
  knowledge: KnownEntity[];
}

const cache = new WeakMap<PrismaClient, Cached>();

/**
 * The entities extraction resolves names against: accepted, live (not deleted, not merged away),
 * with their aliases, in one statement. The list is kept per client and reloaded only when the
 * entity or alias tables changed (a two-aggregate check), so a folder of articles loads it once.
 */
export async function loadKnowledge(prisma: PrismaClient): Promise<KnownEntity[]> {
  const [state] = await prisma.$queryRaw<{ entities: bigint; latest: Date | null; aliases: bigint }[]>`
    SELECT (SELECT count(*) FROM entity) AS entities, (SELECT max(updated_at) FROM entity) AS latest,
      (SELECT count(*) FROM entity_alias) AS aliases`;
  const fingerprint = `${state?.entities}:${state?.latest?.toISOString()}:${state?.aliases}`;
  const cached = cache.get(prisma);
  if (cached?.fingerprint === fingerprint) return cached.knowledge;
  const rows = await prisma.$queryRaw<
    { id: string; kind: KnownEntity["kind"]; name: string; regionCode: string | null; aliases: string[] }[]
  >`
    SELECT e.id, e.kind::text AS kind, e.name, e.region_code AS "regionCode",
      COALESCE(array_agg(a.name ORDER BY a.name) FILTER (WHERE a.name IS NOT NULL), '{}') AS aliases
    FROM entity e LEFT JOIN entity_alias a ON a.entity_id = e.id
    WHERE e.review_status = 'ACCEPTED' AND e.deleted_at IS NULL AND e.merged_into_id IS NULL
    GROUP BY e.id
    ORDER BY e.name, e.id`;
  const knowledge = rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    name: row.name,
    aliases: row.aliases,
    ...(row.regionCode ? { countryCode: row.regionCode } : {}),
  }));
  cache.set(prisma, { fingerprint, knowledge });
  return knowledge;
}
