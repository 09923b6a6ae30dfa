import { SLOT_WIDTH, u, uuidOf, weighted, type Corpus } from "./synthetic.ts";

/**
 * The INSERT … SELECT statements that fill each table of the synthetic corpus. Each statement
 * derives its rows from generate_series and the hash expressions of `synthetic.ts`, plus three
 * small "pick" tables that turn a uniform number into a real region or sector code with an uneven
 * (heavy-headed) distribution.
 */

const SLOTS = 10_000;

/** Home countries and deal markets: big economies dominate, a long tail follows. */
const COUNTRY_BOOST: [code: string, weight: number][] = [
  ["840", 60],
  ["156", 45],
  ["826", 20],
  ["276", 20],
  ["392", 18],
  ["356", 18],
  ["250", 15],
  ["410", 10],
  ["124", 10],
  ["702", 9],
  ["036", 8],
  ["076", 8],
  ["784", 7],
  ["528", 7],
  ["756", 6],
  ["752", 5],
  ["376", 5],
  ["360", 5],
  ["682", 5],
  ["724", 5],
  ["380", 5],
  ["484", 4],
  ["566", 4],
  ["710", 4],
  ["404", 3],
];
const SECTOR_BOOST: [code: string, weight: number][] = [
  ["artificial-intelligence", 20],
  ["cloud-computing", 10],
  ["fintech", 9],
  ["e-commerce", 9],
  ["automotive", 8],
  ["semiconductors", 6],
  ["energy", 5],
  ["renewable-energy", 5],
  ["healthcare", 5],
  ["telecommunications", 5],
  ["logistics", 5],
  ["J", 4],
  ["K", 3],
  ["C", 3],
  ["G", 2],
];

const values = (rows: [string, number][]) => rows.map(([code, w]) => `('${code}', ${w})`).join(", ");

function pickTable(name: string, weights: string): string {
  return `
    DROP TABLE IF EXISTS ${name};
    CREATE TEMP TABLE ${name} AS
    WITH w AS (${weights}),
    c AS MATERIALIZED (SELECT code, sum(w) OVER (ORDER BY w DESC, code) / sum(w) OVER () AS hi FROM w)
    SELECT g AS slot, (SELECT code FROM c WHERE c.hi > (g + 0.5) / ${SLOTS}.0 ORDER BY c.hi LIMIT 1) AS code
    FROM generate_series(0, ${SLOTS - 1}) g;
    CREATE UNIQUE INDEX ON ${name} (slot);
    ANALYZE ${name};`;
}

