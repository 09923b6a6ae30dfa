import { Field, ObjectType } from "type-graphql";
import { AliasType, EntityKind, ReviewStatus } from "../common/enums.ts";
import { Payload } from "../common/payload.ts";
import { Connection, Node } from "../common/relay.ts";

@ObjectType({ implements: Node, description: "A company, person, product, place or event." })
export class Entity extends Node {
  @Field(() => EntityKind)
  kind!: EntityKind;

  @Field(() => String, { description: "Canonical name." })
  name!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => ReviewStatus, {
    description: "PROPOSED for entities that extraction suggested and nobody confirmed yet.",
  })
  reviewStatus!: ReviewStatus;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date)
  updatedAt!: Date;

  @Field(() => Date, { nullable: true, description: "Set when soft-deleted; restore brings it back." })
  deletedAt!: Date | null;
}

@ObjectType()
export class EntityAlias {
  @Field(() => String)
  name!: string;

  @Field(() => AliasType)
  type!: AliasType;
}

@ObjectType({ description: "An identifier of the entity in another system, e.g. WIKIDATA Q1359568." })
export class ExternalId {
  @Field(() => String)
  scheme!: string;

  @Field(() => String)
  value!: string;
}

@ObjectType()
export class EntityConnection extends Connection(Entity, "Entity") {}

@ObjectType()
export class EntityPayload extends Payload(Entity, "entity") {
  entity?: Entity | null;
}

@ObjectType()
export class MergeEntitiesPayload extends Payload(Entity, "entity") {
  entity?: Entity | null;

  @Field(() => String, { nullable: true, description: "Give it to undoMergeEntities to take the merge back." })
  mergeId?: string | null;
}
