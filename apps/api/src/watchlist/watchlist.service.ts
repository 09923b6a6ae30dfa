import { randomBytes } from "node:crypto";
import { z } from "zod";
import { Prisma, type PrismaClient, type Watchlist as WatchlistRow, type Webhook as WebhookRow } from "@dealgraph/db";
import { recordAudit, type Tx } from "../audit/audit.service.ts";
import type { Viewer } from "../auth/viewer.ts";
import { AppError } from "../common/errors.ts";
import { decodeId, encodeCursor, isUuid, toConnection, tryDecodeId, type CursorValue } from "../common/relay.ts";
import { boundedList, parseInput, text } from "../common/validate.ts";
import type { TaxonomyCatalog } from "../taxonomy/taxonomy.catalog.ts";
import { DealType } from "../common/enums.ts";
import { resolveTarget, type TargetPolicy } from "./webhook.target.ts";

interface Deps {
  prisma: PrismaClient;
  catalog: TaxonomyCatalog;
  viewer: Viewer;
}

const MAX_WATCHLISTS_PER_OWNER = 100;

/** The owner of what a viewer saves: the key's user. Anonymous demo readers have none. */
export function ownerOf(viewer: Viewer): string {
  if (!viewer.userId) throw new AppError("UNAUTHENTICATED", "Watchlists belong to a key's user: send an API key.");
  return viewer.userId;
}

/** A live watchlist of the viewer's, or NOT_FOUND (never another owner's: that one does not exist for you). */
export async function findOwnWatchlist(db: PrismaClient | Tx, viewer: Viewer, globalId: string, field = ["id"]) {
  const id = decodeId(globalId, "Watchlist", field);
  const row = await db.watchlist.findFirst({ where: { id, ownerId: ownerOf(viewer), deletedAt: null } });
  if (!row) throw AppError.notFound("Watchlist", globalId, field);
  return row;
}

const criteria = {
  entityIds: boundedList(z.string()).nullish(),
  includeUnits: z.boolean().nullish(),
  regionCodes: boundedList(z.string().trim()).nullish(),
  sectorCodes: boundedList(z.string().trim()).nullish(),
  dealTypes: boundedList(z.enum(DealType)).nullish(),
};
const createSchema = z.object({ name: text(100), ...criteria });
const updateSchema = z.object({ id: z.string(), name: text(100).nullish(), ...criteria });

type Criteria = { [K in keyof typeof criteria]?: z.output<(typeof criteria)[K]> };

/** Checks every id and code in the filter; unknown ones are user errors naming the field. */
async function resolveCriteria(db: Tx, catalog: TaxonomyCatalog, input: Criteria) {
  const entityIds = input.entityIds?.map((id, i) => decodeId(id, "Entity", ["input", "entityIds", String(i)]));
  if (entityIds?.length) {
    const found = await db.entity.findMany({
      where: { id: { in: entityIds }, deletedAt: null, mergedIntoId: null },
      select: { id: true },
    });
    const known = new Set(found.map((e) => e.id));
    entityIds.forEach((id, i) => {
      if (!known.has(id))
        throw AppError.notFound("Entity", input.entityIds?.[i] ?? id, ["input", "entityIds", String(i)]);
    });
  }
  input.regionCodes?.forEach((code, i) => {
    if (!catalog.region(code))
      throw AppError.validation(`Unknown region code "${code}".`, ["input", "regionCodes", String(i)]);
  });
  input.sectorCodes?.forEach((code, i) => {
    if (!catalog.sector(code))
      throw AppError.validation(`Unknown sector code "${code}".`, ["input", "sectorCodes", String(i)]);
  });
  const unique = <T>(list: T[] | null | undefined) => (list ? [...new Set(list)] : undefined);
  return {
    entityIds: unique(entityIds),
    includeUnits: input.includeUnits ?? undefined,
    regionCodes: unique(input.regionCodes),
    sectorCodes: unique(input.sectorCodes),
    dealTypes: unique(input.dealTypes),
  };
}