/** Temp tables: pick_country (home countries), pick_market (deal markets at every level), pick_sector. */
export function pickTablesSql(): string {
  const ranked = (levels: string) => `SELECT code, level::text AS level,
      row_number() OVER (PARTITION BY level ORDER BY md5(code)) - 1 AS rk
    FROM region WHERE level::text IN (${levels})`;
  const countryWeight = `COALESCE(b.w, 1.0 / (1 + r.rk / 8.0))`;
  return [
    pickTable(
      "pick_country",
      `SELECT r.code, ${countryWeight} AS w FROM (${ranked("'COUNTRY'")}) r
       LEFT JOIN (VALUES ${values(COUNTRY_BOOST)}) b(code, w) ON b.code = r.code`,
    ),
    pickTable(
      "pick_market",
      `SELECT code, w / sum(w) OVER (PARTITION BY level) *
         CASE level WHEN 'COUNTRY' THEN 0.80 WHEN 'SUB_REGION' THEN 0.12 WHEN 'INTERMEDIATE_REGION' THEN 0.03 ELSE 0.05 END AS w
       FROM (SELECT r.code, r.level, CASE WHEN r.level = 'COUNTRY' THEN ${countryWeight} ELSE 1.0 / (1 + r.rk / 3.0) END AS w
             FROM (${ranked("'COUNTRY', 'SUB_REGION', 'INTERMEDIATE_REGION', 'CONTINENT'")}) r
             LEFT JOIN (VALUES ${values(COUNTRY_BOOST)}) b(code, w) ON b.code = r.code) x`,
    ),
    pickTable(
      "pick_sector",
      `SELECT s.code, COALESCE(b.w, CASE s.kind::text WHEN 'THEME' THEN 1.5 ELSE 0.7 END) AS w
       FROM sector s LEFT JOIN (VALUES ${values(SECTOR_BOOST)}) b(code, w) ON b.code = s.code`,
    ),
    `DROP TABLE IF EXISTS role_map;
     CREATE TEMP TABLE role_map (type text, k int, role "ParticipantRole");
     INSERT INTO role_map VALUES
       ('STRATEGIC_PARTNERSHIP', 0, 'PARTNER'), ('STRATEGIC_PARTNERSHIP', 1, 'PARTNER'), ('STRATEGIC_PARTNERSHIP', 2, 'PARTNER'),
       ('CHANNEL_PARTNERSHIP', 0, 'PRINCIPAL'), ('CHANNEL_PARTNERSHIP', 1, 'CHANNEL_PARTNER'), ('CHANNEL_PARTNERSHIP', 2, 'CHANNEL_PARTNER'),
       ('JOINT_VENTURE', 0, 'VENTURE_PARENT'), ('JOINT_VENTURE', 1, 'VENTURE_PARENT'), ('JOINT_VENTURE', 2, 'VENTURE_PARENT'),
       ('LICENSING', 0, 'LICENSOR'), ('LICENSING', 1, 'LICENSEE'), ('LICENSING', 2, 'LICENSEE'),
       ('INVESTMENT', 0, 'INVESTOR'), ('INVESTMENT', 1, 'INVESTEE'), ('INVESTMENT', 2, 'INVESTOR'),
       ('ACQUISITION', 0, 'ACQUIRER'), ('ACQUISITION', 1, 'TARGET'), ('ACQUISITION', 2, 'SELLER'),
       ('MERGER', 0, 'MERGING_PARTY'), ('MERGER', 1, 'MERGING_PARTY'), ('MERGER', 2, 'MERGING_PARTY');
     ANALYZE role_map;`,
  ].join("\n");
}

const pick = (table: string, uniform: string) =>
  `(SELECT code FROM ${table} WHERE slot = floor(${SLOTS} * ${uniform})::int)`;
const pickJoin = (table: string, alias: string, uniform: string) =>
  `LEFT JOIN ${table} ${alias} ON ${alias}.slot = floor(${SLOTS} * ${uniform})::int`;

const DEAL_TYPES: [string, number][] = [
  ["STRATEGIC_PARTNERSHIP", 35],
  ["CHANNEL_PARTNERSHIP", 10],
  ["JOINT_VENTURE", 8],
  ["LICENSING", 7],
  ["INVESTMENT", 22],
  ["ACQUISITION", 15],
  ["MERGER", 3],
];
const DEAL_STATUSES: [string, number][] = [
  ["RUMOURED", 8],
  ["ANNOUNCED", 40],
  ["SIGNED", 20],
  ["COMPLETED", 27],
  ["TERMINATED", 5],
];
const REVIEW: [string, number][] = [
  ["ACCEPTED", 85],
  ["PROPOSED", 10],
  ["REJECTED", 5],
];
const CLAIM_REVIEW: [string, number][] = [
  ["ACCEPTED", 70],
  ["PROPOSED", 22],
  ["REJECTED", 8],
];
const CURRENCIES: [string, number][] = [
  ["USD", 70],
  ["EUR", 14],
  ["CNY", 8],
  ["GBP", 5],
  ["JPY", 3],
];
const PREDICATES: [string, number][] = [
  ["PARTNERS_WITH", 14],
  ["STATED", 18],
  ["LAUNCHED", 12],
  ["HAS_METRIC", 12],
  ["DEVELOPED", 8],
  ["INTEGRATES", 5],
  ["WARNED_ABOUT", 5],
  ["HOLDS_ROLE", 7],
  ["HEADQUARTERED_IN", 4],
  ["LOCATED_IN", 2],
  ["ATTENDED", 4],
  ["ORGANIZED", 2],
  ["INVESTED_IN", 3],
  ["ACQUIRED", 1],
  ["LICENSED_TO", 1],
  ["JOINT_VENTURE_WITH", 1],
  ["TOOK_PLACE_IN", 1],
];
const DEAL_PREDICATE = `CASE type::text WHEN 'JOINT_VENTURE' THEN 'JOINT_VENTURE_WITH' WHEN 'LICENSING' THEN 'LICENSED_TO'
  WHEN 'INVESTMENT' THEN 'INVESTED_IN' WHEN 'ACQUISITION' THEN 'ACQUIRED' WHEN 'MERGER' THEN 'MERGED_WITH'
  ELSE 'PARTNERS_WITH' END`;
