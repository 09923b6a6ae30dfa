"use client";

import { useRef } from "react";
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { BarShapeProps } from "recharts";
import { formatCount, formatUsd } from "@/lib/format";
import { BarLink } from "./bar-link";
import { useUntabbableLayers } from "./use-untabbable-layers";
import { CHART_COLORS, countTicks, type ChartBucket } from "./chart-types";

/**
 * Deal count per period as bars (each a link to that period's deals) and, when any amount is known,
 * the total value as a line on a second axis.
 */
export function TimeChart({ data, height = 280 }: { data: readonly ChartBucket[]; height?: number }) {
  const rows = [...data];
  const container = useRef<HTMLDivElement>(null);
  useUntabbableLayers(container);
  const showValue = rows.some((bucket) => bucket.totalAmountUsd > 0);

  return (
    <div className="chart" style={{ height }} ref={container}>
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart
          data={rows}
          margin={{ top: 12, right: showValue ? 8 : 16, bottom: 4, left: 0 }}
          accessibilityLayer={false}
        >
          <CartesianGrid vertical={false} stroke={CHART_COLORS.grid} />
          <XAxis dataKey="label" tick={{ fill: CHART_COLORS.axis, fontSize: 12 }} stroke={CHART_COLORS.axis} />
          <YAxis
            yAxisId="count"
            allowDecimals={false}
            ticks={countTicks(rows)}
            domain={[0, "dataMax"]}
            width={40}
            tick={{ fill: CHART_COLORS.axis, fontSize: 12 }}
            stroke={CHART_COLORS.axis}
          />
          {showValue ? (
            <YAxis
              yAxisId="value"
              orientation="right"
              width={64}
              tickFormatter={(value: number) => formatUsd(value)}
              tick={{ fill: CHART_COLORS.axis, fontSize: 12 }}
              stroke={CHART_COLORS.axis}
            />
          ) : null}
          <Tooltip
            cursor={{ fill: "rgba(37, 99, 235, 0.08)" }}
            formatter={(value, name) =>
              name === "Value (USD)" ? [formatUsd(Number(value)), name] : [formatCount(Number(value)), name]
            }
          />
          <Legend wrapperStyle={{ fontSize: 13, color: CHART_COLORS.axis }} />
          <Bar
            yAxisId="count"
            dataKey="count"
            name="Deals"
            fill={CHART_COLORS.bar}
            maxBarSize={56}
            isAnimationActive={false}
            shape={(props: BarShapeProps) => <BarLink {...props} bucket={rows[props.index]} />}
          />
          {showValue ? (
            <Line
              yAxisId="value"
              dataKey="totalAmountUsd"
              name="Value (USD)"
              stroke={CHART_COLORS.line}
              strokeWidth={2}
              dot={{ r: 3 }}
              isAnimationActive={false}
            />
          ) : null}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
