import { cache } from "react";
import { graphql, type ResultOf } from "@/graphql";
import { queryApi } from "@/lib/graphql";
import { ClaimFields } from "./evidence";

const ArticleQuery = graphql(
  `
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
        claims(first: 100) {
          totalCount
          nodes {
            ...ClaimFields
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
  `,
  [ClaimFields],
);

export type ArticleDetail = NonNullable<ResultOf<typeof ArticleQuery>["article"]>;

/** One article with its mentions, claims and deals; memoised per request. */
export const getArticle = cache(async (id: string): Promise<ArticleDetail | null> => {
  const data = await queryApi(ArticleQuery, { id });
  return data.article;
});
