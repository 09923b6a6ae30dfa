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
