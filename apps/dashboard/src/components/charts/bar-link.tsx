import type { BarShapeProps } from "recharts";
import { bucketLabel } from "@/lib/format";
import type { ChartBucket } from "./chart-types";

/** One recharts bar drawn as an SVG link; keyboard users reach it with Tab like any link. */
export function BarLink({ x, y, width, height, fill, bucket }: BarShapeProps & { bucket: ChartBucket | undefined }) {
  // Empty periods of a time series draw nothing and are no tab stop.
  if (!bucket || bucket.count === 0) return <g />;
  return (
    <a href={bucket.href} aria-label={bucketLabel(bucket.label, bucket.count)}>
      <rect x={x} y={y} width={Math.max(width ?? 0, 2)} height={height} fill={fill} rx={3} />
    </a>
  );
}
