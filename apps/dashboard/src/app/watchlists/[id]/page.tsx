import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ApiUnavailable } from "@/components/api-unavailable";
import { ArrivalList, formatArrivalTime } from "@/components/arrival-list";
import { LiveArrivals } from "@/components/live-arrivals";
import { WatchlistFilterSummary } from "@/components/watchlist-summary";
import { WebhookForm } from "@/components/webhook-form";
import styles from "@/components/watchlists.module.css";
import { getWatchlist, type DeliveryView, type WatchlistView } from "@/data/watchlists";
import { humanize } from "@/lib/enums";
import { pluralize } from "@/lib/format";
import { ApiError, whenApiReachable } from "@/lib/graphql";
import { toLiveArrival } from "@/lib/live-events";
import { firstParam, type SearchParams } from "@/lib/search-params";
import { routeGlobalId, watchlistHref } from "@/lib/watchlist-form";
import { removeWatchlist, removeWebhook, saveWebhook, sendAgain } from "./actions";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> };

/** A malformed id is a missing watchlist, not a fault. */
async function load(id: string, after: string | undefined) {
  try {
    return await getWatchlist(id, after);
  } catch (error) {
    if (error instanceof ApiError && (error.code === "BAD_USER_INPUT" || error.code === "NOT_FOUND")) return null;
    throw error;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const result = await whenApiReachable(async () => load(routeGlobalId((await params).id), undefined));
  return { title: result.ok ? (result.data?.name ?? "Watchlist not found") : "Watchlist" };
}

export default async function WatchlistPage({ params, searchParams }: Props) {
  const id = routeGlobalId((await params).id);
  const after = firstParam(await searchParams, "after");
  const result = await whenApiReachable(() => load(id, after));
  if (!result.ok) return <ApiUnavailable url={result.url} />;
  const watchlist = result.data;
  if (!watchlist) notFound();

  const newArrivals = watchlist.newArrivals.nodes.map((node) => ({ ...toLiveArrival(node), isNew: true }));
  const earlier = watchlist.arrivals.nodes.filter((node) => !node.isNew).map(toLiveArrival);
  const earlierCount = watchlist.arrivals.totalCount - watchlist.newArrivals.totalCount;
  // The live feed starts after the newest arrival the API had when this page was made.
  const since = watchlist.latest.nodes[0]?.arrivedAt ?? watchlist.createdAt;
  const eventsUrl = `${watchlistHref(watchlist.id, "/events")}?since=${encodeURIComponent(since)}`;

  return (
    <article aria-labelledby="watchlist-title">
      <nav aria-label="Breadcrumb" className="breadcrumbs">
        <ol>
          <li>
            <Link href="/watchlists">Watchlists</Link>
          </li>
          <li aria-current="page">{watchlist.name}</li>
        </ol>
      </nav>
      <header className="page-header">
        <span className="eyebrow">Watchlist</span>
        <h1 id="watchlist-title">{watchlist.name}</h1>
        <p>Deals accepted while they match this filter arrive here.</p>
      </header>

      <section className="card" aria-labelledby="filter-title">
        <h2 id="filter-title">Filter</h2>
        <WatchlistFilterSummary watchlist={watchlist} />
      </section>

      <LiveArrivals key={watchlist.id} watchlistId={watchlist.id} eventsUrl={eventsUrl} />

      <section className="card section" aria-labelledby="new-title">
        <h2 id="new-title">Arrived since your last visit</h2>
        <p className="muted">Your last visit: {formatArrivalTime(watchlist.lastSeenAt)}.</p>
        {newArrivals.length > 0 ? (
          <>
            <ArrivalList arrivals={newArrivals} label="New since your last visit" />
            {watchlist.newArrivals.totalCount > newArrivals.length ? (
              <p className="muted">
                The {newArrivals.length} newest of {pluralize(watchlist.newArrivals.totalCount, "new arrival")} are
                shown; the rest are among the earlier arrivals.
              </p>
            ) : null}
          </>
        ) : (
          <p>Nothing new since your last visit.</p>
        )}
      </section>

      <section className="card section" aria-labelledby="earlier-title">
        <h2 id="earlier-title">Earlier arrivals</h2>
        {earlier.length > 0 ? (
          <ArrivalList arrivals={earlier} label="Earlier arrivals" />
        ) : (
          <p className="muted">
            {after ? "No earlier arrivals on this page." : earlierCount > 0 ? "See the next page." : "None yet."}
          </p>
        )}
        {after || watchlist.arrivals.pageInfo.hasNextPage ? (
          <nav className="pagination" aria-label="Arrival pages">
            {after ? <Link href={watchlistHref(watchlist.id)}>Newest arrivals</Link> : null}
            {watchlist.arrivals.pageInfo.hasNextPage && watchlist.arrivals.pageInfo.endCursor ? (
              <Link
                className="button button--secondary"
                href={watchlistHref(
                  watchlist.id,
                  `?after=${encodeURIComponent(watchlist.arrivals.pageInfo.endCursor)}`,
                )}
              >
                Older arrivals
              </Link>
            ) : (
              <span className="muted">No older arrivals</span>
            )}
          </nav>
        ) : null}
      </section>

      <WebhookSection watchlist={watchlist} />

      <section className="card section" aria-labelledby="delete-title">
        <h2 id="delete-title">Delete</h2>
        <details className={styles.danger}>
          <summary>Delete this watchlist…</summary>
          <p>Its arrivals stop and its webhook stops sending. This cannot be undone from the dashboard.</p>
          <form action={removeWatchlist.bind(null, watchlist.id)}>
            <button type="submit" className={`button ${styles.dangerButton}`}>
              Delete “{watchlist.name}”
            </button>
          </form>
        </details>
      </section>
    </article>
  );
}

function WebhookSection({ watchlist }: { watchlist: WatchlistView }) {
  const webhook = watchlist.webhook;
  const active = webhook && !webhook.disabledAt;
  return (
    <section className="card section" aria-labelledby="webhook-title">
      <h2 id="webhook-title">Webhook</h2>
      {active ? (
        <p>
          Each deal that arrives is POSTed as signed JSON to <code className="break-anywhere">{webhook.url}</code>,
          signed with the secret that starts <code>{webhook.secretPrefix}</code>.
        </p>
      ) : webhook?.disabledAt ? (
        <p>
          The webhook to <code className="break-anywhere">{webhook.url}</code> was removed on{" "}
          {formatArrivalTime(webhook.disabledAt)}; its delivery log stays below.
        </p>
      ) : (
        <p>No webhook yet: set a URL to have each arriving deal POSTed to it, signed with HMAC-SHA256.</p>
      )}
      <WebhookForm action={saveWebhook.bind(null, watchlist.id)} replacing={Boolean(active)} />
      {active ? (
        <form action={removeWebhook.bind(null, watchlist.id)} className={styles.inlineAction}>
          <button type="submit" className="button button--secondary">
            Remove webhook
          </button>
        </form>
      ) : null}
      {webhook ? (
        <DeliveryLog
          watchlistId={watchlist.id}
          deliveries={webhook.deliveries.nodes}
          total={webhook.deliveries.totalCount}
        />
      ) : null}
    </section>
  );
}

function describeAnswer(delivery: DeliveryView): string {
  if (delivery.responseStatus != null) return `HTTP ${delivery.responseStatus}`;
  return delivery.lastError ?? "—";
}

function describeWhen(delivery: DeliveryView): string {
  if (delivery.status === "DELIVERED" && delivery.deliveredAt) return formatArrivalTime(delivery.deliveredAt);
  if (delivery.status === "PENDING" && delivery.nextAttemptAt)
    return `next try ${formatArrivalTime(delivery.nextAttemptAt)}`;
  return delivery.lastAttemptAt ? `last try ${formatArrivalTime(delivery.lastAttemptAt)}` : "—";
}

function DeliveryLog({
  watchlistId,
  deliveries,
  total,
}: {
  watchlistId: string;
  deliveries: DeliveryView[];
  total: number;
}) {
  return (
    <>
      <h3 id="deliveries-title" className={styles.logTitle}>
        Delivery log
      </h3>
      {deliveries.length === 0 ? (
        <p className="muted">Nothing sent yet.</p>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby="deliveries-title" tabIndex={0}>
          <table className={styles.log}>
            <thead>
              <tr>
                <th scope="col">Deal</th>
                <th scope="col">Status</th>
                <th scope="col" className="num">
                  Attempts
                </th>
                <th scope="col">Last answer</th>
                <th scope="col">When</th>
                <th scope="col">
                  <span className="visually-hidden">Action</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {deliveries.map((delivery) => (
                <tr key={delivery.id}>
                  <td>
                    {delivery.deal ? (
                      <Link href={`/deals/${encodeURIComponent(delivery.deal.id)}`}>{delivery.deal.title}</Link>
                    ) : (
                      <span className="muted">A deal no longer shown</span>
                    )}
                  </td>
                  <td>
                    <span className={`badge ${styles[`delivery_${delivery.status}`] ?? ""}`}>
                      {humanize(delivery.status)}
                    </span>
                  </td>
                  <td className="num">{delivery.attempts}</td>
                  <td className="break-anywhere">{describeAnswer(delivery)}</td>
                  <td>{describeWhen(delivery)}</td>
                  <td>
                    {delivery.status === "FAILED" ? (
                      <form action={sendAgain.bind(null, watchlistId)}>
                        <input type="hidden" name="deliveryId" value={delivery.id} />
                        <button
                          type="submit"
                          className="button button--secondary button--small"
                          aria-label={`Send again: ${delivery.deal?.title ?? "this delivery"}`}
                        >
                          Send again
                        </button>
                      </form>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {total > deliveries.length ? (
        <p className="muted">
          The {deliveries.length} latest of {pluralize(total, "delivery", "deliveries")}.
        </p>
      ) : null}
    </>
  );
}