const TYPE_LABEL = `CASE type::text WHEN 'STRATEGIC_PARTNERSHIP' THEN 'strategic partnership'
  WHEN 'CHANNEL_PARTNERSHIP' THEN 'channel partnership' WHEN 'JOINT_VENTURE' THEN 'joint venture'
  WHEN 'LICENSING' THEN 'licensing deal' WHEN 'INVESTMENT' THEN 'investment' WHEN 'ACQUISITION' THEN 'acquisition'
  ELSE 'merger' END`;

/** Statement builders for one corpus. */
export class CorpusSql {
  /** Entities below this number are the prominent ones: accepted, never units, merged or deleted. */
  readonly topTier: number;

  constructor(readonly corpus: Corpus) {
    this.topTier = Math.max(20, Math.min(1000, Math.floor(corpus.organizations * 0.02)));
  }

  private get sizes() {
    return this.corpus.sizes;
  }

  // ─────────────── entities ───────────────

  private isUnit(n: string) {
    return `((${n}) >= ${this.topTier} AND (${n}) < ${this.corpus.organizations} AND ${u(n, 4)} < 0.05)`;
  }
  private parentOf(n: string) {
    return `floor(${Math.min(200, this.topTier)} * power(${u(n, 7)}, 2))::int`;
  }

  entities(): string {
    const c = this.corpus;
    return `INSERT INTO entity (id, kind, name, description, region_code, parent_id, merged_into_id, review_status,
        created_at, updated_at, deleted_at)
      SELECT ${uuidOf("entity", "n")}, ${c.kindOf("n")}, ${c.entityName("n")},
        CASE WHEN ${u("n", 2)} < 0.6 THEN 'Synthetic ' || lower(${c.kindOf("n")}::text) || ' number ' || n || ' of the benchmark corpus.' END,
        CASE WHEN n < ${c.range("PRODUCT").start} OR (n >= ${c.range("PLACE").start} AND n < ${c.range("EVENT").start}) THEN pc.code END,
        CASE WHEN ${this.isUnit("n")} THEN ${uuidOf("entity", this.parentOf("n"))} END,
        CASE WHEN n >= ${this.topTier} AND n < ${c.organizations} AND ${u("n", 4)} BETWEEN 0.05 AND 0.053
          THEN ${uuidOf("entity", "n - 1")} END,
        CASE WHEN n < ${this.topTier} THEN 'ACCEPTED'::"ReviewStatus" ELSE ${weighted(
          u("n", 6),
          [
            ["ACCEPTED", 90],
            ["PROPOSED", 8],
            ["REJECTED", 2],
          ],
          '"ReviewStatus"',
        )} END,
        created, created,
        CASE WHEN n >= ${this.topTier} AND ${u("n", 5)} < 0.01 THEN created + interval '400 days' END
      FROM (SELECT n, DATE '2016-01-01' + floor(3650 * ${u("n", 8)})::int + interval '9 hours' AS created
            FROM generate_series(0, ${this.sizes.entities - 1}) n) g
      ${pickJoin("pick_country", "pc", u("n", 3))}`;
  }

  aliases(): string {
    const c = this.corpus;
    const orgs = `generate_series(0, ${c.organizations - 1}) n`;
    const people = `generate_series(${c.range("PERSON").start}, ${c.range("PRODUCT").start - 1}) n`;
    const row = (suffix: string, name: string, type: string) =>
      `SELECT ${uuidOf("alias", `n || ':${suffix}'`)}, ${uuidOf("entity", "n")}, ${name}, '${type}'::"AliasType"`;
    return `INSERT INTO entity_alias (id, entity_id, name, type)
      ${row("legal", `${c.orgName("n")} || ' Ltd.'`, "LEGAL")} FROM ${orgs} WHERE ${u("n", 20)} < 0.5
      UNION ALL ${row("ticker", `upper(left(${c.orgName("n")}, 4)) || (n % 1000)::text`, "TICKER")} FROM ${orgs} WHERE ${u("n", 21)} < 0.2
      UNION ALL ${row("former", `'Old ' || ${c.orgName("n")}`, "FORMER")} FROM ${orgs} WHERE ${u("n", 22)} < 0.05
      UNION ALL ${row("short", `split_part(${c.entityName("n")}, ' ', 2)`, "SHORT")} FROM ${people} WHERE ${u("n", 23)} < 0.1`;
  }

