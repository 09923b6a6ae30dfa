import { Field, ID, InputType, registerEnumType } from "type-graphql";
import { AliasType, EntityKind, ReviewStatus } from "../common/enums.ts";

@InputType()
export class EntityFilter {
  @Field(() => EntityKind, { nullable: true })
  kind?: EntityKind | null;

  @Field(() => String, { nullable: true, description: "Matches names and aliases, case-insensitively." })
  search?: string | null;

  @Field(() => ReviewStatus, { nullable: true })
  reviewStatus?: ReviewStatus | null;
}

@InputType()
export class AliasInput {
  @Field(() => String)
  name!: string;

  @Field(() => AliasType)
  type!: AliasType;
}

@InputType()
export class ExternalIdInput {
  @Field(() => String)
  scheme!: string;

  @Field(() => String)
  value!: string;
}

@InputType()
export class CreateEntityInput {
  @Field(() => EntityKind)
  kind!: EntityKind;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "M49 code of the home country, or of the region a place denotes.",
  })
  regionCode?: string | null;

  @Field(() => ID, { nullable: true, description: "The organisation this entity is a unit of." })
  parentId?: string | null;

  @Field(() => [AliasInput], { nullable: true })
  aliases?: AliasInput[] | null;

  @Field(() => [ExternalIdInput], { nullable: true })
  externalIds?: ExternalIdInput[] | null;
}

@InputType({ description: "Fields left out stay as they are; null clears an optional field." })
export class UpdateEntityInput {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => String, { nullable: true })
  regionCode?: string | null;

  @Field(() => ID, { nullable: true })
  parentId?: string | null;

  @Field(() => [AliasInput], { nullable: true, description: "Replaces the aliases when given." })
  aliases?: AliasInput[] | null;

  @Field(() => [ExternalIdInput], { nullable: true, description: "Replaces the external ids when given." })
  externalIds?: ExternalIdInput[] | null;

  @Field(() => ReviewStatus, { nullable: true })
  reviewStatus?: ReviewStatus | null;
}

@InputType()
export class MergeEntitiesInput {
  @Field(() => ID, { description: "The duplicate: its mentions, claims, deals, aliases and units move to the target." })
  sourceId!: string;

  @Field(() => ID, { description: "The entity that remains." })
  targetId!: string;
}

@InputType()
export class UndoMergeEntitiesInput {
  @Field(() => ID, { description: "The `mergeId` that mergeEntities returned." })
  mergeId!: string;
}

export enum ClaimRole {
  SUBJECT = "SUBJECT",
  OBJECT = "OBJECT",
  ANY = "ANY",
}
registerEnumType(ClaimRole, { name: "ClaimRole", description: "Which side of a claim an entity stands on." });
