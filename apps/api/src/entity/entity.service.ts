import { z } from "zod";
import type { Entity, Prisma, PrismaClient } from "@dealgraph/db";
import { recordAudit, type Actor, type Tx } from "../audit/audit.service.ts";
import { AliasType, EntityKind, ReviewStatus } from "../common/enums.ts";
import { AppError } from "../common/errors.ts";
import { isUniqueViolation } from "../common/prisma-errors.ts";
import { decodeCursor, encodeCursor, toConnection, tryDecodeId, decodeId } from "../common/relay.ts";
import { boundedList, optionalText, parseInput, text } from "../common/validate.ts";
import type { TaxonomyCatalog } from "../taxonomy/taxonomy.catalog.ts";
import type {
  CreateEntityInput,
  EntityFilter,
  MergeEntitiesInput,
  UndoMergeEntitiesInput,
  UpdateEntityInput,
} from "./entity.input.ts";

interface Deps {
  prisma: PrismaClient;
  catalog: TaxonomyCatalog;
  viewer: Actor;
}

export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, "\\$&");
}

function entityWhere(filter: EntityFilter | null | undefined): Prisma.EntityWhereInput {
  const search = filter?.search?.trim();
  return {
    deletedAt: null,
    mergedIntoId: null,
    ...(filter?.kind ? { kind: filter.kind } : {}),
    ...(filter?.reviewStatus ? { reviewStatus: filter.reviewStatus } : {}),
    ...(search
      ? {
          OR: [
            { name: { contains: search, mode: "insensitive" as const } },
            { aliases: { some: { name: { contains: search, mode: "insensitive" as const } } } },
          ],
        }
      : {}),
  };
}

export async function listEntities(
  { prisma }: Pick<Deps, "prisma">,
  args: { first: number; after: string | null; filter?: EntityFilter | null },
) {
  const where = entityWhere(args.filter);
  const [name, id] = args.after ? decodeCursor(args.after) : [];
  const rows = await prisma.entity.findMany({
    where:
      typeof name === "string" && typeof id === "string"
        ? { AND: [where, { OR: [{ name: { gt: name } }, { name, id: { gt: id } }] }] }
        : where,
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: args.first + 1,
  });
  return toConnection(
    rows,
    args.first,
    Boolean(args.after),
    (e) => encodeCursor([e.name, e.id]),
    () => prisma.entity.count({ where }),
  );
}

const aliasSchema = z.object({ name: text(200), type: z.enum(AliasType) });
const externalIdSchema = z.object({
  scheme: z
    .string()
    .trim()
    .regex(/^[A-Z][A-Z0-9_]{1,29}$/, "must be an upper-case scheme such as WIKIDATA"),
  value: text(200),
});
const uniqueBy =
  <T>(key: (item: T) => string, message: string) =>
  (items: T[] | null | undefined, ctx: z.RefinementCtx) => {
    const seen = new Set<string>();
    for (const [index, item] of (items ?? []).entries()) {
      const k = key(item);
      if (seen.has(k)) ctx.addIssue({ code: "custom", message, path: [index] });
      seen.add(k);
    }
  };

const entityFields = {
  name: text(300),
  description: optionalText(4000),
  regionCode: z.string().nullish(),
  parentId: z.string().nullish(),
  aliases: boundedList(aliasSchema)
    .nullish()
    .superRefine(uniqueBy((a) => a.name.toLowerCase(), "alias appears twice")),
  externalIds: boundedList(externalIdSchema, 20)
    .nullish()
    .superRefine(uniqueBy((x) => `${x.scheme}:${x.value}`, "external id appears twice")),
};
const createSchema = z.object({ kind: z.enum(EntityKind), ...entityFields });
const updateSchema = z.object({
  id: z.string(),
  ...entityFields,
  name: entityFields.name.optional(),
  reviewStatus: z.enum(ReviewStatus).nullish(),
});

async function checkReferences(
  tx: Tx,
  catalog: TaxonomyCatalog,
  input: { regionCode?: string | null; parentId?: string | null },
  selfId?: string,
) {
  // An empty code is an unknown code, not "no region" (null says that).
  if (input.regionCode != null && !catalog.region(input.regionCode)) {
    throw AppError.validation(`Unknown region code "${input.regionCode}".`, ["input", "regionCode"]);
  }
  if (!input.parentId) return null;
  const parentId = decodeId(input.parentId, "Entity", ["input", "parentId"]);
  const parent = await tx.entity.findFirst({ where: { id: parentId, deletedAt: null, mergedIntoId: null } });
  if (!parent) throw AppError.notFound("Entity", input.parentId, ["input", "parentId"]);
  if (selfId) {
    // A unit cannot be its own ancestor.
    for (
      let at: Entity | null = parent;
      at;
      at = at.parentId ? await tx.entity.findUnique({ where: { id: at.parentId } }) : null
    ) {
      if (at.id === selfId)
        throw AppError.validation("An entity cannot be a unit of itself or of its own units.", ["input", "parentId"]);
    }
  }
  return parentId;
}

