import { describe, expect, it } from "vitest";
import { isWithin, lookupCountry, lookupDemonym, lookupPlace, parseCsvLine } from "./gazetteer.ts";

describe("gazetteer", () => {
  it.each([
    ["Nigeria", ["566"]],
    ["China", ["156"]],
    ["the Philippines", ["608"]],
    ["South Korea", ["410"]],
    ["Vietnam", ["704"]],
    ["UK", ["826"]],
    ["sub-Saharan Africa", ["202"]],
    ["Sub-Saharan Africa", ["202"]],
    ["Europe", ["150"]],
    ["Africa", ["002"]],
    ["Asia", ["142"]],
    ["Americas", ["019"]],
    ["Latin America and the Caribbean", ["419"]],
    ["Latin America", ["419"]],
    ["Northern America", ["021"]],
    ["Oceania", ["009"]],
    ["Eastern Asia", ["030"]],
    ["South-eastern Asia", ["035"]],
    ["Western Africa", ["011"]],
    ["West Africa", ["011"]],
    ["Middle East", ["145"]],
    ["Beijing", ["156"]],
    ["Hong Kong", ["344"]],
    ["Dar es Salaam", ["834"]],
  ])("%s → %j", (name, codes) => {
    expect(lookupPlace(name)?.codes).toEqual(codes);
  });

  it("does not take everyday words for places", () => {
    expect(lookupPlace("Group")).toBeUndefined();
    expect(lookupPlace("Ireland Group")).toBeUndefined();
  });

  it("knows demonyms", () => {
    expect(lookupDemonym("Nigerian")).toEqual(["566"]);
    expect(lookupDemonym("Chinese")).toEqual(["156"]);
    expect(lookupDemonym("German")).toEqual(["276"]);
    expect(lookupDemonym("Groupish")).toBeUndefined();
  });

  it("walks the M49 tree", () => {
    expect(lookupCountry("566")?.ancestors).toEqual(["002", "202", "011"]);
    expect(isWithin("566", "202")).toBe(true);
    expect(isWithin("566", "002")).toBe(true);
    expect(isWithin("156", "202")).toBe(false);
    expect(isWithin("156", "001")).toBe(true);
  });

  it("parses quoted CSV fields", () => {
    expect(parseCsvLine('"Korea, Republic of",KR,KOR,410,"",142')).toEqual([
      "Korea, Republic of",
      "KR",
      "KOR",
      "410",
      "",
      "142",
    ]);
  });
});
