// The extractor's entry point: article text in, mentions / claims / deals out. Pure: no database,
// no network; the packaged gazetteer file is read once per process.

import {
  dealClaims,
  headquartersClaims,
  launchClaims,
  quoteClaims,
  roleClaims,
  unitClaims,
  warningClaims,
} from "./claims.ts";
import { clauseViews } from "./clause-view.ts";
import { dealStatements } from "./deal-patterns.ts";
import { buildDeals, unitParents } from "./deals.ts";
import { analyseArticle, publicMentions } from "./mentions.ts";
import type { Extraction, ExtractOptions, KnownEntity } from "./types.ts";

export function extractArticle(text: string, knowledge: KnownEntity[], options: ExtractOptions = {}): Extraction {
  const doc = analyseArticle(text, knowledge);
  const views = clauseViews(doc);
  const { deals, claims: drafts } = buildDeals(doc, views, dealStatements, options.publishedAt);
  const roles = roleClaims(doc, views);
  const claims = [
    ...dealClaims(doc, drafts),
    ...launchClaims(doc, views),
    ...roles.claims,
    ...quoteClaims(doc, roles.roles),
    ...warningClaims(doc, views),
    ...headquartersClaims(doc, views),
    ...unitClaims(doc, unitParents(doc.clusters)),
  ];
  return { mentions: publicMentions(doc), claims, deals };
}
