import { describe, expect, it } from "vitest";
import { toGlobalId } from "../common/relay.ts";
import { fixedPartnership, ingestWith } from "../ingest/ingest.testing.ts";
import { useTestApi } from "../testing/api-harness.ts";
import { makeEntity, tableCounts } from "../testing/factories.ts";

const api = useTestApi("reference");

const QUEUE = `query($first: Int, $after: String, $kinds: [ReviewKind!]) {
  reviewQueue(first: $first, after: $after, kinds: $kinds) {
    totalCount pageInfo { hasNextPage endCursor }
    nodes { kind id confidence proposedAt claim { id reviewStatus } deal { id title } entity { id name } } } }`;
const REVIEW_DEAL = `mutation($input: ReviewDealInput!) { reviewDeal(input: $input) {
  deal { id reviewStatus reviewReason confidence participants { entity { reviewStatus } } } auditEventId
  errors { code field message } } }`;
const REVIEW_ENTITY = `mutation($input: ReviewEntityInput!) { reviewEntity(input: $input) {
  entity { id name reviewStatus reviewReason } auditEventId mergeId errors { code field message } } }`;
const UNDO = `mutation($input: UndoReviewInput!) { undoReview(input: $input) {
  kind claim { id reviewStatus } deal { id reviewStatus reviewReason } entity { id reviewStatus }
  errors { code field message } } }`;
const REGION_COUNT = `query($region: String!) {
  deals(filter: { regionCode: $region }) { totalCount }
  dealStats(groupBy: REGION, regionLevel: COUNTRY, filter: { regionCode: $region }) { key count } }`;

interface QueueNode {
  kind: string;
  id: string;
  confidence: number | null;
  proposedAt: string;
  claim: { id: string; reviewStatus: string } | null;
  deal: { id: string; title: string } | null;
  entity: { id: string; name: string } | null;
}
interface Errors {
  errors: { code: string; field: string[] | null; message: string }[];
}

const ingest = (fixture: ReturnType<typeof fixedPartnership>) =>
  ingestWith(() => ({ prisma: api.db.prisma, catalog: api.server().catalog }), fixture.extraction)(fixture.text);

async function queue(variables: Record<string, unknown> = {}) {
  return (
    await api.query<{
      reviewQueue: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; nodes: QueueNode[] };
    }>(QUEUE, { first: 100, ...variables })
  ).reviewQueue;
}

async function regionCount(region: string) {
  const data = await api.query<{ deals: { totalCount: number }; dealStats: { key: string; count: number }[] }>(
    REGION_COUNT,
    { region },
  );
  return { deals: data.deals.totalCount, stats: data.dealStats.find((b) => b.key === region)?.count ?? 0 };
}

async function refused(mutation: string, input: unknown, field: string) {
  const before = await tableCounts(api.db.prisma);
  const result = await api.run<Record<string, Errors>>(mutation, { input });
  expect(result.errors).toBeUndefined();
  const payload = Object.values(result.data)[0];
  expect(payload?.errors.map((e) => e.field?.join("."))).toContain(field);
  expect(await tableCounts(api.db.prisma)).toEqual(before);
}

