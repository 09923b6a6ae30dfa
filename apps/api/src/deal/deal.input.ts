import { Field, Float, ID, InputType, registerEnumType } from "type-graphql";
import { DatePrecision, DealStatus, DealType, ParticipantRole, ReviewStatus } from "../common/enums.ts";

@InputType({ description: "Deal filters compose: every given part must hold." })
export class DealFilter {
  @Field(() => [DealType], { nullable: true })
  types?: DealType[] | null;

  @Field(() => [DealStatus], { nullable: true })
  statuses?: DealStatus[] | null;

  @Field(() => String, { nullable: true, description: "M49 code; matches deals in the region or any region under it." })
  regionCode?: string | null;

  @Field(() => String, { nullable: true, description: "Sector code; matches the sector and the themes under it." })
  sectorCode?: string | null;

  @Field(() => ID, { nullable: true, description: "Deals this entity takes part in." })
  entityId?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: "With entityId: include the deals of its units.",
  })
  includeUnits?: boolean | null;

  @Field(() => String, {
    nullable: true,
    description: "From this period on (YYYY, YYYY-MM or YYYY-MM-DD), by announcement date.",
  })
  from?: string | null;

  @Field(() => String, { nullable: true, description: "Up to the end of this period (YYYY, YYYY-MM or YYYY-MM-DD)." })
  to?: string | null;

  @Field(() => String, { nullable: true, description: "Text in the title, summary or a party's name or alias." })
  search?: string | null;

  @Field(() => [ReviewStatus], { nullable: true, description: "Default: ACCEPTED only." })
  reviewStatuses?: ReviewStatus[] | null;

  @Field(() => String, {
    nullable: true,
    description: "First reported (its first article came in) from this period on.",
  })
  reportedFrom?: string | null;

  @Field(() => String, { nullable: true, description: "First reported up to the end of this period." })
  reportedTo?: string | null;
}

export enum DealOrderField {
  ANNOUNCED_AT = "ANNOUNCED_AT",
  FIRST_REPORTED_AT = "FIRST_REPORTED_AT",
  AMOUNT = "AMOUNT",
  TITLE = "TITLE",
}
registerEnumType(DealOrderField, { name: "DealOrderField" });

export enum OrderDirection {
  ASC = "ASC",
  DESC = "DESC",
}
registerEnumType(OrderDirection, { name: "OrderDirection" });

@InputType()
export class DealOrder {
  @Field(() => DealOrderField)
  field!: DealOrderField;

  @Field(() => OrderDirection)
  direction!: OrderDirection;
}

export enum DealGroupBy {
  REGION = "REGION",
  SECTOR = "SECTOR",
  MONTH = "MONTH",
  QUARTER = "QUARTER",
  YEAR = "YEAR",
  TYPE = "TYPE",
  STATUS = "STATUS",
}
registerEnumType(DealGroupBy, { name: "DealGroupBy" });

export enum StatsRegionLevel {
  CONTINENT = "CONTINENT",
  SUB_REGION = "SUB_REGION",
  INTERMEDIATE_REGION = "INTERMEDIATE_REGION",
  COUNTRY = "COUNTRY",
}
registerEnumType(StatsRegionLevel, {
  name: "StatsRegionLevel",
  description: "Level to count regions at; a deal's region finer than the level rolls up, one coarser stays as it is.",
});

@InputType()
export class FuzzyDateInput {
  @Field(() => String, { description: "YYYY-MM-DD (the period's first day)." })
  date!: string;

  @Field(() => DatePrecision)
  precision!: DatePrecision;
}

@InputType()
export class MoneyInput {
  @Field(() => Float)
  amount!: number;

  @Field(() => String)
  currency!: string;
}

@InputType()
export class ParticipantInput {
  @Field(() => ID)
  entityId!: string;

  @Field(() => ParticipantRole)
  role!: ParticipantRole;
}

@InputType()
export class CreateDealInput {
  @Field(() => DealType)
  type!: DealType;

  @Field(() => DealStatus)
  status!: DealStatus;

  @Field(() => String)
  title!: string;

  @Field(() => String, { nullable: true })
  summary?: string | null;

  @Field(() => FuzzyDateInput, { nullable: true })
  announced?: FuzzyDateInput | null;

  @Field(() => MoneyInput, { nullable: true })
  amount?: MoneyInput | null;

  @Field(() => [ParticipantInput])
  participants!: ParticipantInput[];

  @Field(() => [String], { description: "M49 codes of the markets the deal applies to." })
  regionCodes!: string[];

  @Field(() => [String])
  sectorCodes!: string[];

  @Field(() => [ID], { nullable: true, description: "Articles that report it." })
  articleIds?: string[] | null;

  @Field(() => ReviewStatus, { nullable: true, defaultValue: ReviewStatus.ACCEPTED })
  reviewStatus?: ReviewStatus | null;
}

@InputType({ description: "Fields left out stay as they are. A new status is added to the status history." })
export class UpdateDealInput {
  @Field(() => ID)
  id!: string;

  @Field(() => DealType, { nullable: true })
  type?: DealType | null;

  @Field(() => DealStatus, { nullable: true })
  status?: DealStatus | null;

  @Field(() => ID, { nullable: true, description: "The article behind a status change." })
  statusArticleId?: string | null;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => String, { nullable: true })
  summary?: string | null;

  @Field(() => FuzzyDateInput, { nullable: true })
  announced?: FuzzyDateInput | null;

  @Field(() => MoneyInput, { nullable: true })
  amount?: MoneyInput | null;

  @Field(() => [ParticipantInput], { nullable: true, description: "Replaces the participants when given." })
  participants?: ParticipantInput[] | null;

  @Field(() => [String], { nullable: true, description: "Replaces the regions when given." })
  regionCodes?: string[] | null;

  @Field(() => [String], { nullable: true, description: "Replaces the sectors when given." })
  sectorCodes?: string[] | null;

  @Field(() => ReviewStatus, { nullable: true })
  reviewStatus?: ReviewStatus | null;
}
