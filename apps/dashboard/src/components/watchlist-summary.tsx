import Link from "next/link";
import type { WatchlistSummary } from "@/data/watchlists";
import { humanize } from "@/lib/enums";
import styles from "./watchlists.module.css";

type Filter = Pick<WatchlistSummary, "entities" | "includeUnits" | "regions" | "sectors" | "dealTypes">;

/** A watchlist's filter as a short definition list; an empty part reads "any". */
export function WatchlistFilterSummary({ watchlist }: { watchlist: Filter }) {
  const any = <span className="muted">Any</span>;
  return (
    <dl className={styles.filter}>
      <div>
        <dt>Companies</dt>
        <dd>
          {watchlist.entities.length ? (
            <>
              {watchlist.entities.map((entity, index) => (
                <span key={entity.id}>
                  {index > 0 ? ", " : ""}
                  <Link href={`/entities/${encodeURIComponent(entity.id)}`}>{entity.name}</Link>
                </span>
              ))}
              {watchlist.includeUnits ? " (with their units)" : ""}
            </>
          ) : (
            any
          )}
        </dd>
      </div>
      <div>
        <dt>Regions</dt>
        <dd>{watchlist.regions.length ? watchlist.regions.map((region) => region.name).join(", ") : any}</dd>
      </div>
      <div>
        <dt>Sectors</dt>
        <dd>{watchlist.sectors.length ? watchlist.sectors.map((sector) => sector.name).join(", ") : any}</dd>
      </div>
      <div>
        <dt>Deal types</dt>
        <dd>{watchlist.dealTypes.length ? watchlist.dealTypes.map(humanize).join(", ") : any}</dd>
      </div>
    </dl>
  );
}
