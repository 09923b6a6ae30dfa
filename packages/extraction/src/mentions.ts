// Mentions of organisations, people, products and places: known names first, then capitalised
// spans classified by their own words and their context, then grouped into entities.

import { clusterEntities, type EntityCluster, type NameUse } from "./entities.ts";
import { lookupDemonym, lookupPlace } from "./gazetteer.ts";
import { findKnown, surfaceWords } from "./knowledge.ts";
import { foldWord, isFunctionWord } from "./lexicon.ts";
import { addScores, contextScores, emptyScores, structuralScores, type Scores } from "./name-cues.ts";
import { contentEnd, splitSentences, type Sentence } from "./segments.ts";
import { lowercaseWords, nameSpans, tokenize, type NameSpan, type Token } from "./tokens.ts";
import type { EntityKind, KnownEntity, Mention } from "./types.ts";

export interface DocMention extends Mention {
  sentence: number;
  cluster: EntityCluster;
  /** M49 codes for a place the gazetteer knows. */
  codes?: readonly string[];
}

export interface Doc {
  text: string;
  sentences: Sentence[];
  tokens: Token[][];
  mentions: DocMention[];
  clusters: EntityCluster[];
}

interface Occurrence {
  start: number;
  end: number;
  text: string;
  sentence: Sentence;
  kind?: EntityKind;
  entityId?: string;
  codes?: readonly string[];
  span?: NameSpan;
}

const KIND_ORDER: EntityKind[] = ["ORGANIZATION", "PERSON", "PRODUCT", "PLACE", "EVENT"];
const THRESHOLD = 1;

function best(scores: Scores | undefined): { kind: EntityKind; score: number } | undefined {
  if (!scores) return undefined;
  let top: { kind: EntityKind; score: number } | undefined;
  for (const kind of KIND_ORDER) {
    const score = scores[kind];
    if (score >= THRESHOLD && (!top || score > top.score)) top = { kind, score };
  }
  return top;
}

/** "sub-Saharan Africa": a lower-case word before the span can complete a place name. */
function extendPlace(
  text: string,
  span: NameSpan,
  tokens: readonly Token[],
): { start: number; name: string } | undefined {
  const first = span.tokens[0];
  if (!first) return undefined;
  const index = tokens.indexOf(first);
  const prev = index > 0 ? tokens[index - 1] : undefined;
  if (!prev || prev.cap || isFunctionWord(prev.text) || text.slice(prev.end, first.start) !== " ") return undefined;
  const name = text.slice(prev.start, span.end);
  return lookupPlace(name) ? { start: prev.start, name } : undefined;
}

/** Whether a whole span is a name the gazetteer or the knowledge already holds. */
function isKnownName(knowledge: readonly KnownEntity[]): (candidate: string) => boolean {
  if (knowledge.length === 0) return (candidate) => !!lookupPlace(candidate);
  const known = new Set(knowledge.flatMap((k) => [k.name, ...k.aliases].map((n) => surfaceWords(n).join(" "))));
  return (candidate) => !!lookupPlace(candidate) || known.has(surfaceWords(candidate).join(" "));
}

