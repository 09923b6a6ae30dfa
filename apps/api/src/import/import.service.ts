import { randomUUID } from "node:crypto";
import { z } from "zod";
import { toUsd, type Prisma, type PrismaClient } from "@dealgraph/db";
import { toJson, type Actor, type Tx } from "../audit/audit.service.ts";
import { parseInput } from "../common/validate.ts";
import type { TaxonomyCatalog } from "../taxonomy/taxonomy.catalog.ts";
import { readAcquisitions, type AcquisitionRecord, type ImportProblem } from "./import.csv.ts";
import type { ImportDealsInput } from "./import.input.ts";
import { sectorsOfCategories } from "./import.sectors.ts";

interface Deps {
  prisma: PrismaClient;
  catalog: TaxonomyCatalog;
  viewer: Actor;
}

export interface ImportOptions {
  /** Tell watchers about the new deals (default false: a bulk import raises no alerts unless asked). */
  raiseAlerts?: boolean;
  /** Called after each committed batch with the deals it created, when raiseAlerts is set. */
  onDealsCreated?: (dealIds: string[]) => void | Promise<void>;
  /** Rows per transaction (default 2,000). */
  batchSize?: number;
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
  { prisma, catalog, viewer }: Deps,
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

  // Batches are written one after the other (a batch sees the companies the previous one made),
  // while the next batch is being read: parsing and the database work side by side.
  let writing: Promise<void> = Promise.resolve();
  const flush = async () => {
    await writing;
    if (!batch.length) return;
    const rows = batch;
    batch = [];
    batchNo += 1;
    const id = `${runId}:${batchNo}`;
    const write = async () => {
      const written = await prisma.$transaction((tx) => writeBatch(tx, viewer, rows, id), {
        maxWait: 30_000,
        timeout: 120_000,
      });
      summary.imported += written.dealIds.length;
      summary.alreadyImported += rows.length - written.dealIds.length;
      summary.companiesCreated += written.companiesCreated;
      if (options.raiseAlerts && written.dealIds.length) await options.onDealsCreated?.(written.dealIds);
    };
    writing = write();
    // A failed batch is reported by the next flush; keep it from counting as unhandled meanwhile.
    writing.catch(() => undefined);
  };

