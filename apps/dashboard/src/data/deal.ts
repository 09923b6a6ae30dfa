import { cache } from "react";
import { graphql, type ResultOf } from "@/graphql";
import { queryApi } from "@/lib/graphql";
import { ClaimFields } from "./evidence";

const DealQuery = graphql(
  `
    query DealDetail($id: ID!) {
      deal(id: $id) {
        id
        title
        summary
        type
        status
        reviewStatus
        announced {
          label
          precision
        }
        firstReportedAt
        sourceCount
        amount {
          amount
          currency
          amountUsd
        }
        mergedInto {
          id
          title
        }
        participants {
          role
          entity {
            id
            name
            kind
            parent {
              id
              name
            }
          }
        }
        regions {
          code
          name
          level
          ancestors {
            code
            name
            level
          }
        }
        sectors {
          code
          name
          kind
          parent {
            code
            name
          }
        }
        statusHistory {
          status
          changedAt
          note
          article {
            id
            title
          }
        }
        articles {
          id
          title
          publisher
          url
          publishedAt {
            label
          }
        }
        claims {
          ...ClaimFields
        }
      }
    }
  `,
  [ClaimFields],
);

export type DealDetail = NonNullable<ResultOf<typeof DealQuery>["deal"]>;

/** One deal with everything its page shows; memoised per request (metadata and page share it). */
export const getDeal = cache(async (id: string): Promise<DealDetail | null> => {
  const data = await queryApi(DealQuery, { id });
  return data.deal;
});
