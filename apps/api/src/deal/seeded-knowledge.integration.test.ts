import { describe, expect, it } from "vitest";
import { seed } from "@dealgraph/db/seed";
import { useTestApi } from "../testing/api-harness.ts";

// The curated knowledge of the first article, asserted through the public GraphQL contract.
const api = useTestApi("seeded");

type Named = { id: string; name: string; kind: string };

async function entityByName(name: string) {
  const data = await api.query<{
    entities: {
      nodes: (Named & { aliases: { name: string }[]; parent: { name: string } | null; units: { name: string }[] })[];
    };
  }>(
    `query($search: String) { entities(first: 10, filter: { search: $search }) { nodes { id name kind aliases { name } parent { name } units { name } } } }`,
    { search: name },
  );
  const entity = data.entities.nodes.find((e) => e.name === name);
  expect(entity, `entity ${name}`).toBeDefined();
  return entity as NonNullable<typeof entity>;
}

describe("seeded entities", () => {
  const expected: [string, string][] = [
    ["Alibaba Group", "ORGANIZATION"],
    ["Alibaba Cloud", "ORGANIZATION"],
    ["Alibaba.com", "ORGANIZATION"],
    ["BMW Group", "ORGANIZATION"],
    ["BMW Group Region China", "ORGANIZATION"],
    ["Kwik", "ORGANIZATION"],
    ["Microsoft", "ORGANIZATION"],
    ["DeepSeek", "ORGANIZATION"],
    ["HSBC", "ORGANIZATION"],
    ["HSBC Global Investment Summit", "EVENT"],
    ["Qwen", "PRODUCT"],
    ["Qwen2.5-Omni-7B", "PRODUCT"],
    ["Yan AI", "PRODUCT"],
    ["Intelligent Personal Assistant", "PRODUCT"],
    ["iDrive X", "PRODUCT"],
    ["Neue Klasse", "PRODUCT"],
    ["Sean Green", "PERSON"],
    ["Romain Poirot-Lellig", "PERSON"],
    ["Joe Tsai", "PERSON"],
    ["Satya Nadella", "PERSON"],
    ["China", "PLACE"],
    ["Nigeria", "PLACE"],
    ["Sub-Saharan Africa", "PLACE"],
    ["Beijing", "PLACE"],
    ["Hong Kong", "PLACE"],
  ];
  it.each(expected)("has %s as %s", async (name, kind) => {
    expect((await entityByName(name)).kind).toBe(kind);
  });

  it("knows Alibaba Cloud and Alibaba.com as units of Alibaba Group", async () => {
    const group = await entityByName("Alibaba Group");
    expect(group.units.map((u) => u.name).sort()).toEqual(["Alibaba Cloud", "Alibaba.com"]);
    expect((await entityByName("Alibaba Cloud")).parent?.name).toBe("Alibaba Group");
  });

  it("finds Qwen by its alias Tongyi Qianwen", async () => {
    const qwen = await entityByName("Qwen");
    expect(qwen.aliases.map((a) => a.name)).toContain("Tongyi Qianwen");
    const data = await api.query<{ search: { matched: string; node: { __typename: string; name?: string } }[] }>(
      `{ search(query: "tongyi") { matched node { __typename ... on Entity { name } } } }`,
    );
    expect(data.search[0]?.node).toMatchObject({ __typename: "Entity", name: "Qwen" });
  });
});

const DEAL_FIELDS = `id title type status announced { date precision } participants { role entity { name } }
  regions { code } sectors { code } claims { predicate evidence { quote } } articles { title } sourceCount`;
type DealView = {
  id: string;
  title: string;
  type: string;
  status: string;
  announced: { date: string; precision: string } | null;
  participants: { role: string; entity: { name: string } }[];
  regions: { code: string }[];
  sectors: { code: string }[];
  claims: { predicate: string; evidence: { quote: string }[] }[];
  articles: { title: string }[];
  sourceCount: number;
};

async function deals(filter: Record<string, unknown> = {}) {
  const data = await api.query<{ deals: { totalCount: number; nodes: DealView[] } }>(
    `query($filter: DealFilter) { deals(first: 10, filter: $filter) { totalCount nodes { ${DEAL_FIELDS} } } }`,
    { filter },
  );
  return data.deals;
}

