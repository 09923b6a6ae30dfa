import { Field, Float, ID, ObjectType } from "type-graphql";
import { Claim } from "../claim/claim.type.ts";
import { ReviewStatus } from "../common/enums.ts";
import { UserError } from "../common/errors.ts";
import { Connection } from "../common/relay.ts";
import { Deal } from "../deal/deal.type.ts";
import { Entity } from "../entity/entity.type.ts";
import { ReviewKind } from "./review.input.ts";

@ObjectType({ description: "Something extraction proposed that awaits a curator: a claim, a deal or an entity." })
export class ReviewItem {
  @Field(() => ReviewKind)
  kind!: ReviewKind;

  @Field(() => ID, { description: "Global id of the claim, deal or entity." })
  id!: string;

  @Field(() => Date, { description: "When it was proposed." })
  proposedAt!: Date;

  @Field(() => Float, { nullable: true, description: "How sure extraction was (0..1); null for entities." })
  confidence!: number | null;

  @Field(() => Claim, { nullable: true })
  claim?: Claim | null;

  @Field(() => Deal, { nullable: true })
  deal?: Deal | null;

  @Field(() => Entity, { nullable: true })
  entity?: Entity | null;
}

@ObjectType()
export class ReviewItemConnection extends Connection(ReviewItem, "ReviewItem") {}

@ObjectType({ description: "A review decision as the audit log keeps it." })
export class ReviewRecord {
  @Field(() => ID, { description: "The audit event id: give it to undoReview." })
  auditEventId!: string;

  @Field(() => Date)
  at!: Date;

  @Field(() => String)
  actor!: string;

  @Field(() => ReviewKind)
  kind!: ReviewKind;

  @Field(() => ReviewStatus, { nullable: true })
  from!: ReviewStatus | null;

  @Field(() => ReviewStatus, { nullable: true })
  to!: ReviewStatus | null;

  @Field(() => String, { nullable: true })
  reason!: string | null;

  @Field(() => Boolean, { description: "Set when undoReview took it back." })
  undone!: boolean;

  @Field(() => Claim, { nullable: true })
  claim?: Claim | null;

  @Field(() => Deal, { nullable: true })
  deal?: Deal | null;

  @Field(() => Entity, { nullable: true })
  entity?: Entity | null;
}

@ObjectType()
export class ReviewRecordConnection extends Connection(ReviewRecord, "ReviewRecord") {}

@ObjectType()
export class ReviewDealPayload {
  @Field(() => Deal, { nullable: true })
  deal?: Deal | null;

  @Field(() => ID, { nullable: true, description: "Give it to undoReview to take the decision back." })
  auditEventId?: string | null;

  @Field(() => [UserError], { description: "Empty when the change was made; otherwise nothing was changed." })
  errors!: UserError[];
}

@ObjectType()
export class ReviewEntityPayload {
  @Field(() => Entity, { nullable: true, description: "The entity; after a merge, the one it was merged into." })
  entity?: Entity | null;

  @Field(() => ID, { nullable: true, description: "Give it to undoReview to take the decision back." })
  auditEventId?: string | null;

  @Field(() => String, { nullable: true, description: "Set when the decision merged the entity." })
  mergeId?: string | null;

  @Field(() => [UserError], { description: "Empty when the change was made; otherwise nothing was changed." })
  errors!: UserError[];
}

@ObjectType()
export class UndoReviewPayload {
  @Field(() => ReviewKind, { nullable: true })
  kind?: ReviewKind | null;

  @Field(() => Claim, { nullable: true })
  claim?: Claim | null;

  @Field(() => Deal, { nullable: true })
  deal?: Deal | null;

  @Field(() => Entity, { nullable: true })
  entity?: Entity | null;

  @Field(() => [UserError], { description: "Empty when the change was made; otherwise nothing was changed." })
  errors!: UserError[];
}

@ObjectType()
export class MergeDealsPayload {
  @Field(() => Deal, { nullable: true, description: "The deal that remains." })
  deal?: Deal | null;

  @Field(() => String, { nullable: true, description: "Give it to undoMergeDeals to take the merge back." })
  mergeId?: string | null;

  @Field(() => [UserError], { description: "Empty when the change was made; otherwise nothing was changed." })
  errors!: UserError[];
}
