import type { introspection_types } from "@/graphql-env.d.ts";

/** Enum value unions straight from the generated schema types. */
export type DealType = introspection_types["DealType"]["enumValues"];
export type DealStatus = introspection_types["DealStatus"]["enumValues"];
export type DealOrderField = introspection_types["DealOrderField"]["enumValues"];
export type StatsRegionLevel = introspection_types["StatsRegionLevel"]["enumValues"];
export type DealGroupBy = introspection_types["DealGroupBy"]["enumValues"];
export type ReviewStatus = introspection_types["ReviewStatus"]["enumValues"];

/** Fails to compile when the schema gains a value the list below does not have. */
type Exhaustive<Union extends string, List extends readonly string[]> = [Exclude<Union, List[number]>] extends [never]
  ? List
  : never;

function exhaustive<Union extends string>() {
  return <const List extends readonly Union[]>(list: Exhaustive<Union, List>): List => list;
}

/** Runtime lists for form options and URL validation, kept in step with the schema by the type above. */
export const DEAL_TYPES = exhaustive<DealType>()([
  "STRATEGIC_PARTNERSHIP",
  "CHANNEL_PARTNERSHIP",
  "JOINT_VENTURE",
  "LICENSING",
  "INVESTMENT",
  "ACQUISITION",
  "MERGER",
]);

export const DEAL_STATUSES = exhaustive<DealStatus>()(["RUMOURED", "ANNOUNCED", "SIGNED", "COMPLETED", "TERMINATED"]);

export function isDealType(value: string): value is DealType {
  return (DEAL_TYPES as readonly string[]).includes(value);
}

export function isDealStatus(value: string): value is DealStatus {
  return (DEAL_STATUSES as readonly string[]).includes(value);
}

/** "STRATEGIC_PARTNERSHIP" → "Strategic partnership". */
export function humanize(value: string): string {
  const words = value.toLowerCase().replaceAll("_", " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}
