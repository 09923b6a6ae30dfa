import { Field, Float, ID, InputType, Int, registerEnumType } from "type-graphql";
import { Modality, Predicate, Rank, ReviewStatus } from "../common/enums.ts";
import { FuzzyDateInput, MoneyInput } from "../deal/deal.input.ts";

@InputType()
export class ClaimFilter {
  @Field(() => ID, { nullable: true })
  subjectId?: string | null;

  @Field(() => ID, { nullable: true })
  objectId?: string | null;

  @Field(() => Predicate, { nullable: true })
  predicate?: Predicate | null;

  @Field(() => ReviewStatus, { nullable: true })
  reviewStatus?: ReviewStatus | null;

  @Field(() => ID, { nullable: true, description: "Claims with evidence in this article." })
  articleId?: string | null;

  @Field(() => Modality, { nullable: true })
  modality?: Modality | null;
}

@InputType({ description: "A literal object: exactly one of text, number, date or money." })
export class ClaimValueInput {
  @Field(() => String, { nullable: true })
  text?: string | null;

  @Field(() => Float, { nullable: true })
  number?: number | null;

  @Field(() => String, { nullable: true, description: 'Unit of `number`, e.g. "B2B buyers".' })
  unit?: string | null;

  @Field(() => FuzzyDateInput, { nullable: true })
  date?: FuzzyDateInput | null;

  @Field(() => MoneyInput, { nullable: true })
  money?: MoneyInput | null;
}

@InputType()
export class ClaimQualifiersInput {
  @Field(() => FuzzyDateInput, { nullable: true })
  date?: FuzzyDateInput | null;

  @Field(() => String, { nullable: true })
  regionCode?: string | null;

  @Field(() => String, { nullable: true })
  sectorCode?: string | null;

  @Field(() => MoneyInput, { nullable: true })
  amount?: MoneyInput | null;

  @Field(() => String, { nullable: true })
  role?: string | null;
}

@InputType({
  description: "Where the claim stands in an article. `quote`, when given, must equal the text at [start, end).",
})
export class EvidenceInput {
  @Field(() => ID)
  articleId!: string;

  @Field(() => Int)
  start!: number;

  @Field(() => Int)
  end!: number;

  @Field(() => String, { nullable: true })
  quote?: string | null;

  @Field(() => ID, { nullable: true })
  speakerId?: string | null;

  @Field(() => String, { nullable: true })
  speakerRole?: string | null;
}

@InputType()
export class CreateClaimInput {
  @Field(() => ID)
  subjectId!: string;

  @Field(() => Predicate)
  predicate!: Predicate;

  @Field(() => ID, { nullable: true, description: "An entity as object; or give `value`." })
  objectId?: string | null;

  @Field(() => ClaimValueInput, { nullable: true })
  value?: ClaimValueInput | null;

  @Field(() => ClaimQualifiersInput, { nullable: true })
  qualifiers?: ClaimQualifiersInput | null;

  @Field(() => Modality, { nullable: true, defaultValue: Modality.ASSERTED })
  modality?: Modality | null;

  @Field(() => Float, { nullable: true, defaultValue: 1 })
  confidence?: number | null;

  @Field(() => Rank, { nullable: true, defaultValue: Rank.NORMAL })
  rank?: Rank | null;

  @Field(() => ID, { nullable: true, description: "The deal this claim supports." })
  dealId?: string | null;

  @Field(() => [EvidenceInput], { nullable: true })
  evidence?: EvidenceInput[] | null;
}

@InputType({ description: "Fields left out stay as they are." })
export class UpdateClaimInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Predicate, { nullable: true })
  predicate?: Predicate | null;

  @Field(() => ID, { nullable: true })
  objectId?: string | null;

  @Field(() => ClaimValueInput, { nullable: true })
  value?: ClaimValueInput | null;

  @Field(() => ClaimQualifiersInput, { nullable: true })
  qualifiers?: ClaimQualifiersInput | null;

  @Field(() => Modality, { nullable: true })
  modality?: Modality | null;

  @Field(() => Float, { nullable: true })
  confidence?: number | null;

  @Field(() => Rank, { nullable: true })
  rank?: Rank | null;
}

export enum ReviewDecision {
  ACCEPT = "ACCEPT",
  REJECT = "REJECT",
}
registerEnumType(ReviewDecision, { name: "ReviewDecision" });

@InputType()
export class ReviewClaimInput {
  @Field(() => ID)
  id!: string;

  @Field(() => ReviewDecision)
  decision!: ReviewDecision;

  @Field(() => String, { nullable: true, description: "Required when rejecting." })
  reason?: string | null;
}
