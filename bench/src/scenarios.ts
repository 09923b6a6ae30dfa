import type pg from "pg";
import type { Vars } from "./ops.ts";
import { toGlobalId } from "./plain-sql.ts";

/** One measured request shape: the GraphQL operation, and what the plain side runs for it. */
export interface Scenario {
  name: string;
  group: "aggregate" | "list" | "entity" | "search" | "write" | "ingest";
  query: string;
  variables: Vars;
  /** The plain server's operation for the same answer (ops.ts), when there is one. */
  op?: string;
  /** Variables for the plain operation when they differ from the GraphQL ones. */
  opVariables?: Vars;
  /** p95 target from the issue, in ms, at the default scale. */
  targetP95Ms?: number;
  /** Each request gets fresh variables (writes); answers are then not compared. */
  nextVariables?: () => Vars;
  /** Requests need an API key (mutations). */
  authenticated?: boolean;
  /** Why the scenario cannot run (printed instead of numbers). */
  unavailable?: string;
  /** A mutation the API must have for the scenario to run (checked by introspection). */
  needsMutation?: string;
  /** What of the answer must agree between the API and the plain side (default: all of it). */
  comparable?: (answer: unknown) => unknown;
}

const BUCKET = `key label count totalAmountUsd`;
const STATS = `query Stats($groupBy: DealGroupBy!, $regionLevel: StatsRegionLevel, $filter: DealFilter) {
  dealStats(groupBy: $groupBy, regionLevel: $regionLevel, filter: $filter) { ${BUCKET} }
}`;
const MATRIX = `query Matrix($regionLevel: StatsRegionLevel, $filter: DealFilter) {
  dealMatrix(regionLevel: $regionLevel, filter: $filter) {
    regions { ${BUCKET} } sectors { ${BUCKET} } cells { regionKey sectorKey count totalAmountUsd }
  }
}`;
const DEAL_FIELDS = `id title type status announced { date precision } amount { amount currency amountUsd }
  participants { role entity { id name } } regions { code name } sectors { code name }`;
const DEALS = (withTotal: boolean) => `query Deals($first: Int, $after: String, $filter: DealFilter) {
  deals(first: $first, after: $after, filter: $filter) {
    ${withTotal ? "totalCount" : ""} edges { cursor node { ${DEAL_FIELDS} } } pageInfo { hasNextPage endCursor }
  }
}`;
export const DEEP_PAGE_QUERY = DEALS(false);
const ENTITY = `query EntityPage($id: ID!) {
  entity(id: $id) {
    id name kind description region { code name } aliases { name type } units { id name }
    deals(first: 10) {
      totalCount
      edges { cursor node { id title type status announced { date precision } participants { role entity { id name } } } }
      pageInfo { hasNextPage endCursor }
    }
    claims(first: 10) {
      totalCount
      edges { cursor node { id predicate valueKind reviewStatus evidence { quote start end article { id title } } } }
      pageInfo { hasNextPage endCursor }
    }
  }
}`;
const SEARCH = `query Search($query: String!, $first: Int) {
  search(query: $query, first: $first) { score matched node { __typename ... on Entity { id } ... on Deal { id } } }
}`;
const UPDATE_DEAL = `mutation UpdateDeal($input: UpdateDealInput!) {
  updateDeal(input: $input) { deal { id status } errors { code message } }
}`;

const INGEST = `mutation Ingest($input: IngestArticleInput!) {
  ingestArticle(input: $input) { duplicate article { id } errors { code message } }
}`;

/** A short news text in the style of the curated article, unique through `tag`. */
function ingestText(tag: string): string {
  return [
    `Nova Motors and Apex Cloud have announced an expanded strategic partnership in Germany, the companies said on Monday (ref ${tag}).`,
    `Under the agreement, Apex Cloud will supply its AI models for the next generation of Nova Motors vehicles, starting in 2026.`,
    `"This partnership brings our AI to millions of drivers," said Ada Okafor, chief executive of Apex Cloud.`,
    `Separately, Blue Logistics signed Kwame Mensah's Harbor Retail as a channel partner for e-commerce in Nigeria.`,
  ].join("\n\n");
}

/** The dashboard's filters at once: a region, a sector, deal types, statuses and a month range. */
export const DASHBOARD_FILTER = {
  regionCode: "142",
  sectorCode: "J",
  types: ["STRATEGIC_PARTNERSHIP", "JOINT_VENTURE", "INVESTMENT"],
  statuses: ["ANNOUNCED", "SIGNED", "COMPLETED"],
  from: "2022-01",
  to: "2025-12",
};
const LEVELS = ["CONTINENT", "SUB_REGION", "INTERMEDIATE_REGION", "COUNTRY"] as const;
const AGGREGATE_TARGET_MS = 20;
const ENTITY_TARGET_MS = 15;

export interface ScenarioData {
  topEntityId: string;
  typicalEntityId: string;
  writeDealIds: string[];
  /** `after` cursor ~50 pages into the unfiltered deal list (found through the API). */
  deepCursor?: string;
}

