import { Field, ID, InputType, registerEnumType } from "type-graphql";
import { ReviewDecision } from "../claim/claim.input.ts";

export enum ReviewKind {
  CLAIM = "CLAIM",
  DEAL = "DEAL",
  ENTITY = "ENTITY",
}
registerEnumType(ReviewKind, { name: "ReviewKind", description: "What a review queue item proposes." });

@InputType()
export class ReviewDealInput {
  @Field(() => ID)
  id!: string;

  @Field(() => ReviewDecision, { description: "ACCEPT makes the deal count in deals and dealStats." })
  decision!: ReviewDecision;

  @Field(() => String, { nullable: true, description: "Required when rejecting." })
  reason?: string | null;
}

@InputType()
export class ReviewEntityInput {
  @Field(() => ID)
  id!: string;

  @Field(() => ReviewDecision)
  decision!: ReviewDecision;

  @Field(() => String, { nullable: true, description: "Required when rejecting." })
  reason?: string | null;

  @Field(() => ID, {
    nullable: true,
    description:
      "With ACCEPT: the proposed entity is a known one: merge it into this entity (its mentions, claims and deals move there).",
  })
  mergeIntoId?: string | null;
}

@InputType()
export class UndoReviewInput {
  @Field(() => ID, { description: "The `auditEventId` a review answered (or one from `reviewLog`)." })
  auditEventId!: string;
}

@InputType()
export class MergeDealsInput {
  @Field(() => ID, {
    description: "The duplicate: its parties, markets, sectors, articles, claims and history move to the target.",
  })
  sourceId!: string;

  @Field(() => ID, { description: "The deal that remains." })
  targetId!: string;
}

@InputType()
export class UndoMergeDealsInput {
  @Field(() => ID, { description: "The `mergeId` that mergeDeals answered." })
  mergeId!: string;
}