function collectOccurrences(text: string, knowledge: readonly KnownEntity[], sentences: readonly Sentence[]) {
  const lower = lowercaseWords(text.slice(0, contentEnd(text)));
  const tokensBySentence: Token[][] = [];
  const occurrences: Occurrence[] = [];
  for (const sentence of sentences) {
    const tokens = tokenize(text, sentence);
    tokensBySentence.push(tokens);
    const known = findKnown(text, tokens, knowledge);
    const dropped = new Set<number>();
    const spans: NameSpan[] = [];
    for (const span of nameSpans(text, sentence, tokens, lower, isKnownName(knowledge))) {
      const overlapping = known.filter((k) => k.start < span.end && span.start < k.end);
      if (overlapping.some((k) => k.start <= span.start && span.end <= k.end)) continue;
      if (overlapping.length > 0) {
        overlapping.forEach((k) => dropped.add(known.indexOf(k)));
      }
      spans.push(span);
    }
    known.forEach((k, i) => {
      if (dropped.has(i)) return;
      const place = k.entity.kind === "PLACE" ? lookupPlace(text.slice(k.start, k.end)) : undefined;
      const codes = place?.codes ?? (k.entity.countryCode ? [k.entity.countryCode] : undefined);
      occurrences.push({
        start: k.start,
        end: k.end,
        text: text.slice(k.start, k.end),
        sentence,
        kind: k.entity.kind,
        entityId: k.entity.id,
        codes,
      });
    });
    for (const span of spans) {
      const extended = extendPlace(text, span, tokens);
      if (extended) {
        occurrences.push({
          start: extended.start,
          end: span.end,
          text: extended.name,
          sentence,
          kind: "PLACE",
          codes: lookupPlace(extended.name)?.codes,
        });
        continue;
      }
      const place = lookupPlace(span.text);
      if (place) {
        occurrences.push({
          start: span.start,
          end: span.end,
          text: span.text,
          sentence,
          kind: "PLACE",
          codes: place.codes,
        });
        continue;
      }
      if (lookupDemonym(span.text)) continue;
      occurrences.push({ start: span.start, end: span.end, text: span.text, sentence, span });
    }
  }
  return { occurrences, tokensBySentence };
}

function scoreOccurrences(text: string, occurrences: readonly Occurrence[]): Map<string, Scores> {
  const scores = new Map<string, Scores>();
  const structural = new Set<string>();
  const nonInitial = new Set(occurrences.filter((o) => !o.span?.initial || o.kind).map((o) => o.text));
  for (const o of occurrences) {
    if (o.kind || !o.span || o.sentence.heading) continue;
    const span = o.span;
    const single = span.tokens.length === 1;
    const shaped = /\d|^\p{Ll}|.\p{Lu}/u.test(span.text);
    // a lone capitalised word opening a sentence needs stronger evidence ("Passengers with …")
    const weight = span.initial && single && !shaped && !nonInitial.has(o.text) ? 0.5 : 1;
    const s = scores.get(o.text) ?? emptyScores();
    if (!structural.has(o.text)) {
      addScores(s, structuralScores(span), weight);
      structural.add(o.text);
    }
    addScores(s, contextScores(text, span), weight);
    scores.set(o.text, s);
  }
  return scores;
}

function isTokenPrefix(a: readonly string[], b: readonly string[]): boolean {
  return a.length < b.length && a.every((w, i) => b[i] === w);
}

/** Short forms, surnames and coordinated names inherit the kind of the names they go with. */
function propagate(text: string, occurrences: readonly Occurrence[], scores: Map<string, Scores>): void {
  const decided = new Map<string, EntityKind>();
  for (const [name, s] of scores) {
    const top = best(s);
    if (top) decided.set(name, top.kind);
  }
  for (const o of occurrences) if (o.kind) decided.set(o.text, o.kind);
  const words = new Map<string, string[]>();
  const wordsOf = (name: string): string[] => {
    const hit = words.get(name);
    if (hit) return hit;
    const w = surfaceWords(name);
    words.set(name, w);
    return w;
  };
  for (const [name, s] of scores) {
    const mine = wordsOf(name);
    for (const [other, kind] of decided) {
      if (other === name) continue;
      const theirs = wordsOf(other);
      if (kind === "ORGANIZATION" && isTokenPrefix(mine, theirs) && s.PERSON < 3) s.ORGANIZATION += 2;
      if (kind === "ORGANIZATION" && isTokenPrefix(theirs, mine) && !best(s)) s.ORGANIZATION += 1.5;
      if (kind === "PERSON" && theirs.length > 1 && mine.length === 1 && mine[0] === theirs.at(-1)) s.PERSON += 3;
    }
  }
  // "Mato Grosso and Goiás", "Kenya, Tanzania and Rwanda"
  for (let i = 0; i + 1 < occurrences.length; i++) {
    const a = occurrences[i];
    const b = occurrences[i + 1];
    if (!a || !b || a.sentence !== b.sentence) continue;
    if (!/^(?:,\s*|\s+and\s+|\s+or\s+|,\s+and\s+)$/u.test(text.slice(a.end, b.start))) continue;
    const ka = a.kind ?? best(scores.get(a.text))?.kind;
    const kb = b.kind ?? best(scores.get(b.text))?.kind;
    const sa = scores.get(a.text);
    const sb = scores.get(b.text);
    if (ka && !kb && sb && !b.kind) sb[ka] += 1.5;
    if (kb && !ka && sa && !a.kind) sa[kb] += 1.5;
    // "Penang, Malaysia"
    if (sa && !ka && b.kind === "PLACE" && /^,\s*$/.test(text.slice(a.end, b.start))) sa.PLACE += 1.5;
  }
}

