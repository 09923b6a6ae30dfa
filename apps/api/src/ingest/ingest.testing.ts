import type { PrismaClient } from "@dealgraph/db";
import { uniqueName } from "../testing/factories.ts";
import type { TaxonomyCatalog } from "../taxonomy/taxonomy.catalog.ts";
import type { Extraction, Extractor } from "./ingest.extractor.ts";
import { ingestArticle, type IngestOptions } from "./ingest.service.ts";

/** Test support: ingestion with an extractor that answers a fixed Extraction (the storage path alone). */
export function ingestWith(
  services: () => { prisma: PrismaClient; catalog: TaxonomyCatalog },
  extraction: Extraction,
  options: Omit<IngestOptions, "extractor"> = {},
) {
  const extractor: Extractor = { version: "test-fixed/1", extract: () => extraction };
  return (text: string, input: { title?: string; publishedAt?: string } = {}) =>
    ingestArticle(
      { ...services(), viewer: { actor: "test:ingest" } },
      { title: input.title ?? "Fixed extraction", text, publishedAt: input.publishedAt ?? "2025-05-02" },
      { ...options, extractor },
    );
}

/** An article text and its Extraction: one partnership between two new fictional companies. */
export function fixedPartnership(
  options: { regionCode?: string; status?: Extraction["deals"][number]["status"] } = {},
) {
  const a = uniqueName("Brightwater Labs");
  const b = uniqueName("Quillon Freight");
  const sentence = `${a} has formed a strategic partnership with ${b} in Kenya.`;
  const text = `${sentence}\nThe alliance covers logistics software.`;
  const evidence = { quote: sentence, start: 0, end: sentence.length };
  const ref = (name: string) => ({ name, kind: "ORGANIZATION" as const });
  const at = (name: string) => ({ start: sentence.indexOf(name), end: sentence.indexOf(name) + name.length });
  const extraction: Extraction = {
    mentions: [
      { text: a, ...at(a), kind: "ORGANIZATION", proposedName: a },
      { text: b, ...at(b), kind: "ORGANIZATION", proposedName: b },
      // A name in no claim or deal: a mention, but no proposed entity.
      { text: "Kenya", ...at("Kenya"), kind: "PLACE" },
    ],
    claims: [
      {
        subject: ref(a),
        predicate: "PARTNERS_WITH",
        object: { valueKind: "ENTITY", ref: ref(b) },
        modality: "ASSERTED",
        confidence: 0.8,
        qualifiers: { regionCode: options.regionCode ?? "404" },
        dealKey: "deal-1",
        evidence,
      },
    ],
    deals: [
      {
        key: "deal-1",
        type: "STRATEGIC_PARTNERSHIP",
        status: options.status ?? "ANNOUNCED",
        participants: [
          { ref: ref(a), role: "PARTNER" },
          { ref: ref(b), role: "PARTNER" },
        ],
        regionCodes: [options.regionCode ?? "404", "999"],
        sectorCodes: ["logistics", "not-a-sector"],
        confidence: 0.9,
        evidence: [evidence],
        announcedDate: { date: "2025-05-02", precision: "DAY" },
      },
    ],
  };
  return { a, b, text, extraction };
}
