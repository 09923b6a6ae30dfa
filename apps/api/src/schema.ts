import "reflect-metadata";
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from "graphql";
import { buildSchema } from "type-graphql";
import { AuthResolver } from "./auth/auth.resolver.ts";
import { HealthResolver } from "./health/health.resolver.ts";
import { authChecker } from "./auth/viewer.ts";
import { ArticleResolver, MentionResolver } from "./article/article.resolver.ts";
import { ClaimResolver, EvidenceResolver } from "./claim/claim.resolver.ts";
import { NodeResolver } from "./common/node.resolver.ts";
import { DealParticipantResolver, DealResolver, DealStatusChangeResolver } from "./deal/deal.resolver.ts";
import { EntityResolver } from "./entity/entity.resolver.ts";
import { SearchResolver } from "./search/search.resolver.ts";
import { ImportResolver } from "./import/import.resolver.ts";
import { IngestResolver } from "./ingest/ingest.resolver.ts";
import {
  DealReviewFieldsResolver,
  EntityReviewFieldsResolver,
  ReviewRecordResolver,
  ReviewResolver,
} from "./review/review.resolver.ts";
import { RegionResolver, SectorResolver } from "./taxonomy/taxonomy.resolver.ts";
import { WatchlistResolver, WebhookDeliveryResolver, WebhookResolver } from "./watchlist/watchlist.resolver.ts";

let built: Promise<GraphQLSchema> | undefined;

/** The executable schema, built once per process (type-graphql keeps its metadata globally). */
export function getSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({
    resolvers: [
      NodeResolver,
      EntityResolver,
      ArticleResolver,
      MentionResolver,
      ClaimResolver,
      EvidenceResolver,
      DealResolver,
      DealParticipantResolver,
      DealStatusChangeResolver,
      RegionResolver,
      SectorResolver,
      SearchResolver,
      AuthResolver,
      HealthResolver,
      IngestResolver,
      ReviewResolver,
      ReviewRecordResolver,
      DealReviewFieldsResolver,
      EntityReviewFieldsResolver,
      ImportResolver,
      WatchlistResolver,
      WebhookResolver,
      WebhookDeliveryResolver,
    ],
    authChecker,
    // type-graphql insists on a PubSub once there is a subscription, but `dealAdded` subscribes
    // through its server's Tracking (one per instance, while this schema is one per process).
    pubSub: {
      publish() {
        throw new Error("Publish through the server's Tracking.");
      },
      subscribe() {
        throw new Error("Subscribe through the server's Tracking.");
      },
    },
    // Inputs are validated by the services (zod), which answer with user errors in payloads.
    validate: false,
  });
  return built;
}

/** The SDL as committed in packages/schema/schema.graphql: sorted, so diffs show real changes only. */
export async function printSdl(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await getSchema()))}\n`;
}