export async function createWatchlist({ prisma, catalog, viewer }: Deps, raw: unknown) {
  const input = parseInput(createSchema, raw);
  const ownerId = ownerOf(viewer);
  return prisma.$transaction(async (tx) => {
    const owned = await tx.watchlist.count({ where: { ownerId, deletedAt: null } });
    if (owned >= MAX_WATCHLISTS_PER_OWNER)
      throw AppError.conflict(`A user may keep at most ${MAX_WATCHLISTS_PER_OWNER} watchlists.`);
    const resolved = await resolveCriteria(tx, catalog, input);
    const watchlist = await tx.watchlist.create({
      data: {
        ownerId,
        name: input.name,
        entityIds: resolved.entityIds ?? [],
        includeUnits: resolved.includeUnits ?? true,
        regionCodes: resolved.regionCodes ?? [],
        sectorCodes: resolved.sectorCodes ?? [],
        dealTypes: resolved.dealTypes ?? [],
      },
    });
    await recordAudit(tx, viewer, {
      action: "CREATE",
      targetType: "Watchlist",
      targetId: watchlist.id,
      after: watchlist,
    });
    return watchlist;
  });
}

export async function updateWatchlist({ prisma, catalog, viewer }: Deps, raw: unknown) {
  const input = parseInput(updateSchema, raw);
  return prisma.$transaction(async (tx) => {
    const before = await findOwnWatchlist(tx, viewer, input.id, ["input", "id"]);
    const resolved = await resolveCriteria(tx, catalog, input);
    const watchlist = await tx.watchlist.update({
      where: { id: before.id },
      data: { name: input.name ?? undefined, ...resolved },
    });
    await recordAudit(tx, viewer, {
      action: "UPDATE",
      targetType: "Watchlist",
      targetId: watchlist.id,
      before,
      after: watchlist,
    });
    return watchlist;
  });
}

/** Soft-deletes a watchlist: nothing arrives on it any more; its webhook stops. */
export async function deleteWatchlist({ prisma, viewer }: Deps, globalId: string) {
  return prisma.$transaction(async (tx) => {
    const before = await findOwnWatchlist(tx, viewer, globalId);
    const watchlist = await tx.watchlist.update({ where: { id: before.id }, data: { deletedAt: new Date() } });
    await disableWebhook(tx, before.id);
    await recordAudit(tx, viewer, {
      action: "DELETE",
      targetType: "Watchlist",
      targetId: before.id,
      before,
      after: watchlist,
    });
    return watchlist;
  });
}

/**
 * Records the owner's visit: arrivals up to `upTo` (default now, never later than now) are no
 * longer new. The mark only moves forward.
 */
export async function markWatchlistSeen({ prisma, viewer }: Deps, globalId: string, upTo: Date | null = null) {
  const now = new Date();
  if (upTo && Number.isNaN(upTo.getTime())) throw AppError.validation("upTo is not a date.", ["upTo"]);
  const mark = upTo && upTo < now ? upTo : now;
  return prisma.$transaction(async (tx) => {
    const before = await findOwnWatchlist(tx, viewer, globalId);
    const lastSeenAt = mark > before.lastSeenAt ? mark : before.lastSeenAt;
    const watchlist = await tx.watchlist.update({ where: { id: before.id }, data: { lastSeenAt } });
    await recordAudit(tx, viewer, {
      action: "UPDATE",
      targetType: "Watchlist",
      targetId: before.id,
      before: { lastSeenAt: before.lastSeenAt },
      after: { lastSeenAt: watchlist.lastSeenAt },
    });
    return watchlist;
  });
}

export function listWatchlists({ prisma, viewer }: Pick<Deps, "prisma" | "viewer">) {
  return prisma.watchlist.findMany({
    where: { ownerId: ownerOf(viewer), deletedAt: null },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: MAX_WATCHLISTS_PER_OWNER,
  });
}

