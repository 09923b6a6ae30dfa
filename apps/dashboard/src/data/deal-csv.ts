import type { DealRow } from "./deals";

export const DEAL_CSV_HEADER = [
  "id",
  "title",
  "type",
  "status",
  "announced",
  "announced_precision",
  "first_reported_at",
  "amount",
  "currency",
  "amount_usd",
  "regions",
  "region_codes",
  "sectors",
  "sector_codes",
  "participants",
] as const;

/** A deal as the values of one CSV row, in the order of DEAL_CSV_HEADER. */
export function dealCsvValues(deal: DealRow): Array<string | number | null> {
  return [
    deal.id,
    deal.title,
    deal.type,
    deal.status,
    deal.announced?.date ?? null,
    deal.announced?.precision ?? null,
    deal.firstReportedAt,
    deal.amount?.amount ?? null,
    deal.amount?.currency ?? null,
    deal.amount?.amountUsd ?? null,
    deal.regions.map((region) => region.name).join("; "),
    deal.regions.map((region) => region.code).join("; "),
    deal.sectors.map((sector) => sector.name).join("; "),
    deal.sectors.map((sector) => sector.code).join("; "),
    deal.participants.map((party) => `${party.entity.name} (${party.role})`).join("; "),
  ];
}
