import { describe, expect, it } from "vitest";
import { countTicks, niceTicks } from "./chart-types";

const bucket = (count: number) => ({ key: String(count), label: String(count), count, totalAmountUsd: 0, href: "/" });

describe("chart ticks", () => {
  it("counts one by one up to six, so a single deal fills its bar", () => {
    expect(countTicks([bucket(1)])).toEqual([0, 1]);
    expect(countTicks([bucket(2), bucket(6)])).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(countTicks([bucket(7)])).toBeUndefined();
  });

  it("uses round steps above that, ending at or past the largest count", () => {
    expect(niceTicks(7)).toEqual([0, 2, 4, 6, 8]);
    expect(niceTicks(23)).toEqual([0, 5, 10, 15, 20, 25]);
    expect(niceTicks(1234)).toEqual([0, 500, 1000, 1500]);
  });
});