  externalIds(): string {
    const orgs = `generate_series(0, ${this.corpus.organizations - 1}) n`;
    return `INSERT INTO external_id (id, entity_id, scheme, value)
      SELECT ${uuidOf("xid", "n || ':wd'")}, ${uuidOf("entity", "n")}, 'WIKIDATA', 'Q' || (900000 + n) FROM ${orgs} WHERE ${u("n", 24)} < 0.3
      UNION ALL SELECT ${uuidOf("xid", "n || ':lei'")}, ${uuidOf("entity", "n")}, 'LEI', 'BENCH' || lpad(n::text, 15, '0') FROM ${orgs} WHERE ${u("n", 25)} < 0.1`;
  }

  // ─────────────── articles ───────────────

  private articleEntities(a: string) {
    const c = this.corpus;
    return { first: c.orgPick(a, 30), second: `floor(${this.sizes.entities} * ${u(a, 31)})::int` };
  }

  articles(): string {
    const c = this.corpus;
    const { first, second } = this.articleEntities("a");
    const body = `(SELECT string_agg(rpad(${c.sentence("a", "j")}, ${SLOT_WIDTH}), '' ORDER BY j)
        FROM generate_series(0, ${c.slots("a")} - 1) j)
      || E'\\n\\nAbout ' || ${c.entityName(first)} || '. Also mentioned: ' || ${c.entityName(second)} || '. Ref ' || a || '.'`;
    return `INSERT INTO article (id, url, title, publisher, published_at, published_at_precision, language, text,
        content_hash, metadata, ingested_at, updated_at, deleted_at)
      SELECT ${uuidOf("article", "a")}, 'https://news.example/' || a, title, ${c.publisher("a")}, day, 'DAY', 'en', body,
        encode(sha256(convert_to(body, 'UTF8')), 'hex'), jsonb_build_object('source', 'bench', 'n', a),
        day + interval '14 hours', day + interval '14 hours',
        CASE WHEN ${u("a", 5)} < 0.005 THEN day + interval '30 days' END
      FROM (SELECT a, ${c.articleDay("a")} AS day,
              ${c.entityName(first)} || ' ' || (ARRAY['signs deal', 'expands partnership', 'reports results',
                'enters new market', 'launches product', 'faces questions'])[1 + floor(6 * ${u("a", 32)})::int] AS title,
              ${body} AS body
            FROM generate_series(0, ${this.sizes.articles - 1}) a) g`;
  }

  mentions(): string {
    const c = this.corpus;
    const { first, second } = this.articleEntities("a");
    return `INSERT INTO mention (id, article_id, entity_id, text, start, "end")
      SELECT ${uuidOf("mention", "a || ':' || k")}, ${uuidOf("article", "a")}, ${uuidOf("entity", "n")}, name, start, start + length(name)
      FROM (
        SELECT a, 0 AS k, ${first} AS n, ${c.entityName(first)} AS name, ${c.slots("a")} * ${SLOT_WIDTH} + 8 AS start
        FROM generate_series(0, ${this.sizes.articles - 1}) a
        UNION ALL
        SELECT a, 1, ${second}, ${c.entityName(second)},
          ${c.slots("a")} * ${SLOT_WIDTH} + 8 + length(${c.entityName(first)}) + 18
        FROM generate_series(0, ${this.sizes.articles - 1}) a) m`;
  }

  // ─────────────── deals ───────────────

