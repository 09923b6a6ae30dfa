// Output contract of the extractor. Enum members mirror prisma/schema.prisma so that the API can
// store an Extraction without translation.

export type EntityKind = "ORGANIZATION" | "PERSON" | "PRODUCT" | "PLACE" | "EVENT";

export type Predicate =
  | "PARTNERS_WITH"
  | "JOINT_VENTURE_WITH"
  | "INVESTED_IN"
  | "ACQUIRED"
  | "MERGED_WITH"
  | "LICENSED_TO"
  | "LAUNCHED"
  | "DEVELOPED"
  | "INTEGRATES"
  | "STATED"
  | "WARNED_ABOUT"
  | "SUBSIDIARY_OF"
  | "HOLDS_ROLE"
  | "HEADQUARTERED_IN"
  | "LOCATED_IN"
  | "TOOK_PLACE_IN"
  | "ATTENDED"
  | "HAS_METRIC";

export type Modality = "ASSERTED" | "INTENT" | "OPINION" | "RUMOURED" | "NEGATED";

export type DatePrecision = "DAY" | "MONTH" | "QUARTER" | "YEAR";

export type DealType =
  | "STRATEGIC_PARTNERSHIP"
  | "CHANNEL_PARTNERSHIP"
  | "JOINT_VENTURE"
  | "LICENSING"
  | "INVESTMENT"
  | "ACQUISITION"
  | "MERGER";

export type DealStatus = "RUMOURED" | "ANNOUNCED" | "SIGNED" | "COMPLETED" | "TERMINATED";

export type ParticipantRole =
  | "PARTNER"
  | "PRINCIPAL"
  | "CHANNEL_PARTNER"
  | "INVESTOR"
  | "INVESTEE"
  | "ACQUIRER"
  | "TARGET"
  | "SELLER"
  | "MERGING_PARTY"
  | "LICENSOR"
  | "LICENSEE"
  | "VENTURE_PARENT";

/** An entity the caller already knows (from the database), used to resolve mentions. */
export interface KnownEntity {
  id: string;
  kind: EntityKind;
  name: string;
  aliases: string[];
  /** M49 code of the home country. */
  countryCode?: string;
}

/**
 * A reference to an entity: `entityId` is set when the mention resolved to a known entity;
 * `name` is always the canonical name (the known name, or the fullest form used in the article).
 */
export interface EntityRef {
  entityId?: string;
  name: string;
  kind: EntityKind;
}

export interface Mention {
  text: string;
  start: number;
  end: number;
  kind: EntityKind;
  entityId?: string;
  /** Canonical name proposed for an unresolved mention ("Tendo AgriTech" for "Tendo"). */
  proposedName?: string;
}

/** `quote === text.slice(start, end)`, always. */
export interface Evidence {
  quote: string;
  start: number;
  end: number;
  speakerName?: string;
  speakerRole?: string;
}

export interface Money {
  value: number;
  /** ISO 4217 code. */
  currency: string;
}

export type ClaimObject =
  | { valueKind: "ENTITY"; ref: EntityRef }
  | { valueKind: "TEXT"; text: string }
  | { valueKind: "MONEY"; money: Money }
  | { valueKind: "NUMBER"; value: number; unit?: string }
  | { valueKind: "DATE"; date: string; precision: DatePrecision };

export interface ClaimQualifiers {
  /** HOLDS_ROLE: the role title ("President and CEO"). */
  role?: string;
  regionCode?: string;
  sectorCode?: string;
  amount?: Money;
}

export interface Claim {
  subject: EntityRef;
  predicate: Predicate;
  object: ClaimObject;
  modality: Modality;
  confidence: number;
  qualifiers?: ClaimQualifiers;
  /** Key of the deal this claim supports (see `Deal.key`). */
  dealKey?: string;
  evidence: Evidence;
}

export interface DealParticipant {
  ref: EntityRef;
  role: ParticipantRole;
}

export interface Deal {
  /** Stable across articles for the same parties and type: lets a later report update the deal. */
  key: string;
  type: DealType;
  status: DealStatus;
  participants: DealParticipant[];
  /** UN M49 codes of the markets the deal applies to. */
  regionCodes: string[];
  sectorCodes: string[];
  amount?: Money;
  announcedDate?: { date: string; precision: DatePrecision };
  confidence: number;
  evidence: Evidence[];
}

export interface Extraction {
  mentions: Mention[];
  claims: Claim[];
  deals: Deal[];
}

export interface ExtractOptions {
  /** ISO date (YYYY-MM-DD or YYYY-MM) the article was published; used to date deals. */
  publishedAt?: string;
}
