import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ApiUnavailable } from "@/components/api-unavailable";
import { ClaimItem } from "@/components/claim-view";
import { ReviewBadge } from "@/components/status-badge";
import { getDeal } from "@/data/deal";
import { dealListHref } from "@/lib/deal-list-params";
import { humanize } from "@/lib/enums";
import { formatDate, formatMoney, formatUsd, pluralize } from "@/lib/format";
import { whenApiReachable } from "@/lib/graphql";

type Props = { params: Promise<{ id: string }> };

function globalId(raw: string): string {
  return raw.includes("%") ? decodeURIComponent(raw) : raw;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const result = await whenApiReachable(async () => getDeal(globalId((await params).id)));
  return { title: result.ok ? (result.data?.title ?? "Deal not found") : "Deal" };
}

export default async function DealPage({ params }: Props) {
  const id = globalId((await params).id);
  const result = await whenApiReachable(() => getDeal(id));
  if (!result.ok) return <ApiUnavailable url={result.url} />;
  const deal = result.data;
  if (!deal) notFound();

  const claimsWithEvidence = deal.claims.filter((claim) => claim.evidence.length > 0);

  return (
    <article aria-labelledby="deal-title">
      <nav aria-label="Breadcrumb" className="breadcrumbs">
        <ol>
          <li>
            <Link href="/deals">Deals</Link>
          </li>
          <li aria-current="page">{deal.title}</li>
        </ol>
      </nav>
      <header className="page-header">
        <span className="eyebrow">{humanize(deal.type)}</span>
        <h1 id="deal-title">{deal.title}</h1>
        {deal.summary ? <p>{deal.summary}</p> : null}
      </header>

      {deal.mergedInto ? (
        <p className="notice notice--warning">
          This deal was merged into{" "}
          <Link href={`/deals/${encodeURIComponent(deal.mergedInto.id)}`}>{deal.mergedInto.title}</Link>.
        </p>
      ) : null}

      <div className="layout-aside layout-aside--side-first">
        <div>
          <section className="card" aria-labelledby="parties-title">
            <h2 id="parties-title">Parties</h2>
            <ul className="plain-list">
              {deal.participants.map((party) => (
                <li key={`${party.entity.id}-${party.role}`}>
                  <Link href={`/entities/${encodeURIComponent(party.entity.id)}`}>{party.entity.name}</Link>{" "}
                  <span className="badge">{humanize(party.role)}</span>
                  {party.entity.parent ? (
                    <span className="muted">
                      {" "}
                      unit of{" "}
                      <Link href={`/entities/${encodeURIComponent(party.entity.parent.id)}`}>
                        {party.entity.parent.name}
                      </Link>
                    </span>
                  ) : null}
                </li>
              ))}
            </ul>
          </section>

          <section className="card section" aria-labelledby="evidence-title">
            <h2 id="evidence-title">Evidence</h2>
            <p className="muted">
              The claims behind this deal, each with the exact words from its source. Open a quote to see it highlighted
              in the article.
            </p>
            {claimsWithEvidence.length > 0 ? (
              <ul className="plain-list">
                {claimsWithEvidence.map((claim) => (
                  <ClaimItem key={claim.id} claim={claim} />
                ))}
              </ul>
            ) : (
              <p>No quotes are attached to this deal yet.</p>
            )}
          </section>
        </div>

        <div>
          <section className="card" aria-labelledby="facts-title">
            <h2 id="facts-title">Facts</h2>
            <dl className="facts">
              <dt>Type</dt>
              <dd>
                <Link href={dealListHref({ types: [deal.type] })}>{humanize(deal.type)}</Link>
              </dd>
              <dt>Status</dt>
              <dd>{humanize(deal.status)}</dd>
              <dt>Announced</dt>
              <dd>{deal.announced?.label ?? "Not known"}</dd>
              <dt>Amount</dt>
              <dd>
                {deal.amount ? formatMoney(deal.amount) : "Not disclosed"}
                {deal.amount?.amountUsd != null && deal.amount.currency !== "USD"
                  ? ` (${formatUsd(deal.amount.amountUsd)})`
                  : ""}
              </dd>
              <dt>Markets</dt>
              <dd>
                {deal.regions.length > 0 ? (
                  <ul className="plain-list">
                    {deal.regions.map((region) => (
                      <li key={region.code}>
                        <Link href={dealListHref({ regionCode: region.code })}>{region.name}</Link>
                        {region.ancestors.length > 0 ? (
                          <span className="muted">
                            {" "}
                            (
                            {region.ancestors
                              .filter((ancestor) => ancestor.level !== "WORLD")
                              .map((ancestor) => ancestor.name)
                              .toReversed()
                              .join(", ")}
                            )
                          </span>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                ) : (
                  "Not known"
                )}
              </dd>
              <dt>Sectors</dt>
              <dd>
                {deal.sectors.length > 0 ? (
                  <ul className="plain-list">
                    {deal.sectors.map((sector) => (
                      <li key={sector.code}>
                        <Link href={dealListHref({ sectorCode: sector.code })}>{sector.name}</Link>
                        {sector.parent ? <span className="muted"> ({sector.parent.name})</span> : null}
                      </li>
                    ))}
                  </ul>
                ) : (
                  "Not known"
                )}
              </dd>
              <dt>First reported</dt>
              <dd>{formatDate(deal.firstReportedAt)}</dd>
              <dt>Review</dt>
              <dd>
                <ReviewBadge status={deal.reviewStatus} />
              </dd>
            </dl>
          </section>

          <section className="card section" aria-labelledby="history-title">
            <h2 id="history-title">Status history</h2>
            <ol className="plain-list">
              {deal.statusHistory.map((change, index) => (
                <li key={`${change.status}-${change.changedAt}-${index}`}>
                  <strong>{humanize(change.status)}</strong> on {formatDate(change.changedAt)}
                  {change.article ? (
                    <>
                      {" "}
                      per{" "}
                      <Link href={`/articles/${encodeURIComponent(change.article.id)}`}>{change.article.title}</Link>
                    </>
                  ) : null}
                  {change.note ? <div className="muted">{change.note}</div> : null}
                </li>
              ))}
            </ol>
          </section>

          <section className="card section" aria-labelledby="sources-title">
            <h2 id="sources-title">Sources</h2>
            <p className="muted">Reported by {pluralize(deal.sourceCount, "article")}.</p>
            <ul className="plain-list">
              {deal.articles.map((article) => (
                <li key={article.id}>
                  <Link href={`/articles/${encodeURIComponent(article.id)}`}>{article.title}</Link>
                  <div className="muted">
                    {[article.publisher, article.publishedAt?.label].filter(Boolean).join(", ") || "Publisher unknown"}
                  </div>
                </li>
              ))}
            </ul>
          </section>
        </div>
      </div>
    </article>
  );
}
