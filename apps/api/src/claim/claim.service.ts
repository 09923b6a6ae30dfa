import { z } from "zod";
import { Prisma, toUsd, type Claim, type Database, type PrismaClient } from "@dealgraph/db";
import { recordAudit, type Actor, type Tx } from "../audit/audit.service.ts";
import { DatePrecision, Modality, Predicate, Rank, type ReviewStatus } from "../common/enums.ts";
import { CLAIM_COLUMNS } from "../common/columns.ts";
import { AppError } from "../common/errors.ts";
import {
  decodeCursor,
  decodeId,
  encodeCursor,
  isTimestamp,
  isUuid,
  toConnection,
  tryDecodeId,
} from "../common/relay.ts";
import { boundedList, currencyCode, isoDay, optionalText, parseInput } from "../common/validate.ts";
import type { TaxonomyCatalog } from "../taxonomy/taxonomy.catalog.ts";
import type { ClaimFilter, CreateClaimInput, ReviewClaimInput, UpdateClaimInput } from "./claim.input.ts";

interface Deps {
  prisma: PrismaClient;
  catalog: TaxonomyCatalog;
  viewer: Actor;
}

export type ClaimSide = "SUBJECT" | "OBJECT" | "ANY";

/** Claims matching a filter; ids that decode to nothing match nothing. */
export function claimWhere(
  filter: ClaimFilter | null | undefined,
  about?: { entityId: string; side: ClaimSide },
): Prisma.ClaimWhereInput {
  const where: Prisma.ClaimWhereInput = { deletedAt: null };
  const impossible = "00000000-0000-0000-0000-000000000000";
  const decode = (id: string | null | undefined, type: "Entity" | "Article") =>
    id ? (tryDecodeId(id, type) ?? impossible) : undefined;
  const subjectId = decode(filter?.subjectId, "Entity");
  const objectId = decode(filter?.objectId, "Entity");
  const articleId = decode(filter?.articleId, "Article");
  if (subjectId) where.subjectId = subjectId;
  if (objectId) where.objectId = objectId;
  if (articleId) where.evidence = { some: { articleId } };
  if (filter?.predicate) where.predicate = filter.predicate;
  if (filter?.reviewStatus) where.reviewStatus = filter.reviewStatus;
  if (filter?.modality) where.modality = filter.modality;
  if (about) {
    if (about.side === "SUBJECT") where.AND = [{ subjectId: about.entityId }];
    else if (about.side === "OBJECT") where.AND = [{ objectId: about.entityId }];
    else where.AND = [{ OR: [{ subjectId: about.entityId }, { objectId: about.entityId }] }];
  }
  return where;
}

export async function listClaims(
  { prisma }: Pick<Deps, "prisma">,
  args: { first: number; after: string | null; where: Prisma.ClaimWhereInput },
) {
  const [createdAt, id] = args.after ? decodeCursor(args.after) : [];
  const keyset: Prisma.ClaimWhereInput | undefined =
    typeof createdAt === "string" && typeof id === "string"
      ? { OR: [{ createdAt: { gt: new Date(createdAt) } }, { createdAt: new Date(createdAt), id: { gt: id } }] }
      : undefined;
  const rows = await prisma.claim.findMany({
    where: keyset ? { AND: [args.where, keyset] } : args.where,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: args.first + 1,
  });
  return toConnection(
    rows,
    args.first,
    Boolean(args.after),
    (c) => encodeCursor([c.createdAt.toISOString(), c.id]),
    () => prisma.claim.count({ where: args.where }),
  );
}

/**
 * Claims with an entity on either side. An OR of the two sides would fetch and sort every claim of
 * the entity (15,000 for the busiest company); instead one statement makes two ordered, limited
 * scans of the partial indexes on subject and on object (`claim_subject_live_idx`,
 * `claim_object_live_idx`) and merges them. The count adds the two sides and takes away the claims
 * about the entity itself; with `withTotal` it comes in the same statement as the page.
 */