function conflictOnDuplicate(error: unknown): never {
  if (isUniqueViolation(error))
    throw AppError.conflict("An external id given here already belongs to another entity.", ["input", "externalIds"]);
  throw error;
}

export async function createEntity({ prisma, catalog, viewer }: Deps, raw: CreateEntityInput) {
  const input = parseInput(createSchema, raw);
  return prisma
    .$transaction(async (tx) => {
      const parentId = await checkReferences(tx, catalog, input);
      const entity = await tx.entity.create({
        data: {
          kind: input.kind,
          name: input.name,
          description: input.description ?? null,
          regionCode: input.regionCode ?? null,
          parentId,
          reviewStatus: "ACCEPTED",
          aliases: { create: input.aliases ?? [] },
          externalIds: { create: input.externalIds ?? [] },
        },
        include: { aliases: true, externalIds: true },
      });
      await recordAudit(tx, viewer, { action: "CREATE", targetType: "Entity", targetId: entity.id, after: entity });
      return { entity };
    })
    .catch(conflictOnDuplicate);
}

export async function updateEntity({ prisma, catalog, viewer }: Deps, raw: UpdateEntityInput) {
  const input = parseInput(updateSchema, raw);
  const id = decodeId(input.id, "Entity", ["input", "id"]);
  return prisma
    .$transaction(async (tx) => {
      const before = await tx.entity.findFirst({
        where: { id, deletedAt: null },
        include: { aliases: true, externalIds: true },
      });
      if (!before) throw AppError.notFound("Entity", input.id, ["input", "id"]);
      const parentId =
        input.parentId === undefined ? undefined : await checkReferences(tx, catalog, { parentId: input.parentId }, id);
      await checkReferences(tx, catalog, { regionCode: input.regionCode });
      if (input.aliases) await tx.entityAlias.deleteMany({ where: { entityId: id } });
      if (input.externalIds) await tx.externalId.deleteMany({ where: { entityId: id } });
      const entity = await tx.entity.update({
        where: { id },
        data: {
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.description !== undefined ? { description: input.description } : {}),
          ...(input.regionCode !== undefined ? { regionCode: input.regionCode } : {}),
          ...(parentId !== undefined ? { parentId } : {}),
          ...(input.reviewStatus ? { reviewStatus: input.reviewStatus } : {}),
          ...(input.aliases ? { aliases: { create: input.aliases } } : {}),
          ...(input.externalIds ? { externalIds: { create: input.externalIds } } : {}),
        },
        include: { aliases: true, externalIds: true },
      });
      await recordAudit(tx, viewer, { action: "UPDATE", targetType: "Entity", targetId: id, before, after: entity });
      return { entity };
    })
    .catch(conflictOnDuplicate);
}

/** Soft delete or restore: the row stays, lists stop (or start again) showing it. */
export async function setEntityDeleted({ prisma, viewer }: Omit<Deps, "catalog">, globalId: string, deleted: boolean) {
  const id = decodeId(globalId, "Entity");
  return prisma.$transaction(async (tx) => {
    const before = await tx.entity.findUnique({ where: { id } });
    if (!before) throw AppError.notFound("Entity", globalId);
    if (Boolean(before.deletedAt) === deleted) {
      throw AppError.conflict(deleted ? "The entity is already deleted." : "The entity is not deleted.", ["id"]);
    }
    const entity = await tx.entity.update({ where: { id }, data: { deletedAt: deleted ? new Date() : null } });
    await recordAudit(tx, viewer, {
      action: deleted ? "DELETE" : "RESTORE",
      targetType: "Entity",
      targetId: id,
      before,
      after: entity,
    });
    return { entity };
  });
}

/** What a merge moved, kept in its audit event so that undo can put back exactly that. */
interface MergeRecord {
  sourceId: string;
  targetId: string;
  mentionIds: string[];
  subjectClaimIds: string[];
  objectClaimIds: string[];
  evidenceIds: string[];
  movedParticipants: { dealId: string; role: string }[];
  droppedParticipants: { dealId: string; role: string }[];
  aliasIds: string[];
  externalIdIds: string[];
  unitIds: string[];
  addedAliasId: string | null;
}

