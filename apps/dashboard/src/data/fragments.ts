import { graphql } from "@/graphql";

/** One bar of a chart, as every aggregate returns it. */
export const BucketFields = graphql(`
  fragment BucketFields on DealBucket @_unmask {
    key
    label
    count
    totalAmountUsd
  }
`);

/** What a row of the deal list (and the CSV export) shows. */
export const DealRowFields = graphql(`
  fragment DealRowFields on Deal @_unmask {
    id
    title
    type
    status
    announced {
      date
      label
      precision
    }
    firstReportedAt
    amount {
      amount
      currency
      amountUsd
    }
    regions {
      code
      name
    }
    sectors {
      code
      name
    }
    participants {
      role
      entity {
        id
        name
      }
    }
  }
`);
