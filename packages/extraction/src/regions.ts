// Markets a deal applies to, from the places and nationality adjectives in the text that describes
// it. A place is a market when the wording says so ("in China", "across Europe", "Nigerian
// exporters", "Japan's snack market"); a party's home ("Nigeria's Kwik", "Seoul-based", "Swedish
// battery maker"), a listing or event venue ("shares rose in Oslo", "told reporters in Mumbai") and
// a place a deal leaves behind ("from China", "outside Europe") are not.

import { lookupDemonym } from "./gazetteer.ts";
import type { Doc, DocMention } from "./mentions.ts";
import type { Span } from "./segments.ts";

type Cue = "market" | "home" | "neutral";

interface PlaceHit extends Span {
  codes: readonly string[];
  demonym: boolean;
}

const ORG_NOUN =
  /^(?:’s|'s)?\s+(?:[\p{L}-]+\s+){0,3}?(?:company|group|firm|maker|carmaker|automaker|chipmaker|drugmaker|conglomerate|chain|operator|developer|start-?up|bank|lender|insurer|carrier|airline|line|provider|retailer|utility|producer|manufacturer|specialist|fund|investor|lessor|forwarder|giant|brewer|miner|designer|distributor|wholesaler|supplier|subsidiary|unit|rival|outlet|publisher|broadcaster|unicorn|platform|conglomerates|companies|firms|groups|lenders|banks|fintech|shipper|house)s?\b/iu;

const MARKET_NOUN =
  /^(?:’s|'s)?\s+(?:[\p{L}-]+\s+){0,2}?(?:market|markets|consumers|customers|exporters|importers|farmers|businesses|manufacturers|drivers|users|merchants|retailers|patients|hospitals|schools|students|buyers|shoppers|smes|economy|clients|passengers|travell?ers|households|homes|grids|utilities|government|growers|trade|families|motorists|shops|stores|readers|viewers|investors)\b/iu;

/** "make West Africa one of its three main growth regions" */
const MARKET_ROLE =
  /^\s+(?:one of|a|an|its|their)\s+(?:(?:its|their|the)\s+)?(?:[\p{L}-]+\s+){0,3}?(?:markets?|regions?|growth areas?)\b/iu;

const MARKET_PREP =
  /\b(?:in|across|throughout|into|to|for|within|around|serving|covering|inside|of)\s+(?:the\s+)?(?:(?:rural|northern|southern|eastern|western|central|coastal|remote areas of|parts of|markets? (?:of|in|like|such as))\s+)?$/iu;

const HOME_LEFT =
  /\b(?:(?:based|headquartered|founded|listed|registered|incorporated|born|learned|learnt|trading|traded|domiciled)\s+in|from|outside|beyond|excluding|except|rest of|besides|keeps? the rights in|retains? the rights in)\s+(?:the\s+)?(?:(?:19|20)\d\d\s+in\s+)?$/iu;

const VENUE_LEFT =
  /(?:\b(?:summit|conference|forum|expo|event|meeting|fair|show|demonstration|congress|briefing|r&d cent(?:er|re))\b[^,.;]{0,40}\b(?:in|at)\s+$|\b(?:told|said|speaking|spoke|reporters|analysts)\b[^.;]{0,30}\bin\s+$)/iu;

const STOCK_MOVE =
  /\bshares?\b[^.;]*\b(?:rose|fell|jumped|gained|dropped|slipped|climbed|surged|tumbled|rallied|sank)\b|\blisted in\b|\btrading\b/iu;

function classify(text: string, hit: PlaceHit, sentence: Span, followedByOrg: boolean): Cue {
  const left = text.slice(Math.max(sentence.start, hit.start - 70), hit.start);
  const right = text.slice(hit.end, Math.min(sentence.end, hit.end + 60));
  if (/^-(?:based|listed|headquartered|registered|born)\b/u.test(right)) return "home";
  if (followedByOrg) return "home";
  if (HOME_LEFT.test(left)) return "home";
  if (VENUE_LEFT.test(left)) return "home";
  if (STOCK_MOVE.test(text.slice(sentence.start, sentence.end))) return "home";
  if (ORG_NOUN.test(right) && (hit.demonym || /\b(?:a|an|the)\s+$/iu.test(left) || /^(?:’s|'s)/u.test(right)))
    return "home";
  if (MARKET_NOUN.test(right) || MARKET_ROLE.test(right)) return "market";
  if (!hit.demonym && MARKET_PREP.test(left)) return "market";
  return "neutral";
}

const DEMONYM_RE = /(?<![\p{L}-])(?:sub-Saharan|[\p{Lu}][\p{L}]+(?:[ -][\p{Lu}][\p{L}]+)?)(?![\p{L}])/gu;

/** Places (with codes) and nationality adjectives inside a span, outside other mentions. */
function placeHits(doc: Doc, span: Span): Array<PlaceHit & { mention?: DocMention }> {
  const hits: Array<PlaceHit & { mention?: DocMention }> = [];
  const inside = doc.mentions.filter((m) => m.start >= span.start && m.end <= span.end);
  for (const m of inside) {
    if (m.kind === "PLACE") hits.push({ start: m.start, end: m.end, codes: m.codes ?? [], demonym: false, mention: m });
  }
  const body = doc.text.slice(span.start, span.end);
  for (const w of body.matchAll(DEMONYM_RE)) {
    const start = span.start + w.index;
    const end = start + w[0].length;
    if (inside.some((m) => m.start < end && start < m.end)) continue;
    const codes = lookupDemonym(w[0]) ?? (w[0].includes(" ") ? lookupDemonym(w[0].split(" ")[0] ?? "") : undefined);
    if (codes)
      hits.push({
        start,
        end: start + (lookupDemonym(w[0]) ? w[0].length : (w[0].split(" ")[0] ?? "").length),
        codes,
        demonym: true,
      });
  }
  return hits.sort((a, b) => a.start - b.start);
}

/** Market region codes found in the given spans of the article, in order of appearance. */
export function marketCodes(doc: Doc, spans: readonly Span[]): string[] {
  const codes: string[] = [];
  for (const span of spans) {
    const sentence = doc.sentences.find((s) => span.start >= s.start && span.start < s.end) ?? span;
    const hits = placeHits(doc, span);
    let previous: Cue | undefined;
    let previousEnd = -1;
    for (const hit of hits) {
      const nextOrg = doc.mentions.find(
        (m) =>
          m.kind === "ORGANIZATION" &&
          m.start >= hit.end &&
          m.start - hit.end <= 4 &&
          /^(?:’s|'s)?\s*$/u.test(doc.text.slice(hit.end, m.start)),
      );
      let cue = classify(doc.text, hit, sentence, !!nextOrg);
      // "in Kenya, Tanzania and Rwanda": list members share the cue of the first
      const listed =
        previousEnd >= 0 &&
        /^(?:,\s*|\s+and\s+|,\s+and\s+|\s+or\s+)(?:the\s+)?$/u.test(doc.text.slice(previousEnd, hit.start));
      if (listed && previous && cue !== "home") cue = previous;
      // "Penang, Malaysia"
      if (previous === "market" && /^,\s*$/u.test(doc.text.slice(previousEnd, hit.start))) cue = "market";
      if (cue === "market") for (const code of hit.codes) if (!codes.includes(code)) codes.push(code);
      previous = cue;
      previousEnd = hit.end;
    }
  }
  return codes;
}
