/**
 * SQL expressions that describe the synthetic corpus as pure functions of row numbers. Every
 * property of article `a`, entity `n`, deal `d` and claim `c` is a hash of its number, so each
 * table can be generated on its own by one INSERT … SELECT over generate_series (no lookups, no
 * per-row round trips), and the same scale always yields the same corpus.
 */

/** Sizes at scale 1 (the issue's default). */
export const FULL_SCALE = { articles: 50_000, entities: 100_000, claims: 1_000_000, deals: 100_000 } as const;

/** Every article sentence occupies a fixed-width slot, so evidence offsets are arithmetic. */
export const SLOT_WIDTH = 128;
export const FIRST_DAY = "2016-01-01";
export const DAYS = 3652;
/** Entity numbers by kind: organisations first (they take part in deals), then the rest. */
const KIND_SHARES: [kind: string, share: number][] = [
  ["ORGANIZATION", 0.6],
  ["PERSON", 0.25],
  ["PRODUCT", 0.1],
  ["PLACE", 0.03],
  ["EVENT", 0.02],
];

export interface Sizes {
  articles: number;
  entities: number;
  claims: number;
  deals: number;
}

export function sizesAt(scale: number): Sizes {
  const of = (n: number) => Math.max(1, Math.round(n * scale));
  return {
    articles: of(FULL_SCALE.articles),
    entities: of(FULL_SCALE.entities),
    claims: of(FULL_SCALE.claims),
    deals: of(FULL_SCALE.deals),
  };
}

/** A deterministic uniform number in [0, 1) from an integer expression and a salt. */
export function u(key: string, salt: number): string {
  return `((hashint8((${key})::bigint * 1000003 + ${salt}) & 2147483647)::float8 / 2147483648.0)`;
}

/** A CASE that picks a value with the given weights from a uniform expression. */
export function weighted(uniform: string, choices: [value: string, weight: number][], cast: string): string {
  const total = choices.reduce((sum, [, w]) => sum + w, 0);
  let cumulative = 0;
  const arms = choices.slice(0, -1).map(([value, w]) => {
    cumulative += w / total;
    return `WHEN ${uniform} < ${cumulative.toFixed(6)} THEN '${value}'`;
  });
  const last = choices.at(-1)?.[0] ?? "";
  return `(CASE ${arms.join(" ")} ELSE '${last}' END)::${cast}`;
}

export const uuidOf = (namespace: string, key: string) => `md5('${namespace}:' || (${key}))::uuid`;

const sqlArray = (items: readonly string[]) => `ARRAY[${items.map((s) => `'${s.replace(/'/g, "''")}'`).join(",")}]`;

const ORG_STEMS = [
  "Nova",
  "Apex",
  "Blue",
  "Quantum",
  "Orion",
  "Zenith",
  "Atlas",
  "Vertex",
  "Lumen",
  "Cobalt",
  "Harbor",
  "Summit",
  "Pioneer",
  "Sterling",
  "Crescent",
  "Aurora",
  "Granite",
  "Falcon",
  "Meridian",
  "Polar",
  "Evergreen",
  "Silverline",
  "Redwood",
  "Nimbus",
  "Helix",
  "Keystone",
  "Solstice",
  "Tidal",
  "Vanguard",
  "Beacon",
  "Crown",
  "Delta",
  "Ember",
  "Fusion",
  "Horizon",
  "Ionic",
  "Jade",
  "Kinetic",
  "Lattice",
  "Mosaic",
] as const;
const ORG_SUFFIXES = [
  "Holdings",
  "Motors",
  "Bank",
  "Logistics",
  "Systems",
  "Energy",
  "Telecom",
  "Pharma",
  "Retail",
  "Cloud",
  "Robotics",
  "Capital",
  "Foods",
  "Mining",
  "Media",
  "Semiconductor",
  "Airlines",
  "Insurance",
  "Labs",
  "Networks",
  "Group",
  "Industries",
  "Payments",
  "Health",
  "Commerce",
  "Mobility",
  "Chemicals",
  "Games",
  "Realty",
  "Analytics",
] as const;
const FIRST_NAMES = [
  "Ada",
  "Ben",
  "Chen",
  "Dara",
  "Elif",
  "Femi",
  "Grace",
  "Hiro",
  "Ines",
  "Jonas",
  "Kwame",
  "Lena",
  "Mei",
  "Nadia",
  "Omar",
  "Priya",
  "Quinn",
  "Rosa",
  "Sven",
  "Tariq",
] as const;
const LAST_NAMES = [
  "Okafor",
  "Tanaka",
  "Schmidt",
  "Garcia",
  "Kowalski",
  "Nguyen",
  "Haddad",
  "Silva",
  "Johansson",
  "Mensah",
  "Rossi",
  "Kim",
  "Patel",
  "Dubois",
  "Novak",
  "Abe",
  "Costa",
  "Levi",
  "Moreau",
  "Zhang",
] as const;
const PRODUCT_WORDS = ["One", "Pro", "X", "Edge", "Pilot", "Core", "Studio", "Pay", "Drive", "Assist"] as const;
const PUBLISHERS = [
  "Global Wire",
  "Tech Ledger",
  "Market Daily",
  "Asia Business Times",
  "Africa Commerce Review",
  "Euro Deal News",
  "Auto Industry Weekly",
  "Cloud Report",
  "Fintech Observer",
  "Energy Monitor",
  "Retail Insider",
  "Pharma Letter",
] as const;

