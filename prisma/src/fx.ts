import { readFileSync } from "node:fs";
import { dataDir } from "./paths.ts";

export interface FxRateRow {
  currency: string;
  date: string;
  usdPerUnit: number;
}

let table: Map<string, FxRateRow[]> | undefined;

export function readFxRates(): FxRateRow[] {
  return readFileSync(`${dataDir}/fx-rates.csv`, "utf8")
    .trim()
    .split("\n")
    .slice(1)
    .map((line) => {
      const [currency = "", date = "", rate = ""] = line.split(",");
      return { currency, date, usdPerUnit: Number(rate) };
    });
}

function ratesFor(currency: string): FxRateRow[] | undefined {
  if (!table) {
    table = new Map();
    for (const row of readFxRates()) {
      const rows = table.get(row.currency) ?? [];
      rows.push(row);
      table.set(row.currency, rows);
    }
    for (const rows of table.values()) rows.sort((a, b) => a.date.localeCompare(b.date));
  }
  return table.get(currency.toUpperCase());
}

export function isKnownCurrency(currency: string): boolean {
  return ratesFor(currency) !== undefined;
}

/**
 * Converts an amount to USD with the rate in force on `on` (the latest row on or before it; the
 * earliest row for older dates; the latest for undated amounts). Undefined for unknown currencies.
 */
export function toUsd(amount: number, currency: string, on?: Date | null): number | undefined {
  const rows = ratesFor(currency);
  if (!rows?.length) return undefined;
  const day = on ? on.toISOString().slice(0, 10) : "9999-12-31";
  let rate = rows[0];
  for (const row of rows) if (row.date <= day) rate = row;
  return rate ? Math.round(amount * rate.usdPerUnit * 100) / 100 : undefined;
}
