import { Arg, Ctx, Field, Float, Int, ObjectType, Query, Resolver } from "type-graphql";
import { Authorize, Sensitive } from "../auth/viewer.ts";
import { AppError } from "../common/errors.ts";
import type { Context } from "../context.ts";
import type { RequestWindow } from "../http/request-window.ts";

@ObjectType()
export class HealthPoint {
  @Field(() => Date, { description: "Start of the minute." })
  minute!: Date;

  @Field(() => Int)
  requests!: number;

  @Field(() => Int)
  errors!: number;

  @Field(() => Float, {
    nullable: true,
    description: "95th percentile latency (upper bound of its histogram bucket), in ms.",
  })
  p95Ms!: number | null;
}

@ObjectType({ description: "One GraphQL operation's traffic over the window." })
export class OperationHealth {
  @Field(() => String)
  operation!: string;

  @Field(() => Int)
  requests!: number;

  @Field(() => Int)
  errors!: number;

  @Field(() => Float, { nullable: true })
  p95Ms!: number | null;

  @Field(() => [HealthPoint], { description: "Minute by minute, oldest first." })
  series!: HealthPoint[];
}

/** Set by the server: the request window every resolver reads (one per process, or Redis-backed). */
export const healthSource: { window: RequestWindow | null } = { window: null };

@Resolver()
export class HealthResolver {
  @Query(() => [OperationHealth], {
    description:
      "Request rate, p95 latency and errors per operation over the last minutes (all API instances when Redis is configured).",
  })
  @Authorize("ANALYST")
  @Sensitive()
  async apiHealth(
    @Ctx() _ctx: Context,
    @Arg("minutes", () => Int, { nullable: true, defaultValue: 60 }) minutes?: number,
  ) {
    const span = minutes ?? 60;
    if (span < 1 || span > 60) throw new AppError("BAD_USER_INPUT", `"minutes" must be between 1 and 60.`);
    return healthSource.window ? healthSource.window.read(span) : [];
  }
}
