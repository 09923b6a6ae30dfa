import { describe, expect, it } from "vitest";
import { extractArticle } from "./extract-article.ts";
import { clauseStance, combineStatus } from "./modality.ts";

describe("clauseStance", () => {
  it.each([
    ["Brantwell Foods denied that it was in talks to acquire Ostrander Dairy", "NEGATED", undefined],
    ["Brantwell Foods is not in talks with Ostrander Dairy", "NEGATED", undefined],
    ["Corvane Air called off talks to buy Lestrade Airways", "NEGATED", undefined],
    [
      "Pelmora Bank is in advanced talks to buy Quantis Pay, people familiar with the matter said",
      "RUMOURED",
      "RUMOURED",
    ],
    ["Pelmora Bank reportedly agreed to acquire Quantis Pay", "RUMOURED", "RUMOURED"],
    ["Corvane Air and Lestrade Airways have terminated their previously announced merger", "ASSERTED", "TERMINATED"],
    ["Pelmora Bank said it had completed its acquisition of Quantis Pay", "ASSERTED", "COMPLETED"],
    ["The deal is expected to close in the third quarter", "INTENT", "ANNOUNCED"],
    ["Pelmora Bank signed a strategic partnership with Quantis Pay", "ASSERTED", "SIGNED"],
    ["Pelmora Bank has agreed to acquire Quantis Pay", "ASSERTED", "ANNOUNCED"],
  ])("%s → %s / %s", (clause, modality, status) => {
    const stance = clauseStance(clause);
    expect(stance.modality).toBe(modality);
    expect(stance.status).toBe(status);
  });

  it("marks background clauses", () => {
    expect(clauseStance("Quantis Pay was last valued in a 2023 funding round").background).toBe(true);
    expect(clauseStance("Quantis Pay has raised $10 million").background).toBe(false);
  });

  it("keeps the most advanced status", () => {
    expect(combineStatus(["RUMOURED", "ANNOUNCED", "COMPLETED"])).toBe("COMPLETED");
    expect(combineStatus(["ANNOUNCED", "TERMINATED"])).toBe("TERMINATED");
    expect(combineStatus([])).toBeUndefined();
  });
});

describe("negated and rumoured deals", () => {
  it("turns a denial into a NEGATED claim and no deal", () => {
    const x = extractArticle(
      "Brantwell Foods on Monday denied a report that it was in talks to acquire Ostrander Dairy, the Danish cheese maker. " +
        "“Brantwell Foods is not in talks with Ostrander Dairy,” a Brantwell spokesperson said.",
      [],
    );
    expect(x.deals).toEqual([]);
    const claim = x.claims.find((c) => c.predicate === "ACQUIRED");
    expect(claim?.modality).toBe("NEGATED");
    expect(claim?.subject.name).toBe("Brantwell Foods");
  });

  it("drops a rumoured deal that the company then denies", () => {
    const x = extractArticle(
      "The Harwick Post reported that Brantwell Foods had approached Ostrander Dairy about a takeover, citing people familiar with the matter. " +
        "Brantwell Foods denied the report and said it had no plans to bid for Ostrander Dairy.",
      [],
    );
    expect(x.deals).toEqual([]);
  });

  it("produces no deal when talks are called off", () => {
    const x = extractArticle(
      "Corvane Air has called off talks to buy Lestrade Airways after the two sides failed to agree on a price.",
      [],
    );
    expect(x.deals).toEqual([]);
    expect(x.claims.some((c) => c.predicate === "ACQUIRED" && c.modality === "NEGATED")).toBe(true);
  });

  it("marks talks reported by people familiar with the matter as RUMOURED", () => {
    const x = extractArticle(
      "Pelmora Bank is in advanced talks to buy Quantis Pay for about $300 million, according to people familiar with the matter.",
      [],
    );
    expect(x.deals).toHaveLength(1);
    expect(x.deals[0]?.type).toBe("ACQUISITION");
    expect(x.deals[0]?.status).toBe("RUMOURED");
    expect(x.deals[0]?.amount).toEqual({ value: 300_000_000, currency: "USD" });
    expect(x.claims.find((c) => c.predicate === "ACQUIRED")?.modality).toBe("RUMOURED");
  });

  it("terminates a previously announced deal that is called off", () => {
    const x = extractArticle("Corvane Air and Lestrade Airways have terminated their previously announced merger.", []);
    expect(x.deals).toHaveLength(1);
    expect(x.deals[0]?.type).toBe("MERGER");
    expect(x.deals[0]?.status).toBe("TERMINATED");
  });

  it("does not read a future closing as a completed deal", () => {
    const x = extractArticle(
      "Pelmora Bank has agreed to acquire Quantis Pay for €80 million. The acquisition is expected to be completed in the third quarter.",
      [],
    );
    expect(x.deals[0]?.status).toBe("ANNOUNCED");
  });

  it("gives a later report of the same deal the same key with its new status", () => {
    const first = extractArticle("Pelmora Bank has agreed to acquire Quantis Pay for €80 million.", []);
    const later = extractArticle("Pelmora Bank said on Friday it had completed its acquisition of Quantis Pay.", []);
    expect(first.deals[0]?.status).toBe("ANNOUNCED");
    expect(later.deals[0]?.status).toBe("COMPLETED");
    expect(later.deals[0]?.key).toBe(first.deals[0]?.key);
  });

  it("keeps a product launch out of the deals", () => {
    const x = extractArticle(
      "Quantis Pay on Tuesday launched the Quantis Card X1, a contactless payment card for students.",
      [],
    );
    expect(x.deals).toEqual([]);
    const launch = x.claims.find((c) => c.predicate === "LAUNCHED");
    expect(launch?.object.valueKind === "ENTITY" && launch.object.ref.name).toBe("Quantis Card X1");
  });
});
