/** Formatting shared by server pages and client charts (pure, no server imports). */

const integer = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const usdCompact = new Intl.NumberFormat("en-US", {
  style: "currency",
  currency: "USD",
  notation: "compact",
  maximumFractionDigits: 1,
});
const dateFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});

export function formatCount(value: number): string {
  return integer.format(value);
}

export function pluralize(count: number, singular: string, plural = `${singular}s`): string {
  return `${formatCount(count)} ${count === 1 ? singular : plural}`;
}

export function formatUsd(value: number): string {
  return usdCompact.format(value);
}

export function formatMoney(money: { amount: number; currency: string }): string {
  try {
    return new Intl.NumberFormat("en-US", {
      style: "currency",
      currency: money.currency,
      notation: "compact",
      maximumFractionDigits: 1,
    }).format(money.amount);
  } catch {
    return `${integer.format(money.amount)} ${money.currency}`;
  }
}

/** "2025-03-01T00:00:00.000Z" → "1 Mar 2025". */
export function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateFormat.format(date);
}

/** Accessible name of a bar or cell: "Asia: 1 deal". */
export function bucketLabel(label: string, count: number): string {
  return `${label}: ${pluralize(count, "deal")}`;
}

/** A confidence (0..1) as a whole percentage: 0.8 → "80 %"; null → "—". */
export function formatConfidence(confidence: number | null): string {
  return confidence == null ? "—" : `${Math.round(confidence * 100)} %`;
}
