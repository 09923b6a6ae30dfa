import type { Extraction, ExtractOptions, KnownEntity } from "@dealgraph/extraction";

export type { Extraction, ExtractOptions, KnownEntity };

/**
 * What ingestion needs from an extractor: the `@dealgraph/extraction` contract plus the version
 * that goes into each claim's provenance. Tests pass their own (a fixed Extraction, or one that fails).
 */
export interface Extractor {
  /** Stored as `method_version` of everything it proposes (method RULE). */
  version: string;
  extract(text: string, knowledge: KnownEntity[], options: ExtractOptions): Extraction | Promise<Extraction>;
}

/** The offline rule-based extractor of `@dealgraph/extraction`. */
export const ruleExtractor: Extractor = {
  version: "dealgraph-extraction/rules-1",
  async extract(text, knowledge, options) {
    // Loaded on first use: the API starts (and serves everything else) without paying for the
    // extractor's dictionaries until an article comes in.
    const { extractArticle } = await import("@dealgraph/extraction");
    return extractArticle(text, knowledge, options);
  },
};
