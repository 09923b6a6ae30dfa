// Evidence for what kind of thing a name span denotes: its own words ("… Holdings", "Arvo X2") and
// the words around it ("chief executive Elena Varga", "launched the …", "Swedish battery maker …").

import { isFirstName } from "./lexicon.ts";
import type { NameSpan } from "./tokens.ts";
import type { EntityKind } from "./types.ts";

export type Scores = Record<EntityKind, number>;

export function emptyScores(): Scores {
  return { ORGANIZATION: 0, PERSON: 0, PRODUCT: 0, PLACE: 0, EVENT: 0 };
}

export function addScores(into: Scores, from: Scores, weight = 1): void {
  for (const kind of Object.keys(into) as EntityKind[]) into[kind] += from[kind] * weight;
}

const words = (list: string): Set<string> => new Set(list.split(/\s+/).filter(Boolean));

export const ORG_SUFFIXES = words(`
  group holdings holding ltd ltd. limited inc inc. corp corp. corporation co co. company companies plc
  ag sa s.a. se nv n.v. bv ab asa a/s oy oyj spa s.p.a. gmbh kg llc llp lp pty bhd berhad tbk k.k.
  capital partners ventures venture fund funds investments invest securities bank bancorp trust
  technologies technology tech systems labs laboratories motors motor airways airlines aviation
  energy energie energia power pharma pharmaceuticals therapeutics biotech biosciences biologics
  genomics diagnostics logistics shipping freight ports lines express foods food brands retail
  resources mining minerals metals industries industrial insurance assurance financial finance
  payments pay health healthcare medical medtech properties developers developments realty estates
  media studios entertainment telecom telecoms telecommunications networks mobile communications
  robotics semiconductor semiconductors microelectronics electronics silicon chemicals materials
  steel cement textiles hotels resorts solutions software cloud analytics digital data distribution
  distributors supply trading exchange markets stores learning education renewables
  batteries battery batteri cells agro agri agritech agrotech fintech consulting advisors advisory
  associates management automotive aerospace dynamics beverages brewing brewery
  breweries farms devices instruments engineering construction infrastructure utilities petroleum
  times herald gazette tribune chronicle telegraph foundation institute university air
`);

/** Suffixes that also end product names ("Yan AI", "Lumen Cloud"): weaker evidence. */
export const WEAK_ORG_SUFFIXES = words("ai cloud digital data mobile wind mobility gas oil post news press one");

const ORG_PREFIXES = words("air bank banco banque groupe grupo");

const GEO_SUFFIXES = words(`
  strait straits sea ocean river valley bay state province region island islands peninsula delta
  basin mountains coast canal lake desert county prefecture governorate oblast
`);

const EVENT_SUFFIXES = words(
  "summit forum conference expo congress fair festival week games olympics show awards symposium convention",
);

const ORG_NOUN =
  "companies|company|group|firm|maker|carmaker|automaker|chipmaker|drugmaker|conglomerate|chain|operator|developer|start-?up|bank|lender|insurer|carrier|airline|line|provider|retailer|utility|producer|manufacturer|specialist|fund|investor|lessor|forwarder|giant|brewer|miner|designer|distributor|wholesaler|exporter|importer|supplier|subsidiary|unit|rival|outlet|publisher|broadcaster|newspaper|magazine|agency|regulator|consultancy|unicorn|cooperative|venture|business|house|owner|holding|parent|division|arm|player|telco|platform|marketplace|fintech|insurtech|university|institute|hospital|lab|laboratory|studio|label|exchange|association|authority|ministry";

const PRODUCT_NOUN =
  "model|models|system|app|application|chip|processor|smartphone|phone|handset|programme|program|drug|medicine|vaccine|therapy|treatment|vehicle|vehicles|car|cars|suv|sedan|truck|assistant|software|solution|kit|tool|device|series|range|tablet|laptop|console|engine|game|film|satellite|rocket|aircraft|jet|drone|robot|sensor|monitor|chatbot|card|wallet|os";

