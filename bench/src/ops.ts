import type pg from "pg";
import {
  DEAL_DAY,
  Params,
  dealWhere,
  factWhere,
  rollupLevel,
  rollupStats,
  decodeCursor,
  encodeCursor,
  fromGlobalId,
  toGlobalId,
  type DealFilter,
  type Taxonomy,
} from "./plain-sql.ts";

/**
 * The operations the plain server answers, each the way a careful hand-written service would:
 * the same SQL as the API, minimal columns, JSON built by hand. Each returns what the GraphQL API
 * returns for the scenario's query (`{ data: … }`), so the benchmark can check they agree. The
 * same functions, called in-process, give the "raw SQL through pg" timings.
 */
export type Vars = Record<string, unknown>;
export type Op = (pool: pg.Pool, taxonomy: Taxonomy, vars: Vars) => Promise<unknown>;

const filterOf = (vars: Vars) => (vars.filter ?? {}) as DealFilter;

const TYPE_LABELS: Record<string, string> = {
  STRATEGIC_PARTNERSHIP: "Strategic partnership",
  CHANNEL_PARTNERSHIP: "Channel partnership",
  JOINT_VENTURE: "Joint venture",
  LICENSING: "Licensing",
  INVESTMENT: "Investment",
  ACQUISITION: "Acquisition",
  MERGER: "Merger",
};

const MONTH_LABEL = new Intl.DateTimeFormat("en", { month: "short", year: "numeric", timeZone: "UTC" });

function label(groupBy: string, key: string, taxonomy: Taxonomy): string {
  if (groupBy === "REGION") return taxonomy.regions.get(key)?.name ?? key;
  if (groupBy === "SECTOR") return taxonomy.sectors.get(key)?.name ?? key;
  if (groupBy === "MONTH") {
    const [year, month] = key.split("-");
    return MONTH_LABEL.format(new Date(Date.UTC(Number(year), Number(month) - 1, 1)));
  }
  return TYPE_LABELS[key] ?? key;
}

const dealStats: Op = async (pool, taxonomy, vars) => {
  const groupBy = String(vars.groupBy);
  const p = new Params();
  const { rows } = await pool.query<{ key: string; count: string; total: string | null }>(
    rollupStats(filterOf(vars), groupBy, String(vars.regionLevel ?? "CONTINENT"), p),
    p.values,
  );
  const buckets = rows.map((r) => ({
    key: r.key,
    label: label(groupBy, r.key, taxonomy),
    count: Number(r.count),
    totalAmountUsd: Number(r.total ?? 0),
  }));
  buckets.sort(
    groupBy === "MONTH"
      ? (a, b) => a.key.localeCompare(b.key)
      : (a, b) => b.count - a.count || a.label.localeCompare(b.label),
  );
  return { data: { dealStats: buckets } };
};

