import type { Metadata } from "next";
import Link from "next/link";
import { ApiUnavailable } from "@/components/api-unavailable";
import { decisionVerb, recordSubject, ReviewLog } from "@/components/review-log";
import { ReviewItemCard } from "@/components/review-item";
import {
  getDealQuotes,
  getMergeCandidates,
  getReviewLog,
  getReviewQueue,
  type MergeCandidate,
  type Quote,
} from "@/data/review";
import { whenApiReachable } from "@/lib/graphql";
import { pluralize } from "@/lib/format";
import { parseReviewParams, reviewHref, type ReviewParams } from "@/lib/review-params";
import type { SearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "Review queue" };

const LOG_SIZE = 15;

export default async function ReviewPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = parseReviewParams(await searchParams);
  const result = await whenApiReachable(async () => {
    const [queue, log] = await Promise.all([getReviewQueue(params.after ?? null), getReviewLog(LOG_SIZE)]);
    const [candidates, quotes] = await Promise.all([
      Promise.all(
        queue.nodes.flatMap((item) =>
          item.entity ? [getMergeCandidates(item.entity).then((list) => [item.id, list] as const)] : [],
        ),
      ),
      Promise.all(
        queue.nodes.flatMap((item) =>
          item.deal ? [getDealQuotes(item.deal.id).then((list) => [item.id, list] as const)] : [],
        ),
      ),
    ]);
    return {
      queue,
      log,
      candidates: new Map<string, readonly MergeCandidate[]>(candidates),
      quotes: new Map<string, readonly Quote[]>(quotes),
    };
  });
  if (!result.ok) return <ApiUnavailable url={result.url} />;
  const { queue, log, candidates, quotes } = result.data;

  return (
    <>
      <header className="page-header">
        <h1>Review queue</h1>
        <p>
          What extraction proposed and nobody decided yet, newest first. Accepted deals count in the charts and the deal
          list; a rejection needs a reason; a new entity that is a known one can be merged into it. Every decision can
          be undone.
        </p>
      </header>

      <Notice params={params} log={log} />

      <div className="layout-aside">
        <section aria-labelledby="queue-title">
          <h2 id="queue-title">
            {queue.totalCount === 0 ? "Nothing to review" : `${pluralize(queue.totalCount, "proposal")} to review`}
          </h2>
          {queue.totalCount === 0 ? (
            <p>
              <Link href="/ingest">Ingest an article</Link> to get proposals.
            </p>
          ) : null}
          <div className="review-queue">
            {queue.nodes.map((item, index) => (
              <ReviewItemCard
                key={item.id}
                item={item}
                index={index}
                after={params.after}
                candidates={candidates.get(item.id) ?? []}
                dealQuotes={quotes.get(item.id) ?? []}
              />
            ))}
          </div>
          {params.after || queue.pageInfo.hasNextPage ? (
            <nav className="pagination section" aria-label="Queue pages">
              {params.after ? <Link href={reviewHref({})}>First page</Link> : null}
              {queue.pageInfo.hasNextPage && queue.pageInfo.endCursor ? (
                <Link href={reviewHref({ after: queue.pageInfo.endCursor })}>Next page</Link>
              ) : null}
            </nav>
          ) : null}
        </section>

        <section aria-labelledby="log-title" className="card review-aside">
          <h2 id="log-title">Recent decisions</h2>
          <ReviewLog records={log} after={params.after} />
        </section>
      </div>
    </>
  );
}

/** What the last action did, or why the API refused it. */
function Notice({ params, log }: { params: ReviewParams; log: Awaited<ReturnType<typeof getReviewLog>> }) {
  if (params.error) {
    return (
      <div className="notice notice--error" role="alert">
        <p>Nothing was changed: {params.error}</p>
      </div>
    );
  }
  const id = params.done ?? params.undone;
  if (!id) return null;
  const record = log.find((entry) => entry.auditEventId === id);
  const subject = record ? recordSubject(record) : "the item";
  const verb = record ? decisionVerb(record) : "decided on";
  const message = params.undone
    ? `Undone: the ${subject} is proposed again.`
    : `${verb.charAt(0).toUpperCase()}${verb.slice(1)} the ${subject}${record?.reason ? ` (reason: ${record.reason})` : ""}.`;
  return (
    <div className="notice notice--success" role="status">
      <p>{message}</p>
    </div>
  );
}
