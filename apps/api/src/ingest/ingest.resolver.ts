import { Arg, Ctx, ID, Mutation, Resolver } from "type-graphql";
import { payload } from "../common/errors.ts";
import { Authorize } from "../auth/viewer.ts";
import type { Context } from "../context.ts";
import { loadIngestEnv } from "../env.ts";
import { IngestArticleInput } from "./ingest.input.ts";
import { ingestArticle, reextractArticle, type IngestOptions } from "./ingest.service.ts";
import { IngestArticlePayload } from "./ingest.type.ts";

// Read when the schema is built, i.e. at boot: a wrong value stops the API before it serves.
const settings = loadIngestEnv();
const options: IngestOptions = {
  autoAcceptConfidence: settings.AUTO_ACCEPT_CONFIDENCE ?? null,
  dealWindowDays: settings.DEAL_MATCH_WINDOW_DAYS,
};

const empty = { duplicate: false, proposed: null, deals: [] };

@Resolver()
export class IngestResolver {
  @Mutation(() => IngestArticlePayload, {
    description:
      "Stores an article and proposes what it says (entities, claims with evidence, deals), all or nothing. " +
      "The same text twice is one article: the second answer has duplicate: true and changes nothing.",
  })
  @Authorize("ANALYST")
  async ingestArticle(@Ctx() ctx: Context, @Arg("input", () => IngestArticleInput) input: IngestArticleInput) {
    return { ...empty, ...(await payload(() => ingestArticle(ctx, input, options))) };
  }

  @Mutation(() => IngestArticlePayload, {
    description:
      "Extracts a stored article again. Only new findings are added; what curators decided stays " +
      "(a rejected claim stays rejected).",
  })
  @Authorize("ANALYST")
  async reextractArticle(@Ctx() ctx: Context, @Arg("id", () => ID) id: string) {
    return { ...empty, ...(await payload(() => reextractArticle(ctx, id, options))) };
  }
}