const dealMatrix: Op = async (pool, taxonomy, vars) => {
  const level = rollupLevel(String(vars.regionLevel ?? "CONTINENT"));
  const filter = filterOf(vars);
  const signatures =
    !filter.regionCode &&
    !filter.sectorCode &&
    !filter.types?.length &&
    !filter.statuses?.length &&
    !filter.from &&
    !filter.to;
  // The statement's source, as deal.rollup.ts#matrixFromRollups writes it: signatures unfiltered, fact rows otherwise.
  const source = (p: Params) =>
    signatures
      ? `SELECT f.region_keys AS r, f.sector_keys AS s, f.count AS n, f.total_usd AS amount FROM deal_rollup_signature f
         WHERE f.level = ${p.add(level.kind)} AND f.review_status = ANY(${p.add(["ACCEPTED"])}::"ReviewStatus"[])
           AND f.count <> 0 AND cardinality(f.region_keys) > 0 AND cardinality(f.sector_keys) > 0`
      : `SELECT ${level.column} AS r, f.sector_keys AS s, 1 AS n, f.amount_usd AS amount FROM deal_fact f
         WHERE ${factWhere(filter, p)} AND cardinality(${level.column}) > 0 AND cardinality(f.sector_keys) > 0`;
  const keysParams = new Params();
  const { rows: keys } = await pool.query<{ side: string; key: string; count: string }>(
    `WITH f AS MATERIALIZED (${source(keysParams)})
     SELECT 'region' AS side, k AS key, sum(f.n)::bigint AS count FROM f CROSS JOIN unnest(f.r) k GROUP BY k
     UNION ALL SELECT 'sector', k, sum(f.n)::bigint FROM f CROSS JOIN unnest(f.s) k GROUP BY k`,
    keysParams.values,
  );
  const top = (side: string, limit: number) =>
    keys
      .filter((k) => k.side === side)
      .sort((a, b) => Number(b.count) - Number(a.count) || a.key.localeCompare(b.key))
      .slice(0, limit)
      .map((k) => k.key);
  const p = new Params();
  const from = source(p);
  const regionsTop = p.add(top("region", Number(vars.regionLimit ?? 10)));
  const sectorsTop = p.add(top("sector", Number(vars.sectorLimit ?? 10)));
  const { rows } = await pool.query<{
    part: string;
    region: string;
    sector: string;
    count: string;
    total: string | null;
  }>(
    `WITH src AS MATERIALIZED (${from}),
     f AS (SELECT src.n, src.amount,
         ARRAY(SELECT DISTINCT CASE WHEN k = ANY(${regionsTop}::text[]) THEN k ELSE 'other' END FROM unnest(src.r) k) AS r,
         ARRAY(SELECT DISTINCT CASE WHEN k = ANY(${sectorsTop}::text[]) THEN k ELSE 'other' END FROM unnest(src.s) k) AS s
       FROM src)
     SELECT 'cell' AS part, rk AS region, sk AS sector, sum(n)::bigint AS count, sum(amount) AS total
       FROM f CROSS JOIN unnest(f.r) rk CROSS JOIN unnest(f.s) sk GROUP BY rk, sk
     UNION ALL SELECT 'region', rk, '', sum(n)::bigint, sum(amount) FROM f CROSS JOIN unnest(f.r) rk GROUP BY rk
     UNION ALL SELECT 'sector', '', sk, sum(n)::bigint, sum(amount) FROM f CROSS JOIN unnest(f.s) sk GROUP BY sk`,
    p.values,
  );
  const buckets = (part: string, name: (key: string) => string) =>
    rows
      .filter((r) => r.part === part)
      .map((r) => {
        const key = part === "region" ? r.region : r.sector;
        return {
          key,
          label: key === "other" ? "Other" : name(key),
          count: Number(r.count),
          totalAmountUsd: Number(r.total ?? 0),
        };
      });
  return {
    data: {
      dealMatrix: {
        regions: buckets("region", (k) => taxonomy.regions.get(k)?.name ?? k),
        sectors: buckets("sector", (k) => taxonomy.sectors.get(k)?.name ?? k),
        cells: rows
          .filter((r) => r.part === "cell")
          .map((r) => ({
            regionKey: r.region,
            sectorKey: r.sector,
            count: Number(r.count),
            totalAmountUsd: Number(r.total ?? 0),
          })),
      },
    },
  };
};

const dayOf = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;
const DEAL_FIELDS = `d.id, d.title, d.type::text AS type, d.status::text AS status,
  ${dayOf("d.announced_at")} AS announced, d.announced_at_precision::text AS precision,
  ${dayOf("COALESCE(d.announced_at, (d.first_reported_at AT TIME ZONE 'UTC')::date)")} AS day,
  d.amount, d.currency, d.amount_usd`;

interface DealRow {
  id: string;
  title: string;
  type: string;
  status: string;
  announced: string | null;
  precision: string | null;
  day: string;
  amount: string | null;
  currency: string | null;
  amount_usd: string | null;
}

