export { extractArticle } from "./extract-article.ts";
export { dealKeyOf } from "./deals.ts";
export { lookupPlace, lookupDemonym, isWithin } from "./gazetteer.ts";
export { SECTOR_CODES, sectorsOf, type SectorCode } from "./sectors.ts";
export { findMoney } from "./money.ts";
export type * from "./types.ts";
