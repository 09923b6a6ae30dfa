import type { DealFilter, DealOrder } from "@/data/deals";
import { isDealStatus, isDealType, type DealOrderField, type DealStatus, type DealType } from "./enums";
import { allParams, buildHref, firstParam, periodParam, type SearchParams } from "./search-params";

export const SORT_KEYS = ["announced", "reported", "title", "amount"] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDirection = "asc" | "desc";

const SORT_FIELDS: Record<SortKey, DealOrderField> = {
  announced: "ANNOUNCED_AT",
  reported: "FIRST_REPORTED_AT",
  title: "TITLE",
  amount: "AMOUNT",
};

/** Everything the deal list and its CSV export read from the URL. */
export type DealListParams = {
  regionCode?: string;
  sectorCode?: string;
  types: DealType[];
  statuses: DealStatus[];
  /** A company by global id (links from entity pages, suggestions). */
  entityId?: string;
  /** A company by name, as typed into the form; resolved through the API's search. */
  company?: string;
  includeUnits: boolean;
  from?: string;
  to?: string;
  search?: string;
  sort: SortKey;
  dir: SortDirection;
  after?: string;
};

function isSortKey(value: string | undefined): value is SortKey {
  return (SORT_KEYS as readonly (string | undefined)[]).includes(value);
}

export function parseDealListParams(source: SearchParams | URLSearchParams): DealListParams {
  const sort = firstParam(source, "sort");
  const dir = firstParam(source, "dir");
  const entityId = firstParam(source, "entityId");
  return {
    regionCode: firstParam(source, "regionCode"),
    sectorCode: firstParam(source, "sectorCode"),
    types: allParams(source, "types").filter(isDealType),
    statuses: allParams(source, "statuses").filter(isDealStatus),
    entityId,
    company: entityId ? undefined : firstParam(source, "company"),
    includeUnits: firstParam(source, "includeUnits") === "true",
    from: periodParam(source, "from"),
    to: periodParam(source, "to"),
    search: firstParam(source, "search"),
    sort: isSortKey(sort) ? sort : "announced",
    dir: dir === "asc" ? "asc" : "desc",
    after: firstParam(source, "after"),
  };
}

/** The API filter; `entityId` is the company once resolved (from the URL or by name). */
export function toDealFilter(params: DealListParams, entityId: string | undefined): DealFilter {
  return {
    regionCode: params.regionCode ?? null,
    sectorCode: params.sectorCode ?? null,
    types: params.types.length > 0 ? params.types : null,
    statuses: params.statuses.length > 0 ? params.statuses : null,
    entityId: entityId ?? null,
    includeUnits: entityId ? params.includeUnits : false,
    from: params.from ?? null,
    to: params.to ?? null,
    search: params.search ?? null,
  };
}

export function toDealOrder(params: DealListParams): DealOrder {
  return { field: SORT_FIELDS[params.sort], direction: params.dir === "asc" ? "ASC" : "DESC" };
}

/** URL of the deal list with these filters; defaults are left out so links stay short. */
export function dealListHref(params: Partial<DealListParams>, path = "/deals"): string {
  return buildHref(path, {
    regionCode: params.regionCode,
    sectorCode: params.sectorCode,
    types: params.types,
    statuses: params.statuses,
    entityId: params.entityId,
    company: params.entityId ? undefined : params.company,
    includeUnits: params.includeUnits && (params.entityId || params.company) ? "true" : undefined,
    from: params.from,
    to: params.to,
    search: params.search,
    sort: params.sort && params.sort !== "announced" ? params.sort : undefined,
    dir: params.dir && params.dir !== "desc" ? params.dir : undefined,
    after: params.after,
  });
}

/** Whether any filter (not sort or page) is set. */
export function hasFilters(params: DealListParams): boolean {
  return Boolean(
    params.regionCode ||
    params.sectorCode ||
    params.types.length > 0 ||
    params.statuses.length > 0 ||
    params.entityId ||
    params.company ||
    params.from ||
    params.to ||
    params.search,
  );
}
