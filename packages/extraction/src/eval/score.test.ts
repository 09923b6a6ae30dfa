import { describe, expect, it } from "vitest";
import type { Deal, Extraction } from "../types.ts";
import { emptyScorecard, formatScorecard, matchDeals, partyKey, prf, scoreArticle, type GoldArticle } from "./score.ts";

const deal = (
  type: Deal["type"],
  names: string[],
  regionCodes: string[],
  sectorCodes: string[],
  status: Deal["status"] = "ANNOUNCED",
): Deal => ({
  key: names.join("|"),
  type,
  status,
  participants: names.map((name) => ({ ref: { name, kind: "ORGANIZATION" as const }, role: "PARTNER" as const })),
  regionCodes,
  sectorCodes,
  confidence: 0.8,
  evidence: [],
});

describe("scoring", () => {
  it("computes precision, recall and F1", () => {
    expect(prf({ tp: 3, fp: 1, fn: 1 })).toEqual({ precision: 0.75, recall: 0.75, f1: 0.75 });
    expect(prf({ tp: 0, fp: 0, fn: 0 }).f1).toBe(1);
    expect(prf({ tp: 0, fp: 2, fn: 0 }).precision).toBe(0);
  });

  it("matches parties without case or legal suffixes, and requires the same type", () => {
    expect(partyKey("BMW Group")).toBe(partyKey("bmw"));
    expect(partyKey("Lindqvist Batteri AB")).toBe(partyKey("Lindqvist Batteri"));
    const gold = [
      {
        type: "MERGER" as const,
        status: "ANNOUNCED" as const,
        parties: ["Orrin Group", "Vask Ltd"],
        regionCodes: [],
        sectorCodes: [],
      },
    ];
    expect(matchDeals(gold, [deal("MERGER", ["Vask", "Orrin"], [], [])])).toHaveLength(1);
    expect(matchDeals(gold, [deal("ACQUISITION", ["Vask", "Orrin"], [], [])])).toHaveLength(0);
    expect(matchDeals(gold, [deal("MERGER", ["Vask", "Orrin", "Third Co"], [], [])])).toHaveLength(0);
  });

  it("scores mentions, deals, status, regions and sectors of one article", () => {
    const article: GoldArticle = {
      id: "t",
      title: "t",
      publishedAt: "2025-01-01",
      text: "",
      gold: {
        mentions: [
          { text: "Orrin", kind: "ORGANIZATION" },
          { text: "Kenya", kind: "PLACE" },
        ],
        deals: [
          {
            type: "MERGER",
            status: "COMPLETED",
            parties: ["Orrin", "Vask"],
            regionCodes: ["404", "800"],
            sectorCodes: ["fintech"],
          },
        ],
      },
    };
    const extraction: Extraction = {
      mentions: [
        { text: "Orrin", kind: "ORGANIZATION", start: 0, end: 5 },
        { text: "Kenya", kind: "ORGANIZATION", start: 9, end: 14 },
      ],
      claims: [],
      deals: [
        deal("MERGER", ["Orrin", "Vask"], ["404"], ["fintech", "retail"]),
        deal("INVESTMENT", ["A", "B"], [], []),
      ],
    };
    const card = emptyScorecard();
    scoreArticle(article, extraction, card);
    expect(card.mentions).toEqual({ tp: 1, fp: 1, fn: 1 });
    expect(card.deals).toEqual({ tp: 1, fp: 1, fn: 0 });
    expect(card.status).toEqual({ tp: 0, fp: 1, fn: 1 });
    expect(card.regions).toEqual({ tp: 1, fp: 0, fn: 1 });
    expect(card.sectors).toEqual({ tp: 1, fp: 1, fn: 0 });
    expect(formatScorecard("t", card)).toMatch(/deals\s+50\.0\s+100\.0\s+66\.7/);
  });
});
