import { z } from "zod";
import { Prisma, type PrismaClient, type ReviewStatus } from "@dealgraph/db";
import { recordAudit, toJson, type Actor } from "../audit/audit.service.ts";
import { AppError } from "../common/errors.ts";
import { decodeCursor, decodeId, encodeCursor, isUuid, toConnection } from "../common/relay.ts";
import { optionalText, parseInput } from "../common/validate.ts";
import { mergeEntitiesInTransaction, undoMergeEntitiesInTransaction } from "../entity/entity.service.ts";
import type { Tracking } from "../watchlist/tracking.ts";
import { recordArrivals } from "../watchlist/watchlist.arrivals.ts";
import { ReviewKind, type ReviewDealInput, type ReviewEntityInput, type UndoReviewInput } from "./review.input.ts";

interface Deps {
  prisma: PrismaClient;
  viewer: Actor;
  tracking?: Tracking | null;
}

export interface QueueRow {
  kind: ReviewKind;
  id: string;
  proposedAt: Date;
  confidence: number | null;
}

const ALL_KINDS = [ReviewKind.CLAIM, ReviewKind.DEAL, ReviewKind.ENTITY];

/** Proposed claims, deals and entities, newest first, in one keyset-paginated statement. */
export async function listReviewQueue(
  { prisma }: Pick<Deps, "prisma">,
  args: { first: number; after: string | null; kinds?: ReviewKind[] | null },
) {
  const kinds = new Set(args.kinds?.length ? args.kinds : ALL_KINDS);
  const branches: Prisma.Sql[] = [];
  if (kinds.has(ReviewKind.CLAIM))
    branches.push(Prisma.sql`SELECT 'CLAIM' AS kind, c.id, c.created_at AS at, c.confidence FROM claim c
      WHERE c.review_status = 'PROPOSED' AND c.deleted_at IS NULL`);
  if (kinds.has(ReviewKind.DEAL))
    branches.push(Prisma.sql`SELECT 'DEAL' AS kind, d.id, d.created_at AS at, d.confidence FROM deal d
      WHERE d.review_status = 'PROPOSED' AND d.deleted_at IS NULL AND d.merged_into_id IS NULL`);
  if (kinds.has(ReviewKind.ENTITY))
    branches.push(Prisma.sql`SELECT 'ENTITY' AS kind, e.id, e.created_at AS at, NULL::float8 AS confidence FROM entity e
      WHERE e.review_status = 'PROPOSED' AND e.deleted_at IS NULL AND e.merged_into_id IS NULL`);
  const union = Prisma.join(branches, " UNION ALL ");
  let keyset = Prisma.empty;
  if (args.after) {
    const [at, id] = decodeCursor(args.after);
    if (typeof at !== "string" || typeof id !== "string" || Number.isNaN(Date.parse(at)) || !isUuid(id))
      throw new AppError("BAD_USER_INPUT", `"after" is not a cursor this API issued.`);
    keyset = Prisma.sql`WHERE (q.at, q.id) < (${at}::timestamptz, ${id}::uuid)`;
  }
  const rows = await prisma.$queryRaw<{ kind: ReviewKind; id: string; at: Date; confidence: number | null }[]>`
    SELECT q.kind, q.id, q.at, q.confidence FROM (${union}) q ${keyset}
    ORDER BY q.at DESC, q.id DESC LIMIT ${args.first + 1}`;
  return toConnection<QueueRow>(
    rows.map((r) => ({ kind: r.kind, id: r.id, proposedAt: r.at, confidence: r.confidence })),
    args.first,
    Boolean(args.after),
    (r) => encodeCursor([r.proposedAt.toISOString(), r.id]),
    async () => {
      const [row] = await prisma.$queryRaw<{ count: bigint }[]>`SELECT count(*) AS count FROM (${union}) q`;
      return Number(row?.count ?? 0);
    },
  );
}

export interface ReviewLogRow {
  auditEventId: string;
  at: Date;
  actor: string;
  kind: ReviewKind;
  targetId: string;
  from: ReviewStatus | null;
  to: ReviewStatus | null;
  reason: string | null;
  undone: boolean;
}

