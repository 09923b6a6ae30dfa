import { Field, InputType } from "type-graphql";

@InputType()
export class ImportDealsInput {
  @Field(() => String, {
    description:
      "An acquisitions export as CSV text (header included), up to 900,000 characters; larger files go through `npm run import:deals`.",
  })
  csv!: string;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: "Tell watchlists about the imported deals. Off by default: a bulk import raises no alerts.",
  })
  raiseAlerts?: boolean | null;
}
