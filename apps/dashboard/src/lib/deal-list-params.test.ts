import { describe, expect, it } from "vitest";
import { dealListHref, parseDealListParams, toDealFilter, toDealOrder } from "./deal-list-params";

describe("deal list URL parameters", () => {
  it("reads filters, drops unknown enum values and bad dates", () => {
    const params = parseDealListParams(
      new URLSearchParams(
        "regionCode=142&types=STRATEGIC_PARTNERSHIP&types=NOPE&statuses=SIGNED&from=2025-03&to=March&sort=amount&dir=asc",
      ),
    );
    expect(params).toMatchObject({
      regionCode: "142",
      types: ["STRATEGIC_PARTNERSHIP"],
      statuses: ["SIGNED"],
      from: "2025-03",
      to: undefined,
      sort: "amount",
      dir: "asc",
    });
    expect(toDealOrder(params)).toEqual({ field: "AMOUNT", direction: "ASC" });
  });

  it("round-trips through the URL and leaves defaults out", () => {
    const params = parseDealListParams({ sectorCode: "automotive", company: "Alibaba", includeUnits: "true" });
    const href = dealListHref(params);
    expect(href).toBe("/deals?sectorCode=automotive&company=Alibaba&includeUnits=true");
    expect(parseDealListParams(new URL(href, "http://x").searchParams)).toEqual(params);
  });

  it("applies includeUnits only with a company", () => {
    const params = parseDealListParams({ includeUnits: "true" });
    expect(toDealFilter(params, undefined).includeUnits).toBe(false);
    expect(toDealFilter(params, "RW50aXR5OjE").includeUnits).toBe(true);
  });
});
