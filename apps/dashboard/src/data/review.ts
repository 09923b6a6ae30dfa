import { graphql, type ResultOf } from "@/graphql";
import { queryApi } from "@/lib/graphql";

/** A quote behind a proposed claim or deal, with where it stands (few fields: the API prices every one). */
const QuoteFields = graphql(`
  fragment QuoteFields on Evidence @_unmask {
    quote
    start
    end
    article {
      id
      title
    }
  }
`);

const ReviewClaimFields = graphql(
  `
    fragment ReviewClaimFields on Claim @_unmask {
      id
      predicate
      subject {
        name
      }
      object {
        name
      }
      valueText
      evidence {
        ...QuoteFields
      }
    }
  `,
  [QuoteFields],
);

const ReviewQueueQuery = graphql(
  `
    query ReviewQueue($first: Int!, $after: String) {
      reviewQueue(first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          kind
          confidence
          proposedAt
          claim {
            ...ReviewClaimFields
          }
          deal {
            id
            title
            type
            status
            participants {
              role
              entity {
                id
                name
                reviewStatus
              }
            }
            regions {
              name
            }
            sectors {
              name
            }
          }
          entity {
            id
            name
            kind
            claims(first: 1) {
              nodes {
                ...ReviewClaimFields
              }
            }
          }
        }
      }
    }
  `,
  [ReviewClaimFields],
);

/**
 * The quotes behind a proposed deal. Asked separately, for the deals on the page only: a deal's claims and
 * their evidence are unbounded lists, which the API's rate limit prices at 20 × 20 per deal.
 */
const DealQuotesQuery = graphql(
  `
    query DealQuotes($id: ID!) {
      deal(id: $id) {
        id
        claims {
          evidence {
            ...QuoteFields
          }
        }
      }
    }
  `,
  [QuoteFields],
);

const ReviewLogQuery = graphql(`
  query ReviewLog($first: Int!) {
    reviewLog(first: $first) {
      nodes {
        auditEventId
        actor
        at
        kind
        from
        to
        reason
        undone
        claim {
          id
          predicate
          subject {
            name
          }
          object {
            name
          }
          valueText
        }
        deal {
          id
          title
        }
        entity {
          id
          name
          mergedInto {
            id
            name
          }
        }
      }
    }
  }
`);

const MergeCandidatesQuery = graphql(`
  query MergeCandidates($query: String!) {
    search(query: $query, first: 8) {
      node {
        __typename
        ... on Entity {
          id
          name
          kind
          reviewStatus
        }
      }
    }
  }
`);

export type ReviewQueue = ResultOf<typeof ReviewQueueQuery>["reviewQueue"];
export type ReviewItem = ReviewQueue["nodes"][number];
export type ReviewClaim = ResultOf<typeof ReviewClaimFields>;
export type ReviewRecord = ResultOf<typeof ReviewLogQuery>["reviewLog"]["nodes"][number];
export type MergeCandidate = { id: string; name: string; kind: string };

export type Quote = ResultOf<typeof QuoteFields>;

export const REVIEW_PAGE_SIZE = 10;

export async function getReviewQueue(after: string | null): Promise<ReviewQueue> {
  const data = await queryApi(ReviewQueueQuery, { first: REVIEW_PAGE_SIZE, after });
  return data.reviewQueue;
}

/** Up to `limit` quotes behind a deal, from its claims' evidence. */
export async function getDealQuotes(id: string, limit = 3): Promise<Quote[]> {
  const data = await queryApi(DealQuotesQuery, { id });
  return (data.deal?.claims ?? []).flatMap((claim) => claim.evidence).slice(0, limit);
}

export async function getReviewLog(first: number): Promise<ReviewRecord[]> {
  const data = await queryApi(ReviewLogQuery, { first });
  return data.reviewLog.nodes;
}

/**
 * Known (accepted) entities of the same kind a proposed entity could be a duplicate of: the API's name
 * search on its full name and on each of its first words ("Alibaba" for "Contoso Alibaba Freight").
 */
export async function getMergeCandidates(entity: { id: string; name: string; kind: string }): Promise<MergeCandidate[]> {
  const words = entity.name.split(/\s+/).filter((word) => word.length >= 3);
  const queries = [...new Set([entity.name, ...words.slice(0, 3)])];
  const answers = await Promise.all(queries.map((query) => queryApi(MergeCandidatesQuery, { query })));
  const seen = new Set<string>();
  const candidates: MergeCandidate[] = [];
  for (const hit of answers.flatMap((answer) => answer.search)) {
    const node = hit.node;
    if (node.__typename !== "Entity") continue;
    if (node.id === entity.id || node.kind !== entity.kind || node.reviewStatus !== "ACCEPTED" || seen.has(node.id))
      continue;
    seen.add(node.id);
    candidates.push({ id: node.id, name: node.name, kind: node.kind });
  }
  return candidates;
}

const ReviewDealMutation = graphql(`
  mutation ReviewDeal($input: ReviewDealInput!) {
    reviewDeal(input: $input) {
      auditEventId
      errors {
        code
        field
        message
      }
    }
  }
`);

const ReviewEntityMutation = graphql(`
  mutation ReviewEntity($input: ReviewEntityInput!) {
    reviewEntity(input: $input) {
      auditEventId
      errors {
        code
        field
        message
      }
    }
  }
`);

const ReviewClaimMutation = graphql(`
  mutation ReviewClaim($input: ReviewClaimInput!) {
    reviewClaim(input: $input) {
      claim {
        id
      }
      errors {
        code
        field
        message
      }
    }
  }
`);

const UndoReviewMutation = graphql(`
  mutation UndoReview($input: UndoReviewInput!) {
    undoReview(input: $input) {
      kind
      errors {
        code
        field
        message
      }
    }
  }
`);

export type ReviewKind = ReviewItem["kind"];
export type ReviewDecision = "ACCEPT" | "REJECT";
type UserError = { code: string; field: readonly string[] | null; message: string };

/** What a decision answered: the audit event to undo it by, or the API's reasons for refusing it. */
export type DecisionAnswer = { auditEventId: string | null; errors: readonly UserError[] };

export async function decide(input: {
  kind: ReviewKind;
  id: string;
  decision: ReviewDecision;
  reason: string | null;
  mergeIntoId: string | null;
}): Promise<DecisionAnswer> {
  const { id, decision, reason } = input;
  switch (input.kind) {
    case "DEAL": {
      const data = await queryApi(ReviewDealMutation, { input: { id, decision, reason } });
      return data.reviewDeal;
    }
    case "ENTITY": {
      const data = await queryApi(ReviewEntityMutation, {
        input: { id, decision, reason, mergeIntoId: input.mergeIntoId },
      });
      return data.reviewEntity;
    }
    case "CLAIM": {
      const data = await queryApi(ReviewClaimMutation, { input: { id, decision, reason } });
      if (data.reviewClaim.errors.length > 0) return { auditEventId: null, errors: data.reviewClaim.errors };
      // reviewClaim answers no audit event id (reviewDeal and reviewEntity do): the newest log entry has it.
      const recent = await getReviewLog(5);
      const record = recent.find((entry) => entry.kind === "CLAIM" && entry.claim?.id === id && !entry.undone);
      return { auditEventId: record?.auditEventId ?? null, errors: [] };
    }
  }
}

export async function undoReview(auditEventId: string): Promise<readonly UserError[]> {
  const data = await queryApi(UndoReviewMutation, { input: { auditEventId } });
  return data.undoReview.errors;
}