/** Participants (with their entities), regions and sectors of a page of deals: one statement per level. */
async function dealDetails(pool: pg.Pool, taxonomy: Taxonomy, deals: DealRow[], withMarkets: boolean) {
  const ids = deals.map((d) => d.id);
  const [participants, regions, sectors] = await Promise.all([
    pool.query<{ deal_id: string; entity_id: string; role: string }>(
      `SELECT deal_id, entity_id, role::text AS role FROM deal_participant WHERE deal_id = ANY($1::uuid[]) ORDER BY role`,
      [ids],
    ),
    withMarkets
      ? pool.query<{ deal_id: string; region_code: string }>(
          `SELECT deal_id, region_code FROM deal_region WHERE deal_id = ANY($1::uuid[])`,
          [ids],
        )
      : null,
    withMarkets
      ? pool.query<{ deal_id: string; sector_code: string }>(
          `SELECT deal_id, sector_code FROM deal_sector WHERE deal_id = ANY($1::uuid[])`,
          [ids],
        )
      : null,
  ]);
  const entityIds = [...new Set(participants.rows.map((p) => p.entity_id))];
  const entities = await pool.query<{ id: string; name: string }>(
    `SELECT id, name FROM entity WHERE id = ANY($1::uuid[])`,
    [entityIds],
  );
  const names = new Map(entities.rows.map((e) => [e.id, e.name]));
  return (deal: DealRow) => ({
    id: toGlobalId("Deal", deal.id),
    title: deal.title,
    type: deal.type,
    status: deal.status,
    announced: deal.announced ? { date: deal.announced, precision: deal.precision ?? "DAY" } : null,
    ...(withMarkets
      ? {
          amount:
            deal.amount === null || !deal.currency
              ? null
              : {
                  amount: Number(deal.amount),
                  currency: deal.currency,
                  amountUsd: deal.amount_usd === null ? null : Number(deal.amount_usd),
                },
        }
      : {}),
    participants: participants.rows
      .filter((p) => p.deal_id === deal.id)
      .map((p) => ({ role: p.role, entity: { id: toGlobalId("Entity", p.entity_id), name: names.get(p.entity_id) } })),
    ...(withMarkets
      ? {
          regions: (regions?.rows ?? [])
            .filter((r) => r.deal_id === deal.id)
            .map((r) => ({ code: r.region_code, name: taxonomy.regions.get(r.region_code)?.name })),
          sectors: (sectors?.rows ?? [])
            .filter((s) => s.deal_id === deal.id)
            .map((s) => ({ code: s.sector_code, name: taxonomy.sectors.get(s.sector_code)?.name })),
        }
      : {}),
  });
}

