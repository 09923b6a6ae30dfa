import { describe, expect, it } from "vitest";
import { sectorsOf } from "./sectors.ts";

describe("sectorsOf", () => {
  it("maps keywords to theme codes", () => {
    expect(sectorsOf("an AI-powered assistant for next-generation vehicles")).toEqual([
      "artificial-intelligence",
      "automotive",
    ]);
    expect(sectorsOf("to bolster B2B e-commerce through a digital logistics platform")).toEqual([
      "e-commerce",
      "logistics",
    ]);
  });

  it("keeps acronyms case-sensitive", () => {
    expect(sectorsOf("she said the main road was closed")).toEqual([]);
    expect(sectorsOf("he paid for the TV")).toEqual(["media"]);
  });

  it("prefers the specific theme over the generic one", () => {
    expect(sectorsOf("solar farms with battery storage selling electricity to the grid")).toEqual(["renewable-energy"]);
    expect(sectorsOf("solar panels and a liquefied natural gas terminal")).toEqual(["energy", "renewable-energy"]);
  });

  it("needs enough evidence", () => {
    expect(sectorsOf("patients")).toEqual([]);
    expect(sectorsOf("patients in hospitals")).toEqual(["healthcare"]);
  });
});
