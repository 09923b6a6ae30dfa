// Word tokens and runs of capitalised words ("name spans") with their offsets.

import { isFunctionWord, isLexiconWord } from "./lexicon.ts";
import type { Sentence } from "./segments.ts";

export interface Token {
  text: string;
  start: number;
  end: number;
  /** Starts with a capital ("Kwik"), or is camel-cased ("iDrive"). */
  cap: boolean;
  /** Followed by 's / ’s / a bare ’ (the apostrophe is not part of the token). */
  possessive: boolean;
  /** "based" for "Seoul-based": the token is the stem, the hyphenated suffix is dropped. */
  modifier?: string;
  /** First word of a sentence or of a quotation. */
  initial: boolean;
}

export interface NameSpan {
  text: string;
  start: number;
  end: number;
  tokens: Token[];
  sentence: Sentence;
  /** The first token opens its sentence or quotation. */
  initial: boolean;
}

const TOKEN_RE = /[\p{L}\p{N}]+(?:[.\-'’&/][\p{L}\p{N}]+)*|&/gu;

const MODIFIER_SUFFIXES = new Set([
  "based",
  "listed",
  "headquartered",
  "owned",
  "backed",
  "powered",
  "driven",
  "empowered",
  "focused",
  "led",
  "born",
  "language",
  "style",
  "made",
  "registered",
  "controlled",
  "operated",
  "bound",
  "centric",
  "native",
  "first",
  "specific",
  "wide",
  "funded",
  "traded",
  "run",
]);

const CONNECTORS = new Set([
  "&",
  "de",
  "da",
  "do",
  "dos",
  "das",
  "del",
  "della",
  "di",
  "du",
  "van",
  "von",
  "der",
  "den",
  "la",
  "le",
  "es",
  "y",
]);

/** Heads after which "of" continues a name ("Bank of Ireland Group", "Republic of the Congo"). */
const OF_HEADS = new Set([
  "bank",
  "university",
  "republic",
  "institute",
  "ministry",
  "department",
  "bureau",
  "council",
  "commission",
  "authority",
  "museum",
  "college",
  "school",
  "academy",
  "federation",
  "association",
  "chamber",
  "church",
  "port",
  "city",
  "province",
  "state",
  "states",
  "kingdom",
  "isle",
  "gulf",
  "bay",
  "sea",
  "house",
  "center",
  "centre",
  "board",
  "union",
  "league",
  "society",
  "office",
  "court",
  "emirate",
  "district",
  "county",
  "commonwealth",
  "islands",
  "strait",
  "cape",
]);

/** Job titles split name spans ("Microsoft CEO Satya Nadella" → "Microsoft", "Satya Nadella"). */
export const TITLE_TOKENS = new Set([
  "ceo",
  "cfo",
  "cto",
  "coo",
  "cmo",
  "cio",
  "chairman",
  "chairwoman",
  "chairperson",
  "chair",
  "president",
  "founder",
  "co-founder",
  "cofounder",
  "chief",
  "director",
  "minister",
  "secretary",
  "governor",
  "mayor",
  "prime",
  "vice",
  "mr",
  "ms",
  "mrs",
  "dr",
  "prof",
  "sir",
  "dame",
  "senator",
  "spokesperson",
  "spokesman",
  "spokeswoman",
  "analyst",
  "md",
  "svp",
  "evp",
  "vp",
]);

/** Tokens that are never names on their own. */
export const STOP_TOKENS = new Set([
  "ai",
  "b2b",
  "b2c",
  "ev",
  "evs",
  "r&d",
  "ipo",
  "gdp",
  "esg",
  "llm",
  "llms",
  "api",
  "it",
  "suv",
  "suvs",
  "sme",
  "smes",
  "ct",
  "q1",
  "q2",
  "q3",
  "q4",
  "h1",
  "h2",
  "4g",
  "5g",
  "6g",
  "gw",
  "mw",
  "kw",
  "gwh",
  "mwh",
  "series",
  "a",
  "i",
  "ok",
  "tv",
  "pc",
  "pcs",
  "gps",
  "iot",
  "saas",
  "ar",
  "vr",
  "ml",
  "faq",
  "ipa",
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
  "monday",
  "tuesday",
  "wednesday",
  "thursday",
  "friday",
  "saturday",
  "sunday",
  "covid",
  "covid-19",
  "x-rays",
  "x-ray",
  "mou",
  "ebitda",
  "usd",
  "eur",
]);

function isCap(word: string): boolean {
  const first = word.charAt(0);
  if (first !== first.toLowerCase()) return true;
  // camel case ("iDrive"): a lower-case start with a capital inside
  return first !== first.toUpperCase() && word !== word.toLowerCase() && /^\p{Ll}+\p{Lu}/u.test(word);
}

/** Tokens of one sentence. */
export function tokenize(text: string, sentence: Sentence): Token[] {
  const body = text.slice(sentence.start, sentence.end);
  const tokens: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(body); m; m = TOKEN_RE.exec(body)) {
    let word = m[0];
    const start = sentence.start + m.index;
    let possessive = false;
    let modifier: string | undefined;
    if (word.endsWith("s")) {
      if (word.length > 2 && /['’]s$/u.test(word)) {
        word = word.slice(0, -2);
        possessive = true;
      } else if (/^['’](?![\p{L}\p{N}])/u.test(text.slice(start + word.length, start + word.length + 2))) {
        possessive = true; // "Cerrado Ventures' fourth investment"
      }
    }
    const hyphen = word.includes("-") ? /^(.+)-(\p{Ll}+)$/u.exec(word) : null;
    if (hyphen?.[1] && hyphen[2] && MODIFIER_SUFFIXES.has(hyphen[2])) {
      word = hyphen[1];
      modifier = hyphen[2];
    }
    const before = text.slice(Math.max(sentence.start, start - 2), start);
    const afterColon = /:\s+$/u.test(text.slice(Math.max(sentence.start, start - 3), start));
    const initial = tokens.length === 0 || /["“‘(]\s*$/u.test(before) || (sentence.heading && afterColon);
    tokens.push({ text: word, start, end: start + word.length, cap: isCap(word), possessive, modifier, initial });
  }
  return tokens;
}

function adjacent(text: string, a: Token, b: Token): boolean {
  return /^ $/.test(text.slice(a.end, b.start));
}

function isTitle(token: Token): boolean {
  return TITLE_TOKENS.has(token.text.toLowerCase());
}

/** Runs of capitalised tokens, joined by connectors, split at titles, possessives and modifiers. */
export function nameSpans(
  text: string,
  sentence: Sentence,
  tokens: readonly Token[],
  lowerWords: ReadonlySet<string>,
  isName: (candidate: string) => boolean = () => false,
): NameSpan[] {
  const spans: NameSpan[] = [];
  let run: Token[] = [];
  const flush = (): void => {
    const trimmed = trimRun(text, run, lowerWords, isName);
    const first = trimmed[0];
    const last = trimmed[trimmed.length - 1];
    if (first && last) {
      spans.push({
        text: text.slice(first.start, last.end),
        start: first.start,
        end: last.end,
        tokens: trimmed,
        sentence,
        initial: first.initial,
      });
    }
    run = [];
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (!token) continue;
    const prev = run[run.length - 1];
    if (token.cap && !isTitle(token)) {
      if (prev && !adjacent(text, prev, token)) flush();
      run.push(token);
    } else if (prev && isConnector(text, tokens, i, run)) {
      run.push(token);
    } else {
      flush();
    }
    if (token.possessive || token.modifier) flush();
  }
  flush();
  return spans;
}

function isConnector(text: string, tokens: readonly Token[], i: number, run: readonly Token[]): boolean {
  const token = tokens[i];
  const next = tokens[i + 1];
  const prev = run[run.length - 1];
  if (!token || !prev || !next) return false;
  if (!adjacent(text, prev, token) || !adjacent(text, token, next)) return false;
  if (prev.possessive || prev.modifier) return false;
  const word = token.text.toLowerCase();
  const nextCap = next.cap || (next.text === "the" && (tokens[i + 2]?.cap ?? false));
  if (word === "of") return nextCap && OF_HEADS.has(prev.text.toLowerCase());
  if (word === "the") return run.length > 0 && tokens[i - 1]?.text.toLowerCase() === "of" && next.cap;
  return CONNECTORS.has(word) && next.cap && !isTitle(next);
}

/** Everyday words that open organisation names ("Bank of …", "Air …"). */
const NAME_HEADS = new Set([
  "air",
  "bank",
  "banco",
  "banque",
  "grupo",
  "groupe",
  "university",
  "port",
  "royal",
  "national",
  "first",
  "united",
  "general",
]);

function dropsAtEdge(t: Token | undefined, tokens: readonly Token[]): boolean {
  if (!t) return false;
  if (!t.cap) return true;
  return STOP_TOKENS.has(t.text.toLowerCase()) && !/^\d/.test(t.text) && tokens.length > 1 && t === tokens[0];
}

function spanText(text: string, tokens: readonly Token[]): string {
  return text.slice(tokens[0]?.start ?? 0, tokens[tokens.length - 1]?.end ?? 0);
}

/** Drops connectors and stop words at the edges and a leading everyday word that opens a sentence. */
function trimRun(
  text: string,
  run: readonly Token[],
  lowerWords: ReadonlySet<string>,
  isName: (candidate: string) => boolean,
): Token[] {
  let tokens = [...run];
  while (dropsAtEdge(tokens[0], tokens)) tokens = tokens.slice(1);
  while (tokens.length > 0 && !tokens[tokens.length - 1]?.cap) tokens = tokens.slice(0, -1);
  while (tokens.length > 0) {
    const first = tokens[0];
    if (!first) break;
    if (tokens.length > 1 && !isFunctionWord(first.text) && isName(spanText(text, tokens))) break;
    const lower = first.text.toLowerCase();
    const second = tokens[1];
    const partOfName = !!second && (second.text === "of" || CONNECTORS.has(second.text) || NAME_HEADS.has(lower));
    const opensSentence =
      first.initial &&
      !partOfName &&
      (isFunctionWord(first.text) || isLexiconWord(first.text) || lowerWords.has(lower));
    if (opensSentence || (tokens.length > 1 && first.text === "The")) {
      tokens = tokens.slice(1);
      while (tokens[0] && !tokens[0].cap) tokens = tokens.slice(1);
      continue;
    }
    break;
  }
  const only = tokens.length === 1 ? tokens[0] : undefined;
  if (only && STOP_TOKENS.has(only.text.toLowerCase())) return [];
  return tokens;
}

/** Words that stand in lower case somewhere in the text ("passengers", "mini-grids"). */
export function lowercaseWords(text: string): Set<string> {
  return new Set(text.match(/(?<![\p{L}\p{N}])\p{Ll}[\p{L}-]*/gu) ?? []);
}
