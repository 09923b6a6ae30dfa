import { z } from "zod";
import { cleanArticleText, contentHash, type Article, type Deal, type PrismaClient } from "@dealgraph/db";
import { recordAudit, type Actor } from "../audit/audit.service.ts";
import { MAX_ARTICLE_LENGTH } from "../article/article.service.ts";
import { AppError } from "../common/errors.ts";
import { isUniqueViolation } from "../common/prisma-errors.ts";
import { decodeId } from "../common/relay.ts";
import { optionalText, parseInput, text } from "../common/validate.ts";
import type { TaxonomyCatalog } from "../taxonomy/taxonomy.catalog.ts";
import type { Tracking } from "../watchlist/tracking.ts";
import { recordArrivals } from "../watchlist/watchlist.arrivals.ts";
import { ruleExtractor, type Extractor } from "./ingest.extractor.ts";
import type { IngestArticleInput } from "./ingest.input.ts";
import { loadKnowledge } from "./ingest.knowledge.ts";
import { parseFuzzyDay } from "./ingest.names.ts";
import { storeExtraction, type IngestStep, type StoreOutcome } from "./ingest.store.ts";

interface Deps {
  prisma: PrismaClient;
  catalog: TaxonomyCatalog;
  viewer: Actor;
  tracking?: Tracking | null;
}

export interface IngestOptions {
  /** The extractor (default: the rule-based one of `@dealgraph/extraction`). */
  extractor?: Extractor;
  /** Accept proposals at or above this confidence at once; null or absent keeps everything PROPOSED. */
  autoAcceptConfidence?: number | null;
  /** Days within which a reported deal joins a known one (default 365). */
  dealWindowDays?: number;
  /** Called after each step inside the transaction (tests make one throw). */
  afterStep?: (step: IngestStep) => void | Promise<void>;
}

export interface IngestResult {
  article: Article;
  duplicate: boolean;
  proposed: Omit<StoreOutcome, "dealIds" | "acceptedDealIds"> | null;
  deals: Deal[];
}

// Ingestion writes a few dozen statements per article; concurrent duplicates queue on the
// content hash's unique index, so give transactions room to wait and to run.
const TRANSACTION = { maxWait: 30_000, timeout: 60_000 };

const publishedAt = z
  .string()
  .trim()
  .refine((v) => parseFuzzyDay(v) !== null, "must be a date as YYYY-MM-DD, YYYY-MM or YYYY")
  .nullish();

const ingestSchema = z.object({
  url: z
    .url({ protocol: /^https?$/, error: "must be an http(s) URL" })
    .max(2000)
    .nullish(),
  title: text(500),
  publisher: optionalText(200),
  publishedAt,
  language: z
    .string()
    .regex(/^[a-z]{2}(-[A-Z]{2})?$/, "must be a language code such as en")
    .nullish(),
  text: z.string().max(MAX_ARTICLE_LENGTH, `must be at most ${MAX_ARTICLE_LENGTH} characters`),
});

/**
 * Stores an article and what extraction proposes from it, all in one transaction: the article,
 * its mentions, proposed entities, claims with evidence, deals (joined to known ones when they are
 * the same deal) and the audit events. The same text twice is one article, answered as a duplicate.
 */
