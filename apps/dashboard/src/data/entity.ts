import { cache } from "react";
import { graphql, type ResultOf } from "@/graphql";
import type { DealGroupBy } from "@/lib/enums";
import { queryApi } from "@/lib/graphql";
import { ClaimFields } from "./evidence";
import { BucketFields } from "./fragments";

const EntityQuery = graphql(
  `
    query EntityDetail($id: ID!, $includeUnits: Boolean!) {
      entity(id: $id) {
        id
        name
        kind
        description
        reviewStatus
        deletedAt
        mergedInto {
          id
          name
        }
        region {
          code
          name
        }
        aliases {
          name
          type
        }
        externalIds {
          scheme
          value
        }
        parent {
          id
          name
        }
        units {
          id
          name
          kind
        }
        deals(first: 100, includeUnits: $includeUnits) {
          totalCount
          nodes {
            id
            title
            type
            status
            announced {
              label
            }
            participants {
              role
              entity {
                id
                name
                kind
              }
            }
          }
        }
        claims(first: 100) {
          totalCount
          nodes {
            ...ClaimFields
          }
        }
      }
    }
  `,
  [ClaimFields],
);

export type EntityDetail = NonNullable<ResultOf<typeof EntityQuery>["entity"]>;

/** One entity with its deals (its units' too, when asked) and claims; memoised per request. */
export const getEntity = cache(async (id: string, includeUnits: boolean): Promise<EntityDetail | null> => {
  const data = await queryApi(EntityQuery, { id, includeUnits });
  return data.entity;
});

const EntityStatsQuery = graphql(
  `
    query EntityDealStats($filter: DealFilter!, $groupBy: DealGroupBy!) {
      dealStats(filter: $filter, groupBy: $groupBy) {
        ...BucketFields
      }
    }
  `,
  [BucketFields],
);

/** Its deals per month or year, aggregated by the API. */
export async function getEntityDealsOverTime(input: { id: string; includeUnits: boolean; groupBy: DealGroupBy }) {
  const data = await queryApi(EntityStatsQuery, {
    filter: { entityId: input.id, includeUnits: input.includeUnits },
    groupBy: input.groupBy,
  });
  return data.dealStats;
}
