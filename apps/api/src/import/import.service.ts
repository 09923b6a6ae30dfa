import { randomUUID } from "node:crypto";
import { z } from "zod";
import { toUsd, type PrismaClient } from "@dealgraph/db";
import { toJson, type Actor, type Tx } from "../audit/audit.service.ts";
import { parseInput } from "../common/validate.ts";
import type { TaxonomyCatalog } from "../taxonomy/taxonomy.catalog.ts";
import { readAcquisitions, type AcquisitionRecord, type ImportProblem } from "./import.csv.ts";
import type { ImportDealsInput } from "./import.input.ts";
import { sectorsOfCategories } from "./import.sectors.ts";
import type { Tracking } from "../watchlist/tracking.ts";
import { recordArrivals } from "../watchlist/watchlist.arrivals.ts";

interface Deps {
  prisma: PrismaClient;
  catalog: TaxonomyCatalog;
  viewer: Actor;
  tracking?: Tracking | null;
}

export interface ImportOptions {
  /**
   * Deliver the new deals to matching watchlists (live feed and webhooks), in the transaction of
   * each batch. Default false: a bulk import raises no alerts unless asked.
   */
  raiseAlerts?: boolean;
  /** Rows per transaction (default 2,000). */
  batchSize?: number;
  /** Batches whose deals are written at the same time (default 2). */
  parallel?: number;
}

export interface ImportSummary {
  /** Data records in the file (the header not counted). */
  rows: number;
  /** Deals created by this run. */
  imported: number;
  /** Rows whose deal an earlier import (or an earlier row of this file) already made. */
  alreadyImported: number;
  companiesCreated: number;
  /** Rows left out, each with its line and reason. */
  rejected: ImportProblem[];
  /** Rows kept with something left out (an unknown country code). */
  warnings: ImportProblem[];
  alertsRaised: boolean;
  durationMs: number;
}

/** Version of the import mapping, kept in each imported claim's provenance. */
export const IMPORT_METHOD_VERSION = "acquisitions-csv/1";

interface CompanyRef {
  /** `p:<permalink>`, or `n:<name>` when the row has no permalink. */
  key: string;
  permalink: string | null;
  name: string;
  regionCode: string | null;
}

