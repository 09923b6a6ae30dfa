// Amounts of money in news style: "$1.2 billion", "€240 million", "₹1,200 crore",
// "7.5 billion riyals", "450 million Mexican pesos", "CHF 1.4 billion".

import type { Money } from "./types.ts";

export interface MoneyMatch extends Money {
  start: number;
  end: number;
}

const SCALE: Record<string, number> = {
  trillion: 1e12,
  tn: 1e12,
  billion: 1e9,
  bn: 1e9,
  b: 1e9,
  million: 1e6,
  mn: 1e6,
  m: 1e6,
  thousand: 1e3,
  k: 1e3,
  crore: 1e7,
  crores: 1e7,
  lakh: 1e5,
  lakhs: 1e5,
};

const SYMBOLS: Record<string, string> = {
  us$: "USD",
  $: "USD",
  a$: "AUD",
  au$: "AUD",
  c$: "CAD",
  ca$: "CAD",
  s$: "SGD",
  hk$: "HKD",
  nz$: "NZD",
  r$: "BRL",
  "€": "EUR",
  "£": "GBP",
  "¥": "JPY",
  "₹": "INR",
  "₦": "NGN",
  "₩": "KRW",
  rs: "INR",
  "rs.": "INR",
  usd: "USD",
  eur: "EUR",
  gbp: "GBP",
  jpy: "JPY",
  inr: "INR",
  chf: "CHF",
  nok: "NOK",
  sek: "SEK",
  dkk: "DKK",
  rmb: "CNY",
  cny: "CNY",
  aud: "AUD",
  cad: "CAD",
  sgd: "SGD",
  hkd: "HKD",
  brl: "BRL",
  mxn: "MXN",
  zar: "ZAR",
  kes: "KES",
  ngn: "NGN",
  aed: "AED",
  sar: "SAR",
  krw: "KRW",
  pln: "PLN",
};

/** Currency words, with the adjective that picks the country when one word serves several. */
const WORDS: Record<string, Record<string, string>> = {
  dollars: {
    "": "USD",
    us: "USD",
    american: "USD",
    australian: "AUD",
    canadian: "CAD",
    singapore: "SGD",
    "hong kong": "HKD",
    "new zealand": "NZD",
    taiwan: "TWD",
  },
  dollar: { "": "USD" },
  euros: { "": "EUR" },
  euro: { "": "EUR" },
  pounds: { "": "GBP", egyptian: "EGP" },
  sterling: { "": "GBP" },
  yen: { "": "JPY" },
  yuan: { "": "CNY" },
  renminbi: { "": "CNY" },
  rupees: { "": "INR", indian: "INR", pakistani: "PKR", "sri lankan": "LKR" },
  rupiah: { "": "IDR" },
  naira: { "": "NGN" },
  rand: { "": "ZAR" },
  reais: { "": "BRL" },
  real: { brazilian: "BRL" },
  pesos: { "": "MXN", mexican: "MXN", argentine: "ARS", colombian: "COP", chilean: "CLP", philippine: "PHP" },
  francs: { "": "CHF", swiss: "CHF", cfa: "XOF" },
  kroner: { "": "NOK", norwegian: "NOK", danish: "DKK" },
  krone: { "": "NOK", norwegian: "NOK", danish: "DKK" },
  kronor: { "": "SEK" },
  krona: { "": "SEK" },
  crowns: { "": "NOK", norwegian: "NOK", swedish: "SEK", danish: "DKK", czech: "CZK" },
  shillings: { "": "KES", kenyan: "KES", ugandan: "UGX", tanzanian: "TZS" },
  riyals: { "": "SAR", saudi: "SAR", qatari: "QAR" },
  dirhams: { "": "AED", emirati: "AED", moroccan: "MAD" },
  ringgit: { "": "MYR" },
  baht: { "": "THB" },
  dong: { "": "VND" },
  won: { "": "KRW" },
  zloty: { "": "PLN" },
  lira: { "": "TRY" },
  cedis: { "": "GHS" },
  birr: { "": "ETB" },
  kwacha: { "": "ZMW" },
  pula: { "": "BWP" },
};

const NUMBER = String.raw`(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?`;
const SCALE_RE = String.raw`(trillion|billion|million|thousand|crores?|lakhs?|tn|bn|mn|m|b|k)\b`;

const PREFIXED = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(US\$|A\$|AU\$|C\$|CA\$|S\$|HK\$|NZ\$|R\$|\$|€|£|¥|₹|₦|₩|Rs\.?|(?:USD|EUR|GBP|JPY|INR|CHF|NOK|SEK|DKK|RMB|CNY|AUD|CAD|SGD|HKD|BRL|MXN|ZAR|KES|NGN|AED|SAR|KRW|PLN)\s?)\s?${NUMBER}(?:\s?${SCALE_RE})?`,
  "gu",
);

const ADJECTIVES =
  "us|american|australian|canadian|singapore|hong kong|new zealand|taiwan|egyptian|indian|pakistani|sri lankan|brazilian|mexican|argentine|colombian|chilean|philippine|swiss|cfa|norwegian|danish|swedish|czech|kenyan|ugandan|tanzanian|saudi|qatari|emirati|moroccan";

const SUFFIXED = new RegExp(
  String.raw`(?<![\p{L}\p{N}$€£¥₹])${NUMBER}(?:\s${SCALE_RE})?\s(?:(${ADJECTIVES})\s)?(${Object.keys(WORDS).join("|")})\b`,
  "giu",
);

function toNumber(intPart: string, fraction: string | undefined, scale: string | undefined): number {
  const base = Number(`${intPart.replace(/,/g, "")}${fraction ? `.${fraction}` : ""}`);
  return base * (scale ? (SCALE[scale.toLowerCase()] ?? 1) : 1);
}

/** Every amount of money in a piece of text, in order. */
export function findMoney(text: string, offset = 0): MoneyMatch[] {
  const found: MoneyMatch[] = [];
  for (const m of text.matchAll(PREFIXED)) {
    const [all, symbol, intPart, fraction, scale] = m;
    const currency = SYMBOLS[(symbol ?? "").trim().toLowerCase()];
    if (!currency || !intPart) continue;
    found.push({
      value: toNumber(intPart, fraction, scale),
      currency,
      start: offset + m.index,
      end: offset + m.index + all.length,
    });
  }
  for (const m of text.matchAll(SUFFIXED)) {
    const [all, intPart, fraction, scale, adjective, word] = m;
    const table = WORDS[(word ?? "").toLowerCase()];
    const currency = table?.[(adjective ?? "").toLowerCase()] ?? table?.[""];
    if (!currency || !intPart) continue;
    const start = offset + m.index;
    if (found.some((f) => f.start <= start && start < f.end)) continue;
    found.push({ value: toNumber(intPart, fraction, scale), currency, start, end: start + all.length });
  }
  return found.sort((a, b) => a.start - b.start);
}
