import type { Mention as MentionRow } from "@dealgraph/db";
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { claimWhere, listClaims } from "../claim/claim.service.ts";
import { ClaimConnection } from "../claim/claim.type.ts";
import { payload } from "../common/errors.ts";
import { pageArgs, toGlobalId, tryDecodeId } from "../common/relay.ts";
import { FuzzyDate, toFuzzyDate } from "../common/scalars.ts";
import { Authorize } from "../auth/viewer.ts";
import type { Context } from "../context.ts";
import type { ArticleHead as ArticleRow } from "../loaders.ts";
import { Deal } from "../deal/deal.type.ts";
import { Entity } from "../entity/entity.type.ts";
import { ArticleFilter, CreateArticleInput, UpdateArticleInput } from "./article.input.ts";
import { createArticle, listArticles, setArticleDeleted, updateArticle } from "./article.service.ts";
import { Article, ArticleConnection, ArticlePayload, Mention } from "./article.type.ts";

@Resolver(() => Article)
export class ArticleResolver {
  @Query(() => ArticleConnection, { description: "Articles, most recently ingested first." })
  articles(
    @Ctx() ctx: Context,
    @Arg("first", () => Int, { nullable: true }) first?: number,
    @Arg("after", () => String, { nullable: true }) after?: string,
    @Arg("filter", () => ArticleFilter, { nullable: true }) filter?: ArticleFilter,
  ) {
    const page = pageArgs(first, after);
    return listArticles(ctx, { first: page.first, after: after ?? null, filter });
  }

  @Query(() => Article, { nullable: true })
  article(@Ctx() ctx: Context, @Arg("id", () => ID) id: string) {
    const local = tryDecodeId(id, "Article");
    return local ? ctx.loaders.articleById.load(local) : null;
  }

  @FieldResolver(() => ID)
  id(@Root() article: ArticleRow) {
    return toGlobalId("Article", article.id);
  }

  @FieldResolver(() => String, { description: "The stored text, page boilerplate removed." })
  async text(@Root() article: ArticleRow, @Ctx() ctx: Context) {
    return article.text ?? (await ctx.loaders.articleTextById.load(article.id))?.text ?? "";
  }

  @FieldResolver(() => FuzzyDate, { nullable: true })
  publishedAt(@Root() article: ArticleRow) {
    return toFuzzyDate(article.publishedAt, article.publishedAtPrecision);
  }

  @FieldResolver(() => [Mention], { description: "Names found in the text, in reading order." })
  mentions(@Root() article: ArticleRow, @Ctx() ctx: Context) {
    return ctx.loaders.mentionsByArticleId.load(article.id);
  }

  @FieldResolver(() => ClaimConnection, { description: "Claims with evidence in this article." })
  claims(
    @Root() article: ArticleRow,
    @Ctx() ctx: Context,
    @Arg("first", () => Int, { nullable: true }) first?: number,
    @Arg("after", () => String, { nullable: true }) after?: string,
  ) {
    const page = pageArgs(first, after);
    return listClaims(ctx, {
      first: page.first,
      after: after ?? null,
      where: { ...claimWhere(null), evidence: { some: { articleId: article.id } } },
    });
  }

  @FieldResolver(() => [Deal], { description: "Deals this article reports." })
  async deals(@Root() article: ArticleRow, @Ctx() ctx: Context) {
    const links = await ctx.loaders.dealLinksByArticleId.load(article.id);
    const deals = await Promise.all(links.map((link) => ctx.loaders.dealById.load(link.dealId)));
    return deals.filter((deal) => deal && !deal.deletedAt);
  }

  @Mutation(() => ArticlePayload, {
    description: "Stores an article without extraction. The same text twice is a CONFLICT.",
  })
  @Authorize("ANALYST")
  createArticle(@Ctx() ctx: Context, @Arg("input", () => CreateArticleInput) input: CreateArticleInput) {
    return payload(() => createArticle(ctx, input));
  }

  @Mutation(() => ArticlePayload)
  @Authorize("ANALYST")
  updateArticle(@Ctx() ctx: Context, @Arg("input", () => UpdateArticleInput) input: UpdateArticleInput) {
    return payload(() => updateArticle(ctx, input));
  }

  @Mutation(() => ArticlePayload)
  @Authorize("ANALYST")
  deleteArticle(@Ctx() ctx: Context, @Arg("id", () => ID) id: string) {
    return payload(() => setArticleDeleted(ctx, id, true));
  }

  @Mutation(() => ArticlePayload)
  @Authorize("ANALYST")
  restoreArticle(@Ctx() ctx: Context, @Arg("id", () => ID) id: string) {
    return payload(() => setArticleDeleted(ctx, id, false));
  }
}

@Resolver(() => Mention)
export class MentionResolver {
  @FieldResolver(() => ID)
  id(@Root() mention: MentionRow) {
    return toGlobalId("Mention", mention.id);
  }

  @FieldResolver(() => Entity, { nullable: true, description: "The entity the name was resolved to." })
  entity(@Root() mention: MentionRow, @Ctx() ctx: Context) {
    return mention.entityId ? ctx.loaders.entityById.load(mention.entityId) : null;
  }

  @FieldResolver(() => Article)
  article(@Root() mention: MentionRow, @Ctx() ctx: Context) {
    return ctx.loaders.articleById.load(mention.articleId);
  }
}