describe("seeded deals", () => {
  it("holds exactly the two partnerships, with parties, markets and sectors", async () => {
    const all = await deals();
    expect(all.totalCount).toBe(2);
    const bmw = all.nodes.find((d) => d.type === "STRATEGIC_PARTNERSHIP");
    const kwik = all.nodes.find((d) => d.type === "CHANNEL_PARTNERSHIP");
    expect(bmw?.participants.map((p) => p.entity.name).sort()).toEqual(["Alibaba Group", "BMW Group"]);
    expect(bmw?.regions.map((r) => r.code)).toEqual(["156"]);
    expect(bmw?.sectors.map((s) => s.code).sort()).toEqual(["artificial-intelligence", "automotive"]);
    expect(bmw?.claims.flatMap((c) => c.evidence.map((e) => e.quote))).toContain(
      "Alibaba and the BMW Group have announced an expanded strategic partnership in China",
    );
    expect(kwik?.participants).toEqual(
      expect.arrayContaining([
        { role: "PRINCIPAL", entity: { name: "Alibaba.com" } },
        { role: "CHANNEL_PARTNER", entity: { name: "Kwik" } },
      ]),
    );
    expect(kwik?.regions.map((r) => r.code).sort()).toEqual(["202", "566"]);
    expect(kwik?.sectors.map((s) => s.code).sort()).toEqual(["e-commerce", "logistics"]);
    expect(kwik?.sourceCount).toBe(1);
  });

  it("files no deal for the Qwen2.5-Omni-7B launch", async () => {
    const all = await deals();
    expect(all.nodes.some((d) => /qwen/i.test(d.title))).toBe(false);
  });

  it("matches regions with their descendants", async () => {
    expect((await deals({ regionCode: "142" })).nodes.map((d) => d.type)).toEqual(["STRATEGIC_PARTNERSHIP"]);
    expect((await deals({ regionCode: "030" })).nodes.map((d) => d.type)).toEqual(["STRATEGIC_PARTNERSHIP"]);
    expect((await deals({ regionCode: "202" })).nodes.map((d) => d.type)).toEqual(["CHANNEL_PARTNERSHIP"]);
    expect((await deals({ regionCode: "002" })).nodes.map((d) => d.type)).toEqual(["CHANNEL_PARTNERSHIP"]);
    expect((await deals({ regionCode: "150" })).totalCount).toBe(0);
    expect((await deals({ regionCode: "001" })).totalCount).toBe(2);
  });

  it("matches sectors, including the ISIC section above a theme", async () => {
    expect((await deals({ sectorCode: "logistics" })).nodes.map((d) => d.type)).toEqual(["CHANNEL_PARTNERSHIP"]);
    expect((await deals({ sectorCode: "C" })).nodes.map((d) => d.type)).toEqual(["STRATEGIC_PARTNERSHIP"]);
  });

  it("rolls Alibaba Group's units up only when asked", async () => {
    const group = await entityByName("Alibaba Group");
    expect((await deals({ entityId: group.id, includeUnits: false })).nodes.map((d) => d.type)).toEqual([
      "STRATEGIC_PARTNERSHIP",
    ]);
    expect((await deals({ entityId: group.id, includeUnits: true })).totalCount).toBe(2);
  });

  it("filters by type, status and period", async () => {
    expect((await deals({ types: ["CHANNEL_PARTNERSHIP"] })).totalCount).toBe(1);
    expect((await deals({ statuses: ["COMPLETED"] })).totalCount).toBe(0);
    expect((await deals({ from: "2025-03", to: "2025-03" })).totalCount).toBe(2);
    expect((await deals({ from: "2025-04" })).totalCount).toBe(0);
    expect((await deals({ search: "kwik" })).totalCount).toBe(1);
  });
});

describe("aggregates", () => {
  it("counts Asia 1 and Africa 1 by continent", async () => {
    const data = await api.query<{ dealStats: { key: string; label: string; count: number }[] }>(
      `{ dealStats(groupBy: REGION, regionLevel: CONTINENT) { key label count } }`,
    );
    expect(data.dealStats).toEqual(
      expect.arrayContaining([
        { key: "142", label: "Asia", count: 1 },
        { key: "002", label: "Africa", count: 1 },
      ]),
    );
    expect(data.dealStats).toHaveLength(2);
  });

  it("counts each sector once per deal", async () => {
    const data = await api.query<{ dealStats: { key: string; count: number }[] }>(
      `{ dealStats(groupBy: SECTOR) { key count } }`,
    );
    expect(Object.fromEntries(data.dealStats.map((b) => [b.key, b.count]))).toEqual({
      automotive: 1,
      "artificial-intelligence": 1,
      "e-commerce": 1,
      logistics: 1,
    });
  });

  it("buckets by country and by month", async () => {
    const data = await api.query<{
      byCountry: { key: string; count: number }[];
      byMonth: { key: string; label: string; count: number }[];
    }>(
      `{ byCountry: dealStats(groupBy: REGION, regionLevel: COUNTRY) { key count }
         byMonth: dealStats(groupBy: MONTH) { key label count } }`,
    );
    expect(data.byCountry.map((b) => b.key).sort()).toEqual(["156", "202", "566"]);
    expect(data.byMonth).toEqual([{ key: "2025-03", label: "Mar 2025", count: 2 }]);
  });

  it("builds the region × sector matrix", async () => {
    const data = await api.query<{ dealMatrix: { cells: { regionKey: string; sectorKey: string; count: number }[] } }>(
      `{ dealMatrix(regionLevel: CONTINENT) { cells { regionKey sectorKey count } } }`,
    );
    expect(data.dealMatrix.cells).toHaveLength(4);
    expect(data.dealMatrix.cells).toContainEqual({ regionKey: "142", sectorKey: "automotive", count: 1 });
  });
});

