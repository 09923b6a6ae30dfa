import { graphql, type ResultOf, type VariablesOf } from "@/graphql";
import { claimText } from "@/lib/claim-text";
import { queryApi } from "@/lib/graphql";
import type { IngestResultView } from "@/lib/ingest-form";
import { evidenceHref } from "./evidence";

const IngestArticleMutation = graphql(`
  mutation IngestArticle($input: IngestArticleInput!) {
    ingestArticle(input: $input) {
      duplicate
      errors {
        code
        field
        message
      }
      proposed {
        entities
        claims
        deals
        attachedDeals
        autoAccepted
      }
      article {
        id
        title
        mentions {
          entity {
            id
            name
            kind
            reviewStatus
          }
        }
        claims(first: 50) {
          totalCount
          nodes {
            id
            predicate
            confidence
            reviewStatus
            subject {
              name
            }
            object {
              name
            }
            valueText
            evidence {
              quote
              start
              end
            }
          }
        }
      }
      deals {
        id
        title
        type
        confidence
        reviewStatus
        participants {
          role
          entity {
            name
          }
        }
        regions {
          name
        }
        sectors {
          name
        }
      }
    }
  }
`);

export type IngestArticleInput = VariablesOf<typeof IngestArticleMutation>["input"];
export type IngestArticleAnswer = ResultOf<typeof IngestArticleMutation>["ingestArticle"];

/** Stores an article through the API, which extracts and proposes what it says (or knows it already). */
export async function ingestArticle(input: IngestArticleInput): Promise<IngestArticleAnswer> {
  const data = await queryApi(IngestArticleMutation, { input });
  return data.ingestArticle;
}

/** The answer as the ingest page shows it: what was stored and what extraction proposed. */
export function toIngestView(answer: IngestArticleAnswer): IngestResultView {
  const article = answer.article;
  const entities = new Map<string, IngestResultView["entities"][number]>();
  for (const mention of article?.mentions ?? []) {
    const entity = mention.entity;
    if (entity && !entities.has(entity.id)) entities.set(entity.id, { ...entity });
  }
  return {
    duplicate: answer.duplicate,
    article: article ? { id: article.id, title: article.title } : null,
    counts: answer.proposed,
    deals: answer.deals.map((deal) => ({
      id: deal.id,
      title: deal.title,
      type: deal.type,
      confidence: deal.confidence,
      reviewStatus: deal.reviewStatus,
      parties: deal.participants.map((participant) => participant.entity.name),
      markets: deal.regions.map((region) => region.name),
      sectors: deal.sectors.map((sector) => sector.name),
    })),
    claims: (article?.claims.nodes ?? []).map((claim) => {
      const [evidence] = claim.evidence;
      return {
        id: claim.id,
        statement: claimText(claim),
        confidence: claim.confidence,
        reviewStatus: claim.reviewStatus,
        quote:
          evidence && article
            ? { text: evidence.quote, href: evidenceHref({ ...evidence, article: { id: article.id } }) }
            : null,
      };
    }),
    // Proposed entities first: they are the ones waiting for a curator.
    entities: [...entities.values()].sort(
      (a, b) => Number(b.reviewStatus === "PROPOSED") - Number(a.reviewStatus === "PROPOSED"),
    ),
  };
}
