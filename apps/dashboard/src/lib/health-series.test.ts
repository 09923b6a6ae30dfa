import { describe, expect, it } from "vitest";
import { healthChartData, type OperationHealth } from "./health-series";

function operation(name: string, requests: number, p95: number | null): OperationHealth {
  return {
    operation: name,
    requests,
    errors: 0,
    p95Ms: p95,
    series: [
      { minute: "2026-01-01T10:00:00.000Z", requests, errors: 1, p95Ms: p95 },
      { minute: "2026-01-01T10:01:00.000Z", requests: 0, errors: 0, p95Ms: null },
    ],
  };
}

describe("healthChartData", () => {
  const operations = ["a", "b", "c", "d"].map((name, index) => operation(name, 10 - index, 5 * (index + 1)));

  it("keeps the top operations by requests and sums the rest as Other", () => {
    const data = healthChartData(operations, "requests", 2);
    expect(data.series).toEqual(["a", "b", "Other"]);
    expect(data.rows.map((row) => row.label)).toEqual(["10:00", "10:01"]);
    expect(data.rows[0]?.values).toEqual([10, 9, 15]);
  });

  it("takes the highest p95 of the folded operations", () => {
    const data = healthChartData(operations, "p95Ms", 2);
    expect(data.rows[0]?.values).toEqual([5, 10, 20]);
    expect(data.rows[1]?.values).toEqual([null, null, null]);
  });

  it("has no Other series when everything fits", () => {
    expect(healthChartData(operations, "errors").series).toEqual(["a", "b", "c", "d"]);
  });
});