export async function mergeEntities({ prisma, viewer }: Omit<Deps, "catalog">, input: MergeEntitiesInput) {
  const sourceId = decodeId(input.sourceId, "Entity", ["input", "sourceId"]);
  const targetId = decodeId(input.targetId, "Entity", ["input", "targetId"]);
  if (sourceId === targetId)
    throw AppError.validation("An entity cannot be merged into itself.", ["input", "targetId"]);
  return prisma.$transaction((tx) => mergeEntitiesInTransaction(tx, viewer, input));
}

/** mergeEntities inside the caller's transaction (a review decision merges and records itself at once). */
export async function mergeEntitiesInTransaction(tx: Tx, viewer: Actor, input: MergeEntitiesInput) {
  const sourceId = decodeId(input.sourceId, "Entity", ["input", "sourceId"]);
  const targetId = decodeId(input.targetId, "Entity", ["input", "targetId"]);
  if (sourceId === targetId)
    throw AppError.validation("An entity cannot be merged into itself.", ["input", "targetId"]);
  const live = { deletedAt: null, mergedIntoId: null };
  const source = await tx.entity.findFirst({ where: { id: sourceId, ...live } });
  const target = await tx.entity.findFirst({ where: { id: targetId, ...live } });
  if (!source) throw AppError.notFound("Entity", input.sourceId, ["input", "sourceId"]);
  if (!target) throw AppError.notFound("Entity", input.targetId, ["input", "targetId"]);
  if (source.kind !== target.kind) {
    throw AppError.validation(`Cannot merge a ${source.kind} into a ${target.kind}.`, ["input", "targetId"]);
  }
  const ids = async <T extends { id: string }>(rows: Promise<T[]>) => (await rows).map((r) => r.id);
  const record: MergeRecord = {
    sourceId,
    targetId,
    mentionIds: await ids(tx.mention.findMany({ where: { entityId: sourceId }, select: { id: true } })),
    subjectClaimIds: await ids(tx.claim.findMany({ where: { subjectId: sourceId }, select: { id: true } })),
    objectClaimIds: await ids(tx.claim.findMany({ where: { objectId: sourceId }, select: { id: true } })),
    evidenceIds: await ids(tx.evidence.findMany({ where: { speakerId: sourceId }, select: { id: true } })),
    movedParticipants: [],
    droppedParticipants: [],
    aliasIds: [],
    externalIdIds: await ids(tx.externalId.findMany({ where: { entityId: sourceId }, select: { id: true } })),
    unitIds: await ids(tx.entity.findMany({ where: { parentId: sourceId }, select: { id: true } })),
    addedAliasId: null,
  };
  await tx.mention.updateMany({ where: { id: { in: record.mentionIds } }, data: { entityId: targetId } });
  await tx.claim.updateMany({ where: { id: { in: record.subjectClaimIds } }, data: { subjectId: targetId } });
  await tx.claim.updateMany({ where: { id: { in: record.objectClaimIds } }, data: { objectId: targetId } });
  await tx.evidence.updateMany({ where: { id: { in: record.evidenceIds } }, data: { speakerId: targetId } });
  await tx.externalId.updateMany({ where: { id: { in: record.externalIdIds } }, data: { entityId: targetId } });
  await tx.entity.updateMany({
    where: { id: { in: record.unitIds.filter((id) => id !== targetId) } },
    data: { parentId: targetId },
  });

  const targetRoles = new Set(
    (await tx.dealParticipant.findMany({ where: { entityId: targetId } })).map((p) => `${p.dealId}:${p.role}`),
  );
  for (const p of await tx.dealParticipant.findMany({ where: { entityId: sourceId } })) {
    const key = { dealId: p.dealId, role: p.role };
    if (targetRoles.has(`${p.dealId}:${p.role}`)) {
      record.droppedParticipants.push(key);
      await tx.dealParticipant.delete({ where: { dealId_entityId_role: { ...key, entityId: sourceId } } });
    } else {
      record.movedParticipants.push(key);
      await tx.dealParticipant.update({
        where: { dealId_entityId_role: { ...key, entityId: sourceId } },
        data: { entityId: targetId },
      });
    }
  }

  const targetAliases = new Set(
    [target.name, ...(await tx.entityAlias.findMany({ where: { entityId: targetId } })).map((a) => a.name)].map((n) =>
      n.toLowerCase(),
    ),
  );
  for (const alias of await tx.entityAlias.findMany({ where: { entityId: sourceId } })) {
    if (targetAliases.has(alias.name.toLowerCase())) continue;
    record.aliasIds.push(alias.id);
    targetAliases.add(alias.name.toLowerCase());
  }
  await tx.entityAlias.updateMany({ where: { id: { in: record.aliasIds } }, data: { entityId: targetId } });
  if (!targetAliases.has(source.name.toLowerCase())) {
    const added = await tx.entityAlias.create({ data: { entityId: targetId, name: source.name, type: "TRADE" } });
    record.addedAliasId = added.id;
  }
  await tx.entity.update({ where: { id: sourceId }, data: { mergedIntoId: targetId } });
  const event = await recordAudit(tx, viewer, {
    action: "MERGE",
    targetType: "Entity",
    targetId: targetId,
    before: { source, target },
    after: record,
  });
  return { entity: await tx.entity.findUniqueOrThrow({ where: { id: targetId } }), mergeId: event.id.toString() };
}

