import { describe, expect, it } from "vitest";
import { toGlobalId } from "../common/relay.ts";
import { useTestApi } from "../testing/api-harness.ts";
import { makeDeal, makeEntity, tableCounts, uniqueName } from "../testing/factories.ts";

const api = useTestApi("reference");

const MERGE = `mutation($input: MergeDealsInput!) { mergeDeals(input: $input) {
  deal { id status sourceCount participants { role entity { id } } regions { code } sectors { code }
    statusHistory { status } claims { id } }
  mergeId errors { code field message } } }`;
const UNDO = `mutation($input: UndoMergeDealsInput!) { undoMergeDeals(input: $input) {
  deal { id mergedInto { id } } mergeId errors { code field message } } }`;

interface Errors {
  errors: { code: string; field: string[] | null; message: string }[];
}

async function article() {
  const title = uniqueName("Report");
  return api.db.prisma.article.create({ data: { title, text: `${title}: the deal.`, contentHash: title } });
}

/** Everything a merge may touch on a deal, in a comparable form. */
async function snapshot(dealId: string) {
  const deal = await api.db.prisma.deal.findUniqueOrThrow({
    where: { id: dealId },
    include: { participants: true, regions: true, sectors: true, articles: true, claims: true, statusHistory: true },
  });
  return {
    status: deal.status,
    firstReportedAt: deal.firstReportedAt.toISOString(),
    announcedAt: deal.announcedAt?.toISOString() ?? null,
    amount: deal.amount?.toString() ?? null,
    currency: deal.currency,
    amountUsd: deal.amountUsd?.toString() ?? null,
    mergedIntoId: deal.mergedIntoId,
    participants: deal.participants.map((p) => `${p.entityId}:${p.role}`).sort(),
    regions: deal.regions.map((r) => r.regionCode).sort(),
    sectors: deal.sectors.map((s) => s.sectorCode).sort(),
    articles: deal.articles.map((a) => `${a.articleId}@${a.addedAt.toISOString()}`).sort(),
    claims: deal.claims.map((c) => c.id).sort(),
    statusHistory: deal.statusHistory.map((s) => s.id).sort(),
  };
}

/** Two reports of one deal: the source (signed, with an amount) and the target (announced, earlier). */
async function twoDeals() {
  const prisma = api.db.prisma;
  const [a, b, c] = await Promise.all([makeEntity(prisma), makeEntity(prisma), makeEntity(prisma)]);
  const [first, shared, later] = await Promise.all([article(), article(), article()]);
  const target = await makeDeal(prisma, {
    parties: [a.id, b.id],
    regionCodes: ["404"],
    sectorCodes: ["fintech"],
    announcedAt: new Date("2025-02-01T00:00:00Z"),
  });
  await prisma.deal.update({ where: { id: target.id }, data: { firstReportedAt: new Date("2025-03-01T00:00:00Z") } });
  const source = await makeDeal(prisma, {
    parties: [a.id, b.id, c.id],
    regionCodes: ["404", "566"],
    sectorCodes: ["fintech", "logistics"],
    status: "SIGNED",
  });
  await prisma.deal.update({
    where: { id: source.id },
    data: {
      firstReportedAt: new Date("2025-01-15T00:00:00Z"),
      amount: 5_000_000,
      currency: "USD",
      amountUsd: 5_000_000,
      reviewStatus: "PROPOSED",
    },
  });
  await prisma.dealArticle.createMany({
    data: [
      { dealId: target.id, articleId: shared.id },
      { dealId: source.id, articleId: first.id },
      { dealId: source.id, articleId: shared.id },
      { dealId: source.id, articleId: later.id },
    ],
  });
  await prisma.dealStatusChange.createMany({
    data: [
      { dealId: target.id, status: "ANNOUNCED", articleId: shared.id, changedAt: new Date("2025-03-01T00:00:00Z") },
      { dealId: source.id, status: "ANNOUNCED", articleId: first.id, changedAt: new Date("2025-01-15T00:00:00Z") },
      { dealId: source.id, status: "SIGNED", articleId: later.id, changedAt: new Date("2025-06-01T00:00:00Z") },
    ],
  });
  const claim = await prisma.claim.create({
    data: { subjectId: a.id, predicate: "PARTNERS_WITH", valueKind: "ENTITY", objectId: b.id, dealId: source.id },
  });
  return { source, target, claim, parties: [a, b, c] };
}

async function refused(mutation: string, input: unknown, field: string) {
  const before = await tableCounts(api.db.prisma);
  const result = await api.run<Record<string, Errors>>(mutation, { input });
  expect(result.errors).toBeUndefined();
  const payload = Object.values(result.data)[0];
  expect(payload?.errors.map((e) => e.field?.join("."))).toContain(field);
  expect(await tableCounts(api.db.prisma)).toEqual(before);
}