  /** A subquery of deal numbers with their derived properties (no table reads). */
  private dealBase(): string {
    const c = this.corpus;
    const p1 = c.orgPick("d", 10);
    const p2raw = c.orgPick("d", 11);
    return `(SELECT d, type, status, offset_days, p1, p2, p3,
        ${c.articleAtOffset("offset_days")} AS a0
      FROM (SELECT d,
          ${weighted(u("d", 1), DEAL_TYPES, '"DealType"')} AS type,
          ${weighted(u("d", 2), DEAL_STATUSES, '"DealStatus"')} AS status,
          floor(3650 * power(${u("d", 6)}, 0.7))::int AS offset_days,
          ${p1} AS p1,
          CASE WHEN ${p2raw} = ${p1} THEN (${p1} + 1) % ${c.organizations} ELSE ${p2raw} END AS p2,
          CASE WHEN ${u("d", 13)} < 0.15 THEN ${c.orgPick("d", 12)} END AS p3
        FROM generate_series(0, ${this.sizes.deals - 1}) d) x) deal_base`;
  }

  deals(): string {
    const c = this.corpus;
    const precision = weighted(
      u("d", 7),
      [
        ["DAY", 70],
        ["MONTH", 25],
        ["YEAR", 5],
      ],
      "text",
    );
    const hasAmount = `(type::text IN ('INVESTMENT', 'ACQUISITION', 'MERGER') AND ${u("d", 15)} < 0.7 OR ${u("d", 15)} < 0.08)`;
    return `INSERT INTO deal (id, type, status, title, summary, announced_at, announced_at_precision, first_reported_at,
        amount, currency, amount_usd, review_status, merged_into_id, created_at, updated_at, deleted_at)
      SELECT ${uuidOf("deal", "d")}, type, status,
        ${c.orgName("p1")} || ' × ' || ${c.orgName("p2")} || ' ' || ${TYPE_LABEL},
        CASE WHEN ${u("d", 16)} < 0.7 THEN ${c.orgName("p1")} || ' agreed a ' || ${TYPE_LABEL} || ' with ' || ${c.orgName("p2")}
          || ' covering ' || (2 + floor(30 * ${u("d", 17)})::int) || ' markets.' END,
        CASE WHEN NOT dated THEN NULL WHEN precision = 'DAY' THEN day
          WHEN precision = 'MONTH' THEN date_trunc('month', day)::date ELSE date_trunc('year', day)::date END,
        CASE WHEN dated THEN precision::"DatePrecision" END,
        reported, amount, currency, round(amount * fx.usd_per_unit, 4),
        ${weighted(u("d", 3), REVIEW, '"ReviewStatus"')},
        CASE WHEN d > 0 AND ${u("d", 5)} < 0.005 THEN ${uuidOf("deal", "d - 1")} END,
        reported, reported,
        CASE WHEN ${u("d", 4)} < 0.02 THEN reported + interval '90 days' END
      FROM (SELECT deal_base.*, DATE '2016-01-01' + offset_days AS day, ${precision} AS precision,
              ${u("d", 8)} >= 0.05 AS dated,
              (DATE '2016-01-01' + offset_days + floor(5 * ${u("d", 9)})::int) + interval '10 hours' AS reported,
              CASE WHEN ${hasAmount} THEN round(exp(13 + 8 * ${u("d", 18)})::numeric, 0) END AS amount,
              CASE WHEN ${hasAmount} THEN ${weighted(u("d", 19), CURRENCIES, "text")} END AS currency
            FROM ${this.dealBase()}) s
      LEFT JOIN LATERAL (SELECT f.usd_per_unit FROM fx_rate f WHERE f.currency = s.currency AND f.date <= s.day
                         ORDER BY f.date DESC LIMIT 1) fx ON true`;
  }

  participants(): string {
    return `INSERT INTO deal_participant (deal_id, entity_id, role)
      SELECT ${uuidOf("deal", "d")}, ${uuidOf("entity", "p")}, rm.role
      FROM ${this.dealBase()}
      CROSS JOIN LATERAL (VALUES (0, p1), (1, p2), (2, p3)) v(k, p)
      JOIN role_map rm ON rm.type = deal_base.type::text AND rm.k = v.k
      WHERE p IS NOT NULL AND (v.k < 2 OR (p <> p1 AND p <> p2))`;
  }

