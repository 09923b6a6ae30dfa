import { z } from "zod";
import { Prisma, toUsd, type Database, type Deal, type PrismaClient } from "@dealgraph/db";
import { recordAudit, type Actor, type Tx } from "../audit/audit.service.ts";
import { DatePrecision, DealStatus, DealType, ParticipantRole, ReviewStatus } from "../common/enums.ts";
import { AppError } from "../common/errors.ts";
import {
  decodeCursor,
  decodeId,
  encodeCursor,
  isTimestamp,
  isUuid,
  toConnection,
  type CursorValue,
} from "../common/relay.ts";
import { boundedList, currencyCode, isoDay, optionalText, parseInput, text } from "../common/validate.ts";
import type { TaxonomyCatalog } from "../taxonomy/taxonomy.catalog.ts";
import { DEAL_COLUMNS } from "../common/columns.ts";
import { DEAL_DAY, dealWhere, type DealCriteria } from "./deal.filter.ts";
import {
  matrixFromRollups,
  statsFromRollups,
  summaryFromRollups,
  type BucketRow,
  type MatrixCellRow,
  type MatrixKeyRow,
  type RollupDeps,
} from "./deal.rollup.ts";
import {
  DealGroupBy,
  DealOrderField,
  OrderDirection,
  type StatsRegionLevel,
  type CreateDealInput,
  type DealOrder,
  type UpdateDealInput,
} from "./deal.input.ts";
import type { Tracking } from "../watchlist/tracking.ts";
import { recordArrivals } from "../watchlist/watchlist.arrivals.ts";
import type { DealBucket, DealMatrix } from "./deal.type.ts";

interface Deps {
  prisma: PrismaClient;
  catalog: TaxonomyCatalog;
  viewer: Actor;
  tracking?: Tracking | null;
}

/** Decodes the filter's entity id (a global id) into the criteria the SQL builder takes. */
export function toCriteria(
  filter: (Omit<DealCriteria, "entityId"> & { entityId?: string | null }) | null | undefined,
): DealCriteria {
  if (!filter) return {};
  return { ...filter, entityId: filter.entityId ? decodeId(filter.entityId, "Entity", ["filter", "entityId"]) : null };
}

/** Each sort: its SQL, the cast of its cursor value, that value for a row, and what a valid one looks like. */
const ORDER: Record<
  DealOrderField,
  { expr: Prisma.Sql; cast: Prisma.Sql; value: (d: Deal) => CursorValue; valid: (v: CursorValue) => boolean }
> = {
  ANNOUNCED_AT: {
    expr: DEAL_DAY,
    cast: Prisma.sql`date`,
    value: (d) => (d.announcedAt ?? d.firstReportedAt).toISOString().slice(0, 10),
    valid: (v) => typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)),
  },
  FIRST_REPORTED_AT: {
    expr: Prisma.sql`d.first_reported_at`,
    cast: Prisma.sql`timestamptz`,
    value: (d) => d.firstReportedAt.toISOString(),
    valid: isTimestamp,
  },
  AMOUNT: {
    expr: Prisma.sql`COALESCE(d.amount_usd, -1)`,
    cast: Prisma.sql`numeric`,
    value: (d) => (d.amountUsd === null ? -1 : Number(d.amountUsd)),
    valid: (v) => typeof v === "number" && Number.isFinite(v),
  },
  TITLE: {
    expr: Prisma.sql`d.title`,
    cast: Prisma.sql`text`,
    value: (d) => d.title,
    valid: (v) => typeof v === "string",
  },
};

