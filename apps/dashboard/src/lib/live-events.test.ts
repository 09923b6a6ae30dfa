import { describe, expect, it } from "vitest";
import {
  arrivalsAfter,
  laterInstant,
  mergeArrivals,
  sseComment,
  sseMessage,
  toLiveArrival,
  type LiveArrival,
} from "./live-events";

const apiArrival = {
  arrivedAt: "2026-05-02T10:00:00.000Z",
  deal: {
    id: "RGVhbDox",
    title: "Acme × Globex logistics alliance",
    type: "STRATEGIC_PARTNERSHIP",
    status: "ANNOUNCED",
    announced: { label: "May 2026" },
    regions: [{ name: "Germany" }],
    sectors: [{ name: "Logistics" }],
    participants: [{ entity: { name: "Acme" } }, { entity: { name: "Globex" } }, { entity: { name: "Acme" } }],
    // Fields the page does not show must not be relayed.
    claims: [{ predicate: "PARTNERS_WITH" }],
  },
};

const live = (id: string, arrivedAt: string): LiveArrival => ({
  arrivedAt,
  deal: { id, title: id, type: "MERGER", status: "SIGNED", announced: null, regions: [], sectors: [], parties: [] },
});

describe("toLiveArrival", () => {
  it("keeps only what the page shows, parties once each", () => {
    expect(toLiveArrival(apiArrival)).toEqual({
      arrivedAt: "2026-05-02T10:00:00.000Z",
      deal: {
        id: "RGVhbDox",
        title: "Acme × Globex logistics alliance",
        type: "STRATEGIC_PARTNERSHIP",
        status: "ANNOUNCED",
        announced: "May 2026",
        regions: ["Germany"],
        sectors: ["Logistics"],
        parties: ["Acme", "Globex"],
      },
    });
  });
});

describe("Server-Sent Events framing", () => {
  it("writes one event with its id and one-line JSON data", () => {
    const message = sseMessage("arrival", { title: "a\nb" }, "2026-05-02T10:00:00.000Z");
    expect(message).toBe('event: arrival\nid: 2026-05-02T10:00:00.000Z\ndata: {"title":"a\\nb"}\n\n');
  });

  it("keeps line breaks out of ids and comments", () => {
    expect(sseMessage("ready", {}, "x\ny")).toContain("id: xy\n");
    expect(sseComment("heart\nbeat")).toBe(": heart beat\n\n");
  });
});

describe("resuming a feed", () => {
  it("takes the later of the page's start and the last event", () => {
    expect(laterInstant("2026-05-02T10:00:00.000Z", "2026-05-01T00:00:00.000Z")).toBe("2026-05-02T10:00:00.000Z");
    expect(laterInstant(null, "2026-05-01T00:00:00.000Z")).toBe("2026-05-01T00:00:00.000Z");
    expect(laterInstant("not a date", undefined)).toBeUndefined();
  });

  it("sends the arrivals after the resume point, oldest first", () => {
    const newestFirst = [
      live("c", "2026-05-03T00:00:00.000Z"),
      live("b", "2026-05-02T00:00:00.000Z"),
      live("a", "2026-05-01T00:00:00.000Z"),
    ];
    expect(arrivalsAfter(newestFirst, "2026-05-01T00:00:00.000Z").map((arrival) => arrival.deal.id)).toEqual([
      "b",
      "c",
    ]);
    expect(arrivalsAfter(newestFirst, undefined)).toEqual([]);
  });

  it("puts a new arrival on top and ignores a repeated deal", () => {
    const first = mergeArrivals([], live("a", "2026-05-01T00:00:00.000Z"));
    const second = mergeArrivals(first, live("b", "2026-05-02T00:00:00.000Z"));
    expect(second.map((arrival) => arrival.deal.id)).toEqual(["b", "a"]);
    expect(mergeArrivals(second, live("a", "2026-05-03T00:00:00.000Z")).map((arrival) => arrival.deal.id)).toEqual([
      "b",
      "a",
    ]);
  });
});