  regions(): string {
    return `INSERT INTO deal_region (deal_id, region_code)
      SELECT DISTINCT ${uuidOf("deal", "d")}, ${pick("pick_market", u("d * 4 + k", 20))}
      FROM generate_series(0, ${this.sizes.deals - 1}) d,
           generate_series(0, (${u("d", 14)} < 0.25)::int + (${u("d", 21)} < 0.08)::int) k`;
  }

  sectors(): string {
    return `INSERT INTO deal_sector (deal_id, sector_code)
      SELECT DISTINCT ${uuidOf("deal", "d")}, ${pick("pick_sector", u("d * 4 + k", 30))}
      FROM generate_series(0, ${this.sizes.deals - 1}) d,
           generate_series(0, (${u("d", 33)} < 0.45)::int + (${u("d", 34)} < 0.15)::int) k`;
  }

  /** Article `k` reporting deal `d`: the one published when it was reported, then later ones. */
  private dealArticle(k: string) {
    return `least(${this.sizes.articles - 1}, a0 + (${k}) * (1 + floor(20 * ${u(`d * 4 + ${k}`, 40)})::int))`;
  }

  dealArticles(): string {
    // DISTINCT ON: two picks of one deal can land on the same article (at the end of the range).
    return `INSERT INTO deal_article (deal_id, article_id, added_at)
      SELECT DISTINCT ON (1, 2) ${uuidOf("deal", "d")}, ${uuidOf("article", this.dealArticle("k"))},
        DATE '2016-01-01' + offset_days + k * 7 + interval '12 hours'
      FROM ${this.dealBase()},
           generate_series(0, (${u("d", 41)} < 0.4)::int + (${u("d", 42)} < 0.15)::int) k
      ORDER BY 1, 2, 3`;
  }

  statusChanges(): string {
    return `INSERT INTO deal_status_change (id, deal_id, status, article_id, changed_at, note)
      SELECT ${uuidOf("status", "d || ':' || h.ord")}, ${uuidOf("deal", "d")}, h.status,
        CASE WHEN h.ord = 1 THEN ${uuidOf("article", "a0")} END,
        DATE '2016-01-01' + offset_days + (h.ord::int - 1) * 45 + interval '11 hours',
        CASE WHEN h.ord = 1 THEN 'first reported' END
      FROM ${this.dealBase()}
      CROSS JOIN LATERAL unnest(CASE status::text
          WHEN 'RUMOURED' THEN ARRAY['RUMOURED']
          WHEN 'ANNOUNCED' THEN CASE WHEN ${u("d", 43)} < 0.2 THEN ARRAY['RUMOURED', 'ANNOUNCED'] ELSE ARRAY['ANNOUNCED'] END
          WHEN 'SIGNED' THEN ARRAY['ANNOUNCED', 'SIGNED']
          WHEN 'COMPLETED' THEN ARRAY['ANNOUNCED', 'SIGNED', 'COMPLETED']
          ELSE ARRAY['ANNOUNCED', 'TERMINATED'] END::"DealStatus"[]) WITH ORDINALITY h(status, ord)`;
  }

  audit(): string {
    return `INSERT INTO audit_event (at, actor, action, target_type, target_id, before, after, request_id)
      SELECT DATE '2016-01-01' + offset_days + interval '10 hours', 'system:bench', 'CREATE', 'Deal',
        ${uuidOf("deal", "d")}::text, NULL, jsonb_build_object('type', type, 'status', status), NULL
      FROM ${this.dealBase()}`;
  }

  // ─────────────── claims and evidence ───────────────

  private dealClaimCount(d: string) {
    return `(1 + (${u(d, 44)} < 0.5)::int + (${u(d, 45)} < 0.15)::int)`;
  }

  /** How many claims support deals and units; the rest of the claim budget is general claims. */
  countsSql(): string {
    return `SELECT
      (SELECT sum(${this.dealClaimCount("d")}) FROM generate_series(0, ${this.sizes.deals - 1}) d)::int AS deal_claims,
      (SELECT count(*) FROM generate_series(0, ${this.sizes.entities - 1}) n WHERE ${this.isUnit("n")})::int AS unit_claims`;
  }