type ClaimView = {
  predicate: string;
  modality: string;
  valueText: string | null;
  valueQuantity: { amount: number; unit: string } | null;
  subject: { name: string };
  object: { name: string } | null;
  qualifiers: { role: string | null; date: { date: string; precision: string } | null; regionCode: string | null };
  evidence: {
    quote: string;
    start: number;
    end: number;
    speaker: { name: string } | null;
    article: { id: string; text: string };
  }[];
};

async function claims(predicate: string) {
  const data = await api.query<{ claims: { nodes: ClaimView[] } }>(
    `query($predicate: Predicate) { claims(first: 100, filter: { predicate: $predicate }) { nodes {
      predicate modality valueText valueQuantity { amount unit } subject { name } object { name }
      qualifiers { role date { date precision } regionCode }
      evidence { quote start end speaker { name } article { id text } } } } }`,
    { predicate },
  );
  return data.claims.nodes;
}

describe("seeded claims", () => {
  it("states the four roles", async () => {
    const roles = (await claims("HOLDS_ROLE")).map((c) => [c.subject.name, c.qualifiers.role, c.object?.name]);
    expect(roles).toEqual(
      expect.arrayContaining([
        ["Sean Green", "President and CEO", "BMW Group Region China"],
        ["Romain Poirot-Lellig", "Founder & CEO", "Kwik"],
        ["Joe Tsai", "Chair", "Alibaba Group"],
        ["Satya Nadella", "CEO", "Microsoft"],
      ]),
    );
  });

  it("keeps the two quotes with their speakers", async () => {
    const quotes = await claims("STATED");
    expect(quotes.map((c) => c.evidence[0]?.speaker?.name).sort()).toEqual(["Romain Poirot-Lellig", "Sean Green"]);
    expect(quotes.find((c) => c.subject.name === "Sean Green")?.evidence[0]?.quote).toMatch(
      /^BMW will work closer with Chinese tech partners/,
    );
  });

  it("files Tsai's bubble warning and Nadella's earlier view as opinions", async () => {
    const warnings = await claims("WARNED_ABOUT");
    const tsai = warnings.find((c) => c.subject.name === "Joe Tsai");
    expect(tsai?.modality).toBe("OPINION");
    expect(tsai?.evidence[0]?.speaker?.name).toBe("Joe Tsai");
    expect(tsai?.evidence.map((e) => e.quote).join(" ")).toContain("AI data center bubble");
    const nadella = warnings.find((c) => c.subject.name === "Satya Nadella");
    expect(nadella?.modality).toBe("OPINION");
    expect(nadella?.qualifiers.date).toEqual({ date: "2025-01-01", precision: "YEAR" });
  });

  it("records the Qwen2.5-Omni-7B launch by Alibaba Cloud as a LAUNCHED claim", async () => {
    const launch = (await claims("LAUNCHED")).find((c) => c.object?.name === "Qwen2.5-Omni-7B");
    expect(launch).toMatchObject({ modality: "ASSERTED", subject: { name: "Alibaba Cloud" } });
  });

  it("records the IPA's debut in China-built cars from 2026 as an intent with year precision", async () => {
    const ipa = (await claims("LAUNCHED")).find((c) => c.object?.name === "Intelligent Personal Assistant");
    expect(ipa?.modality).toBe("INTENT");
    expect(ipa?.qualifiers.date).toEqual({ date: "2026-01-01", precision: "YEAR" });
    expect(ipa?.qualifiers.regionCode).toBe("156");
  });

  it("keeps '48 million B2B buyers' as a number with its unit", async () => {
    const [metric] = await claims("HAS_METRIC");
    expect(metric?.valueQuantity).toEqual({ amount: 48_000_000, unit: "B2B buyers and importers" });
    expect(metric?.valueText).toBe("over 48 million");
  });

  it("slices every evidence's quote exactly from the stored text", async () => {
    const all = await api.query<{ claims: { nodes: ClaimView[]; totalCount: number } }>(
      `{ claims(first: 100) { totalCount nodes { evidence { quote start end article { text } } } } }`,
    );
    const evidence = all.claims.nodes.flatMap((c) => c.evidence);
    expect(evidence.length).toBeGreaterThan(25);
    for (const e of evidence) expect(e.article.text.slice(e.start, e.end)).toBe(e.quote);
  });
});

