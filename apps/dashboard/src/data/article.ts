import { cache } from "react";
import { graphql, type ResultOf } from "@/graphql";
import { queryApi } from "@/lib/graphql";
import { ClaimFields, type Claim } from "./evidence";

const ArticleQuery = graphql(`
  query ArticleDetail($id: ID!) {
    article(id: $id) {
      id
      title
      url
      publisher
      language
      ingestedAt
      publishedAt {
        label
      }
      text
      mentions {
        id
        start
        end
        text
        entity {
          id
          name
          kind
        }
      }
      deals {
        id
        title
        type
        status
      }
    }
  }
`);

const ArticleClaimsQuery = graphql(
  `
    query ArticleClaims($id: ID!, $first: Int!, $after: String) {
      article(id: $id) {
        id
        claims(first: $first, after: $after) {
          totalCount
          pageInfo {
            hasNextPage
            endCursor
          }
          nodes {
            ...ClaimFields
          }
        }
      }
    }
  `,
  [ClaimFields],
);

export type ArticleDetail = NonNullable<ResultOf<typeof ArticleQuery>["article"]>;

/** One article with its text, mentions and deals; memoised per request. */
export const getArticle = cache(async (id: string): Promise<ArticleDetail | null> => {
  const data = await queryApi(ArticleQuery, { id });
  return data.article;
});

/** Claims are read in pages of this size: with their evidence they are the costliest part of a page. */
const CLAIMS_PAGE_SIZE = 40;
/** At most this many pages: a long article's highlights stop after 400 claims. */
const MAX_CLAIM_PAGES = 10;

export type ArticleClaims = { totalCount: number; nodes: Claim[] };

/** Every claim with evidence in the article (its quotes are highlighted in the text), page by page. */
export async function getArticleClaims(id: string): Promise<ArticleClaims | null> {
  const nodes: Claim[] = [];
  let totalCount = 0;
  let after: string | null = null;
  for (let page = 0; page < MAX_CLAIM_PAGES; page += 1) {
    const data: ResultOf<typeof ArticleClaimsQuery> = await queryApi(ArticleClaimsQuery, {
      id,
      first: CLAIMS_PAGE_SIZE,
      after,
    });
    if (!data.article) return null;
    const { claims } = data.article;
    nodes.push(...claims.nodes);
    totalCount = claims.totalCount;
    if (!claims.pageInfo.hasNextPage || !claims.pageInfo.endCursor) break;
    after = claims.pageInfo.endCursor;
  }
  return { totalCount, nodes };
}
