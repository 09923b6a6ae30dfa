import type { Database, PrismaClient } from "@dealgraph/db";
import type { Viewer } from "./auth/viewer.ts";
import type { RollupAnswers, RollupCache } from "./deal/rollup.cache.ts";
import { createLoaders, type Loaders } from "./loaders.ts";
import type { TaxonomyCatalog } from "./taxonomy/taxonomy.catalog.ts";
import type { Tracking } from "./watchlist/tracking.ts";
import type { TargetPolicy } from "./watchlist/webhook.target.ts";

export interface Context {
  db: Database;
  prisma: PrismaClient;
  catalog: TaxonomyCatalog;
  viewer: Viewer;
  loaders: Loaders;
  /** Answers from the rollups, cached against their version (null: computed every time). */
  rollups: RollupCache | null;
  requestId: string;
  /** Announces deals arriving on watchlists (null where nothing listens, e.g. a CLI). */
  tracking: Tracking | null;
  /** Which webhook targets may be reached. */
  webhookPolicy: TargetPolicy;
}

export interface AppServices {
  db: Database;
  catalog: TaxonomyCatalog;
  tracking: Tracking | null;
  webhookPolicy: TargetPolicy;
  rollupAnswers?: RollupAnswers | null;
}

/**
 * One context per request: fresh DataLoaders, so nothing cached leaks between requests or users.
 * (The rollup answers shared between requests are aggregates that do not depend on the viewer.)
 */
export function createContext(services: AppServices, viewer: Viewer, requestId: string): Context {
  return {
    db: services.db,
    prisma: services.db.prisma,
    catalog: services.catalog,
    viewer: { ...viewer, requestId },
    loaders: createLoaders(services.db.prisma, services.db),
    rollups: services.rollupAnswers?.forRequest(services.db.read) ?? null,
    requestId,
    tracking: services.tracking,
    webhookPolicy: services.webhookPolicy,
  };
}
