import { describe, expect, it } from "vitest";
import { loadSplit } from "./eval/load.ts";
import { extractArticle } from "./extract-article.ts";
import { SECTOR_CODES } from "./sectors.ts";
import { lookupCountry, lookupPlace } from "./gazetteer.ts";

const articles = [...loadSplit("dev"), ...loadSplit("test")];

describe("the labelled evaluation set", () => {
  it("has at least 36 articles of 120–300 words, split about half and half", () => {
    expect(articles.length).toBeGreaterThanOrEqual(36);
    expect(Math.abs(loadSplit("dev").length - loadSplit("test").length)).toBeLessThanOrEqual(2);
    for (const a of articles) {
      const words = a.text.split(/\s+/).filter(Boolean).length;
      expect(words, a.id).toBeGreaterThanOrEqual(120);
      expect(words, a.id).toBeLessThanOrEqual(300);
    }
  });

  it("labels only names that stand in the text, with valid kinds, types, statuses, regions and sectors", () => {
    const types = [
      "STRATEGIC_PARTNERSHIP",
      "CHANNEL_PARTNERSHIP",
      "JOINT_VENTURE",
      "LICENSING",
      "INVESTMENT",
      "ACQUISITION",
      "MERGER",
    ];
    const statuses = ["RUMOURED", "ANNOUNCED", "SIGNED", "COMPLETED", "TERMINATED"];
    for (const a of articles) {
      for (const m of a.gold.mentions) {
        expect(a.text.includes(m.text), `${a.id}: ${m.text}`).toBe(true);
        expect(["ORGANIZATION", "PERSON", "PRODUCT", "PLACE"]).toContain(m.kind);
      }
      for (const d of a.gold.deals) {
        expect(types).toContain(d.type);
        expect(statuses).toContain(d.status);
        expect(d.parties.length).toBeGreaterThanOrEqual(2);
        for (const code of d.regionCodes)
          expect(lookupCountry(code) ?? regionName(code), `${a.id}: ${code}`).toBeTruthy();
        for (const code of d.sectorCodes) expect(SECTOR_CODES as readonly string[]).toContain(code);
      }
    }
  });
});

function regionName(code: string): string | undefined {
  const names: Record<string, string> = {
    "002": "Africa",
    "202": "Sub-Saharan Africa",
    "011": "Western Africa",
    "014": "Eastern Africa",
    "150": "Europe",
    "142": "Asia",
    "035": "South-eastern Asia",
    "034": "Southern Asia",
    "145": "Western Asia",
    "419": "Latin America and the Caribbean",
    "021": "Northern America",
  };
  const name = names[code];
  return name && lookupPlace(name)?.codes.includes(code) ? name : undefined;
}

describe.each(articles.map((a) => [a.id, a] as const))("offsets in %s", (_id, article) => {
  const x = extractArticle(article.text, [], { publishedAt: article.publishedAt });

  it("quotes every mention exactly", () => {
    expect(x.mentions.length).toBeGreaterThan(0);
    for (const m of x.mentions) expect(article.text.slice(m.start, m.end)).toBe(m.text);
  });

  it("quotes every claim's and deal's evidence exactly", () => {
    const evidence = [...x.claims.map((c) => c.evidence), ...x.deals.flatMap((d) => d.evidence)];
    for (const e of evidence) {
      expect(e.end).toBeGreaterThan(e.start);
      expect(article.text.slice(e.start, e.end)).toBe(e.quote);
    }
  });
});