const KIND_OF_TARGET: Record<string, ReviewKind> = {
  Claim: ReviewKind.CLAIM,
  Deal: ReviewKind.DEAL,
  Entity: ReviewKind.ENTITY,
};

/** Review decisions, newest first, each with whether it was undone. */
export async function listReviewLog({ prisma }: Pick<Deps, "prisma">, args: { first: number; after: string | null }) {
  let keyset = Prisma.empty;
  if (args.after) {
    const [id] = decodeCursor(args.after);
    if (typeof id !== "string" || !/^\d{1,18}$/.test(id))
      throw new AppError("BAD_USER_INPUT", `"after" is not a cursor this API issued.`);
    keyset = Prisma.sql`AND a.id < ${BigInt(id)}`;
  }
  const where = Prisma.sql`a.action = 'REVIEW' AND a.target_type IN ('Claim', 'Deal', 'Entity')`;
  const rows = await prisma.$queryRaw<
    {
      id: bigint;
      at: Date;
      actor: string;
      targetType: string;
      targetId: string;
      before: Record<string, unknown> | null;
      after: Record<string, unknown> | null;
      undone: boolean;
    }[]
  >`
    SELECT a.id, a.at, a.actor, a.target_type AS "targetType", a.target_id AS "targetId", a.before, a.after,
      EXISTS (SELECT 1 FROM audit_event u WHERE u.action = ${UNDO} AND u.target_type = 'Review'
        AND u.target_id = a.id::text) AS undone
    FROM audit_event a WHERE ${where} ${keyset}
    ORDER BY a.id DESC LIMIT ${args.first + 1}`;
  const status = (value: unknown) =>
    value === "PROPOSED" || value === "ACCEPTED" || value === "REJECTED" ? value : null;
  return toConnection<ReviewLogRow>(
    rows.map((r) => ({
      auditEventId: r.id.toString(),
      at: r.at,
      actor: r.actor,
      kind: KIND_OF_TARGET[r.targetType] ?? ReviewKind.CLAIM,
      targetId: r.targetId,
      from: status(r.before?.reviewStatus),
      to: status(r.after?.reviewStatus),
      reason: typeof r.after?.reviewReason === "string" ? r.after.reviewReason : null,
      undone: r.undone,
    })),
    args.first,
    Boolean(args.after),
    (r) => encodeCursor([r.auditEventId]),
    async () => {
      const [row] = await prisma.$queryRaw<
        { count: bigint }[]
      >`SELECT count(*) AS count FROM audit_event a WHERE ${where}`;
      return Number(row?.count ?? 0);
    },
  );
}

const decision = z.enum(["ACCEPT", "REJECT"]);
const needsReason = (r: { decision: string; reason?: string | null }) => r.decision === "ACCEPT" || Boolean(r.reason);
const reviewDealSchema = z
  .object({ id: z.string(), decision, reason: optionalText(2000) })
  .refine(needsReason, { message: "a rejection needs a reason", path: ["reason"] });
const reviewEntitySchema = z
  .object({ id: z.string(), decision, reason: optionalText(2000), mergeIntoId: z.string().nullish() })
  .refine(needsReason, { message: "a rejection needs a reason", path: ["reason"] })
  .refine((r) => !r.mergeIntoId || r.decision === "ACCEPT", {
    message: "only an accepted entity can be merged into another",
    path: ["mergeIntoId"],
  });

/**
 * Accepts or rejects a deal. Accepting it makes it count in `deals` and `dealStats`, accepts
 * its parties that were still proposed (the audit event names them, so undo puts them back), and
 * delivers it to the watchlists it matches.
 */
