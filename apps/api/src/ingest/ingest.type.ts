import { Field, Int, ObjectType } from "type-graphql";
import { Article } from "../article/article.type.ts";
import { UserError } from "../common/errors.ts";
import { Deal } from "../deal/deal.type.ts";

@ObjectType({ description: "What extraction proposed for one article." })
export class ProposedCounts {
  @Field(() => Int, { description: "New entities proposed for names nobody knew (only parties to a claim or deal)." })
  entities!: number;

  @Field(() => Int, { description: "New claims, each with its evidence." })
  claims!: number;

  @Field(() => Int, { description: "New deals." })
  deals!: number;

  @Field(() => Int, { description: "Known deals the article now also reports." })
  attachedDeals!: number;

  @Field(() => Int, { description: "Names found in the text." })
  mentions!: number;

  @Field(() => Int, { description: "Claims and deals accepted at once (AUTO_ACCEPT_CONFIDENCE)." })
  autoAccepted!: number;

  @Field(() => Int, {
    description: "Claims found again and kept as stored, with their review (rejected ones stay rejected).",
  })
  keptClaims!: number;
}

@ObjectType()
export class IngestArticlePayload {
  @Field(() => Article, { nullable: true })
  article?: Article | null;

  @Field(() => Boolean, { description: "True when the same text was already stored: nothing new was made." })
  duplicate!: boolean;

  @Field(() => ProposedCounts, { nullable: true })
  proposed?: ProposedCounts | null;

  @Field(() => [Deal], { description: "The deals the article created or now also reports." })
  deals!: Deal[];

  @Field(() => [UserError], { description: "Empty when the change was made; otherwise nothing was changed." })
  errors!: UserError[];
}
