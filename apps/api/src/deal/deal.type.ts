import { Field, Float, Int, ObjectType } from "type-graphql";
import { DealStatus, DealType, ParticipantRole, ReviewStatus } from "../common/enums.ts";
import { Payload } from "../common/payload.ts";
import { Connection, Node } from "../common/relay.ts";
import { Entity } from "../entity/entity.type.ts";

@ObjectType({ implements: Node, description: "One real-world deal, however many articles report it." })
export class Deal extends Node {
  @Field(() => String)
  title!: string;

  @Field(() => String, { nullable: true })
  summary!: string | null;

  @Field(() => DealType)
  type!: DealType;

  @Field(() => DealStatus)
  status!: DealStatus;

  @Field(() => ReviewStatus)
  reviewStatus!: ReviewStatus;

  @Field(() => Date, { description: "When the first article about it was published." })
  firstReportedAt!: Date;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date)
  updatedAt!: Date;

  @Field(() => Date, { nullable: true })
  deletedAt!: Date | null;
}

@ObjectType({ description: "A party to a deal and its role in it." })
export class DealParticipant {
  @Field(() => Entity)
  entity!: Entity;

  @Field(() => ParticipantRole)
  role!: ParticipantRole;
}

@ObjectType()
export class DealStatusChange {
  @Field(() => DealStatus)
  status!: DealStatus;

  @Field(() => Date)
  changedAt!: Date;

  @Field(() => String, { nullable: true })
  note!: string | null;
}

@ObjectType()
export class DealConnection extends Connection(Deal, "Deal") {}

@ObjectType({ description: "One bar of a chart: a region, sector, period or type with its deals." })
export class DealBucket {
  @Field(() => String, {
    description: 'Region or sector code, period (2025-03, 2025-Q1, 2025), or deal type; "other" for the rest.',
  })
  key!: string;

  @Field(() => String)
  label!: string;

  @Field(() => Int, { description: "Distinct deals in the bucket (a deal in two sectors counts in both)." })
  count!: number;

  @Field(() => Float, { description: "Sum of the bucket's deal amounts in USD (deals without an amount add nothing)." })
  totalAmountUsd!: number;
}

@ObjectType({ description: "One cell of the region × sector matrix." })
export class DealMatrixCell {
  @Field(() => String)
  regionKey!: string;

  @Field(() => String)
  sectorKey!: string;

  @Field(() => Int)
  count!: number;

  @Field(() => Float)
  totalAmountUsd!: number;
}

@ObjectType({ description: 'Deals by region × sector: the top rows and columns, the rest folded into "other".' })
export class DealMatrix {
  @Field(() => [DealBucket], { description: "Rows, largest first; totals per region." })
  regions!: DealBucket[];

  @Field(() => [DealBucket], { description: "Columns, largest first; totals per sector." })
  sectors!: DealBucket[];

  @Field(() => [DealMatrixCell], { description: "Non-empty cells only." })
  cells!: DealMatrixCell[];
}

@ObjectType()
export class DealPayload extends Payload(Deal, "deal") {
  deal?: Deal | null;
}

@ObjectType({ description: "Headline figures of the deals a filter matches." })
export class DealSummary {
  @Field(() => Int)
  deals!: number;

  @Field(() => Float, { description: "Sum of the amounts in USD (deals without an amount add nothing)." })
  totalAmountUsd!: number;

  @Field(() => Int, { description: "Deals with a disclosed amount." })
  dealsWithAmount!: number;

  @Field(() => Int, { description: "Distinct organisations taking part." })
  companies!: number;

  @Field(() => Int, { description: "Distinct market regions (as tagged on the deals)." })
  regions!: number;

  @Field(() => Int)
  sectors!: number;
}