export async function ingestArticle(
  { prisma, catalog, viewer, tracking }: Deps,
  raw: IngestArticleInput,
  options: IngestOptions = {},
): Promise<IngestResult> {
  const input = parseInput(ingestSchema, raw);
  const cleaned = cleanArticleText(input.text);
  if (!cleaned.trim())
    throw AppError.validation("The text is empty once page boilerplate is removed.", ["input", "text"]);
  const hash = contentHash(cleaned);
  const known = await duplicateOf(prisma, hash);
  if (known) return known;

  const published = parseFuzzyDay(input.publishedAt);
  const extractor = options.extractor ?? ruleExtractor;
  const knowledge = await loadKnowledge(prisma);
  // Extraction is pure CPU work: done before the transaction opens, so the transaction stays short.
  const extraction = await extractor.extract(cleaned, knowledge, {
    ...(published && published.precision !== "YEAR"
      ? { publishedAt: published.iso.slice(0, published.precision === "DAY" ? 10 : 7) }
      : {}),
  });

  try {
    const stored = await prisma.$transaction(async (tx) => {
      const article = await tx.article.create({
        data: {
          title: input.title,
          url: input.url ?? null,
          publisher: input.publisher ?? null,
          publishedAt: published?.date ?? null,
          publishedAtPrecision: published?.precision ?? null,
          language: input.language ?? "en",
          text: cleaned,
          contentHash: hash,
        },
      });
      await options.afterStep?.("article");
      const outcome = await storeExtraction(tx, { catalog, viewer }, article, extraction, knowledge, {
        methodVersion: extractor.version,
        autoAcceptConfidence: options.autoAcceptConfidence ?? null,
        dealWindowDays: options.dealWindowDays ?? 365,
        afterStep: options.afterStep,
      });
      const { dealIds, acceptedDealIds, ...proposed } = outcome;
      await recordAudit(tx, viewer, {
        action: "CREATE",
        targetType: "Article",
        targetId: article.id,
        after: { ...article, text: undefined, extraction: { method: "RULE", version: extractor.version, ...proposed } },
      });
      const deals = await tx.deal.findMany({ where: { id: { in: dealIds } } });
      const arrivals = await recordArrivals(tx, acceptedDealIds);
      return { article, duplicate: false, proposed, deals: order(deals, dealIds), arrivals };
    }, TRANSACTION);
    tracking?.announce(stored.arrivals);
    return stored;
  } catch (error) {
    // Another ingest of the same text committed first: the unique index decided, this one is the duplicate.
    if (isUniqueViolation(error)) {
      const winner = await duplicateOf(prisma, hash);
      if (winner) return winner;
    }
    throw error;
  }
}

/**
 * Runs extraction again over a stored article (e.g. after the extractor improved). What was found
 * before stays as it is, with its review: a claim a curator rejected stays rejected, and a deal
 * found again is joined, not made twice. Only new findings are added.
 */
export async function reextractArticle(
  { prisma, catalog, viewer, tracking }: Deps,
  globalId: string,
  options: IngestOptions = {},
): Promise<IngestResult> {
  const id = decodeId(globalId, "Article", ["id"]);
  const article = await prisma.article.findFirst({ where: { id, deletedAt: null } });
  if (!article) throw AppError.notFound("Article", globalId, ["id"]);
  const extractor = options.extractor ?? ruleExtractor;
  const knowledge = await loadKnowledge(prisma);
  const published = article.publishedAt?.toISOString().slice(0, article.publishedAtPrecision === "DAY" ? 10 : 7);
  const extraction = await extractor.extract(article.text, knowledge, {
    ...(published && article.publishedAtPrecision !== "YEAR" ? { publishedAt: published } : {}),
  });
  const stored = await prisma.$transaction(async (tx) => {
    const outcome = await storeExtraction(tx, { catalog, viewer }, article, extraction, knowledge, {
      methodVersion: extractor.version,
      autoAcceptConfidence: options.autoAcceptConfidence ?? null,
      dealWindowDays: options.dealWindowDays ?? 365,
      afterStep: options.afterStep,
    });
    const { dealIds, acceptedDealIds, ...proposed } = outcome;
    await recordAudit(tx, viewer, {
      action: "UPDATE",
      targetType: "Article",
      targetId: article.id,
      after: { reextracted: { method: "RULE", version: extractor.version, ...proposed } },
    });
    const deals = await tx.deal.findMany({ where: { id: { in: dealIds } } });
    const arrivals = await recordArrivals(tx, acceptedDealIds);
    return { article, duplicate: false, proposed, deals: order(deals, dealIds), arrivals };
  }, TRANSACTION);
  tracking?.announce(stored.arrivals);
  return stored;
}

async function duplicateOf(prisma: PrismaClient, hash: string): Promise<IngestResult | null> {
  const article = await prisma.article.findUnique({ where: { contentHash: hash } });
  if (!article) return null;
  const deals = await prisma.deal.findMany({
    where: { articles: { some: { articleId: article.id } }, deletedAt: null },
    orderBy: { createdAt: "asc" },
  });
  return { article, duplicate: true, proposed: null, deals };
}

function order<T extends { id: string }>(rows: T[], ids: string[]): T[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
