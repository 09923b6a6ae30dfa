import { describe, expect, it } from "vitest";
import { CURATED_ARTICLES, readCuratedArticleSource } from "./index.ts";
import { findMentions, locateQuote } from "./curated.ts";

describe("locateQuote", () => {
  it("finds a unique quote and refuses missing or ambiguous ones", () => {
    expect(locateQuote("one two one", { quote: "two" })).toEqual({ start: 4, end: 7 });
    expect(() => locateQuote("one two one", { quote: "one" })).toThrow(/2 times/);
    expect(locateQuote("one two one", { quote: "one", occurrence: 1 })).toEqual({ start: 8, end: 11 });
    expect(() => locateQuote("one two", { quote: "three" })).toThrow(/not found/);
  });
});

describe("findMentions", () => {
  const entities = [
    { id: "group", names: ["Fictional Group", "Fictional"] },
    { id: "land", names: ["Nigeria"] },
  ];
  it("prefers the longest name and respects word boundaries", () => {
    const text = "Fictional Group met Fictional’s partners; Nigerian firms in Nigeria agreed.";
    expect(findMentions(text, entities).map((m) => [m.text, m.entityId])).toEqual([
      ["Fictional Group", "group"],
      ["Fictional", "group"],
      ["Nigeria", "land"],
    ]);
  });
});

describe("the curated articles", () => {
  it("locate every quote in their stored text", () => {
    for (const curated of CURATED_ARTICLES) {
      const { text } = readCuratedArticleSource(curated.file);
      for (const claim of curated.claims) {
        for (const evidence of claim.evidence ?? []) {
          const { start, end } = locateQuote(text, evidence);
          expect(text.slice(start, end)).toBe(evidence.quote);
        }
      }
    }
  });

  it("refer only to entities they define", () => {
    for (const curated of CURATED_ARTICLES) {
      const keys = new Set(curated.entities.map((e) => e.key));
      const refs = [
        ...curated.entities.flatMap((e) => (e.parent ? [e.parent] : [])),
        ...curated.claims.flatMap((c) => [
          c.subject,
          ...(c.object ? [c.object] : []),
          ...(c.evidence ?? []).flatMap((e) => (e.speaker ? [e.speaker] : [])),
        ]),
        ...curated.deals.flatMap((d) => d.participants.map(([entity]) => entity)),
      ];
      for (const ref of refs) expect(keys.has(ref), ref).toBe(true);
    }
  });
});
