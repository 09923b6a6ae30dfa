import { describe, expect, it } from "vitest";
import { buildRegionTree } from "./regions.ts";

const regions = new Map(buildRegionTree().map((r) => [r.code, r]));

describe("the M49 region tree", () => {
  it("rolls China up to Eastern Asia and Asia", () => {
    expect(regions.get("156")).toMatchObject({
      level: "COUNTRY",
      parentCode: "030",
      path: "001/142/030/156",
      continentCode: "142",
      subRegionCode: "030",
      intermediateRegionCode: null,
      countryCode: "156",
      alpha3: "CHN",
    });
  });

  it("rolls Nigeria up to Western Africa, Sub-Saharan Africa and Africa", () => {
    expect(regions.get("566")?.path).toBe("001/002/202/011/566");
    expect(regions.get("011")).toMatchObject({ level: "INTERMEDIATE_REGION", parentCode: "202" });
    expect(regions.get("202")).toMatchObject({
      level: "SUB_REGION",
      parentCode: "002",
      subRegionCode: "202",
      continentCode: "002",
    });
  });

  it("uses three-digit codes at every level and lists every country once", () => {
    for (const region of regions.values()) expect(region.code).toMatch(/^\d{3}$/);
    expect([...regions.values()].filter((r) => r.level === "COUNTRY")).toHaveLength(249);
    expect(
      [...regions.values()]
        .filter((r) => r.level === "CONTINENT")
        .map((r) => r.name)
        .sort(),
    ).toEqual(["Africa", "Americas", "Asia", "Europe", "Oceania"]);
  });

  it("hangs countries without a region directly under World", () => {
    expect(regions.get("010")).toMatchObject({ name: "Antarctica", parentCode: "001", continentCode: null });
  });

  it("lists parents before children when sorted by path length (the seed inserts in that order)", () => {
    const ordered = [...regions.values()].sort((a, b) => a.path.length - b.path.length);
    const seen = new Set<string>();
    for (const region of ordered) {
      if (region.parentCode) expect(seen.has(region.parentCode)).toBe(true);
      seen.add(region.code);
    }
  });
});
