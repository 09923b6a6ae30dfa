import { Prisma } from "@dealgraph/db";
import type { Tx } from "../audit/audit.service.ts";
import { toGlobalId } from "../common/relay.ts";

/** A deal that arrived on a watchlist, to announce once its transaction has committed. */
export interface Arrival {
  watchlistId: string;
  dealId: string;
  arrivedAt: Date;
}

export const DEAL_ADDED_EVENT = "deal.added";

/**
 * Which of the deals (just accepted, in this transaction) match which live watchlists: every
 * given part of a watchlist must hold; within a part any value matches; companies count with
 * their units (recursively) when the watchlist says so, and a company merged into another is
 * followed to the one that remains; regions and sectors match the code and
 * everything under it. One statement for all watchlists; a deal arrives on a watchlist once,
 * ever (the primary key), so accepting it again after an undo raises nothing new.
 */
const MATCH = (dealIds: string[]) => Prisma.sql`
  WITH RECURSIVE live AS (
    SELECT * FROM watchlist WHERE deleted_at IS NULL
  ), watched(watchlist_id, entity_id) AS (
    SELECT w.id, unnest(w.entity_ids) FROM live w
    UNION
    SELECT wd.watchlist_id, e.id
    FROM watched wd
    JOIN live w ON w.id = wd.watchlist_id
    JOIN entity watched_entity ON watched_entity.id = wd.entity_id
    JOIN entity e ON e.deleted_at IS NULL
      AND ((w.include_units AND e.parent_id = wd.entity_id) OR e.id = watched_entity.merged_into_id)
  )
  INSERT INTO watchlist_match (watchlist_id, deal_id)
  SELECT w.id, d.id
  FROM live w
  JOIN deal d ON d.id = ANY(${dealIds}::uuid[])
  WHERE d.deleted_at IS NULL AND d.merged_into_id IS NULL AND d.review_status = 'ACCEPTED'
    AND (cardinality(w.deal_types) = 0 OR d.type = ANY(w.deal_types))
    AND (cardinality(w.entity_ids) = 0 OR EXISTS (
      SELECT 1 FROM deal_participant p JOIN watched wd ON wd.entity_id = p.entity_id
      WHERE p.deal_id = d.id AND wd.watchlist_id = w.id))
    AND (cardinality(w.region_codes) = 0 OR EXISTS (
      SELECT 1 FROM deal_region dr JOIN region r ON r.code = dr.region_code
      WHERE dr.deal_id = d.id AND string_to_array(r.path, '/') && w.region_codes))
    AND (cardinality(w.sector_codes) = 0 OR EXISTS (
      SELECT 1 FROM deal_sector ds JOIN sector s ON s.code = ds.sector_code
      WHERE ds.deal_id = d.id AND string_to_array(s.path, '/') && w.sector_codes))
  ON CONFLICT DO NOTHING
  RETURNING watchlist_id AS "watchlistId", deal_id AS "dealId", matched_at AS "arrivedAt"`;

interface DealSummaryRow {
  id: string;
  title: string;
  type: string;
  status: string;
  announcedAt: Date | null;
  amount: Prisma.Decimal | null;
  currency: string | null;
  amountUsd: Prisma.Decimal | null;
  parties: { name: string; role: string }[];
  regions: string[];
  sectors: string[];
}

/** What a webhook receives for a deal: enough to act on without calling back. */
async function dealSummaries(tx: Tx, dealIds: string[]): Promise<Map<string, DealSummaryRow>> {
  const rows = await tx.$queryRaw<DealSummaryRow[]>`
    SELECT d.id, d.title, d.type::text AS type, d.status::text AS status, d.announced_at AS "announcedAt",
      d.amount, d.currency, d.amount_usd AS "amountUsd",
      COALESCE((SELECT json_agg(json_build_object('name', e.name, 'role', p.role) ORDER BY e.name)
        FROM deal_participant p JOIN entity e ON e.id = p.entity_id WHERE p.deal_id = d.id), '[]') AS parties,
      ARRAY(SELECT region_code FROM deal_region WHERE deal_id = d.id ORDER BY 1) AS regions,
      ARRAY(SELECT sector_code FROM deal_sector WHERE deal_id = d.id ORDER BY 1) AS sectors
    FROM deal d WHERE d.id = ANY(${dealIds}::uuid[])`;
  return new Map(rows.map((row) => [row.id, row]));
}

/**
 * Records, inside the transaction that accepted the deals, where they arrive, and queues one
 * webhook delivery per arrival on a watchlist with a webhook (an outbox: the delivery commits
 * with the decision, and a worker sends it). Returns the arrivals to announce after commit.
 */
export async function recordArrivals(tx: Tx, dealIds: string[]): Promise<Arrival[]> {
  if (!dealIds.length) return [];
  const arrivals = await tx.$queryRaw<Arrival[]>(MATCH([...new Set(dealIds)]));
  if (!arrivals.length) return arrivals;
  const hooks = await tx.webhook.findMany({
    where: { watchlistId: { in: [...new Set(arrivals.map((a) => a.watchlistId))] }, disabledAt: null },
    include: { watchlist: { select: { name: true } } },
  });
  if (!hooks.length) return arrivals;
  const deals = await dealSummaries(tx, [...new Set(arrivals.map((a) => a.dealId))]);
  const rows = arrivals.flatMap((arrival) => {
    const hook = hooks.find((h) => h.watchlistId === arrival.watchlistId);
    const deal = deals.get(arrival.dealId);
    if (!hook || !deal) return [];
    return [
      {
        webhookId: hook.id,
        dealId: arrival.dealId,
        event: DEAL_ADDED_EVENT,
        payload: {
          event: DEAL_ADDED_EVENT,
          arrivedAt: arrival.arrivedAt.toISOString(),
          watchlist: { id: toGlobalId("Watchlist", arrival.watchlistId), name: hook.watchlist.name },
          deal: {
            id: toGlobalId("Deal", deal.id),
            title: deal.title,
            type: deal.type,
            status: deal.status,
            announcedAt: deal.announcedAt?.toISOString().slice(0, 10) ?? null,
            amount: deal.amount?.toString() ?? null,
            currency: deal.currency,
            amountUsd: deal.amountUsd?.toString() ?? null,
            parties: deal.parties,
            regionCodes: deal.regions,
            sectorCodes: deal.sectors,
          },
        },
      },
    ];
  });
  await tx.webhookDelivery.createMany({ data: rows, skipDuplicates: true });
  return arrivals;
}