export async function listClaimsOfEntity(
  { db }: { db: Pick<Database, "read"> },
  args: {
    first: number;
    after: string | null;
    entityId: string;
    predicate?: Predicate;
    reviewStatus?: ReviewStatus;
    withTotal?: boolean;
  },
) {
  const conditions = [
    Prisma.sql`c.deleted_at IS NULL`,
    ...(args.predicate ? [Prisma.sql`c.predicate = ${args.predicate}::"Predicate"`] : []),
    ...(args.reviewStatus ? [Prisma.sql`c.review_status = ${args.reviewStatus}::"ReviewStatus"`] : []),
  ];
  const [createdAt, id] = args.after ? decodeCursor(args.after) : [];
  if (args.after && !(isTimestamp(createdAt) && typeof id === "string" && isUuid(id)))
    throw new AppError("BAD_USER_INPUT", `"after" is not a cursor this API issued.`);
  const filter = Prisma.join(conditions, " AND ");
  const entity = Prisma.sql`${args.entityId}::uuid`;
  const keyset = args.after
    ? Prisma.sql`AND (c.created_at, c.id) > (${createdAt}::timestamptz, ${id}::uuid)`
    : Prisma.empty;
  const side = (column: Prisma.Sql) => Prisma.sql`(
    SELECT ${CLAIM_COLUMNS} FROM claim c WHERE ${filter} AND ${column} = ${entity} ${keyset}
    ORDER BY c.created_at, c.id LIMIT ${args.first + 1})`;
  const page = Prisma.sql`SELECT * FROM (${side(Prisma.sql`c.subject_id`)} UNION ${side(Prisma.sql`c.object_id`)}) both_sides`;
  const total = Prisma.sql`
    (SELECT count(*) FROM claim c WHERE ${filter} AND c.subject_id = ${entity})
    + (SELECT count(*) FROM claim c WHERE ${filter} AND c.object_id = ${entity})
    - (SELECT count(*) FROM claim c WHERE ${filter} AND c.subject_id = ${entity} AND c.object_id = ${entity})`;
  // With the total: one row even when the page is empty (a page past the end still has a total).
  // The text varies only with which filters are given: prepared (a handful of variants).
  const rows = await db.read<Claim & { total?: bigint }>(
    args.withTotal
      ? Prisma.sql`SELECT ${total} AS total, page.* FROM (SELECT 1) one LEFT JOIN (${page}) page ON true
          ORDER BY page."createdAt", page.id LIMIT ${args.first + 1}`
      : Prisma.sql`${page} ORDER BY "createdAt", id LIMIT ${args.first + 1}`,
    { prepared: true },
  );
  const counted = rows[0]?.total;
  const claims: Claim[] = rows.filter((row) => row.id !== null).map(({ total: _total, ...claim }) => claim);
  return toConnection(
    claims,
    args.first,
    Boolean(args.after),
    (c) => encodeCursor([c.createdAt.toISOString(), c.id]),
    async () => {
      if (counted !== undefined) return Number(counted);
      const [row] = await db.read<{ count: bigint }>(Prisma.sql`SELECT ${total} AS count`, { prepared: true });
      return Number(row?.count ?? 0);
    },
  );
}

const fuzzyDate = z.object({ date: isoDay, precision: z.enum(DatePrecision) });
const money = z.object({ amount: z.number().finite().min(0).max(1e15), currency: currencyCode });
const valueSchema = z
  .object({
    text: optionalText(4000),
    number: z.number().finite().nullish(),
    unit: optionalText(200),
    date: fuzzyDate.nullish(),
    money: money.nullish(),
  })
  .refine((v) => [v.text && v.number == null, v.number != null, v.date, v.money].filter(Boolean).length === 1, {
    message: "give exactly one of text, number (with an optional unit), date or money",
  });
const qualifiersSchema = z.object({
  date: fuzzyDate.nullish(),
  regionCode: z.string().nullish(),
  sectorCode: z.string().nullish(),
  amount: money.nullish(),
  role: optionalText(200),
});
const evidenceSchema = z
  .object({
    articleId: z.string(),
    start: z.number().int().min(0),
    end: z.number().int().min(1),
    quote: z.string().nullish(),
    speakerId: z.string().nullish(),
    speakerRole: optionalText(300),
  })
  .refine((e) => e.end > e.start, { message: "end must be after start", path: ["end"] });
const claimFields = {
  predicate: z.enum(Predicate),
  objectId: z.string().nullish(),
  value: valueSchema.nullish(),
  qualifiers: qualifiersSchema.nullish(),
  modality: z.enum(Modality).nullish(),
  confidence: z.number().min(0, "must be between 0 and 1").max(1, "must be between 0 and 1").nullish(),
  rank: z.enum(Rank).nullish(),
};
const createSchema = z
  .object({
    subjectId: z.string(),
    ...claimFields,
    dealId: z.string().nullish(),
    evidence: boundedList(evidenceSchema, 20).nullish(),
  })
  .refine((c) => Boolean(c.objectId) !== Boolean(c.value), {
    message: "give either objectId or value",
    path: ["objectId"],
  });
