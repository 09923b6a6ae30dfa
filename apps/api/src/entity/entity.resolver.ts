import type { Entity as EntityRow } from "@dealgraph/db";
import type { GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { ClaimConnection } from "../claim/claim.type.ts";
import { claimWhere, listClaims, listClaimsOfEntity } from "../claim/claim.service.ts";
import { Predicate, ReviewStatus } from "../common/enums.ts";
import { payload } from "../common/errors.ts";
import { encodeCursor, pageArgs, selectsField, toConnection, toGlobalId } from "../common/relay.ts";
import { Authorize } from "../auth/viewer.ts";
import type { Context } from "../context.ts";
import { DealConnection } from "../deal/deal.type.ts";
import { listDeals } from "../deal/deal.service.ts";
import { Region } from "../taxonomy/taxonomy.type.ts";
import {
  ClaimRole,
  CreateEntityInput,
  EntityFilter,
  MergeEntitiesInput,
  UndoMergeEntitiesInput,
  UpdateEntityInput,
} from "./entity.input.ts";
import {
  createEntity,
  getEntity,
  listEntities,
  mergeEntities,
  setEntityDeleted,
  undoMergeEntities,
  updateEntity,
} from "./entity.service.ts";
import {
  Entity,
  EntityAlias,
  EntityConnection,
  EntityPayload,
  ExternalId,
  MergeEntitiesPayload,
} from "./entity.type.ts";

@Resolver(() => Entity)
export class EntityResolver {
  @Query(() => EntityConnection, { description: "Entities by name; deleted and merged-away ones are left out." })
  entities(
    @Ctx() ctx: Context,
    @Arg("first", () => Int, { nullable: true }) first?: number,
    @Arg("after", () => String, { nullable: true }) after?: string,
    @Arg("filter", () => EntityFilter, { nullable: true }) filter?: EntityFilter,
  ) {
    return listEntities(ctx, { ...pageArgs(first, after), after: after ?? null, filter });
  }

  @Query(() => Entity, { nullable: true })
  entity(@Ctx() ctx: Context, @Arg("id", () => ID) id: string) {
    return getEntity(ctx.loaders, id);
  }

  @FieldResolver(() => ID)
  id(@Root() entity: EntityRow) {
    return toGlobalId("Entity", entity.id);
  }

  @FieldResolver(() => Region, {
    nullable: true,
    description: "Home country of an organisation or person; the region a place denotes.",
  })
  region(@Root() entity: EntityRow, @Ctx() ctx: Context) {
    return entity.regionCode ? ctx.catalog.region(entity.regionCode) : null;
  }

  @FieldResolver(() => [EntityAlias])
  aliases(@Root() entity: EntityRow, @Ctx() ctx: Context) {
    return ctx.loaders.aliasesByEntityId.load(entity.id);
  }

  @FieldResolver(() => [ExternalId])
  externalIds(@Root() entity: EntityRow, @Ctx() ctx: Context) {
    return ctx.loaders.externalIdsByEntityId.load(entity.id);
  }

  @FieldResolver(() => Entity, { nullable: true, description: "The organisation this one is a unit of." })
  parent(@Root() entity: EntityRow, @Ctx() ctx: Context) {
    return entity.parentId ? ctx.loaders.entityById.load(entity.parentId) : null;
  }

  @FieldResolver(() => [Entity], { description: "Subsidiaries and divisions." })
  units(@Root() entity: EntityRow, @Ctx() ctx: Context) {
    return ctx.loaders.unitsByParentId.load(entity.id);
  }

  @FieldResolver(() => Entity, { nullable: true, description: "Set when this entity was merged into another one." })
  mergedInto(@Root() entity: EntityRow, @Ctx() ctx: Context) {
    return entity.mergedIntoId ? ctx.loaders.entityById.load(entity.mergedIntoId) : null;
  }

  @FieldResolver(() => ClaimConnection, { description: "Claims with this entity as subject, object, or either." })
  claims(
    @Root() entity: EntityRow,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
    @Arg("first", () => Int, { nullable: true }) first?: number,
    @Arg("after", () => String, { nullable: true }) after?: string,
    @Arg("role", () => ClaimRole, { nullable: true, defaultValue: ClaimRole.ANY }) role?: ClaimRole,
    @Arg("predicate", () => Predicate, { nullable: true }) predicate?: Predicate,
    @Arg("reviewStatus", () => ReviewStatus, { nullable: true }) reviewStatus?: ReviewStatus,
  ) {
    const page = pageArgs(first, after);
    if ((role ?? ClaimRole.ANY) === ClaimRole.ANY) {
      return listClaimsOfEntity(ctx, {
        first: page.first,
        after: after ?? null,
        entityId: entity.id,
        predicate,
        reviewStatus,
        withTotal: selectsField(info, "totalCount"),
      });
    }
    return listClaims(ctx, {
      first: page.first,
      after: after ?? null,
      where: claimWhere({ predicate, reviewStatus }, { entityId: entity.id, side: role ?? ClaimRole.ANY }),
    });
  }

  @FieldResolver(() => DealConnection, { description: "Accepted deals it takes part in, newest first." })
  async deals(
    @Root() entity: EntityRow,
    @Ctx() ctx: Context,
    @Arg("first", () => Int, { nullable: true }) first?: number,
    @Arg("after", () => String, { nullable: true }) after?: string,
    @Arg("includeUnits", () => Boolean, { nullable: true, defaultValue: false }) includeUnits?: boolean,
  ) {
    const page = pageArgs(first, after);
    const criteria = { entityId: entity.id, includeUnits: includeUnits ?? false };
    if (after) return listDeals(ctx, { first: page.first, after, criteria });
    // First pages of many entities load in one statement; later pages go through the list query.
    const key = { entityId: entity.id, includeUnits: includeUnits ?? false };
    const rows = await ctx.loaders.dealsOfEntity.load({ ...key, limit: page.first + 1 });
    return toConnection(
      rows,
      page.first,
      false,
      (d) => encodeCursor([(d.announcedAt ?? d.firstReportedAt).toISOString().slice(0, 10), d.id]),
      () => ctx.loaders.dealCountOfEntity.load(key),
    );
  }

  @Mutation(() => EntityPayload)
  @Authorize("ANALYST")
  createEntity(@Ctx() ctx: Context, @Arg("input", () => CreateEntityInput) input: CreateEntityInput) {
    return payload(() => createEntity(ctx, input));
  }

  @Mutation(() => EntityPayload)
  @Authorize("ANALYST")
  updateEntity(@Ctx() ctx: Context, @Arg("input", () => UpdateEntityInput) input: UpdateEntityInput) {
    return payload(() => updateEntity(ctx, input));
  }

  @Mutation(() => EntityPayload, { description: "Soft delete: the entity leaves lists and can be restored." })
  @Authorize("ANALYST")
  deleteEntity(@Ctx() ctx: Context, @Arg("id", () => ID) id: string) {
    return payload(() => setEntityDeleted(ctx, id, true));
  }

  @Mutation(() => EntityPayload)
  @Authorize("ANALYST")
  restoreEntity(@Ctx() ctx: Context, @Arg("id", () => ID) id: string) {
    return payload(() => setEntityDeleted(ctx, id, false));
  }

  @Mutation(() => MergeEntitiesPayload, {
    description: "Moves everything of a duplicate onto the entity that remains.",
  })
  @Authorize("ANALYST")
  mergeEntities(@Ctx() ctx: Context, @Arg("input", () => MergeEntitiesInput) input: MergeEntitiesInput) {
    return payload(() => mergeEntities(ctx, input));
  }

  @Mutation(() => EntityPayload, { description: "Takes a merge back; answers with the restored duplicate." })
  @Authorize("ANALYST")
  undoMergeEntities(@Ctx() ctx: Context, @Arg("input", () => UndoMergeEntitiesInput) input: UndoMergeEntitiesInput) {
    return payload(() => undoMergeEntities(ctx, input));
  }
}
