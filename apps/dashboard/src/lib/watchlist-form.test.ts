import { describe, expect, it } from "vitest";
import {
  checkWatchlistValues,
  companyNames,
  EMPTY_WATCHLIST_VALUES,
  fieldOfPath,
  readWatchlistValues,
  routeGlobalId,
  watchlistHref,
} from "./watchlist-form";

function form(entries: Array<[string, string]>): FormData {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
}

describe("readWatchlistValues", () => {
  it("reads repeated fields, drops unknown deal types and repeats", () => {
    const values = readWatchlistValues(
      form([
        ["name", "  Europe logistics "],
        ["companies", "Acme\nGlobex"],
        ["regionCodes", "150"],
        ["regionCodes", "150"],
        ["sectorCodes", "logistics"],
        ["dealTypes", "ACQUISITION"],
        ["dealTypes", "BOGUS"],
      ]),
    );
    expect(values).toEqual({
      name: "Europe logistics",
      companies: "Acme\nGlobex",
      includeUnits: false,
      regionCodes: ["150"],
      sectorCodes: ["logistics"],
      dealTypes: ["ACQUISITION"],
    });
  });

  it("includes units only when the box is ticked", () => {
    expect(readWatchlistValues(form([["includeUnits", "true"]])).includeUnits).toBe(true);
  });
});

describe("companyNames", () => {
  it("takes one name per line, without blanks or repeats", () => {
    expect(companyNames("Alibaba\n  BMW   Group \r\n\nalibaba\n")).toEqual(["Alibaba", "BMW Group"]);
  });
});

describe("checkWatchlistValues", () => {
  it("asks for a name", () => {
    expect(checkWatchlistValues(EMPTY_WATCHLIST_VALUES)).toEqual([
      { field: "name", message: "Give the watchlist a name." },
    ]);
  });

  it("refuses more than 50 items in a list", () => {
    const regionCodes = Array.from({ length: 51 }, (_, i) => String(i));
    expect(checkWatchlistValues({ ...EMPTY_WATCHLIST_VALUES, name: "x", regionCodes })).toEqual([
      { field: "regionCodes", message: "At most 50 at once." },
    ]);
  });
});

describe("fieldOfPath", () => {
  it("maps the API's input paths to the form's fields", () => {
    expect(fieldOfPath(["input", "name"])).toBe("name");
    expect(fieldOfPath(["input", "regionCodes", "0"])).toBe("regionCodes");
    expect(fieldOfPath(["input", "entityIds", "2"])).toBe("companies");
    expect(fieldOfPath(["input", "somethingElse"])).toBeNull();
    expect(fieldOfPath(null)).toBeNull();
  });
});

describe("watchlist ids in paths", () => {
  it("round-trips a global id through the URL", () => {
    const id = "V2F0Y2hsaXN0OmFiYy8xMjM=";
    const href = watchlistHref(id, "/events");
    expect(href).toBe("/watchlists/V2F0Y2hsaXN0OmFiYy8xMjM%3D/events");
    expect(routeGlobalId("V2F0Y2hsaXN0OmFiYy8xMjM%3D")).toBe(id);
    expect(routeGlobalId("%E0%A4%A")).toBe("%E0%A4%A");
  });
});
