import { describe, expect, it } from "vitest";
import { isKnownCurrency, toUsd } from "./fx.ts";

describe("toUsd", () => {
  it("uses the rate in force on the date", () => {
    expect(toUsd(1_000, "EUR", new Date("2022-06-30T00:00:00Z"))).toBe(1_050);
    expect(toUsd(1_000, "EUR", new Date("2024-05-01T00:00:00Z"))).toBe(1_080);
  });

  it("uses the earliest rate before the table starts and the latest for undated amounts", () => {
    expect(toUsd(100, "GBP", new Date("2001-01-01T00:00:00Z"))).toBe(153);
    expect(toUsd(100, "GBP")).toBe(134);
  });

  it("knows USD and refuses unknown currencies", () => {
    expect(toUsd(42, "usd", new Date())).toBe(42);
    expect(toUsd(1, "XXX")).toBeUndefined();
    expect(isKnownCurrency("NGN")).toBe(true);
    expect(isKnownCurrency("ZZZ")).toBe(false);
  });
});