  const unreadable: ImportProblem[] = [];
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
  await writing;
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

/** Writes one batch: a fixed handful of statements whatever its size. */
async function writeBatch(tx: Tx, viewer: Actor, batch: ImportRow[], batchId: string) {
  const already = new Set(
    (
      await tx.$queryRaw<{ key: string }[]>`
        SELECT import_key AS key FROM deal WHERE import_key = ANY(${batch.map((r) => r.importKey)}::text[])`
    ).map((r) => r.key),
  );
  const rows = batch.filter((r) => !already.has(r.importKey));
  if (!rows.length) return { dealIds: [] as string[], companiesCreated: 0 };

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
        WHERE x.scheme = 'PERMALINK' AND x.value = ANY(${permalinks}::text[])`
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
          AND e.name = ANY(${names}::text[])
        ORDER BY e.name, (e.review_status = 'ACCEPTED') DESC, e.created_at, e.id`
    ).map((r) => [r.name, r]),
  );
  const entityOf = new Map<string, string>();
  const newEntities: Prisma.EntityCreateManyInput[] = [];
  const newPermalinks: Prisma.ExternalIdCreateManyInput[] = [];
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
        newPermalinks.push({ entityId: named.id, scheme: "PERMALINK", value: company.permalink });
        named.hasPermalink = true;
      }
      continue;
    }
    const id = randomUUID();
    entityOf.set(company.key, id);
    newEntities.push({
      id,
      kind: "ORGANIZATION",
      name: company.name,
      regionCode: company.regionCode,
      reviewStatus: "ACCEPTED",
    });
    if (company.permalink) newPermalinks.push({ entityId: id, scheme: "PERMALINK", value: company.permalink });
  }
  if (newEntities.length)
    await tx.$executeRaw`
      INSERT INTO entity (id, kind, name, region_code, review_status)
      SELECT u.id, 'ORGANIZATION'::"EntityKind", u.name, u.region, 'ACCEPTED'::"ReviewStatus"
      FROM unnest(${newEntities.map((e) => e.id)}::uuid[], ${newEntities.map((e) => e.name)}::text[],
        ${newEntities.map((e) => e.regionCode ?? null)}::text[]) AS u(id, name, region)`;
  if (newPermalinks.length)
    await tx.$executeRaw`
      INSERT INTO external_id (entity_id, scheme, value)
      SELECT u.entity_id, 'PERMALINK', u.value
      FROM unnest(${newPermalinks.map((x) => x.entityId)}::uuid[], ${newPermalinks.map((x) => x.value)}::text[])
        AS u(entity_id, value)
      ON CONFLICT (scheme, value) DO NOTHING`;

  // ── deals and what hangs off them: one INSERT … SELECT FROM unnest(…) per table ──
  const party = (ref: CompanyRef) => entityOf.get(ref.key) ?? "";
  const nameOf = (ref: CompanyRef) => companies.get(ref.key)?.name ?? ref.name;
  const day = (date: Date) => date.toISOString().slice(0, 10);
  const ids = rows.map(() => randomUUID());
  const col = <T>(pick: (row: ImportRow) => T) => rows.map(pick);
  // Another import of the same rows may have committed meanwhile: its deals stand, and only the
  // deals this statement inserted get parties, markets, sectors, history and claims.
  const inserted = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO deal (id, type, status, title, announced_at, announced_at_precision, first_reported_at,
      amount, currency, amount_usd, review_status, import_key)
    SELECT u.id, 'ACQUISITION'::"DealType", 'COMPLETED'::"DealStatus", u.title, u.day, u.precision::"DatePrecision", u.day::timestamptz,
      u.amount, u.currency, u.amount_usd, 'ACCEPTED'::"ReviewStatus", u.import_key
    FROM unnest(${ids}::uuid[],
      ${col((r) => `${nameOf(r.acquirer)} acquires ${nameOf(r.company)}`.slice(0, 300))}::text[],
      ${col((r) => day(r.announcedAt))}::date[], ${col((r) => r.precision)}::text[],
      ${col((r) => r.amount?.amount.toString() ?? null)}::numeric[], ${col((r) => r.amount?.currency ?? null)}::text[],
      ${col((r) => r.amount?.amountUsd.toString() ?? null)}::numeric[], ${col((r) => r.importKey)}::text[])
      AS u(id, title, day, precision, amount, currency, amount_usd, import_key)
    ON CONFLICT (import_key) DO NOTHING
    RETURNING id`;
  const insertedIds = new Set(inserted.map((d) => d.id));
  const created = rows.flatMap((row, index) => {
    const dealId = ids[index] ?? "";
    return insertedIds.has(dealId) ? [{ row, dealId }] : [];
  });
  if (!created.length) return { dealIds: [] as string[], companiesCreated: newEntities.length };
  const dealIds = created.map((c) => c.dealId);
  const pick = <T>(get: (row: ImportRow) => T) => created.map((c) => get(c.row));

  await tx.$executeRaw`
    INSERT INTO deal_participant (deal_id, entity_id, role)
    SELECT u.deal_id, u.entity_id, u.role::"ParticipantRole"
    FROM unnest(${[...dealIds, ...dealIds]}::uuid[],
      ${[...pick((r) => party(r.acquirer)), ...pick((r) => party(r.company))]}::uuid[],
      ${[...dealIds.map(() => "ACQUIRER"), ...dealIds.map(() => "TARGET")]}::text[]) AS u(deal_id, entity_id, role)
    ON CONFLICT DO NOTHING`;
  const withRegion = created.filter((c) => c.row.regionCode);
  if (withRegion.length)
    await tx.$executeRaw`
      INSERT INTO deal_region (deal_id, region_code)
      SELECT * FROM unnest(${withRegion.map((c) => c.dealId)}::uuid[], ${withRegion.map((c) => c.row.regionCode)}::text[])`;
  const sectors = created.flatMap(({ row, dealId }) => row.sectorCodes.map((code) => [dealId, code] as const));
  if (sectors.length)
    await tx.$executeRaw`
      INSERT INTO deal_sector (deal_id, sector_code)
      SELECT * FROM unnest(${sectors.map(([id]) => id)}::uuid[], ${sectors.map(([, code]) => code)}::text[])`;
  await tx.$executeRaw`
    INSERT INTO deal_status_change (deal_id, status, changed_at, note)
    SELECT u.deal_id, 'COMPLETED'::"DealStatus", u.day::timestamptz, 'imported'
    FROM unnest(${dealIds}::uuid[], ${pick((r) => day(r.announcedAt))}::date[]) AS u(deal_id, day)`;
  await tx.$executeRaw`
    INSERT INTO claim (subject_id, predicate, value_kind, object_id, qualifier_date, qualifier_date_precision,
      qualifier_region_code, qualifier_amount, qualifier_currency, confidence, review_status, method, method_version,
      deal_id)
    SELECT u.subject_id, 'ACQUIRED'::"Predicate", 'ENTITY'::"ValueKind", u.object_id, u.day, u.precision::"DatePrecision", u.region,
      u.amount, u.currency, 1, 'ACCEPTED'::"ReviewStatus", 'IMPORT'::"Method", ${IMPORT_METHOD_VERSION}, u.deal_id
    FROM unnest(${pick((r) => party(r.acquirer))}::uuid[], ${pick((r) => party(r.company))}::uuid[],
      ${pick((r) => day(r.announcedAt))}::date[], ${pick((r) => r.precision)}::text[],
      ${pick((r) => r.regionCode)}::text[], ${pick((r) => r.amount?.amount.toString() ?? null)}::numeric[],
      ${pick((r) => r.amount?.currency ?? null)}::text[], ${dealIds}::uuid[])
      AS u(subject_id, object_id, day, precision, region, amount, currency, deal_id)`;
  // One audit event per batch names every deal and company it created, with the line behind each deal.
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
        entityIds: newEntities.map((e) => e.id),
        externalIds: newPermalinks.map((x) => x.value),
      }),
    },
  });
  return { dealIds, companiesCreated: newEntities.length };
}
