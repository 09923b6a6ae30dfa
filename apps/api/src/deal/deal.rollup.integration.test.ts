import fc from "fast-check";
import { Prisma } from "@dealgraph/db";
import { beforeAll, describe, expect, it } from "vitest";
import { toGlobalId } from "../common/relay.ts";
import { importDeals } from "../import/import.service.ts";
import { syntheticAcquisitionsCsv } from "../import/import.generator.ts";
import { useTestApi } from "../testing/api-harness.ts";
import { makeEntity } from "../testing/factories.ts";
import type { DealCriteria } from "./deal.filter.ts";
import { DealGroupBy, StatsRegionLevel } from "./deal.input.ts";
import { dealMatrix, dealStats, dealSummary } from "./deal.service.ts";

// The rollups (deal_fact, deal_rollup, deal_rollup_month, deal_rollup_signature) are kept by triggers in the same
// transaction as every write. After random sequences of writes through the API (create, update,
// delete, restore, review decisions and their undo, deal merges and their undo, entity merges that
// move participants), CSV imports and raw SQL, every aggregate the rollups answer must equal the
// same aggregate recounted from the base tables, and the rollup tables must equal a rebuild.

const api = useTestApi("reference");

class RolledBack extends Error {
  constructor(readonly differences: Record<string, number>) {
    super("rolled back");
  }
}

const TYPES = ["STRATEGIC_PARTNERSHIP", "JOINT_VENTURE", "INVESTMENT", "ACQUISITION", "MERGER"] as const;
const STATUSES = ["RUMOURED", "ANNOUNCED", "SIGNED", "COMPLETED", "TERMINATED"] as const;
// Countries in two continents (two in Western Africa, so a deal can sit twice under one region),
// a sub-region and a continent as markets; ISIC sections and themes under them as sectors.
const REGIONS = ["156", "392", "566", "288", "250", "276", "155", "142"] as const;
const SECTORS = ["J", "artificial-intelligence", "cloud-computing", "C", "automotive", "K", "fintech"] as const;

const MUTATION = {
  create: `mutation($input: CreateDealInput!) { createDeal(input: $input) { deal { id } errors { code } } }`,
  update: `mutation($input: UpdateDealInput!) { updateDeal(input: $input) { errors { code } } }`,
  delete: `mutation($id: ID!) { deleteDeal(id: $id) { errors { code } } }`,
  restore: `mutation($id: ID!) { restoreDeal(id: $id) { errors { code } } }`,
  review: `mutation($input: ReviewDealInput!) { reviewDeal(input: $input) { auditEventId errors { code } } }`,
  undoReview: `mutation($input: UndoReviewInput!) { undoReview(input: $input) { errors { code } } }`,
  merge: `mutation($input: MergeDealsInput!) { mergeDeals(input: $input) { mergeId errors { code } } }`,
  undoMerge: `mutation($input: UndoMergeDealsInput!) { undoMergeDeals(input: $input) { errors { code } } }`,
  mergeEntities: `mutation($input: MergeEntitiesInput!) { mergeEntities(input: $input) { mergeId errors { code } } }`,
  undoMergeEntities: `mutation($input: UndoMergeEntitiesInput!) { undoMergeEntities(input: $input) { errors { code } } }`,
};

const subset = <T>(items: readonly T[], max: number) =>
  fc.uniqueArray(fc.constantFrom(...items), { minLength: 0, maxLength: max });
const day = fc
  .record({ year: fc.integer({ min: 2021, max: 2025 }), month: fc.integer({ min: 1, max: 12 }) })
  .map(({ year, month }) => `${year}-${String(month).padStart(2, "0")}-${month === 2 ? "28" : "15"}`);
const pick = fc.nat();

const op = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant("create" as const),
      type: fc.constantFrom(...TYPES),
      status: fc.constantFrom(...STATUSES),
      reviewStatus: fc.constantFrom("ACCEPTED", "ACCEPTED", "PROPOSED", "REJECTED"),
      regions: subset(REGIONS, 3),
      sectors: subset(SECTORS, 3),
      parties: fc.uniqueArray(pick, { minLength: 1, maxLength: 3 }),
      announced: fc.option(day),
      amount: fc.option(fc.integer({ min: 1, max: 5_000 }).map((m) => m * 1_000_000)),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("update" as const),
      deal: pick,
      status: fc.option(fc.constantFrom(...STATUSES), { nil: undefined }),
      type: fc.option(fc.constantFrom(...TYPES), { nil: undefined }),
      regions: fc.option(subset(REGIONS, 3), { nil: undefined }),
      sectors: fc.option(subset(SECTORS, 3), { nil: undefined }),
      parties: fc.option(fc.uniqueArray(pick, { minLength: 1, maxLength: 3 }), { nil: undefined }),
      announced: fc.option(fc.option(day), { nil: undefined }),
      amount: fc.option(fc.option(fc.integer({ min: 1, max: 900 }).map((m) => m * 1_000_000)), { nil: undefined }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constantFrom("delete" as const, "restore" as const), deal: pick }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("review" as const),
      deal: pick,
      accept: fc.boolean(),
      undo: fc.boolean(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant("merge" as const), source: pick, target: pick, undo: fc.boolean() }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("mergeEntities" as const),
      source: pick,
      target: pick,
      undo: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("import" as const),
      rows: fc.integer({ min: 1, max: 4 }),
      seed: fc.integer({ min: 1, max: 1_000_000 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("sql" as const),
      deal: pick,
      what: fc.constantFrom("amount", "market", "sector", "undate", "hard-delete"),
    }),
  },
);

