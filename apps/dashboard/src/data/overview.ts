import { graphql, type ResultOf } from "@/graphql";
import type { DealGroupBy, StatsRegionLevel } from "@/lib/enums";
import { queryApi } from "@/lib/graphql";
import { daysAgo, periodStart } from "@/lib/periods";
import { countDeals, type DealFilter } from "./deals";
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

const SummaryQuery = graphql(`
  query DealSummary($filter: DealFilter) {
    dealSummary(filter: $filter) {
      deals
      companies
    }
  }
`);

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

/** Distinct organisations taking part in the filtered deals (the API's `dealSummary`). */
export async function countCompaniesInvolved(filter: DealFilter): Promise<number> {
  const data = await queryApi(SummaryQuery, { filter });
  return data.dealSummary.companies;
}

export type RecentCounts = { byAnnouncement: number; byFirstReport: number; since: string };

/** New deals in the last `days` days, by announcement date and by first report (one query each, in parallel). */
export async function countRecentDeals(filter: DealFilter, days: number, now = new Date()): Promise<RecentCounts> {
  const since = daysAgo(days, now);
  const from = filter.from && periodStart(filter.from) > since ? filter.from : since;
  const reportedFrom = filter.reportedFrom && periodStart(filter.reportedFrom) > since ? filter.reportedFrom : since;

  const [byAnnouncement, reported] = await Promise.all([
    countDeals({ ...filter, from }),
    queryApi(SummaryQuery, { filter: { ...filter, reportedFrom } }),
  ]);
  return { byAnnouncement, byFirstReport: reported.dealSummary.deals, since };
}
