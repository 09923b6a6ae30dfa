import Link from "next/link";
import { humanize } from "@/lib/enums";
import type { LiveArrival } from "@/lib/live-events";
import styles from "./watchlists.module.css";

const arrivalTime = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "UTC",
});

/** "2025-03-01T14:03:09.000Z" → "1 Mar 2025, 14:03 UTC" (UTC on server and browser alike). */
export function formatArrivalTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : `${arrivalTime.format(date)} UTC`;
}

/** Deals that arrived on a watchlist, newest first; `isNew` ones carry a "New" badge. Pure: server or browser. */
export function ArrivalList({
  arrivals,
  label,
}: {
  arrivals: ReadonlyArray<LiveArrival & { isNew?: boolean }>;
  label: string;
}) {
  return (
    <ul className={`plain-list ${styles.arrivals}`} aria-label={label}>
      {arrivals.map(({ deal, arrivedAt, isNew }) => {
        const facts = [
          humanize(deal.type),
          humanize(deal.status),
          deal.announced ? `announced ${deal.announced}` : null,
          deal.parties.length ? `parties: ${deal.parties.join(", ")}` : null,
          deal.regions.length ? `markets: ${deal.regions.join(", ")}` : null,
          deal.sectors.length ? `sectors: ${deal.sectors.join(", ")}` : null,
        ].filter(Boolean);
        return (
          <li key={deal.id} className={styles.arrival}>
            <div className={styles.arrivalTitle}>
              <Link href={`/deals/${encodeURIComponent(deal.id)}`}>{deal.title}</Link>
              {isNew ? <span className={`badge ${styles.badgeNew}`}>New</span> : null}
            </div>
            <div className="muted">{facts.join(" · ")}</div>
            <div className={`muted ${styles.arrivedAt}`}>
              Arrived <time dateTime={arrivedAt}>{formatArrivalTime(arrivedAt)}</time>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
