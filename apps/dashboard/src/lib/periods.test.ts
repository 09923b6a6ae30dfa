import { describe, expect, it } from "vitest";
import { fillPeriods, periodRange, periodStart } from "./periods";

describe("periodRange", () => {
  it("turns bucket keys into deal-list date ranges", () => {
    expect(periodRange("2025-03")).toEqual({ from: "2025-03", to: "2025-03" });
    expect(periodRange("2025-Q4")).toEqual({ from: "2025-10", to: "2025-12" });
    expect(periodRange("2025")).toEqual({ from: "2025", to: "2025" });
    expect(periodRange("other")).toBeUndefined();
  });

  it("finds the first day of a period", () => {
    expect(periodStart("2025")).toBe("2025-01-01");
    expect(periodStart("2025-03")).toBe("2025-03-01");
  });
});

describe("fillPeriods", () => {
  const empty = (period: { key: string; label: string }) => ({ ...period, count: 0, totalAmountUsd: 0 });

  it("adds the empty months between the first and the last", () => {
    const filled = fillPeriods(
      [
        { key: "2024-11", label: "Nov 2024", count: 2, totalAmountUsd: 0 },
        { key: "2025-02", label: "Feb 2025", count: 1, totalAmountUsd: 5 },
      ],
      "MONTH",
      empty,
    );
    expect(filled.map((bucket) => `${bucket.label}=${bucket.count}`)).toEqual([
      "Nov 2024=2",
      "Dec 2024=0",
      "Jan 2025=0",
      "Feb 2025=1",
    ]);
  });

  it("adds empty quarters and keeps keys that are no period at the end", () => {
    const filled = fillPeriods(
      [
        { key: "other", label: "Undated", count: 1, totalAmountUsd: 0 },
        { key: "2025-Q3", label: "Q3 2025", count: 1, totalAmountUsd: 0 },
        { key: "2025-Q1", label: "Q1 2025", count: 1, totalAmountUsd: 0 },
      ],
      "QUARTER",
      empty,
    );
    expect(filled.map((bucket) => bucket.key)).toEqual(["2025-Q1", "2025-Q2", "2025-Q3", "other"]);
  });
});
