import { cache } from "react";
import { graphql, type ResultOf } from "@/graphql";
import type { DealGroupBy } from "@/lib/enums";
import { ApiError, queryApi } from "@/lib/graphql";
import { ClaimFields } from "./evidence";
import { BucketFields } from "./fragments";

const EntityProfileQuery = graphql(`
  query EntityProfile($id: ID!) {
    entity(id: $id) {
      id
      name
      kind
      description
      reviewStatus
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
    }
  }
`);

const EntityDealsQuery = graphql(`
  query EntityDeals($id: ID!, $includeUnits: Boolean!, $first: Int!) {
    entity(id: $id) {
      id
      deals(first: $first, includeUnits: $includeUnits) {
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
            }
          }
        }
      }
    }
  }
`);

const EntityClaimsQuery = graphql(
  `
    query EntityClaims($id: ID!, $first: Int!) {
      entity(id: $id) {
        id
        claims(first: $first) {
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

/** How many deals and claims an entity page lists (the partner network is drawn from these deals). */
export const ENTITY_DEALS_SHOWN = 50;
export const ENTITY_CLAIMS_SHOWN = 40;

export type EntityProfile = NonNullable<ResultOf<typeof EntityProfileQuery>["entity"]>;
export type EntityDeals = NonNullable<ResultOf<typeof EntityDealsQuery>["entity"]>["deals"];
export type EntityClaims = NonNullable<ResultOf<typeof EntityClaimsQuery>["entity"]>["claims"];

/** The entity's profile; memoised per request (metadata and page share it). */
export const getEntityProfile = cache(async (id: string): Promise<EntityProfile | null> => {
  const data = await queryApi(EntityProfileQuery, { id });
  return data.entity;
});

/** Its deals (its units' too, when asked), newest first. */
export async function getEntityDeals(id: string, includeUnits: boolean): Promise<EntityDeals | null> {
  const data = await queryApi(EntityDealsQuery, { id, includeUnits, first: ENTITY_DEALS_SHOWN });
  return data.entity?.deals ?? null;
}

/** Claims with the entity as subject or object, with their evidence. */
export async function getEntityClaims(id: string): Promise<EntityClaims | null> {
  const data = await queryApi(EntityClaimsQuery, { id, first: ENTITY_CLAIMS_SHOWN });
  return data.entity?.claims ?? null;
}

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

/** Its deals per month or year, aggregated by the API; none for an id that names no entity (the page says not found). */
export async function getEntityDealsOverTime(input: { id: string; includeUnits: boolean; groupBy: DealGroupBy }) {
  try {
    const data = await queryApi(EntityStatsQuery, {
      filter: { entityId: input.id, includeUnits: input.includeUnits },
      groupBy: input.groupBy,
    });
    return data.dealStats;
  } catch (error) {
    if (error instanceof ApiError && error.code === "BAD_USER_INPUT") return [];
    throw error;
  }
}
