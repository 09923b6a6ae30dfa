import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ApiUnavailable } from "@/components/api-unavailable";
import { ArticleText } from "@/components/article-text";
import { ClaimItem } from "@/components/claim-view";
import { ScrollToHash } from "@/components/scroll-to-hash";
import { getArticle, getArticleClaims, type ArticleClaims, type ArticleDetail } from "@/data/article";
import type { Claim } from "@/data/evidence";
import { segmentText, type Span } from "@/lib/article-segments";
import { humanize } from "@/lib/enums";
import { formatDate, pluralize } from "@/lib/format";
import { whenApiReachable } from "@/lib/graphql";
import { firstParam, type SearchParams } from "@/lib/search-params";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> };

function globalId(raw: string): string {
  return raw.includes("%") ? decodeURIComponent(raw) : raw;
}

function claimText(claim: Claim): string {
  const object =
    claim.object?.name ??
    claim.valueText ??
    claim.valueDate?.label ??
    (claim.valueMoney ? `${claim.valueMoney.amount} ${claim.valueMoney.currency}` : "");
  return `${claim.subject.name} ${humanize(claim.predicate).toLowerCase()} ${object}`.trim();
}

/** Evidence in this article and every mention, as spans over the text. */
function spansOf(article: ArticleDetail, articleClaims: ArticleClaims): Span[] {
  const spans: Span[] = [];
  for (const claim of articleClaims.nodes) {
    for (const evidence of claim.evidence) {
      if (evidence.article.id !== article.id) continue;
      spans.push({
        kind: "evidence",
        start: evidence.start,
        end: evidence.end,
        range: `${evidence.start}-${evidence.end}`,
        first: true,
        label: claimText(claim),
      });
    }
  }
  for (const mention of article.mentions) {
    spans.push({
      kind: "mention",
      start: mention.start,
      end: mention.end,
      entityId: mention.entity?.id ?? null,
      label: mention.entity
        ? `${mention.entity.name} (${humanize(mention.entity.kind).toLowerCase()})`
        : "Unresolved name",
    });
  }
  return spans;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const result = await whenApiReachable(async () => getArticle(globalId((await params).id)));
  return { title: result.ok ? (result.data?.title ?? "Article not found") : "Article" };
}

export default async function ArticlePage({ params, searchParams }: Props) {
  const id = globalId((await params).id);
  const highlightParam = firstParam(await searchParams, "highlight");
  const highlight = highlightParam && /^\d+-\d+$/.test(highlightParam) ? highlightParam : undefined;

  const result = await whenApiReachable(() => Promise.all([getArticle(id), getArticleClaims(id)]));
  if (!result.ok) return <ApiUnavailable url={result.url} />;
  const [article, articleClaims] = result.data;
  if (!article || !articleClaims) notFound();

  const nodes = segmentText(article.text, spansOf(article, articleClaims));
  const [highlightStart, highlightEnd] = highlight ? highlight.split("-").map(Number) : [];
  const highlightedQuote =
    highlightStart !== undefined && highlightEnd !== undefined ? article.text.slice(highlightStart, highlightEnd) : "";
  // Claims here show only the evidence from this article; their quotes link within the page.
  // In reading order of their first quote.
  const claims = articleClaims.nodes
    .map((claim) => ({
      ...claim,
      evidence: claim.evidence
        .filter((evidence) => evidence.article.id === article.id)
        .toSorted((a, b) => a.start - b.start),
    }))
    .toSorted((a, b) => (a.evidence[0]?.start ?? 0) - (b.evidence[0]?.start ?? 0));
  const meta = [
    article.publisher,
    article.publishedAt ? `published ${article.publishedAt.label}` : null,
    `added ${formatDate(article.ingestedAt)}`,
    article.language !== "en" ? `language ${article.language}` : null,
  ].filter(Boolean);

  return (
    <article aria-labelledby="article-title">
      <header className="page-header">
        <span className="eyebrow">Article</span>
        <h1 id="article-title">{article.title}</h1>
        <p>
          {meta.join(" · ")}
          {article.url ? (
            <>
              {" · "}
              <a href={article.url} rel="noopener noreferrer">
                Original source
              </a>
            </>
          ) : null}
        </p>
      </header>

      {highlightedQuote ? (
        <p className="notice" role="status">
          Highlighted quote: “{highlightedQuote}”. <a href={`#q-${highlight}`}>Jump to it in the text</a>
        </p>
      ) : null}

      <div className="layout-aside">
        <section className="card" aria-labelledby="text-title">
          <h2 id="text-title">Text</h2>
          <div className="legend" aria-hidden="true">
            <span>
              <mark>Highlighted</mark> evidence for a claim
            </span>
            <span>
              <span className="mention">Underlined</span> name of an entity
            </span>
          </div>
          <p className="visually-hidden">
            Evidence for claims is marked as highlighted text; names of entities link to their pages.
          </p>
          <div className="article-text">
            <ArticleText nodes={nodes} highlight={highlight} />
          </div>
          <ScrollToHash />
        </section>

        <div>
          <section className="card" aria-labelledby="article-deals-title">
            <h2 id="article-deals-title">Deals it reports</h2>
            {article.deals.length > 0 ? (
              <ul className="plain-list">
                {article.deals.map((deal) => (
                  <li key={deal.id}>
                    <Link href={`/deals/${encodeURIComponent(deal.id)}`}>{deal.title}</Link>
                    <div className="muted">
                      {humanize(deal.type)} · {humanize(deal.status)}
                    </div>
                  </li>
                ))}
              </ul>
            ) : (
              <p>None.</p>
            )}
          </section>

          <section className="card section" aria-labelledby="article-claims-title">
            <h2 id="article-claims-title">Claims</h2>
            <p className="muted">
              {pluralize(articleClaims.totalCount, "claim")} with evidence in this article
              {articleClaims.nodes.length < articleClaims.totalCount
                ? ` (the first ${articleClaims.nodes.length} shown)`
                : ""}
              .
            </p>
            <ul className="plain-list">
              {claims.map((claim) => (
                <ClaimItem key={claim.id} claim={claim} inArticle />
              ))}
            </ul>
          </section>
        </div>
      </div>
    </article>
  );
}
