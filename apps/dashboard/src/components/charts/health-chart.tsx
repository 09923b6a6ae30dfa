"use client";

import { useRef } from "react";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatCount } from "@/lib/format";
import type { HealthChartData } from "@/lib/health-series";
import { CHART_COLORS, SERIES_COLORS } from "./chart-types";
import { useUntabbableLayers } from "./use-untabbable-layers";

/** One metric per minute over the window, a line per operation (top operations plus "Other"). */
export function HealthChart({
  data,
  unit,
  showDots = false,
  height = 260,
}: {
  data: HealthChartData;
  unit: string;
  /** Dots on every value, for series with gaps (p95 is null in minutes without requests). */
  showDots?: boolean;
  height?: number;
}) {
  const rows = [...data.rows];
  const container = useRef<HTMLDivElement>(null);
  useUntabbableLayers(container);
  return (
    <div className="chart" style={{ height }} ref={container}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 4, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid vertical={false} stroke={CHART_COLORS.grid} />
          <XAxis
            dataKey="label"
            interval="preserveStartEnd"
            minTickGap={24}
            tick={{ fill: CHART_COLORS.axis, fontSize: 12 }}
            stroke={CHART_COLORS.axis}
          />
          <YAxis
            allowDecimals={false}
            width={48}
            tick={{ fill: CHART_COLORS.axis, fontSize: 12 }}
            stroke={CHART_COLORS.axis}
          />
          <Tooltip formatter={(value) => (value == null ? "—" : `${formatCount(Number(value))} ${unit}`)} />
          <Legend wrapperStyle={{ fontSize: 13, color: CHART_COLORS.axis }} />
          {data.series.map((name, index) => (
            <Line
              key={name}
              type="linear"
              dataKey={(row: (typeof rows)[number]) => row.values[index] ?? null}
              name={name}
              stroke={SERIES_COLORS[index % SERIES_COLORS.length]}
              strokeWidth={2}
              dot={showDots ? { r: 2.5 } : false}
              connectNulls={false}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
