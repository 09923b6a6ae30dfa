import type { Metadata } from "next";
import Link from "next/link";
import { ApiUnavailable } from "@/components/api-unavailable";
import { ChartEmpty } from "@/components/chart-empty";
import { ChartTable } from "@/components/chart-table";
import { BucketBarChart } from "@/components/charts/bucket-bar-chart";
import type { ChartBucket } from "@/components/charts/chart-types";
import { LazyTimeChart } from "@/components/charts/lazy-time-chart";
import { Heatmap } from "@/components/heatmap";
import { HeadlineStats } from "@/components/headline-stats";
import { LinkSwitch } from "@/components/link-switch";
import { PeriodForm } from "@/components/period-form";
import type { DealFilter } from "@/data/deals";
import {
  countCompaniesInvolved,
  countRecentDeals,
  getDealMatrix,
  getDealStats,
  getHeadline,
  type Bucket,
} from "@/data/overview";
import { dealListHref } from "@/lib/deal-list-params";
import { whenApiReachable } from "@/lib/graphql";
import { overviewHref, parseOverviewParams } from "@/lib/overview-params";
import { fillPeriods, periodRange, REGION_LEVELS, TIME_GRAINS } from "@/lib/periods";
import type { SearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: { absolute: "Overview · Dealgraph" } };

const RECENT_DAYS = 30;
const OTHER = "other";

export default async function OverviewPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = parseOverviewParams(await searchParams);
  const filter: DealFilter = { from: params.from ?? null, to: params.to ?? null };

  const result = await whenApiReachable(() =>
    Promise.all([
      getHeadline(filter),
      countCompaniesInvolved(filter),
      countRecentDeals(filter, RECENT_DAYS),
      getDealStats({ filter, groupBy: "REGION", regionLevel: params.level.level }),
      getDealStats({ filter, groupBy: "SECTOR" }),
      getDealStats({ filter, groupBy: params.grain.groupBy }),
      getDealMatrix({ filter, regionLevel: params.level.level, regionLimit: 8, sectorLimit: 6 }),
    ]),
  );
  if (!result.ok) return <ApiUnavailable url={result.url} />;
  const [headline, companies, recent, byRegion, bySector, overTime, matrix] = result.data;

  const period = { from: params.from, to: params.to };
  const withLink = (buckets: Bucket[], href: (key: string) => string): ChartBucket[] =>
    buckets.map((bucket) => ({ ...bucket, href: bucket.key === OTHER ? dealListHref(period) : href(bucket.key) }));

  const regionBars = withLink(byRegion, (key) => dealListHref({ ...period, regionCode: key }));
  const sectorBars = withLink(bySector, (key) => dealListHref({ ...period, sectorCode: key }));
  const timeBars = withLink(
    fillPeriods(overTime, params.grain.groupBy, (empty) => ({ ...empty, count: 0, totalAmountUsd: 0 })),
    (key) => dealListHref(periodRange(key) ?? period),
  );
  const periodText =
    params.from && params.from === params.to
      ? params.from
      : params.from || params.to
        ? `${params.from ?? "the first deal"} to ${params.to ?? "today"}`
        : "all time";

  return (
    <>
      <header className="page-header">
        <h1>Partnerships at a glance</h1>
        <p>
          Deals reported in the news, by region, sector and time: {periodText}. Every bar and cell opens the deal list
          with that filter.
        </p>
        <PeriodForm params={params} />
      </header>

      <section aria-labelledby="headline-title">
        <h2 id="headline-title" className="visually-hidden">
          Headline figures
        </h2>
        <HeadlineStats headline={headline} companies={companies} recent={recent} recentDays={RECENT_DAYS} />
      </section>

      <div className="grid-2 section">
        <section className="card" aria-labelledby="regions-title" id="regions">
          <div className="chart-head">
            <h2 id="regions-title">Partnerships by region</h2>
            <LinkSwitch
              label="Region level"
              options={REGION_LEVELS.map((option) => ({
                label: option.label,
                href: overviewHref({ ...params, level: option }, "#regions"),
                current: option.param === params.level.param,
              }))}
            />
          </div>
          <figure className="chart-figure" aria-labelledby="regions-caption">
            <figcaption id="regions-caption">
              Deals per {params.level.label.toLowerCase()} where the deal applies; a deal in two regions counts in both.
            </figcaption>
            {regionBars.length > 0 ? (
              <BucketBarChart data={regionBars} />
            ) : (
              <ChartEmpty>No deals with a region in this period.</ChartEmpty>
            )}
          </figure>
          <ChartTable title="Partnerships by region" labelHeader="Region" data={regionBars} />
        </section>

        <section className="card" aria-labelledby="sectors-title" id="sectors">
          <div className="chart-head">
            <h2 id="sectors-title">Partnerships by sector</h2>
          </div>
          <figure className="chart-figure" aria-labelledby="sectors-caption">
            <figcaption id="sectors-caption">
              Deals per sector or theme; a deal in two sectors counts in both.
            </figcaption>
            {sectorBars.length > 0 ? (
              <BucketBarChart data={sectorBars} />
            ) : (
              <ChartEmpty>No deals with a sector in this period.</ChartEmpty>
            )}
          </figure>
          <ChartTable title="Partnerships by sector" labelHeader="Sector" data={sectorBars} />
        </section>
      </div>

      <section className="card section" aria-labelledby="time-title" id="over-time">
        <div className="chart-head">
          <h2 id="time-title">Deals and value over time</h2>
          <LinkSwitch
            label="Time period"
            options={TIME_GRAINS.map((option) => ({
              label: option.label,
              href: overviewHref({ ...params, grain: option }, "#over-time"),
              current: option.param === params.grain.param,
            }))}
          />
        </div>
        <figure className="chart-figure" aria-labelledby="time-caption">
          <figcaption id="time-caption">
            Deals by announcement {params.grain.label.toLowerCase()}
            {timeBars.some((bucket) => bucket.totalAmountUsd > 0)
              ? ", with the disclosed value in US dollars."
              : "; no deal in this period has a disclosed amount, so there is no value line."}
          </figcaption>
          {timeBars.length > 0 ? (
            <LazyTimeChart data={timeBars} />
          ) : (
            <ChartEmpty>No dated deals in this period.</ChartEmpty>
          )}
        </figure>
        <ChartTable title="Deals and value over time" labelHeader="Period" data={timeBars} />
      </section>

      <section className="card section" aria-labelledby="matrix-title" id="matrix">
        <div className="chart-head">
          <h2 id="matrix-title">Region × sector</h2>
          <p className="muted" style={{ margin: 0 }}>
            Regions by {params.level.label.toLowerCase()}; switch the level above.
          </p>
        </div>
        <p className="muted">
          The largest regions and sectors, the rest folded into “Other”. Each number opens the matching deals.
        </p>
        {matrix.cells.length > 0 ? (
          <Heatmap
            matrix={matrix}
            caption="Deals by region and sector"
            cellHref={(regionKey, sectorKey) =>
              dealListHref({
                ...period,
                regionCode: regionKey === OTHER ? undefined : regionKey,
                sectorCode: sectorKey === OTHER ? undefined : sectorKey,
              })
            }
          />
        ) : (
          <ChartEmpty>No deals with both a region and a sector in this period.</ChartEmpty>
        )}
      </section>

      <p className="section">
        <Link href={dealListHref(period)}>See every deal in the list</Link>
      </p>
    </>
  );
}
