// Keywords → theme codes of the API's sector taxonomy. Each keyword carries a weight; a sector is
// kept when its weight in a deal's context reaches 1.

export const SECTOR_CODES = [
  "artificial-intelligence",
  "automotive",
  "e-commerce",
  "logistics",
  "fintech",
  "semiconductors",
  "energy",
  "renewable-energy",
  "healthcare",
  "pharmaceuticals",
  "telecommunications",
  "cloud-computing",
  "retail",
  "media",
  "agriculture",
  "mining",
  "real-estate",
  "financial-services",
  "aerospace",
  "consumer-goods",
  "food-and-beverage",
  "travel",
  "education",
  "cybersecurity",
  "robotics",
  "biotechnology",
] as const;

export type SectorCode = (typeof SECTOR_CODES)[number];

type Rule = [pattern: string, weight: number];

// Patterns are matched case-insensitively on whole words; `\b` is added around them.
const RULES: Record<SectorCode, Rule[]> = {
  "artificial-intelligence": [
    ["artificial intelligence", 1],
    ["AI", 1],
    ["machine[- ]learning", 1],
    ["(?:large )?language models?", 1],
    ["generative", 1],
    ["deep learning", 1],
    ["neural networks?", 1],
    ["computer vision", 1],
    ["chatbots?", 1],
    ["LLMs?", 1],
    ["AI-(?:powered|driven|based|enabled)", 1],
    ["algorithms?", 0.5],
  ],
  automotive: [
    ["automotive", 1],
    ["vehicles?", 1],
    ["cars?", 1],
    ["carmakers?", 1],
    ["automakers?", 1],
    ["in-car", 1],
    ["cockpit", 1],
    ["electric[- ]vehicles?", 1],
    ["EVs?", 1],
    ["driving", 0.5],
    ["motorcycles?", 1],
    ["car-parts", 1],
    ["auto parts", 1],
    ["electric mobility", 1],
    ["connected-car", 1],
    ["trucks?", 0.3],
    ["dealerships?", 0.5],
  ],
  "e-commerce": [
    ["e-commerce", 1],
    ["ecommerce", 1],
    ["online marketplaces?", 1],
    ["marketplaces?", 0.5],
    ["B2B", 0.5],
    ["online stores?", 1],
    ["online shopping", 1],
    ["webshops?", 1],
    ["cross-border trade", 0.5],
  ],
  logistics: [
    ["logistics", 1],
    ["freight", 1],
    ["shipping", 1],
    ["containers?", 1],
    ["warehouses?", 0.5],
    ["warehousing", 0.5],
    ["deliver(?:y|ies)", 0.5],
    ["parcels?", 1],
    ["supply chains?", 0.5],
    ["trucking", 1],
    ["couriers?", 1],
    ["cargo", 1],
    ["forwarders?", 1],
    ["ports?", 0.5],
    ["terminals?", 0.5],
    ["corridors?", 0.5],
  ],
  fintech: [
    ["fintech", 1],
    ["digital bank(?:ing)?", 1],
    ["mobile money", 1],
    ["digital wallets?", 1],
    ["e-wallets?", 1],
    ["neobanks?", 1],
    ["payment (?:processing|processors?|platforms?|apps?|companies|company|providers?|services?)", 1],
    ["(?:mobile|card|digital|online|cross-border|instant) payments", 1],
    ["processes payments", 1],
    ["lending app", 1],
    ["buy now,? pay later", 1],
  ],
  semiconductors: [
    ["semiconductors?", 1],
    ["chips?", 1],
    ["chipmakers?", 1],
    ["processors?", 0.5],
    ["wafers?", 1],
    ["foundr(?:y|ies)", 1],
    ["chip-packaging", 1],
    ["microchips?", 1],
  ],
  energy: [
    ["energy", 0.5],
    ["oil", 1],
    ["natural gas", 1],
    ["gas", 0.5],
    ["LNG", 1],
    ["electricity", 0.5],
    ["power grids?", 0.5],
    ["grids?", 0.3],
    ["batter(?:y|ies)", 0.5],
    ["energy storage", 1],
    ["lithium-ion", 1],
    ["utilit(?:y|ies)", 0.5],
    ["power plants?", 0.5],
    ["nuclear", 1],
    ["hydrogen", 0.5],
    ["fuels?", 0.5],
    ["refiner(?:y|ies)", 1],
    ["petroleum", 1],
    ["coal", 1],
  ],
  "renewable-energy": [
    ["renewables?", 1],
    ["renewable energy", 1],
    ["solar", 1],
    ["wind (?:farms?|turbines?|power|developer|energy|capacity)", 1],
    ["wind", 0.5],
    ["hydro(?:power|electric)?", 0.5],
    ["geothermal", 1],
    ["clean energy", 1],
    ["green hydrogen", 1],
    ["mini-grids?", 1],
    ["photovoltaic", 1],
  ],
  healthcare: [
    ["health ?care", 1],
    ["hospitals?", 1],
    ["clinics?", 1],
    ["clinicians?", 1],
    ["patients?", 0.5],
    ["diagnostics?", 1],
    ["medical", 1],
    ["glucose", 1],
    ["diabetes", 1],
    ["telemedicine", 1],
  ],
  pharmaceuticals: [
    ["pharmaceuticals?", 1],
    ["pharma", 1],
    ["drugs?", 1],
    ["drugmakers?", 1],
    ["medicines?", 1],
    ["vaccines?", 1],
    ["clinical trials?", 1],
    ["(?:late|mid|early)-stage trials?", 1],
    ["therap(?:y|ies)", 0.5],
    ["placebo", 1],
  ],
  telecommunications: [
    ["telecoms?", 1],
    ["telecommunications?", 1],
    ["broadband", 1],
    ["fib(?:re|er)", 1],
    ["mobile networks?", 1],
    ["5G", 1],
    ["4G", 0.5],
    ["spectrum", 1],
    ["(?:mobile-)?towers?", 0.5],
    ["wireless", 1],
    ["connectivity", 0.5],
    ["smartphones?", 0.5],
    ["handsets?", 0.5],
    ["mobile operators?", 1],
  ],
  "cloud-computing": [
    ["cloud", 1],
    ["cloud computing", 1],
    ["data[- ]cent(?:re|er)s?", 0.5],
    ["hosting", 0.5],
    ["SaaS", 1],
    ["servers?", 0.5],
  ],
  retail: [
    ["retail", 1],
    ["retailers?", 1],
    ["supermarkets?", 1],
    ["stores?", 0.5],
    ["shops?", 0.3],
    ["grocer(?:y|ies|s)?", 0.5],
    ["convenience[- ]stores?", 1],
    ["shopping", 0.5],
    ["department stores?", 1],
  ],
  media: [
    ["media", 1],
    ["streaming", 1],
    ["films?", 1],
    ["television", 1],
    ["TV", 1],
    ["studios?", 0.5],
    ["music", 1],
    ["publishing", 1],
    ["broadcast(?:er|ing)?", 1],
    ["entertainment", 1],
    ["newspapers?", 1],
  ],
  agriculture: [
    ["agricultur(?:e|al)", 1],
    ["(?<!(?:solar|wind|server|data|battery|server) )farms?", 1],
    ["farmers?", 1],
    ["farming", 1],
    ["crops?", 1],
    ["harvests?", 1],
    ["fertili[sz]ers?", 1],
    ["agtech", 1],
    ["agritech", 1],
    ["livestock", 1],
    ["soya", 1],
    ["maize", 1],
    ["smallholders?", 1],
    ["agribusiness", 1],
  ],
  mining: [
    ["mining", 1],
    ["miners?", 1],
    ["mines?", 1],
    ["copper", 1],
    ["cobalt", 1],
    ["iron ore", 1],
    ["nickel", 1],
    ["gold mines?", 1],
    ["minerals?", 0.5],
  ],
  "real-estate": [
    ["real estate", 1],
    ["property", 0.5],
    ["properties", 0.5],
    ["offices", 0.5],
    ["homes", 0.5],
    ["residential", 1],
    ["towers?", 0.3],
    ["developers?", 0.3],
    ["land", 0.3],
    ["housing", 1],
    ["commercial property", 1],
  ],
  "financial-services": [
    ["banks?", 0.3],
    ["banking", 1],
    ["insurance", 1],
    ["insurers?", 1],
    ["asset management", 1],
    ["wealth management", 1],
    ["lending", 0.5],
    ["loans?", 0.3],
    ["credit", 0.5],
    ["brokerage", 1],
    ["financial services", 1],
  ],
  aerospace: [
    ["aerospace", 1],
    ["aircraft", 1],
    ["aviation", 1],
    ["satellites?", 0.5],
    ["rockets?", 1],
    ["space", 0.5],
    ["drones?", 0.5],
    ["jets?", 0.5],
  ],
  "consumer-goods": [
    ["consumer goods", 1],
    ["cosmetics", 1],
    ["skin ?care", 1],
    ["household products", 1],
    ["personal care", 1],
    ["apparel", 1],
    ["beauty", 1],
    ["toiletries", 1],
    ["detergents?", 1],
    ["consumer brands", 1],
  ],
  "food-and-beverage": [
    ["foods?", 0.5],
    ["beverages?", 1],
    ["drinks", 1],
    ["snacks?", 1],
    ["confectionery", 1],
    ["brewer(?:y|ies|s)?", 1],
    ["coffee", 1],
    ["dairy", 1],
    ["canned", 1],
    ["olive oil", 1],
    ["restaurants?", 0.5],
  ],
  travel: [
    ["travel", 1],
    ["tourism", 1],
    ["tourists?", 1],
    ["airlines?", 1],
    ["flights?", 1],
    ["hotels?", 1],
    ["resorts?", 0.5],
    ["passengers", 0.5],
    ["codeshare", 1],
    ["loyalty programmes?", 0.5],
    ["frequent-flyer", 1],
    ["carriers?", 0.3],
  ],
  education: [
    ["education", 1],
    ["schools?", 1],
    ["students?", 1],
    ["teachers?", 1],
    ["universit(?:y|ies)", 0.5],
    ["e-learning", 1],
    ["classrooms?", 1],
  ],
  cybersecurity: [
    ["cyber ?security", 1],
    ["cyber", 1],
    ["malware", 1],
    ["ransomware", 1],
    ["encryption", 1],
    ["security software", 1],
    ["hackers?", 1],
  ],
  robotics: [
    ["robots?", 1],
    ["robotics?", 1],
    ["automation", 0.5],
    ["cobots?", 1],
    ["autonomous", 0.3],
  ],
  biotechnology: [
    ["biotech(?:nology)?", 1],
    ["genomic(?:s)?", 1],
    ["genes?", 0.5],
    ["cell therap(?:y|ies)", 1],
    ["biologics?", 1],
    ["DNA", 1],
    ["sequencing", 1],
    ["antibod(?:y|ies)", 1],
  ],
};