export async function undoMergeEntities({ prisma, viewer }: Omit<Deps, "catalog">, input: UndoMergeEntitiesInput) {
  if (!/^\d{1,18}$/.test(input.mergeId)) throw AppError.validation("mergeId is not a merge id.", ["input", "mergeId"]);
  return prisma.$transaction((tx) => undoMergeEntitiesInTransaction(tx, viewer, input));
}

/** undoMergeEntities inside the caller's transaction. */
export async function undoMergeEntitiesInTransaction(tx: Tx, viewer: Actor, input: UndoMergeEntitiesInput) {
  if (!/^\d{1,18}$/.test(input.mergeId)) throw AppError.validation("mergeId is not a merge id.", ["input", "mergeId"]);
  const mergeId = BigInt(input.mergeId);
  const event = await tx.auditEvent.findUnique({ where: { id: mergeId } });
  if (!event || event.action !== "MERGE" || event.targetType !== "Entity") {
    throw AppError.notFound("Merge", input.mergeId, ["input", "mergeId"]);
  }
  const undone = await tx.auditEvent.findFirst({
    where: { action: "UNMERGE", targetType: "EntityMerge", targetId: input.mergeId },
  });
  if (undone) throw AppError.conflict("This merge was already undone.", ["input", "mergeId"]);
  const record = event.after as unknown as MergeRecord;
  const source = await tx.entity.findUnique({ where: { id: record.sourceId } });
  if (source?.mergedIntoId !== record.targetId) {
    throw AppError.conflict("The source entity changed since the merge; undo by hand.", ["input", "mergeId"]);
  }
  const { sourceId, targetId } = record;
  await tx.mention.updateMany({
    where: { id: { in: record.mentionIds }, entityId: targetId },
    data: { entityId: sourceId },
  });
  await tx.claim.updateMany({
    where: { id: { in: record.subjectClaimIds }, subjectId: targetId },
    data: { subjectId: sourceId },
  });
  await tx.claim.updateMany({
    where: { id: { in: record.objectClaimIds }, objectId: targetId },
    data: { objectId: sourceId },
  });
  await tx.evidence.updateMany({
    where: { id: { in: record.evidenceIds }, speakerId: targetId },
    data: { speakerId: sourceId },
  });
  await tx.externalId.updateMany({ where: { id: { in: record.externalIdIds } }, data: { entityId: sourceId } });
  await tx.entity.updateMany({
    where: { id: { in: record.unitIds }, parentId: targetId },
    data: { parentId: sourceId },
  });
  await tx.entityAlias.updateMany({ where: { id: { in: record.aliasIds } }, data: { entityId: sourceId } });
  if (record.addedAliasId) await tx.entityAlias.deleteMany({ where: { id: record.addedAliasId } });
  for (const p of record.movedParticipants) {
    await tx.dealParticipant.updateMany({
      where: { dealId: p.dealId, entityId: targetId, role: p.role as never },
      data: { entityId: sourceId },
    });
  }
  await tx.dealParticipant.createMany({
    data: record.droppedParticipants.map((p) => ({ dealId: p.dealId, entityId: sourceId, role: p.role as never })),
    skipDuplicates: true,
  });
  const restored = await tx.entity.update({ where: { id: sourceId }, data: { mergedIntoId: null } });
  await recordAudit(tx, viewer, {
    action: "UNMERGE",
    targetType: "EntityMerge",
    targetId: input.mergeId,
    after: { sourceId, targetId },
  });
  return { entity: restored };
}

/** Entities by global id for `entity(id)`; deleted ones are returned too (curators restore them). */
export async function getEntity(
  loaders: { entityById: { load(id: string): Promise<Entity | null> } },
  globalId: string,
) {
  const id = tryDecodeId(globalId, "Entity");
  return id ? loaders.entityById.load(id) : null;
}
