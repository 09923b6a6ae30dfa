import { describe, expect, it } from "vitest";
import { toGlobalId } from "../common/relay.ts";
import { useTestApi } from "../testing/api-harness.ts";
import { expectRefused } from "../testing/expect-refused.ts";
import { makeEntity, uniqueName } from "../testing/factories.ts";

const api = useTestApi("reference");
const TEXT = "Fictional Robotics said on Monday it had agreed a partnership with Example Freight.";

async function fixture() {
  const prisma = api.db.prisma;
  const [subject, object] = await Promise.all([makeEntity(prisma), makeEntity(prisma)]);
  const article = await prisma.article.create({
    data: { title: uniqueName("Report"), text: TEXT, contentHash: uniqueName("hash") },
  });
  return {
    subject: toGlobalId("Entity", subject.id),
    object: toGlobalId("Entity", object.id),
    article: toGlobalId("Article", article.id),
  };
}

const CREATE = `mutation($input: CreateClaimInput!) { createClaim(input: $input) {
  claim { id reviewStatus evidence { quote start end } } errors { code field message } } }`;
const REVIEW = `mutation($input: ReviewClaimInput!) { reviewClaim(input: $input) { claim { reviewStatus reviewReason } errors { code field message } } }`;
const UPDATE = `mutation($input: UpdateClaimInput!) { updateClaim(input: $input) { claim { modality confidence } errors { code field message } } }`;

describe("createClaim", () => {
  it("stores the quote that the offsets slice from the article", async () => {
    const f = await fixture();
    const start = TEXT.indexOf("agreed a partnership");
    const data = await api.query<{ createClaim: { claim: { evidence: { quote: string }[] } } }>(CREATE, {
      input: {
        subjectId: f.subject,
        predicate: "PARTNERS_WITH",
        objectId: f.object,
        evidence: [{ articleId: f.article, start, end: start + 20 }],
      },
    });
    expect(data.createClaim.claim.evidence[0]?.quote).toBe("agreed a partnership");
  });

  it("refuses a quote that is not at its offsets, offsets past the text, and a claim with no object", async () => {
    const f = await fixture();
    await refusedInput(
      CREATE,
      {
        subjectId: f.subject,
        predicate: "PARTNERS_WITH",
        objectId: f.object,
        evidence: [{ articleId: f.article, start: 0, end: 10, quote: "Something else" }],
      },
      "input.evidence.0.quote",
    );
    await refusedInput(
      CREATE,
      {
        subjectId: f.subject,
        predicate: "PARTNERS_WITH",
        objectId: f.object,
        evidence: [{ articleId: f.article, start: 0, end: 10_000 }],
      },
      "input.evidence.0.end",
    );
    await refusedInput(CREATE, { subjectId: f.subject, predicate: "STATED" }, "input.objectId");
    await refusedInput(
      CREATE,
      { subjectId: f.subject, predicate: "HAS_METRIC", value: { number: 3, money: { amount: 1, currency: "USD" } } },
      "input.value",
    );
    await refusedInput(
      CREATE,
      { subjectId: f.subject, predicate: "STATED", value: { text: "hi" }, confidence: 2 },
      "input.confidence",
    );
  });
});

describe("reviewClaim, updateClaim, deleteClaim", () => {
  it("rejects with a reason, keeps the claim, and accepts again", async () => {
    const f = await fixture();
    const created = await api.query<{ createClaim: { claim: { id: string } } }>(CREATE, {
      input: { subjectId: f.subject, predicate: "STATED", value: { text: "A fictional remark." } },
    });
    const id = created.createClaim.claim.id;
    await refusedInput(REVIEW, { id, decision: "REJECT" }, "input.reason");
    const rejected = await api.query<{ reviewClaim: { claim: { reviewStatus: string; reviewReason: string } } }>(
      REVIEW,
      { input: { id, decision: "REJECT", reason: "Not in the article." } },
    );
    expect(rejected.reviewClaim.claim).toEqual({ reviewStatus: "REJECTED", reviewReason: "Not in the article." });
    const audit = await api.db.prisma.auditEvent.findFirst({ where: { action: "REVIEW" }, orderBy: { id: "desc" } });
    expect(audit?.actor).toBe("test:curator");
    const updated = await api.query<{ updateClaim: { claim: { modality: string; confidence: number } } }>(UPDATE, {
      input: { id, modality: "OPINION", confidence: 0.5 },
    });
    expect(updated.updateClaim.claim).toEqual({ modality: "OPINION", confidence: 0.5 });
    await refusedInput(
      UPDATE,
      { id: toGlobalId("Claim", "00000000-0000-4000-8000-000000000000"), confidence: 0.2 },
      "input.id",
    );
    await refusedInput(UPDATE, { id, qualifiers: { regionCode: "1234" } }, "input.qualifiers.regionCode");
    await api.query(`mutation($id: ID!) { deleteClaim(id: $id) { errors { code } } }`, { id });
    await refusedInput(`mutation($input: ID!) { deleteClaim(id: $input) { errors { field } } }`, id, "id");
    await api.query(`mutation($id: ID!) { restoreClaim(id: $id) { errors { code } } }`, { id });
    const restored = await api.query<{ claim: { deletedAt: string | null; reviewStatus: string } }>(
      `query($id: ID!) { claim(id: $id) { deletedAt reviewStatus } }`,
      { id },
    );
    expect(restored.claim).toEqual({ deletedAt: null, reviewStatus: "REJECTED" });
  });
});

const refusedInput = (mutation: string, input: unknown, field: string) =>
  expectRefused(api, mutation, { input }, field);
