// Dates of deals relative to the article's publication date.

import type { DatePrecision } from "./types.ts";

export interface DateValue {
  date: string;
  precision: DatePrecision;
}

const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
const MONTHS = [
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
];

/** "2025-03-04" → DAY, "2025-03" → MONTH, "2025" → YEAR. */
export function parsePublished(publishedAt: string | undefined): DateValue | undefined {
  if (!publishedAt) return undefined;
  if (/^\d{4}-\d{2}-\d{2}/.test(publishedAt)) return { date: publishedAt.slice(0, 10), precision: "DAY" };
  if (/^\d{4}-\d{2}$/.test(publishedAt)) return { date: `${publishedAt}-01`, precision: "MONTH" };
  if (/^\d{4}$/.test(publishedAt)) return { date: `${publishedAt}-01-01`, precision: "YEAR" };
  return undefined;
}

function iso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** The date a statement refers to: "on Tuesday" (the last Tuesday up to publication), "in September". */
export function statementDate(sentence: string, published: DateValue | undefined): DateValue | undefined {
  if (!published) return undefined;
  const base = new Date(`${published.date}T00:00:00Z`);
  const weekday = /\bon\s+(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)\b/iu.exec(sentence)?.[1];
  if (weekday && published.precision === "DAY") {
    const target = WEEKDAYS.indexOf(weekday.toLowerCase());
    const back = (base.getUTCDay() - target + 7) % 7;
    return { date: iso(new Date(base.getTime() - back * 86_400_000)), precision: "DAY" };
  }
  const month =
    /\b(?:announced|agreed|signed|unveiled)\s+in\s+(January|February|March|April|May|June|July|August|September|October|November|December)\b/iu.exec(
      sentence,
    )?.[1];
  if (month) {
    const m = MONTHS.indexOf(month.toLowerCase());
    const year = m > base.getUTCMonth() ? base.getUTCFullYear() - 1 : base.getUTCFullYear();
    return { date: `${year}-${String(m + 1).padStart(2, "0")}-01`, precision: "MONTH" };
  }
  return undefined;
}
