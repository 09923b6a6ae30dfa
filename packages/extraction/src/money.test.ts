import { describe, expect, it } from "vitest";
import { findMoney } from "./money.ts";

describe("findMoney", () => {
  it.each([
    ["for $1.2 billion in cash", 1.2e9, "USD"],
    ["a €240 million deal", 240e6, "EUR"],
    ["raised £45 million", 45e6, "GBP"],
    ["for ₹1,200 crore", 1.2e10, "INR"],
    ["worth 7.5 billion riyals", 7.5e9, "SAR"],
    ["for 1.4 billion Swiss francs", 1.4e9, "CHF"],
    ["raised R$80 million", 80e6, "BRL"],
    ["valued at A$3.1 billion", 3.1e9, "AUD"],
    ["450 million Mexican pesos", 450e6, "MXN"],
    ["CHF 300 million", 300e6, "CHF"],
    ["about 5 billion Kenyan shillings", 5e9, "KES"],
    ["¥15 billion upfront", 15e9, "JPY"],
    ["a $5m seed round", 5e6, "USD"],
  ])("%s", (text, value, currency) => {
    const [first] = findMoney(text);
    expect(first?.value).toBeCloseTo(value, 0);
    expect(first?.currency).toBe(currency);
    expect(first && text.slice(first.start, first.end)).toMatch(/\d/);
  });

  it("finds several amounts in order, and none in percentages or years", () => {
    expect(findMoney("R$80 million (about $15 million)").map((m) => m.currency)).toEqual(["BRL", "USD"]);
    expect(findMoney("shares rose 4% in 2024 to 300 stores")).toEqual([]);
  });
});