/** A page of deals, keyset-paginated on (sort value, id): deep pages cost what the first page costs. */
export async function listDeals(
  { db, catalog }: { db: Pick<Database, "read">; catalog: TaxonomyCatalog },
  args: {
    first: number;
    after: string | null;
    criteria: DealCriteria;
    orderBy?: DealOrder | null;
    /** The query asks for `totalCount`: count while the page is read, not after it. */
    withTotal?: boolean;
  },
) {
  const order = ORDER[args.orderBy?.field ?? DealOrderField.ANNOUNCED_AT];
  const descending = (args.orderBy?.direction ?? OrderDirection.DESC) === OrderDirection.DESC;
  const where = dealWhere(args.criteria, catalog);
  let keyset = Prisma.empty;
  if (args.after) {
    const [value, id] = decodeCursor(args.after);
    if (value === undefined || !order.valid(value) || typeof id !== "string" || !isUuid(id))
      throw new AppError("BAD_USER_INPUT", `"after" is not a cursor this API issued.`);
    keyset = descending
      ? Prisma.sql`AND (${order.expr}, d.id) < (${value}::${order.cast}, ${id}::uuid)`
      : Prisma.sql`AND (${order.expr}, d.id) > (${value}::${order.cast}, ${id}::uuid)`;
  }
  const direction = descending ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  const count = async () => {
    const [row] = await db.read<{ count: bigint }>(Prisma.sql`SELECT count(*) AS count FROM deal d WHERE ${where}`);
    return Number(row?.count ?? 0);
  };
  const total = args.withTotal ? count() : undefined;
  // A failed count is reported by the totalCount field, not as an unhandled rejection meanwhile.
  total?.catch(() => {});
  const rows = await db.read<Deal>(Prisma.sql`
    SELECT ${DEAL_COLUMNS} FROM deal d WHERE ${where} ${keyset}
    ORDER BY ${order.expr} ${direction}, d.id ${direction} LIMIT ${args.first + 1}`);
  return toConnection(
    rows,
    args.first,
    Boolean(args.after),
    (d) => encodeCursor([order.value(d), d.id]),
    () => total ?? count(),
  );
}

const LEVEL_COLUMN: Record<StatsRegionLevel, Prisma.Sql> = {
  CONTINENT: Prisma.sql`COALESCE(r.continent_code, '001')`,
  SUB_REGION: Prisma.sql`COALESCE(r.sub_region_code, r.continent_code, '001')`,
  INTERMEDIATE_REGION: Prisma.sql`COALESCE(r.intermediate_region_code, r.sub_region_code, r.continent_code, '001')`,
  COUNTRY: Prisma.sql`COALESCE(r.country_code, r.intermediate_region_code, r.sub_region_code, r.continent_code, '001')`,
};

const PERIOD: Record<"MONTH" | "QUARTER" | "YEAR", Prisma.Sql> = {
  MONTH: Prisma.sql`to_char(${DEAL_DAY}, 'YYYY-MM')`,
  QUARTER: Prisma.sql`to_char(${DEAL_DAY}, 'YYYY-"Q"Q')`,
  YEAR: Prisma.sql`to_char(${DEAL_DAY}, 'YYYY')`,
};

const TYPE_LABELS: Record<string, string> = {
  STRATEGIC_PARTNERSHIP: "Strategic partnership",
  CHANNEL_PARTNERSHIP: "Channel partnership",
  JOINT_VENTURE: "Joint venture",
  LICENSING: "Licensing",
  INVESTMENT: "Investment",
  ACQUISITION: "Acquisition",
  MERGER: "Merger",
  RUMOURED: "Rumoured",
  ANNOUNCED: "Announced",
  SIGNED: "Signed",
  COMPLETED: "Completed",
  TERMINATED: "Terminated",
};

/** `(deal, key)` pairs for a grouping: one row per deal and bucket, so sums count each deal once per bucket. */
function bucketPairs(groupBy: DealGroupBy, regionLevel: StatsRegionLevel, where: Prisma.Sql): Prisma.Sql {
  switch (groupBy) {
    case DealGroupBy.REGION:
      return Prisma.sql`SELECT DISTINCT d.id, d.amount_usd, ${LEVEL_COLUMN[regionLevel]} AS key
        FROM deal d JOIN deal_region dr ON dr.deal_id = d.id JOIN region r ON r.code = dr.region_code WHERE ${where}`;
    case DealGroupBy.SECTOR:
      return Prisma.sql`SELECT d.id, d.amount_usd, ds.sector_code AS key
        FROM deal d JOIN deal_sector ds ON ds.deal_id = d.id WHERE ${where}`;
    case DealGroupBy.TYPE:
      return Prisma.sql`SELECT d.id, d.amount_usd, d.type::text AS key FROM deal d WHERE ${where}`;
    case DealGroupBy.STATUS:
      return Prisma.sql`SELECT d.id, d.amount_usd, d.status::text AS key FROM deal d WHERE ${where}`;
    default:
      return Prisma.sql`SELECT d.id, d.amount_usd, ${PERIOD[groupBy]} AS key FROM deal d WHERE ${where}`;
  }
}

