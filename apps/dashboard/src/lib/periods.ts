import type { DealGroupBy, StatsRegionLevel } from "./enums";

/** The deal-list date range of a time bucket: "2025-03", "2025-Q1" or "2025". */
export function periodRange(key: string): { from: string; to: string } | undefined {
  if (/^\d{4}$/.test(key) || /^\d{4}-\d{2}$/.test(key)) return { from: key, to: key };
  const quarter = /^(\d{4})-Q([1-4])$/.exec(key);
  if (quarter?.[1] && quarter[2]) {
    const firstMonth = (Number(quarter[2]) - 1) * 3 + 1;
    const pad = (month: number) => String(month).padStart(2, "0");
    return { from: `${quarter[1]}-${pad(firstMonth)}`, to: `${quarter[1]}-${pad(firstMonth + 2)}` };
  }
  return undefined;
}

/** First day of a YYYY, YYYY-MM or YYYY-MM-DD period, as YYYY-MM-DD. */
export function periodStart(period: string): string {
  if (/^\d{4}$/.test(period)) return `${period}-01-01`;
  if (/^\d{4}-\d{2}$/.test(period)) return `${period}-01`;
  return period;
}

/** YYYY-MM-DD of `days` days before `now`, in UTC. */
export function daysAgo(days: number, now = new Date()): string {
  const date = new Date(now.getTime() - days * 24 * 60 * 60 * 1000);
  return date.toISOString().slice(0, 10);
}

export const REGION_LEVELS = [
  { param: "continent", level: "CONTINENT", label: "Continent" },
  { param: "sub-region", level: "SUB_REGION", label: "Sub-region" },
  { param: "country", level: "COUNTRY", label: "Country" },
] as const satisfies ReadonlyArray<{ param: string; level: StatsRegionLevel; label: string }>;

export type RegionLevelParam = (typeof REGION_LEVELS)[number]["param"];

export const TIME_GRAINS = [
  { param: "month", groupBy: "MONTH", label: "Month" },
  { param: "quarter", groupBy: "QUARTER", label: "Quarter" },
  { param: "year", groupBy: "YEAR", label: "Year" },
] as const satisfies ReadonlyArray<{ param: string; groupBy: DealGroupBy; label: string }>;

export type TimeGrainParam = (typeof TIME_GRAINS)[number]["param"];

type PeriodBucket = { key: string; label: string; count: number; totalAmountUsd: number };
type Grain = "MONTH" | "QUARTER" | "YEAR";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const MAX_POINTS = 2000;

/** Period key → a running index (months, quarters or years since year 0), or undefined if it is no period. */
function periodIndex(key: string, grain: Grain): number | undefined {
  const month = /^(\d{4})-(\d{2})$/.exec(key);
  if (grain === "MONTH" && month) return Number(month[1]) * 12 + Number(month[2]) - 1;
  const quarter = /^(\d{4})-Q([1-4])$/.exec(key);
  if (grain === "QUARTER" && quarter) return Number(quarter[1]) * 4 + Number(quarter[2]) - 1;
  if (grain === "YEAR" && /^\d{4}$/.test(key)) return Number(key);
  return undefined;
}

function periodAt(index: number, grain: Grain): { key: string; label: string } {
  if (grain === "MONTH") {
    const year = Math.floor(index / 12);
    const month = index % 12;
    return { key: `${year}-${String(month + 1).padStart(2, "0")}`, label: `${MONTHS[month] ?? ""} ${year}` };
  }
  if (grain === "QUARTER") {
    const year = Math.floor(index / 4);
    return { key: `${year}-Q${(index % 4) + 1}`, label: `Q${(index % 4) + 1} ${year}` };
  }
  return { key: String(index), label: String(index) };
}

/**
 * The API returns only periods that have deals; a time axis needs the empty ones too, or March would
 * sit next to July. Pads the series with zero buckets between its first and last period (no counting).
 */
export function fillPeriods<Bucket extends PeriodBucket>(
  buckets: readonly Bucket[],
  grain: Grain,
  empty: (period: { key: string; label: string }) => Bucket,
): Bucket[] {
  const byIndex = new Map<number, Bucket>();
  const rest: Bucket[] = [];
  for (const bucket of buckets) {
    const index = periodIndex(bucket.key, grain);
    if (index === undefined) rest.push(bucket);
    else byIndex.set(index, bucket);
  }
  if (byIndex.size === 0) return [...buckets];
  const indexes = [...byIndex.keys()];
  const first = Math.min(...indexes);
  const last = Math.max(...indexes);
  if (last - first + 1 > MAX_POINTS) return [...buckets];
  const series: Bucket[] = [];
  for (let index = first; index <= last; index += 1) {
    series.push(byIndex.get(index) ?? empty(periodAt(index, grain)));
  }
  return [...series, ...rest];
}
