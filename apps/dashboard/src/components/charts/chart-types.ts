import type { Bucket } from "@/data/overview";

/** A bucket from the API's aggregates plus the deal-list link it drills into. */
export type ChartBucket = Bucket & { href: string };

export const CHART_COLORS = {
  bar: "#2563eb",
  line: "#b45309",
  grid: "#d3d9e1",
  axis: "#4a5361",
} as const;

/** One colour per line (top six operations plus "Other", in grey), each at least 3:1 against white. */
export const SERIES_COLORS = ["#2563eb", "#b45309", "#047857", "#9333ea", "#be123c", "#0e7490", "#4b5563"] as const;

/** Whole-number ticks from 0 to the largest count, so a single deal fills its bar; undefined above 6. */
export function countTicks(data: readonly ChartBucket[]): number[] | undefined {
  const max = data.reduce((highest, bucket) => Math.max(highest, bucket.count), 0);
  if (max > 6) return undefined;
  return Array.from({ length: Math.max(max, 1) + 1 }, (_, index) => index);
}

/** About five round ticks (1, 2 or 5 × 10ⁿ apart) from 0 up to at least `max`; the last one is the scale's end. */
export function niceTicks(max: number): number[] {
  if (max <= 0) return [0, 1];
  const rough = max / 5;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((factor) => factor * magnitude).find((candidate) => candidate >= rough) ?? rough;
  const top = Math.ceil(max / step) * step;
  return Array.from({ length: Math.round(top / step) + 1 }, (_, index) => index * step);
}