interface CompiledSector {
  code: SectorCode;
  /** One alternation per sector; group i+1 is rule i. Acronyms keep their case. */
  words?: RegExp;
  acronyms?: RegExp;
  wordWeights: number[];
  acronymWeights: number[];
}

const isAcronym = (pattern: string): boolean => /^[A-Z0-9]{2,}s?\??$|^[A-Z]{2,}-/.test(pattern);

function alternation(rules: readonly Rule[], flags: string): RegExp | undefined {
  if (rules.length === 0) return undefined;
  const body = rules.map(([pattern]) => `(${pattern})`).join("|");
  return new RegExp(`\\b(?:${body})\\b`, flags);
}

const COMPILED: CompiledSector[] = SECTOR_CODES.map((code) => {
  const words = RULES[code].filter(([p]) => !isAcronym(p));
  const acronyms = RULES[code].filter(([p]) => isAcronym(p));
  return {
    code,
    // word patterns run without case folding on lower-cased text: much faster than the `i` flag
    words: alternation(
      words.map(([p, w]) => [p.toLowerCase(), w]),
      "g",
    ),
    acronyms: alternation(acronyms, "g"),
    wordWeights: words.map(([, w]) => w),
    acronymWeights: acronyms.map(([, w]) => w),
  };
});

function weigh(re: RegExp | undefined, weights: readonly number[], text: string): number {
  if (!re) return 0;
  let total = 0;
  for (const m of text.matchAll(re)) {
    const group = m.findIndex((g, i) => i > 0 && g !== undefined);
    total += weights[group - 1] ?? 0;
  }
  return total;
}

