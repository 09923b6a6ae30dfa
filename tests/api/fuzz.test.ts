import fc from "fast-check";
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from "graphql";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tableCounts } from "../../apps/api/src/testing/factories.ts";
import { createApiKey } from "../../apps/api/src/auth/auth.service.ts";
import { loadEnv } from "../../apps/api/src/env.ts";
import { getSchema } from "../../apps/api/src/schema.ts";
import { createServer, type DealgraphServer } from "../../apps/api/src/server.ts";
import { useTestDatabase } from "../support/test-database.ts";

// Property-based fuzzing from the schema: random queries and mutations with random, often hostile,
// arguments. Never a 5xx, never a stack trace, never a partial write.
const RUNS = Number(process.env.FUZZ_RUNS ?? 1_000);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2_147_483_647);

const database = useTestDatabase("seeded");
let server: DealgraphServer;
let url: string;
let adminKey: string;
let schema: GraphQLSchema;
let ids: string[];

beforeAll(async () => {
  server = await createServer(
    loadEnv({ SEED_ON_START: "false", APP_MODE: "demo", LOG_LEVEL: "silent", RATE_LIMIT_POINTS_PER_MINUTE: "0" }),
    { db: database.db, logger: pino({ level: "silent" }) },
  );
  url = `${await server.listen(0)}/graphql`;
  schema = await getSchema();
  adminKey = (
    await createApiKey(
      { prisma: database.db.prisma, viewer: { actor: "system:test", role: "ADMIN" } },
      { userName: "fuzzer", role: "ADMIN", keyName: "fuzz" },
    )
  ).key;
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      query: `{ entities(first: 30) { nodes { id } } deals { nodes { id } } claims(first: 30) { nodes { id } } articles { nodes { id } } }`,
    }),
  });
  const body = (await response.json()) as { data: Record<string, { nodes: { id: string }[] }> };
  ids = Object.values(body.data).flatMap((c) => c.nodes.map((n) => n.id));
});
afterAll(() => server.close());

const hostileStrings = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.constantFrom(
    "",
    " ",
    "'; DROP TABLE deal; --",
    "%",
    "_",
    "\\",
    "\u0000",
    "😀",
    "a".repeat(5_000),
    "142",
    "2025-02-30",
    "2025-13",
    "USD",
    "ZZZ",
    "dg_00000000_x",
    "bm9wZQ",
  ),
);

function inputValue(type: GraphQLInputType, depth: number): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return inputValue(type.ofType, depth);
  const nullable = (arb: fc.Arbitrary<unknown>) =>
    fc.oneof({ weight: 6, arbitrary: arb }, { weight: 1, arbitrary: fc.constant(null) });
  if (isListType(type)) return nullable(fc.array(inputValue(type.ofType, depth + 1), { maxLength: depth > 2 ? 1 : 4 }));
  if (isEnumType(type))
    return nullable(
      fc.oneof(
        { weight: 9, arbitrary: fc.constantFrom(...type.getValues().map((v) => v.name)) },
        { weight: 1, arbitrary: fc.constant("NOT_A_VALUE") },
      ),
    );
  if (isInputObjectType(type)) {
    if (depth > 3) return fc.constant(null);
    const fields = Object.values(type.getFields());
    return nullable(
      fc.record(Object.fromEntries(fields.map((f) => [f.name, inputValue(f.type, depth + 1)])), {
        requiredKeys: fields.filter((f) => isNonNullType(f.type)).map((f) => f.name),
      }),
    );
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case "Int":
        return fc.oneof(fc.integer({ min: -5, max: 150 }), fc.constantFrom(0, 1, 100, 101, -1, 2_147_483_647));
      case "Float":
        return fc.oneof(
          fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e16, max: 1e16 }),
          fc.constantFrom(0, 0.5, 1, 1.5, -1),
        );
      case "Boolean":
        return fc.boolean();
      case "ID":
        return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...ids) }, { weight: 1, arbitrary: hostileStrings });
      default:
        return hostileStrings;
    }
  }
  return fc.constant(null);
}

/** A selection set for a type, a few fields deep. */
function selection(type: GraphQLNamedType, depth: number): fc.Arbitrary<string> {
  if (isScalarType(type) || isEnumType(type)) return fc.constant("");
  if (isUnionType(type) || isInterfaceType(type)) {
    const members = isUnionType(type) ? type.getTypes() : schema.getPossibleTypes(type);
    return fc
      .constantFrom(...members)
      .chain((member) =>
        selection(member, depth).map((inner) => `{ __typename ... on ${member.name} ${inner || "{ __typename }"} }`),
      );
  }
  if (!isObjectType(type)) return fc.constant("");
  const fields = Object.values(type.getFields()).filter(
    (f) => depth < 3 || isScalarType(getNamedType(f.type)) || isEnumType(getNamedType(f.type)),
  );
  return fc
    .subarray(fields, { minLength: 1, maxLength: Math.min(4, fields.length) })
    .chain((chosen) => fc.tuple(...chosen.map((field) => fieldSelection(field, depth + 1))))
    .map((parts) => `{ ${parts.join(" ")} }`);
}

