import { describe, expect, it } from "vitest";
import { extractArticle } from "./extract-article.ts";

describe("companies named after places", () => {
  it("does not make the place in a company's name a market", () => {
    const x = extractArticle(
      "Bank of Ireland Group has partnered with Felstrom Pay to offer instant payments to small businesses in Poland.",
      [],
    );
    expect(x.deals).toHaveLength(1);
    expect(x.deals[0]?.regionCodes).toEqual(["616"]);
    expect(x.mentions.find((m) => m.text === "Bank of Ireland Group")?.kind).toBe("ORGANIZATION");
    expect(x.mentions.some((m) => m.text === "Ireland")).toBe(false);
  });

  it("maps cities to their countries and ignores the airline's namesake country", () => {
    const x = extractArticle(
      "Air Ghana Ltd has signed a codeshare partnership with Tarsella Airways on flights to Nairobi and Johannesburg.",
      [],
    );
    expect(x.deals[0]?.participants.map((p) => p.ref.name).sort()).toEqual(["Air Ghana Ltd", "Tarsella Airways"]);
    expect(x.deals[0]?.regionCodes).toEqual(["404", "710"]);
    expect(x.deals[0]?.status).toBe("SIGNED");
  });
});

describe("markets, not home countries", () => {
  it("skips a party's home city and keeps where the deal applies", () => {
    const x = extractArticle(
      "Seoul-based Haneul Motors has agreed to acquire Bristow Mobility, a ride-hailing start-up, to expand in Kenya and Uganda.",
      [],
    );
    expect(x.deals[0]?.regionCodes).toEqual(["404", "800"]);
  });

  it("reads a possessive place before a company as its home", () => {
    const x = extractArticle("Ghana's Oduro Pay has partnered with Lisk Commerce to serve merchants in Senegal.", []);
    expect(x.deals[0]?.regionCodes).toEqual(["686"]);
    expect(x.claims.find((c) => c.predicate === "HEADQUARTERED_IN")?.qualifiers?.regionCode).toBe("288");
  });

  it("reads nationality adjectives before customers as markets and before company nouns as homes", () => {
    const x = extractArticle(
      "German software group Kellner Systeme has formed a strategic partnership with Imani Cloud to help Kenyan exporters sell online.",
      [],
    );
    expect(x.deals[0]?.regionCodes).toEqual(["404"]);
  });

  it("ignores the venue where a deal was announced", () => {
    const x = extractArticle(
      "At a conference in Singapore, Marlow Capital said it had invested $20 million in Tessin Labs to expand across Southeast Asia.",
      [],
    );
    expect(x.deals[0]?.type).toBe("INVESTMENT");
    expect(x.deals[0]?.regionCodes).toEqual(["035"]);
  });

  it("names sub-regions by their M49 codes", () => {
    const x = extractArticle(
      "Arvenna Foods has partnered with Delmar Freight to run cold-chain logistics across sub-Saharan Africa and the Middle East.",
      [],
    );
    expect(x.deals[0]?.regionCodes).toEqual(["202", "145"]);
    // the party names are masked: "Foods" and "Freight" are not sector evidence
    expect(x.deals[0]?.sectorCodes).toEqual(["logistics"]);
  });
});
