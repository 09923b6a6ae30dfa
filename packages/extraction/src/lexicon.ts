// Word knowledge from compromise's lexicon (first names, everyday words). Only the lexicon is used:
// a full compromise parse costs ~90 ms per article, far over the extraction budget.

import nlp from "compromise";

type Lexicon = Record<string, string | string[] | undefined>;

let cached: Lexicon | undefined;

function lexicon(): Lexicon {
  if (!cached) {
    const model = nlp.model() as { one?: { lexicon?: Lexicon } };
    cached = model.one?.lexicon ?? {};
  }
  return cached;
}

const folded = new Map<string, string>();

function isAscii(word: string): boolean {
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) > 127) return false;
  return true;
}

/** Lower case without diacritics ("Inés" → "ines"). */
export function foldWord(word: string): string {
  const hit = folded.get(word);
  if (hit !== undefined) return hit;
  const value = isAscii(word) ? word.toLowerCase() : word.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  if (folded.size > 50_000) folded.clear();
  folded.set(word, value);
  return value;
}

function tagsOf(word: string): string[] {
  const entry = lexicon()[foldWord(word)];
  if (entry === undefined) return [];
  return Array.isArray(entry) ? entry : [entry];
}

const NAME_TAGS = new Set(["FirstName", "MaleName", "FemaleName"]);
const PROPER_TAGS = new Set([
  "FirstName",
  "MaleName",
  "FemaleName",
  "LastName",
  "Person",
  "Place",
  "City",
  "Country",
  "Region",
  "Organization",
  "SportsTeam",
  "ProperNoun",
]);

export function isFirstName(word: string): boolean {
  return tagsOf(word).some((t) => NAME_TAGS.has(t));
}

/** An everyday English word (tagged in the lexicon as something other than a name or place). */
export function isLexiconWord(word: string): boolean {
  const tags = tagsOf(word);
  return tags.length > 0 && !tags.some((t) => PROPER_TAGS.has(t));
}

/** Words that start sentences without naming anything. */
const FUNCTION_WORDS = new Set(
  (
    "a an the this that these those it its their our his her my your we they he she i you " +
    "in on at for with by from under over after before as of to into onto about across amid amidst " +
    "among despite during since until while when where whereas if although though because so but and or " +
    "nor yet also meanwhile however separately further furthermore moreover instead still then thus " +
    "according last next both all most many some other such each every one two three four five six " +
    "several few no not here there today yesterday tomorrow earlier later now once again already " +
    "what which who whom whose why how new more less only even just very analysts shares financial " +
    "terms chief executive under together sources people officials investors"
  ).split(" "),
);

export function isFunctionWord(word: string): boolean {
  return FUNCTION_WORDS.has(foldWord(word));
}