/** Sentence templates: %1$s an organisation, %2$s a number, %3$s a year. At most ~125 characters filled. */
const SENTENCES = [
  "%1$s announced a strategic partnership covering %2$s markets, effective from %3$s.",
  "The agreement gives %1$s access to %2$s thousand new customers, executives said in %3$s.",
  "%1$s will invest %2$s million in the joint venture over the period to %3$s.",
  "Analysts expect %1$s to complete the acquisition of %2$s stores before the end of %3$s.",
  '"We are proud to work with %1$s," the chief executive said, citing %2$s pilots since %3$s.',
  "%1$s launched a new platform that already serves %2$s thousand merchants as of %3$s.",
  "Regulators cleared the deal with %1$s after a review that lasted %2$s days in %3$s.",
  "%1$s warned that demand for chips could fall by %2$s percent in %3$s.",
  "A spokesperson for %1$s said %2$s engineers would join the programme during %3$s.",
  "%1$s and its partners plan to open %2$s logistics hubs across the region by %3$s.",
] as const;

export class Corpus {
  readonly sizes: Sizes;
  /** First entity number of each kind, and where the organisations end. */
  readonly kindStart: Map<string, number>;
  readonly organizations: number;

  constructor(readonly scale: number) {
    this.sizes = sizesAt(scale);
    this.kindStart = new Map();
    let start = 0;
    for (const [kind, share] of KIND_SHARES) {
      this.kindStart.set(kind, start);
      start += Math.round(this.sizes.entities * share);
    }
    this.organizations = this.kindStart.get("PERSON") ?? 0;
  }

  /** Start and size of a kind's range of entity numbers. */
  range(kind: string): { start: number; size: number } {
    const start = this.kindStart.get(kind) ?? 0;
    const index = KIND_SHARES.findIndex(([k]) => k === kind);
    const next = KIND_SHARES[index + 1];
    const end = next ? (this.kindStart.get(next[0]) ?? this.sizes.entities) : this.sizes.entities;
    return { start, size: Math.max(1, end - start) };
  }

  /** An organisation number, power-law distributed: a few companies take part in many deals. */
  orgPick(key: string, salt: number): string {
    return `floor(${this.organizations} * power(${u(key, salt)}, 2.5))::int`;
  }

  /** An entity number of a kind, uniformly. */
  kindPick(kind: string, key: string, salt: number): string {
    const { start, size } = this.range(kind);
    return `(${start} + floor(${size} * ${u(key, salt)})::int)`;
  }

  kindOf(n: string): string {
    const arms = KIND_SHARES.slice(1).map(
      ([kind]) => `WHEN (${n}) < ${this.kindStart.get(kind)} THEN '${this.previousKind(kind)}'`,
    );
    return `(CASE ${arms.join(" ")} ELSE 'EVENT' END)::"EntityKind"`;
  }

