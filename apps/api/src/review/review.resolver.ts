import type { Deal as DealRow, Entity as EntityRow } from "@dealgraph/db";
import { Arg, Ctx, FieldResolver, Float, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { Claim } from "../claim/claim.type.ts";
import { payload } from "../common/errors.ts";
import { pageArgs, toGlobalId, type NodeTypeName } from "../common/relay.ts";
import { Authorize } from "../auth/viewer.ts";
import type { Context } from "../context.ts";
import { Deal } from "../deal/deal.type.ts";
import { Entity } from "../entity/entity.type.ts";
import { mergeDeals, undoMergeDeals } from "./deal-merge.service.ts";
import {
  MergeDealsInput,
  ReviewDealInput,
  ReviewEntityInput,
  ReviewKind,
  UndoMergeDealsInput,
  UndoReviewInput,
} from "./review.input.ts";
import {
  listReviewLog,
  listReviewQueue,
  reviewDeal,
  reviewEntity,
  undoReview,
  type QueueRow,
  type ReviewLogRow,
} from "./review.service.ts";
import {
  MergeDealsPayload,
  ReviewDealPayload,
  ReviewEntityPayload,
  ReviewItem,
  ReviewItemConnection,
  ReviewRecord,
  ReviewRecordConnection,
  UndoReviewPayload,
} from "./review.type.ts";

const NODE_TYPE: Record<ReviewKind, NodeTypeName> = { CLAIM: "Claim", DEAL: "Deal", ENTITY: "Entity" };

function itemOf(ctx: Context, kind: ReviewKind, id: string) {
  return {
    claim: () => (kind === ReviewKind.CLAIM ? ctx.loaders.claimById.load(id) : null),
    deal: () => (kind === ReviewKind.DEAL ? ctx.loaders.dealById.load(id) : null),
    entity: () => (kind === ReviewKind.ENTITY ? ctx.loaders.entityById.load(id) : null),
  };
}

@Resolver(() => ReviewItem)
export class ReviewResolver {
  @Query(() => ReviewItemConnection, {
    description: "What extraction proposed and nobody reviewed yet (claims, deals, entities), newest first.",
  })
  reviewQueue(
    @Ctx() ctx: Context,
    @Arg("first", () => Int, { nullable: true }) first?: number,
    @Arg("after", () => String, { nullable: true }) after?: string,
    @Arg("kinds", () => [ReviewKind], { nullable: true, description: "Default: every kind." }) kinds?: ReviewKind[],
  ) {
    const page = pageArgs(first, after);
    return listReviewQueue(ctx, { first: page.first, after: after ?? null, kinds });
  }

  @Query(() => ReviewRecordConnection, { description: "Review decisions, newest first; each can be undone." })
  @Authorize("ANALYST")
  reviewLog(
    @Ctx() ctx: Context,
    @Arg("first", () => Int, { nullable: true }) first?: number,
    @Arg("after", () => String, { nullable: true }) after?: string,
  ) {
    const page = pageArgs(first, after);
    return listReviewLog(ctx, { first: page.first, after: after ?? null });
  }

  @FieldResolver(() => ID)
  id(@Root() item: QueueRow) {
    return toGlobalId(NODE_TYPE[item.kind], item.id);
  }

  @FieldResolver(() => Claim, { nullable: true })
  claim(@Root() item: QueueRow, @Ctx() ctx: Context) {
    return itemOf(ctx, item.kind, item.id).claim();
  }

  @FieldResolver(() => Deal, { nullable: true })
  deal(@Root() item: QueueRow, @Ctx() ctx: Context) {
    return itemOf(ctx, item.kind, item.id).deal();
  }

  @FieldResolver(() => Entity, { nullable: true })
  entity(@Root() item: QueueRow, @Ctx() ctx: Context) {
    return itemOf(ctx, item.kind, item.id).entity();
  }

  @Mutation(() => ReviewDealPayload, {
    description: "Accept or reject (with a reason) a deal. Accepted deals count in deals and dealStats.",
  })
  @Authorize("ANALYST")
  reviewDeal(@Ctx() ctx: Context, @Arg("input", () => ReviewDealInput) input: ReviewDealInput) {
    return payload(() => reviewDeal(ctx, input));
  }

  @Mutation(() => ReviewEntityPayload, {
    description: "Accept, reject (with a reason), or merge a proposed entity into a known one (mergeIntoId).",
  })
  @Authorize("ANALYST")
  reviewEntity(@Ctx() ctx: Context, @Arg("input", () => ReviewEntityInput) input: ReviewEntityInput) {
    return payload(() => reviewEntity(ctx, input));
  }

  @Mutation(() => UndoReviewPayload, {
    description: "Takes a review decision back (claims, deals, entities): the item is as it was before it.",
  })
  @Authorize("ANALYST")
  undoReview(@Ctx() ctx: Context, @Arg("input", () => UndoReviewInput) input: UndoReviewInput) {
    return payload(() => undoReview(ctx, input));
  }

  @Mutation(() => MergeDealsPayload, {
    description: "Merges a duplicate deal into another; undoMergeDeals takes it back.",
  })
  @Authorize("ANALYST")
  mergeDeals(@Ctx() ctx: Context, @Arg("input", () => MergeDealsInput) input: MergeDealsInput) {
    return payload(() => mergeDeals(ctx, input));
  }

  @Mutation(() => MergeDealsPayload)
  @Authorize("ANALYST")
  undoMergeDeals(@Ctx() ctx: Context, @Arg("input", () => UndoMergeDealsInput) input: UndoMergeDealsInput) {
    return payload(() => undoMergeDeals(ctx, input));
  }
}

@Resolver(() => ReviewRecord)
export class ReviewRecordResolver {
  @FieldResolver(() => Claim, { nullable: true })
  claim(@Root() record: ReviewLogRow, @Ctx() ctx: Context) {
    return itemOf(ctx, record.kind, record.targetId).claim();
  }

  @FieldResolver(() => Deal, { nullable: true })
  deal(@Root() record: ReviewLogRow, @Ctx() ctx: Context) {
    return itemOf(ctx, record.kind, record.targetId).deal();
  }

  @FieldResolver(() => Entity, { nullable: true })
  entity(@Root() record: ReviewLogRow, @Ctx() ctx: Context) {
    return itemOf(ctx, record.kind, record.targetId).entity();
  }
}

/** Review fields of deals; list queries select fewer columns, so missing ones come from the loader. */
@Resolver(() => Deal)
export class DealReviewFieldsResolver {
  @FieldResolver(() => Float, {
    nullable: true,
    description: "How sure extraction was (0..1); null when entered by hand.",
  })
  async confidence(@Root() deal: DealRow, @Ctx() ctx: Context) {
    if (deal.confidence !== undefined) return deal.confidence;
    return (await ctx.loaders.dealById.load(deal.id))?.confidence ?? null;
  }

  @FieldResolver(() => String, { nullable: true, description: "Why a curator rejected it." })
  async reviewReason(@Root() deal: DealRow, @Ctx() ctx: Context) {
    if (deal.reviewReason !== undefined) return deal.reviewReason;
    return (await ctx.loaders.dealById.load(deal.id))?.reviewReason ?? null;
  }
}

@Resolver(() => Entity)
export class EntityReviewFieldsResolver {
  @FieldResolver(() => String, { nullable: true, description: "Why a curator rejected it." })
  reviewReason(@Root() entity: EntityRow) {
    return entity.reviewReason ?? null;
  }
}
