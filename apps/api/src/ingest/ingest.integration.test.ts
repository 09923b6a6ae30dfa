import { describe, expect, it } from "vitest";
import { fromGlobalId, toGlobalId } from "../common/relay.ts";
import { useTestApi } from "../testing/api-harness.ts";
import { tableCounts } from "../testing/factories.ts";
import type { Extraction } from "./ingest.extractor.ts";
import type { IngestOptions } from "./ingest.service.ts";
import { fixedPartnership, ingestWith } from "./ingest.testing.ts";

const api = useTestApi("reference");

const INGEST = `mutation($input: IngestArticleInput!) { ingestArticle(input: $input) {
  duplicate
  article { id title text publishedAt { date precision } }
  proposed { entities claims deals attachedDeals mentions keptClaims autoAccepted }
  deals { id title type status reviewStatus sourceCount
    participants { role entity { id name reviewStatus } }
    regions { code } sectors { code }
    statusHistory { status article { id } }
    claims { id predicate reviewStatus confidence provenance { method version } evidence { quote start end article { id } } } }
  errors { code field message } } }`;

const REEXTRACT = `mutation($id: ID!) { reextractArticle(id: $id) {
  proposed { claims deals attachedDeals keptClaims } deals { id sourceCount } errors { code field } } }`;

interface IngestData {
  ingestArticle: {
    duplicate: boolean;
    article: {
      id: string;
      title: string;
      text: string;
      publishedAt: { date: string; precision: string } | null;
    } | null;
    proposed: Record<string, number> | null;
    deals: {
      id: string;
      title: string;
      type: string;
      status: string;
      reviewStatus: string;
      sourceCount: number;
      participants: { role: string; entity: { id: string; name: string; reviewStatus: string } }[];
      regions: { code: string }[];
      sectors: { code: string }[];
      statusHistory: { status: string; article: { id: string } | null }[];
      claims: {
        id: string;
        predicate: string;
        reviewStatus: string;
        confidence: number;
        provenance: { method: string; version: string | null };
        evidence: { quote: string; start: number; end: number; article: { id: string } }[];
      }[];
    }[];
    errors: { code: string; field: string[] | null; message: string }[];
  };
}

const ANNOUNCEMENT = `Orvanta Robotics and Kestrel Motors announce strategic partnership in Brazil

SAO PAULO — Orvanta Robotics, a warehouse automation start-up, and Kestrel Motors have announced a strategic partnership in Brazil to bring autonomous logistics robots to Kestrel's car plants, the companies said on Tuesday.

"This partnership lets us scale faster," said Marta Quell, chief executive of Orvanta Robotics.

Share this article
Leave a Reply`;

const SIGNING = `Orvanta Robotics and Kestrel Motors sign partnership agreement

Orvanta Robotics and Kestrel Motors have signed their strategic partnership agreement in Brazil, months after first announcing the alliance. The deal covers automotive robotics in the country.`;

async function ingest(input: Record<string, unknown>) {
  return api.query<IngestData>(INGEST, { input });
}

function withExtraction(extraction: Extraction, options: Omit<IngestOptions, "extractor"> = {}) {
  const run = ingestWith(() => ({ prisma: api.db.prisma, catalog: api.server().catalog }), extraction, options);
  return (text: string) => run(text);
}

async function mentionAndLinkCounts() {
  const [mention, dealArticle] = await Promise.all([api.db.prisma.mention.count(), api.db.prisma.dealArticle.count()]);
  return { mention, dealArticle };
}