/** A watchlist by global id, or null when it is not the viewer's (reads never say whose it is). */
export async function getWatchlist({ prisma, viewer }: Pick<Deps, "prisma" | "viewer">, globalId: string) {
  const id = tryDecodeId(globalId, "Watchlist");
  if (!id || !viewer.userId) return null;
  return prisma.watchlist.findFirst({ where: { id, ownerId: viewer.userId, deletedAt: null } });
}

export interface ArrivalRow {
  dealId: string;
  arrivedAt: Date;
}

/** Arrivals on a watchlist, newest first, by keyset cursor (arrivedAt, dealId); `since` keeps later ones only. */
export async function listArrivals(
  prisma: PrismaClient,
  watchlist: WatchlistRow,
  args: { first: number; after: CursorValue[] | null; since?: Date | null },
) {
  const where = [Prisma.sql`m.watchlist_id = ${watchlist.id}::uuid`];
  if (args.since) where.push(Prisma.sql`m.matched_at > ${args.since}`);
  const [at, dealId] = args.after ?? [];
  const page = [...where];
  if (typeof at === "string" && typeof dealId === "string" && isUuid(dealId)) {
    page.push(Prisma.sql`(m.matched_at, m.deal_id) < (${new Date(at)}::timestamptz, ${dealId}::uuid)`);
  } else if (args.after) {
    throw new AppError("BAD_USER_INPUT", `"after" is not a cursor this API issued.`);
  }
  const rows = await prisma.$queryRaw<ArrivalRow[]>`
    SELECT m.deal_id AS "dealId", m.matched_at AS "arrivedAt" FROM watchlist_match m
    JOIN deal d ON d.id = m.deal_id AND d.deleted_at IS NULL AND d.merged_into_id IS NULL
    WHERE ${Prisma.join(page, " AND ")}
    ORDER BY m.matched_at DESC, m.deal_id DESC
    LIMIT ${args.first + 1}`;
  return toConnection(
    rows,
    args.first,
    Boolean(args.after),
    (r) => encodeCursor([r.arrivedAt.toISOString(), r.dealId]),
    async () => {
      const [row] = await prisma.$queryRaw<{ count: bigint }[]>`
        SELECT count(*) AS count FROM watchlist_match m
        JOIN deal d ON d.id = m.deal_id AND d.deleted_at IS NULL AND d.merged_into_id IS NULL
        WHERE ${Prisma.join(where, " AND ")}`;
      return Number(row?.count ?? 0);
    },
  );
}

// ── webhooks ──

const setWebhookSchema = z.object({ watchlistId: z.string(), url: z.string().trim().min(1).max(2000) });

/** A fresh signing secret: 32 random bytes, with a prefix that says what it is. */
const newSecret = () => `whsec_${randomBytes(32).toString("base64url")}`;

/**
 * Sets (or replaces) a watchlist's webhook. The target is resolved and checked now, and again
 * before every delivery. A new secret is made each time and shown once, in the answer.
 */
export async function setWebhook({ prisma, viewer }: Deps, raw: unknown, policy: TargetPolicy) {
  const input = parseInput(setWebhookSchema, raw);
  // Whose watchlist first (cheap), then the target's DNS (slow), then the change.
  await findOwnWatchlist(prisma, viewer, input.watchlistId, ["input", "watchlistId"]);
  const target = await resolveTarget(input.url, policy);
  const secret = newSecret();
  return prisma.$transaction(async (tx) => {
    const watchlist = await findOwnWatchlist(tx, viewer, input.watchlistId, ["input", "watchlistId"]);
    const before = await tx.webhook.findUnique({ where: { watchlistId: watchlist.id } });
    const url = target.url.toString();
    const webhook = await tx.webhook.upsert({
      where: { watchlistId: watchlist.id },
      create: { watchlistId: watchlist.id, url, secret },
      update: { url, secret, disabledAt: null },
    });
    await recordAudit(tx, viewer, {
      action: before ? "UPDATE" : "CREATE",
      targetType: "Webhook",
      targetId: webhook.id,
      before: before ? withoutSecret(before) : undefined,
      after: withoutSecret(webhook),
    });
    return { webhook, secret };
  });
}

