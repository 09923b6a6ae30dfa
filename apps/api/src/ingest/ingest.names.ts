/**
 * The form under which two names count as the same proposed entity: Unicode-normalised, case
 * folded, punctuation and spacing collapsed ("ACME Ltd." and "Acme  Ltd" are one).
 */
export function normaliseName(name: string): string {
  return name
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** Key of a name for an entity kind. */
export function nameKey(kind: string, name: string): string {
  return `${kind}:${normaliseName(name)}`;
}

/** Lower-cased first word, for a cheap SQL prefilter (`lower(name) LIKE 'word%'`) before exact matching. */
export function firstWord(name: string): string {
  return name.trim().split(/\s+/)[0]?.toLowerCase() ?? "";
}

/** Parses "2025", "2025-03" or "2025-03-25" into the period's first day and its precision. */
export function parseFuzzyDay(
  value: string | null | undefined,
): { date: Date; precision: "DAY" | "MONTH" | "YEAR"; iso: string } | null {
  const match = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(value?.trim() ?? "");
  if (!match) return null;
  const [, year = "", month, day] = match;
  const iso = `${year}-${month ?? "01"}-${day ?? "01"}`;
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso) return null;
  return { date, precision: day ? "DAY" : month ? "MONTH" : "YEAR", iso };
}
