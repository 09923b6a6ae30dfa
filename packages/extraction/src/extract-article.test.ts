import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { extractArticle } from "./extract-article.ts";
import type { Deal, Extraction, KnownEntity } from "./types.ts";

const seed = readFileSync(new URL("../fixtures/seed-article.txt", import.meta.url), "utf8");

/** The entities the database seed knows about this article (names and aliases as curated). */
const knowledge: KnownEntity[] = [
  {
    id: "e-alibaba",
    kind: "ORGANIZATION",
    name: "Alibaba Group",
    aliases: ["Alibaba", "Alibaba Group Holding Limited", "BABA"],
    countryCode: "156",
  },
  { id: "e-alibaba-cloud", kind: "ORGANIZATION", name: "Alibaba Cloud", aliases: ["Aliyun"], countryCode: "156" },
  { id: "e-alibaba-com", kind: "ORGANIZATION", name: "Alibaba.com", aliases: [], countryCode: "156" },
  {
    id: "e-bmw",
    kind: "ORGANIZATION",
    name: "BMW Group",
    aliases: ["BMW", "Bayerische Motoren Werke AG"],
    countryCode: "276",
  },
  { id: "e-bmw-china", kind: "ORGANIZATION", name: "BMW Group Region China", aliases: [], countryCode: "156" },
  { id: "e-kwik", kind: "ORGANIZATION", name: "Kwik", aliases: [], countryCode: "566" },
  { id: "e-microsoft", kind: "ORGANIZATION", name: "Microsoft", aliases: [], countryCode: "840" },
  { id: "e-deepseek", kind: "ORGANIZATION", name: "DeepSeek", aliases: [], countryCode: "156" },
  { id: "e-qwen", kind: "PRODUCT", name: "Qwen", aliases: ["Tongyi Qianwen"] },
  { id: "e-qwen-omni", kind: "PRODUCT", name: "Qwen2.5-Omni-7B", aliases: [] },
  { id: "e-yan", kind: "PRODUCT", name: "Yan AI", aliases: [] },
  { id: "e-ipa", kind: "PRODUCT", name: "Intelligent Personal Assistant", aliases: ["IPA"] },
  { id: "e-joe-tsai", kind: "PERSON", name: "Joe Tsai", aliases: ["Tsai"] },
  { id: "e-china", kind: "PLACE", name: "China", aliases: [], countryCode: "156" },
  { id: "e-nigeria", kind: "PLACE", name: "Nigeria", aliases: [], countryCode: "566" },
];

const names = (deal: Deal): string[] => deal.participants.map((p) => p.ref.name).sort();

function findDeal(x: Extraction, partner: RegExp): Deal {
  const deal = x.deals.find((d) => d.participants.some((p) => partner.test(p.ref.name)));
  if (!deal) throw new Error(`no deal with ${partner}: ${JSON.stringify(x.deals.map(names))}`);
  return deal;
}