describe("reviewQueue", () => {
  it("lists what extraction proposed, newest first, by kind, page by page", async () => {
    const older = await ingest(fixedPartnership());
    const newer = await ingest(fixedPartnership());
    const all = await queue();
    const dealIds = [newer, older].map((r) => toGlobalId("Deal", r.deals[0]?.id ?? ""));
    const listedDeals = all.nodes.filter((n) => n.kind === "DEAL").map((n) => n.id);
    expect(listedDeals.slice(0, 2)).toEqual(dealIds);
    // Each ingest proposed one deal, one claim and two entities.
    expect(all.totalCount).toBe(8);
    const times = all.nodes.map((n) => Date.parse(n.proposedAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const deal = all.nodes.find((n) => n.id === dealIds[0]);
    expect(deal?.deal?.id).toBe(dealIds[0]);
    expect(deal?.confidence).toBe(0.9);
    expect(all.nodes.filter((n) => n.kind === "ENTITY").every((n) => n.entity && n.confidence === null)).toBe(true);

    const claims = await queue({ kinds: ["CLAIM"] });
    expect(claims.totalCount).toBe(2);
    expect(claims.nodes.every((n) => n.kind === "CLAIM" && n.claim?.reviewStatus === "PROPOSED")).toBe(true);

    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page += 1) {
      const slice = await queue({ first: 3, after });
      seen.push(...slice.nodes.map((n) => n.id));
      if (!slice.pageInfo.hasNextPage) break;
      after = slice.pageInfo.endCursor;
    }
    expect(seen).toEqual(all.nodes.map((n) => n.id));
  });
});

describe("reviewDeal", () => {
  it("accepting makes the deal count in deals and dealStats with its parties; undo takes it back", async () => {
    const result = await ingest(fixedPartnership({ regionCode: "894" })); // Zambia
    const id = toGlobalId("Deal", result.deals[0]?.id ?? "");
    expect(await regionCount("894")).toEqual({ deals: 0, stats: 0 });

    const accepted = await api.query<{
      reviewDeal: {
        deal: { reviewStatus: string; participants: { entity: { reviewStatus: string } }[] };
        auditEventId: string;
      } & Errors;
    }>(REVIEW_DEAL, { input: { id, decision: "ACCEPT" } });
    expect(accepted.reviewDeal.errors).toEqual([]);
    expect(accepted.reviewDeal.deal.reviewStatus).toBe("ACCEPTED");
    expect(accepted.reviewDeal.deal.participants.map((p) => p.entity.reviewStatus)).toEqual(["ACCEPTED", "ACCEPTED"]);
    expect(await regionCount("894")).toEqual({ deals: 1, stats: 1 });
    expect((await queue()).nodes.some((n) => n.id === id)).toBe(false);
    const event = await api.db.prisma.auditEvent.findUniqueOrThrow({
      where: { id: BigInt(accepted.reviewDeal.auditEventId) },
    });
    expect(event.actor).toBe("test:curator");

    const undone = await api.query<{ undoReview: { deal: { reviewStatus: string } } & Errors }>(UNDO, {
      input: { auditEventId: accepted.reviewDeal.auditEventId },
    });
    expect(undone.undoReview.errors).toEqual([]);
    expect(undone.undoReview.deal.reviewStatus).toBe("PROPOSED");
    expect(await regionCount("894")).toEqual({ deals: 0, stats: 0 });
    const participants = await api.db.prisma.dealParticipant.findMany({
      where: { dealId: result.deals[0]?.id },
      include: { entity: true },
    });
    expect(participants.map((p) => p.entity.reviewStatus)).toEqual(["PROPOSED", "PROPOSED"]);
    expect((await queue()).nodes.some((n) => n.id === id)).toBe(true);

    // The same decision cannot be undone twice.
    await refused(UNDO, { auditEventId: accepted.reviewDeal.auditEventId }, "input.auditEventId");
  });

  it("rejects with a reason, refuses to undo a decision reviewed again since, and undoes the later one", async () => {
    const result = await ingest(fixedPartnership());
    const id = toGlobalId("Deal", result.deals[0]?.id ?? "");
    await refused(REVIEW_DEAL, { id, decision: "REJECT" }, "input.reason");
    const rejected = await api.query<{
      reviewDeal: { deal: { reviewStatus: string; reviewReason: string }; auditEventId: string } & Errors;
    }>(REVIEW_DEAL, { input: { id, decision: "REJECT", reason: "not a partnership" } });
    expect(rejected.reviewDeal.deal).toMatchObject({ reviewStatus: "REJECTED", reviewReason: "not a partnership" });
    const accepted = await api.query<{ reviewDeal: { auditEventId: string } }>(REVIEW_DEAL, {
      input: { id, decision: "ACCEPT" },
    });
    await refused(UNDO, { auditEventId: rejected.reviewDeal.auditEventId }, "input.auditEventId");
    const undone = await api.query<{ undoReview: { deal: { reviewStatus: string; reviewReason: string | null } } }>(
      UNDO,
      { input: { auditEventId: accepted.reviewDeal.auditEventId } },
    );
    expect(undone.undoReview.deal).toMatchObject({ reviewStatus: "REJECTED", reviewReason: "not a partnership" });
  });

  it("refuses bad input, changing nothing", async () => {
    const result = await ingest(fixedPartnership());
    const id = toGlobalId("Deal", result.deals[0]?.id ?? "");
    await refused(REVIEW_DEAL, { id: "nope", decision: "ACCEPT" }, "input.id");
    await refused(
      REVIEW_DEAL,
      { id: toGlobalId("Deal", "00000000-0000-4000-8000-000000000000"), decision: "ACCEPT" },
      "input.id",
    );
    await refused(REVIEW_DEAL, { id, decision: "REJECT", reason: "  " }, "input.reason");
    await refused(UNDO, { auditEventId: "x1" }, "input.auditEventId");
    await refused(UNDO, { auditEventId: "999999999" }, "input.auditEventId");
  });
});

describe("reviewEntity", () => {
  it("accepts and rejects a proposed entity, each undoable", async () => {
    const result = await ingest(fixedPartnership());
    const deal = await api.db.prisma.deal.findUniqueOrThrow({
      where: { id: result.deals[0]?.id },
      include: { participants: true },
    });
    const [first, second] = deal.participants.map((p) => toGlobalId("Entity", p.entityId));
    const accepted = await api.query<{
      reviewEntity: { entity: { reviewStatus: string }; auditEventId: string } & Errors;
    }>(REVIEW_ENTITY, { input: { id: first, decision: "ACCEPT" } });
    expect(accepted.reviewEntity.entity.reviewStatus).toBe("ACCEPTED");
    const rejected = await api.query<{
      reviewEntity: { entity: { reviewStatus: string; reviewReason: string }; auditEventId: string } & Errors;
    }>(REVIEW_ENTITY, { input: { id: second, decision: "REJECT", reason: "a headline fragment" } });
    expect(rejected.reviewEntity.entity).toMatchObject({
      reviewStatus: "REJECTED",
      reviewReason: "a headline fragment",
    });
    for (const auditEventId of [accepted.reviewEntity.auditEventId, rejected.reviewEntity.auditEventId]) {
      const undone = await api.query<{ undoReview: { entity: { reviewStatus: string } } & Errors }>(UNDO, {
        input: { auditEventId },
      });
      expect(undone.undoReview.entity.reviewStatus).toBe("PROPOSED");
    }
  });

  it("merges a proposed entity into a known one, moving its mentions, claims and deals; undo restores it", async () => {
    const fixture = fixedPartnership();
    const result = await ingest(fixture);
    const known = await makeEntity(api.db.prisma, { name: `${fixture.a} Holdings` });
    const proposed = await api.db.prisma.entity.findFirstOrThrow({ where: { name: fixture.a } });
    const state = async (entityId: string) => ({
      mentions: await api.db.prisma.mention.count({ where: { entityId } }),
      claims: await api.db.prisma.claim.count({ where: { subjectId: entityId } }),
      deals: await api.db.prisma.dealParticipant.count({ where: { entityId } }),
    });
    const before = { proposed: await state(proposed.id), known: await state(known.id) };
    expect(before.proposed).toEqual({ mentions: 1, claims: 1, deals: 1 });

    const merged = await api.query<{
      reviewEntity: { entity: { id: string; name: string }; auditEventId: string; mergeId: string } & Errors;
    }>(REVIEW_ENTITY, {
      input: { id: toGlobalId("Entity", proposed.id), decision: "ACCEPT", mergeIntoId: toGlobalId("Entity", known.id) },
    });
    expect(merged.reviewEntity.errors).toEqual([]);
    expect(merged.reviewEntity.entity.id).toBe(toGlobalId("Entity", known.id));
    expect(merged.reviewEntity.mergeId).toBeTruthy();
    expect(await state(known.id)).toEqual({ mentions: 1, claims: 1, deals: 1 });
    expect((await queue()).nodes.some((n) => n.id === toGlobalId("Entity", proposed.id))).toBe(false);
    // The proposed name is now an alias of the known entity: the next article resolves to it.
    expect(await api.db.prisma.entityAlias.count({ where: { entityId: known.id, name: fixture.a } })).toBe(1);

    const undone = await api.query<{ undoReview: { entity: { id: string; reviewStatus: string } } & Errors }>(UNDO, {
      input: { auditEventId: merged.reviewEntity.auditEventId },
    });
    expect(undone.undoReview.errors).toEqual([]);
    expect(undone.undoReview.entity).toEqual({ id: toGlobalId("Entity", proposed.id), reviewStatus: "PROPOSED" });
    expect({ proposed: await state(proposed.id), known: await state(known.id) }).toEqual(before);
    expect((await api.db.prisma.entity.findUniqueOrThrow({ where: { id: proposed.id } })).mergedIntoId).toBeNull();
    expect(result.deals).toHaveLength(1);
  });

  it("refuses bad input, changing nothing", async () => {
    const fixture = fixedPartnership();
    await ingest(fixture);
    const proposed = await api.db.prisma.entity.findFirstOrThrow({ where: { name: fixture.a } });
    const person = await makeEntity(api.db.prisma, { kind: "PERSON" });
    const id = toGlobalId("Entity", proposed.id);
    await refused(REVIEW_ENTITY, { id: "nope", decision: "ACCEPT" }, "input.id");
    await refused(REVIEW_ENTITY, { id, decision: "REJECT" }, "input.reason");
    await refused(REVIEW_ENTITY, { id, decision: "ACCEPT", mergeIntoId: id }, "input.mergeIntoId");
    await refused(
      REVIEW_ENTITY,
      { id, decision: "REJECT", reason: "dup", mergeIntoId: toGlobalId("Entity", person.id) },
      "input.mergeIntoId",
    );
    await refused(
      REVIEW_ENTITY,
      { id, decision: "ACCEPT", mergeIntoId: toGlobalId("Entity", person.id) },
      "input.mergeIntoId",
    );
    await refused(
      REVIEW_ENTITY,
      { id, decision: "ACCEPT", mergeIntoId: toGlobalId("Entity", "00000000-0000-4000-8000-000000000000") },
      "input.mergeIntoId",
    );
  });
});

describe("undoReview of claims and the review log", () => {
  it("takes back a claim decision found in the review log", async () => {
    const result = await ingest(fixedPartnership());
    const claim = await api.db.prisma.claim.findFirstOrThrow({ where: { dealId: result.deals[0]?.id } });
    const claimId = toGlobalId("Claim", claim.id);
    await api.query(`mutation($input: ReviewClaimInput!) { reviewClaim(input: $input) { errors { code } } }`, {
      input: { id: claimId, decision: "REJECT", reason: "wrong parties" },
    });
    const log = await api.query<{
      reviewLog: {
        nodes: {
          auditEventId: string;
          kind: string;
          from: string;
          to: string;
          reason: string;
          undone: boolean;
          claim: { id: string } | null;
        }[];
      };
    }>(`{ reviewLog(first: 5) { nodes { auditEventId kind from to reason undone actor claim { id } } } }`);
    const [latest] = log.reviewLog.nodes;
    expect(latest).toMatchObject({
      kind: "CLAIM",
      from: "PROPOSED",
      to: "REJECTED",
      reason: "wrong parties",
      undone: false,
    });
    expect(latest?.claim?.id).toBe(claimId);
    const undone = await api.query<{ undoReview: { claim: { reviewStatus: string } } & Errors }>(UNDO, {
      input: { auditEventId: latest?.auditEventId },
    });
    expect(undone.undoReview.claim.reviewStatus).toBe("PROPOSED");
    const again = await api.query<{ reviewLog: { nodes: { auditEventId: string; undone: boolean }[] } }>(
      `{ reviewLog(first: 5) { nodes { auditEventId undone } } }`,
    );
    expect(again.reviewLog.nodes.find((n) => n.auditEventId === latest?.auditEventId)?.undone).toBe(true);
  });
});