/** A page of `deals(first, after, filter)` newest first, with `totalCount` when `withTotal`. */
const dealsPage: Op = async (pool, taxonomy, vars) => {
  const first = Number(vars.first ?? 20);
  const p = new Params();
  const where = dealWhere(filterOf(vars), taxonomy, p);
  const countValues = [...p.values];
  let keyset = "";
  if (typeof vars.after === "string") {
    const [value, id] = decodeCursor(vars.after);
    keyset = `AND (${DEAL_DAY}, d.id) < (${p.add(value)}::date, ${p.add(id)}::uuid)`;
  }
  const [page, total] = await Promise.all([
    pool.query<DealRow>(
      `SELECT ${DEAL_FIELDS} FROM deal d WHERE ${where} ${keyset}
       ORDER BY ${DEAL_DAY} DESC, d.id DESC LIMIT ${first + 1}`,
      p.values,
    ),
    vars.withTotal
      ? pool.query<{ count: string }>(`SELECT count(*) AS count FROM deal d WHERE ${where}`, countValues)
      : null,
  ]);
  const rows = page.rows.slice(0, first);
  const node = await dealDetails(pool, taxonomy, rows, true);
  const edges = rows.map((d) => ({ cursor: encodeCursor([d.day, d.id]), node: node(d) }));
  return {
    data: {
      deals: {
        ...(total ? { totalCount: Number(total.rows[0]?.count ?? 0) } : {}),
        edges,
        pageInfo: { hasNextPage: page.rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
      },
    },
  };
};

/** The entity page: the entity, its aliases and units, its first deals and claims, their parts. */
const entityPage: Op = async (pool, taxonomy, vars) => {
  const id = fromGlobalId(String(vars.id));
  const first = Number(vars.first ?? 10);
  const entity = await pool.query<{
    id: string;
    name: string;
    kind: string;
    description: string | null;
    region_code: string | null;
  }>(`SELECT id, name, kind::text AS kind, description, region_code FROM entity WHERE id = $1`, [id]);
  const row = entity.rows[0];
  if (!row) return { data: { entity: null } };
  const visible = `d.deleted_at IS NULL AND d.merged_into_id IS NULL AND d.review_status = 'ACCEPTED'`;
  // The API's dealsOfEntity / dealCountOfEntity statements (loaders.ts), for one entity without units.
  const MEMBERS = `WITH RECURSIVE members(root_id, id) AS (
      SELECT e.id, e.id FROM entity e WHERE e.id = ANY($1::uuid[])
      UNION
      SELECT m.root_id, e.id FROM members m JOIN entity e ON e.parent_id = m.id WHERE false AND e.deleted_at IS NULL)`;
  const [aliases, units, deals, dealCount, claims, claimCount] = await Promise.all([
    pool.query<{ name: string; type: string }>(
      `SELECT name, type::text AS type FROM entity_alias WHERE entity_id = $1 ORDER BY name`,
      [id],
    ),
    pool.query<{ id: string; name: string }>(
      `SELECT id, name FROM entity WHERE parent_id = $1 AND deleted_at IS NULL ORDER BY name`,
      [id],
    ),
    pool.query<DealRow>(
      `${MEMBERS},
       hits AS (SELECT DISTINCT m.root_id, p.deal_id FROM members m JOIN deal_participant p ON p.entity_id = m.id),
       ranked AS (
         SELECT ${DEAL_FIELDS}, row_number() OVER (PARTITION BY h.root_id ORDER BY ${DEAL_DAY} DESC, d.id DESC) AS n
         FROM hits h JOIN deal d ON d.id = h.deal_id WHERE ${visible})
       SELECT * FROM ranked WHERE n <= ${first + 1} ORDER BY n`,
      [[id]],
    ),
    pool.query<{ count: string }>(
      `${MEMBERS}
       SELECT m.root_id, count(DISTINCT d.id) AS count
       FROM members m JOIN deal_participant p ON p.entity_id = m.id JOIN deal d ON d.id = p.deal_id
       WHERE ${visible} GROUP BY m.root_id`,
      [[id]],
    ),
    pool.query<{ id: string; predicate: string; value_kind: string; review_status: string; created: string }>(
      `SELECT id, predicate::text AS predicate, value_kind::text AS value_kind, review_status::text AS review_status,
         to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created
       FROM ((SELECT * FROM claim WHERE deleted_at IS NULL AND subject_id = $1 ORDER BY created_at, id LIMIT ${first + 1})
             UNION (SELECT * FROM claim WHERE deleted_at IS NULL AND object_id = $1 ORDER BY created_at, id LIMIT ${first + 1})) c
       ORDER BY created_at, id LIMIT ${first + 1}`,
      [id],
    ),
    pool.query<{ count: string }>(
      `SELECT (SELECT count(*) FROM claim WHERE deleted_at IS NULL AND subject_id = $1)
            + (SELECT count(*) FROM claim WHERE deleted_at IS NULL AND object_id = $1)
            - (SELECT count(*) FROM claim WHERE deleted_at IS NULL AND subject_id = $1 AND object_id = $1) AS count`,
      [id],
    ),
  ]);
  const dealRows = deals.rows.slice(0, first);
  const claimRows = claims.rows.slice(0, first);
  const [node, evidence] = await Promise.all([
    dealDetails(pool, taxonomy, dealRows, false),
    pool.query<{ claim_id: string; article_id: string; quote: string; start: number; end: number }>(
      `SELECT claim_id, article_id, quote, start, "end" FROM evidence WHERE claim_id = ANY($1::uuid[]) ORDER BY start`,
      [claimRows.map((c) => c.id)],
    ),
  ]);
  const articles = await pool.query<{ id: string; title: string }>(
    `SELECT id, title FROM article WHERE id = ANY($1::uuid[])`,
    [[...new Set(evidence.rows.map((e) => e.article_id))]],
  );
  const titles = new Map(articles.rows.map((a) => [a.id, a.title]));
  const dealEdges = dealRows.map((d) => ({ cursor: encodeCursor([d.day, d.id]), node: node(d) }));
  const claimEdges = claimRows.map((c) => ({
    cursor: encodeCursor([c.created, c.id]),
    node: {
      id: toGlobalId("Claim", c.id),
      predicate: c.predicate,
      valueKind: c.value_kind,
      reviewStatus: c.review_status,
      evidence: evidence.rows
        .filter((e) => e.claim_id === c.id)
        .map((e) => ({
          quote: e.quote,
          start: e.start,
          end: e.end,
          article: { id: toGlobalId("Article", e.article_id), title: titles.get(e.article_id) },
        })),
    },
  }));
  const region = row.region_code ? taxonomy.regions.get(row.region_code) : undefined;
  return {
    data: {
      entity: {
        id: toGlobalId("Entity", row.id),
        name: row.name,
        kind: row.kind,
        description: row.description,
        region: region ? { code: region.code, name: region.name } : null,
        aliases: aliases.rows,
        units: units.rows.map((u) => ({ id: toGlobalId("Entity", u.id), name: u.name })),
        deals: {
          totalCount: Number(dealCount.rows[0]?.count ?? 0),
          edges: dealEdges,
          pageInfo: { hasNextPage: deals.rows.length > first, endCursor: dealEdges.at(-1)?.cursor ?? null },
        },
        claims: {
          totalCount: Number(claimCount.rows[0]?.count ?? 0),
          edges: claimEdges,
          pageInfo: { hasNextPage: claims.rows.length > first, endCursor: claimEdges.at(-1)?.cursor ?? null },
        },
      },
    },
  };
};

const likeEscape = (s: string) => s.replace(/[\\%_]/g, "\\$&");

/** `search(query, first)`: entity names and aliases and deal titles, scored as search.service.ts does. */
const search: Op = async (pool, _taxonomy, vars) => {
  const q = String(vars.query).trim();
  const first = Number(vars.first ?? 10);
  const contains = `%${likeEscape(q)}%`;
  const [entities, deals] = await Promise.all([
    pool.query<{ id: string; matched: string; score: number }>(
      `SELECT DISTINCT ON (e.id) e.id, m.name AS matched,
         CASE WHEN lower(m.name) = lower($1) THEN 1.0 WHEN m.name ILIKE $2 THEN 0.8
              WHEN m.name ILIKE $3 THEN 0.6 ELSE 0.4 END::float8 AS score
       FROM entity e
       CROSS JOIN LATERAL (SELECT e.name UNION ALL SELECT a.name FROM entity_alias a WHERE a.entity_id = e.id) m(name)
       WHERE e.deleted_at IS NULL AND e.merged_into_id IS NULL AND m.name ILIKE $4
       ORDER BY e.id, score DESC, length(m.name) LIMIT 500`,
      [q, `${likeEscape(q)}%`, `% ${likeEscape(q)}%`, contains],
    ),
    pool.query<{ id: string; matched: string; score: number }>(
      `SELECT d.id, d.title AS matched,
         CASE WHEN lower(d.title) = lower($1) THEN 0.95 WHEN d.title ILIKE $2 THEN 0.75
              WHEN d.title ILIKE $3 THEN 0.5 ELSE 0.3 END::float8 AS score
       FROM deal d
       WHERE d.deleted_at IS NULL AND d.merged_into_id IS NULL AND d.review_status = 'ACCEPTED'
         AND (d.title ILIKE $3 OR d.summary ILIKE $3) LIMIT 500`,
      [q, `${likeEscape(q)}%`, contains],
    ),
  ]);
  const ranked = [
    ...entities.rows.map((h) => ({ ...h, type: "Entity" })),
    ...deals.rows.map((h) => ({ ...h, type: "Deal" })),
  ]
    .sort((a, b) => b.score - a.score || a.matched.length - b.matched.length || a.matched.localeCompare(b.matched))
    .slice(0, first);
  return {
    data: {
      search: ranked.map((h) => ({
        score: h.score,
        matched: h.matched,
        node: { __typename: h.type, id: toGlobalId(h.type, h.id) },
      })),
    },
  };
};

/** updateDeal(status): the row, its status history and the audit event in one transaction. */
const updateDealStatus: Op = async (pool, _taxonomy, vars) => {
  const input = vars.input as { id: string; status: string };
  const id = fromGlobalId(input.id);
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const before = await client.query<{ status: string }>(
      `SELECT status::text AS status FROM deal WHERE id = $1 AND deleted_at IS NULL FOR UPDATE`,
      [id],
    );
    const previous = before.rows[0]?.status;
    if (previous !== input.status) {
      await client.query(`UPDATE deal SET status = $2::"DealStatus", updated_at = now() WHERE id = $1`, [
        id,
        input.status,
      ]);
      await client.query(`INSERT INTO deal_status_change (deal_id, status) VALUES ($1, $2::"DealStatus")`, [
        id,
        input.status,
      ]);
    }
    await client.query(
      `INSERT INTO audit_event (actor, action, target_type, target_id, before, after)
       VALUES ('bench:plain', 'UPDATE', 'Deal', $1, $2, $3)`,
      [id, { status: previous }, { status: input.status }],
    );
    await client.query("COMMIT");
    return { data: { updateDeal: { deal: { id: input.id, status: input.status }, errors: [] } } };
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    client.release();
  }
};

export const OPS: Record<string, Op> = { dealStats, dealMatrix, dealsPage, entityPage, search, updateDealStatus };