const updateSchema = z
  .object({ id: z.string(), ...claimFields, predicate: claimFields.predicate.nullish() })
  .refine((c) => !(c.objectId && c.value), { message: "give either objectId or value, not both", path: ["objectId"] });

const dayOf = (date: string) => new Date(`${date}T00:00:00Z`);

async function requireEntity(tx: Tx, globalId: string, field: string[]) {
  const id = decodeId(globalId, "Entity", field);
  if (!(await tx.entity.findFirst({ where: { id, deletedAt: null }, select: { id: true } })))
    throw AppError.notFound("Entity", globalId, field);
  return id;
}

function valueColumns(value: z.output<typeof valueSchema> | null | undefined, objectId: string | null) {
  if (objectId)
    return {
      valueKind: "ENTITY" as const,
      objectId,
      valueText: null,
      valueNumber: null,
      valueUnit: null,
      valueDate: null,
      valueDatePrecision: null,
    };
  const base = {
    objectId: null,
    valueText: null,
    valueNumber: null,
    valueUnit: null,
    valueDate: null,
    valueDatePrecision: null,
  };
  if (value?.date)
    return {
      ...base,
      valueKind: "DATE" as const,
      valueDate: dayOf(value.date.date),
      valueDatePrecision: value.date.precision,
    };
  if (value?.money)
    return { ...base, valueKind: "MONEY" as const, valueNumber: value.money.amount, valueUnit: value.money.currency };
  if (value?.number != null)
    return {
      ...base,
      valueKind: "NUMBER" as const,
      valueNumber: value.number,
      valueUnit: value.unit ?? null,
      valueText: value.text ?? null,
    };
  return { ...base, valueKind: "TEXT" as const, valueText: value?.text ?? null };
}

function qualifierColumns(catalog: TaxonomyCatalog, q: z.output<typeof qualifiersSchema> | null | undefined) {
  if (q?.regionCode != null && !catalog.region(q.regionCode))
    throw AppError.validation(`Unknown region code "${q.regionCode}".`, ["input", "qualifiers", "regionCode"]);
  if (q?.sectorCode != null && !catalog.sector(q.sectorCode))
    throw AppError.validation(`Unknown sector code "${q.sectorCode}".`, ["input", "qualifiers", "sectorCode"]);
  if (q?.amount && toUsd(q.amount.amount, q.amount.currency) === undefined) {
    throw AppError.validation(`No exchange rate for ${q.amount.currency}.`, [
      "input",
      "qualifiers",
      "amount",
      "currency",
    ]);
  }
  return {
    qualifierDate: q?.date ? dayOf(q.date.date) : null,
    qualifierDatePrecision: q?.date?.precision ?? null,
    qualifierRegionCode: q?.regionCode ?? null,
    qualifierSectorCode: q?.sectorCode ?? null,
    qualifierAmount: q?.amount?.amount ?? null,
    qualifierCurrency: q?.amount?.currency ?? null,
    qualifierRole: q?.role ?? null,
  };
}

/** Checks each evidence against its article's text and returns rows ready to insert. */
async function resolveEvidence(tx: Tx, evidence: z.output<typeof evidenceSchema>[]) {
  const rows = [];
  for (const [index, e] of evidence.entries()) {
    const field = (name: string) => ["input", "evidence", String(index), name];
    const articleId = decodeId(e.articleId, "Article", field("articleId"));
    const article = await tx.article.findFirst({ where: { id: articleId, deletedAt: null }, select: { text: true } });
    if (!article) throw AppError.notFound("Article", e.articleId, field("articleId"));
    if (e.end > article.text.length)
      throw AppError.validation(`end is past the article's last character (${article.text.length}).`, field("end"));
    const quote = article.text.slice(e.start, e.end);
    if (e.quote != null && e.quote !== quote)
      throw AppError.validation(
        `quote does not match the article text at ${e.start}–${e.end}: "${quote}".`,
        field("quote"),
      );
    const speakerId = e.speakerId ? await requireEntity(tx, e.speakerId, field("speakerId")) : null;
    rows.push({ articleId, start: e.start, end: e.end, quote, speakerId, speakerRole: e.speakerRole ?? null });
  }
  return rows;
}

