import { randomUUID } from "node:crypto";
import type { DealStatus, DealType, EntityKind, PrismaClient } from "@dealgraph/db";

/** Test rows with random names: each test makes its own and shares nothing mutable. */
export function uniqueName(prefix: string): string {
  return `${prefix} ${randomUUID().slice(0, 8)}`;
}

export async function makeEntity(
  prisma: PrismaClient,
  overrides: { name?: string; kind?: EntityKind; parentId?: string | null } = {},
) {
  return prisma.entity.create({
    data: {
      kind: overrides.kind ?? "ORGANIZATION",
      name: overrides.name ?? uniqueName("Fictional Corp"),
      parentId: overrides.parentId ?? null,
      reviewStatus: "ACCEPTED",
    },
  });
}

export async function makeDeal(
  prisma: PrismaClient,
  options: {
    parties: string[];
    type?: DealType;
    status?: DealStatus;
    regionCodes?: string[];
    sectorCodes?: string[];
    announcedAt?: Date;
  },
) {
  return prisma.deal.create({
    data: {
      type: options.type ?? "STRATEGIC_PARTNERSHIP",
      status: options.status ?? "ANNOUNCED",
      title: uniqueName("Fictional deal"),
      announcedAt: options.announcedAt ?? new Date("2024-06-01T00:00:00Z"),
      announcedAtPrecision: "DAY",
      reviewStatus: "ACCEPTED",
      participants: { create: options.parties.map((entityId) => ({ entityId, role: "PARTNER" as const })) },
      regions: { create: (options.regionCodes ?? ["276"]).map((regionCode) => ({ regionCode })) },
      sectors: { create: (options.sectorCodes ?? ["fintech"]).map((sectorCode) => ({ sectorCode })) },
    },
  });
}

/** Row counts of every table a mutation may touch, to prove that a refused one changed nothing. */
export async function tableCounts(prisma: PrismaClient) {
  const [
    entity,
    alias,
    externalId,
    article,
    claim,
    evidence,
    deal,
    participant,
    dealRegion,
    dealSector,
    statusChange,
    watchlist,
    arrival,
    webhook,
    delivery,
    audit,
  ] = await Promise.all([
    prisma.entity.count(),
    prisma.entityAlias.count(),
    prisma.externalId.count(),
    prisma.article.count(),
    prisma.claim.count(),
    prisma.evidence.count(),
    prisma.deal.count(),
    prisma.dealParticipant.count(),
    prisma.dealRegion.count(),
    prisma.dealSector.count(),
    prisma.dealStatusChange.count(),
    prisma.watchlist.count(),
    prisma.watchlistMatch.count(),
    prisma.webhook.count(),
    prisma.webhookDelivery.count(),
    prisma.auditEvent.count(),
  ]);
  return {
    entity,
    alias,
    externalId,
    article,
    claim,
    evidence,
    deal,
    participant,
    dealRegion,
    dealSector,
    statusChange,
    watchlist,
    arrival,
    webhook,
    delivery,
    audit,
  };
}
