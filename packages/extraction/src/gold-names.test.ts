// The held-out test split must not leak into the extractor: no name labelled in eval/test may
// appear, as a whole word, in the extractor's code (src, without eval and test files) or data.
// Place names are exempt: they are public geography that the gazetteer must hold (the M49 list).

import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadSplit } from "./eval/load.ts";

function filesUnder(dir: URL, keep: (path: string) => boolean): URL[] {
  const out: URL[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const url = new URL(entry.name + (entry.isDirectory() ? "/" : ""), dir);
    if (entry.isDirectory()) out.push(...filesUnder(url, keep));
    else if (keep(url.pathname)) out.push(url);
  }
  return out;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export function goldNames(): string[] {
  const names = new Set<string>();
  for (const article of loadSplit("test")) {
    for (const deal of article.gold.deals) for (const party of deal.parties) names.add(party);
    for (const mention of article.gold.mentions) if (mention.kind !== "PLACE") names.add(mention.text);
  }
  return [...names].sort();
}

const root = new URL("../", import.meta.url);
const sources = [
  ...filesUnder(
    new URL("src/", root),
    (p) => p.endsWith(".ts") && !p.endsWith(".test.ts") && !p.includes("/src/eval/"),
  ),
  ...filesUnder(new URL("data/", root), () => true),
];

describe("test-split names stay out of the extractor", () => {
  const names = goldNames();

  it("reads the names to look for", () => {
    expect(names.length).toBeGreaterThan(100);
    expect(sources.some((u) => u.pathname.endsWith("/src/mentions.ts"))).toBe(true);
    expect(sources.some((u) => u.pathname.endsWith("/data/iso3166-m49.csv"))).toBe(true);
  });

  it.each(sources.map((u) => [u.pathname.slice(root.pathname.length), u] as const))(
    "%s names none of them",
    (_path, url) => {
      const text = readFileSync(url, "utf8");
      const leaks = names.filter((name) =>
        new RegExp(`(?<![\\p{L}\\p{N}])${escape(name)}(?![\\p{L}\\p{N}])`, "iu").test(text),
      );
      expect(leaks).toEqual([]);
    },
  );
});
