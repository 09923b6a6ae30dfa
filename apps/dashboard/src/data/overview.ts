import { graphql, type ResultOf } from "@/graphql";
import type { DealGroupBy, StatsRegionLevel } from "@/lib/enums";
import { queryApi } from "@/lib/graphql";
import { daysAgo, periodStart } from "@/lib/periods";
import { MAX_PAGE_SIZE, countDeals, type DealFilter } from "./deals";
import { BucketFields } from "./fragments";

export type Bucket = ResultOf<typeof BucketFields>;

const HeadlineQuery = graphql(
  `
    query OverviewHeadline($filter: DealFilter) {
      deals(filter: $filter, first: 1) {
        totalCount
      }
      byStatus: dealStats(groupBy: STATUS, filter: $filter) {
        ...BucketFields
      }
      markets: dealStats(groupBy: REGION, regionLevel: COUNTRY, filter: $filter) {
        key
      }
      continents: dealStats(groupBy: REGION, regionLevel: CONTINENT, filter: $filter) {
        key
      }
      sectors: dealStats(groupBy: SECTOR, filter: $filter) {
        key
      }
    }
  `,
  [BucketFields],
);

const StatsQuery = graphql(
  `
    query DealStats($filter: DealFilter, $groupBy: DealGroupBy!, $regionLevel: StatsRegionLevel) {
      dealStats(filter: $filter, groupBy: $groupBy, regionLevel: $regionLevel) {
        ...BucketFields
      }
    }
  `,
  [BucketFields],
);

const MatrixQuery = graphql(
  `
    query DealMatrix($filter: DealFilter, $regionLevel: StatsRegionLevel, $regionLimit: Int, $sectorLimit: Int) {
      dealMatrix(filter: $filter, regionLevel: $regionLevel, regionLimit: $regionLimit, sectorLimit: $sectorLimit) {
        regions {
          ...BucketFields
        }
        sectors {
          ...BucketFields
        }
        cells {
          regionKey
          sectorKey
          count
          totalAmountUsd
        }
      }
    }
  `,
  [BucketFields],
);

export type DealMatrix = ResultOf<typeof MatrixQuery>["dealMatrix"];

const PartiesQuery = graphql(`
  query DealParties($filter: DealFilter, $first: Int, $after: String) {
    deals(filter: $filter, first: $first, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        participants {
          entity {
            id
            kind
          }
        }
      }
    }
  }
`);

const RecentlyReportedQuery = graphql(`
  query RecentlyReported($filter: DealFilter, $first: Int, $after: String) {
    deals(filter: $filter, first: $first, after: $after, orderBy: { field: FIRST_REPORTED_AT, direction: DESC }) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        firstReportedAt
      }
    }
  }
`);

/** How far the workarounds below page through deals before they give up and say "at least". */
const MAX_SCAN_PAGES = 20;

export type Headline = {
  deals: number;
  totalValueUsd: number;
  regions: number;
  continents: number;
  sectors: number;
};

/** Deals, value, regions and sectors, all from the API's aggregates. */
export async function getHeadline(filter: DealFilter): Promise<Headline> {
  const data = await queryApi(HeadlineQuery, { filter });
  return {
    deals: data.deals.totalCount,
    // Every deal has exactly one status, so the status buckets partition the deals: their sums are totals.
    totalValueUsd: data.byStatus.reduce((sum, bucket) => sum + bucket.totalAmountUsd, 0),
    regions: data.markets.length,
    continents: data.continents.length,
    sectors: data.sectors.length,
  };
}

export async function getDealStats(input: {
  filter: DealFilter;
  groupBy: DealGroupBy;
  regionLevel?: StatsRegionLevel;
}): Promise<Bucket[]> {
  const data = await queryApi(StatsQuery, {
    filter: input.filter,
    groupBy: input.groupBy,
    regionLevel: input.regionLevel ?? null,
  });
  return data.dealStats;
}

export async function getDealMatrix(input: {
  filter: DealFilter;
  regionLevel: StatsRegionLevel;
  regionLimit: number;
  sectorLimit: number;
}): Promise<DealMatrix> {
  const data = await queryApi(MatrixQuery, input);
  return data.dealMatrix;
}

/** A count that may stop short when there are more rows than it is worth paging through. */
export type ScanCount = { count: number; complete: boolean };

/**
 * Distinct organisations taking part in the filtered deals.
 * Workaround: the API has no aggregate for this, so the server pages through the deals' parties.
 */
export async function countCompaniesInvolved(filter: DealFilter): Promise<ScanCount> {
  const companies = new Set<string>();
  let after: string | null = null;
  for (let page = 0; page < MAX_SCAN_PAGES; page += 1) {
    const data: ResultOf<typeof PartiesQuery> = await queryApi(PartiesQuery, { filter, first: MAX_PAGE_SIZE, after });
    for (const deal of data.deals.nodes) {
      for (const party of deal.participants) {
        if (party.entity.kind === "ORGANIZATION") companies.add(party.entity.id);
      }
    }
    if (!data.deals.pageInfo.hasNextPage) return { count: companies.size, complete: true };
    after = data.deals.pageInfo.endCursor;
  }
  return { count: companies.size, complete: false };
}

export type RecentCounts = { byAnnouncement: number; byFirstReport: ScanCount; since: string };

/**
 * New deals in the last `days` days, by announcement date (a filtered totalCount) and by first report.
 * Workaround for the second: DealFilter has no first-report range, so the server reads the deals
 * newest-first by FIRST_REPORTED_AT and stops at the first older one.
 */
export async function countRecentDeals(filter: DealFilter, days: number, now = new Date()): Promise<RecentCounts> {
  const since = daysAgo(days, now);
  const from = filter.from && periodStart(filter.from) > since ? filter.from : since;

  const byFirstReport = async (): Promise<ScanCount> => {
    let count = 0;
    let after: string | null = null;
    for (let page = 0; page < MAX_SCAN_PAGES; page += 1) {
      const data: ResultOf<typeof RecentlyReportedQuery> = await queryApi(RecentlyReportedQuery, {
        filter,
        first: MAX_PAGE_SIZE,
        after,
      });
      for (const deal of data.deals.nodes) {
        if (deal.firstReportedAt.slice(0, 10) < since) return { count, complete: true };
        count += 1;
      }
      if (!data.deals.pageInfo.hasNextPage) return { count, complete: true };
      after = data.deals.pageInfo.endCursor;
    }
    return { count, complete: false };
  };

  const [byAnnouncement, reported] = await Promise.all([countDeals({ ...filter, from }), byFirstReport()]);
  return { byAnnouncement, byFirstReport: reported, since };
}