describe("ingestArticle", () => {
  it("turns a new partnership article into a proposed deal with its parties, market, sectors and evidence", async () => {
    const data = await ingest({
      title: "Orvanta and Kestrel team up",
      url: "https://news.example.com/orvanta-kestrel",
      publisher: "Example Wire",
      publishedAt: "2025-04-08",
      text: ANNOUNCEMENT,
    });
    const result = data.ingestArticle;
    expect(result.errors).toEqual([]);
    expect(result.duplicate).toBe(false);
    expect(result.article?.text).not.toContain("Leave a Reply");
    expect(result.article?.publishedAt).toEqual({ date: "2025-04-08", precision: "DAY" });
    expect(result.deals).toHaveLength(1);
    const [deal] = result.deals;
    expect(deal?.type).toBe("STRATEGIC_PARTNERSHIP");
    expect(deal?.status).toBe("ANNOUNCED");
    expect(deal?.reviewStatus).toBe("PROPOSED");
    expect(deal?.participants.map((p) => p.entity.name).sort()).toEqual(["Kestrel Motors", "Orvanta Robotics"]);
    expect(deal?.participants.every((p) => p.entity.reviewStatus === "PROPOSED")).toBe(true);
    expect(deal?.regions.map((r) => r.code)).toEqual(["076"]);
    expect(deal?.sectors.map((s) => s.code)).toEqual(expect.arrayContaining(["automotive", "robotics"]));
    expect(deal?.statusHistory).toEqual([{ status: "ANNOUNCED", article: { id: result.article?.id } }]);
    expect(deal?.sourceCount).toBe(1);

    // Every claim is proposed, made by the rules, and its quote stands at its offsets in the stored text.
    expect(deal?.claims.length).toBeGreaterThan(0);
    const text = result.article?.text ?? "";
    for (const claim of deal?.claims ?? []) {
      expect(claim.reviewStatus).toBe("PROPOSED");
      expect(claim.provenance.method).toBe("RULE");
      expect(claim.provenance.version).toBeTruthy();
      expect(claim.confidence).toBeGreaterThan(0);
      for (const e of claim.evidence) expect(text.slice(e.start, e.end)).toBe(e.quote);
    }
    expect(result.proposed?.deals).toBe(1);
    expect(result.proposed?.entities).toBeGreaterThanOrEqual(2);

    // A proposed deal is not yet in the curated lists and charts.
    const listed = await api.query<{ deals: { totalCount: number } }>(
      `{ deals(filter: { regionCode: "076" }) { totalCount } }`,
    );
    expect(listed.deals.totalCount).toBe(0);
  });

  it("resolves names and aliases of accepted entities instead of proposing them again", async () => {
    const known = await api.db.prisma.entity.create({
      data: {
        kind: "ORGANIZATION",
        name: "Harlow Kinetics Group",
        reviewStatus: "ACCEPTED",
        aliases: { create: { name: "Harlow", type: "SHORT" } },
      },
    });
    const data = await ingest({
      title: "Harlow and Mirefield",
      publishedAt: "2025-06-02",
      text: `Harlow and Mirefield Bank form strategic partnership in Ghana

ACCRA — Harlow Kinetics Group and Mirefield Bank have announced a strategic partnership in Ghana to offer payments to small merchants, the companies said.`,
    });
    const participants = data.ingestArticle.deals[0]?.participants ?? [];
    expect(participants.map((p) => [p.entity.name, p.entity.reviewStatus]).sort()).toEqual([
      ["Harlow Kinetics Group", "ACCEPTED"],
      ["Mirefield Bank", "PROPOSED"],
    ]);
    expect(participants.find((p) => p.entity.name === "Harlow Kinetics Group")?.entity.id).toBe(
      toGlobalId("Entity", known.id),
    );
    expect(await api.db.prisma.entity.count({ where: { name: { contains: "Harlow" } } })).toBe(1);
    expect(data.ingestArticle.deals[0]?.regions).toEqual([{ code: "288" }]);
  });

  it("answers the same text again as a duplicate of the one article, changing nothing", async () => {
    const text = `Tessaline Foods has acquired Morrowind Dairies for $40 million.\n\nThe acquisition closed on Friday in Chile.`;
    const first = await ingest({ title: "First", text });
    const before = await tableCounts(api.db.prisma);
    // Curly quotes, spacing and boilerplate differ: still the same content.
    const again = await ingest({ title: "Again", text: `  ${text.replace(/ /g, "  ")}\n\nLeave a Reply\n` });
    expect(again.ingestArticle.duplicate).toBe(true);
    expect(again.ingestArticle.errors).toEqual([]);
    expect(again.ingestArticle.article?.id).toBe(first.ingestArticle.article?.id);
    expect(again.ingestArticle.article?.title).toBe("First");
    expect(again.ingestArticle.deals.map((d) => d.id)).toEqual(first.ingestArticle.deals.map((d) => d.id));
    expect(await tableCounts(api.db.prisma)).toEqual(before);
  });

  it("stores one article when 50 ingests of the same text race", async () => {
    const { text, extraction } = fixedPartnership();
    const run = withExtraction(extraction);
    const results = await Promise.all(Array.from({ length: 50 }, () => run(text)));
    const ids = new Set(results.map((r) => r.article.id));
    expect(ids.size).toBe(1);
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
    const [id] = ids;
    expect(await api.db.prisma.dealArticle.count({ where: { articleId: id } })).toBe(1);
    expect(await api.db.prisma.claim.count({ where: { evidence: { some: { articleId: id } } } })).toBe(1);
  });

  it("proposes entities only for names in a claim or deal, once each, and keeps unknown codes out", async () => {
    const { a, b, text, extraction } = fixedPartnership();
    const result = await withExtraction(extraction)(text);
    expect(result.proposed).toMatchObject({ entities: 2, claims: 1, deals: 1, mentions: 3 });
    const entities = await api.db.prisma.entity.findMany({ where: { name: { in: [a, b, "Kenya"] } } });
    expect(entities.map((e) => [e.name, e.reviewStatus]).sort()).toEqual(
      [
        [a, "PROPOSED"],
        [b, "PROPOSED"],
      ].sort(),
    );
    const mentions = await api.db.prisma.mention.findMany({ where: { articleId: result.article.id } });
    expect(
      mentions
        .filter((m) => m.entityId)
        .map((m) => m.text)
        .sort(),
    ).toEqual([a, b].sort());
    const deal = await api.db.prisma.deal.findFirstOrThrow({
      where: { id: result.deals[0]?.id },
      include: { regions: true, sectors: true },
    });
    expect(deal.regions.map((r) => r.regionCode)).toEqual(["404"]);
    expect(deal.sectors.map((s) => s.sectorCode)).toEqual(["logistics"]);
    expect(deal.confidence).toBe(0.9);

    // A later article naming the same companies reuses the proposed entities instead of proposing them again.
    const later = fixedPartnership();
    const renamed = JSON.parse(JSON.stringify(later.extraction).replaceAll(later.a, a).replaceAll(later.b, b));
    const text2 = later.text.replaceAll(later.a, a).replaceAll(later.b, b).replace("Kenya", "Kenya again");
    const second = await withExtraction(renamed)(`${text2}\nA second report.`);
    expect(second.proposed?.entities).toBe(0);
    expect(second.proposed?.attachedDeals).toBe(1);
  });

  it("leaves no trace when a step fails mid-ingest", async () => {
    for (const step of ["entities", "deals", "claims", "audit"] as const) {
      const { text, extraction } = fixedPartnership();
      const before = { ...(await tableCounts(api.db.prisma)), ...(await mentionAndLinkCounts()) };
      const failing = withExtraction(extraction, {
        afterStep: (at) => {
          if (at === step) throw new Error(`injected failure after ${step}`);
        },
      });
      await expect(failing(text)).rejects.toThrow(`injected failure after ${step}`);
      expect({ ...(await tableCounts(api.db.prisma)), ...(await mentionAndLinkCounts()) }).toEqual(before);
    }
  });

  it("accepts at once what reaches the auto-accept threshold, parties included", async () => {
    const { text, extraction } = fixedPartnership();
    const result = await withExtraction(extraction, { autoAcceptConfidence: 0.85 })(text);
    expect(result.proposed?.autoAccepted).toBe(1); // the deal (0.9); the claim (0.8) stays proposed
    const deal = await api.db.prisma.deal.findFirstOrThrow({
      where: { id: result.deals[0]?.id },
      include: { participants: { include: { entity: true } }, claims: true },
    });
    expect(deal.reviewStatus).toBe("ACCEPTED");
    expect(deal.participants.map((p) => p.entity.reviewStatus)).toEqual(["ACCEPTED", "ACCEPTED"]);
    expect(deal.claims.map((c) => c.reviewStatus)).toEqual(["PROPOSED"]);
  });

  it("refuses bad input with user errors and changes nothing", async () => {
    const before = await tableCounts(api.db.prisma);
    const cases: [Record<string, unknown>, string][] = [
      [{ title: "", text: "Some text." }, "input.title"],
      [{ title: "Bad url", url: "ftp://example.com/x", text: "Some text." }, "input.url"],
      [{ title: "Bad date", publishedAt: "2025-02-30", text: "Some text." }, "input.publishedAt"],
      [{ title: "Bad date", publishedAt: "last week", text: "Some text." }, "input.publishedAt"],
      [{ title: "Only boilerplate", text: "Leave a Reply\nShare this article\n" }, "input.text"],
      [{ title: "Too long", text: "x".repeat(200_001) }, "input.text"],
    ];
    for (const [input, field] of cases) {
      const result = await api.run<IngestData>(INGEST, { input });
      expect(result.errors).toBeUndefined();
      expect(result.data.ingestArticle.errors.map((e) => e.field?.join("."))).toContain(field);
      expect(result.data.ingestArticle.article).toBeNull();
      expect(result.data.ingestArticle.duplicate).toBe(false);
    }
    for (const id of ["nope", toGlobalId("Article", "00000000-0000-4000-8000-000000000000")]) {
      const result = await api.query<{ reextractArticle: { errors: { code: string; field: string[] }[] } }>(REEXTRACT, {
        id,
      });
      expect(result.reextractArticle.errors[0]?.field).toEqual(["id"]);
    }
    expect(await tableCounts(api.db.prisma)).toEqual(before);
  });
});

