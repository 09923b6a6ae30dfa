import "reflect-metadata";
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { DeliveryStatus } from "@dealgraph/db";
import { DealType } from "../common/enums.ts";
import { Payload } from "../common/payload.ts";
import { Connection, Node } from "../common/relay.ts";
import { Deal } from "../deal/deal.type.ts";

registerEnumType(DeliveryStatus, {
  name: "DeliveryStatus",
  description: "PENDING: not sent yet or to be retried; DELIVERED: the target answered 2xx; FAILED: out of attempts.",
});

@ObjectType({
  implements: Node,
  description:
    "A saved filter whose owner hears of new matching deals: every given part must hold; within a part, any " +
    "value matches; an empty part matches every deal.",
})
export class Watchlist extends Node {
  @Field(() => String)
  name!: string;

  @Field(() => Boolean, { description: "Whether the deals of the companies' units count too." })
  includeUnits!: boolean;

  @Field(() => [DealType], { description: "Deal types that count; empty: every type." })
  dealTypes!: DealType[];

  @Field(() => Date, { description: "The owner's last visit: arrivals after it are new to them." })
  lastSeenAt!: Date;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date)
  updatedAt!: Date;
}

@ObjectType({ description: "A deal that arrived on a watchlist: it was accepted while the watchlist matched it." })
export class WatchlistArrival {
  @Field(() => Deal)
  deal!: Deal;

  @Field(() => Date)
  arrivedAt!: Date;

  @Field(() => Boolean, { description: "Whether it arrived after the owner's last visit." })
  isNew!: boolean;
}

@ObjectType()
export class WatchlistArrivalConnection extends Connection(WatchlistArrival, "WatchlistArrival") {}

@ObjectType({ description: "What `dealAdded` sends: a deal that has just arrived on the watchlist." })
export class DealAddedEvent {
  @Field(() => ID, { description: "The watchlist's global id." })
  watchlistId!: string;

  @Field(() => Deal)
  deal!: Deal;

  @Field(() => Date)
  arrivedAt!: Date;
}

@ObjectType({ description: "Where a watchlist's arrivals are POSTed, signed with HMAC-SHA256." })
export class Webhook {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  url!: string;

  @Field(() => String, { description: "The start of the signing secret, to tell secrets apart." })
  secretPrefix!: string;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: "Set when the webhook was removed; its log stays." })
  disabledAt!: Date | null;
}

@ObjectType({ description: "One event for a webhook, with its last attempt." })
export class WebhookDelivery {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  event!: string;

  @Field(() => Deal, { nullable: true })
  deal!: Deal | null;

  @Field(() => DeliveryStatus)
  status!: DeliveryStatus;

  @Field(() => Int)
  attempts!: number;

  @Field(() => Date, { nullable: true })
  lastAttemptAt!: Date | null;

  @Field(() => Date, { nullable: true, description: "When the next attempt is due (PENDING only)." })
  nextAttemptAt!: Date | null;

  @Field(() => Int, { nullable: true, description: "The HTTP status of the last answer, if any came." })
  responseStatus!: number | null;

  @Field(() => String, { nullable: true })
  lastError!: string | null;

  @Field(() => Date, { nullable: true })
  deliveredAt!: Date | null;

  @Field(() => Date)
  createdAt!: Date;
}

@ObjectType()
export class WebhookDeliveryConnection extends Connection(WebhookDelivery, "WebhookDelivery") {}

@InputType({ description: "A watchlist's filter. Lists hold at most 50 items each." })
export class WatchlistInput {
  @Field(() => String)
  name!: string;

  @Field(() => [ID], { nullable: true, description: "Entity ids of the companies to watch." })
  entityIds?: string[] | null;

  @Field(() => Boolean, { nullable: true, defaultValue: true })
  includeUnits?: boolean | null;

  @Field(() => [String], { nullable: true, description: "M49 region codes (a deal in a region under one counts)." })
  regionCodes?: string[] | null;

  @Field(() => [String], { nullable: true, description: "Sector codes (a deal in a sector under one counts)." })
  sectorCodes?: string[] | null;

  @Field(() => [DealType], { nullable: true })
  dealTypes?: DealType[] | null;
}

@InputType()
export class UpdateWatchlistInput {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => [ID], { nullable: true, description: "Replaces the list when given." })
  entityIds?: string[] | null;

  @Field(() => Boolean, { nullable: true })
  includeUnits?: boolean | null;

  @Field(() => [String], { nullable: true, description: "Replaces the list when given." })
  regionCodes?: string[] | null;

  @Field(() => [String], { nullable: true, description: "Replaces the list when given." })
  sectorCodes?: string[] | null;

  @Field(() => [DealType], { nullable: true, description: "Replaces the list when given." })
  dealTypes?: DealType[] | null;
}

@InputType()
export class SetWebhookInput {
  @Field(() => ID)
  watchlistId!: string;

  @Field(() => String, {
    description: "http(s) URL; refused when it resolves to a private, loopback or link-local address.",
  })
  url!: string;
}

@ObjectType()
export class WatchlistPayload extends Payload(Watchlist, "watchlist") {}

@ObjectType()
export class SetWebhookPayload extends Payload(Webhook, "webhook") {
  @Field(() => String, {
    nullable: true,
    description: "The signing secret, shown this once: verify X-Dealgraph-Signature with it.",
  })
  secret!: string | null;
}

@ObjectType()
export class WebhookPayload extends Payload(Webhook, "webhook") {}

@ObjectType()
export class WebhookDeliveryPayload extends Payload(WebhookDelivery, "delivery") {}
