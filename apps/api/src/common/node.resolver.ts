import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import type { Context } from "../context.ts";
import { getWatchlist } from "../watchlist/watchlist.service.ts";
import { asNode, fromGlobalId, Node, type NodeTypeName } from "./relay.ts";

const MAX_NODES = 100;

async function loadNode(ctx: Context, globalId: string) {
  const decoded = fromGlobalId(globalId);
  if (!decoded) return null;
  const { type, id } = decoded;
  const rows: Record<NodeTypeName, () => Promise<object | null>> = {
    Article: () => ctx.loaders.articleById.load(id),
    Entity: () => ctx.loaders.entityById.load(id),
    Claim: () => ctx.loaders.claimById.load(id),
    Evidence: () => ctx.loaders.evidenceById.load(id),
    Deal: () => ctx.loaders.dealById.load(id),
    Mention: () => ctx.loaders.mentionById.load(id),
    Region: async () => ctx.catalog.region(id),
    Sector: async () => ctx.catalog.sector(id),
    ApiKey: async () => null,
    // Watchlists are found by their owner only; webhooks and deliveries through their watchlist.
    Watchlist: () => getWatchlist(ctx, globalId),
    Webhook: async () => null,
    WebhookDelivery: async () => null,
  };
  const uuidTypes: NodeTypeName[] = ["Article", "Entity", "Claim", "Evidence", "Deal", "Mention"];
  if (uuidTypes.includes(type) && !/^[0-9a-f-]{36}$/i.test(id)) return null;
  const row = await rows[type]();
  return row ? asNode(type, { ...row }) : null;
}

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: "Any object by its global id." })
  node(@Ctx() ctx: Context, @Arg("id", () => ID) id: string) {
    return loadNode(ctx, id);
  }

  @Query(() => [Node], {
    nullable: "items",
    description: `Up to ${MAX_NODES} objects by global id, in order; null where none.`,
  })
  nodes(@Ctx() ctx: Context, @Arg("ids", () => [ID]) ids: string[]) {
    if (ids.length > MAX_NODES) throw new Error(`nodes takes at most ${MAX_NODES} ids.`);
    return Promise.all(ids.map((id) => loadNode(ctx, id)));
  }
}
