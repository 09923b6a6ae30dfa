import Link from "next/link";
import { reviewItem } from "@/app/review/actions";
import { evidenceHref } from "@/data/evidence";
import type { MergeCandidate, Quote, ReviewItem } from "@/data/review";
import { claimText } from "@/lib/claim-text";
import { humanize } from "@/lib/enums";
import { formatConfidence, formatDate } from "@/lib/format";
import { ReviewBadge } from "./status-badge";

/** The name a review item goes by: a deal's title, an entity's name, a claim as a sentence. */
export function itemName(item: ReviewItem): string {
  if (item.deal) return item.deal.title;
  if (item.entity) return item.entity.name;
  if (item.claim) return claimText(item.claim);
  return item.id;
}

function Quotes({ quotes }: { quotes: readonly Quote[] }) {
  if (quotes.length === 0) return <p className="muted">No quote: extraction found it without evidence.</p>;
  return (
    <ul className="plain-list">
      {quotes.map((evidence) => (
        <li key={`${evidence.article.id}-${evidence.start}-${evidence.end}`}>
          <figure className="quote">
            <blockquote>“{evidence.quote}”</blockquote>
            <figcaption>
              <a href={evidenceHref(evidence)}>
                Open in the article<span className="visually-hidden"> at “{evidence.quote.slice(0, 40)}…”</span>
              </a>{" "}
              <span className="muted">({evidence.article.title})</span>
            </figcaption>
          </figure>
        </li>
      ))}
    </ul>
  );
}

function Hidden({ item, after, decision }: { item: ReviewItem; after: string | undefined; decision: string }) {
  return (
    <>
      <input type="hidden" name="kind" value={item.kind} />
      <input type="hidden" name="id" value={item.id} />
      <input type="hidden" name="decision" value={decision} />
      {after ? <input type="hidden" name="after" value={after} /> : null}
    </>
  );
}

/** One proposed deal, entity or claim, its evidence, and the decision forms (Server Actions; no script needed). */
export function ReviewItemCard({
  item,
  index,
  after,
  candidates,
  dealQuotes,
}: {
  item: ReviewItem;
  index: number;
  after: string | undefined;
  /** Known entities a proposed entity could be merged into. */
  candidates: readonly MergeCandidate[];
  /** The quotes behind a proposed deal (asked for separately). */
  dealQuotes: readonly Quote[];
}) {
  const name = itemName(item);
  const kindWord = humanize(item.kind).toLowerCase();
  const titleId = `review-item-${index}`;
  const reasonId = `review-reason-${index}`;
  const mergeId = `review-merge-${index}`;
  const forWhat = (
    <span className="visually-hidden">
      {" "}
      {kindWord} “{name}”
    </span>
  );

  return (
    <article className="card review-item" aria-labelledby={titleId}>
      <p className="eyebrow">
        Proposed {kindWord}
        {item.confidence != null ? ` · ${formatConfidence(item.confidence)} confidence` : ""} ·{" "}
        {formatDate(item.proposedAt)}
      </p>
      <h3 id={titleId}>
        {item.deal ? (
          <Link href={`/deals/${encodeURIComponent(item.deal.id)}`}>{name}</Link>
        ) : item.entity ? (
          <Link href={`/entities/${encodeURIComponent(item.entity.id)}`}>{name}</Link>
        ) : (
          name
        )}
      </h3>

      {item.deal ? (
        <>
          <dl className="facts">
            <dt>Type</dt>
            <dd>{humanize(item.deal.type)}</dd>
            <dt>Parties</dt>
            <dd>
              {item.deal.participants.map((participant, position) => (
                <span key={participant.entity.id}>
                  {position > 0 ? ", " : ""}
                  {participant.entity.name}
                  {participant.entity.reviewStatus === "PROPOSED" ? " (new)" : ""}
                </span>
              ))}
            </dd>
            {item.deal.sectors.length > 0 ? (
              <>
                <dt>Sectors</dt>
                <dd>{item.deal.sectors.map((sector) => sector.name).join(", ")}</dd>
              </>
            ) : null}
            {item.deal.regions.length > 0 ? (
              <>
                <dt>Markets</dt>
                <dd>{item.deal.regions.map((region) => region.name).join(", ")}</dd>
              </>
            ) : null}
          </dl>
          <Quotes quotes={dealQuotes} />
        </>
      ) : null}
      {item.entity ? (
        <>
          <p>
            {humanize(item.entity.kind)}, named for the first time. <ReviewBadge status="PROPOSED" />
          </p>
          <Quotes quotes={item.entity.claims.nodes.flatMap((claim) => claim.evidence).slice(0, 1)} />
        </>
      ) : null}
      {item.claim ? <Quotes quotes={item.claim.evidence.slice(0, 3)} /> : null}

      <div className="review-actions">
        <form action={reviewItem}>
          <Hidden item={item} after={after} decision="ACCEPT" />
          <button type="submit" className="button">
            Accept{forWhat}
          </button>
        </form>
        <form action={reviewItem} className="inline-form">
          <Hidden item={item} after={after} decision="REJECT" />
          <div className="field review-reason">
            <label htmlFor={reasonId}>
              Reason
              <span className="visually-hidden">
                {" "}
                for rejecting {kindWord} “{name}”
              </span>
            </label>
            <input id={reasonId} type="text" name="reason" required maxLength={500} />
          </div>
          <button type="submit" className="button button--secondary">
            Reject{forWhat}
          </button>
        </form>
        {item.entity ? (
          candidates.length > 0 ? (
            <form action={reviewItem} className="inline-form">
              <Hidden item={item} after={after} decision="ACCEPT" />
              <div className="field review-merge">
                <label htmlFor={mergeId}>
                  Same as<span className="visually-hidden"> “{name}”</span>
                </label>
                <select id={mergeId} name="mergeIntoId" required defaultValue="">
                  <option value="" disabled>
                    Choose a known {humanize(item.entity.kind).toLowerCase()}
                  </option>
                  {candidates.map((candidate) => (
                    <option key={candidate.id} value={candidate.id}>
                      {candidate.name}
                    </option>
                  ))}
                </select>
              </div>
              <button type="submit" className="button button--secondary">
                Merge<span className="visually-hidden"> “{name}” into the chosen entity</span>
              </button>
            </form>
          ) : (
            <p className="muted review-merge-none">No known entity with a similar name to merge it into.</p>
          )
        ) : null}
      </div>
    </article>
  );
}
