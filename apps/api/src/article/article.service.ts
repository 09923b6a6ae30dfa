import { z } from "zod";
import { cleanArticleText, contentHash, type Prisma, type PrismaClient } from "@dealgraph/db";
import { recordAudit, type Actor } from "../audit/audit.service.ts";
import { DatePrecision } from "../common/enums.ts";
import { AppError } from "../common/errors.ts";
import { isUniqueViolation } from "../common/prisma-errors.ts";
import { decodeCursor, decodeId, encodeCursor, toConnection, toGlobalId } from "../common/relay.ts";
import { isoDay, optionalText, parseInput, text } from "../common/validate.ts";
import type { ArticleFilter, CreateArticleInput, UpdateArticleInput } from "./article.input.ts";

interface Deps {
  prisma: PrismaClient;
  viewer: Actor;
}

export const MAX_ARTICLE_LENGTH = 200_000;

function articleWhere(filter: ArticleFilter | null | undefined): Prisma.ArticleWhereInput {
  const search = filter?.search?.trim();
  return {
    deletedAt: null,
    ...(search
      ? {
          OR: [
            { title: { contains: search, mode: "insensitive" as const } },
            { publisher: { contains: search, mode: "insensitive" as const } },
          ],
        }
      : {}),
  };
}

/** Newest first by ingestion. */
export async function listArticles(
  { prisma }: Pick<Deps, "prisma">,
  args: { first: number; after: string | null; filter?: ArticleFilter | null },
) {
  const where = articleWhere(args.filter);
  const [at, id] = args.after ? decodeCursor(args.after) : [];
  const keyset: Prisma.ArticleWhereInput | undefined =
    typeof at === "string" && typeof id === "string"
      ? { OR: [{ ingestedAt: { lt: new Date(at) } }, { ingestedAt: new Date(at), id: { lt: id } }] }
      : undefined;
  const rows = await prisma.article.findMany({
    where: keyset ? { AND: [where, keyset] } : where,
    orderBy: [{ ingestedAt: "desc" }, { id: "desc" }],
    take: args.first + 1,
  });
  return toConnection(
    rows,
    args.first,
    Boolean(args.after),
    (a) => encodeCursor([a.ingestedAt.toISOString(), a.id]),
    () => prisma.article.count({ where }),
  );
}

const url = z
  .url({ protocol: /^https?$/, error: "must be an http(s) URL" })
  .max(2000)
  .nullish();
const publishedAt = z.object({ date: isoDay, precision: z.enum(DatePrecision) }).nullish();
const createSchema = z.object({
  title: text(500),
  url,
  publisher: optionalText(200),
  publishedAt,
  language: z
    .string()
    .regex(/^[a-z]{2}(-[A-Z]{2})?$/, "must be a language code such as en")
    .nullish(),
  text: z.string().max(MAX_ARTICLE_LENGTH, `must be at most ${MAX_ARTICLE_LENGTH} characters`),
});
const updateSchema = z.object({
  id: z.string(),
  title: text(500).nullish(),
  url,
  publisher: optionalText(200),
  publishedAt,
});

/** Stores an article as given (no extraction). The same text twice is refused as a conflict. */
export async function createArticle({ prisma, viewer }: Deps, raw: CreateArticleInput) {
  const input = parseInput(createSchema, raw);
  const cleaned = cleanArticleText(input.text);
  if (!cleaned.trim())
    throw AppError.validation("The text is empty once page boilerplate is removed.", ["input", "text"]);
  const hash = contentHash(cleaned);
  try {
    return await prisma.$transaction(async (tx) => {
      const existing = await tx.article.findUnique({ where: { contentHash: hash }, select: { id: true } });
      if (existing) throw duplicate(existing.id);
      const article = await tx.article.create({
        data: {
          title: input.title,
          url: input.url ?? null,
          publisher: input.publisher ?? null,
          publishedAt: input.publishedAt ? new Date(`${input.publishedAt.date}T00:00:00Z`) : null,
          publishedAtPrecision: input.publishedAt?.precision ?? null,
          language: input.language ?? "en",
          text: cleaned,
          contentHash: hash,
        },
      });
      await recordAudit(tx, viewer, {
        action: "CREATE",
        targetType: "Article",
        targetId: article.id,
        after: { ...article, text: undefined },
      });
      return { article };
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      const existing = await prisma.article.findUnique({ where: { contentHash: hash }, select: { id: true } });
      throw duplicate(existing?.id ?? "");
    }
    throw error;
  }
}

function duplicate(id: string) {
  return AppError.conflict(`The same text is already stored as article ${toGlobalId("Article", id)}.`, [
    "input",
    "text",
  ]);
}

export async function updateArticle({ prisma, viewer }: Deps, raw: UpdateArticleInput) {
  const input = parseInput(updateSchema, raw);
  const id = decodeId(input.id, "Article", ["input", "id"]);
  return prisma.$transaction(async (tx) => {
    const before = await tx.article.findFirst({ where: { id, deletedAt: null }, omit: { text: true } });
    if (!before) throw AppError.notFound("Article", input.id, ["input", "id"]);
    const article = await tx.article.update({
      where: { id },
      data: {
        ...(input.title ? { title: input.title } : {}),
        ...(input.url !== undefined ? { url: input.url } : {}),
        ...(input.publisher !== undefined ? { publisher: input.publisher } : {}),
        ...(input.publishedAt !== undefined
          ? {
              publishedAt: input.publishedAt ? new Date(`${input.publishedAt.date}T00:00:00Z`) : null,
              publishedAtPrecision: input.publishedAt?.precision ?? null,
            }
          : {}),
      },
    });
    await recordAudit(tx, viewer, {
      action: "UPDATE",
      targetType: "Article",
      targetId: id,
      before,
      after: { ...article, text: undefined },
    });
    return { article };
  });
}

export async function setArticleDeleted({ prisma, viewer }: Deps, globalId: string, deleted: boolean) {
  const id = decodeId(globalId, "Article");
  return prisma.$transaction(async (tx) => {
    const before = await tx.article.findUnique({ where: { id }, omit: { text: true } });
    if (!before) throw AppError.notFound("Article", globalId);
    if (Boolean(before.deletedAt) === deleted)
      throw AppError.conflict(deleted ? "The article is already deleted." : "The article is not deleted.", ["id"]);
    const article = await tx.article.update({ where: { id }, data: { deletedAt: deleted ? new Date() : null } });
    await recordAudit(tx, viewer, {
      action: deleted ? "DELETE" : "RESTORE",
      targetType: "Article",
      targetId: id,
      before,
      after: { ...article, text: undefined },
    });
    return { article };
  });
}
