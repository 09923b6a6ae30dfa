import { Readable } from "node:stream";
import { parse } from "csv-parse";
import { AppError } from "../common/errors.ts";

/** The acquisitions export layout of a deal database, in its column order. */
export const ACQUISITION_COLUMNS = [
  "company_permalink",
  "company_name",
  "company_category_list",
  "company_country_code",
  "company_state_code",
  "company_region",
  "company_city",
  "acquirer_permalink",
  "acquirer_name",
  "acquirer_category_list",
  "acquirer_country_code",
  "acquirer_state_code",
  "acquirer_region",
  "acquirer_city",
  "acquired_at",
  "acquired_month",
  "price_amount",
  "price_currency_code",
] as const;

export type AcquisitionColumn = (typeof ACQUISITION_COLUMNS)[number];
export type AcquisitionRecord = Record<AcquisitionColumn, string>;

/** Columns the importer reads; the others may be missing from a file. */
const REQUIRED: AcquisitionColumn[] = [
  "company_permalink",
  "company_name",
  "company_category_list",
  "company_country_code",
  "acquirer_permalink",
  "acquirer_name",
  "acquired_at",
  "price_amount",
  "price_currency_code",
];

export interface CsvRecord {
  /** Line of the file where the record starts (1 is the header). */
  line: number;
  fields: AcquisitionRecord;
}

export interface ImportProblem {
  line: number;
  message: string;
}

/**
 * Reads an acquisitions CSV record by record (quoted fields may span lines), mapping columns by
 * the header's names. Records that cannot be read are reported in `problems` with their line and
 * skipped; reading goes on with the next one.
 */
export async function* readAcquisitions(
  source: string | NodeJS.ReadableStream,
  problems: ImportProblem[],
): AsyncGenerator<CsvRecord> {
  const input = typeof source === "string" ? Readable.from([source]) : source;
  const parser = input.pipe(
    parse({
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      on_skip: (error) => {
        const line = typeof error?.lines === "number" ? error.lines : 0;
        problems.push({ line, message: `unreadable CSV: ${error?.message ?? "malformed record"}` });
        return undefined;
      },
    }),
  );
  let header: string[] | null = null;
  let lastLine = 0;
  let lastEmpty = 0;
  for await (const { record, info } of parser as AsyncIterable<{
    record: string[];
    info: { lines: number; empty_lines: number };
  }>) {
    const line = lastLine + 1 + (info.empty_lines - lastEmpty);
    lastLine = info.lines;
    lastEmpty = info.empty_lines;
    if (!header) {
      header = record.map((name) => name.trim().toLowerCase());
      const missing = REQUIRED.filter((column) => !header?.includes(column));
      if (missing.length)
        throw AppError.validation(`The header lacks the columns ${missing.join(", ")}.`, ["input", "csv"]);
      continue;
    }
    if (record.length !== header.length) {
      problems.push({ line, message: `expected ${header.length} fields, found ${record.length}` });
      continue;
    }
    const fields = Object.fromEntries(ACQUISITION_COLUMNS.map((column) => [column, ""])) as AcquisitionRecord;
    header.forEach((column, index) => {
      if ((ACQUISITION_COLUMNS as readonly string[]).includes(column))
        fields[column as AcquisitionColumn] = record[index] ?? "";
    });
    yield { line, fields };
  }
  if (!header) throw AppError.validation("The file is empty: it needs a header and rows.", ["input", "csv"]);
}
