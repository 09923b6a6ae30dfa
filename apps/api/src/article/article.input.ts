import { Field, ID, InputType } from "type-graphql";
import { FuzzyDateInput } from "../deal/deal.input.ts";

@InputType()
export class ArticleFilter {
  @Field(() => String, { nullable: true, description: "Text in the title or publisher." })
  search?: string | null;
}

@InputType()
export class CreateArticleInput {
  @Field(() => String)
  title!: string;

  @Field(() => String, { nullable: true })
  url?: string | null;

  @Field(() => String, { nullable: true })
  publisher?: string | null;

  @Field(() => FuzzyDateInput, { nullable: true })
  publishedAt?: FuzzyDateInput | null;

  @Field(() => String, { nullable: true, defaultValue: "en" })
  language?: string | null;

  @Field(() => String, { description: 'Page boilerplate (share bars, "Leave a Reply") is removed before storing.' })
  text!: string;
}

@InputType({ description: "The text is fixed once stored (offsets point into it); the rest can change." })
export class UpdateArticleInput {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => String, { nullable: true })
  url?: string | null;

  @Field(() => String, { nullable: true })
  publisher?: string | null;

  @Field(() => FuzzyDateInput, { nullable: true })
  publishedAt?: FuzzyDateInput | null;
}
