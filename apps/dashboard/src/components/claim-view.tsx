import Link from "next/link";
import { evidenceHref, type Claim, type Evidence } from "@/data/evidence";
import { humanize } from "@/lib/enums";
import { formatCount, formatMoney } from "@/lib/format";
import { ReviewBadge } from "./status-badge";

function entityHref(id: string): string {
  return `/entities/${encodeURIComponent(id)}`;
}

function shorten(text: string, max = 48): string {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

/** The object of a claim as words: an entity link or the literal value. */
function ClaimObject({ claim }: { claim: Claim }) {
  if (claim.object) return <Link href={entityHref(claim.object.id)}>{claim.object.name}</Link>;
  if (claim.valueMoney) return <>{formatMoney(claim.valueMoney)}</>;
  if (claim.valueQuantity) {
    return (
      <>
        {claim.valueText ??
          `${formatCount(claim.valueQuantity.amount)}${claim.valueQuantity.unit ? ` ${claim.valueQuantity.unit}` : ""}`}
      </>
    );
  }
  if (claim.valueDate) return <>{claim.valueDate.label}</>;
  if (claim.valueText) return <>“{claim.valueText}”</>;
  return null;
}

/** "Alibaba Group partners with BMW Group", subject and object linked. */
export function ClaimStatement({ claim }: { claim: Claim }) {
  return (
    <>
      <Link href={entityHref(claim.subject.id)}>{claim.subject.name}</Link> {humanize(claim.predicate).toLowerCase()}{" "}
      <ClaimObject claim={claim} />
      {claim.qualifiers.role ? <> (as {claim.qualifiers.role})</> : null}
    </>
  );
}

/** A quote with who said it and a link to the exact place in the article. */
export function EvidenceQuote({ evidence }: { evidence: Evidence }) {
  return (
    <figure className="quote">
      <blockquote>“{evidence.quote}”</blockquote>
      <figcaption>
        <Speaker evidence={evidence} />
        {/* A document navigation, not next/link: a client-side push leaves :target unset, and the
            quote's highlight (mark:target) depends on it. */}
        <a href={evidenceHref(evidence)}>
          Open in the article
          <span className="visually-hidden"> at “{shorten(evidence.quote)}”</span>
        </a>
        <span className="muted"> ({evidence.article.title})</span>
      </figcaption>
    </figure>
  );
}

function Speaker({ evidence }: { evidence: Evidence }) {
  if (evidence.speaker) {
    return (
      <>
        Said by <Link href={entityHref(evidence.speaker.id)}>{evidence.speaker.name}</Link>
        {evidence.speakerRole ? `, ${evidence.speakerRole}` : ""}.{" "}
      </>
    );
  }
  return evidence.speakerRole ? <>Said by the {evidence.speakerRole}. </> : null;
}

/**
 * A claim with its modality, review status and evidence. `inArticle`: the page shows the article itself,
 * so each quote is a short link to its highlighted place in the text.
 */
export function ClaimItem({ claim, inArticle = false }: { claim: Claim; inArticle?: boolean }) {
  return (
    <li className="claim">
      <p className="claim__statement">
        <ClaimStatement claim={claim} />
      </p>
      <div className="claim__meta">
        <ReviewBadge status={claim.reviewStatus} />
        <span className="badge">{humanize(claim.modality)}</span>
        {claim.qualifiers.date ? <span className="badge">{claim.qualifiers.date.label}</span> : null}
      </div>
      {claim.reviewReason ? <p className="muted">Review note: {claim.reviewReason}</p> : null}
      {inArticle ? (
        <ul className="plain-list evidence-links">
          {claim.evidence.map((evidence) => (
            <li key={evidence.id}>
              <a href={`#q-${evidence.start}-${evidence.end}`}>
                <span className="visually-hidden">Show in the text: </span>“{shorten(evidence.quote, 70)}”
              </a>{" "}
              <span className="muted">
                <Speaker evidence={evidence} />
              </span>
            </li>
          ))}
        </ul>
      ) : (
        claim.evidence.map((evidence) => <EvidenceQuote key={evidence.id} evidence={evidence} />)
      )}
    </li>
  );
}
