import type {
  AliasType,
  DatePrecision,
  DealStatus,
  DealType,
  EntityKind,
  Modality,
  ParticipantRole,
  Predicate,
} from "../../generated/client.ts";

/** Hand-curated knowledge about one article, keyed by readable keys that become stable ids. */
export interface CuratedArticle {
  /** Base name of the article's files in prisma/data/articles (`.txt` text, `.json` metadata). */
  file: string;
  entities: CuratedEntity[];
  deals: CuratedDeal[];
  claims: CuratedClaim[];
}

export interface CuratedEntity {
  key: string;
  kind: EntityKind;
  name: string;
  description?: string;
  regionCode?: string;
  parent?: string;
  aliases?: [name: string, type: AliasType][];
  externalIds?: [scheme: string, value: string][];
}

export interface CuratedDeal {
  key: string;
  title: string;
  summary?: string;
  type: DealType;
  status: DealStatus;
  announced?: [date: string, precision: DatePrecision];
  amount?: { value: number; currency: string };
  participants: [entity: string, role: ParticipantRole][];
  regionCodes: string[];
  sectorCodes: string[];
}

export interface CuratedEvidence {
  quote: string;
  /** Which occurrence of the quote, when it stands more than once (0-based). */
  occurrence?: number;
  speaker?: string;
  speakerRole?: string;
}

export interface CuratedClaim {
  key: string;
  subject: string;
  predicate: Predicate;
  object?: string;
  text?: string;
  number?: { value: number; unit: string; text?: string };
  role?: string;
  modality?: Modality;
  date?: [date: string, precision: DatePrecision];
  regionCode?: string;
  sectorCode?: string;
  deal?: string;
  evidence?: CuratedEvidence[];
}

/** Finds a quote in the text; the seed refuses quotes that are missing or ambiguous. */
export function locateQuote(text: string, evidence: CuratedEvidence): { start: number; end: number } {
  const starts: number[] = [];
  for (let at = text.indexOf(evidence.quote); at !== -1; at = text.indexOf(evidence.quote, at + 1)) starts.push(at);
  if (starts.length === 0) throw new Error(`Quote not found in the article: "${evidence.quote}"`);
  if (evidence.occurrence === undefined && starts.length > 1) {
    throw new Error(`Quote stands ${starts.length} times; say which occurrence: "${evidence.quote}"`);
  }
  const start = starts[evidence.occurrence ?? 0];
  if (start === undefined) throw new Error(`Quote has no occurrence ${evidence.occurrence}: "${evidence.quote}"`);
  return { start, end: start + evidence.quote.length };
}

export interface NamedEntity {
  id: string;
  names: string[];
}

/**
 * Every place an entity's name or alias stands in the text, longest names first, without overlaps
 * ("Alibaba Group" wins over "Alibaba"), on word boundaries ("Nigeria" does not match "Nigerian").
 */
export function findMentions(text: string, entities: NamedEntity[]) {
  const surfaces = entities
    .flatMap((entity) => entity.names.map((name) => ({ name, entityId: entity.id })))
    .sort((a, b) => b.name.length - a.name.length);
  const taken: boolean[] = new Array<boolean>(text.length).fill(false);
  const mentions: { entityId: string; text: string; start: number; end: number }[] = [];
  for (const { name, entityId } of surfaces) {
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(name)}(?![\\p{L}\\p{N}])`, "giu");
    for (const match of text.matchAll(pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if (taken.slice(start, end).some(Boolean)) continue;
      taken.fill(true, start, end);
      mentions.push({ entityId, text: match[0], start, end });
    }
  }
  return mentions.sort((a, b) => a.start - b.start);
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
