import { GraphQLJSONObject } from "graphql-scalars";
import { Field, Int, ObjectType } from "type-graphql";
import { Payload } from "../common/payload.ts";
import { Connection, Node } from "../common/relay.ts";

@ObjectType({ implements: Node, description: "A source document; offsets in mentions and evidence index into `text`." })
export class Article extends Node {
  @Field(() => String)
  title!: string;

  @Field(() => String, { nullable: true })
  url!: string | null;

  @Field(() => String, { nullable: true })
  publisher!: string | null;

  @Field(() => String)
  language!: string;

  /** Resolved by ArticleResolver.text: loaders give articles without their text. */
  text!: string;

  @Field(() => String, { description: "sha256 of a normalised copy of the text; the same text twice is one article." })
  contentHash!: string;

  @Field(() => GraphQLJSONObject, { nullable: true, description: "Catalogue metadata as it came with the article." })
  metadata!: Record<string, unknown> | null;

  @Field(() => Date)
  ingestedAt!: Date;

  @Field(() => Date, { nullable: true })
  deletedAt!: Date | null;
}

@ObjectType({ implements: Node, description: "A name as it stands in an article." })
export class Mention extends Node {
  @Field(() => String)
  text!: string;

  @Field(() => Int)
  start!: number;

  @Field(() => Int)
  end!: number;
}

@ObjectType()
export class ArticleConnection extends Connection(Article, "Article") {}

@ObjectType()
export class ArticlePayload extends Payload(Article, "article") {
  article?: Article | null;
}