export async function reviewDeal({ prisma, viewer, tracking }: Deps, raw: ReviewDealInput) {
  const input = parseInput(reviewDealSchema, raw);
  const id = decodeId(input.id, "Deal", ["input", "id"]);
  const result = await prisma.$transaction(async (tx) => {
    const before = await tx.deal.findFirst({ where: { id, deletedAt: null } });
    if (!before) throw AppError.notFound("Deal", input.id, ["input", "id"]);
    if (before.mergedIntoId)
      throw AppError.conflict("The deal was merged into another one; review that one.", ["input", "id"]);
    const accept = input.decision === "ACCEPT";
    const deal = await tx.deal.update({
      where: { id },
      data: { reviewStatus: accept ? "ACCEPTED" : "REJECTED", reviewReason: input.reason ?? null },
    });
    const acceptedEntityIds = accept
      ? (
          await tx.entity.findMany({
            where: { reviewStatus: "PROPOSED", deletedAt: null, participants: { some: { dealId: id } } },
            select: { id: true },
          })
        ).map((e) => e.id)
      : [];
    if (acceptedEntityIds.length)
      await tx.entity.updateMany({ where: { id: { in: acceptedEntityIds } }, data: { reviewStatus: "ACCEPTED" } });
    const event = await recordAudit(tx, viewer, {
      action: "REVIEW",
      targetType: "Deal",
      targetId: id,
      before,
      after: { ...deal, acceptedEntityIds },
    });
    // The deal arrives on matching watchlists with the decision (once: an undo does not unsend it).
    const arrivals = accept ? await recordArrivals(tx, [id]) : [];
    return { deal, auditEventId: event.id.toString(), arrivals };
  });
  tracking?.announce(result.arrivals);
  return result;
}

/** Accepts, rejects, or (accepting it as a known entity) merges a proposed entity into an existing one. */
export async function reviewEntity({ prisma, viewer }: Deps, raw: ReviewEntityInput) {
  const input = parseInput(reviewEntitySchema, raw);
  const id = decodeId(input.id, "Entity", ["input", "id"]);
  const mergeIntoId = input.mergeIntoId ? decodeId(input.mergeIntoId, "Entity", ["input", "mergeIntoId"]) : null;
  if (mergeIntoId === id)
    throw AppError.validation("An entity cannot be merged into itself.", ["input", "mergeIntoId"]);
  return prisma.$transaction(async (tx) => {
    const live = { deletedAt: null, mergedIntoId: null };
    const before = await tx.entity.findFirst({ where: { id, ...live } });
    if (!before) throw AppError.notFound("Entity", input.id, ["input", "id"]);
    if (mergeIntoId) {
      const target = await tx.entity.findFirst({ where: { id: mergeIntoId, ...live } });
      if (!target) throw AppError.notFound("Entity", input.mergeIntoId ?? "", ["input", "mergeIntoId"]);
      if (target.kind !== before.kind)
        throw AppError.validation(`Cannot merge a ${before.kind} into a ${target.kind}.`, ["input", "mergeIntoId"]);
      const merged = await mergeEntitiesInTransaction(tx, viewer, {
        sourceId: input.id,
        targetId: input.mergeIntoId ?? "",
      });
      const event = await recordAudit(tx, viewer, {
        action: "REVIEW",
        targetType: "Entity",
        targetId: id,
        before,
        after: { ...before, reviewReason: input.reason ?? null, mergedIntoId: mergeIntoId, mergeId: merged.mergeId },
      });
      return { entity: merged.entity, auditEventId: event.id.toString(), mergeId: merged.mergeId };
    }
    const entity = await tx.entity.update({
      where: { id },
      data: { reviewStatus: input.decision === "ACCEPT" ? "ACCEPTED" : "REJECTED", reviewReason: input.reason ?? null },
    });
    const event = await recordAudit(tx, viewer, {
      action: "REVIEW",
      targetType: "Entity",
      targetId: id,
      before,
      after: entity,
    });
    return { entity, auditEventId: event.id.toString(), mergeId: null };
  });
}

/** Audit action of an undone review; its target is the review's audit event. */
const UNDO = "UNDO";

interface ReviewSnapshot {
  reviewStatus?: ReviewStatus;
  reviewReason?: string | null;
  acceptedEntityIds?: string[];
  mergeId?: string;
}

