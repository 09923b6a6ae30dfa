import type { Database, PrismaClient } from "@dealgraph/db";
import type { Actor } from "./audit/audit.service.ts";
import { createLoaders, type Loaders } from "./loaders.ts";
import type { TaxonomyCatalog } from "./taxonomy/taxonomy.catalog.ts";

export interface Context {
  db: Database;
  prisma: PrismaClient;
  catalog: TaxonomyCatalog;
  viewer: Actor;
  loaders: Loaders;
  requestId: string;
}

export interface AppServices {
  db: Database;
  catalog: TaxonomyCatalog;
}

/** One context per request: fresh DataLoaders, so nothing cached leaks between requests or users. */
export function createContext(services: AppServices, request: { requestId: string; actor?: string }): Context {
  const viewer: Actor = { actor: request.actor ?? "anonymous", requestId: request.requestId };
  return {
    db: services.db,
    prisma: services.db.prisma,
    catalog: services.catalog,
    viewer,
    loaders: createLoaders(services.db.prisma),
    requestId: request.requestId,
  };
}
