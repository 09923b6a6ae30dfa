import type { ApiKey as ApiKeyRow, User } from "@dealgraph/db";
import { Arg, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import { payload } from "../common/errors.ts";
import { toGlobalId } from "../common/relay.ts";
import type { Context } from "../context.ts";
import { createApiKey, revokeApiKey } from "./auth.service.ts";
import { ApiKey, CreateApiKeyInput, CreateApiKeyPayload, RevokeApiKeyPayload, ViewerInfo } from "./auth.type.ts";
import { Authorize, Sensitive } from "./viewer.ts";

function toApiKey(row: ApiKeyRow & { user: User }): ApiKey {
  return {
    id: toGlobalId("ApiKey", row.id),
    name: row.name,
    prefix: row.prefix,
    userName: row.user.name,
    role: row.user.role,
    createdAt: row.createdAt,
    lastUsedAt: row.lastUsedAt,
    revokedAt: row.revokedAt,
    ratePointsPerMinute: row.ratePointsPerMinute,
  };
}

@Resolver()
export class AuthResolver {
  @Query(() => ViewerInfo, { description: "Who the API takes you for, and with which role." })
  viewer(@Ctx() ctx: Context): ViewerInfo {
    return { actor: ctx.viewer.actor, role: ctx.viewer.role };
  }

  @Query(() => [ApiKey], { description: "Every API key, newest first (never the keys themselves)." })
  @Authorize("ADMIN")
  @Sensitive()
  async apiKeys(@Ctx() ctx: Context) {
    const rows = await ctx.prisma.apiKey.findMany({
      include: { user: true },
      orderBy: { createdAt: "desc" },
      take: 500,
    });
    return rows.map(toApiKey);
  }

  @Mutation(() => CreateApiKeyPayload, {
    description: "Creates a key (and its user when new). The key is in the answer, once.",
  })
  @Authorize("ADMIN")
  createApiKey(@Ctx() ctx: Context, @Arg("input", () => CreateApiKeyInput) input: CreateApiKeyInput) {
    return payload(async () => {
      const { key, apiKey, user } = await createApiKey(ctx, input);
      return { key, apiKey: toApiKey({ ...apiKey, user }) };
    });
  }

  @Mutation(() => RevokeApiKeyPayload, { description: "Revokes a key by id or prefix, with immediate effect." })
  @Authorize("ADMIN")
  revokeApiKey(@Ctx() ctx: Context, @Arg("id", () => ID) id: string) {
    return payload(async () => {
      const { apiKey } = await revokeApiKey(ctx, id);
      const user = await ctx.prisma.user.findUniqueOrThrow({ where: { id: apiKey.userId } });
      return { apiKey: toApiKey({ ...apiKey, user }) };
    });
  }
}
