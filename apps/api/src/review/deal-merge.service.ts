import type { DatePrecision, DealStatus, PrismaClient } from "@dealgraph/db";
import { recordAudit, type Actor } from "../audit/audit.service.ts";
import { AppError } from "../common/errors.ts";
import { decodeId } from "../common/relay.ts";
import { laterStatus } from "../ingest/ingest.store.ts";
import type { MergeDealsInput, UndoMergeDealsInput } from "./review.input.ts";

interface Deps {
  prisma: PrismaClient;
  viewer: Actor;
}

/** What a deal merge moved and changed, kept in its audit event so that undo puts back exactly that. */
interface DealMergeRecord {
  sourceId: string;
  targetId: string;
  movedParticipants: { entityId: string; role: string }[];
  droppedParticipants: { entityId: string; role: string }[];
  movedRegions: string[];
  droppedRegions: string[];
  movedSectors: string[];
  droppedSectors: string[];
  movedArticles: { articleId: string; addedAt: string }[];
  droppedArticles: { articleId: string; addedAt: string }[];
  claimIds: string[];
  statusChangeIds: string[];
  /** The target's fields as they were before the merge completed them. */
  targetBefore: {
    status: DealStatus;
    firstReportedAt: string;
    announcedAt: string | null;
    announcedAtPrecision: DatePrecision | null;
    amount: string | null;
    currency: string | null;
    amountUsd: string | null;
  };
}

const dec = (value: { toString(): string } | null) => (value === null ? null : value.toString());

/**
 * Merges a duplicate deal into another: its parties, markets, sectors, articles, claims and status
 * history move to the target (rows the target already has are dropped), the target takes the later
 * status, the earlier first report and any date or amount it lacked, and the source keeps its row
 * with `mergedInto` set. The audit event records all of it for undoMergeDeals.
 */
export async function mergeDeals({ prisma, viewer }: Deps, input: MergeDealsInput) {
  const sourceId = decodeId(input.sourceId, "Deal", ["input", "sourceId"]);
  const targetId = decodeId(input.targetId, "Deal", ["input", "targetId"]);
  if (sourceId === targetId) throw AppError.validation("A deal cannot be merged into itself.", ["input", "targetId"]);
  return prisma.$transaction(async (tx) => {
    const live = { deletedAt: null, mergedIntoId: null };
    const include = { participants: true, regions: true, sectors: true, articles: true } as const;
    const source = await tx.deal.findFirst({ where: { id: sourceId, ...live }, include });
    const target = await tx.deal.findFirst({ where: { id: targetId, ...live }, include });
    if (!source) throw AppError.notFound("Deal", input.sourceId, ["input", "sourceId"]);
    if (!target) throw AppError.notFound("Deal", input.targetId, ["input", "targetId"]);

    const split = <T>(rows: T[], has: (row: T) => boolean) => ({
      moved: rows.filter((row) => !has(row)),
      dropped: rows.filter(has),
    });
    const participantKeys = new Set(target.participants.map((p) => `${p.entityId}:${p.role}`));
    const participants = split(source.participants, (p) => participantKeys.has(`${p.entityId}:${p.role}`));
    const regionKeys = new Set(target.regions.map((r) => r.regionCode));
    const regions = split(source.regions, (r) => regionKeys.has(r.regionCode));
    const sectorKeys = new Set(target.sectors.map((s) => s.sectorCode));
    const sectors = split(source.sectors, (s) => sectorKeys.has(s.sectorCode));
    const articleKeys = new Set(target.articles.map((a) => a.articleId));
    const articles = split(source.articles, (a) => articleKeys.has(a.articleId));
    const claimIds = (await tx.claim.findMany({ where: { dealId: sourceId }, select: { id: true } })).map((c) => c.id);
    const statusChangeIds = (
      await tx.dealStatusChange.findMany({ where: { dealId: sourceId }, select: { id: true } })
    ).map((c) => c.id);

    const record: DealMergeRecord = {
      sourceId,
      targetId,
      movedParticipants: participants.moved.map((p) => ({ entityId: p.entityId, role: p.role })),
      droppedParticipants: participants.dropped.map((p) => ({ entityId: p.entityId, role: p.role })),
      movedRegions: regions.moved.map((r) => r.regionCode),
      droppedRegions: regions.dropped.map((r) => r.regionCode),
      movedSectors: sectors.moved.map((s) => s.sectorCode),
      droppedSectors: sectors.dropped.map((s) => s.sectorCode),
      movedArticles: articles.moved.map((a) => ({ articleId: a.articleId, addedAt: a.addedAt.toISOString() })),
      droppedArticles: articles.dropped.map((a) => ({ articleId: a.articleId, addedAt: a.addedAt.toISOString() })),
      claimIds,
      statusChangeIds,
      targetBefore: {
        status: target.status,
        firstReportedAt: target.firstReportedAt.toISOString(),
        announcedAt: target.announcedAt?.toISOString() ?? null,
        announcedAtPrecision: target.announcedAtPrecision,
        amount: dec(target.amount),
        currency: target.currency,
        amountUsd: dec(target.amountUsd),
      },
    };

    // Rows the target already has go; the rest of the source's rows move over in one statement each.
    const bySource = { dealId: sourceId };
    for (const p of participants.dropped)
      await tx.dealParticipant.delete({
        where: { dealId_entityId_role: { ...bySource, entityId: p.entityId, role: p.role } },
      });
    await tx.dealParticipant.updateMany({ where: bySource, data: { dealId: targetId } });
    await tx.dealRegion.deleteMany({ where: { ...bySource, regionCode: { in: record.droppedRegions } } });
    await tx.dealRegion.updateMany({ where: bySource, data: { dealId: targetId } });
    await tx.dealSector.deleteMany({ where: { ...bySource, sectorCode: { in: record.droppedSectors } } });
    await tx.dealSector.updateMany({ where: bySource, data: { dealId: targetId } });
    await tx.dealArticle.deleteMany({
      where: { ...bySource, articleId: { in: record.droppedArticles.map((a) => a.articleId) } },
    });
    await tx.dealArticle.updateMany({ where: bySource, data: { dealId: targetId } });
    await tx.claim.updateMany({ where: { id: { in: claimIds } }, data: { dealId: targetId } });
    await tx.dealStatusChange.updateMany({ where: { id: { in: statusChangeIds } }, data: { dealId: targetId } });

    const completeAmount = target.amount === null && source.amount !== null;
    const deal = await tx.deal.update({
      where: { id: targetId },
      data: {
        status: laterStatus(target.status, source.status),
        firstReportedAt:
          source.firstReportedAt < target.firstReportedAt ? source.firstReportedAt : target.firstReportedAt,
        ...(!target.announcedAt && source.announcedAt
          ? { announcedAt: source.announcedAt, announcedAtPrecision: source.announcedAtPrecision }
          : {}),
        ...(completeAmount ? { amount: source.amount, currency: source.currency, amountUsd: source.amountUsd } : {}),
      },
    });
    await tx.deal.update({ where: { id: sourceId }, data: { mergedIntoId: targetId } });
    const event = await recordAudit(tx, viewer, {
      action: "MERGE",
      targetType: "Deal",
      targetId,
      before: { source, target },
      after: record,
    });
    return { deal, mergeId: event.id.toString() };
  });
}

