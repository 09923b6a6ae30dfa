// `npm run eval -w @dealgraph/extraction [-- --split dev|test] [--details]`
// Prints precision, recall and F1 per metric for each split. `--details` lists per-article
// differences and is refused for the held-out test split.

import { extractArticle } from "../extract-article.ts";
import { loadSplit, type Split } from "./load.ts";
import {
  compareSets,
  emptyScorecard,
  formatScorecard,
  matchDeals,
  mentionKeys,
  scoreArticle,
  type GoldArticle,
} from "./score.ts";
import type { Extraction } from "../types.ts";

function describeDifferences(article: GoldArticle, extraction: Extraction): string[] {
  const lines: string[] = [];
  const gold = mentionKeys(article.gold.mentions);
  const predicted = mentionKeys(extraction.mentions);
  const missing = [...gold].filter((k) => !predicted.has(k));
  const extra = [...predicted].filter((k) => !gold.has(k));
  if (missing.length) lines.push(`  mentions missing: ${missing.join("; ")}`);
  if (extra.length) lines.push(`  mentions extra:   ${extra.join("; ")}`);
  const matches = matchDeals(article.gold.deals, extraction.deals);
  for (const g of article.gold.deals) {
    const m = matches.find((x) => x.gold === g);
    if (!m) {
      lines.push(
        `  deal missing: ${g.type} ${g.status} [${g.parties.join(", ")}] ${g.regionCodes.join(",")} ${g.sectorCodes.join(",")}`,
      );
      continue;
    }
    const p = m.predicted;
    const r = compareSets(new Set(g.regionCodes), new Set(p.regionCodes));
    const s = compareSets(new Set(g.sectorCodes), new Set(p.sectorCodes));
    if (g.status !== p.status || r.fp + r.fn + s.fp + s.fn > 0) {
      lines.push(
        `  deal ${g.type} [${g.parties.join(", ")}]: status ${p.status} (gold ${g.status}); regions ${p.regionCodes.join(",")} (gold ${g.regionCodes.join(",")}); sectors ${p.sectorCodes.join(",")} (gold ${g.sectorCodes.join(",")})`,
      );
    }
  }
  for (const p of extraction.deals) {
    if (!matches.some((m) => m.predicted === p)) {
      lines.push(
        `  deal extra: ${p.type} ${p.status} [${p.participants.map((x) => `${x.ref.name}:${x.role}`).join(", ")}] ${p.regionCodes.join(",")} ${p.sectorCodes.join(",")}`,
      );
    }
  }
  return lines;
}

function runSplit(split: Split, details: boolean): string {
  const card = emptyScorecard();
  const out: string[] = [];
  let cpu = 0;
  const articles = loadSplit(split);
  for (const article of articles) extractArticle(article.text, [], { publishedAt: article.publishedAt }); // warm-up
  for (const article of articles) {
    const before = process.cpuUsage();
    const extraction = extractArticle(article.text, [], { publishedAt: article.publishedAt });
    const used = process.cpuUsage(before);
    cpu += (used.user + used.system) / 1000;
    scoreArticle(article, extraction, card);
    if (details) {
      const diff = describeDifferences(article, extraction);
      if (diff.length) out.push(article.id, ...diff);
    }
  }
  const deals = articles.reduce((n, a) => n + a.gold.deals.length, 0);
  out.push(
    formatScorecard(
      `${split}: ${articles.length} articles, ${deals} gold deals, ${(cpu / articles.length).toFixed(1)} ms CPU/article`,
      card,
    ),
  );
  return out.join("\n");
}

function main(argv: readonly string[]): void {
  const splitArg = argv[argv.indexOf("--split") + 1];
  const splits: Split[] =
    argv.includes("--split") && (splitArg === "dev" || splitArg === "test") ? [splitArg] : ["dev", "test"];
  const details = argv.includes("--details");
  for (const split of splits) {
    console.log(runSplit(split, details && split === "dev"));
    console.log("");
  }
}

main(process.argv.slice(2));
