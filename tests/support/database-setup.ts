import { prepareTemplates, testDatabaseKind } from "@dealgraph/db/testing";
import type {} from "./test-database.ts";
import type { TestProject } from "vitest/node";

/** Builds this run's template databases once; every test file clones its own from them. */
export default async function setup(project: TestProject) {
  const { refs, teardown } = await prepareTemplates(testDatabaseKind());
  project.provide("templates", refs);
  return teardown;
}
