import { readFileSync } from "node:fs";
import type { Prisma, PrismaClient } from "../../generated/client.ts";
import { cleanArticleText, contentHash } from "../article-text.ts";
import { readFxRates } from "../fx.ts";
import { dataDir } from "../paths.ts";
import { stableId } from "../stable-id.ts";
import { findMentions, locateQuote, type CuratedArticle } from "./curated.ts";
import { alibabaBmwKwik2025 } from "./knowledge/alibaba-bmw-kwik-2025.ts";
import { buildRegionTree } from "./regions.ts";
import { buildSectorTree } from "./sectors.ts";

export { stableId } from "../stable-id.ts";
export { findMentions, locateQuote, type CuratedArticle } from "./curated.ts";
export { alibabaBmwKwik2025 } from "./knowledge/alibaba-bmw-kwik-2025.ts";

export const SEED_ACTOR = "system:seed";
export const CURATED_ARTICLES: CuratedArticle[] = [alibabaBmwKwik2025];

export interface SeedReport {
  inserted: number;
}

type Tx = Prisma.TransactionClient;

/**
 * Loads the reference data and the curated articles. Idempotent: it only inserts rows that are
 * missing (stable ids), never overwrites what curators changed, and a second run changes nothing.
 */
export async function seed(prisma: PrismaClient): Promise<SeedReport> {
  let inserted = await seedReferenceData(prisma);
  for (const curated of CURATED_ARTICLES) inserted += await seedCuratedArticle(prisma, curated);
  return { inserted };
}

export async function seedReferenceData(prisma: PrismaClient): Promise<number> {
  return prisma.$transaction(async (tx) => {
    const regions = buildRegionTree();
    // Parents first: the tree's foreign key is checked per row.
    regions.sort((a, b) => a.path.length - b.path.length);
    const sectors = buildSectorTree().sort((a, b) => a.path.length - b.path.length);
    const fx = readFxRates().map((row) => ({
      currency: row.currency,
      date: new Date(`${row.date}T00:00:00Z`),
      usdPerUnit: row.usdPerUnit,
    }));
    // One connection per transaction: statements run one after another.
    const inserted = [
      await tx.region.createMany({ data: regions, skipDuplicates: true }),
      await tx.sector.createMany({ data: sectors, skipDuplicates: true }),
      await tx.fxRate.createMany({ data: fx, skipDuplicates: true }),
    ];
    return inserted.reduce((sum, { count }) => sum + count, 0);
  });
}

