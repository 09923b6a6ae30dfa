import type { Watchlist as WatchlistRow, Webhook as WebhookRow, WebhookDelivery as DeliveryRow } from "@dealgraph/db";
import { DeliveryStatus } from "@dealgraph/db";
import {
  Arg,
  Ctx,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
  Subscription,
  type SubscribeResolverData,
} from "type-graphql";
import { Authorize } from "../auth/viewer.ts";
import { AppError, payload } from "../common/errors.ts";
import { pageArgs, toGlobalId } from "../common/relay.ts";
import type { Context } from "../context.ts";
import { Deal } from "../deal/deal.type.ts";
import { Entity } from "../entity/entity.type.ts";
import { Region, Sector } from "../taxonomy/taxonomy.type.ts";
import type { ArrivalMessage } from "./tracking.ts";
import {
  createWatchlist,
  deleteWatchlist,
  findOwnWatchlist,
  getWatchlist,
  listArrivals,
  listDeliveries,
  listWatchlists,
  markWatchlistSeen,
  redeliver,
  removeWebhook,
  setWebhook,
  updateWatchlist,
  withoutSecret,
} from "./watchlist.service.ts";
import {
  DealAddedEvent,
  SetWebhookInput,
  SetWebhookPayload,
  UpdateWatchlistInput,
  Watchlist,
  WatchlistArrivalConnection,
  WatchlistInput,
  WatchlistPayload,
  Webhook,
  WebhookDelivery,
  WebhookDeliveryConnection,
  WebhookDeliveryPayload,
  WebhookPayload,
} from "./watchlist.type.ts";

type WebhookView = ReturnType<typeof withoutSecret>;

function toWebhook(row: WebhookRow | WebhookView) {
  const view = "secret" in row ? withoutSecret(row) : row;
  return { ...view, rowId: row.id, id: toGlobalId("Webhook", row.id) };
}

function toDelivery(row: DeliveryRow) {
  return {
    ...row,
    rowId: row.id,
    id: toGlobalId("WebhookDelivery", row.id),
    nextAttemptAt: row.status === "PENDING" ? row.nextAttemptAt : null,
  };
}

@Resolver(() => Watchlist)
export class WatchlistResolver {
  @Query(() => [Watchlist], { description: "Your watchlists, by name." })
  @Authorize("VIEWER")
  watchlists(@Ctx() ctx: Context) {
    return listWatchlists(ctx);
  }

  @Query(() => Watchlist, { nullable: true, description: "One of your watchlists; null when it is not yours." })
  @Authorize("VIEWER")
  watchlist(@Ctx() ctx: Context, @Arg("id", () => ID) id: string) {
    return getWatchlist(ctx, id);
  }

  @FieldResolver(() => ID)
  id(@Root() row: WatchlistRow) {
    return toGlobalId("Watchlist", row.id);
  }

  @FieldResolver(() => [Entity], { description: "The companies watched." })
  async entities(@Root() row: WatchlistRow, @Ctx() ctx: Context) {
    const rows = await ctx.loaders.entityById.loadMany(row.entityIds);
    return rows.filter((e): e is Exclude<typeof e, Error | null | undefined> => Boolean(e) && !(e instanceof Error));
  }

  @FieldResolver(() => [Region])
  regions(@Root() row: WatchlistRow, @Ctx() ctx: Context) {
    return row.regionCodes.flatMap((code) => ctx.catalog.region(code) ?? []);
  }

  @FieldResolver(() => [Sector])
  sectors(@Root() row: WatchlistRow, @Ctx() ctx: Context) {
    return row.sectorCodes.flatMap((code) => ctx.catalog.sector(code) ?? []);
  }

  @FieldResolver(() => WatchlistArrivalConnection, {
    description: "Deals that arrived on the watchlist (were accepted while it matched them), newest first.",
  })
  async arrivals(
    @Root() row: WatchlistRow,
    @Ctx() ctx: Context,
    @Arg("first", () => Int, { nullable: true }) first?: number,
    @Arg("after", () => String, { nullable: true }) after?: string,
    @Arg("onlyNew", () => Boolean, { nullable: true, description: "Only those after your last visit." })
    onlyNew?: boolean,
    @Arg("since", () => Date, {
      nullable: true,
      description: "Only those that arrived after this moment (to catch up after a lost connection).",
    })
    since?: Date,
  ) {
    const page = pageArgs(first, after);
    const floors = [onlyNew ? row.lastSeenAt : null, since ?? null].filter((d): d is Date => d !== null);
    const connection = await listArrivals(ctx.prisma, row, {
      first: page.first,
      after: page.after,
      since: floors.length ? new Date(Math.max(...floors.map((d) => d.getTime()))) : null,
    });
    const deals = await ctx.loaders.dealById.loadMany(connection.edges.map((e) => e.node.dealId));
    return {
      ...connection,
      edges: connection.edges.map((edge, i) => ({
        cursor: edge.cursor,
        node: { deal: deals[i], arrivedAt: edge.node.arrivedAt, isNew: edge.node.arrivedAt > row.lastSeenAt },
      })),
    };
  }

  @FieldResolver(() => Int, { description: "How many deals arrived since your last visit." })
  async newArrivalCount(@Root() row: WatchlistRow, @Ctx() ctx: Context) {
    const connection = await listArrivals(ctx.prisma, row, { first: 1, after: null, since: row.lastSeenAt });
    return connection.totalCountThunk();
  }

  @FieldResolver(() => Webhook, { nullable: true, description: "Its webhook, also when removed (the log stays)." })
  async webhook(@Root() row: WatchlistRow, @Ctx() ctx: Context) {
    const hook = await ctx.prisma.webhook.findUnique({ where: { watchlistId: row.id } });
    return hook ? toWebhook(hook) : null;
  }