export async function createClaim({ prisma, catalog, viewer }: Deps, raw: CreateClaimInput) {
  const input = parseInput(createSchema, raw);
  return prisma.$transaction(async (tx) => {
    const subjectId = await requireEntity(tx, input.subjectId, ["input", "subjectId"]);
    const objectId = input.objectId ? await requireEntity(tx, input.objectId, ["input", "objectId"]) : null;
    let dealId: string | null = null;
    if (input.dealId) {
      dealId = decodeId(input.dealId, "Deal", ["input", "dealId"]);
      if (!(await tx.deal.findFirst({ where: { id: dealId, deletedAt: null } })))
        throw AppError.notFound("Deal", input.dealId, ["input", "dealId"]);
    }
    const evidence = await resolveEvidence(tx, input.evidence ?? []);
    const claim = await tx.claim.create({
      data: {
        subjectId,
        predicate: input.predicate,
        ...valueColumns(input.value, objectId),
        ...qualifierColumns(catalog, input.qualifiers),
        modality: input.modality ?? "ASSERTED",
        confidence: input.confidence ?? 1,
        rank: input.rank ?? "NORMAL",
        reviewStatus: "ACCEPTED",
        method: "MANUAL",
        dealId,
        evidence: { create: evidence },
      },
      include: { evidence: true },
    });
    await recordAudit(tx, viewer, { action: "CREATE", targetType: "Claim", targetId: claim.id, after: claim });
    return { claim };
  });
}

export async function updateClaim({ prisma, catalog, viewer }: Deps, raw: UpdateClaimInput) {
  const input = parseInput(updateSchema, raw);
  const id = decodeId(input.id, "Claim", ["input", "id"]);
  return prisma.$transaction(async (tx) => {
    const before = await tx.claim.findFirst({ where: { id, deletedAt: null } });
    if (!before) throw AppError.notFound("Claim", input.id, ["input", "id"]);
    const objectId = input.objectId ? await requireEntity(tx, input.objectId, ["input", "objectId"]) : null;
    const claim = await tx.claim.update({
      where: { id },
      data: {
        ...(input.predicate ? { predicate: input.predicate } : {}),
        ...(input.objectId || input.value ? valueColumns(input.value, objectId) : {}),
        ...(input.qualifiers ? qualifierColumns(catalog, input.qualifiers) : {}),
        ...(input.modality ? { modality: input.modality } : {}),
        ...(input.confidence != null ? { confidence: input.confidence } : {}),
        ...(input.rank ? { rank: input.rank } : {}),
      },
    });
    await recordAudit(tx, viewer, { action: "UPDATE", targetType: "Claim", targetId: id, before, after: claim });
    return { claim };
  });
}

const reviewSchema = z
  .object({ id: z.string(), decision: z.enum(["ACCEPT", "REJECT"]), reason: optionalText(2000) })
  .refine((r) => r.decision === "ACCEPT" || Boolean(r.reason), {
    message: "a rejection needs a reason",
    path: ["reason"],
  });

/** Accepts or rejects a claim. Rejected claims are kept, so that re-extraction does not bring them back. */
export async function reviewClaim({ prisma, viewer }: Omit<Deps, "catalog">, raw: ReviewClaimInput) {
  const input = parseInput(reviewSchema, raw);
  const id = decodeId(input.id, "Claim", ["input", "id"]);
  return prisma.$transaction(async (tx) => {
    const before = await tx.claim.findFirst({ where: { id, deletedAt: null } });
    if (!before) throw AppError.notFound("Claim", input.id, ["input", "id"]);
    const claim = await tx.claim.update({
      where: { id },
      data: { reviewStatus: input.decision === "ACCEPT" ? "ACCEPTED" : "REJECTED", reviewReason: input.reason ?? null },
    });
    await recordAudit(tx, viewer, { action: "REVIEW", targetType: "Claim", targetId: id, before, after: claim });
    return { claim };
  });
}

export async function setClaimDeleted({ prisma, viewer }: Omit<Deps, "catalog">, globalId: string, deleted: boolean) {
  const id = decodeId(globalId, "Claim");
  return prisma.$transaction(async (tx) => {
    const before = await tx.claim.findUnique({ where: { id } });
    if (!before) throw AppError.notFound("Claim", globalId);
    if (Boolean(before.deletedAt) === deleted)
      throw AppError.conflict(deleted ? "The claim is already deleted." : "The claim is not deleted.", ["id"]);
    const claim: Claim = await tx.claim.update({ where: { id }, data: { deletedAt: deleted ? new Date() : null } });
    await recordAudit(tx, viewer, {
      action: deleted ? "DELETE" : "RESTORE",
      targetType: "Claim",
      targetId: id,
      before,
      after: claim,
    });
    return { claim };
  });
}
