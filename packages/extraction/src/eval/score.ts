// Precision / recall / F1 of an extraction against gold labels.

import { orgCore } from "../entities.ts";
import type { Deal, DealStatus, DealType, EntityKind, Extraction } from "../types.ts";

export interface GoldDeal {
  type: DealType;
  status: DealStatus;
  parties: string[];
  regionCodes: string[];
  sectorCodes: string[];
}

export interface GoldArticle {
  id: string;
  title: string;
  publishedAt: string;
  text: string;
  gold: { mentions: Array<{ text: string; kind: EntityKind }>; deals: GoldDeal[] };
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
}

export type Metric = "mentions" | "deals" | "status" | "regions" | "sectors";

export const METRICS: readonly Metric[] = ["mentions", "deals", "status", "regions", "sectors"];

export type Scorecard = Record<Metric, Counts>;

export function emptyScorecard(): Scorecard {
  return {
    mentions: { tp: 0, fp: 0, fn: 0 },
    deals: { tp: 0, fp: 0, fn: 0 },
    status: { tp: 0, fp: 0, fn: 0 },
    regions: { tp: 0, fp: 0, fn: 0 },
    sectors: { tp: 0, fp: 0, fn: 0 },
  };
}

export function prf(c: Counts): Prf {
  const precision = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

const SCORED_KINDS = new Set<EntityKind>(["ORGANIZATION", "PERSON", "PRODUCT", "PLACE"]);

/** Set comparison of (kind, text) pairs. */
export function compareSets(gold: ReadonlySet<string>, predicted: ReadonlySet<string>): Counts {
  let tp = 0;
  for (const g of gold) if (predicted.has(g)) tp++;
  return { tp, fp: predicted.size - tp, fn: gold.size - tp };
}

export function mentionKeys(mentions: ReadonlyArray<{ text: string; kind: EntityKind }>): Set<string> {
  return new Set(mentions.filter((m) => SCORED_KINDS.has(m.kind)).map((m) => `${m.kind}|${m.text}`));
}

/** A party name compared without case and legal suffixes ("BMW Group" = "BMW"). */
export function partyKey(name: string): string {
  return orgCore(name).join(" ");
}

function partySet(names: readonly string[]): string {
  return [...new Set(names.map(partyKey))].sort().join(" + ");
}

export interface DealMatch {
  gold: GoldDeal;
  predicted: Deal;
}

/** One-to-one matches on deal type and the set of parties. */
export function matchDeals(gold: readonly GoldDeal[], predicted: readonly Deal[]): DealMatch[] {
  const used = new Set<number>();
  const matches: DealMatch[] = [];
  for (const g of gold) {
    const key = partySet(g.parties);
    const index = predicted.findIndex(
      (p, i) => !used.has(i) && p.type === g.type && partySet(p.participants.map((x) => x.ref.name)) === key,
    );
    const p = predicted[index];
    if (index >= 0 && p) {
      used.add(index);
      matches.push({ gold: g, predicted: p });
    }
  }
  return matches;
}

function add(into: Counts, c: Counts): void {
  into.tp += c.tp;
  into.fp += c.fp;
  into.fn += c.fn;
}

/** Scores one article into a running scorecard. */
export function scoreArticle(article: GoldArticle, extraction: Extraction, card: Scorecard): DealMatch[] {
  add(card.mentions, compareSets(mentionKeys(article.gold.mentions), mentionKeys(extraction.mentions)));
  const matches = matchDeals(article.gold.deals, extraction.deals);
  add(card.deals, {
    tp: matches.length,
    fp: extraction.deals.length - matches.length,
    fn: article.gold.deals.length - matches.length,
  });
  for (const { gold, predicted } of matches) {
    const right = gold.status === predicted.status ? 1 : 0;
    add(card.status, { tp: right, fp: 1 - right, fn: 1 - right });
    add(card.regions, compareSets(new Set(gold.regionCodes), new Set(predicted.regionCodes)));
    add(card.sectors, compareSets(new Set(gold.sectorCodes), new Set(predicted.sectorCodes)));
  }
  return matches;
}

const pct = (x: number): string => (x * 100).toFixed(1).padStart(6);

/** A readable table: one row per metric. */
export function formatScorecard(title: string, card: Scorecard): string {
  const lines = [
    title,
    `${"metric".padEnd(10)} ${"P".padStart(6)} ${"R".padStart(6)} ${"F1".padStart(6)}   ${"tp".padStart(4)} ${"fp".padStart(4)} ${"fn".padStart(4)}`,
  ];
  for (const metric of METRICS) {
    const c = card[metric];
    const { precision, recall, f1 } = prf(c);
    lines.push(
      `${metric.padEnd(10)} ${pct(precision)} ${pct(recall)} ${pct(f1)}   ${String(c.tp).padStart(4)} ${String(c.fp).padStart(4)} ${String(c.fn).padStart(4)}`,
    );
  }
  return lines.join("\n");
}
