import { isObjectType } from "graphql";
import { describe, expect, it } from "vitest";
import { getSchema } from "../../apps/api/src/schema.ts";

// Default deny: every mutation, and every field marked sensitive, names the role it needs.
describe("authorisation rules in the schema", () => {
  it("covers every mutation", async () => {
    const schema = await getSchema();
    const mutations = Object.values(schema.getMutationType()?.getFields() ?? {});
    expect(mutations.length).toBeGreaterThan(15);
    const unguarded = mutations.filter((field) => !field.extensions.authorize).map((field) => field.name);
    expect(unguarded).toEqual([]);
  });

  it("covers every sensitive field", async () => {
    const schema = await getSchema();
    const sensitive = Object.values(schema.getTypeMap())
      .filter(isObjectType)
      .flatMap((type) =>
        Object.values(type.getFields()).map((field) => ({ name: `${type.name}.${field.name}`, field })),
      )
      .filter(({ field }) => field.extensions.sensitive);
    expect(sensitive.map((s) => s.name)).toContain("Query.apiKeys");
    expect(sensitive.filter(({ field }) => !field.extensions.authorize).map((s) => s.name)).toEqual([]);
  });
});