export async function dealStats(
  deps: RollupDeps,
  args: { groupBy: DealGroupBy; regionLevel: StatsRegionLevel; criteria: DealCriteria },
): Promise<DealBucket[]> {
  const { prisma, catalog } = deps;
  const periodic =
    args.groupBy === DealGroupBy.MONTH || args.groupBy === DealGroupBy.QUARTER || args.groupBy === DealGroupBy.YEAR;
  const toBuckets = (rows: BucketRow[]): DealBucket[] =>
    rows
      .map((row) => ({
        key: row.key,
        label: bucketLabel(args.groupBy, row.key, catalog),
        count: Number(row.count),
        totalAmountUsd: Number(row.total ?? 0),
      }))
      // Periods read in time order; everything else largest first.
      .sort(
        periodic
          ? (a, b) => LABEL_ORDER.compare(a.key, b.key)
          : (a, b) => b.count - a.count || LABEL_ORDER.compare(a.label, b.label),
      );
  // The rollups answer every filter but an entity, free text and the reporting period.
  return (
    (await statsFromRollups(deps, args, toBuckets)) ??
    toBuckets(
      await prisma.$queryRaw<BucketRow[]>`
        SELECT key, count(*) AS count, sum(amount_usd) AS total
        FROM (${bucketPairs(args.groupBy, args.regionLevel, dealWhere(args.criteria, catalog))}) pairs GROUP BY key`,
    )
  );
}

/** `localeCompare`'s order, without building a collator per comparison (250 country labels a chart). */
const LABEL_ORDER = new Intl.Collator();

// One formatter for every month label: `toLocaleString` builds a new one per call (about 50 µs,
// 6 ms for a ten-year chart).
const MONTH_LABEL = new Intl.DateTimeFormat("en", { month: "short", year: "numeric", timeZone: "UTC" });

function bucketLabel(groupBy: DealGroupBy, key: string, catalog: TaxonomyCatalog): string {
  if (groupBy === DealGroupBy.REGION) return catalog.region(key)?.name ?? key;
  if (groupBy === DealGroupBy.SECTOR) return catalog.sector(key)?.name ?? key;
  if (groupBy === DealGroupBy.MONTH) {
    const [year, month] = key.split("-");
    return MONTH_LABEL.format(new Date(Date.UTC(Number(year), Number(month) - 1, 1)));
  }
  if (groupBy === DealGroupBy.QUARTER) return key.replace(/^(\d{4})-Q(\d)$/, "Q$2 $1");
  return TYPE_LABELS[key] ?? key;
}

/** Headline figures in one statement. */
export async function dealSummary(deps: RollupDeps, criteria: DealCriteria) {
  const { prisma, catalog } = deps;
  const fromRollups = await summaryFromRollups(deps, criteria);
  const where = dealWhere(criteria, catalog);
  const [row] = fromRollups
    ? [fromRollups]
    : await prisma.$queryRaw<
        {
          deals: bigint;
          total: Prisma.Decimal | null;
          priced: bigint;
          companies: bigint;
          regions: bigint;
          sectors: bigint;
        }[]
      >`
    WITH f AS (SELECT d.id, d.amount_usd FROM deal d WHERE ${where})
    SELECT (SELECT count(*) FROM f) AS deals,
           (SELECT sum(amount_usd) FROM f) AS total,
           (SELECT count(amount_usd) FROM f) AS priced,
           (SELECT count(DISTINCT p.entity_id) FROM f JOIN deal_participant p ON p.deal_id = f.id) AS companies,
           (SELECT count(DISTINCT r.region_code) FROM f JOIN deal_region r ON r.deal_id = f.id) AS regions,
           (SELECT count(DISTINCT s.sector_code) FROM f JOIN deal_sector s ON s.deal_id = f.id) AS sectors`;
  return {
    deals: Number(row?.deals ?? 0),
    totalAmountUsd: Number(row?.total ?? 0),
    dealsWithAmount: Number(row?.priced ?? 0),
    companies: Number(row?.companies ?? 0),
    regions: Number(row?.regions ?? 0),
    sectors: Number(row?.sectors ?? 0),
  };
}

