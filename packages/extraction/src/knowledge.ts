// Known entities (names and aliases) found in the token stream: case-insensitive, whole words,
// longest name first ("Alibaba Group" wins over "Alibaba").

import { foldWord } from "./lexicon.ts";
import type { Token } from "./tokens.ts";
import type { KnownEntity } from "./types.ts";

export interface KnownMatch {
  entity: KnownEntity;
  start: number;
  end: number;
  /** Index of the first and one past the last token. */
  from: number;
  to: number;
}

interface Surface {
  words: string[];
  entity: KnownEntity;
}

type KnowledgeIndex = Map<string, Surface[]>;

const indexCache = new WeakMap<readonly KnownEntity[], KnowledgeIndex>();

const WORD_RE = /[\p{L}\p{N}]+(?:[.\-'’&/][\p{L}\p{N}]+)*|&/gu;

export function surfaceWords(name: string): string[] {
  return (name.match(WORD_RE) ?? []).map(foldWord);
}

function buildIndex(knowledge: readonly KnownEntity[]): KnowledgeIndex {
  const index: KnowledgeIndex = new Map();
  for (const entity of knowledge) {
    for (const name of [entity.name, ...entity.aliases]) {
      const words = surfaceWords(name);
      const first = words[0];
      if (!first) continue;
      const list = index.get(first) ?? [];
      list.push({ words, entity });
      index.set(first, list);
    }
  }
  for (const list of index.values()) list.sort((a, b) => b.words.length - a.words.length);
  return index;
}

function knowledgeIndex(knowledge: readonly KnownEntity[]): KnowledgeIndex {
  const hit = indexCache.get(knowledge);
  if (hit) return hit;
  const built = buildIndex(knowledge);
  indexCache.set(knowledge, built);
  return built;
}

function matchesAt(text: string, tokens: readonly Token[], i: number, words: readonly string[]): boolean {
  for (let k = 0; k < words.length; k++) {
    const token = tokens[i + k];
    if (!token || foldWord(token.text) !== words[k]) return false;
    const prev = tokens[i + k - 1];
    if (k > 0 && prev && (!/^ $/.test(text.slice(prev.end, token.start)) || prev.possessive || prev.modifier))
      return false;
  }
  return true;
}

/** Known names in one sentence's tokens, without overlaps. */
export function findKnown(text: string, tokens: readonly Token[], knowledge: readonly KnownEntity[]): KnownMatch[] {
  if (knowledge.length === 0) return [];
  const index = knowledgeIndex(knowledge);
  const matches: KnownMatch[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (!token) continue;
    const candidates = index.get(foldWord(token.text)) ?? [];
    const hit = candidates.find((c) => matchesAt(text, tokens, i, c.words));
    const last = hit ? tokens[i + hit.words.length - 1] : undefined;
    if (hit && last) {
      matches.push({ entity: hit.entity, start: token.start, end: last.end, from: i, to: i + hit.words.length });
      i += hit.words.length - 1;
    }
  }
  return matches;
}