describe("one deal, many articles", () => {
  it("moves the known deal's status with a later article instead of making a second deal", async () => {
    const first = await ingest({
      title: "Announced",
      publishedAt: "2025-04-08",
      text: ANNOUNCEMENT.replaceAll("Orvanta", "Veltrane").replaceAll("Kestrel", "Harrowgate"),
    });
    const dealId = first.ingestArticle.deals[0]?.id;
    expect(dealId).toBeTruthy();
    const second = await ingest({
      title: "Signed",
      publishedAt: "2025-09-15",
      text: SIGNING.replaceAll("Orvanta", "Veltrane").replaceAll("Kestrel", "Harrowgate"),
    });
    expect(second.ingestArticle.errors).toEqual([]);
    expect(second.ingestArticle.proposed).toMatchObject({ deals: 0, attachedDeals: 1, entities: 0 });
    const [deal] = second.ingestArticle.deals;
    expect(deal?.id).toBe(dealId);
    expect(deal?.status).toBe("SIGNED");
    expect(deal?.sourceCount).toBe(2);
    expect(deal?.statusHistory).toEqual([
      { status: "ANNOUNCED", article: { id: first.ingestArticle.article?.id } },
      { status: "SIGNED", article: { id: second.ingestArticle.article?.id } },
    ]);
    const row = await api.db.prisma.deal.findUniqueOrThrow({ where: { id: fromGlobalId(dealId ?? "")?.id } });
    expect(row.firstReportedAt.toISOString().slice(0, 10)).toBe("2025-04-08");

    // An even later article that only repeats the announcement does not move the status back.
    const repeat = await ingest({
      title: "Recap",
      publishedAt: "2025-10-01",
      text: ANNOUNCEMENT.replaceAll("Orvanta", "Veltrane")
        .replaceAll("Kestrel", "Harrowgate")
        .replace("Tuesday", "Wednesday"),
    });
    expect(repeat.ingestArticle.deals[0]?.id).toBe(dealId);
    expect(repeat.ingestArticle.deals[0]?.status).toBe("SIGNED");
    expect(repeat.ingestArticle.deals[0]?.sourceCount).toBe(3);
    expect(repeat.ingestArticle.deals[0]?.statusHistory.map((s) => s.status)).toEqual(["ANNOUNCED", "SIGNED"]);
  });

  it("keeps a rejected claim rejected when the article is extracted again", async () => {
    const text = ANNOUNCEMENT.replaceAll("Orvanta", "Pellucid").replaceAll("Kestrel", "Ironvale");
    const first = await ingest({ title: "Pellucid", publishedAt: "2025-04-08", text });
    const articleId = first.ingestArticle.article?.id ?? "";
    const claim = first.ingestArticle.deals[0]?.claims[0];
    expect(claim).toBeTruthy();
    const rejected = await api.query<{ reviewClaim: { errors: unknown[] } }>(
      `mutation($input: ReviewClaimInput!) { reviewClaim(input: $input) { errors { code } } }`,
      { input: { id: claim?.id, decision: "REJECT", reason: "the article says no such thing" } },
    );
    expect(rejected.reviewClaim.errors).toEqual([]);
    const before = await tableCounts(api.db.prisma);

    const again = await api.query<{
      reextractArticle: {
        proposed: Record<string, number>;
        deals: { id: string; sourceCount: number }[];
        errors: unknown[];
      };
    }>(REEXTRACT, { id: articleId });
    expect(again.reextractArticle.errors).toEqual([]);
    expect(again.reextractArticle.proposed).toMatchObject({ claims: 0, deals: 0, attachedDeals: 1 });
    expect(again.reextractArticle.proposed.keptClaims).toBeGreaterThan(0);
    expect(again.reextractArticle.deals).toEqual([{ id: first.ingestArticle.deals[0]?.id, sourceCount: 1 }]);
    const after = await tableCounts(api.db.prisma);
    expect({ ...after, audit: before.audit }).toEqual(before);
    const stored = await api.query<{ claim: { reviewStatus: string; reviewReason: string } }>(
      `query($id: ID!) { claim(id: $id) { reviewStatus reviewReason } }`,
      { id: claim?.id },
    );
    expect(stored.claim).toEqual({ reviewStatus: "REJECTED", reviewReason: "the article says no such thing" });
  });
});
