import { Arg, createUnionType, Ctx, Field, Float, Int, ObjectType, Query, Resolver } from "type-graphql";
import type { Context } from "../context.ts";
import { Deal } from "../deal/deal.type.ts";
import { Entity } from "../entity/entity.type.ts";
import { AppError } from "../common/errors.ts";
import { searchKnowledge } from "./search.service.ts";

export const SearchResult = createUnionType({
  name: "SearchResult",
  types: () => [Entity, Deal] as const,
  resolveType: (value) => (value as { __typename?: string }).__typename,
});

@ObjectType()
export class SearchHit {
  @Field(() => SearchResult)
  node!: typeof SearchResult;

  @Field(() => String, { description: "The name, alias or title that matched." })
  matched!: string;

  @Field(() => Float, { description: "1 for an exact match, less for prefix and partial matches." })
  score!: number;
}

@Resolver()
export class SearchResolver {
  @Query(() => [SearchHit], { description: "Entities by name or alias and deals by title or summary, best first." })
  search(
    @Ctx() ctx: Context,
    @Arg("query", () => String) query: string,
    @Arg("first", () => Int, { nullable: true, defaultValue: 10 }) first?: number,
  ) {
    const size = first ?? 10;
    if (size < 1 || size > 50) throw new AppError("BAD_USER_INPUT", `"first" must be between 1 and 50.`);
    if (query.length > 200) throw new AppError("BAD_USER_INPUT", "The query is longer than 200 characters.");
    return searchKnowledge(ctx, query, size);
  }
}