describe.each([
  ["without knowledge", [] as KnownEntity[]],
  ["with the seeded entities", knowledge],
])("the seed article (%s)", (_label, known) => {
  const x = extractArticle(seed, known, { publishedAt: "2025-03" });

  it("finds exactly the two partnerships", () => {
    expect(x.deals).toHaveLength(2);
  });

  it("reads Alibaba × BMW as an announced strategic partnership in China, automotive and AI", () => {
    const bmw = findDeal(x, /^BMW/);
    expect(bmw.type).toBe("STRATEGIC_PARTNERSHIP");
    expect(bmw.status).toBe("ANNOUNCED");
    expect(names(bmw)).toEqual(["Alibaba Group", "BMW Group"]);
    expect(bmw.participants.every((p) => p.role === "PARTNER")).toBe(true);
    expect(bmw.regionCodes).toEqual(["156"]);
    expect([...bmw.sectorCodes].sort()).toEqual(["artificial-intelligence", "automotive"]);
  });

  it("reads Alibaba × Kwik as a channel partnership in Nigeria and sub-Saharan Africa", () => {
    const kwik = findDeal(x, /^Kwik$/);
    expect(kwik.type).toBe("CHANNEL_PARTNERSHIP");
    expect(kwik.participants.find((p) => p.ref.name === "Kwik")?.role).toBe("CHANNEL_PARTNER");
    const principal = kwik.participants.find((p) => p.role === "PRINCIPAL");
    expect(principal?.ref.name).toMatch(/^Alibaba/);
    expect([...kwik.regionCodes].sort()).toEqual(["202", "566"]);
    expect([...kwik.sectorCodes].sort()).toEqual(["e-commerce", "logistics"]);
  });

  it("keeps the model launch a LAUNCHED claim, not a deal", () => {
    const launch = x.claims.find((c) => c.predicate === "LAUNCHED");
    expect(launch?.subject.name).toBe("Alibaba Cloud");
    expect(launch?.object.valueKind === "ENTITY" && launch.object.ref.name).toBe("Qwen2.5-Omni-7B");
    expect(x.deals.some((d) => d.participants.some((p) => /Qwen/.test(p.ref.name)))).toBe(false);
  });

  it("records roles with their titles and quotes with their speakers", () => {
    const role = x.claims.find((c) => c.predicate === "HOLDS_ROLE" && c.subject.name === "Sean Green");
    expect(role?.qualifiers?.role).toBe("President and CEO");
    expect(role?.object.valueKind === "ENTITY" && role.object.ref.name).toBe("BMW Group Region China");
    const tsai = x.claims.find((c) => c.predicate === "HOLDS_ROLE" && c.subject.name === "Joe Tsai");
    expect(tsai?.qualifiers?.role).toBe("chair");
    const quote = x.claims.find((c) => c.predicate === "STATED" && c.evidence.speakerName === "Romain Poirot-Lellig");
    expect(quote?.evidence.quote).toMatch(/^This partnership with Alibaba\.com sends/);
    expect(x.claims.some((c) => c.predicate === "WARNED_ABOUT" && c.subject.name === "Joe Tsai")).toBe(true);
  });

  it("quotes every evidence exactly where it stands", () => {
    for (const e of [...x.claims.map((c) => c.evidence), ...x.deals.flatMap((d) => d.evidence)]) {
      expect(seed.slice(e.start, e.end)).toBe(e.quote);
    }
    for (const m of x.mentions) expect(seed.slice(m.start, m.end)).toBe(m.text);
  });

  it("ignores the page boilerplate after the article", () => {
    const boilerplate = seed.indexOf("Leave a Reply");
    expect(x.mentions.every((m) => m.start < boilerplate)).toBe(true);
  });
});

describe("entity resolution", () => {
  const x = extractArticle(seed, knowledge);

  it("resolves names and aliases to known entities, longest name first", () => {
    const alibaba = x.mentions.filter((m) => m.text === "Alibaba");
    expect(alibaba.length).toBeGreaterThan(3);
    expect(alibaba.every((m) => m.entityId === "e-alibaba")).toBe(true);
    expect(x.mentions.find((m) => m.text === "Alibaba Cloud")?.entityId).toBe("e-alibaba-cloud");
    expect(x.mentions.find((m) => m.text === "BMW Group Region China")?.entityId).toBe("e-bmw-china");
    expect(x.mentions.find((m) => m.text === "Tsai")?.entityId).toBe("e-joe-tsai");
  });

  it("refers to deal participants by entity id", () => {
    const ids = x.deals.flatMap((d) => d.participants.map((p) => p.ref.entityId)).sort();
    expect(ids).toEqual(["e-alibaba", "e-alibaba", "e-bmw", "e-kwik"]);
  });

  it("proposes a name for entities it does not know", () => {
    const unknown = extractArticle(
      "Tarnwick Logistics has partnered with Oshiro Freight. Tarnwick said the deal covers Ghana.",
      [],
    );
    const short = unknown.mentions.find((m) => m.text === "Tarnwick");
    expect(short?.kind).toBe("ORGANIZATION");
    expect(short?.entityId).toBeUndefined();
    expect(short?.proposedName).toBe("Tarnwick Logistics");
  });
});

describe("speed", () => {
  // CPU time of this process (test files run in forked processes): wall time on a shared
  // two-core machine mostly measures the other processes.
  it("extracts the seed article in well under 50 ms of CPU after warm-up", () => {
    for (let i = 0; i < 5; i++) extractArticle(seed, knowledge);
    const runs = 20;
    const before = process.cpuUsage();
    for (let i = 0; i < runs; i++) extractArticle(seed, knowledge);
    const used = process.cpuUsage(before);
    expect((used.user + used.system) / 1000 / runs).toBeLessThan(30);
  });
});
