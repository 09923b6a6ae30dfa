import {
  cloneTemplate,
  testDatabaseKind,
  type TemplateName,
  type TemplateRefs,
  type TestDatabase,
} from "@dealgraph/db/testing";
import { afterAll, beforeAll, inject } from "vitest";

declare module "vitest" {
  export interface ProvidedContext {
    templates: TemplateRefs;
  }
}

/**
 * A private database for one test file, cloned from this run's template (`seeded` holds the
 * curated article; `reference` only the taxonomies). Dropped after the file.
 */
export function useTestDatabase(template: TemplateName): { readonly db: TestDatabase } {
  const holder: { db?: TestDatabase } = {};
  beforeAll(async () => {
    holder.db = await cloneTemplate(testDatabaseKind(), inject("templates"), template);
  });
  afterAll(async () => {
    await holder.db?.drop();
  });
  return {
    get db() {
      if (!holder.db) throw new Error("The test database is not ready yet (use it inside tests or hooks).");
      return holder.db;
    },
  };
}