describe("mergeDeals and undoMergeDeals", () => {
  it("moves everything of the duplicate onto the deal that remains, and undo restores both exactly", async () => {
    const { source, target, claim, parties } = await twoDeals();
    const before = { source: await snapshot(source.id), target: await snapshot(target.id) };
    const counts = await tableCounts(api.db.prisma);

    const merged = await api.query<{
      mergeDeals: {
        deal: {
          id: string;
          status: string;
          sourceCount: number;
          participants: { entity: { id: string } }[];
          regions: { code: string }[];
          sectors: { code: string }[];
          statusHistory: { status: string }[];
          claims: { id: string }[];
        };
        mergeId: string;
      } & Errors;
    }>(MERGE, { input: { sourceId: toGlobalId("Deal", source.id), targetId: toGlobalId("Deal", target.id) } });
    expect(merged.mergeDeals.errors).toEqual([]);
    const deal = merged.mergeDeals.deal;
    expect(deal.id).toBe(toGlobalId("Deal", target.id));
    expect(deal.status).toBe("SIGNED");
    expect(deal.sourceCount).toBe(3);
    expect(deal.participants.map((p) => p.entity.id).sort()).toEqual(
      parties.map((p) => toGlobalId("Entity", p.id)).sort(),
    );
    expect(deal.regions.map((r) => r.code).sort()).toEqual(["404", "566"]);
    expect(deal.sectors.map((s) => s.code).sort()).toEqual(["fintech", "logistics"]);
    expect(deal.statusHistory.map((s) => s.status)).toEqual(["ANNOUNCED", "ANNOUNCED", "SIGNED"]);
    expect(deal.claims.map((c) => c.id)).toEqual([toGlobalId("Claim", claim.id)]);
    const after = await snapshot(target.id);
    expect(after.firstReportedAt).toBe("2025-01-15T00:00:00.000Z");
    expect(after.amountUsd).toBe("5000000");
    expect(after.announcedAt).toBe(before.target.announcedAt);
    expect((await snapshot(source.id)).mergedIntoId).toBe(target.id);
    // The duplicate leaves the lists: one deal in Nigeria, the target.
    const listed = await api.query<{ deals: { nodes: { id: string }[] } }>(
      `{ deals(filter: { regionCode: "566", reviewStatuses: [ACCEPTED, PROPOSED] }) { nodes { id } } }`,
    );
    expect(listed.deals.nodes.map((n) => n.id)).toContain(toGlobalId("Deal", target.id));
    expect(listed.deals.nodes.map((n) => n.id)).not.toContain(toGlobalId("Deal", source.id));
    // The source can be merged no more, nor can a deal into itself.
    await refused(
      MERGE,
      { sourceId: toGlobalId("Deal", source.id), targetId: toGlobalId("Deal", target.id) },
      "input.sourceId",
    );

    const undone = await api.query<{ undoMergeDeals: { deal: { id: string; mergedInto: null } } & Errors }>(UNDO, {
      input: { mergeId: merged.mergeDeals.mergeId },
    });
    expect(undone.undoMergeDeals.errors).toEqual([]);
    expect(undone.undoMergeDeals.deal).toEqual({ id: toGlobalId("Deal", source.id), mergedInto: null });
    expect({ source: await snapshot(source.id), target: await snapshot(target.id) }).toEqual(before);
    // Only the two audit events were added.
    expect(await tableCounts(api.db.prisma)).toEqual({ ...counts, audit: counts.audit + 2 });
    await refused(UNDO, { mergeId: merged.mergeDeals.mergeId }, "input.mergeId");
  });

  it("refuses bad input, changing nothing", async () => {
    const { source, target } = await twoDeals();
    const missing = toGlobalId("Deal", "00000000-0000-4000-8000-000000000000");
    await refused(
      MERGE,
      { sourceId: toGlobalId("Deal", source.id), targetId: toGlobalId("Deal", source.id) },
      "input.targetId",
    );
    await refused(MERGE, { sourceId: "nope", targetId: toGlobalId("Deal", target.id) }, "input.sourceId");
    await refused(MERGE, { sourceId: toGlobalId("Deal", source.id), targetId: missing }, "input.targetId");
    await refused(
      MERGE,
      { sourceId: toGlobalId("Entity", source.id), targetId: toGlobalId("Deal", target.id) },
      "input.sourceId",
    );
    await refused(UNDO, { mergeId: "abc" }, "input.mergeId");
    await refused(UNDO, { mergeId: "987654321" }, "input.mergeId");
  });
});