export const OTHER_KEY = "other";

/** "Other" last, then the most deals first, then by label. */
const matrixOrder = (
  a: { key: string; count: number; label: string },
  b: { key: string; count: number; label: string },
) => Number(a.key === OTHER_KEY) - Number(b.key === OTHER_KEY) || b.count - a.count || a.label.localeCompare(b.label);

/** The `limit` keys of one side with the most deals (ties by key), as the base-table path ranks them. */
function topOf(keys: MatrixKeyRow[], side: MatrixKeyRow["side"], limit: number): string[] {
  return keys
    .filter((row) => row.side === side)
    .map((row) => ({ key: row.key, count: Number(row.count) }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key))
    .slice(0, limit)
    .map((row) => row.key);
}

/** Region × sector counts; the `regionLimit` × `sectorLimit` largest, the rest folded into "Other". */
export async function dealMatrix(
  deps: RollupDeps,
  args: { regionLevel: StatsRegionLevel; criteria: DealCriteria; regionLimit: number; sectorLimit: number },
): Promise<DealMatrix> {
  const { prisma, catalog } = deps;
  const toMatrix = (folded: MatrixCellRow[]): DealMatrix => {
    const buckets = (part: "region" | "sector", label: (key: string) => string) =>
      folded
        .filter((row) => row.part === part)
        .map((row) => {
          const key = part === "region" ? row.region : row.sector;
          return {
            key,
            label: key === OTHER_KEY ? "Other" : label(key),
            count: Number(row.count),
            totalAmountUsd: Number(row.total ?? 0),
          };
        })
        .sort(matrixOrder);
    return {
      regions: buckets("region", (key) => catalog.region(key)?.name ?? key),
      sectors: buckets("sector", (key) => catalog.sector(key)?.name ?? key),
      cells: folded
        .filter((row) => row.part === "cell")
        .map((row) => ({
          regionKey: row.region,
          sectorKey: row.sector,
          count: Number(row.count),
          totalAmountUsd: Number(row.total ?? 0),
        })),
    };
  };
  const fromRollups = await matrixFromRollups(
    deps,
    args,
    (keys) => ({
      regions: topOf(keys, "region", args.regionLimit),
      sectors: topOf(keys, "sector", args.sectorLimit),
    }),
    OTHER_KEY,
    toMatrix,
  );
  if (fromRollups) return fromRollups;
  const where = dealWhere(args.criteria, catalog);
  const rows = await prisma.$queryRaw<{ region: string; sector: string; id: string; amount: Prisma.Decimal | null }[]>`
    SELECT DISTINCT ${LEVEL_COLUMN[args.regionLevel]} AS region, ds.sector_code AS sector, d.id, d.amount_usd AS amount
    FROM deal d
    JOIN deal_region dr ON dr.deal_id = d.id JOIN region r ON r.code = dr.region_code
    JOIN deal_sector ds ON ds.deal_id = d.id
    WHERE ${where}`;
  const topKeys = (keyOf: (row: (typeof rows)[number]) => string, limit: number) => {
    const deals = new Map<string, Set<string>>();
    for (const row of rows) deals.set(keyOf(row), (deals.get(keyOf(row)) ?? new Set()).add(row.id));
    const ranked = [...deals.entries()].sort((a, b) => b[1].size - a[1].size || a[0].localeCompare(b[0]));
    return new Set(ranked.slice(0, limit).map(([key]) => key));
  };
  const topRegions = topKeys((r) => r.region, args.regionLimit);
  const topSectors = topKeys((r) => r.sector, args.sectorLimit);
  const fold = (key: string, top: Set<string>) => (top.has(key) ? key : OTHER_KEY);

  const tally = () => new Map<string, { ids: Set<string>; total: number }>();
  const cells = tally();
  const regions = tally();
  const sectors = tally();
  const add = (map: ReturnType<typeof tally>, key: string, id: string, amount: number) => {
    const entry = map.get(key) ?? { ids: new Set<string>(), total: 0 };
    if (!entry.ids.has(id)) {
      entry.ids.add(id);
      entry.total += amount;
    }
    map.set(key, entry);
  };
  for (const row of rows) {
    const region = fold(row.region, topRegions);
    const sector = fold(row.sector, topSectors);
    const amount = Number(row.amount ?? 0);
    add(cells, `${region}\u0000${sector}`, row.id, amount);
    add(regions, region, row.id, amount);
    add(sectors, sector, row.id, amount);
  }
  const toBuckets = (map: ReturnType<typeof tally>, label: (key: string) => string) =>
    [...map.entries()]
      .map(([key, { ids, total }]) => ({
        key,
        label: key === OTHER_KEY ? "Other" : label(key),
        count: ids.size,
        totalAmountUsd: total,
      }))
      .sort(matrixOrder);
  return {
    regions: toBuckets(regions, (key) => catalog.region(key)?.name ?? key),
    sectors: toBuckets(sectors, (key) => catalog.sector(key)?.name ?? key),
    cells: [...cells.entries()].map(([key, { ids, total }]) => {
      const [regionKey = "", sectorKey = ""] = key.split("\u0000");
      return { regionKey, sectorKey, count: ids.size, totalAmountUsd: total };
    }),
  };
}

