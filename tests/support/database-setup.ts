import { prepareTemplates, testDatabaseKind, type TemplateRefs } from "@dealgraph/db/testing";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    templates: TemplateRefs;
  }
}

/** Builds this run's template databases once; every test file clones its own from them. */
export default async function setup(project: TestProject) {
  const { refs, teardown } = await prepareTemplates(testDatabaseKind());
  project.provide("templates", refs);
  return teardown;
}
