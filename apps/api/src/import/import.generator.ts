import { writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { ACQUISITION_COLUMNS } from "./import.csv.ts";

// Synthetic acquisitions in the export layout, with fictional companies, for tests and timing.
// `npm run import:generate -- <out.csv> [rows]` writes a file (default 20,000 rows).

const PREFIXES = [
  "Vel",
  "Quor",
  "Brin",
  "Tal",
  "Mor",
  "Zen",
  "Kal",
  "Ostr",
  "Pell",
  "Dra",
  "Fen",
  "Lum",
  "Cor",
  "Ny",
  "Sab",
];
const MIDDLES = ["a", "e", "i", "o", "u", "ara", "ion", "el", "ix", "on"];
const SUFFIXES = ["tek", "via", "lith", "mont", "dyne", "sphere", "wick", "gard", "lume", "nova", "quist", "ridge"];
const KINDS = [
  "Labs",
  "Systems",
  "Holdings",
  "Robotics",
  "Foods",
  "Logistics",
  "Health",
  "Energy",
  "Media",
  "Capital",
  "Networks",
  "Motors",
];
const CATEGORIES = [
  "Software",
  "Enterprise Software|SaaS",
  "Machine Learning|Analytics",
  "E-Commerce",
  "Logistics|Supply Chain Management",
  "FinTech|Payments",
  "Health Care|Medical Devices",
  "Biotechnology",
  "Semiconductors",
  "Solar|Clean Technology",
  "Robotics",
  "Real Estate",
  "Food and Beverage",
  "Education",
  "Advertising|Digital Media",
  "Curated Web",
  "Games",
];
const COUNTRIES = [
  "USA",
  "GBR",
  "DEU",
  "FRA",
  "CHN",
  "JPN",
  "IND",
  "BRA",
  "NGA",
  "KEN",
  "ZAF",
  "AUS",
  "CAN",
  "SGP",
  "ISR",
  "SWE",
  "MEX",
  "EGY",
];
const CURRENCIES = ["USD", "USD", "USD", "EUR", "GBP", "JPY", "CNY"];

/** A small deterministic generator (mulberry32), so a seed always gives the same file. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const quote = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** `rows` acquisitions between fictional companies; a tenth of the acquirers buy again and again. */
export function syntheticAcquisitionsCsv(rows: number, seed = 20_251_124): string {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const company = (n: number) => {
    const name = `${PREFIXES[n % PREFIXES.length]}${MIDDLES[Math.floor(n / 15) % MIDDLES.length]}${
      SUFFIXES[Math.floor(n / 150) % SUFFIXES.length]
    } ${KINDS[Math.floor(n / 1800) % KINDS.length]} ${Math.floor(n / 21_600) || ""}`.trim();
    return { name, permalink: `/organization/${name.toLowerCase().replace(/\s+/g, "-")}-${n}` };
  };
  const lines = [ACQUISITION_COLUMNS.join(",")];
  for (let i = 0; i < rows; i += 1) {
    const target = company(1_000_000 + i);
    const acquirer = company(Math.floor(next() * Math.max(rows / 10, 10)));
    const year = 2005 + Math.floor(next() * 21);
    const month = String(1 + Math.floor(next() * 12)).padStart(2, "0");
    const day = String(1 + Math.floor(next() * 28)).padStart(2, "0");
    const priced = next() < 0.4;
    const targetCountry = pick(COUNTRIES);
    const acquirerCountry = pick(COUNTRIES);
    const fields: Record<(typeof ACQUISITION_COLUMNS)[number], string> = {
      company_permalink: target.permalink,
      // Some names carry commas and some cities span lines: quoted fields as real exports have them.
      company_name: i % 17 === 0 ? `${target.name}, Inc.` : target.name,
      company_category_list: pick(CATEGORIES),
      company_country_code: targetCountry,
      company_state_code: "",
      company_region: i % 23 === 0 ? "Greater\nMetro Area" : "Metro Area",
      company_city: "Capital City",
      acquirer_permalink: acquirer.permalink,
      acquirer_name: acquirer.name,
      acquirer_category_list: pick(CATEGORIES),
      acquirer_country_code: acquirerCountry,
      acquirer_state_code: "",
      acquirer_region: "Metro Area",
      acquirer_city: "Harbour City",
      acquired_at: `${year}-${month}-${day}`,
      acquired_month: `${year}-${month}`,
      price_amount: priced ? String(Math.round(next() * 5_000) * 100_000) : "",
      price_currency_code: priced ? pick(CURRENCIES) : "",
    };
    lines.push(ACQUISITION_COLUMNS.map((column) => quote(fields[column])).join(","));
  }
  return `${lines.join("\n")}\n`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [out, count] = process.argv.slice(2);
  if (!out) {
    console.error("Usage: npm run import:generate -- <out.csv> [rows]");
    process.exit(1);
  }
  const rows = Number(count ?? 20_000);
  const started = performance.now();
  writeFileSync(out, syntheticAcquisitionsCsv(rows));
  console.log(`Wrote ${rows} acquisitions to ${out} in ${Math.round(performance.now() - started)} ms.`);
}