describe("the stored article", () => {
  it("keeps the text without the trailing 'Leave a Reply' line, and its mentions point into it", async () => {
    const data = await api.query<{
      articles: {
        nodes: {
          text: string;
          publishedAt: { label: string };
          mentions: { text: string; start: number; end: number; entity: { name: string } | null }[];
        }[];
      };
    }>(`{ articles(first: 5) { nodes { text publishedAt { label } mentions { text start end entity { name } } } } }`);
    const [article] = data.articles.nodes;
    expect(article?.text.startsWith("In a strategic move to expand its global footprint")).toBe(true);
    expect(article?.text.endsWith("in a rapidly evolving technological landscape.")).toBe(true);
    expect(article?.text).not.toContain("Leave a Reply");
    expect(article?.publishedAt.label).toBe("March 2025");
    for (const m of article?.mentions ?? []) expect(article?.text.slice(m.start, m.end)).toBe(m.text);
    expect(article?.mentions.some((m) => m.text === "Tongyi Qianwen" && m.entity?.name === "Qwen")).toBe(true);
  });
});

describe("the seed", () => {
  it("changes nothing when run again", async () => {
    const counts = () =>
      Promise.all([
        api.db.prisma.entity.count(),
        api.db.prisma.claim.count(),
        api.db.prisma.evidence.count(),
        api.db.prisma.deal.count(),
        api.db.prisma.mention.count(),
        api.db.prisma.auditEvent.count(),
      ]);
    const before = await counts();
    expect(await seed(api.db.prisma)).toEqual({ inserted: 0 });
    expect(await counts()).toEqual(before);
  });
});

describe("global ids and connections", () => {
  it("resolves node and nodes by global id", async () => {
    const bmw = (await deals({ regionCode: "142" })).nodes[0];
    const data = await api.query<{
      node: { __typename: string; title: string };
      nodes: ({ __typename: string } | null)[];
    }>(
      `query($id: ID!) { node(id: $id) { __typename ... on Deal { title } } nodes(ids: [$id, "bm9wZQ"]) { __typename } }`,
      { id: bmw?.id },
    );
    expect(data.node).toEqual({ __typename: "Deal", title: bmw?.title });
    expect(data.nodes).toEqual([{ __typename: "Deal" }, null]);
  });

  it("pages through entities with cursors and counts them all", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (let page = 0; page < 20; page += 1) {
      const data: {
        entities: {
          totalCount: number;
          nodes: { name: string }[];
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
        };
      } = await api.query(
        `query($after: String) { entities(first: 7, after: $after) { totalCount nodes { name } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      total = data.entities.totalCount;
      seen.push(...data.entities.nodes.map((n) => n.name));
      if (!data.entities.pageInfo.hasNextPage) break;
      after = data.entities.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    expect(total).toBe(25);
  });

  it("refuses page sizes outside 1..100 with a typed error", async () => {
    const result = await api.run(`{ entities(first: 101) { totalCount } }`);
    expect(result.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const zero = await api.run(`{ deals(first: 0) { totalCount } }`);
    expect(zero.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("refuses cursors it did not issue with a typed error, whatever their values", async () => {
    const cursor = (...values: unknown[]) => Buffer.from(JSON.stringify(values)).toString("base64url");
    const uuid = "00000000-0000-4000-8000-000000000000";
    const { entities } = await api.query<{ entities: { nodes: { id: string }[] } }>(
      `{ entities(first: 1) { nodes { id } } }`,
    );
    const entityId = entities.nodes[0]?.id;
    const forged = [
      cursor("2025-01-01", "not-a-uuid"),
      cursor("not-a-date", uuid),
      cursor(42, uuid),
      cursor("2025-01-01T00:00:00.000Z", 7),
    ];
    for (const after of forged) {
      const deals = await api.run(`query($after: String) { deals(after: $after) { totalCount } }`, { after });
      expect(deals.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
      const claims = await api.run(
        `query($id: ID!, $after: String) { entity(id: $id) { claims(after: $after) { totalCount } } }`,
        { id: entityId, after },
      );
      expect(claims.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    }
  });
});

describe("dealSummary", () => {
  it("gives the headline figures in one answer", async () => {
    const data = await api.query<{
      all: Record<string, number>;
      africa: Record<string, number>;
      recent: { deals: number };
    }>(
      `{ all: dealSummary { deals totalAmountUsd dealsWithAmount companies regions sectors }
         africa: dealSummary(filter: { regionCode: "002" }) { deals companies regions sectors }
         recent: dealSummary(filter: { reportedFrom: "2025-04" }) { deals } }`,
    );
    expect(data.all).toEqual({ deals: 2, totalAmountUsd: 0, dealsWithAmount: 0, companies: 4, regions: 3, sectors: 4 });
    expect(data.africa).toEqual({ deals: 1, companies: 2, regions: 2, sectors: 2 });
    expect(data.recent.deals).toBe(0);
  });
});
