import { Field, Float, Int, ObjectType } from "type-graphql";
import { Method, Modality, Predicate, Rank, ReviewStatus, ValueKind } from "../common/enums.ts";
import { Payload } from "../common/payload.ts";
import { Connection, Node } from "../common/relay.ts";
import { FuzzyDate, Money } from "../common/scalars.ts";

@ObjectType({ description: "How a claim was made: by hand, by a rule or a model (with its version), or imported." })
export class Provenance {
  @Field(() => Method)
  method!: Method;

  @Field(() => String, { nullable: true })
  version!: string | null;
}

@ObjectType({ description: "A number with its unit, e.g. 48,000,000 B2B buyers." })
export class Quantity {
  @Field(() => Float)
  amount!: number;

  @Field(() => String, { nullable: true })
  unit!: string | null;
}

@ObjectType({ description: "When, where, in which sector and for how much a claim holds, and in which role." })
export class ClaimQualifiers {
  @Field(() => FuzzyDate, { nullable: true })
  date!: FuzzyDate | null;

  @Field(() => String, { nullable: true, description: "M49 code; resolve with `region`." })
  regionCode!: string | null;

  @Field(() => String, { nullable: true })
  sectorCode!: string | null;

  @Field(() => Money, { nullable: true })
  amount!: Money | null;

  @Field(() => String, { nullable: true, description: 'For HOLDS_ROLE: the title, e.g. "President and CEO".' })
  role!: string | null;
}

@ObjectType({ implements: Node, description: "A statement about a subject, backed by evidence." })
export class Claim extends Node {
  @Field(() => Predicate)
  predicate!: Predicate;

  @Field(() => ValueKind, { description: "ENTITY when `object` is set; otherwise the kind of the literal value." })
  valueKind!: ValueKind;

  @Field(() => String, {
    nullable: true,
    description: 'Text literal, or how the source phrased a number ("over 48 million").',
  })
  valueText!: string | null;

  @Field(() => Modality)
  modality!: Modality;

  @Field(() => Float)
  confidence!: number;

  @Field(() => Rank)
  rank!: Rank;

  @Field(() => ReviewStatus)
  reviewStatus!: ReviewStatus;

  @Field(() => String, { nullable: true, description: "Why it was rejected (or accepted), as the curator wrote it." })
  reviewReason!: string | null;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date)
  updatedAt!: Date;

  @Field(() => Date, { nullable: true })
  deletedAt!: Date | null;
}

@ObjectType({
  implements: Node,
  description: "The exact words behind a claim: `article.text.slice(start, end) === quote`.",
})
export class Evidence extends Node {
  @Field(() => String)
  quote!: string;

  @Field(() => Int, { description: "JavaScript string index of the quote's first character in the article text." })
  start!: number;

  @Field(() => Int, { description: "Index just past the quote's last character." })
  end!: number;

  @Field(() => String, { nullable: true, description: "The speaker's role as the article gives it." })
  speakerRole!: string | null;
}

@ObjectType()
export class ClaimConnection extends Connection(Claim, "Claim") {}

@ObjectType()
export class ClaimPayload extends Payload(Claim, "claim") {
  claim?: Claim | null;
}