// ───────────────────────────── writes ─────────────────────────────

const fuzzyDate = z.object({ date: isoDay, precision: z.enum(DatePrecision) });
const money = z.object({
  amount: z.number().finite().min(0, "must not be negative").max(1e15, "is implausibly large"),
  currency: currencyCode,
});
const participant = z.object({ entityId: z.string(), role: z.enum(ParticipantRole) });
const dealFields = {
  type: z.enum(DealType),
  status: z.enum(DealStatus),
  title: text(300),
  summary: optionalText(4000),
  announced: fuzzyDate.nullish(),
  amount: money.nullish(),
  participants: boundedList(participant, 20).min(1, "a deal needs at least one participant"),
  regionCodes: boundedList(z.string(), 30),
  sectorCodes: boundedList(z.string(), 30),
  reviewStatus: z.enum(ReviewStatus).nullish(),
};
const createSchema = z.object({ ...dealFields, articleIds: boundedList(z.string(), 50).nullish() });
const updateSchema = z.object({
  id: z.string(),
  type: dealFields.type.nullish(),
  status: dealFields.status.nullish(),
  statusArticleId: z.string().nullish(),
  title: dealFields.title.nullish(),
  summary: dealFields.summary,
  announced: dealFields.announced,
  amount: dealFields.amount,
  participants: dealFields.participants.nullish(),
  regionCodes: dealFields.regionCodes.nullish(),
  sectorCodes: dealFields.sectorCodes.nullish(),
  reviewStatus: dealFields.reviewStatus,
});

