import type { Metadata } from "next";
import Link from "next/link";
import { ApiUnavailable } from "@/components/api-unavailable";
import { WatchlistForm } from "@/components/watchlist-form";
import { WatchlistFilterSummary } from "@/components/watchlist-summary";
import styles from "@/components/watchlists.module.css";
import { getFilterOptions } from "@/data/taxonomy";
import { listWatchlists } from "@/data/watchlists";
import { formatCount } from "@/lib/format";
import { whenApiReachable } from "@/lib/graphql";
import { firstParam, type SearchParams } from "@/lib/search-params";
import { watchlistHref } from "@/lib/watchlist-form";

export const metadata: Metadata = { title: "Watchlists" };

export default async function WatchlistsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const deleted = firstParam(await searchParams, "deleted") === "1";
  const result = await whenApiReachable(() => Promise.all([listWatchlists(), getFilterOptions()]));
  if (!result.ok) return <ApiUnavailable url={result.url} />;
  const [watchlists, options] = result.data;

  return (
    <>
      <header className="page-header">
        <h1>Watchlists</h1>
        <p>
          Saved filters: deals accepted from now on that match one arrive on it, live on its page and, if you set one,
          at its webhook. Each shows what arrived since your last visit.
        </p>
      </header>

      {deleted ? (
        <p className="notice notice--success" role="status">
          The watchlist was deleted.
        </p>
      ) : null}

      <section aria-labelledby="your-watchlists-title">
        <h2 id="your-watchlists-title">Your watchlists</h2>
        {watchlists.length === 0 ? (
          <p className="notice">No watchlist yet. Create the first one below.</p>
        ) : (
          <ul className={`plain-list ${styles.watchlists}`}>
            {watchlists.map((watchlist) => (
              <li key={watchlist.id} className={`card ${styles.watchlistItem}`}>
                <h3 className={styles.watchlistName}>
                  <Link href={watchlistHref(watchlist.id)}>{watchlist.name}</Link>
                  {watchlist.newArrivalCount > 0 ? (
                    <span className={`badge ${styles.badgeNew}`}>{formatCount(watchlist.newArrivalCount)} new</span>
                  ) : (
                    <span className="badge">Nothing new</span>
                  )}
                </h3>
                <WatchlistFilterSummary watchlist={watchlist} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="section" aria-label="Create a watchlist">
        <WatchlistForm options={options} />
      </section>
    </>
  );
}
