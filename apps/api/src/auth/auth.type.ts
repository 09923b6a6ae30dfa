import { Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { Role } from "@dealgraph/db";
import { Payload } from "../common/payload.ts";

registerEnumType(Role, { name: "Role", description: "VIEWER reads; ANALYST also curates; ADMIN also manages keys." });

@ObjectType({ description: "An API key as lists show it: never the key itself." })
export class ApiKey {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { description: "The visible start of the key, e.g. dg_3f9a1c2b." })
  prefix!: string;

  @Field(() => String, { description: "The key's user." })
  userName!: string;

  @Field(() => Role)
  role!: Role;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  lastUsedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  revokedAt!: Date | null;

  @Field(() => Int, {
    nullable: true,
    description: "The key's own rate budget in cost points per minute; null: the server's default.",
  })
  ratePointsPerMinute!: number | null;
}

@ObjectType({ description: "Who the API takes the caller for." })
export class ViewerInfo {
  @Field(() => String)
  actor!: string;

  @Field(() => Role, { nullable: true, description: "Null for anonymous readers (demo mode)." })
  role!: Role | null;
}

@InputType()
export class CreateApiKeyInput {
  @Field(() => String, { description: "The key's user; created with `role` when new." })
  userName!: string;

  @Field(() => Role)
  role!: Role;

  @Field(() => String, { description: 'What the key is for, e.g. "dashboard".' })
  keyName!: string;

  @Field(() => Int, {
    nullable: true,
    description:
      "A rate budget of its own, in cost points per minute, for a key that serves many people (a dashboard); by default the server's.",
  })
  ratePointsPerMinute?: number | null;
}

@ObjectType()
export class CreateApiKeyPayload extends Payload(ApiKey, "apiKey") {
  apiKey?: ApiKey | null;

  @Field(() => String, { nullable: true, description: "The key itself. Shown this once: store it now." })
  key?: string | null;
}

@ObjectType()
export class RevokeApiKeyPayload extends Payload(ApiKey, "apiKey") {
  apiKey?: ApiKey | null;
}