  /**
   * Every claim as a row of numbers: key (for hashing), id, subject and object entity numbers,
   * predicate, deal number, and the article and sentence slot of its evidence.
   */
  private claimSources(generalClaims: number): string {
    const c = this.corpus;
    const general = `SELECT c::bigint AS key, ${uuidOf("claim", "'g:' || c")} AS id,
        CASE WHEN ${u("c", 1)} < 0.8 THEN ${c.orgPick("c", 2)} ELSE floor(${this.sizes.entities} * ${u("c", 3)})::int END AS subject,
        pred, NULL::int AS deal,
        floor(${this.sizes.articles} * ${u("c", 7)})::int AS a
      FROM (SELECT c, ${weighted(u("c", 4), PREDICATES, "text")} AS pred
            FROM generate_series(0, ${generalClaims - 1}) c) g`;
    const deal = `SELECT 1000000000 + d * 4 + k AS key, ${uuidOf("claim", "'d:' || d || ':' || k")}, p1,
        ${DEAL_PREDICATE}, d, least(${this.sizes.articles - 1}, a0 + k)
      FROM ${this.dealBase()}, generate_series(0, ${this.dealClaimCount("d")} - 1) k`;
    const unit = `SELECT 2000000000 + n, ${uuidOf("claim", "'u:' || n")}, n, 'SUBSIDIARY_OF', NULL::int,
        floor(${this.sizes.articles} * ${u("n", 60)})::int
      FROM generate_series(0, ${this.sizes.entities - 1}) n WHERE ${this.isUnit("n")}`;
    return `(SELECT s.*, floor(${c.slots("a")} * ${u("key", 61)})::int AS j,
        CASE
          WHEN s.deal IS NOT NULL THEN ${this.dealPartner("s.deal")}
          WHEN pred = 'SUBSIDIARY_OF' THEN ${this.parentOf("s.subject")}
          WHEN pred IN ('PARTNERS_WITH', 'INVESTED_IN', 'ACQUIRED', 'LICENSED_TO', 'JOINT_VENTURE_WITH', 'INTEGRATES', 'HOLDS_ROLE')
            THEN ${c.orgPick("key", 62)}
          WHEN pred IN ('LAUNCHED', 'DEVELOPED') THEN ${c.kindPick("PRODUCT", "key", 63)}
          WHEN pred IN ('HEADQUARTERED_IN', 'LOCATED_IN', 'TOOK_PLACE_IN') THEN ${c.kindPick("PLACE", "key", 64)}
          WHEN pred IN ('ATTENDED', 'ORGANIZED') THEN ${c.kindPick("EVENT", "key", 65)}
        END AS object
      FROM (${general} UNION ALL ${deal} UNION ALL ${unit}) s) src`;
  }

  /** The second participant of deal `d`, recomputed from its number. */
  private dealPartner(d: string) {
    const c = this.corpus;
    const p1 = c.orgPick(d, 10);
    const p2raw = c.orgPick(d, 11);
    return `CASE WHEN ${p2raw} = ${p1} THEN (${p1} + 1) % ${c.organizations} ELSE ${p2raw} END`;
  }