export interface ImportRow {
  line: number;
  importKey: string;
  company: CompanyRef;
  acquirer: CompanyRef;
  announcedAt: Date;
  precision: "DAY" | "MONTH";
  amount: { amount: number; currency: string; amountUsd: number } | null;
  /** The acquired company's country: the market the deal applies to. */
  regionCode: string | null;
  sectorCodes: string[];
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MONTH = /^\d{4}-\d{2}$/;

function realDay(iso: string): Date | null {
  const date = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso ? null : date;
}

/** Validates one record into a row to import, or answers why it cannot be imported. */
export function toImportRow(
  line: number,
  fields: AcquisitionRecord,
  regionOfAlpha3: (code: string) => string | null,
  warn: (message: string) => void,
): ImportRow | string {
  const company = (side: "company" | "acquirer"): CompanyRef | string => {
    const permalink = fields[`${side}_permalink`].trim() || null;
    const name =
      fields[`${side}_name`].replace(/\s+/g, " ").trim() || permalink?.split("/").filter(Boolean).at(-1) || "";
    if (!name) return `${side}_name and ${side}_permalink are both empty`;
    if (name.length > 300) return `${side}_name is longer than 300 characters`;
    const country = fields[`${side}_country_code`].trim().toUpperCase();
    const regionCode = country ? regionOfAlpha3(country) : null;
    if (country && !regionCode) warn(`unknown ${side}_country_code "${country}": no region for it`);
    return { key: permalink ? `p:${permalink}` : `n:${name.toLowerCase()}`, permalink, name, regionCode };
  };
  const target = company("company");
  if (typeof target === "string") return target;
  const acquirer = company("acquirer");
  if (typeof acquirer === "string") return acquirer;
  if (target.key === acquirer.key) return "the acquirer and the acquired company are the same";

  const at = fields.acquired_at.trim();
  const month = fields.acquired_month.trim();
  let announcedAt: Date | null;
  let precision: "DAY" | "MONTH" = "DAY";
  if (at) {
    announcedAt = DAY.test(at) ? realDay(at) : null;
    if (!announcedAt) return `acquired_at "${at}" is not a date (YYYY-MM-DD)`;
  } else if (month) {
    announcedAt = MONTH.test(month) ? realDay(`${month}-01`) : null;
    if (!announcedAt) return `acquired_month "${month}" is not a month (YYYY-MM)`;
    precision = "MONTH";
  } else return "acquired_at is empty";

  let amount: ImportRow["amount"] = null;
  const price = fields.price_amount.replace(/[,\s_]/g, "");
  if (price) {
    const value = Number(price);
    if (!Number.isFinite(value) || value < 0) return `price_amount "${fields.price_amount}" is not an amount`;
    if (value > 1e15) return `price_amount "${fields.price_amount}" is implausibly large`;
    const currency = fields.price_currency_code.trim().toUpperCase();
    if (value > 0) {
      if (!currency) return "price_currency_code is empty while price_amount is given";
      if (!/^[A-Z]{3}$/.test(currency)) return `price_currency_code "${currency}" is not an ISO 4217 code`;
      const amountUsd = toUsd(value, currency, announcedAt);
      if (amountUsd === undefined) return `no exchange rate for ${currency}`;
      amount = { amount: value, currency, amountUsd };
    }
  }
  const date = announcedAt.toISOString().slice(0, precision === "DAY" ? 10 : 7);
  return {
    line,
    importKey: `IMPORT:${acquirer.key}>${target.key}@${date}`,
    company: target,
    acquirer,
    announcedAt,
    precision,
    amount,
    regionCode: target.regionCode,
    sectorCodes: sectorsOfCategories(fields.company_category_list),
  };
}

/**
 * Imports acquisitions from a deal database's CSV export: companies matched by permalink, then
 * by exact name, and created when new; one ACQUISITION deal per row (COMPLETED, ACCEPTED), with
 * its parties, market, sectors, amount in USD, status history and an ACQUIRED claim. Rows are
 * written a batch at a time with set-based statements, each batch in one transaction. Bad rows
 * are reported with their line and left out; rows already imported (same parties and date) are
 * skipped, so importing the same file again adds nothing.
 */
export async function importDeals(
  { prisma, catalog, viewer, tracking }: Deps,
  source: string | NodeJS.ReadableStream,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const started = performance.now();
  const alpha3 = new Map<string, string>();
  for (const region of catalog.regions.values()) if (region.alpha3) alpha3.set(region.alpha3, region.code);
  const batchSize = options.batchSize ?? 2_000;
  const runId = randomUUID();
  const summary: ImportSummary = {
    rows: 0,
    imported: 0,
    alreadyImported: 0,
    companiesCreated: 0,
    rejected: [],
    warnings: [],
    alertsRaised: Boolean(options.raiseAlerts),
    durationMs: 0,
  };
  const seen = new Set<string>();
  let batch: ImportRow[] = [];
  let batchNo = 0;

  // Each batch is written in two transactions. Companies are found or created batch after batch
  // (a batch sees the companies the ones before it made); the deals of up to `parallel` batches are
  // written at the same time, while the next rows are being read.
  const parallel = Math.max(1, options.parallel ?? 2);
  const transaction = { maxWait: 60_000, timeout: 120_000 };
  let companies: Promise<unknown> = Promise.resolve();
  const running = new Set<Promise<void>>();
  const failure: { error?: unknown; happened: boolean } = { happened: false };
  const flush = async () => {
    if (failure.happened) throw failure.error;
    if (!batch.length) return;
    const rows = batch;
    batch = [];
    const id = `${runId}:${(batchNo += 1)}`;
    while (running.size >= parallel) await Promise.race(running);
    if (failure.happened) throw failure.error;
    const prepared = companies.then(() =>
      prisma.$transaction((tx) => writeCompanies(tx, viewer, rows, id), transaction),
    );
    companies = prepared.catch(() => undefined);
    const job = (async () => {
      const ready = await prepared;
      summary.companiesCreated += ready.companiesCreated;
      const { dealIds, arrivals } = ready.rows.length
        ? await prisma.$transaction(async (tx) => {
            const created = await writeDeals(tx, viewer, ready, id);
            return { dealIds: created, arrivals: options.raiseAlerts ? await recordArrivals(tx, created) : [] };
          }, transaction)
        : { dealIds: [], arrivals: [] };
      summary.imported += dealIds.length;
      summary.alreadyImported += rows.length - dealIds.length;
      tracking?.announce(arrivals);
    })().catch((error: unknown) => {
      if (!failure.happened) Object.assign(failure, { happened: true, error });
    });
    running.add(job);
    void job.finally(() => running.delete(job));
  };

  const unreadable: ImportProblem[] = [];
  try {
    for await (const { line, fields } of readAcquisitions(source, unreadable)) {
      summary.rows += 1;
      const row = toImportRow(
        line,
        fields,
        (code) => alpha3.get(code) ?? null,
        (message) => summary.warnings.push({ line, message }),
      );
      if (typeof row === "string") {
        summary.rejected.push({ line, message: row });
        continue;
      }
      row.sectorCodes = row.sectorCodes.filter((code) => catalog.sector(code));
      if (seen.has(row.importKey)) {
        summary.alreadyImported += 1;
        continue;
      }
      seen.add(row.importKey);
      batch.push(row);
      if (batch.length >= batchSize) await flush();
    }
    await flush();
    await Promise.all(running);
  } finally {
    // Never leave a batch running behind a failure: the caller may close the database next.
    await Promise.allSettled(running);
  }
  if (failure.happened) throw failure.error;
  // Records the reader could not take are rows of the file too.
  summary.rows += unreadable.length;
  summary.rejected.push(...unreadable);
  summary.rejected.sort((a, b) => a.line - b.line);
  summary.durationMs = Math.round(performance.now() - started);
  return summary;
}

/** The largest CSV the importDeals mutation takes (the request body is limited to 1 MB). */
export const MAX_IMPORT_CSV_LENGTH = 900_000;

const importInput = z.object({
  csv: z
    .string()
    .min(1, "must not be empty")
    .max(
      MAX_IMPORT_CSV_LENGTH,
      `must be at most ${MAX_IMPORT_CSV_LENGTH} characters; import larger files with npm run import:deals`,
    ),
  raiseAlerts: z.boolean().nullish(),
});

/** importDeals for the GraphQL mutation: the CSV as text, within the size limit. */
export async function importDealsCsv(
  deps: Deps,
  raw: ImportDealsInput,
  options: Omit<ImportOptions, "raiseAlerts"> = {},
) {
  const input = parseInput(importInput, raw);
  return importDeals(deps, input.csv, { ...options, raiseAlerts: input.raiseAlerts ?? false });
}

interface PreparedBatch {
  /** The rows not imported before. */
  rows: ImportRow[];
  entityOf: Map<string, string>;
  nameOf: Map<string, string>;
  companiesCreated: number;
}

/**
 * First stage of a batch: leaves out rows imported before, then finds each company by permalink,
 * then by exact name, and creates the rest (a fixed handful of statements whatever its size).
 */
async function writeCompanies(tx: Tx, viewer: Actor, batch: ImportRow[], batchId: string): Promise<PreparedBatch> {
  const already = new Set(
    (
      await tx.$queryRaw<{ key: string }[]>`
        SELECT import_key AS key FROM deal
        WHERE import_key = ANY(ARRAY(SELECT json_array_elements_text(${JSON.stringify(batch.map((r) => r.importKey))}::json)))`
    ).map((r) => r.key),
  );
  const rows = batch.filter((r) => !already.has(r.importKey));
  if (!rows.length) return { rows, entityOf: new Map(), nameOf: new Map(), companiesCreated: 0 };

  // ── companies: by permalink, then by exact name, else new ──
  const companies = new Map<string, CompanyRef>();
  for (const row of rows)
    for (const ref of [row.company, row.acquirer]) {
      const known = companies.get(ref.key);
      if (!known) companies.set(ref.key, { ...ref });
      else if (!known.regionCode && ref.regionCode) known.regionCode = ref.regionCode;
    }
  const permalinks = [...companies.values()].flatMap((c) => (c.permalink ? [c.permalink] : []));
  const byPermalink = new Map(
    (
      await tx.$queryRaw<{ value: string; id: string }[]>`
        SELECT x.value, COALESCE(e.merged_into_id, e.id) AS id
        FROM external_id x JOIN entity e ON e.id = x.entity_id
        WHERE x.scheme = 'PERMALINK' AND x.value = ANY(ARRAY(SELECT json_array_elements_text(${JSON.stringify(permalinks)}::json)))`
    ).map((r) => [r.value, r.id]),
  );
  const names = [
    ...new Set(
      [...companies.values()].filter((c) => !(c.permalink && byPermalink.has(c.permalink))).map((c) => c.name),
    ),
  ];
  const byName = new Map(
    (
      await tx.$queryRaw<{ name: string; id: string; hasPermalink: boolean }[]>`
        SELECT DISTINCT ON (e.name) e.name, e.id,
          EXISTS (SELECT 1 FROM external_id x WHERE x.entity_id = e.id AND x.scheme = 'PERMALINK') AS "hasPermalink"
        FROM entity e
        WHERE e.kind = 'ORGANIZATION' AND e.deleted_at IS NULL AND e.merged_into_id IS NULL
          AND e.name = ANY(ARRAY(SELECT json_array_elements_text(${JSON.stringify(names)}::json)))
        ORDER BY e.name, (e.review_status = 'ACCEPTED') DESC, e.created_at, e.id`
    ).map((r) => [r.name, r]),
  );
  const entityOf = new Map<string, string>();
  const newEntities: { id: string; name: string; region: string | null }[] = [];
  const newPermalinks: { entity: string; value: string }[] = [];
  for (const company of companies.values()) {
    const viaPermalink = company.permalink ? byPermalink.get(company.permalink) : undefined;
    if (viaPermalink) {
      entityOf.set(company.key, viaPermalink);
      continue;
    }
    const named = byName.get(company.name);
    // A namesake that carries another permalink is another company.
    if (named && !(company.permalink && named.hasPermalink)) {
      entityOf.set(company.key, named.id);
      if (company.permalink) {
        newPermalinks.push({ entity: named.id, value: company.permalink });
        named.hasPermalink = true;
      }
      continue;
    }
    const id = randomUUID();
    entityOf.set(company.key, id);
    newEntities.push({ id, name: company.name, region: company.regionCode });
    if (company.permalink) newPermalinks.push({ entity: id, value: company.permalink });
  }
  // Entities and their permalinks in one statement; rows travel as one JSON parameter.
  if (newEntities.length || newPermalinks.length)
    await tx.$executeRaw`
      WITH e AS (
        INSERT INTO entity (id, kind, name, region_code, review_status)
        SELECT u.id, 'ORGANIZATION'::"EntityKind", u.name, u.region, 'ACCEPTED'::"ReviewStatus"
        FROM json_to_recordset(${JSON.stringify(newEntities)}::json) AS u(id uuid, name text, region text)
        RETURNING id
      )
      INSERT INTO external_id (entity_id, scheme, value)
      SELECT u.entity, 'PERMALINK', u.value
      FROM json_to_recordset(${JSON.stringify(newPermalinks)}::json) AS u(entity uuid, value text)
      ON CONFLICT (scheme, value) DO NOTHING`;

  if (newEntities.length)
    await tx.auditEvent.create({
      data: {
        actor: viewer.actor,
        requestId: viewer.requestId,
        action: "CREATE",
        targetType: "DealImport",
        targetId: `${batchId}:companies`,
        after: toJson({
          method: "IMPORT",
          entityIds: newEntities.map((e) => e.id),
          permalinks: newPermalinks.map((x) => x.value),
        }),
      },
    });
  const nameOf = new Map([...companies.values()].map((c) => [c.key, c.name]));
  return { rows, entityOf, nameOf, companiesCreated: newEntities.length };
}

/** Second stage: the deals and what hangs off them. */
async function writeDeals(tx: Tx, viewer: Actor, batch: PreparedBatch, batchId: string): Promise<string[]> {
  const { rows, entityOf } = batch;
  const party = (ref: CompanyRef) => entityOf.get(ref.key) ?? "";
  const nameOf = (ref: CompanyRef) => batch.nameOf.get(ref.key) ?? ref.name;
  const day = (date: Date) => date.toISOString().slice(0, 10);
  const records = rows.map((row) => ({
    id: randomUUID(),
    title: `${nameOf(row.acquirer)} acquires ${nameOf(row.company)}`.slice(0, 300),
    day: day(row.announcedAt),
    precision: row.precision,
    amount: row.amount?.amount ?? null,
    currency: row.amount?.currency ?? null,
    amount_usd: row.amount?.amountUsd ?? null,
    import_key: row.importKey,
    acquirer: party(row.acquirer),
    target: party(row.company),
    region: row.regionCode,
  }));
  const sectors = rows.flatMap((row, index) =>
    row.sectorCodes.map((sector) => ({ id: records[index]?.id ?? "", sector })),
  );
  // One statement: the deals, then (for the deals it inserted) their parties, market, sectors,
  // status history and ACQUIRED claims. Another import of the same rows may have committed
  // meanwhile: its deals stand (ON CONFLICT), and nothing is hung on them twice.
  const inserted = await tx.$queryRaw<{ id: string }[]>`
    WITH u AS (
      SELECT * FROM json_to_recordset(${JSON.stringify(records)}::json) AS u(id uuid, title text, day date,
        precision text, amount numeric, currency text, amount_usd numeric, import_key text, acquirer uuid,
        target uuid, region text)
    ),
    d AS (
      INSERT INTO deal (id, type, status, title, announced_at, announced_at_precision, first_reported_at,
        amount, currency, amount_usd, review_status, import_key)
      SELECT u.id, 'ACQUISITION'::"DealType", 'COMPLETED'::"DealStatus", u.title, u.day,
        u.precision::"DatePrecision", u.day::timestamptz, u.amount, u.currency, u.amount_usd,
        'ACCEPTED'::"ReviewStatus", u.import_key
      FROM u
      ON CONFLICT (import_key) DO NOTHING
      RETURNING id
    ),
    k AS (SELECT u.* FROM u JOIN d ON d.id = u.id),
    p AS (
      INSERT INTO deal_participant (deal_id, entity_id, role)
      SELECT k.id, k.acquirer, 'ACQUIRER'::"ParticipantRole" FROM k
      UNION ALL SELECT k.id, k.target, 'TARGET'::"ParticipantRole" FROM k
    ),
    r AS (INSERT INTO deal_region (deal_id, region_code) SELECT k.id, k.region FROM k WHERE k.region IS NOT NULL),
    s AS (
      INSERT INTO deal_sector (deal_id, sector_code)
      SELECT x.id, x.sector FROM json_to_recordset(${JSON.stringify(sectors)}::json) AS x(id uuid, sector text)
      JOIN k ON k.id = x.id
    ),
    h AS (
      INSERT INTO deal_status_change (deal_id, status, changed_at, note)
      SELECT k.id, 'COMPLETED'::"DealStatus", k.day::timestamptz, 'imported' FROM k
    ),
    c AS (
      INSERT INTO claim (subject_id, predicate, value_kind, object_id, qualifier_date, qualifier_date_precision,
        qualifier_region_code, qualifier_amount, qualifier_currency, confidence, review_status, method,
        method_version, deal_id)
      SELECT k.acquirer, 'ACQUIRED'::"Predicate", 'ENTITY'::"ValueKind", k.target, k.day,
        k.precision::"DatePrecision", k.region, k.amount, k.currency, 1, 'ACCEPTED'::"ReviewStatus",
        'IMPORT'::"Method", ${IMPORT_METHOD_VERSION}, k.id
      FROM k
    )
    SELECT id FROM k`;
  const insertedIds = new Set(inserted.map((d) => d.id));
  const created = rows.flatMap((row, index) => {
    const dealId = records[index]?.id ?? "";
    return insertedIds.has(dealId) ? [{ row, dealId }] : [];
  });
  if (!created.length) return [];
  const dealIds = created.map((c) => c.dealId);
  // One audit event per batch names every deal it created, with the line and key behind each.
  await tx.auditEvent.create({
    data: {
      actor: viewer.actor,
      requestId: viewer.requestId,
      action: "CREATE",
      targetType: "DealImport",
      targetId: batchId,
      after: toJson({
        method: "IMPORT",
        version: IMPORT_METHOD_VERSION,
        deals: created.map(({ row, dealId }) => ({ id: dealId, line: row.line, importKey: row.importKey })),
      }),
    },
  });
  return dealIds;
}