const ORG_NOUN_RE = new RegExp(`^(?:${ORG_NOUN})s?$`, "iu");
const PRODUCT_NOUN_RE = new RegExp(`^(?:${PRODUCT_NOUN})$`, "iu");

/** Words that end product names ("Aster EV", "Galaxy Pro"). */
const PRODUCT_TAILS = words("ev suv pro max plus ultra lite mini gt x xl se");

const TITLE =
  "chief executive(?: officer)?|ceo|cfo|cto|coo|cmo|chief [a-z]+ officer|chair(?:man|woman|person)?|(?:vice |executive )?president|(?:co-)?founder|managing director|(?:sales |finance |technical |commercial |research )?director|managing partner|general partner|partner|general manager|spokes(?:man|woman|person)|analyst|economist|minister|secretary|governor|mayor|commissioner|head of [a-z ]+|mr\\.?|ms\\.?|mrs\\.?|dr\\.?|prof\\.?";

const RE = {
  rightWho: /^\s*,\s*(?:who|whose)\b/iu,
  rightTitle: new RegExp(
    `^\\s*,\\s*(?:the\\s+|its\\s+|a\\s+|an\\s+)?(?:former\\s+|new\\s+|deputy\\s+|interim\\s+|acting\\s+|senior\\s+)?(?:${TITLE})\\b`,
    "iu",
  ),
  apposition: /^\s*,\s*(?:one of (?:the\s+)?|(?:a|an|the|its|their)\s+)([^,.;:“”"()]*)/iu,
  rightSays:
    /^\s+(?:said|says|told|added|noted|explained|stated|warned|cautioned|emphasi[sz]ed|highlighted|acknowledged|believes|wrote|argued)\b/iu,
  rightOrgPossessive:
    /^\s*(?:’s|'s|’|')\s+(?:(?:[a-z-]+\s+){0,2}(?:chief|ceo|board|shares|chair|chairman|president|founder|co-founder|management|shareholders|stake|subsidiary|unit|parent|stores|shops|customers|clients|revenue|sales|profit|brands?|network|terminals|headquarters|employees|staff|products|services|platform|business|division|operations|plants?|factory|factories|engineers|hotels|portfolio|investors|valuation|offer|bid|acquisition|purchase|takeover|largest|biggest|first|second|latest|own)\b)/iu,
  rightOrgTitle:
    /^\s+(?:chief|ceo|cfo|cto|coo|chair|chairman|chairwoman|president|founder|co-founder|managing|partner|general partner|managing partner|sales director|director|spokesperson|spokesman|spokeswoman|shares|shareholders|executives?|board|group|said it|declined|did not)\b/iu,
  rightOrgVerb:
    /^\s+(?:(?:has|have|had|is|was|will|would|also|on \p{L}+day|last year|this year|previously)\s+)*(?:agreed|announced|partnered|acquired|bought|signed|formed|raised|invested|denied|declined|reported|plans|expects|employs|operates|runs|sells|makes|owns|controls|processes|serves|builds|opened|appointed|completed|closed|called off|ended|terminated|scrapped|abandoned|shares)\b/iu,
  rightProductNoun: new RegExp(
    `^\\s+(?:(?!(?:will|has|have|had|is|was|to|its|their|and|or|the|a|an|in|on|for|with|by|from|at)\\b)\\p{Ll}[\\p{L}-]*\\s+){0,2}(?:${PRODUCT_NOUN}|loyalty|platform|service|operating system|brand)\\b`,
    "iu",
  ),
  leftSaid: /\b(?:said|says|according to)\s+$/iu,
  leftTitle: new RegExp(`(?:^|[\\s,(])(?:${TITLE})\\s+$`, "iu"),
  leftOrgNoun: new RegExp(`\\b(?:${ORG_NOUN})s?\\s+$`, "iu"),
  leftBased: /-(?:based|listed|headquartered)\s+$/iu,
  leftDeal:
    /\b(?:partner(?:ed|s|ing)?\s+with|team(?:ed|s)?\s+up\s+with|acquire[sd]?|acquiring|buy(?:s|ing)?|bought|purchase[sd]?|takeover\s+of|acquisition\s+of|purchase\s+of|stake\s+in|invest(?:ed|s|ing)?\s+(?:[\p{L}\p{N}$€£¥₹.,]+\s+){0,4}in|merge[sd]?\s+with|merger\s+with|led\s+by|participation\s+from|agreement\s+with|partnership\s+with|collaboration\s+with|alliance\s+with|talks\s+with|venture\s+with|deal\s+with|bid\s+for|offer\s+for|approached|appointed|appoints|signed|backed\s+by|funding\s+from|investment\s+from|investor|from)\s+(?:the\s+)?$/iu,
  leftLaunch:
    /\b(?:launch(?:ed|es|ing)?|unveil(?:ed|s|ing)?|introduc(?:ed|es|ing)|releas(?:ed|es|ing)|roll(?:ed|s|ing)?\s+out|debut(?:ed|s)?|showcas(?:ed|es))\s+(?:(?:the|a|an|its|their|his|her)\s+)?(?:new\s+)?$/iu,
  leftProductApposition: new RegExp(
    `\\b(?:${PRODUCT_NOUN}|platform|service|product|brand|programme|booking system|called|named|dubbed|branded)\\s*,?\\s*$`,
    "iu",
  ),
  leftCalled: /\b(?:called|named|dubbed|branded)\s+$/iu,
  leftRenamed: /\b(?:renamed|rebranded(?: as)?)\s+$/iu,
  leftOrgApposition: /\b(?:venture|company|unit|subsidiary|entity|business|firm|group|arm|division|studio)\s*,\s*$/iu,
  leftPlaceOf:
    /\b(?:city|town|village|port|province|state|states|region|capital|district|county|island|islands|area|areas|emirate|municipality)\s+(?:of|at)\s+$/iu,
  leftPlacePrep: /\b(?:in|near|outside|at|to|across|around|into|throughout)\s+(?:the\s+)?$/iu,
  leftHeadquartered: /\b(?:based|headquartered|founded|listed|located|born)\s+in\s+(?:(?:19|20)\d\d\s+in\s+)?$/iu,
};

function lastWord(span: NameSpan): string {
  return span.tokens[span.tokens.length - 1]?.text.toLowerCase() ?? "";
}

const APPOSITION_STOP =
  /\s(?:of|in|for|with|that|which|who|whose|based|to|from|on|at|by|behind|and|across|where|when|since|founded|owned|controlled|run)\b.*$/iu;

/** "X, a Singapore-based maker of …" → ORGANIZATION; "X, a free software kit that …" → PRODUCT. */
export function appositionHead(right: string): EntityKind | undefined {
  const phrase = RE.apposition.exec(right)?.[1];
  if (!phrase) return undefined;
  const chunk = ` ${phrase}`.replace(APPOSITION_STOP, "");
  for (const word of chunk.trim().split(/\s+/)) {
    const w = word.replace(/^[\p{L}]+-(?=\p{Ll})/u, (m) => (/^(?:start|e|co|non)-$/iu.test(m) ? m : ""));
    if (ORG_NOUN_RE.test(w)) return "ORGANIZATION";
    if (PRODUCT_NOUN_RE.test(w)) return "PRODUCT";
  }
  return undefined;
}

/** What the span's own words say. */
export function structuralScores(span: NameSpan): Scores {
  const s = emptyScores();
  const last = lastWord(span);
  const first = span.tokens[0]?.text.toLowerCase() ?? "";
  const n = span.tokens.length;
  if (n > 1 && ORG_SUFFIXES.has(last)) s.ORGANIZATION += 3;
  else if (n > 1 && WEAK_ORG_SUFFIXES.has(last)) s.ORGANIZATION += 2;
  if (n === 1 && /\.(?:com|io|ai|net|org)$/iu.test(first)) s.ORGANIZATION += 3;
  if (n > 1 && ORG_PREFIXES.has(first)) s.ORGANIZATION += 2;
  if (n > 1 && GEO_SUFFIXES.has(last)) s.PLACE += 2.5;
  if (n > 1 && EVENT_SUFFIXES.has(last)) s.EVENT += 3;
  const hasDigit = span.tokens.some((t) => /\d/.test(t.text));
  if (n > 1 && PRODUCT_TAILS.has(last)) s.PRODUCT += 1.5;
  if (hasDigit && !ORG_SUFFIXES.has(last) && !/^(?:19|20)\d\d$/.test(last)) s.PRODUCT += 2;
  const personShaped =
    n >= 2 &&
    n <= 4 &&
    span.tokens.every(
      (t) =>
        /^\p{Lu}[\p{Ll}'’]+(?:-\p{L}[\p{Ll}]+)?$/u.test(t.text) ||
        /^(?:van|von|de|da|del|der|bin|al|el)$/u.test(t.text),
    );
  if (personShaped && span.tokens[0] && isFirstName(span.tokens[0].text) && !ORG_SUFFIXES.has(last)) s.PERSON += 2;
  return s;
}

/** What the surrounding words say. */
export function contextScores(text: string, span: NameSpan): Scores {
  const s = emptyScores();
  const sentence = span.sentence;
  const left = text.slice(Math.max(sentence.start, span.start - 60), span.start);
  // most cues need only the last few words before the name
  const tail = left.slice(-36);
  const right = text.slice(span.end, Math.min(sentence.end, span.end + 90));
  const n = span.tokens.length;
  const possessive = span.tokens[n - 1]?.possessive ?? false;
  const modifier = span.tokens[n - 1]?.modifier;
  if (modifier === "based" || modifier === "headquartered" || modifier === "born") s.PLACE += 1.5;
  if (modifier === "listed") s.PLACE += 1;
  if (RE.rightWho.test(right)) s.PERSON += 2;
  if (RE.rightTitle.test(right)) s.PERSON += 3;
  const head = appositionHead(right);
  if (head === "ORGANIZATION") s.ORGANIZATION += 3;
  else if (head === "PRODUCT") s.PRODUCT += 2.5;
  if (RE.rightSays.test(right)) s.PERSON += n >= 2 ? 1 : 0.5;
  if (possessive && RE.rightOrgPossessive.test(right)) s.ORGANIZATION += 2;
  if (!possessive && RE.rightOrgTitle.test(right)) s.ORGANIZATION += 2;
  if (!possessive && RE.rightOrgVerb.test(right)) s.ORGANIZATION += 1;
  if (!possessive && RE.rightProductNoun.test(right)) s.PRODUCT += 2;
  if (RE.leftSaid.test(tail)) s.PERSON += n >= 2 ? 1 : 0.3;
  if (RE.leftTitle.test(tail)) s.PERSON += 3;
  if (RE.leftOrgNoun.test(tail) && !RE.leftTitle.test(tail)) s.ORGANIZATION += 3;
  if (RE.leftBased.test(tail)) s.ORGANIZATION += 3;
  if (RE.leftDeal.test(left)) s.ORGANIZATION += 1.5;
  if (RE.leftLaunch.test(tail)) s.PRODUCT += 2;
  if (RE.leftOrgApposition.test(tail)) s.ORGANIZATION += 2.5;
  else if (RE.leftCalled.test(tail)) {
    if (/\b(?:company|venture|group|unit|business|firm|entity|subsidiary)\b/iu.test(left.slice(-60)))
      s.ORGANIZATION += 2.5;
    else s.PRODUCT += 2.5;
  } else if (RE.leftProductApposition.test(tail)) s.PRODUCT += 2;
  if (RE.leftRenamed.test(tail)) s.ORGANIZATION += 2;
  if (RE.leftPlaceOf.test(tail)) s.PLACE += 3;
  if (RE.leftHeadquartered.test(left)) s.PLACE += 2;
  else if (RE.leftPlacePrep.test(tail)) s.PLACE += 0.8;
  return s;
}
