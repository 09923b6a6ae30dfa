import { describe, expect, it } from "vitest";
import { extractArticle } from "./extract-article.ts";
import type { EntityKind } from "./types.ts";

function kinds(text: string): Record<string, EntityKind> {
  return Object.fromEntries(extractArticle(text, []).mentions.map((m) => [m.text, m.kind]));
}

describe("mentions", () => {
  it("classifies names by their words and their context", () => {
    const k = kinds(
      "Pellworth Systems, a Lagos-based maker of payment terminals, on Tuesday unveiled the Orin T2, a card reader for small shops. " +
        "“Merchants want speed,” said Pellworth chief executive Adaeze Nwosu. Nwosu said the device will go on sale in Accra.",
    );
    expect(k).toMatchObject({
      "Pellworth Systems": "ORGANIZATION",
      Lagos: "PLACE",
      "Orin T2": "PRODUCT",
      Pellworth: "ORGANIZATION",
      "Adaeze Nwosu": "PERSON",
      Nwosu: "PERSON",
      Accra: "PLACE",
    });
    expect(k.Merchants).toBeUndefined();
    expect(k.Tuesday).toBeUndefined();
  });

  it("does not take a sentence-opening everyday word for a name", () => {
    const k = kinds(
      "Analysts said Brennock Foods would gain. Shares in Brennock Foods rose. Passengers were unaffected.",
    );
    expect(Object.keys(k)).toEqual(["Brennock Foods"]);
  });

  it("keeps multi-word places and connectors together", () => {
    const k = kinds(
      "Tamsin Freight opened depots in Dar es Salaam, Ho Chi Minh City and sub-Saharan Africa, and in the Democratic Republic of the Congo.",
    );
    expect(k).toMatchObject({
      "Dar es Salaam": "PLACE",
      "Ho Chi Minh City": "PLACE",
      "sub-Saharan Africa": "PLACE",
      "Democratic Republic of the Congo": "PLACE",
    });
  });

  it("groups short forms with the full name", () => {
    const x = extractArticle("Orrin Payments has agreed to buy Vask Ltd. Orrin said Vask would keep its brand.", []);
    expect(x.mentions.filter((m) => m.text === "Orrin").every((m) => m.proposedName === "Orrin Payments")).toBe(true);
    expect(x.mentions.find((m) => m.text === "Vask")?.proposedName).toBe("Vask Ltd");
  });
});
