// Place names → UN M49 codes, built from the shipped copy of the ISO 3166 / M49 list
// (data/iso3166-m49.csv, CC BY-SA 4.0, github.com/lukes/ISO-3166-Countries-with-Regional-Codes)
// plus the aliases, regions, demonyms and cities in place-names.ts.

import { readFileSync } from "node:fs";
import { CITIES, COUNTRY_ALIASES, DEMONYMS, REGION_ALIASES } from "./place-names.ts";

export type PlaceType = "country" | "region" | "city";

export interface Place {
  name: string;
  codes: readonly string[];
  type: PlaceType;
}

export interface Country {
  name: string;
  code: string;
  alpha2: string;
  alpha3: string;
  /** Region codes from the continent down: ["002", "202", "011"] for Nigeria. */
  ancestors: string[];
}

interface Gazetteer {
  places: Map<string, Place>;
  demonyms: Map<string, readonly string[]>;
  countries: Map<string, Country>;
  /** Longest place name in tokens, for span matching. */
  maxTokens: number;
}

/** Split one CSV line, honouring double quotes. */
export function parseCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line.charAt(i);
    if (quoted) {
      if (ch === '"' && line.charAt(i + 1) === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      fields.push(field);
      field = "";
    } else field += ch;
  }
  fields.push(field);
  return fields;
}

/** Lookup key: case-folded, straight apostrophes, no leading "the", single spaces. */
export function placeKey(name: string): string {
  return name.normalize("NFC").replace(/[’‘]/g, "'").replace(/\s+/g, " ").trim().replace(/^the /i, "").toLowerCase();
}

export function parseCountries(csv: string): Country[] {
  const lines = csv.split(/\r?\n/).filter((l) => l.trim() !== "");
  const countries: Country[] = [];
  for (const line of lines.slice(1)) {
    const [name, alpha2, alpha3, code, , , , , regionCode, subCode, interCode] = parseCsvLine(line);
    if (!name || !code || !alpha2 || !alpha3) continue;
    const ancestors = [regionCode, subCode, interCode].filter((c): c is string => !!c && c !== "");
    countries.push({ name, code, alpha2, alpha3, ancestors });
  }
  return countries;
}

function regionNames(csv: string): Map<string, string> {
  const names = new Map<string, string>();
  for (const line of csv.split(/\r?\n/).slice(1)) {
    const f = parseCsvLine(line);
    const pairs: Array<[string | undefined, string | undefined]> = [
      [f[5], f[8]],
      [f[6], f[9]],
      [f[7], f[10]],
    ];
    for (const [name, code] of pairs) if (name && code) names.set(name, code);
  }
  return names;
}

function buildGazetteer(csv: string): Gazetteer {
  const places = new Map<string, Place>();
  const add = (name: string, codes: readonly string[], type: PlaceType): void => {
    const key = placeKey(name);
    if (!places.has(key)) places.set(key, { name, codes, type });
  };
  const countries = parseCountries(csv);
  for (const [name, codes] of Object.entries(REGION_ALIASES)) add(name, codes, "region");
  for (const [name, code] of Object.entries(COUNTRY_ALIASES)) add(name, [code], "country");
  for (const c of countries) {
    add(c.name, [c.code], "country");
    // "Korea, Republic of" → "Korea"; "Bolivia, Plurinational State of" → "Bolivia"
    const short = c.name.split(",")[0];
    if (short && short !== c.name) add(short, [c.code], "country");
  }
  for (const [name, code] of regionNames(csv)) add(name, [code], "region");
  for (const [name, code] of Object.entries(CITIES)) add(name, [code], "city");
  const demonyms = new Map<string, readonly string[]>();
  for (const [name, codes] of Object.entries(DEMONYMS)) demonyms.set(placeKey(name), codes);
  let maxTokens = 1;
  for (const p of places.values()) maxTokens = Math.max(maxTokens, p.name.split(/\s+/).length);
  return { places, demonyms, countries: new Map(countries.map((c) => [c.code, c])), maxTokens };
}

let cached: Gazetteer | undefined;

function gazetteer(): Gazetteer {
  if (!cached) {
    const csv = readFileSync(new URL("../data/iso3166-m49.csv", import.meta.url), "utf8");
    cached = buildGazetteer(csv);
  }
  return cached;
}

/** The place a name denotes ("Nigeria", "sub-Saharan Africa", "Beijing"), if any. */
export function lookupPlace(name: string): Place | undefined {
  return gazetteer().places.get(placeKey(name));
}

/** M49 codes for an adjective of nationality or region ("Nigerian" → ["566"]). */
export function lookupDemonym(word: string): readonly string[] | undefined {
  return gazetteer().demonyms.get(placeKey(word));
}

export function lookupCountry(code: string): Country | undefined {
  return gazetteer().countries.get(code);
}

/** The longest place name, in words: bounds span matching. */
export function maxPlaceTokens(): number {
  return gazetteer().maxTokens;
}

/** True when `code` is `ancestor` or lies inside it in the M49 tree. */
export function isWithin(code: string, ancestor: string): boolean {
  if (code === ancestor || ancestor === "001") return true;
  return lookupCountry(code)?.ancestors.includes(ancestor) ?? false;
}