  @Mutation(() => WatchlistPayload, {
    description: "Saves a filter; deals accepted from now on that match arrive on it.",
  })
  @Authorize("VIEWER")
  createWatchlist(@Ctx() ctx: Context, @Arg("input", () => WatchlistInput) input: WatchlistInput) {
    return payload(async () => ({ watchlist: await createWatchlist(ctx, input) }));
  }

  @Mutation(() => WatchlistPayload, { description: "Changes a watchlist's name or filter (for deals from now on)." })
  @Authorize("VIEWER")
  updateWatchlist(@Ctx() ctx: Context, @Arg("input", () => UpdateWatchlistInput) input: UpdateWatchlistInput) {
    return payload(async () => ({ watchlist: await updateWatchlist(ctx, input) }));
  }

  @Mutation(() => WatchlistPayload, { description: "Deletes a watchlist and stops its webhook." })
  @Authorize("VIEWER")
  deleteWatchlist(@Ctx() ctx: Context, @Arg("id", () => ID) id: string) {
    return payload(async () => ({ watchlist: await deleteWatchlist(ctx, id) }));
  }

  @Mutation(() => WatchlistPayload, { description: "Records your visit: arrivals so far are no longer new." })
  @Authorize("VIEWER")
  markWatchlistSeen(
    @Ctx() ctx: Context,
    @Arg("id", () => ID) id: string,
    @Arg("upTo", () => Date, {
      nullable: true,
      description: "The arrival time of the newest deal you saw (default: now). The mark never moves back.",
    })
    upTo?: Date,
  ) {
    return payload(async () => ({ watchlist: await markWatchlistSeen(ctx, id, upTo ?? null) }));
  }

  @Mutation(() => SetWebhookPayload, {
    description:
      "Sets the watchlist's webhook: a signed JSON POST per arriving deal, retried with backoff. The signing " +
      "secret is in the answer, once.",
  })
  @Authorize("VIEWER")
  setWatchlistWebhook(@Ctx() ctx: Context, @Arg("input", () => SetWebhookInput) input: SetWebhookInput) {
    return payload(async () => {
      const { webhook, secret } = await setWebhook(ctx, input, ctx.webhookPolicy);
      return { webhook: toWebhook(webhook), secret };
    });
  }

  @Mutation(() => WebhookPayload, {
    description: "Stops the watchlist's webhook; pending deliveries fail; the log stays.",
  })
  @Authorize("VIEWER")
  removeWatchlistWebhook(@Ctx() ctx: Context, @Arg("watchlistId", () => ID) watchlistId: string) {
    return payload(async () => {
      const webhook = await removeWebhook(ctx, watchlistId);
      return { webhook: webhook ? toWebhook(webhook) : null };
    });
  }

  @Mutation(() => WebhookDeliveryPayload, { description: "Sends a FAILED delivery again." })
  @Authorize("VIEWER")
  redeliverWebhook(@Ctx() ctx: Context, @Arg("deliveryId", () => ID) deliveryId: string) {
    return payload(async () => {
      const delivery = toDelivery(await redeliver(ctx, deliveryId));
      ctx.tracking?.wake();
      return { delivery };
    });
  }

  @Subscription(() => DealAddedEvent, {
    description:
      "Deals arriving on one of your watchlists, as they are accepted (through any API instance). Over " +
      "graphql-ws at /graphql; send your key as connectionParams.authorization.",
    subscribe: async ({ args, context: ctx }: SubscribeResolverData<unknown, { watchlistId: string }, Context>) => {
      const watchlist = await findOwnWatchlist(ctx.prisma, ctx.viewer, args.watchlistId, ["watchlistId"]);
      if (!ctx.tracking) throw new AppError("SERVICE_UNAVAILABLE", "Live updates are not available here.");
      return ctx.tracking.subscribe(watchlist.id);
    },
  })
  @Authorize("VIEWER")
  async dealAdded(
    @Root() message: ArrivalMessage,
    @Ctx() ctx: Context,
    @Arg("watchlistId", () => ID) _watchlistId: string,
  ): Promise<DealAddedEvent> {
    // One context serves the whole subscription: forget the cached row so each event reads it fresh.
    ctx.loaders.dealById.clear(message.dealId);
    const deal = await ctx.loaders.dealById.load(message.dealId);
    if (!deal) throw AppError.notFound("Deal", toGlobalId("Deal", message.dealId));
    return {
      watchlistId: toGlobalId("Watchlist", message.watchlistId),
      deal: deal as unknown as Deal,
      arrivedAt: new Date(message.arrivedAt),
    };
  }
}

@Resolver(() => Webhook)
export class WebhookResolver {
  @FieldResolver(() => WebhookDeliveryConnection, { description: "The delivery log, newest first." })
  deliveries(
    @Root() webhook: { rowId: string },
    @Ctx() ctx: Context,
    @Arg("first", () => Int, { nullable: true }) first?: number,
    @Arg("after", () => String, { nullable: true }) after?: string,
    @Arg("statuses", () => [DeliveryStatus], { nullable: true }) statuses?: DeliveryStatus[],
  ) {
    const page = pageArgs(first, after);
    return listDeliveries(ctx.prisma, webhook.rowId, {
      first: page.first,
      after: page.after,
      statuses,
    }).then((connection) => ({
      ...connection,
      edges: connection.edges.map((edge) => ({ cursor: edge.cursor, node: toDelivery(edge.node) })),
    }));
  }
}

@Resolver(() => WebhookDelivery)
export class WebhookDeliveryResolver {
  @FieldResolver(() => Deal, { nullable: true })
  deal(@Root() delivery: { dealId: string }, @Ctx() ctx: Context) {
    return ctx.loaders.dealById.load(delivery.dealId);
  }
}