function fieldSelection(field: GraphQLField<unknown, unknown>, depth: number): fc.Arbitrary<string> {
  const args = field.args;
  const argArbs = args.map((arg) => inputValue(arg.type, 0).map((value) => [arg.name, value] as const));
  return fc.tuple(fc.tuple(...argArbs), selection(getNamedType(field.type), depth)).map(([values, inner]) => {
    const given = values.filter(
      ([name, value]) =>
        value !== undefined &&
        (value !== null || isNonNullType(args.find((a) => a.name === name)?.type ?? field.type) === false),
    );
    const argText = given.length ? `(${given.map(([name, value]) => `${name}: ${toGraphQL(value)}`).join(", ")})` : "";
    const needsSelection =
      isObjectType(getNamedType(field.type)) ||
      isUnionType(getNamedType(field.type)) ||
      isInterfaceType(getNamedType(field.type));
    return `${field.name}${argText} ${needsSelection ? inner || "{ __typename }" : ""}`;
  });
}

function toGraphQL(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (Array.isArray(value)) return `[${value.map(toGraphQL).join(", ")}]`;
  if (typeof value === "object")
    return `{ ${Object.entries(value)
      .map(([k, v]) => `${k}: ${toGraphQL(v)}`)
      .join(", ")} }`;
  if (typeof value === "string" && /^[A-Z][A-Z_]*$/.test(value)) return value;
  return JSON.stringify(value);
}

function operation(root: GraphQLObjectType, keyword: "query" | "mutation"): fc.Arbitrary<string> {
  return fc
    .constantFrom(...Object.values(root.getFields()))
    .chain((field) => fieldSelection(field, 0).map((body) => `${keyword} { ${body} }`));
}

async function send(query: string) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${adminKey}` },
    body: JSON.stringify({ query }),
  });
  const text = await response.text();
  return { status: response.status, text };
}

describe(`fuzzing from the schema (${RUNS} cases, seed ${SEED})`, () => {
  it("never answers 5xx or a stack trace to random queries", async () => {
    console.log(`fuzz seed: ${SEED} (FUZZ_SEED=${SEED} replays it)`);
    const query = schema.getQueryType();
    if (!query) throw new Error("no query type");
    await fc.assert(
      fc.asyncProperty(operation(query, "query"), async (source) => {
        const { status, text } = await send(source);
        expect(status, `${source}\n${text}`).toBeLessThan(500);
        expect(text).not.toMatch(/\bat .+\.(ts|js):\d+/);
        expect(text).not.toContain("INTERNAL_SERVER_ERROR");
      }),
      { numRuns: Math.ceil(RUNS * 0.6), seed: SEED },
    );
  }, 900_000);

  it("never half-writes: a refused mutation changes nothing, an accepted one is audited", async () => {
    const mutation = schema.getMutationType();
    if (!mutation) throw new Error("no mutation type");
    await fc.assert(
      fc.asyncProperty(operation(mutation, "mutation"), async (source) => {
        const before = await tableCounts(database.db.prisma);
        const { status, text } = await send(source);
        expect(status, `${source}\n${text}`).toBeLessThan(500);
        expect(text).not.toMatch(/\bat .+\.(ts|js):\d+/);
        expect(text).not.toContain("INTERNAL_SERVER_ERROR");
        const body = JSON.parse(text) as {
          data?: Record<string, { errors?: unknown[] } | null> | null;
          errors?: { path?: unknown[] }[];
        };
        const payload = body.data ? Object.values(body.data)[0] : null;
        const after = await tableCounts(database.db.prisma);
        const changed = JSON.stringify(after) !== JSON.stringify(before);
        // Refused: the mutation itself failed (an error at its own path, or no payload), or its
        // payload reports user errors. Errors deeper in the selection do not undo a write.
        const failedItself = !payload || (body.errors ?? []).some((e) => (e.path?.length ?? 1) <= 1);
        if (failedItself || (payload?.errors?.length ?? 0) > 0) {
          expect(changed, `refused but changed rows: ${source}\n${text}`).toBe(false);
        } else if (changed) {
          expect(after.audit, `changed rows without an audit event: ${source}`).toBeGreaterThan(before.audit);
        }
      }),
      { numRuns: Math.ceil(RUNS * 0.4), seed: SEED + 1 },
    );
  }, 900_000);
});