/** Takes a deal merge back: every row the merge moved or dropped returns to the source. */
export async function undoMergeDeals({ prisma, viewer }: Deps, input: UndoMergeDealsInput) {
  const raw = input.mergeId?.trim() ?? "";
  if (!/^\d{1,18}$/.test(raw)) throw AppError.validation("mergeId is not a merge id.", ["input", "mergeId"]);
  return prisma.$transaction(async (tx) => {
    const event = await tx.auditEvent.findUnique({ where: { id: BigInt(raw) } });
    if (!event || event.action !== "MERGE" || event.targetType !== "Deal")
      throw AppError.notFound("Merge", raw, ["input", "mergeId"]);
    const undone = await tx.auditEvent.findFirst({
      where: { action: "UNMERGE", targetType: "DealMerge", targetId: raw },
    });
    if (undone) throw AppError.conflict("This merge was already undone.", ["input", "mergeId"]);
    const record = event.after as unknown as DealMergeRecord;
    const { sourceId, targetId } = record;
    const source = await tx.deal.findUnique({ where: { id: sourceId } });
    if (source?.mergedIntoId !== targetId)
      throw AppError.conflict("The source deal changed since the merge; undo by hand.", ["input", "mergeId"]);

    const byTarget = { dealId: targetId };
    for (const p of record.movedParticipants)
      await tx.dealParticipant.updateMany({
        where: { ...byTarget, entityId: p.entityId, role: p.role as never },
        data: { dealId: sourceId },
      });
    await tx.dealParticipant.createMany({
      data: record.droppedParticipants.map((p) => ({ dealId: sourceId, entityId: p.entityId, role: p.role as never })),
      skipDuplicates: true,
    });
    await tx.dealRegion.updateMany({
      where: { ...byTarget, regionCode: { in: record.movedRegions } },
      data: { dealId: sourceId },
    });
    await tx.dealRegion.createMany({
      data: record.droppedRegions.map((regionCode) => ({ dealId: sourceId, regionCode })),
      skipDuplicates: true,
    });
    await tx.dealSector.updateMany({
      where: { ...byTarget, sectorCode: { in: record.movedSectors } },
      data: { dealId: sourceId },
    });
    await tx.dealSector.createMany({
      data: record.droppedSectors.map((sectorCode) => ({ dealId: sourceId, sectorCode })),
      skipDuplicates: true,
    });
    await tx.dealArticle.updateMany({
      where: { ...byTarget, articleId: { in: record.movedArticles.map((a) => a.articleId) } },
      data: { dealId: sourceId },
    });
    await tx.dealArticle.createMany({
      data: record.droppedArticles.map((a) => ({
        dealId: sourceId,
        articleId: a.articleId,
        addedAt: new Date(a.addedAt),
      })),
      skipDuplicates: true,
    });
    await tx.claim.updateMany({ where: { id: { in: record.claimIds }, dealId: targetId }, data: { dealId: sourceId } });
    await tx.dealStatusChange.updateMany({
      where: { id: { in: record.statusChangeIds }, dealId: targetId },
      data: { dealId: sourceId },
    });
    const before = record.targetBefore;
    await tx.deal.update({
      where: { id: targetId },
      data: {
        status: before.status,
        firstReportedAt: new Date(before.firstReportedAt),
        announcedAt: before.announcedAt ? new Date(before.announcedAt) : null,
        announcedAtPrecision: before.announcedAtPrecision,
        amount: before.amount,
        currency: before.currency,
        amountUsd: before.amountUsd,
      },
    });
    const restored = await tx.deal.update({ where: { id: sourceId }, data: { mergedIntoId: null } });
    await recordAudit(tx, viewer, {
      action: "UNMERGE",
      targetType: "DealMerge",
      targetId: raw,
      after: { sourceId, targetId },
    });
    return { deal: restored };
  });
}