/** Keyword weight per sector in a piece of text. */
export function sectorWeights(text: string): Map<SectorCode, number> {
  const weights = new Map<SectorCode, number>();
  const lower = text.toLowerCase();
  for (const sector of COMPILED) {
    const total = weigh(sector.words, sector.wordWeights, lower) + weigh(sector.acronyms, sector.acronymWeights, text);
    if (total > 0) weights.set(sector.code, total);
  }
  return weights;
}

/** Energy that is not renewable: keeps "energy" beside "renewable-energy". */
const FOSSIL = /\b(oil|LNG|natural gas|nuclear|coal|refiner(?:y|ies)|petroleum|pipelines?)\b/giu;

/** Sectors of a deal from the text that describes it (names of parties masked out). */
export function sectorsOf(text: string): SectorCode[] {
  const weights = sectorWeights(text);
  const kept = new Set(SECTOR_CODES.filter((code) => (weights.get(code) ?? 0) >= 1));
  // the specific theme wins over the generic one
  if (kept.has("renewable-energy") && weigh(FOSSIL, [1], text) < 1) kept.delete("energy");
  if (kept.has("fintech") && (weights.get("financial-services") ?? 0) < 2) kept.delete("financial-services");
  if (kept.has("pharmaceuticals") && (weights.get("healthcare") ?? 0) < 2) kept.delete("healthcare");
  if (kept.has("biotechnology") && (weights.get("pharmaceuticals") ?? 0) < 2) kept.delete("pharmaceuticals");
  return SECTOR_CODES.filter((code) => kept.has(code));
}
