import { graphql, type ResultOf } from "@/graphql";

/** A claim with its evidence, as deal, entity and article pages show it. */
export const ClaimFields = graphql(`
  fragment ClaimFields on Claim @_unmask {
    id
    predicate
    modality
    reviewStatus
    reviewReason
    rank
    confidence
    valueKind
    valueText
    valueQuantity {
      amount
      unit
    }
    valueMoney {
      amount
      currency
    }
    valueDate {
      label
    }
    subject {
      id
      name
    }
    object {
      id
      name
    }
    qualifiers {
      role
      date {
        label
      }
    }
    provenance {
      method
      version
    }
    evidence {
      id
      quote
      start
      end
      speakerRole
      speaker {
        id
        name
      }
      article {
        id
        title
      }
    }
  }
`);

export type Claim = ResultOf<typeof ClaimFields>;
export type Evidence = Claim["evidence"][number];

/** Where a quote stands in its article: `/articles/<id>?highlight=<start>-<end>#q-<start>-<end>`. */
export function evidenceHref(evidence: { start: number; end: number; article: { id: string } }): string {
  const range = `${evidence.start}-${evidence.end}`;
  return `/articles/${encodeURIComponent(evidence.article.id)}?highlight=${range}#q-${range}`;
}