async function resolveDealRefs(
  tx: Tx,
  catalog: TaxonomyCatalog,
  input: {
    participants?: { entityId: string; role: ParticipantRole }[] | null;
    regionCodes?: string[] | null;
    sectorCodes?: string[] | null;
    articleIds?: string[] | null;
  },
) {
  for (const [index, code] of (input.regionCodes ?? []).entries()) {
    if (!catalog.region(code))
      throw AppError.validation(`Unknown region code "${code}".`, ["input", "regionCodes", String(index)]);
  }
  for (const [index, code] of (input.sectorCodes ?? []).entries()) {
    if (!catalog.sector(code))
      throw AppError.validation(`Unknown sector code "${code}".`, ["input", "sectorCodes", String(index)]);
  }
  const participants = (input.participants ?? []).map((p, index) => ({
    entityId: decodeId(p.entityId, "Entity", ["input", "participants", String(index), "entityId"]),
    role: p.role,
  }));
  const seen = new Set<string>();
  for (const [index, p] of participants.entries()) {
    const key = `${p.entityId}:${p.role}`;
    if (seen.has(key))
      throw AppError.validation("The same participant appears twice in one role.", [
        "input",
        "participants",
        String(index),
      ]);
    seen.add(key);
  }
  const entityIds = [...new Set(participants.map((p) => p.entityId))];
  const found = new Set(
    (
      await tx.entity.findMany({
        where: { id: { in: entityIds }, deletedAt: null, mergedIntoId: null },
        select: { id: true },
      })
    ).map((e) => e.id),
  );
  for (const [index, p] of participants.entries()) {
    if (!found.has(p.entityId))
      throw AppError.notFound("Entity", input.participants?.[index]?.entityId ?? "", [
        "input",
        "participants",
        String(index),
        "entityId",
      ]);
  }
  const articleIds = (input.articleIds ?? []).map((id, index) =>
    decodeId(id, "Article", ["input", "articleIds", String(index)]),
  );
  const articles = new Set(
    (await tx.article.findMany({ where: { id: { in: articleIds }, deletedAt: null }, select: { id: true } })).map(
      (a) => a.id,
    ),
  );
  for (const [index, id] of articleIds.entries()) {
    if (!articles.has(id))
      throw AppError.notFound("Article", input.articleIds?.[index] ?? "", ["input", "articleIds", String(index)]);
  }
  return { participants, articleIds: [...new Set(articleIds)] };
}

function amountFields(amount: { amount: number; currency: string } | null | undefined, announced: Date | null) {
  if (!amount) return { amount: null, currency: null, amountUsd: null };
  const usd = toUsd(amount.amount, amount.currency, announced);
  if (usd === undefined)
    throw AppError.validation(`No exchange rate for ${amount.currency}.`, ["input", "amount", "currency"]);
  return { amount: amount.amount, currency: amount.currency, amountUsd: usd };
}

const dayOf = (date: string) => new Date(`${date}T00:00:00Z`);

async function snapshot(tx: Tx, id: string) {
  return tx.deal.findUnique({ where: { id }, include: { participants: true, regions: true, sectors: true } });
}

export async function createDeal({ prisma, catalog, viewer, tracking }: Deps, raw: CreateDealInput) {
  const input = parseInput(createSchema, raw);
  const result = await prisma.$transaction(async (tx) => {
    const { participants, articleIds } = await resolveDealRefs(tx, catalog, input);
    const announcedAt = input.announced ? dayOf(input.announced.date) : null;
    const deal = await tx.deal.create({
      data: {
        type: input.type,
        status: input.status,
        title: input.title,
        summary: input.summary ?? null,
        announcedAt,
        announcedAtPrecision: input.announced?.precision ?? null,
        ...amountFields(input.amount, announcedAt),
        reviewStatus: input.reviewStatus ?? "ACCEPTED",
        participants: { create: participants },
        regions: { create: [...new Set(input.regionCodes)].map((regionCode) => ({ regionCode })) },
        sectors: { create: [...new Set(input.sectorCodes)].map((sectorCode) => ({ sectorCode })) },
        articles: { create: articleIds.map((articleId) => ({ articleId })) },
        statusHistory: { create: { status: input.status, articleId: articleIds[0] ?? null, note: "created" } },
      },
    });
    await recordAudit(tx, viewer, {
      action: "CREATE",
      targetType: "Deal",
      targetId: deal.id,
      after: await snapshot(tx, deal.id),
    });
    return { deal, arrivals: await recordArrivals(tx, [deal.id]) };
  });
  tracking?.announce(result.arrivals);
  return result;
}

