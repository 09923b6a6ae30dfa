import { humanize } from "./enums";

/** A claim as a sentence: "Northwind Robotics partners with Contoso Freight". */
export function claimText(claim: {
  predicate: string;
  subject: { name: string };
  object: { name: string } | null;
  valueText: string | null;
}): string {
  const object = claim.object?.name ?? (claim.valueText ? `“${claim.valueText}”` : "");
  return `${claim.subject.name} ${humanize(claim.predicate).toLowerCase()} ${object}`.trim();
}
