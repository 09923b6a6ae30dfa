// Groups the names used in one article into entities: "Veltrana" and "Veltrana Payments" are one
// organisation, "Tsai" is "Joe Tsai", "BMW" is "BMW Group"; "Alibaba Cloud" stays a unit of its own.

import { foldWord } from "./lexicon.ts";
import type { EntityKind, EntityRef, KnownEntity } from "./types.ts";

export interface NameUse {
  text: string;
  kind: EntityKind;
  start: number;
  entityId?: string;
}

export interface EntityCluster {
  id: number;
  kind: EntityKind;
  /** The fullest name used in the article, or the known entity's name. */
  name: string;
  entityId?: string;
  /** Folded surface forms that belong to this entity. */
  surfaces: Set<string>;
  firstStart: number;
}

const LEGAL_SUFFIXES = new Set([
  "ltd",
  "ltd.",
  "limited",
  "inc",
  "inc.",
  "corp",
  "corp.",
  "corporation",
  "co",
  "co.",
  "company",
  "plc",
  "ag",
  "sa",
  "s.a.",
  "se",
  "nv",
  "n.v.",
  "bv",
  "ab",
  "asa",
  "a/s",
  "oy",
  "oyj",
  "spa",
  "s.p.a.",
  "gmbh",
  "kg",
  "llc",
  "llp",
  "lp",
  "pty",
  "bhd",
  "berhad",
  "tbk",
  "k.k.",
  "group",
  "holdings",
  "holding",
]);

/** Folded words of an organisation's name without legal suffixes ("BMW Group" → ["bmw"]). */
export function orgCore(name: string): string[] {
  const tokens = name.split(/\s+/).map(foldWord).filter(Boolean);
  while (tokens.length > 1 && LEGAL_SUFFIXES.has(tokens[tokens.length - 1] ?? "")) tokens.pop();
  return tokens;
}

export function hasLegalSuffix(name: string): boolean {
  const tokens = name.split(/\s+/).map(foldWord);
  return tokens.length > 1 && LEGAL_SUFFIXES.has(tokens[tokens.length - 1] ?? "");
}

function isPrefix(short: readonly string[], long: readonly string[]): boolean {
  return short.length < long.length && short.every((w, i) => long[i] === w);
}

function clusterKey(use: NameUse): string {
  if (use.kind === "ORGANIZATION") return orgCore(use.text).join(" ");
  return foldWord(use.text);
}

/** Entities of one article from the names it uses (any order). */
export function clusterEntities(uses: readonly NameUse[], knowledge: readonly KnownEntity[]): EntityCluster[] {
  const clusters: EntityCluster[] = [];
  const byKey = new Map<string, EntityCluster>();
  const byEntityId = new Map<string, EntityCluster>();
  const known = new Map(knowledge.map((k) => [k.id, k]));
  const ordered = [...uses].sort((a, b) => b.text.length - a.text.length || a.start - b.start);
  // 1. known entities and exact keys
  for (const use of ordered) {
    const key = `${use.kind}:${clusterKey(use)}`;
    const existing = use.entityId ? byEntityId.get(use.entityId) : byKey.get(key);
    if (existing) {
      existing.surfaces.add(foldWord(use.text));
      existing.firstStart = Math.min(existing.firstStart, use.start);
      if (!byKey.has(key)) byKey.set(key, existing);
      continue;
    }
    const entity = use.entityId ? known.get(use.entityId) : undefined;
    const cluster: EntityCluster = {
      id: clusters.length,
      kind: use.kind,
      name: entity?.name ?? use.text,
      entityId: use.entityId,
      surfaces: new Set([foldWord(use.text)]),
      firstStart: use.start,
    };
    clusters.push(cluster);
    byKey.set(key, cluster);
    if (use.entityId) byEntityId.set(use.entityId, cluster);
  }
  return mergeShortForms(clusters);
}

/** "Veltrana" joins "Veltrana Payments"; "Tsai" joins "Joe Tsai". */
function mergeShortForms(clusters: EntityCluster[]): EntityCluster[] {
  const removed = new Set<number>();
  const longestSurface = (c: EntityCluster): string[] =>
    [...c.surfaces].sort((a, b) => b.length - a.length)[0]?.split(/\s+/) ?? [];
  for (const short of clusters) {
    if (short.entityId) continue;
    const words = short.kind === "ORGANIZATION" ? orgCore(short.name) : short.name.split(/\s+/).map(foldWord);
    const candidates = clusters
      .filter((c) => c !== short && !removed.has(c.id) && c.kind === short.kind)
      .filter((c) => {
        if (short.kind === "ORGANIZATION") {
          if ([...short.surfaces].some(hasLegalSuffix)) return false;
          return [...c.surfaces].some((s) => isPrefix(words, orgCore(s)));
        }
        if (short.kind === "PERSON") {
          const long = longestSurface(c);
          return words.length === 1 && long.length > 1 && long[long.length - 1] === words[0];
        }
        return false;
      })
      .sort((a, b) => a.firstStart - b.firstStart);
    const target = candidates[0];
    if (!target) continue;
    for (const s of short.surfaces) target.surfaces.add(s);
    target.firstStart = Math.min(target.firstStart, short.firstStart);
    removed.add(short.id);
  }
  return clusters.filter((c) => !removed.has(c.id));
}

export function refOf(cluster: EntityCluster): EntityRef {
  return cluster.entityId
    ? { entityId: cluster.entityId, name: cluster.name, kind: cluster.kind }
    : { name: cluster.name, kind: cluster.kind };
}