  private previousKind(kind: string): string {
    const index = KIND_SHARES.findIndex(([k]) => k === kind);
    return KIND_SHARES[index - 1]?.[0] ?? "ORGANIZATION";
  }

  /** Organisation names: 1,200 plain stems ("Nova Motors"), then numbered ones ("Nova Motors 4711"). */
  orgName(n: string): string {
    return `((${sqlArray(ORG_STEMS)})[1 + (${n}) % ${ORG_STEMS.length}] || ' ' || (${sqlArray(ORG_SUFFIXES)})[1 + ((${n}) / ${ORG_STEMS.length}) % ${ORG_SUFFIXES.length}] || CASE WHEN (${n}) >= ${ORG_STEMS.length * ORG_SUFFIXES.length} THEN ' ' || (${n})::text ELSE '' END)`;
  }

  /** The name of any entity, by kind. */
  entityName(n: string): string {
    const person = this.kindStart.get("PERSON");
    const product = this.kindStart.get("PRODUCT");
    const place = this.kindStart.get("PLACE");
    const event = this.kindStart.get("EVENT");
    return `(CASE
      WHEN (${n}) < ${person} THEN ${this.orgName(n)}
      WHEN (${n}) < ${product} THEN (${sqlArray(FIRST_NAMES)})[1 + (${n}) % ${FIRST_NAMES.length}] || ' ' || (${sqlArray(LAST_NAMES)})[1 + ((${n}) / ${FIRST_NAMES.length}) % ${LAST_NAMES.length}] || ' ' || (${n})::text
      WHEN (${n}) < ${place} THEN (${sqlArray(ORG_STEMS)})[1 + (${n}) % ${ORG_STEMS.length}] || ' ' || (${sqlArray(PRODUCT_WORDS)})[1 + ((${n}) / 7) % ${PRODUCT_WORDS.length}] || ' ' || (${n})::text
      WHEN (${n}) < ${event} THEN 'Port ' || (${sqlArray(ORG_STEMS)})[1 + (${n}) % ${ORG_STEMS.length}] || ' ' || (${n})::text
      ELSE (${sqlArray(ORG_STEMS)})[1 + (${n}) % ${ORG_STEMS.length}] || ' Summit ' || (${n})::text END)`;
  }

  publisher(a: string): string {
    return `(${sqlArray(PUBLISHERS)})[1 + floor(${PUBLISHERS.length} * power(${u(a, 3)}, 1.6))::int]`;
  }

  /** How many sentence slots article `a` has (12 to 41). */
  slots(a: string): string {
    return `(12 + floor(30 * ${u(a, 1)})::int)`;
  }

  /** Publication day of article `a`: ten years, denser towards the present. */
  articleDay(a: string): string {
    return `(DATE '${FIRST_DAY}' + floor(${DAYS} * power(((${a}) + 0.5)::float8 / ${this.sizes.articles}, 0.75))::int)`;
  }

  /** The article published on (or just after) a day offset: the inverse of `articleDay`. */
  articleAtOffset(offset: string): string {
    return `least(${this.sizes.articles - 1}, floor(${this.sizes.articles} * power(((${offset}) + 0.5)::float8 / ${DAYS}, 1 / 0.75::float8))::int)`;
  }

  /** Sentence `j` of article `a` (without its padding): what evidence quotes. */
  sentence(a: string, j: string): string {
    const key = `(${a})::bigint * 64 + (${j})`;
    const template = `(${sqlArray(SENTENCES)})[1 + floor(${SENTENCES.length} * ${u(key, 11)})::int]`;
    const org = this.orgName(`floor(${this.organizations} * ${u(key, 12)})::int`);
    const number = `(2 + floor(400 * ${u(key, 13)})::int)::text`;
    const year = `(2016 + floor(10 * ${u(key, 14)})::int)::text`;
    return `left(format(${template}, ${org}, ${number}, ${year}), ${SLOT_WIDTH - 1})`;
  }
}