  claims(generalClaims: number): string {
    const c = this.corpus;
    const review = `CASE WHEN deal IS NOT NULL OR pred = 'SUBSIDIARY_OF' THEN
        ${weighted(
          u("key", 70),
          [
            ["ACCEPTED", 92],
            ["PROPOSED", 8],
          ],
          '"ReviewStatus"',
        )}
      ELSE ${weighted(u("key", 70), CLAIM_REVIEW, '"ReviewStatus"')} END`;
    const method = weighted(
      u("key", 71),
      [
        ["MODEL", 70],
        ["RULE", 20],
        ["MANUAL", 8],
        ["IMPORT", 2],
      ],
      '"Method"',
    );
    return `INSERT INTO claim (id, subject_id, predicate, value_kind, object_id, value_text, value_number, value_unit,
        qualifier_date, qualifier_date_precision, qualifier_region_code, qualifier_sector_code, qualifier_role,
        modality, confidence, rank, review_status, review_reason, method, method_version, deal_id,
        created_at, updated_at, deleted_at)
      SELECT id, ${uuidOf("entity", "subject")}, pred::"Predicate",
        CASE WHEN object IS NOT NULL THEN 'ENTITY' WHEN pred = 'HAS_METRIC' THEN 'NUMBER' ELSE 'TEXT' END::"ValueKind",
        CASE WHEN object IS NOT NULL THEN ${uuidOf("entity", "object")} END,
        CASE WHEN object IS NULL AND pred <> 'HAS_METRIC' THEN ${c.sentence("a", "j")} END,
        CASE WHEN pred = 'HAS_METRIC' THEN floor(1000000 * ${u("key", 72)}) END,
        CASE WHEN pred = 'HAS_METRIC' THEN 'customers' END,
        CASE WHEN ${u("key", 73)} < 0.5 THEN ${c.articleDay("a")} END,
        CASE WHEN ${u("key", 73)} < 0.5 THEN 'DAY'::"DatePrecision" END,
        CASE WHEN pred = 'PARTNERS_WITH' AND ${u("key", 74)} < 0.3 THEN pm.code END,
        CASE WHEN pred IN ('PARTNERS_WITH', 'LAUNCHED') AND ${u("key", 75)} < 0.3 THEN ps.code END,
        CASE WHEN pred = 'HOLDS_ROLE' THEN (ARRAY['Chief Executive Officer', 'Chair', 'Chief Technology Officer',
          'Head of Partnerships'])[1 + floor(4 * ${u("key", 76)})::int] END,
        ${weighted(
          u("key", 77),
          [
            ["ASSERTED", 80],
            ["INTENT", 8],
            ["OPINION", 7],
            ["RUMOURED", 3],
            ["NEGATED", 2],
          ],
          '"Modality"',
        )},
        round((0.5 + 0.5 * ${u("key", 78)})::numeric, 3)::float8,
        ${weighted(
          u("key", 79),
          [
            ["NORMAL", 90],
            ["PREFERRED", 8],
            ["DEPRECATED", 2],
          ],
          '"Rank"',
        )},
        review, CASE WHEN review = 'REJECTED' THEN 'The quote does not support it.' END,
        method, CASE WHEN method IN ('MODEL', 'RULE') THEN 'bench-1' END,
        CASE WHEN deal IS NOT NULL THEN ${uuidOf("deal", "deal")} END,
        created, created, CASE WHEN ${u("key", 80)} < 0.02 THEN created + interval '60 days' END
      FROM (SELECT src.*, ${review} AS review, ${method} AS method,
              ${c.articleDay("a")} + make_interval(mins => floor(1440 * ${u("key", 81)})::int) AS created
            FROM ${this.claimSources(generalClaims)}) x
      ${pickJoin("pick_market", "pm", u("key", 82))}
      ${pickJoin("pick_sector", "ps", u("key", 83))}`;
  }

  evidence(generalClaims: number): string {
    const c = this.corpus;
    const second = { a: `floor(${this.sizes.articles} * ${u("key", 90)})::int`, j: "" };
    second.j = `floor(${c.slots(second.a)} * ${u("key", 91)})::int`;
    const row = (a: string, j: string, tag: string) => `SELECT ${uuidOf("evidence", `id::text || '${tag}'`)}, id,
        ${uuidOf("article", a)}, quote, (${j}) * ${SLOT_WIDTH}, (${j}) * ${SLOT_WIDTH} + length(quote),
        CASE WHEN pred IN ('STATED', 'WARNED_ABOUT') THEN ${uuidOf("entity", c.kindPick("PERSON", "key", 92))} END,
        CASE WHEN pred IN ('STATED', 'WARNED_ABOUT') THEN 'Chief Executive' END, ${c.articleDay(a)} + interval '15 hours'
      FROM (SELECT src.*, ${c.sentence(a, j)} AS quote FROM ${this.claimSources(generalClaims)}`;
    return `INSERT INTO evidence (id, claim_id, article_id, quote, start, "end", speaker_id, speaker_role, created_at)
      ${row("a", "j", "")}) e
      UNION ALL
      ${row(second.a, second.j, ":2")} WHERE ${u("key", 93)} < 0.05) e
      WHERE NOT (${second.a} = a AND ${second.j} = j)`;
  }
}