function day(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

interface ArticleMetadata {
  title: string;
  url: string | null;
  publisher: string | null;
  language: string;
  publishedAt: string;
  publishedAtPrecision: "DAY" | "MONTH" | "YEAR";
  boilerplate?: string[];
  [key: string]: unknown;
}

export function readCuratedArticleSource(file: string) {
  const raw = readFileSync(`${dataDir}/articles/${file}.txt`, "utf8");
  const metadata = JSON.parse(readFileSync(`${dataDir}/articles/${file}.json`, "utf8")) as ArticleMetadata;
  return { text: cleanArticleText(raw, metadata.boilerplate), metadata };
}

export async function seedCuratedArticle(prisma: PrismaClient, curated: CuratedArticle): Promise<number> {
  const { text, metadata } = readCuratedArticleSource(curated.file);
  const articleId = stableId(`article:${curated.file}`);
  const entityId = (key: string) => {
    if (!curated.entities.some((entity) => entity.key === key)) throw new Error(`Unknown entity key "${key}"`);
    return stableId(`entity:${key}`);
  };
  const dealId = (key: string) => stableId(`deal:${key}`);
  const claimId = (key: string) => stableId(`claim:${curated.file}:${key}`);

  const publishedAt =
    metadata.publishedAtPrecision === "YEAR"
      ? day(`${metadata.publishedAt}-01-01`)
      : metadata.publishedAtPrecision === "MONTH"
        ? day(`${metadata.publishedAt}-01`)
        : day(metadata.publishedAt);

  const entities = [...curated.entities].sort((a, b) => Number(Boolean(a.parent)) - Number(Boolean(b.parent)));

  return prisma.$transaction(async (tx: Tx) => {
    const counts: number[] = [];
    const add = async (work: Promise<{ count: number }>) => counts.push((await work).count);

    await add(
      tx.article.createMany({
        data: [
          {
            id: articleId,
            title: metadata.title,
            url: metadata.url,
            publisher: metadata.publisher,
            language: metadata.language,
            publishedAt,
            publishedAtPrecision: metadata.publishedAtPrecision,
            text,
            contentHash: contentHash(text),
            metadata: metadata as Prisma.InputJsonValue,
          },
        ],
        skipDuplicates: true,
      }),
    );
    await add(
      tx.entity.createMany({
        data: entities.map((entity) => ({
          id: entityId(entity.key),
          kind: entity.kind,
          name: entity.name,
          description: entity.description,
          regionCode: entity.regionCode,
          parentId: entity.parent ? entityId(entity.parent) : undefined,
          reviewStatus: "ACCEPTED" as const,
        })),
        skipDuplicates: true,
      }),
    );
    await add(
      tx.entityAlias.createMany({
        data: curated.entities.flatMap((entity) =>
          (entity.aliases ?? []).map(([name, type]) => ({
            id: stableId(`alias:${entity.key}:${name}`),
            entityId: entityId(entity.key),
            name,
            type,
          })),
        ),
        skipDuplicates: true,
      }),
    );
    await add(
      tx.externalId.createMany({
        data: curated.entities.flatMap((entity) =>
          (entity.externalIds ?? []).map(([scheme, value]) => ({
            id: stableId(`external:${scheme}:${value}`),
            entityId: entityId(entity.key),
            scheme,
            value,
          })),
        ),
        skipDuplicates: true,
      }),
    );
    const mentions = findMentions(
      text,
      curated.entities.map((entity) => ({
        id: entityId(entity.key),
        names: [entity.name, ...(entity.aliases ?? []).map(([name]) => name)],
      })),
    );
    await add(
      tx.mention.createMany({
        data: mentions.map((mention) => ({
          id: stableId(`mention:${curated.file}:${mention.start}:${mention.end}`),
          articleId,
          ...mention,
        })),
        skipDuplicates: true,
      }),
    );

    await add(
      tx.deal.createMany({
        data: curated.deals.map((deal) => ({
          id: dealId(deal.key),
          type: deal.type,
          status: deal.status,
          title: deal.title,
          summary: deal.summary,
          announcedAt: deal.announced ? day(deal.announced[0]) : undefined,
          announcedAtPrecision: deal.announced?.[1],
          firstReportedAt: publishedAt,
          reviewStatus: "ACCEPTED" as const,
        })),
        skipDuplicates: true,
      }),
    );
    await add(
      tx.dealParticipant.createMany({
        data: curated.deals.flatMap((deal) =>
          deal.participants.map(([entity, role]) => ({ dealId: dealId(deal.key), entityId: entityId(entity), role })),
        ),
        skipDuplicates: true,
      }),
    );
    await add(
      tx.dealRegion.createMany({
        data: curated.deals.flatMap((deal) =>
          deal.regionCodes.map((regionCode) => ({ dealId: dealId(deal.key), regionCode })),
        ),
        skipDuplicates: true,
      }),
    );
    await add(
      tx.dealSector.createMany({
        data: curated.deals.flatMap((deal) =>
          deal.sectorCodes.map((sectorCode) => ({ dealId: dealId(deal.key), sectorCode })),
        ),
        skipDuplicates: true,
      }),
    );
    await add(
      tx.dealArticle.createMany({
        data: curated.deals.map((deal) => ({ dealId: dealId(deal.key), articleId, addedAt: publishedAt })),
        skipDuplicates: true,
      }),
    );
    await add(
      tx.dealStatusChange.createMany({
        data: curated.deals.map((deal) => ({
          id: stableId(`status:${deal.key}:${deal.status}:${curated.file}`),
          dealId: dealId(deal.key),
          status: deal.status,
          articleId,
          changedAt: publishedAt,
        })),
        skipDuplicates: true,
      }),
    );

    await add(
      tx.claim.createMany({
        data: curated.claims.map((claim) => ({
          id: claimId(claim.key),
          subjectId: entityId(claim.subject),
          predicate: claim.predicate,
          valueKind: claim.object ? ("ENTITY" as const) : claim.number ? ("NUMBER" as const) : ("TEXT" as const),
          objectId: claim.object ? entityId(claim.object) : undefined,
          valueText: claim.number?.text ?? claim.text,
          valueNumber: claim.number?.value,
          valueUnit: claim.number?.unit,
          qualifierDate: claim.date ? day(claim.date[0]) : undefined,
          qualifierDatePrecision: claim.date?.[1],
          qualifierRegionCode: claim.regionCode,
          qualifierSectorCode: claim.sectorCode,
          qualifierRole: claim.role,
          modality: claim.modality ?? "ASSERTED",
          confidence: 1,
          rank: "NORMAL" as const,
          reviewStatus: "ACCEPTED" as const,
          method: "MANUAL" as const,
          methodVersion: "curated-v1",
          dealId: claim.deal ? dealId(claim.deal) : undefined,
        })),
        skipDuplicates: true,
      }),
    );
    await add(
      tx.evidence.createMany({
        data: curated.claims.flatMap((claim) =>
          (claim.evidence ?? []).map((evidence) => {
            const { start, end } = locateQuote(text, evidence);
            return {
              id: stableId(`evidence:${curated.file}:${claim.key}:${start}:${end}`),
              claimId: claimId(claim.key),
              articleId,
              quote: evidence.quote,
              start,
              end,
              speakerId: evidence.speaker ? entityId(evidence.speaker) : undefined,
              speakerRole: evidence.speakerRole,
            };
          }),
        ),
        skipDuplicates: true,
      }),
    );

    const inserted = counts.reduce((sum, count) => sum + count, 0);
    if (inserted > 0) {
      await tx.auditEvent.create({
        data: {
          actor: SEED_ACTOR,
          action: "SEED",
          targetType: "Article",
          targetId: articleId,
          after: { file: curated.file, rowsInserted: inserted },
        },
      });
    }
    return inserted;
  });
}
