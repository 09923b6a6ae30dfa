import { describe, expect, it } from "vitest";
import { extractArticle } from "./extract-article.ts";
import type { Deal } from "./types.ts";

function only(text: string): Deal {
  const { deals } = extractArticle(text, []);
  expect(deals, JSON.stringify(deals.map((d) => [d.type, d.participants.map((p) => p.ref.name)]))).toHaveLength(1);
  const deal = deals[0];
  if (!deal) throw new Error("no deal");
  return deal;
}

const roles = (deal: Deal): Record<string, string> =>
  Object.fromEntries(deal.participants.map((p) => [p.ref.name, p.role]));

describe("deal wordings", () => {
  it.each([
    ["Marrow Health has partnered with Quenby Labs to screen patients in Peru.", "STRATEGIC_PARTNERSHIP"],
    [
      "Marrow Health and Quenby Labs signed an agreement on Monday to screen patients in Peru.",
      "STRATEGIC_PARTNERSHIP",
    ],
    ["Marrow Health and Quenby Labs have formed a joint venture to build clinics in Peru.", "JOINT_VENTURE"],
    ["Marrow Health has agreed to merge with Quenby Labs.", "MERGER"],
    ["Marrow Health and Quenby Labs plan to combine in an all-share deal.", "MERGER"],
    ["Marrow Health has licensed its imaging software to Quenby Labs.", "LICENSING"],
    ["Marrow Health has agreed to buy Quenby Labs for $40 million.", "ACQUISITION"],
    ["Quenby Labs was acquired by Marrow Health last week.", "ACQUISITION"],
    ["Marrow Health took a 15% stake in Quenby Labs.", "INVESTMENT"],
    ["Marrow Health took a 60% stake in Quenby Labs.", "ACQUISITION"],
    ["Marrow Health's $5 million investment in Quenby Labs will fund a new lab.", "INVESTMENT"],
    ["Quenby Labs has raised $5 million from Marrow Health.", "INVESTMENT"],
  ])("%s → %s", (text, type) => {
    const deal = only(text);
    expect(deal.type).toBe(type);
    expect(deal.participants.map((p) => p.ref.name).sort()).toEqual(["Marrow Health", "Quenby Labs"]);
  });

  it("gives acquirer and target their roles, and the seller when one sells to another", () => {
    expect(roles(only("Quenby Labs was acquired by Marrow Health."))).toEqual({
      "Marrow Health": "ACQUIRER",
      "Quenby Labs": "TARGET",
    });
    const sale = only("Talvern Group agreed to sell Quenby Labs to Marrow Health for €90 million.");
    expect(roles(sale)).toEqual({ "Marrow Health": "ACQUIRER", "Quenby Labs": "TARGET", "Talvern Group": "SELLER" });
    expect(sale.amount).toEqual({ value: 90_000_000, currency: "EUR" });
  });

  it("collects every investor of a funding round", () => {
    const deal = only(
      "Quenby Labs has raised $12 million in a round led by Marrow Ventures, with participation from Osgood Capital.",
    );
    expect(roles(deal)).toEqual({
      "Quenby Labs": "INVESTEE",
      "Marrow Ventures": "INVESTOR",
      "Osgood Capital": "INVESTOR",
    });
  });

  it("tells the principal from its channel partner", () => {
    const appointed = only("Marrow Health has appointed Quenby Distribution as its exclusive distributor in Chile.");
    expect(appointed.type).toBe("CHANNEL_PARTNERSHIP");
    expect(roles(appointed)).toEqual({ "Marrow Health": "PRINCIPAL", "Quenby Distribution": "CHANNEL_PARTNER" });
    const sells = only("Quenby Distribution will distribute Marrow Health's devices in Chile.");
    expect(roles(sells)).toEqual({ "Marrow Health": "PRINCIPAL", "Quenby Distribution": "CHANNEL_PARTNER" });
  });

  it("finds two deals in one sentence and keeps their markets apart", () => {
    const { deals } = extractArticle(
      "Talvern Group said it had signed a partnership with Osgood Cloud to host its software in India, and separately agreed to acquire Quenby Labs in Brazil.",
      [],
    );
    expect(deals.map((d) => d.type).sort()).toEqual(["ACQUISITION", "STRATEGIC_PARTNERSHIP"]);
    expect(deals.find((d) => d.type === "ACQUISITION")?.regionCodes).toEqual(["076"]);
    expect(deals.find((d) => d.type === "STRATEGIC_PARTNERSHIP")?.regionCodes).toEqual(["356"]);
  });

  it("does not make a deal from a company and its own unit, or from one party alone", () => {
    expect(
      extractArticle("Talvern Group said its unit Talvern Cloud had signed a partnership with Talvern Group.", [])
        .deals,
    ).toEqual([]);
    expect(extractArticle("Quenby Labs raised $45 million last year to expand outside Peru.", []).deals).toEqual([]);
  });
});