/** Mentions, sentences and entities of an article. */
export function analyseArticle(text: string, knowledge: readonly KnownEntity[]): Doc {
  const sentences = splitSentences(text);
  const { occurrences, tokensBySentence } = collectOccurrences(text, knowledge, sentences);
  occurrences.sort((a, b) => a.start - b.start);
  const scores = scoreOccurrences(text, occurrences);
  propagate(text, occurrences, scores);
  const kinds = new Map<string, EntityKind>();
  for (const [name, s] of scores) {
    const top = best(s);
    if (top) kinds.set(name, top.kind);
  }
  const accepted: Array<Occurrence & { kind: EntityKind }> = [];
  for (const o of occurrences) {
    const kind = o.kind ?? kinds.get(o.text);
    if (kind) accepted.push({ ...o, kind });
  }
  const uses: NameUse[] = accepted.map((o) => ({ text: o.text, kind: o.kind, start: o.start, entityId: o.entityId }));
  const clusters = resolveClusters(clusterEntities(uses, knowledge), knowledge);
  const clusterOf = (o: Occurrence & { kind: EntityKind }): EntityCluster | undefined =>
    clusters.find((c) =>
      o.entityId ? c.entityId === o.entityId : c.kind === o.kind && c.surfaces.has(foldWord(o.text)),
    );
  const mentions: DocMention[] = [];
  for (const o of accepted) {
    const cluster = clusterOf(o);
    if (!cluster) continue;
    const mention: DocMention = {
      text: o.text,
      start: o.start,
      end: o.end,
      kind: cluster.kind,
      sentence: o.sentence.index,
      cluster,
    };
    if (cluster.entityId) mention.entityId = cluster.entityId;
    else mention.proposedName = cluster.name;
    if (o.codes) mention.codes = o.codes;
    mentions.push(mention);
  }
  return { text, sentences, tokens: tokensBySentence, mentions, clusters };
}

/** An unresolved entity one of whose names is a known alias becomes that known entity. */
function resolveClusters(clusters: EntityCluster[], knowledge: readonly KnownEntity[]): EntityCluster[] {
  if (knowledge.length === 0) return clusters;
  const bySurface = new Map<string, KnownEntity>();
  for (const k of knowledge)
    for (const name of [k.name, ...k.aliases]) bySurface.set(`${k.kind}:${surfaceWords(name).join(" ")}`, k);
  return clusters.map((c) => {
    if (c.entityId) return c;
    for (const s of c.surfaces) {
      const hit = bySurface.get(`${c.kind}:${surfaceWords(s).join(" ")}`);
      if (hit) return { ...c, entityId: hit.id, name: hit.name };
    }
    return c;
  });
}

/** Public mention records (without the analysis internals). */
export function publicMentions(doc: Doc): Mention[] {
  return doc.mentions.map(({ text, start, end, kind, entityId, proposedName }) => {
    const m: Mention = { text, start, end, kind };
    if (entityId) m.entityId = entityId;
    if (proposedName) m.proposedName = proposedName;
    return m;
  });
}