type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

describe("rollups", () => {
  const entities: string[] = [];
  const deals: string[] = [];
  const merges: string[] = [];
  const at = <T>(items: T[], index: number) => items[index % items.length];

  beforeAll(async () => {
    for (let i = 0; i < 6; i++) entities.push((await makeEntity(api.db.prisma)).id);
  });

  const parties = (indexes: number[]) => [
    ...new Set(indexes.map((i) => at(entities, i)).filter((id): id is string => Boolean(id))),
  ];
  const participants = (indexes: number[]) =>
    parties(indexes).map((id, i) => ({ entityId: toGlobalId("Entity", id), role: i === 0 ? "ACQUIRER" : "TARGET" }));

  async function apply(step: Op): Promise<void> {
    const dealId = "deal" in step && step.kind !== "sql" ? at(deals, step.deal) : undefined;
    switch (step.kind) {
      case "create": {
        const result = await api.run<{ createDeal: { deal: { id: string } | null } }>(MUTATION.create, {
          input: {
            type: step.type,
            status: step.status,
            title: "Rollup test deal",
            reviewStatus: step.reviewStatus,
            participants: participants(step.parties),
            regionCodes: step.regions,
            sectorCodes: step.sectors,
            announced: step.announced ? { date: step.announced, precision: "DAY" } : null,
            amount: step.amount ? { amount: step.amount, currency: "USD" } : null,
          },
        });
        const id = result.data?.createDeal.deal?.id;
        if (id) deals.push(id);
        return;
      }
      case "update":
        if (!dealId) return;
        await api.run(MUTATION.update, {
          input: {
            id: dealId,
            ...(step.status ? { status: step.status } : {}),
            ...(step.type ? { type: step.type } : {}),
            ...(step.regions ? { regionCodes: step.regions } : {}),
            ...(step.sectors ? { sectorCodes: step.sectors } : {}),
            ...(step.parties ? { participants: participants(step.parties) } : {}),
            ...(step.announced !== undefined
              ? { announced: step.announced ? { date: step.announced, precision: "MONTH" } : null }
              : {}),
            ...(step.amount !== undefined
              ? { amount: step.amount ? { amount: step.amount, currency: "EUR" } : null }
              : {}),
          },
        });
        return;
      case "delete":
      case "restore":
        if (dealId) await api.run(MUTATION[step.kind], { id: dealId });
        return;
      case "review": {
        if (!dealId) return;
        const result = await api.run<{ reviewDeal: { auditEventId: string | null } }>(MUTATION.review, {
          input: { id: dealId, decision: step.accept ? "ACCEPT" : "REJECT", reason: "test" },
        });
        const auditEventId = result.data?.reviewDeal.auditEventId;
        if (step.undo && auditEventId) await api.run(MUTATION.undoReview, { input: { auditEventId } });
        return;
      }
      case "merge": {
        const [sourceId, targetId] = [at(deals, step.source), at(deals, step.target)];
        if (!sourceId || !targetId || sourceId === targetId) return;
        const result = await api.run<{ mergeDeals: { mergeId: string | null } }>(MUTATION.merge, {
          input: { sourceId, targetId },
        });
        const mergeId = result.data?.mergeDeals.mergeId;
        if (mergeId) merges.push(mergeId);
        if (step.undo && merges.length) await api.run(MUTATION.undoMerge, { input: { mergeId: merges.pop() } });
        return;
      }
      case "mergeEntities": {
        const [source, target] = [at(entities, step.source), at(entities, step.target)];
        if (!source || !target || source === target) return;
        const result = await api.run<{ mergeEntities: { mergeId: string | null } }>(MUTATION.mergeEntities, {
          input: { sourceId: toGlobalId("Entity", source), targetId: toGlobalId("Entity", target) },
        });
        const mergeId = result.data?.mergeEntities.mergeId;
        if (mergeId && step.undo) await api.run(MUTATION.undoMergeEntities, { input: { mergeId } });
        return;
      }
      case "import":
        await importDeals(
          { prisma: api.db.prisma, catalog: api.server().catalog, viewer: { actor: "test:import" } },
          syntheticAcquisitionsCsv(step.rows, step.seed),
        );
        return;
      case "sql": {
        // Writers that bypass the API are covered too: the triggers live in the database.
        const [raw] = await api.db.prisma.$queryRaw<{ id: string }[]>`
          SELECT id FROM deal ORDER BY created_at DESC, id OFFSET ${step.deal % 8} LIMIT 1`;
        const target = raw?.id;
        if (!target) return;
        const statements: Record<typeof step.what, Prisma.Sql> = {
          amount: Prisma.sql`UPDATE deal SET amount_usd = COALESCE(amount_usd, 0) + 1000 WHERE id = ${target}::uuid`,
          market: Prisma.sql`INSERT INTO deal_region (deal_id, region_code) VALUES (${target}::uuid, '404')
            ON CONFLICT DO NOTHING`,
          sector: Prisma.sql`DELETE FROM deal_sector WHERE deal_id = ${target}::uuid`,
          undate: Prisma.sql`UPDATE deal SET announced_at = NULL, first_reported_at = '2023-12-31T23:30:00Z'
            WHERE id = ${target}::uuid`,
          "hard-delete": Prisma.sql`DELETE FROM deal WHERE id = ${target}::uuid AND NOT EXISTS (
            SELECT 1 FROM deal m WHERE m.merged_into_id = ${target}::uuid)
            AND NOT EXISTS (SELECT 1 FROM claim c WHERE c.deal_id = ${target}::uuid)`,
        };
        await api.db.prisma.$executeRaw(statements[step.what]).catch(() => {});
        return;
      }
    }
  }

  const groupings: { groupBy: DealGroupBy; regionLevel: StatsRegionLevel }[] = [
    ...Object.values(StatsRegionLevel).map((regionLevel) => ({ groupBy: DealGroupBy.REGION, regionLevel })),
    ...[DealGroupBy.SECTOR, DealGroupBy.MONTH, DealGroupBy.QUARTER, DealGroupBy.YEAR, DealGroupBy.TYPE].map(
      (groupBy) => ({ groupBy, regionLevel: StatsRegionLevel.CONTINENT }),
    ),
    { groupBy: DealGroupBy.STATUS, regionLevel: StatsRegionLevel.CONTINENT },
  ];

  // Every path of the rollups: none, one region (continent, sub-region, country), one sector
  // (section, theme), both, types, statuses, whole months, days, everything at once, review statuses.
  const filters: DealCriteria[] = [
    {},
    { regionCode: "002" },
    { regionCode: "011" },
    { regionCode: "142" },
    { regionCode: "156" },
    { sectorCode: "J" },
    { sectorCode: "fintech" },
    { regionCode: "002", sectorCode: "J" },
    { types: ["ACQUISITION", "INVESTMENT"] },
    { statuses: ["SIGNED", "COMPLETED"] },
    { from: "2023-01", to: "2024-06" },
    { from: "2023-02-10", to: "2024" },
    { regionCode: "142", sectorCode: "C", types: ["ACQUISITION", "JOINT_VENTURE"], from: "2022", to: "2025-12" },
    { regionCode: "002", statuses: ["ANNOUNCED", "RUMOURED"] },
    { reviewStatuses: ["ACCEPTED", "PROPOSED"] },
    { reviewStatuses: ["REJECTED"], sectorCode: "C" },
  ];

  // The API's answer cache, one request's view per call: after every batch of writes the same
  // questions are asked again, so a cached answer that outlived a write would differ from the recount.
  const deps = () => {
    const { db, catalog, rollupAnswers } = api.server();
    if (!rollupAnswers) throw new Error("the test API runs with the rollup answer cache");
    return { prisma: db.prisma, catalog, rollups: rollupAnswers.forRequest(db.read) };
  };
  // A reporting-period filter that every deal passes: the service then recounts from the base tables.
  const recount = (criteria: DealCriteria): DealCriteria => ({ ...criteria, reportedFrom: "1900" });
  const round = <T extends { totalAmountUsd: number }>(items: T[]) =>
    items.map((item) => ({ ...item, totalAmountUsd: Number(item.totalAmountUsd.toPrecision(12)) }));

  async function expectExact(): Promise<void> {
    // The answers, each asked twice: the first after the writes (a cached answer from the last
    // round must have been invalidated by them), the second from the cache.
    for (let pass = 0; pass < 2; pass += 1) {
      for (const criteria of filters) {
        for (const grouping of groupings) {
          const fast = await dealStats(deps(), { ...grouping, criteria });
          const slow = await dealStats(deps(), { ...grouping, criteria: recount(criteria) });
          expect(fast, JSON.stringify({ criteria, grouping })).toEqual(slow);
        }
        expect(await dealSummary(deps(), criteria), JSON.stringify(criteria)).toEqual(
          await dealSummary(deps(), recount(criteria)),
        );
        for (const regionLevel of [StatsRegionLevel.CONTINENT, StatsRegionLevel.COUNTRY]) {
          const args = { regionLevel, regionLimit: 2, sectorLimit: 3 };
          const fast = await dealMatrix(deps(), { ...args, criteria });
          const slow = await dealMatrix(deps(), { ...args, criteria: recount(criteria) });
          const byKey = (a: { regionKey: string; sectorKey: string }, b: { regionKey: string; sectorKey: string }) =>
            `${a.regionKey}/${a.sectorKey}`.localeCompare(`${b.regionKey}/${b.sectorKey}`);
          expect(round(fast.regions), JSON.stringify({ criteria, regionLevel })).toEqual(round(slow.regions));
          expect(round(fast.sectors)).toEqual(round(slow.sectors));
          expect(round(fast.cells).sort(byKey)).toEqual(round(slow.cells).sort(byKey));
        }
      }
    }
    // The tables themselves: what the triggers kept equals a rebuild from the base tables. The
    // rebuild is rolled back, so that the next round's cached answers are invalidated by its
    // writes alone.
    const differences = await api.db.prisma
      .$transaction(async (tx) => {
        await tx.$executeRaw`CREATE TEMP TABLE kept_fact ON COMMIT DROP AS SELECT * FROM deal_fact`;
        await tx.$executeRaw`CREATE TEMP TABLE kept_rollup ON COMMIT DROP AS
        SELECT * FROM deal_rollup WHERE count <> 0 OR total_usd <> 0 OR priced <> 0`;
        await tx.$executeRaw`CREATE TEMP TABLE kept_month ON COMMIT DROP AS
        SELECT * FROM deal_rollup_month WHERE count <> 0 OR total_usd <> 0 OR priced <> 0`;
        await tx.$executeRaw`CREATE TEMP TABLE kept_signature ON COMMIT DROP AS
        SELECT * FROM deal_rollup_signature WHERE count <> 0 OR total_usd <> 0`;
        await tx.$executeRaw`SELECT deal_rollups_rebuild()`;
        const [row] = await tx.$queryRaw<{ fact: bigint; rollup: bigint; month: bigint; signature: bigint }[]>`
        SELECT (SELECT count(*) FROM ((TABLE kept_fact EXCEPT TABLE deal_fact)
                  UNION ALL (TABLE deal_fact EXCEPT TABLE kept_fact)) x) AS fact,
               (SELECT count(*) FROM ((TABLE kept_rollup EXCEPT TABLE deal_rollup)
                  UNION ALL (TABLE deal_rollup EXCEPT TABLE kept_rollup)) x) AS rollup,
               (SELECT count(*) FROM ((TABLE kept_month EXCEPT TABLE deal_rollup_month)
                  UNION ALL (TABLE deal_rollup_month EXCEPT TABLE kept_month)) x) AS month,
               (SELECT count(*) FROM ((TABLE kept_signature EXCEPT TABLE deal_rollup_signature)
                  UNION ALL (TABLE deal_rollup_signature EXCEPT TABLE kept_signature)) x) AS signature`;
        throw new RolledBack({
          fact: Number(row?.fact),
          rollup: Number(row?.rollup),
          month: Number(row?.month),
          signature: Number(row?.signature),
        });
      })
      .catch((error: unknown) => {
        if (error instanceof RolledBack) return error.differences;
        throw error;
      });
    expect(differences).toEqual({ fact: 0, rollup: 0, month: 0, signature: 0 });
  }

  it("stay equal to a recount from the base tables after random writes, merges, reviews and imports", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 6, maxLength: 20 }), async (steps) => {
        for (const step of steps) await apply(step);
        await expectExact();
      }),
      { numRuns: 6, endOnFailure: true },
    );
    // The cache answered repeated questions between writes, and recomputed after them.
    const { hits, misses } = api.server().rollupAnswers?.stats ?? { hits: 0, misses: 0 };
    expect(hits).toBeGreaterThan(0);
    expect(misses).toBeGreaterThan(0);
    // The property ran on real data: deals in several states, not an empty table.
    const [row] = await api.db.prisma.$queryRaw<{ facts: bigint }[]>`SELECT count(*) AS facts FROM deal_fact`;
    expect(Number(row?.facts)).toBeGreaterThan(10);
  });
});
