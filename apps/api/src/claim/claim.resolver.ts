import type { Claim as ClaimRow, Evidence as EvidenceRow } from "@dealgraph/db";
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { Article } from "../article/article.type.ts";
import { payload } from "../common/errors.ts";
import { pageArgs, toGlobalId, tryDecodeId } from "../common/relay.ts";
import { FuzzyDate, toFuzzyDate } from "../common/scalars.ts";
import { Authorize } from "../auth/viewer.ts";
import type { Context } from "../context.ts";
import { Deal } from "../deal/deal.type.ts";
import { Entity } from "../entity/entity.type.ts";
import { ClaimFilter, CreateClaimInput, ReviewClaimInput, UpdateClaimInput } from "./claim.input.ts";
import { claimWhere, createClaim, listClaims, reviewClaim, setClaimDeleted, updateClaim } from "./claim.service.ts";
import { Claim, ClaimConnection, ClaimPayload, ClaimQualifiers, Evidence, Provenance, Quantity } from "./claim.type.ts";
import { Money } from "../common/scalars.ts";
import { toUsd } from "@dealgraph/db";

@Resolver(() => Claim)
export class ClaimResolver {
  @Query(() => ClaimConnection, { description: "Claims, oldest first; deleted ones are left out." })
  claims(
    @Ctx() ctx: Context,
    @Arg("first", () => Int, { nullable: true }) first?: number,
    @Arg("after", () => String, { nullable: true }) after?: string,
    @Arg("filter", () => ClaimFilter, { nullable: true }) filter?: ClaimFilter,
  ) {
    const page = pageArgs(first, after);
    return listClaims(ctx, { first: page.first, after: after ?? null, where: claimWhere(filter) });
  }

  @Query(() => Claim, { nullable: true })
  claim(@Ctx() ctx: Context, @Arg("id", () => ID) id: string) {
    const local = tryDecodeId(id, "Claim");
    return local ? ctx.loaders.claimById.load(local) : null;
  }

  @FieldResolver(() => ID)
  id(@Root() claim: ClaimRow) {
    return toGlobalId("Claim", claim.id);
  }

  @FieldResolver(() => Entity)
  subject(@Root() claim: ClaimRow, @Ctx() ctx: Context) {
    return ctx.loaders.entityById.load(claim.subjectId);
  }

  @FieldResolver(() => Entity, { nullable: true, description: "Set when the object is an entity (valueKind ENTITY)." })
  object(@Root() claim: ClaimRow, @Ctx() ctx: Context) {
    return claim.objectId ? ctx.loaders.entityById.load(claim.objectId) : null;
  }

  @FieldResolver(() => Quantity, { nullable: true, description: "Set for NUMBER values." })
  valueQuantity(@Root() claim: ClaimRow): Quantity | null {
    return claim.valueKind === "NUMBER" && claim.valueNumber !== null
      ? { amount: Number(claim.valueNumber), unit: claim.valueUnit }
      : null;
  }

  @FieldResolver(() => FuzzyDate, { nullable: true, description: "Set for DATE values." })
  valueDate(@Root() claim: ClaimRow) {
    return toFuzzyDate(claim.valueDate, claim.valueDatePrecision);
  }

  @FieldResolver(() => Money, { nullable: true, description: "Set for MONEY values." })
  valueMoney(@Root() claim: ClaimRow): Money | null {
    if (claim.valueKind !== "MONEY" || claim.valueNumber === null || !claim.valueUnit) return null;
    const amount = Number(claim.valueNumber);
    return {
      amount,
      currency: claim.valueUnit,
      amountUsd: toUsd(amount, claim.valueUnit, claim.qualifierDate) ?? null,
    };
  }

  @FieldResolver(() => ClaimQualifiers)
  qualifiers(@Root() claim: ClaimRow): ClaimQualifiers {
    const amount = claim.qualifierAmount === null ? null : Number(claim.qualifierAmount);
    return {
      date: toFuzzyDate(claim.qualifierDate, claim.qualifierDatePrecision),
      regionCode: claim.qualifierRegionCode,
      sectorCode: claim.qualifierSectorCode,
      amount:
        amount === null || !claim.qualifierCurrency
          ? null
          : {
              amount,
              currency: claim.qualifierCurrency,
              amountUsd: toUsd(amount, claim.qualifierCurrency, claim.qualifierDate) ?? null,
            },
      role: claim.qualifierRole,
    };
  }

  @FieldResolver(() => Provenance)
  provenance(@Root() claim: ClaimRow): Provenance {
    return { method: claim.method, version: claim.methodVersion };
  }

  @FieldResolver(() => [Evidence])
  evidence(@Root() claim: ClaimRow, @Ctx() ctx: Context) {
    return ctx.loaders.evidenceByClaimId.load(claim.id);
  }

  @FieldResolver(() => Deal, { nullable: true, description: "The deal this claim supports." })
  deal(@Root() claim: ClaimRow, @Ctx() ctx: Context) {
    return claim.dealId ? ctx.loaders.dealById.load(claim.dealId) : null;
  }

  @Mutation(() => ClaimPayload)
  @Authorize("ANALYST")
  createClaim(@Ctx() ctx: Context, @Arg("input", () => CreateClaimInput) input: CreateClaimInput) {
    return payload(() => createClaim(ctx, input));
  }

  @Mutation(() => ClaimPayload)
  @Authorize("ANALYST")
  updateClaim(@Ctx() ctx: Context, @Arg("input", () => UpdateClaimInput) input: UpdateClaimInput) {
    return payload(() => updateClaim(ctx, input));
  }

  @Mutation(() => ClaimPayload, {
    description: "Accept or reject (with a reason). Rejected claims stay rejected on re-extraction.",
  })
  @Authorize("ANALYST")
  reviewClaim(@Ctx() ctx: Context, @Arg("input", () => ReviewClaimInput) input: ReviewClaimInput) {
    return payload(() => reviewClaim(ctx, input));
  }

  @Mutation(() => ClaimPayload)
  @Authorize("ANALYST")
  deleteClaim(@Ctx() ctx: Context, @Arg("id", () => ID) id: string) {
    return payload(() => setClaimDeleted(ctx, id, true));
  }

  @Mutation(() => ClaimPayload)
  @Authorize("ANALYST")
  restoreClaim(@Ctx() ctx: Context, @Arg("id", () => ID) id: string) {
    return payload(() => setClaimDeleted(ctx, id, false));
  }
}

@Resolver(() => Evidence)
export class EvidenceResolver {
  @FieldResolver(() => ID)
  id(@Root() evidence: EvidenceRow) {
    return toGlobalId("Evidence", evidence.id);
  }

  @FieldResolver(() => Article)
  article(@Root() evidence: EvidenceRow, @Ctx() ctx: Context) {
    return ctx.loaders.articleById.load(evidence.articleId);
  }

  @FieldResolver(() => Entity, { nullable: true, description: "Who said it, for quotes." })
  speaker(@Root() evidence: EvidenceRow, @Ctx() ctx: Context) {
    return evidence.speakerId ? ctx.loaders.entityById.load(evidence.speakerId) : null;
  }

  @FieldResolver(() => Claim)
  claim(@Root() evidence: EvidenceRow, @Ctx() ctx: Context) {
    return ctx.loaders.claimById.load(evidence.claimId);
  }
}
