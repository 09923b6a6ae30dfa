import { Field, InputType } from "type-graphql";

@InputType({ description: "An article to store and extract. The same text twice is one article." })
export class IngestArticleInput {
  @Field(() => String, { nullable: true })
  url?: string | null;

  @Field(() => String)
  title!: string;

  @Field(() => String, { nullable: true })
  publisher?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "When it was published: YYYY-MM-DD, YYYY-MM or YYYY (the precision follows the form).",
  })
  publishedAt?: string | null;

  @Field(() => String, { nullable: true, defaultValue: "en" })
  language?: string | null;

  @Field(() => String, { description: 'Page boilerplate (share bars, "Leave a Reply") is removed before storing.' })
  text!: string;
}
