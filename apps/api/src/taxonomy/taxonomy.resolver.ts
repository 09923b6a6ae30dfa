import type { Region as RegionRow, Sector as SectorRow } from "@dealgraph/db";
import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { RegionLevel } from "../common/enums.ts";
import { toGlobalId } from "../common/relay.ts";
import type { Context } from "../context.ts";
import { Region, Sector } from "./taxonomy.type.ts";

@Resolver(() => Region)
export class RegionResolver {
  @Query(() => [Region], {
    description: "The M49 tree from World down (follow `children`), or every region of one level.",
  })
  regions(@Ctx() ctx: Context, @Arg("level", () => RegionLevel, { nullable: true }) level?: RegionLevel) {
    if (level) return [...ctx.catalog.regions.values()].filter((r) => r.level === level);
    return ctx.catalog.regionChildrenOf(null);
  }

  @Query(() => Region, { nullable: true })
  region(@Ctx() ctx: Context, @Arg("code", () => String) code: string) {
    return ctx.catalog.region(code);
  }

  @FieldResolver(() => ID)
  id(@Root() region: RegionRow) {
    return toGlobalId("Region", region.code);
  }

  @FieldResolver(() => Region, { nullable: true })
  parent(@Root() region: RegionRow, @Ctx() ctx: Context) {
    return region.parentCode ? ctx.catalog.region(region.parentCode) : null;
  }

  @FieldResolver(() => [Region])
  children(@Root() region: RegionRow, @Ctx() ctx: Context) {
    return ctx.catalog.regionChildrenOf(region.code);
  }

  @FieldResolver(() => [Region], { description: "From World down to this region's parent." })
  ancestors(@Root() region: RegionRow, @Ctx() ctx: Context) {
    return ctx.catalog.regionAncestry(region.code).slice(0, -1);
  }
}

@Resolver(() => Sector)
export class SectorResolver {
  @Query(() => [Sector], { description: "ISIC sections with their themes as `children`." })
  sectors(@Ctx() ctx: Context) {
    return ctx.catalog.sectorChildrenOf(null);
  }

  @Query(() => Sector, { nullable: true })
  sector(@Ctx() ctx: Context, @Arg("code", () => String) code: string) {
    return ctx.catalog.sector(code);
  }

  @FieldResolver(() => ID)
  id(@Root() sector: SectorRow) {
    return toGlobalId("Sector", sector.code);
  }

  @FieldResolver(() => Sector, { nullable: true })
  parent(@Root() sector: SectorRow, @Ctx() ctx: Context) {
    return sector.parentCode ? ctx.catalog.sector(sector.parentCode) : null;
  }

  @FieldResolver(() => [Sector])
  children(@Root() sector: SectorRow, @Ctx() ctx: Context) {
    return ctx.catalog.sectorChildrenOf(sector.code);
  }
}
