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
