/** Shapes the API's per-operation health into chart rows (pure; shared by the server page and client charts). */

export type HealthPoint = { minute: string; requests: number; errors: number; p95Ms: number | null };
export type OperationHealth = {
  operation: string;
  requests: number;
  errors: number;
  p95Ms: number | null;
  series: readonly HealthPoint[];
};

export type HealthMetric = "requests" | "errors" | "p95Ms";

/** One minute of one metric: a value per series, in the order of `HealthChartData.series`. */
export type HealthChartRow = { minute: string; label: string; values: Array<number | null> };
export type HealthChartData = { series: string[]; rows: HealthChartRow[] };

export const OTHER_OPERATIONS = "Other";

/** HH:MM in UTC. */
export function minuteLabel(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toISOString().slice(11, 16);
}

/**
 * The `top` operations by requests as their own series, the rest folded into "Other": requests and
 * errors summed, p95 the highest of the folded operations' (a p95 cannot be summed).
 */
export function healthChartData(
  operations: readonly OperationHealth[],
  metric: HealthMetric,
  top = 6,
): HealthChartData {
  const ranked = [...operations].sort((a, b) => b.requests - a.requests || a.operation.localeCompare(b.operation));
  const shown = ranked.slice(0, top);
  const rest = ranked.slice(top);
  const series = shown.map((operation) => operation.operation);
  if (rest.length > 0) series.push(OTHER_OPERATIONS);

  const minutes = [...new Set(operations.flatMap((operation) => operation.series.map((point) => point.minute)))].sort();
  const byMinute = (operation: OperationHealth) => new Map(operation.series.map((point) => [point.minute, point]));
  const shownPoints = shown.map(byMinute);
  const restPoints = rest.map(byMinute);

  const rows = minutes.map((minute) => {
    const values: Array<number | null> = shownPoints.map((points) => pointValue(points.get(minute), metric));
    if (rest.length > 0) {
      const folded = restPoints.map((points) => pointValue(points.get(minute), metric));
      values.push(
        metric === "p95Ms" ? maxOrNull(folded) : folded.reduce<number>((sum, value) => sum + (value ?? 0), 0),
      );
    }
    return { minute, label: minuteLabel(minute), values };
  });
  return { series, rows };
}

function pointValue(point: HealthPoint | undefined, metric: HealthMetric): number | null {
  if (!point) return metric === "p95Ms" ? null : 0;
  return point[metric];
}

function maxOrNull(values: ReadonlyArray<number | null>): number | null {
  return values.reduce<number | null>(
    (max, value) => (value == null ? max : max == null ? value : Math.max(max, value)),
    null,
  );
}
