"use client";

import { useRef } from "react";
import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { BarShapeProps } from "recharts";
import { bucketLabel, formatCount, formatUsd } from "@/lib/format";
import { useUntabbableLayers } from "./use-untabbable-layers";
import { CHART_COLORS, type ChartBucket } from "./chart-types";

const ROW_HEIGHT = 40;
const AXIS_HEIGHT = 36;
/** Rough width of one character of a 13px axis label. */
const CHAR_WIDTH = 7.2;

/** Whole-number ticks from 0 to the largest count, so a single deal fills its bar. */
export function countTicks(data: readonly ChartBucket[]): number[] | undefined {
  const max = data.reduce((highest, bucket) => Math.max(highest, bucket.count), 0);
  if (max > 6) return undefined;
  return Array.from({ length: Math.max(max, 1) + 1 }, (_, index) => index);
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/**
 * Horizontal bars, one per bucket; every bar is a link (named "Asia: 1 deal") to the filtered deal list.
 * Presentational: the buckets come aggregated from the API.
 */
export function BucketBarChart({
  data,
  maxLabelWidth = 170,
}: {
  data: readonly ChartBucket[];
  maxLabelWidth?: number;
}) {
  const height = data.length * ROW_HEIGHT + AXIS_HEIGHT;
  const rows = [...data];
  const container = useRef<HTMLDivElement>(null);
  useUntabbableLayers(container);
  const longest = rows.reduce((length, bucket) => Math.max(length, bucket.label.length), 0);
  const labelWidth = Math.min(maxLabelWidth, Math.max(48, longest * CHAR_WIDTH + 16));

  return (
    <div className="chart" style={{ height }} ref={container}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart
          data={rows}
          layout="vertical"
          margin={{ top: 4, right: 36, bottom: 4, left: 4 }}
          accessibilityLayer={false}
          barCategoryGap="22%"
        >
          <CartesianGrid horizontal={false} stroke={CHART_COLORS.grid} />
          <XAxis
            type="number"
            allowDecimals={false}
            ticks={countTicks(rows)}
            domain={[0, "dataMax"]}
            tick={{ fill: CHART_COLORS.axis, fontSize: 12 }}
            stroke={CHART_COLORS.axis}
          />
          <YAxis
            type="category"
            dataKey="label"
            width={labelWidth}
            tick={{ fill: CHART_COLORS.axis, fontSize: 13 }}
            tickFormatter={(value: string) => truncate(value, Math.floor((labelWidth - 12) / CHAR_WIDTH))}
            stroke={CHART_COLORS.axis}
          />
          <Tooltip
            cursor={{ fill: "rgba(37, 99, 235, 0.08)" }}
            formatter={(value, _name, item) => {
              const bucket = item.payload as ChartBucket | undefined;
              const amount = bucket && bucket.totalAmountUsd > 0 ? ` · ${formatUsd(bucket.totalAmountUsd)}` : "";
              return [`${formatCount(Number(value))}${amount}`, "Deals"];
            }}
          />
          <Bar
            dataKey="count"
            fill={CHART_COLORS.bar}
            isAnimationActive={false}
            shape={(props: BarShapeProps) => <BarLink {...props} bucket={rows[props.index]} />}
          >
            <LabelList dataKey="count" position="right" fill={CHART_COLORS.axis} fontSize={13} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

/** One bar drawn as an SVG link; keyboard users reach it with Tab like any link. */
export function BarLink({ x, y, width, height, fill, bucket }: BarShapeProps & { bucket: ChartBucket | undefined }) {
  // Empty periods of a time series draw nothing and are no tab stop.
  if (!bucket || bucket.count === 0) return <g />;
  return (
    <a href={bucket.href} aria-label={bucketLabel(bucket.label, bucket.count)}>
      <rect x={x} y={y} width={Math.max(width ?? 0, 2)} height={height} fill={fill} rx={3} />
    </a>
  );
}
