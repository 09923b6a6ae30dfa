import type { CSSProperties } from "react";
import { bucketLabel, formatCount, formatUsd } from "@/lib/format";
import { CHART_COLORS, countTicks, niceTicks, type ChartBucket } from "./chart-types";

const ROW_HEIGHT = 40;
const BAR_HEIGHT = 24;
const AXIS_HEIGHT = 24;
/** Rough width of one character of a 13px label. */
const CHAR_WIDTH = 7.2;

const percent = (value: number) => `${Number(value.toFixed(3))}%`;

/**
 * Horizontal bars, one per bucket; every bar is a link (named "Asia: 1 deal") to the filtered deal list.
 * Drawn on the server as plain SVG: no chart code runs in the browser. Bar lengths and ticks are
 * percentages of the plot's width, so the chart follows its card's width without measuring it.
 * Presentational: the buckets come aggregated from the API.
 */
export function BucketBarChart({
  data,
  maxLabelWidth = 170,
}: {
  data: readonly ChartBucket[];
  maxLabelWidth?: number;
}) {
  const max = data.reduce((highest, bucket) => Math.max(highest, bucket.count), 0);
  const ticks = countTicks(data) ?? niceTicks(max);
  const scaleEnd = ticks.at(-1) ?? 1;
  const x = (value: number) => percent((value / scaleEnd) * 100);
  const plotHeight = data.length * ROW_HEIGHT;
  const longest = data.reduce((length, bucket) => Math.max(length, bucket.label.length), 0);
  const labelWidth = Math.round(Math.min(maxLabelWidth, Math.max(48, longest * CHAR_WIDTH + 16)));

  return (
    <div className="bar-chart" style={{ "--label-width": `${labelWidth}px` } as CSSProperties}>
      {/* The links carry the same names; the visible labels need not be read twice. */}
      <ul className="bar-chart-labels" aria-hidden="true">
        {data.map((bucket) => (
          <li key={bucket.key} style={{ height: ROW_HEIGHT }} title={bucket.label}>
            {bucket.label}
          </li>
        ))}
      </ul>
      <div className="bar-chart-plot">
        <svg width="100%" height={plotHeight} className="bar-chart-bars">
          <g aria-hidden="true">
            {ticks.map((tick) => (
              <line key={tick} x1={x(tick)} x2={x(tick)} y1={0} y2={plotHeight} stroke={CHART_COLORS.grid} />
            ))}
          </g>
          {data.map((bucket, index) => {
            const y = index * ROW_HEIGHT + (ROW_HEIGHT - BAR_HEIGHT) / 2;
            const amount = bucket.totalAmountUsd > 0 ? ` · ${formatUsd(bucket.totalAmountUsd)}` : "";
            return (
              <g key={bucket.key}>
                {bucket.count > 0 ? (
                  <a href={bucket.href} aria-label={bucketLabel(bucket.label, bucket.count)}>
                    <title>{`${bucketLabel(bucket.label, bucket.count)}${amount}`}</title>
                    <rect
                      className="bar-chart-bar"
                      x={0}
                      y={y}
                      width={x(bucket.count)}
                      height={BAR_HEIGHT}
                      rx={3}
                      fill={CHART_COLORS.bar}
                    />
                  </a>
                ) : null}
                <text
                  x={x(bucket.count)}
                  dx={6}
                  y={y + BAR_HEIGHT / 2}
                  dominantBaseline="central"
                  fill={CHART_COLORS.axis}
                  fontSize={13}
                  aria-hidden="true"
                >
                  {formatCount(bucket.count)}
                </text>
              </g>
            );
          })}
        </svg>
        <svg width="100%" height={AXIS_HEIGHT} className="bar-chart-axis" aria-hidden="true">
          <line x1="0" x2="100%" y1={0.5} y2={0.5} stroke={CHART_COLORS.axis} />
          {ticks.map((tick) => (
            <g key={tick}>
              <line x1={x(tick)} x2={x(tick)} y1={0} y2={5} stroke={CHART_COLORS.axis} />
              <text x={x(tick)} y={18} textAnchor="middle" fill={CHART_COLORS.axis} fontSize={12}>
                {formatCount(tick)}
              </text>
            </g>
          ))}
        </svg>
      </div>
    </div>
  );
}
