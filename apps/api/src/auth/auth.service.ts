import { z } from "zod";
import type { PrismaClient, Role } from "@dealgraph/db";
import { recordAudit } from "../audit/audit.service.ts";
import { AppError } from "../common/errors.ts";
import { decodeId } from "../common/relay.ts";
import { parseInput, text } from "../common/validate.ts";
import { generateApiKey, hashApiKey, hashesMatch, prefixOf } from "./api-key.ts";
import type { Viewer } from "./viewer.ts";

const createSchema = z.object({
  userName: text(100).regex(/^[\w.@-]+$/, "may hold letters, digits and . _ @ - only"),
  role: z.enum(["VIEWER", "ANALYST", "ADMIN"]),
  keyName: text(100),
  ratePointsPerMinute: z.number().int().min(1).max(1_000_000_000).nullish(),
});

/**
 * Creates a key (and its user when new). The key is returned once, here; only its hash is kept.
 * An existing user keeps their role unless `role` raises or lowers it explicitly.
 */
export async function createApiKey(
  { prisma, viewer }: { prisma: PrismaClient; viewer: Viewer },
  raw: { userName: string; role: Role; keyName: string; ratePointsPerMinute?: number | null },
) {
  const input = parseInput(createSchema, raw);
  const { key, prefix, hash } = generateApiKey();
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.upsert({
      where: { name: input.userName },
      create: { name: input.userName, role: input.role },
      update: { role: input.role, disabledAt: null },
    });
    const apiKey = await tx.apiKey.create({
      data: {
        userId: user.id,
        name: input.keyName,
        prefix,
        hash,
        ratePointsPerMinute: input.ratePointsPerMinute ?? null,
      },
    });
    await recordAudit(tx, viewer, {
      action: "CREATE",
      targetType: "ApiKey",
      targetId: apiKey.id,
      after: {
        prefix,
        name: apiKey.name,
        user: user.name,
        role: user.role,
        ratePointsPerMinute: apiKey.ratePointsPerMinute,
      },
    });
    return { key, apiKey, user };
  });
}

/** Revokes a key by id or prefix; it stops working at the next request. */
export async function revokeApiKey({ prisma, viewer }: { prisma: PrismaClient; viewer: Viewer }, idOrPrefix: string) {
  const where = idOrPrefix.startsWith("dg_") ? { prefix: idOrPrefix } : { id: decodeId(idOrPrefix, "ApiKey", ["id"]) };
  return prisma.$transaction(async (tx) => {
    const before = await tx.apiKey.findUnique({ where });
    if (!before) throw AppError.notFound("API key", idOrPrefix);
    if (before.revokedAt) throw AppError.conflict("The key is already revoked.", ["id"]);
    const apiKey = await tx.apiKey.update({ where: { id: before.id }, data: { revokedAt: new Date() } });
    await recordAudit(tx, viewer, {
      action: "DELETE",
      targetType: "ApiKey",
      targetId: apiKey.id,
      before: { prefix: before.prefix },
      after: { revokedAt: apiKey.revokedAt },
    });
    return { apiKey };
  });
}

const lastUsedWrites = new Map<string, number>();

/**
 * The viewer behind a key, checked on every request (revocation takes effect at once). Throws
 * UNAUTHENTICATED for a malformed, unknown, revoked or disabled key.
 */
export async function authenticate(prisma: PrismaClient, key: string, requestId?: string): Promise<Viewer> {
  const prefix = prefixOf(key);
  const row = prefix ? await prisma.apiKey.findUnique({ where: { prefix }, include: { user: true } }) : null;
  if (!row || row.revokedAt || row.user.disabledAt || !hashesMatch(row.hash, hashApiKey(key))) {
    throw new AppError("UNAUTHENTICATED", "The API key is not valid (unknown, revoked or malformed).");
  }
  // Record use at most once a minute per key: a write per request would cost more than it tells.
  const now = Date.now();
  if ((lastUsedWrites.get(row.id) ?? 0) < now - 60_000) {
    lastUsedWrites.set(row.id, now);
    void prisma.apiKey.update({ where: { id: row.id }, data: { lastUsedAt: new Date(now) } }).catch(() => {});
  }
  return {
    actor: `user:${row.user.name}`,
    role: row.user.role,
    userId: row.user.id,
    keyId: row.id,
    ratePointsPerMinute: row.ratePointsPerMinute,
    requestId,
  };
}