/** Entities and deals the scenarios point at, chosen from the generated corpus. */
export async function findScenarioData(pool: pg.Pool): Promise<ScenarioData> {
  const ranked = await pool.query<{ id: string }>(
    `SELECT p.entity_id AS id FROM deal_participant p JOIN entity e ON e.id = p.entity_id
     WHERE e.deleted_at IS NULL AND e.merged_into_id IS NULL
     GROUP BY p.entity_id ORDER BY count(*) DESC, p.entity_id LIMIT 500`,
  );
  const deals = await pool.query<{ id: string }>(
    `SELECT id FROM deal WHERE deleted_at IS NULL AND merged_into_id IS NULL AND review_status = 'ACCEPTED'
     ORDER BY md5(id::text) LIMIT 200`,
  );
  const top = ranked.rows[0]?.id;
  const typical = ranked.rows.at(-1)?.id;
  if (!top || !typical) throw new Error("The corpus has no deals with participants.");
  return { topEntityId: top, typicalEntityId: typical, writeDealIds: deals.rows.map((d) => d.id) };
}

/** Matches scores and names only: equal scores may order different rows with the same name. */
const searchShape = (answer: unknown) =>
  (answer as { data?: { search?: { score: number; matched: string }[] } }).data?.search?.map((h) => [
    h.score,
    h.matched,
  ]);

export function buildScenarios(data: ScenarioData): Scenario[] {
  const scenarios: Scenario[] = [];
  const stats = (name: string, variables: Vars): Scenario => ({
    name,
    group: "aggregate",
    query: STATS,
    variables,
    op: "dealStats",
    targetP95Ms: AGGREGATE_TARGET_MS,
  });
  for (const level of LEVELS) {
    const slug = level.toLowerCase().replace("_region", "").replace("_", "-");
    scenarios.push(stats(`stats.region.${slug}`, { groupBy: "REGION", regionLevel: level }));
    scenarios.push(
      stats(`stats.region.${slug}.filtered`, { groupBy: "REGION", regionLevel: level, filter: DASHBOARD_FILTER }),
    );
  }
  scenarios.push(
    stats("stats.region.continent.by-region", {
      groupBy: "REGION",
      regionLevel: "CONTINENT",
      filter: { regionCode: "150" },
    }),
    stats("stats.region.continent.by-dates", {
      groupBy: "REGION",
      regionLevel: "CONTINENT",
      filter: { from: "2024-01", to: "2024-12" },
    }),
    stats("stats.sector", { groupBy: "SECTOR" }),
    stats("stats.sector.filtered", { groupBy: "SECTOR", filter: DASHBOARD_FILTER }),
    stats("stats.month", { groupBy: "MONTH" }),
    stats("stats.month.filtered", { groupBy: "MONTH", filter: DASHBOARD_FILTER }),
  );
  for (const [name, filter] of [
    ["matrix", undefined],
    ["matrix.filtered", DASHBOARD_FILTER],
  ] as const) {
    scenarios.push({
      name,
      group: "aggregate",
      query: MATRIX,
      variables: filter ? { regionLevel: "SUB_REGION", filter } : { regionLevel: "SUB_REGION" },
      op: "dealMatrix",
      targetP95Ms: AGGREGATE_TARGET_MS,
    });
  }
  const listFilter = {
    regionCode: "150",
    sectorCode: "artificial-intelligence",
    types: ["STRATEGIC_PARTNERSHIP", "INVESTMENT"],
    from: "2020",
  };
  scenarios.push({
    name: "deals.page.filtered",
    group: "list",
    query: DEALS(true),
    variables: { first: 20, filter: listFilter },
    op: "dealsPage",
    opVariables: { first: 20, filter: listFilter, withTotal: true },
  });
  if (data.deepCursor) {
    scenarios.push({
      name: "deals.page.deep",
      group: "list",
      query: DEEP_PAGE_QUERY,
      variables: { first: 20, after: data.deepCursor },
      op: "dealsPage",
    });
  }
  for (const [name, id] of [
    ["entity.top", data.topEntityId],
    ["entity.typical", data.typicalEntityId],
  ] as const) {
    scenarios.push({
      name,
      group: "entity",
      query: ENTITY,
      variables: { id: toGlobalId("Entity", id) },
      op: "entityPage",
      targetP95Ms: ENTITY_TARGET_MS,
    });
  }
  scenarios.push({
    name: "search",
    group: "search",
    query: SEARCH,
    variables: { query: "Quantum Motors", first: 10 },
    op: "search",
    comparable: searchShape,
  });
  let writes = 0;
  const nextWrite = () => {
    const ids = data.writeDealIds;
    const id = ids[writes % ids.length] ?? "";
    // Each pass over the deals flips their status, so every request is a real change with history.
    const status = Math.floor(writes / ids.length) % 2 === 0 ? "SIGNED" : "COMPLETED";
    writes += 1;
    return { input: { id: toGlobalId("Deal", id), status } };
  };
  scenarios.push({
    name: "write.updateDeal",
    group: "write",
    query: UPDATE_DEAL,
    variables: nextWrite(),
    op: "updateDealStatus",
    nextVariables: nextWrite,
    authenticated: true,
  });
  // Article ingest: a fresh article per request (the same text twice would be a duplicate).
  const run = Date.now().toString(36);
  let ingests = 0;
  const nextIngest = () => {
    ingests += 1;
    return {
      input: {
        title: `Bench article ${run}-${ingests}`,
        publishedAt: "2025-03",
        text: ingestText(`${run}-${ingests}`),
      },
    };
  };
  scenarios.push({
    name: "write.ingestArticle",
    group: "ingest",
    query: INGEST,
    variables: nextIngest(),
    nextVariables: nextIngest,
    authenticated: true,
    needsMutation: "ingestArticle",
  });
  return scenarios;
}
