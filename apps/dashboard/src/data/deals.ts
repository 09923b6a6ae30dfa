import { graphql, type ResultOf, type VariablesOf } from "@/graphql";
import { queryApi } from "@/lib/graphql";
import { DealRowFields } from "./fragments";

export const DealListQuery = graphql(
  `
    query DealList($filter: DealFilter, $orderBy: DealOrder, $first: Int, $after: String) {
      deals(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          ...DealRowFields
        }
      }
    }
  `,
  [DealRowFields],
);

export type DealFilter = NonNullable<VariablesOf<typeof DealListQuery>["filter"]>;
export type DealOrder = NonNullable<VariablesOf<typeof DealListQuery>["orderBy"]>;
export type DealPage = ResultOf<typeof DealListQuery>["deals"];
export type DealRow = DealPage["nodes"][number];

export async function listDeals(input: {
  filter: DealFilter;
  orderBy?: DealOrder;
  first: number;
  after?: string;
}): Promise<DealPage> {
  const data = await queryApi(DealListQuery, {
    filter: input.filter,
    orderBy: input.orderBy ?? null,
    first: input.first,
    after: input.after ?? null,
  });
  return data.deals;
}

const DealCountQuery = graphql(`
  query DealCount($filter: DealFilter) {
    deals(filter: $filter, first: 1) {
      totalCount
    }
  }
`);

export async function countDeals(filter: DealFilter): Promise<number> {
  const data = await queryApi(DealCountQuery, { filter });
  return data.deals.totalCount;
}

/** The API's page limit for `first`. */
export const MAX_PAGE_SIZE = 100;

/** Walks the cursor pages of a filtered list, one API request per page. */
export async function* pageDeals(input: {
  filter: DealFilter;
  orderBy?: DealOrder;
  maxPages?: number;
}): AsyncGenerator<DealRow[]> {
  let after: string | undefined;
  for (let page = 0; page < (input.maxPages ?? Number.POSITIVE_INFINITY); page += 1) {
    const result = await listDeals({ filter: input.filter, orderBy: input.orderBy, first: MAX_PAGE_SIZE, after });
    yield result.nodes;
    if (!result.pageInfo.hasNextPage || !result.pageInfo.endCursor) return;
    after = result.pageInfo.endCursor;
  }
}