/** Stops a watchlist's webhook; deliveries still pending fail with that reason; the log stays. */
export async function removeWebhook({ prisma, viewer }: Deps, watchlistGlobalId: string) {
  return prisma.$transaction(async (tx) => {
    const watchlist = await findOwnWatchlist(tx, viewer, watchlistGlobalId, ["watchlistId"]);
    const before = await tx.webhook.findFirst({ where: { watchlistId: watchlist.id, disabledAt: null } });
    if (!before) throw AppError.notFound("Webhook of watchlist", watchlistGlobalId, ["watchlistId"]);
    const webhook = await disableWebhook(tx, watchlist.id);
    await recordAudit(tx, viewer, {
      action: "DELETE",
      targetType: "Webhook",
      targetId: before.id,
      before: withoutSecret(before),
      after: webhook ? withoutSecret(webhook) : undefined,
    });
    return webhook;
  });
}

async function disableWebhook(tx: Tx, watchlistId: string) {
  const hook = await tx.webhook.findFirst({ where: { watchlistId, disabledAt: null } });
  if (!hook) return null;
  await tx.webhookDelivery.updateMany({
    where: { webhookId: hook.id, status: "PENDING" },
    data: { status: "FAILED", lastError: "the webhook was removed" },
  });
  return tx.webhook.update({ where: { id: hook.id }, data: { disabledAt: new Date() } });
}

/** Sends a FAILED delivery again, from a fresh count of attempts. */
export async function redeliver({ prisma, viewer }: Deps, globalId: string) {
  const id = decodeId(globalId, "WebhookDelivery");
  return prisma.$transaction(async (tx) => {
    const before = await tx.webhookDelivery.findFirst({
      where: { id, webhook: { watchlist: { ownerId: ownerOf(viewer) } } },
      include: { webhook: true },
    });
    if (!before) throw AppError.notFound("Webhook delivery", globalId);
    if (before.status !== "FAILED")
      throw AppError.conflict(`Only a FAILED delivery can be sent again; this one is ${before.status}.`);
    if (before.webhook.disabledAt) throw AppError.conflict("The webhook was removed; set it again first.");
    const delivery = await tx.webhookDelivery.update({
      where: { id },
      data: { status: "PENDING", attempts: 0, nextAttemptAt: new Date(), lastError: null },
    });
    await recordAudit(tx, viewer, {
      action: "UPDATE",
      targetType: "WebhookDelivery",
      targetId: id,
      before: { status: before.status, attempts: before.attempts },
      after: { status: delivery.status, attempts: delivery.attempts },
    });
    return delivery;
  });
}

export function withoutSecret(webhook: WebhookRow) {
  const { secret, ...rest } = webhook;
  return { ...rest, secretPrefix: secret.slice(0, 12) };
}

/** A webhook's deliveries, newest first, by keyset cursor (createdAt, id). */
export async function listDeliveries(
  prisma: PrismaClient,
  webhookId: string,
  args: { first: number; after: CursorValue[] | null; statuses?: ("PENDING" | "DELIVERED" | "FAILED")[] | null },
) {
  const [at, id] = args.after ?? [];
  if (args.after && !(typeof at === "string" && typeof id === "string" && isUuid(id)))
    throw new AppError("BAD_USER_INPUT", `"after" is not a cursor this API issued.`);
  const base: Prisma.WebhookDeliveryWhereInput = {
    webhookId,
    ...(args.statuses?.length ? { status: { in: args.statuses } } : {}),
  };
  const rows = await prisma.webhookDelivery.findMany({
    where: {
      ...base,
      ...(typeof at === "string" && typeof id === "string"
        ? { OR: [{ createdAt: { lt: new Date(at) } }, { createdAt: new Date(at), id: { lt: id } }] }
        : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: args.first + 1,
  });
  return toConnection(
    rows,
    args.first,
    Boolean(args.after),
    (r) => encodeCursor([r.createdAt.toISOString(), r.id]),
    () => prisma.webhookDelivery.count({ where: base }),
  );
}
