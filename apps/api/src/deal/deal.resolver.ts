import type { DealParticipant as ParticipantRow, DealStatusChange as StatusRow, Deal as DealRow } from "@dealgraph/db";
import type { GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { Article } from "../article/article.type.ts";
import { Claim } from "../claim/claim.type.ts";
import { payload } from "../common/errors.ts";
import { pageArgs, selectsField, toGlobalId, tryDecodeId } from "../common/relay.ts";
import { FuzzyDate, Money, toFuzzyDate } from "../common/scalars.ts";
import { Authorize } from "../auth/viewer.ts";
import type { Context } from "../context.ts";
import { Entity } from "../entity/entity.type.ts";
import { Region, Sector } from "../taxonomy/taxonomy.type.ts";
import {
  CreateDealInput,
  DealFilter,
  DealGroupBy,
  DealOrder,
  StatsRegionLevel,
  UpdateDealInput,
} from "./deal.input.ts";
import {
  createDeal,
  dealMatrix,
  dealStats,
  dealSummary,
  listDeals,
  setDealDeleted,
  toCriteria,
  updateDeal,
} from "./deal.service.ts";
import {
  Deal,
  DealBucket,
  DealConnection,
  DealMatrix,
  DealParticipant,
  DealPayload,
  DealStatusChange,
  DealSummary,
} from "./deal.type.ts";

@Resolver(() => Deal)
export class DealResolver {
  @Query(() => DealConnection, { description: "Accepted deals (unless filtered otherwise), newest first by default." })
  deals(
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg("first", () => Int, { nullable: true }) first?: number,
    @Arg("after", () => String, { nullable: true }) after?: string,
    @Arg("filter", () => DealFilter, { nullable: true }) filter?: DealFilter,
    @Arg("orderBy", () => DealOrder, { nullable: true }) orderBy?: DealOrder,
  ) {
    const page = pageArgs(first, after);
    return listDeals(ctx, {
      first: page.first,
      after: after ?? null,
      criteria: toCriteria(filter),
      orderBy,
      withTotal: selectsField(info, "totalCount"),
    });
  }

  @Query(() => Deal, { nullable: true })
  deal(@Ctx() ctx: Context, @Arg("id", () => ID) id: string) {
    const local = tryDecodeId(id, "Deal");
    return local ? ctx.loaders.dealById.load(local) : null;
  }

  @Query(() => [DealBucket], { description: "Deal counts and USD totals per region, sector, period, type or status." })
  dealStats(
    @Ctx() ctx: Context,
    @Arg("groupBy", () => DealGroupBy) groupBy: DealGroupBy,
    @Arg("regionLevel", () => StatsRegionLevel, { nullable: true, defaultValue: StatsRegionLevel.CONTINENT })
    regionLevel?: StatsRegionLevel,
    @Arg("filter", () => DealFilter, { nullable: true }) filter?: DealFilter,
  ) {
    return dealStats(ctx, {
      groupBy,
      regionLevel: regionLevel ?? StatsRegionLevel.CONTINENT,
      criteria: toCriteria(filter),
    });
  }

  @Query(() => DealSummary, { description: "Headline figures: deals, total value, companies, regions and sectors." })
  dealSummary(@Ctx() ctx: Context, @Arg("filter", () => DealFilter, { nullable: true }) filter?: DealFilter) {
    return dealSummary(ctx, toCriteria(filter));
  }

  @Query(() => DealMatrix, { description: 'Region × sector heatmap data: the top rows and columns plus "Other".' })
  dealMatrix(
    @Ctx() ctx: Context,
    @Arg("filter", () => DealFilter, { nullable: true }) filter?: DealFilter,
    @Arg("regionLevel", () => StatsRegionLevel, { nullable: true, defaultValue: StatsRegionLevel.CONTINENT })
    regionLevel?: StatsRegionLevel,
    @Arg("regionLimit", () => Int, { nullable: true, defaultValue: 10 }) regionLimit?: number,
    @Arg("sectorLimit", () => Int, { nullable: true, defaultValue: 10 }) sectorLimit?: number,
  ) {
    const clamp = (n: number | undefined) => Math.min(Math.max(n ?? 10, 1), 40);
    return dealMatrix(ctx, {
      regionLevel: regionLevel ?? StatsRegionLevel.CONTINENT,
      criteria: toCriteria(filter),
      regionLimit: clamp(regionLimit),
      sectorLimit: clamp(sectorLimit),
    });
  }

  @FieldResolver(() => ID)
  id(@Root() deal: DealRow) {
    return toGlobalId("Deal", deal.id);
  }

  @FieldResolver(() => FuzzyDate, { nullable: true })
  announced(@Root() deal: DealRow) {
    return toFuzzyDate(deal.announcedAt, deal.announcedAtPrecision);
  }

  @FieldResolver(() => Money, { nullable: true })
  amount(@Root() deal: DealRow): Money | null {
    if (deal.amount === null || !deal.currency) return null;
    return {
      amount: Number(deal.amount),
      currency: deal.currency,
      amountUsd: deal.amountUsd === null ? null : Number(deal.amountUsd),
    };
  }

  @FieldResolver(() => [DealParticipant])
  participants(@Root() deal: DealRow, @Ctx() ctx: Context) {
    return ctx.loaders.participantsByDealId.load(deal.id);
  }

  @FieldResolver(() => [Region], { description: "The markets the deal applies to (not the parties' home countries)." })
  async regions(@Root() deal: DealRow, @Ctx() ctx: Context) {
    const links = await ctx.loaders.classificationByDealId.load(deal.id);
    return links.flatMap((link) => (link.kind === "region" ? (ctx.catalog.region(link.code) ?? []) : []));
  }

  @FieldResolver(() => [Sector])
  async sectors(@Root() deal: DealRow, @Ctx() ctx: Context) {
    const links = await ctx.loaders.classificationByDealId.load(deal.id);
    return links.flatMap((link) => (link.kind === "sector" ? (ctx.catalog.sector(link.code) ?? []) : []));
  }

  @FieldResolver(() => [Claim], { description: "The claims that support it, with their evidence." })
  claims(@Root() deal: DealRow, @Ctx() ctx: Context) {
    return ctx.loaders.claimsByDealId.load(deal.id);
  }

  @FieldResolver(() => [Article], { description: "The articles that report it, in the order they came in." })
  async articles(@Root() deal: DealRow, @Ctx() ctx: Context) {
    const links = await ctx.loaders.articleLinksByDealId.load(deal.id);
    const articles = await Promise.all(links.map((link) => ctx.loaders.articleById.load(link.articleId)));
    return articles.filter((article) => article && !article.deletedAt);
  }

  @FieldResolver(() => Int, { description: "How many articles report it." })
  async sourceCount(@Root() deal: DealRow, @Ctx() ctx: Context) {
    return (await ctx.loaders.articleLinksByDealId.load(deal.id)).length;
  }

  @FieldResolver(() => [DealStatusChange], {
    description: "Every status it had, oldest first, with the article behind each.",
  })
  statusHistory(@Root() deal: DealRow, @Ctx() ctx: Context) {
    return ctx.loaders.statusHistoryByDealId.load(deal.id);
  }

  @FieldResolver(() => Deal, { nullable: true, description: "Set when this deal was merged into another." })
  mergedInto(@Root() deal: DealRow, @Ctx() ctx: Context) {
    return deal.mergedIntoId ? ctx.loaders.dealById.load(deal.mergedIntoId) : null;
  }

  @Mutation(() => DealPayload)
  @Authorize("ANALYST")
  createDeal(@Ctx() ctx: Context, @Arg("input", () => CreateDealInput) input: CreateDealInput) {
    return payload(() => createDeal(ctx, input));
  }

  @Mutation(() => DealPayload)
  @Authorize("ANALYST")
  updateDeal(@Ctx() ctx: Context, @Arg("input", () => UpdateDealInput) input: UpdateDealInput) {
    return payload(() => updateDeal(ctx, input));
  }

  @Mutation(() => DealPayload)
  @Authorize("ANALYST")
  deleteDeal(@Ctx() ctx: Context, @Arg("id", () => ID) id: string) {
    return payload(() => setDealDeleted(ctx, id, true));
  }

  @Mutation(() => DealPayload)
  @Authorize("ANALYST")
  restoreDeal(@Ctx() ctx: Context, @Arg("id", () => ID) id: string) {
    return payload(() => setDealDeleted(ctx, id, false));
  }
}

@Resolver(() => DealParticipant)
export class DealParticipantResolver {
  @FieldResolver(() => Entity)
  entity(@Root() participant: ParticipantRow, @Ctx() ctx: Context) {
    return ctx.loaders.entityById.load(participant.entityId);
  }
}

@Resolver(() => DealStatusChange)
export class DealStatusChangeResolver {
  @FieldResolver(() => Article, { nullable: true })
  article(@Root() change: StatusRow, @Ctx() ctx: Context) {
    return change.articleId ? ctx.loaders.articleById.load(change.articleId) : null;
  }
}