export async function updateDeal({ prisma, catalog, viewer, tracking }: Deps, raw: UpdateDealInput) {
  const input = parseInput(updateSchema, raw);
  const id = decodeId(input.id, "Deal", ["input", "id"]);
  const result = await prisma.$transaction(async (tx) => {
    const before = await snapshot(tx, id);
    if (!before || before.deletedAt) throw AppError.notFound("Deal", input.id, ["input", "id"]);
    const { participants } = await resolveDealRefs(tx, catalog, input);
    const statusArticleId = input.statusArticleId
      ? decodeId(input.statusArticleId, "Article", ["input", "statusArticleId"])
      : null;
    if (statusArticleId && !(await tx.article.findFirst({ where: { id: statusArticleId, deletedAt: null } }))) {
      throw AppError.notFound("Article", input.statusArticleId ?? "", ["input", "statusArticleId"]);
    }
    const announcedAt =
      input.announced === undefined ? before.announcedAt : input.announced ? dayOf(input.announced.date) : null;
    if (input.participants) await tx.dealParticipant.deleteMany({ where: { dealId: id } });
    if (input.regionCodes) await tx.dealRegion.deleteMany({ where: { dealId: id } });
    if (input.sectorCodes) await tx.dealSector.deleteMany({ where: { dealId: id } });
    const statusChanged = input.status && input.status !== before.status;
    const currentAmount =
      before.amount === null || before.currency === null
        ? null
        : { amount: Number(before.amount), currency: before.currency };
    await tx.deal.update({
      where: { id },
      data: {
        ...(input.type ? { type: input.type } : {}),
        ...(input.status ? { status: input.status } : {}),
        ...(input.title ? { title: input.title } : {}),
        ...(input.summary !== undefined ? { summary: input.summary } : {}),
        ...(input.announced !== undefined
          ? { announcedAt, announcedAtPrecision: input.announced?.precision ?? null }
          : {}),
        ...(input.amount !== undefined || input.announced !== undefined
          ? amountFields(input.amount === undefined ? currentAmount : input.amount, announcedAt)
          : {}),
        ...(input.reviewStatus ? { reviewStatus: input.reviewStatus } : {}),
        ...(input.participants ? { participants: { create: participants } } : {}),
        ...(input.regionCodes
          ? { regions: { create: [...new Set(input.regionCodes)].map((regionCode) => ({ regionCode })) } }
          : {}),
        ...(input.sectorCodes
          ? { sectors: { create: [...new Set(input.sectorCodes)].map((sectorCode) => ({ sectorCode })) } }
          : {}),
        ...(statusChanged && input.status
          ? { statusHistory: { create: { status: input.status, articleId: statusArticleId } } }
          : {}),
        ...(statusArticleId
          ? {
              articles: {
                connectOrCreate: {
                  where: { dealId_articleId: { dealId: id, articleId: statusArticleId } },
                  create: { articleId: statusArticleId },
                },
              },
            }
          : {}),
      },
    });
    const after = await snapshot(tx, id);
    await recordAudit(tx, viewer, { action: "UPDATE", targetType: "Deal", targetId: id, before, after });
    const accepted = input.reviewStatus === "ACCEPTED" && before.reviewStatus !== "ACCEPTED";
    return { deal: after as Deal, arrivals: accepted ? await recordArrivals(tx, [id]) : [] };
  });
  tracking?.announce(result.arrivals);
  return result;
}

export async function setDealDeleted({ prisma, viewer }: Omit<Deps, "catalog">, globalId: string, deleted: boolean) {
  const id = decodeId(globalId, "Deal");
  return prisma.$transaction(async (tx) => {
    const before = await tx.deal.findUnique({ where: { id } });
    if (!before) throw AppError.notFound("Deal", globalId);
    if (Boolean(before.deletedAt) === deleted)
      throw AppError.conflict(deleted ? "The deal is already deleted." : "The deal is not deleted.", ["id"]);
    const deal = await tx.deal.update({ where: { id }, data: { deletedAt: deleted ? new Date() : null } });
    await recordAudit(tx, viewer, {
      action: deleted ? "DELETE" : "RESTORE",
      targetType: "Deal",
      targetId: id,
      before,
      after: deal,
    });
    return { deal };
  });
}
