import type { Bucket } from "@/data/overview";

/** A bucket from the API's aggregates plus the deal-list link it drills into. */
export type ChartBucket = Bucket & { href: string };

export const CHART_COLORS = {
  bar: "#2563eb",
  line: "#b45309",
  grid: "#d3d9e1",
  axis: "#4a5361",
} as const;