/**
 * Takes a review decision back: the item gets the review state it had before (a merge made by the
 * decision is undone, parties accepted with a deal are proposed again). It refuses when the item
 * was reviewed again since; undo the later decision first. Alerts already sent stay sent.
 */
export async function undoReview({ prisma, viewer }: Deps, input: UndoReviewInput) {
  const raw = input.auditEventId?.trim() ?? "";
  if (!/^\d{1,18}$/.test(raw))
    throw AppError.validation("auditEventId is not an audit event id.", ["input", "auditEventId"]);
  return prisma.$transaction(async (tx) => {
    const event = await tx.auditEvent.findUnique({ where: { id: BigInt(raw) } });
    const kind = event && event.action === "REVIEW" ? KIND_OF_TARGET[event.targetType] : undefined;
    if (!event || !kind) throw AppError.notFound("Review decision", raw, ["input", "auditEventId"]);
    const undone = await tx.auditEvent.findFirst({ where: { action: UNDO, targetType: "Review", targetId: raw } });
    if (undone) throw AppError.conflict("This decision was already undone.", ["input", "auditEventId"]);
    const before = (event.before ?? {}) as ReviewSnapshot;
    const after = (event.after ?? {}) as ReviewSnapshot;
    const restore = { reviewStatus: before.reviewStatus ?? "PROPOSED", reviewReason: before.reviewReason ?? null };
    const changedSince = () =>
      AppError.conflict("It was reviewed again since; undo the later decision first.", ["input", "auditEventId"]);

    let result: { kind: ReviewKind; claim?: unknown; deal?: unknown; entity?: unknown };
    let current: unknown;
    if (kind === ReviewKind.CLAIM) {
      current = await tx.claim.findUnique({ where: { id: event.targetId } });
      if (!current) throw AppError.notFound("Claim", event.targetId, ["input", "auditEventId"]);
      if ((current as ReviewSnapshot).reviewStatus !== after.reviewStatus) throw changedSince();
      result = { kind, claim: await tx.claim.update({ where: { id: event.targetId }, data: restore }) };
    } else if (kind === ReviewKind.DEAL) {
      current = await tx.deal.findUnique({ where: { id: event.targetId } });
      if (!current) throw AppError.notFound("Deal", event.targetId, ["input", "auditEventId"]);
      if ((current as ReviewSnapshot).reviewStatus !== after.reviewStatus) throw changedSince();
      if (after.acceptedEntityIds?.length)
        await tx.entity.updateMany({
          where: { id: { in: after.acceptedEntityIds }, reviewStatus: "ACCEPTED" },
          data: { reviewStatus: "PROPOSED" },
        });
      result = { kind, deal: await tx.deal.update({ where: { id: event.targetId }, data: restore }) };
    } else {
      current = await tx.entity.findUnique({ where: { id: event.targetId } });
      if (!current) throw AppError.notFound("Entity", event.targetId, ["input", "auditEventId"]);
      if ((current as ReviewSnapshot).reviewStatus !== after.reviewStatus) throw changedSince();
      if (after.mergeId) {
        try {
          await undoMergeEntitiesInTransaction(tx, viewer, { mergeId: after.mergeId });
        } catch (error) {
          if (error instanceof AppError && error.isUserError)
            throw new AppError(error.code, error.message, ["input", "auditEventId"]);
          throw error;
        }
      }
      result = { kind, entity: await tx.entity.update({ where: { id: event.targetId }, data: restore }) };
    }
    await tx.auditEvent.create({
      data: {
        actor: viewer.actor,
        requestId: viewer.requestId,
        action: UNDO,
        targetType: "Review",
        targetId: raw,
        before: toJson({ targetType: event.targetType, targetId: event.targetId, ...pick(current) }),
        after: toJson({ targetType: event.targetType, targetId: event.targetId, ...restore }),
      },
    });
    return result;
  });
}

function pick(row: unknown) {
  const { reviewStatus, reviewReason } = (row ?? {}) as ReviewSnapshot;
  return { reviewStatus, reviewReason };
}
